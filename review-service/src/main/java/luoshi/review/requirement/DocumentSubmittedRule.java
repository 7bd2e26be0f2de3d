package luoshi.review.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;
import luoshi.api.review.DocumentType;
import luoshi.rules.RuleType;
import luoshi.rules.Strictness;

/** DOCUMENT_SUBMITTED: a document of {@code documentType} submitted by the due date's evaluation. */
@ApplicationScoped
public class DocumentSubmittedRule implements RuleType {

    public static final String NAME = "DOCUMENT_SUBMITTED";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        return documentType(rule) == null
                ? List.of(new Violation("rule.documentType", "must be one of " + List.of(DocumentType.values())))
                : List.of();
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of();
    }

    static DocumentType documentType(ObjectNode rule) {
        return RuleFields.enumValue(rule, "documentType", DocumentType.class);
    }
}
