package luoshi.review.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import luoshi.api.compliance.OpenItem;
import luoshi.db.Sql;

/**
 * The open items of a part of the reminder job's run, as ranges of the unique keys that begin with (requirement_id,
 * region_code): for each requirement, its lowest and highest region code. An owner hands its items over in the order
 * (requirement, region, period), so a part of a thousand covers one requirement or a few, and its ranges read the rows
 * of those items and few others, on the key's index (issue #29: a part is written on its own, what is stored already is
 * read for the part, not for the run).
 */
public record ItemSpans(List<Span> spans) {

    /** The region codes [fromRegion, toRegion] of one requirement. */
    public record Span(String requirementId, String fromRegion, String toRegion) {
    }

    public static ItemSpans of(List<OpenItem> items) {
        Map<String, String[]> byRequirement = new TreeMap<>();
        for (OpenItem i : items) {
            String[] range = byRequirement.computeIfAbsent(i.requirementId(), r -> new String[] {i.regionCode(), i.regionCode()});
            if (i.regionCode().compareTo(range[0]) < 0) {
                range[0] = i.regionCode();
            }
            if (i.regionCode().compareTo(range[1]) > 0) {
                range[1] = i.regionCode();
            }
        }
        List<Span> spans = new ArrayList<>();
        byRequirement.forEach((r, range) -> spans.add(new Span(r, range[0], range[1])));
        return new ItemSpans(List.copyOf(spans));
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** The condition on a table whose columns are {@code requirement_id} and {@code region_code}. */
    Sql condition() {
        List<Sql> any = new ArrayList<>();
        for (Span s : spans) {
            any.add(Sql.of("(requirement_id = :r AND region_code BETWEEN :from AND :to)").bind("r", s.requirementId())
                    .bind("from", s.fromRegion()).bind("to", s.toRegion()));
        }
        return Sql.of("(:any)").bind("any", Sql.join(" OR ", any));
    }
}
