package luoshi.review.committee;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import luoshi.api.review.Document;
import luoshi.api.review.DocumentType;
import luoshi.api.review.NewDocument;

@Entity
@Table(name = "committee_document")
@AttributeOverride(name = "date", column = @Column(name = "document_date"))
public class DocumentEntity extends CommitteeRecordEntity<DocumentType> {

    /** A new document, with its new id, not stored yet. */
    public static DocumentEntity of(NewDocument d) {
        DocumentEntity e = new DocumentEntity();
        e.fill(d.regionCode(), d.type(), d.date(), d.title(), d.documentRef());
        return e;
    }

    /** Corrects the document's fields to {@code d}'s. */
    public void correct(NewDocument d) {
        assign(d.regionCode(), d.type(), d.date(), d.title(), d.documentRef());
    }

    @Override
    public Document toDto() {
        return new Document(id, regionCode, type, date, title, documentRef);
    }
}
