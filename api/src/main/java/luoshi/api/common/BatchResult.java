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
    public static final String ALL_OR_NOTHING = "At most 10,000 rows and 16 MiB, each row as the single-row endpoint takes "
            + "it; the body is read as a stream, and a body past either limit is a 413 without the rest being read. Every "
            + "row is checked before anything is stored: invalid rows → 400 naming each invalid field by its row's index "
            + "([3].date; the first 100 of them), and nothing is stored. A row outside the caller's region → 403 naming the "
            + "first such row, and nothing is stored. ";
}
