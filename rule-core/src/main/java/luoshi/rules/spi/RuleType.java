package luoshi.rules.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.Evidence;

/**
 * One rule type of REQUIREMENTS.md (FUNDING_MIN_AMOUNT, MEETING_COUNT, LEADER_EMPLOYMENT, …), defined once, in one
 * {@code @ApplicationScoped} class of the service that holds its facts. {@code P} is the type's parameters as a record:
 * {@link #parse} reads them from a rule object once, and every other method works on that record, never on the JSON.
 * The class says:
 * <ul>
 *   <li>its parameters: {@link #parse}, {@link #example}, {@link #adjustable} (each with its bounds), {@link #threshold};</li>
 *   <li>the facts it reads over the regions of a query in SQL and the numbers it compares ({@link #measure}), and how
 *       ({@link #comparison}: at least, by default);</li>
 *   <li>how those numbers read on an item ({@link #texts}), and the facts an inspector checks by hand
 *       ({@link #evidence(Found)}; for many items of an answer at once, {@link #evidence(List)}).</li>
 * </ul>
 *
 * <p>Everything else is the framework's (rule-core's engine and catalog): the periods, the statuses (met: COMPLIANT; not
 * met before the due date PENDING, after it NON_COMPLIANT; NO_DATA; NOT_APPLICABLE), jurisdiction parameters, versions,
 * waivers, owners, a region's items, the rollup per child, open items, kept answers, and the list of rule types a
 * service declares ({@code GET /api/v1/rule-types}). The same SQL decides the status of an item and of every region
 * of a rollup, so the two always agree. A new type is this one class and a seed migration of its requirements
 * (rule-core/README.md, "Adding a rule type").
 *
 * @param <P> the type's parameters, a record
 */
public interface RuleType<P> {

    /** The type's name, as in the rule object's {@code type}. */
    String name();

    /**
     * The parameters of a whole rule object, read once: each through {@code rule} ({@link RuleReader#oneOf},
     * {@link RuleReader#decimal} …), which names what is missing or invalid as {@code rule.<parameter>}. The framework
     * refuses the rule (400) when the reader found a violation, and then ignores what this answered.
     */
    P parse(RuleReader rule);

    /** A valid rule object of this type, {@code type} included (the seed's parameters): what a client may start from. */
    ObjectNode example();

    /**
     * The numeric parameters a jurisdiction may set for its subtree: which way is stricter and the values they may
     * take. The framework reads them only within these bounds (a stored value outside them counts as not set).
     */
    default Map<String, Adjustable> adjustable() {
        return Map.of();
    }

    /**
     * The parameter that sets the bar (minAmount, min, minShare …), one of {@link #adjustable}: while no value of it
     * is in force for a region, the requirement is NOT_APPLICABLE there (the seeds leave some numbers to the
     * jurisdictions). Null when the type has none.
     */
    default String threshold() {
        return null;
    }

    /** How {@code actual} meets {@code expected}: at least (不少于), unless the type says otherwise. */
    default Comparison comparison() {
        return Comparison.AT_LEAST;
    }

    /**
     * The numbers of the verdict for every region of a query, for one period: SQL joins and expressions over the
     * region row ({@link RuleQuery#regionCode()}), with every value bound.
     */
    Measure measure(RuleQuery<P> query);

    /** What an item shows as {@code expected} and {@code actual}, from its numbers (never NOT_APPLICABLE). */
    Texts texts(Found<P> found);

    /** The facts one region's verdict rests on, for an inspector to check by hand (never NOT_APPLICABLE). */
    List<Evidence> evidence(Found<P> found);

    /**
     * The evidence of several items of this type at once, each as {@link #evidence(Found)} gives it, in the order of
     * {@code found}: what the framework asks, once per type for all the items of an answer (a region's items, a page
     * of the follow-up list). By default {@link #evidence(Found)} for each item, right for a type whose evidence is its
     * numbers; a type that reads its evidence from the database reads it for all of them in one statement
     * ({@link EvidenceRows}: an answer's statements then grow with its types, not with its items; #29).
     */
    default List<List<Evidence>> evidence(List<Found<P>> found) {
        return found.stream().map(f -> evidence(f)).toList();
    }

    /**
     * The facts a NO_DATA item of this type lacks when its {@link Measure#noData} held (API.md, reason {@code NO_FACTS}),
     * named by the kinds of {@link Evidence} ({@code POPULATION}, {@code UNION_FEES} …). A type whose {@code noData}
     * never holds leaves it empty.
     */
    default List<String> missingFacts(Found<P> found) {
        return List.of();
    }

    /** An item's {@code expected} and {@code actual}; either may be null. */
    record Texts(String expected, String actual) {
    }
}
