package luoshi.funding.record;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import luoshi.api.funding.FundingCategory;

/** One funding allocation (table {@code funding_record}). */
@Entity
@Table(name = "funding_record")
public class FundingRecordEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "region_code", nullable = false, length = 12)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public FundingCategory category;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal amount;

    @Column(name = "document_ref", length = 100)
    public String documentRef;
}
