package luoshi.rules.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;

/**
 * One rule type of REQUIREMENTS.md (FUNDING_MIN_AMOUNT, MEETING_COUNT, LEADER_EMPLOYMENT, …), defined once, in one
 * {@code @ApplicationScoped} class of the service that holds its facts: its parameters ({@link #validate},
 * {@link #adjustable}, {@link #threshold}), the facts it reads over a subtree in SQL and the numbers its judgement
 * compares ({@link #measure}), how those numbers read on an item ({@link #texts}), and the facts an inspector checks
 * by hand ({@link #evidence}).
 *
 * <p>Everything else is the framework's ({@code Verdicts}, {@code Compliance}): the periods, the statuses
 * ({@code actual ≥ expected} met; not met before the due date PENDING, after it NON_COMPLIANT; NO_DATA;
 * NOT_APPLICABLE), jurisdiction parameters, a region's items, the rollup per child, open items and kept answers. The
 * same SQL decides the status of an item and of every region of a rollup, so the two always agree. The catalog
 * accepts new requirements only of the types its service provides. rule-core/README.md lists every type.
 */
public interface RuleType {

    /** The type's name, as in the rule object's {@code type}. */
    String name();

    /** The violations of a whole rule object, fields named {@code rule.<parameter>}; empty when valid. */
    List<Violation> validate(ObjectNode rule);

    /** The numeric parameters a jurisdiction may make stricter, and which way is stricter. */
    default Map<String, Strictness> adjustable() {
        return Map.of();
    }

    /**
     * The parameter that sets the bar (minAmount, min, minShare …): while no value of it is in force for a region,
     * the requirement is NOT_APPLICABLE there (the seeds leave some numbers to the jurisdictions). Null when the type
     * has none.
     */
    default String threshold() {
        return null;
    }

    /**
     * The numbers of the verdict for every region {@code g} (table {@code region}) of a query, for one period: SQL
     * joins and expressions over {@code g}, with every value bound.
     */
    Measure measure(RuleQuery query);

    /** What an item shows as {@code expected} and {@code actual}, from its numbers (never NOT_APPLICABLE). */
    Texts texts(Found found);

    /** The facts one region's verdict rests on, for an inspector to check by hand (never NOT_APPLICABLE). */
    List<Evidence> evidence(Found found);

    /** An item's {@code expected} and {@code actual}; either may be null. */
    record Texts(String expected, String actual) {
    }
}
