package luoshi.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;

/**
 * One rule type of REQUIREMENTS.md (FUNDING_MIN_AMOUNT, MEETING_COUNT, …), provided as an
 * {@code @ApplicationScoped} bean by the service that evaluates it. The catalog accepts new
 * requirements only of the types its service provides.
 */
public interface RuleType {

    /** The type's name, as in the rule object's {@code type}. */
    String name();

    /** The violations of a whole rule object, fields named {@code rule.<parameter>}; empty when valid. */
    List<Violation> validate(ObjectNode rule);

    /** The numeric parameters a jurisdiction may make stricter, and which way is stricter. */
    Map<String, Strictness> adjustable();
}
