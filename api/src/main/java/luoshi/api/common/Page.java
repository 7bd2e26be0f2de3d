package luoshi.api.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items":[…],"page":0,"size":50,"total":123}} (API.md, Conventions). */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
    public static final String DEFAULT_SIZE = "50";

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }

    /** The first row of the page, for LIMIT/OFFSET queries. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }

    /**
     * The total of a list whose page {@code page} of {@code size} holds {@code items} rows: known without counting
     * when that page is the list's last (not full, and not past the end); otherwise {@code count} counts. Spares an
     * expensive query its second evaluation when one page holds it all.
     */
    public static long total(int page, int size, int items, java.util.function.LongSupplier count) {
        return items < size && (items > 0 || page == 0) ? offset(page, size) + items : count.getAsLong();
    }
}
