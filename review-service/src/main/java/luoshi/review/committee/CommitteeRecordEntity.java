package luoshi.review.committee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a meeting and a document have in common: a region's committee, a type ({@code K}), a day (each table names
 * its column: {@code @AttributeOverride} of {@code date}), a title, a 文号.
 */
@MappedSuperclass
public abstract class CommitteeRecordEntity<K extends Enum<K>> extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public K type;

    public LocalDate date;

    public String title;

    @Column(name = "document_ref")
    public String documentRef;

    /** The record as the contract has it. */
    public abstract Object toDto();

    /** A new record's identity and fields; a blank document number is none. */
    void fill(String regionCode, K type, LocalDate date, String title, String documentRef) {
        this.id = UUID.randomUUID().toString();
        assign(regionCode, type, date, title, documentRef);
    }

    /** The record's fields, as on create (a correction keeps the identity). */
    void assign(String regionCode, K type, LocalDate date, String title, String documentRef) {
        this.regionCode = regionCode;
        this.type = type;
        this.date = date;
        this.title = title.strip();
        this.documentRef = documentRef == null || documentRef.isBlank() ? null : documentRef.strip();
    }
}
