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
import luoshi.api.funding.NewFundingRecord;
import luoshi.api.region.RegionCode;
import luoshi.batch.BatchImport;

@ApplicationScoped
public class FundingRecordRepository implements PanacheRepositoryBase<FundingRecordEntity, Long> {

    private final BatchImport batch;

    FundingRecordRepository(BatchImport batch) {
        this.batch = batch;
    }

    /**
     * Inserts many records in multi-row statements, in the caller's transaction: IDENTITY ids keep Hibernate from
     * batching, and a 10,000-row import must not be 10,000 round trips.
     */
    public void insertAll(List<NewFundingRecord> rows) {
        batch.insertAll("INSERT INTO funding_record (region_code, category, fiscal_year, amount, document_ref) VALUES", 5, "",
                rows, (ps, p, r, i) -> {
                    ps.setString(p, r.regionCode());
                    ps.setString(p + 1, r.category().name());
                    ps.setInt(p + 2, r.fiscalYear());
                    ps.setBigDecimal(p + 3, r.amount());
                    ps.setString(p + 4, r.documentRef());
                    return p + 5;
                });
    }

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
