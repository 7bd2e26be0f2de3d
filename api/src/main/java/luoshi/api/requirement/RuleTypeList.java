package luoshi.api.requirement;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"items":[…]}}: the rule types, by type. */
@Schema(name = "RuleTypeList")
public record RuleTypeList(List<RuleTypeDeclaration> items) {
}
