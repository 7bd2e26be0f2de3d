package luoshi.funding.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.common.ProblemException;
import luoshi.api.common.ProblemMappers;
import luoshi.api.common.Violation;
import luoshi.api.funding.FundingApi;
import luoshi.api.funding.NewFundingRecord;

/**
 * Reads and validates a whole batch in memory before anything is stored (API.md: any invalid row →
 * 400 naming every invalid row by index). Rows are read one by one, so that an unreadable value in
 * row 3 does not hide a negative amount in row 7.
 */
@ApplicationScoped
public class FundingBatchReader {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ProblemMappers problems = new ProblemMappers();

    FundingBatchReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The rows, every one valid; otherwise a 400 naming each invalid field as {@code [i].field}. */
    public List<NewFundingRecord> read(ArrayNode rows) {
        if (rows.size() > FundingApi.MAX_BATCH_ROWS) {
            throw ProblemException.badRequest("body", "at most " + FundingApi.MAX_BATCH_ROWS
                    + " rows a batch, got " + rows.size());
        }
        List<NewFundingRecord> records = new ArrayList<>(rows.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String row = "[" + i + "]";
            JsonNode node = rows.get(i);
            if (!node.isObject()) {
                violations.add(new Violation(row, "must be a funding record object"));
                continue;
            }
            try {
                NewFundingRecord r = mapper.treeToValue(node, NewFundingRecord.class);
                for (ConstraintViolation<NewFundingRecord> v : validator.validate(r)) {
                    violations.add(new Violation(row + "." + v.getPropertyPath(), v.getMessage()));
                }
                records.add(r);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                Problem p = (Problem) problems.unreadable(e).getEntity();
                p.violations().forEach(v -> violations.add(new Violation(row + "." + v.field(), v.message())));
            } catch (IOException e) {
                violations.add(new Violation(row, "unreadable row"));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparingInt(FundingBatchReader::rowOf).thenComparing(Violation::field));
            throw ProblemException.badRequest(violations);
        }
        return records;
    }

    private static int rowOf(Violation v) {
        return Integer.parseInt(v.field().substring(1, v.field().indexOf(']')));
    }
}
