package luoshi.org.store;

import java.util.ArrayList;
import java.util.List;

/** A region or population row with the feed version it is written with (the change feed's order). */
public record Versioned<T>(T row, long version) {

    /** {@code rows} in their order, versioned {@code first}, {@code first + 1}, … */
    static <T> List<Versioned<T>> from(List<T> rows, long first) {
        List<Versioned<T>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Versioned<>(rows.get(i), first + i));
        }
        return out;
    }
}
