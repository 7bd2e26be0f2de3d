package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One requirement evaluated for one region and one period (API.md, Compliance). {@code expected}
 * and {@code actual} are strings: an amount with two decimals, a count, or a share.
 * {@code requirementVersion} is the version in force on the due date (null when none is: the requirement was retired
 * or not yet in force); {@code waiver} is set on a waived item (NOT_APPLICABLE); {@code owner} when a unit is
 * responsible for the requirement in the region. {@code title} is the requirement's Chinese title; {@code reason} says
 * why an item is NOT_APPLICABLE or NO_DATA, and {@code missing} which facts a NO_FACTS item lacks (the kinds of
 * {@link Evidence}: POPULATION, UNION_FEES …): API.md, "Follow-up list and readable answers".
 */
public record ComplianceItem(
        String requirementId,
        ComplianceStatus status,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        String expected,
        String actual,
        List<Evidence> evidence,
        @Schema(example = "1", nullable = true) Integer requirementVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemWaiver waiver,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemOwner owner,
        @Schema(example = "确保各乡镇（街道）每年不少于2万元共青团工作经费") String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemReason reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "For reason NO_FACTS: the kinds of the facts that are missing", example = "[\"POPULATION\"]")
        List<String> missing) {

    /** An item of version 1, not waived, with no owner, title or reason. */
    public ComplianceItem(String requirementId, ComplianceStatus status, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, String expected, String actual, List<Evidence> evidence) {
        this(requirementId, status, periodStart, periodEnd, dueDate, expected, actual, evidence, 1, null, null, null,
                null, List.of());
    }
}
