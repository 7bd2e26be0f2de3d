package luoshi.rules.spi;

import luoshi.db.Sql;

/**
 * The committee terms that cut the periods of TERM requirements (REQUIREMENTS.md: "the party committee's term,
 * due on the term's end"), provided as a bean by the service that keeps them (review-service). A service without
 * one cannot own a TERM requirement.
 */
public interface TermSource {

    /** {@code SELECT id, region_code, start_date, end_date FROM …}: every term, each of one region. */
    Sql terms();
}
