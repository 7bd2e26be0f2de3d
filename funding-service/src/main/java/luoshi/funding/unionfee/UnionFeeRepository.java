package luoshi.funding.unionfee;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.batch.BatchImport;

@ApplicationScoped
public class UnionFeeRepository implements PanacheRepositoryBase<UnionFeeEntity, UnionFeeEntity.Key> {

    private final BatchImport batch;

    UnionFeeRepository(BatchImport batch) {
        this.batch = batch;
    }

    /**
     * Creates or replaces the fees of each row's region and year, in multi-row statements in the caller's transaction:
     * one statement a chunk, so that two concurrent first writes of a region and year cannot collide.
     */
    public void upsertAll(List<UnionFeeRecord> rows) {
        batch.insertAll("INSERT INTO union_fee (region_code, year, due, collected) VALUES", 4,
                "ON DUPLICATE KEY UPDATE due = VALUES(due), collected = VALUES(collected)", rows, (ps, p, r, i) -> {
                    ps.setString(p, r.regionCode());
                    ps.setInt(p + 1, r.year());
                    ps.setBigDecimal(p + 2, r.due());
                    ps.setBigDecimal(p + 3, r.collected());
                    return p + 4;
                });
    }
}
