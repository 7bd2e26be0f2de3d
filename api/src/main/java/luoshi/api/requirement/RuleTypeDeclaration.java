package luoshi.api.requirement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rule type as the service that evaluates it declares it: a requirement of this {@code type} is created at (and
 * owned by) {@code owner}; {@code example} is a valid rule object of it; {@code adjustable} names the parameters a
 * jurisdiction may make stricter (PUT …/parameters/{regionCode}); {@code threshold} the one without which the
 * requirement is NOT_APPLICABLE for a region (null: the type has none).
 */
@Schema(name = "RuleType", description = "规则类型 (a rule type and the service that evaluates it)")
public record RuleTypeDeclaration(
        @Schema(example = "FUNDING_MIN_AMOUNT") String type,
        @Schema(example = "funding", description = "The service that evaluates it and owns its requirements") String owner,
        @Schema(type = SchemaType.OBJECT,
                example = "{\"type\":\"FUNDING_MIN_AMOUNT\",\"category\":\"YOUTH_LEAGUE_WORK\",\"minAmount\":\"20000.00\"}")
        ObjectNode example,
        @Schema(example = "[\"minAmount\"]") List<String> adjustable,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "minAmount", nullable = true) String threshold) {
}
