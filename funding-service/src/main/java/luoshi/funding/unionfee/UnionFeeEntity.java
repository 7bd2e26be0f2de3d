package luoshi.funding.unionfee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** Union fees due and collected for one region and year (table {@code union_fee}). */
@Entity
@Table(name = "union_fee")
public class UnionFeeEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal due;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal collected;

    @Embeddable
    public record Key(@Column(name = "region_code", length = 12) String regionCode, @Column(name = "year") int year)
            implements Serializable {
    }
}
