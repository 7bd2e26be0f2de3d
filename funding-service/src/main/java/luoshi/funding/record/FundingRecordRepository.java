package luoshi.funding.record;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.funding.FundingCategory;
import luoshi.api.region.RegionCode;

@ApplicationScoped
public class FundingRecordRepository implements PanacheRepositoryBase<FundingRecordEntity, Long> {

    /**
     * The records matching every filter given (a null filter matches all), in the order stored:
     * {@code regionCode} is one region, {@code within} a subtree.
     */
    public PanacheQuery<FundingRecordEntity> matching(String regionCode, String within, Integer fiscalYear,
            FundingCategory category, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (within != null && !RegionCode.isCountry(within)) {
            where.add("regionCode like :within");
            params = params.and("within", RegionCode.subtreePattern(within));
        }
        if (regionCode != null) {
            where.add("regionCode = :regionCode");
            params = params.and("regionCode", regionCode);
        }
        if (fiscalYear != null) {
            where.add("fiscalYear = :fiscalYear");
            params = params.and("fiscalYear", fiscalYear);
        }
        if (category != null) {
            where.add("category = :category");
            params = params.and("category", category);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return find(query, Sort.by("id"), params).page(Page.of(page, size));
    }
}
