package luoshi.api.compliance;

/** How a requirement's periods are cut (REQUIREMENTS.md, Seed catalog). */
public enum RequirementPeriod {
    /** A calendar (= fiscal) year, due on 12-31. */
    YEAR,
    /** A party committee's term, due on the term's end. */
    TERM,
    /** A state on the evaluation date (the year's end for a past year). */
    STATE,
    /** Once, due on a fixed date. */
    ONCE
}
