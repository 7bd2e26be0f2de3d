package luoshi.review.committee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** What a meeting and a document have in common: a region's committee, a title, a 文号. */
@MappedSuperclass
public abstract class CommitteeRecordEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "region_code")
    public String regionCode;

    public String title;

    @Column(name = "document_ref")
    public String documentRef;

    /** A new record's identity and common fields; a blank document number is none. */
    void fill(String regionCode, String title, String documentRef) {
        this.id = UUID.randomUUID().toString();
        this.regionCode = regionCode;
        this.title = title.strip();
        this.documentRef = documentRef == null || documentRef.isBlank() ? null : documentRef.strip();
    }
}
