package luoshi.funding.unionfee;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

@ApplicationScoped
public class UnionFeeRepository implements PanacheRepositoryBase<UnionFeeEntity, UnionFeeEntity.Key> {

    /** One statement, so that two concurrent first PUTs of a region and year cannot collide. */
    public void upsert(String regionCode, int year, BigDecimal due, BigDecimal collected) {
        getEntityManager().createNativeQuery("INSERT INTO union_fee (region_code, year, due, collected) VALUES (?1, ?2, ?3, ?4)"
                        + " ON DUPLICATE KEY UPDATE due = VALUES(due), collected = VALUES(collected)")
                .setParameter(1, regionCode).setParameter(2, year).setParameter(3, due).setParameter(4, collected)
                .executeUpdate();
    }
}
