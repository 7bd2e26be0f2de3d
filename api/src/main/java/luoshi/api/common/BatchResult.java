package luoshi.api.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {"accepted":n}}: every row of a batch import was stored (API.md: a batch is all or nothing). The
 * batch imports of funding records, union fees, committee terms, meetings and documents answer it.
 */
@Schema(description = "Every row of the batch was stored", example = "{\"accepted\":2}")
public record BatchResult(int accepted) {

    /** API.md: a batch holds at most 10,000 rows. */
    public static final int MAX_ROWS = 10_000;

    /** How a batch endpoint treats its rows, for the OpenAPI documents of the batch endpoints. */
    public static final String ALL_OR_NOTHING = "At most 10,000 rows, each as the single-row endpoint takes it. Every row is "
            + "checked first: any invalid row → 400 naming every invalid row by index ([3].date), and nothing is stored. "
            + "A row outside the caller's region → 403 naming the first such row, and nothing is stored. ";
}
