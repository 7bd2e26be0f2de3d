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

    /** How a batch endpoint reads an XLSX body, for the OpenAPI documents of the batch endpoints. */
    /** The 400 of every XLSX batch. */
    public static final String XLSX_INVALID = "A file that is not a workbook, a header without the columns, or invalid "
            + "cells, each named by its row and cell; nothing is stored";

    public static final String XLSX_BODY = "An XLSX workbook (as its template, GET …/batch/template, has it): the rows of its "
            + "first sheet under a header row naming the columns as the JSON rows name their fields; the template's Chinese "
            + "title line above it, or bilingual headers (金额 amount), are accepted. Numbers are read exactly as the cells "
            + "hold them (111.1 is 111.10), dates as date cells or ISO text (2025-03-10). The same limits as a JSON body "
            + "(10,000 rows, 16 MiB; a workbook that expands past its bounds, or as densely as a zip bomb, is refused); "
            + "every invalid value is named by its row ([3].amount) and its cell (funding!D6), and nothing is stored.";

    /** The template of a batch endpoint, for the OpenAPI documents. */
    public static final String TEMPLATE = "An XLSX workbook with the header rows of the batch's XLSX body (Chinese titles, "
            + "then the column names) on its first sheet, formats and lists of the allowed values for the columns, and a "
            + "second sheet describing each column: fill it in and send it back to the batch endpoint.";
}
