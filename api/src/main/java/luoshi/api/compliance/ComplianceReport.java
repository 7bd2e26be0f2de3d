package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The compliance of one region for one year, evaluated on {@code asOf} (API.md, Compliance): one item
 * per requirement of the catalog (per committee term for a TERM requirement), ordered by requirement
 * id, and the items counted per status. {@code incomplete} names each service that did not answer;
 * {@code warnings} says when an answer may be out of date (a service's read copy of the regions
 * lagging behind org-service, say).
 */
@Schema(name = "ComplianceReport", description = "各项要求在一个地区、一个年度的落实情况 (the compliance of one region for one year)")
public record ComplianceReport(
        @Schema(example = "330602001") String regionCode,
        @Schema(example = "塔山街道") String regionName,
        @Schema(example = "2025") int year,
        @Schema(example = "2026-11-22") LocalDate asOf,
        List<ComplianceItem> items,
        StatusCounts summary,
        @Schema(description = "The services that did not answer within their timeout (or whose circuit is open): "
                + "their requirements are missing from items and summary",
                example = "[\"funding-service\"]") List<String> incomplete,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Why an answer may be out of date") List<String> warnings) {
}
