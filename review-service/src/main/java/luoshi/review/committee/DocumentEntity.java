package luoshi.review.committee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import luoshi.api.review.Document;
import luoshi.api.review.DocumentType;

@Entity
@Table(name = "committee_document")
public class DocumentEntity extends CommitteeRecordEntity {

    @Enumerated(EnumType.STRING)
    public DocumentType type;

    @Column(name = "document_date")
    public LocalDate date;

    public Document toDto() {
        return new Document(id, regionCode, type, date, title, documentRef);
    }
}
