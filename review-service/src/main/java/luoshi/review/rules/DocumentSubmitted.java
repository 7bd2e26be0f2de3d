package luoshi.review.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.review.DocumentType;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.EvidenceRows;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/**
 * DOCUMENT_SUBMITTED: a document of {@code documentType} submitted by the evaluation date (CENTRAL-2015, closing:
 * 各省、自治区、直辖市党委……要根据本意见要求制定实施方案; ACFTU-2017 §3). A ONCE requirement counts every document up
 * to the evaluation date, so a late one still counts; other periods count the period's own.
 */
@ApplicationScoped
public class DocumentSubmitted implements RuleType<DocumentSubmitted.Documents> {

    /** The kind of document that must have been submitted. */
    public record Documents(DocumentType documentType) {
    }

    /** Before every document: a ONCE requirement counts from here. */
    private static final LocalDate EVER = LocalDate.of(1000, 1, 1);

    private final Database db;

    DocumentSubmitted(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "DOCUMENT_SUBMITTED";
    }

    @Override
    public Documents parse(RuleReader rule) {
        return new Documents(rule.oneOf("documentType", DocumentType.class));
    }

    /** The seed IMPLEMENTATION_PLAN's rule. */
    @Override
    public ObjectNode example() {
        return RuleReader.object(name()).put("documentType", DocumentType.IMPLEMENTATION_PLAN.name());
    }

    @Override
    public Measure measure(RuleQuery<Documents> q) {
        Sql from = q.period().kind() == RequirementPeriod.ONCE ? Sql.of("DATE '1000-01-01'") : q.period().start();
        return new Measure(Measure.NO_JOINS, Sql.of("(SELECT COUNT(*) FROM committee_document d WHERE d.region_code = :code"
                + " AND d.type = :type AND d.document_date BETWEEN :from AND :to)")
                .bind("code", q.regionCode()).bind("type", q.rule().documentType())
                .bind("from", from).bind("to", q.period().knownOn()), Sql.of("1"), Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found<Documents> found) {
        return new Texts(RuleFields.count(found.expected()), RuleFields.count(found.actual()));
    }

    @Override
    public List<Evidence> evidence(Found<Documents> found) {
        return evidence(List.of(found)).get(0);
    }

    /** The documents counted, of every item in one statement. */
    @Override
    public List<List<Evidence>> evidence(List<Found<Documents>> found) {
        return EvidenceRows.read(db, found, f -> Sql.of("SELECT id, document_ref, document_date, title FROM committee_document"
                + " WHERE region_code = :code AND type = :type AND document_date BETWEEN :from AND :to")
                .bind("code", f.regionCode()).bind("type", f.rule().documentType())
                .bind("from", f.kind() == RequirementPeriod.ONCE ? EVER : f.periodStart()).bind("to", f.knownOn()),
                "document_date, id",
                rs -> new Evidence("DOCUMENT", rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate() + " " + rs.getString(4)));
    }
}
