package luoshi.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid field of a request: {@code {"field":"amount","message":"…"}}. A row of an XLSX batch also names its
 * {@code cell}: the sheet, column and row of the workbook ({@code funding!D7}), absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String message,
        @Schema(description = "The cell of an XLSX batch that holds the invalid value: sheet, column and row, as a "
                + "spreadsheet names it; a whole row as sheet!7:7", example = "funding!D7") String cell) {

    public Violation(String field, String message) {
        this(field, message, null);
    }
}
