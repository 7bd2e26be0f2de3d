package luoshi.review.rules;

import jakarta.enterprise.context.ApplicationScoped;
import luoshi.db.Sql;
import luoshi.rules.spi.TermSource;

/** The party committee terms that cut the periods of TERM requirements (TERM_MASS_ORG_CONFERENCE). */
@ApplicationScoped
public class CommitteeTerms implements TermSource {

    @Override
    public Sql terms() {
        return Sql.of("SELECT id, region_code, start_date, end_date FROM committee_term");
    }
}
