package luoshi.funding.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import luoshi.api.common.Money;
import luoshi.api.compliance.Evidence;
import luoshi.api.funding.FundingCategory;
import luoshi.db.Database;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;

/**
 * FUNDING_MIN_AMOUNT: the funding of one category in a fiscal year sums to at least {@code minAmount}
 * (SHAOXING-2015 item 21: 确保各乡镇（街道）每年不少于2万元共青团工作经费). No record: a sum of 0.00.
 */
@ApplicationScoped
public class FundingMinAmount extends MinimumFundingRule {

    private final Database db;

    FundingMinAmount(Database db) {
        this.db = db;
    }

    @Override
    String parameter() {
        return "minAmount";
    }

    /** TOWNSHIP_YOUTH_LEAGUE_FUNDING: 20,000.00 of youth league work funding. */
    @Override
    Funding seed() {
        return new Funding(FundingCategory.YOUTH_LEAGUE_WORK, new BigDecimal("20000.00"));
    }

    @Override
    public String name() {
        return "FUNDING_MIN_AMOUNT";
    }

    @Override
    public Measure measure(RuleQuery<Funding> q) {
        return new Measure(sumJoin(q), TOTAL, q.threshold(), Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found<Funding> found) {
        return new Texts(Money.Amounts.format(found.expected()), Money.Amounts.format(found.actual()));
    }

    /** The records summed. */
    @Override
    public List<List<Evidence>> evidence(List<Found<Funding>> found) {
        return records(db, found);
    }
}
