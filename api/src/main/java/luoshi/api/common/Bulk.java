package luoshi.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bulk body (API.md, "Bodies"): a batch of rows, read as a stream, row by row, never whole in memory. Its limits are
 * enforced while it is read: more than {@link #rows} rows → 413 problem, without reading the rest; more than
 * {@link #bytes} bytes → 413 problem (at once when {@code Content-Length} says so); a malformed row → 400 naming it;
 * nothing is stored in any of these cases. Every other body may have at most {@link #OTHER_BYTES} bytes (module
 * {@code platform}, {@code BodyLimits}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Bulk {

    /** The bytes of a bulk body: 10,000 rows of a few hundred bytes each, and room for the national list of regions. */
    long MAX_BYTES = 16L * 1024 * 1024;

    /** The bytes of any body that is not a bulk one (one record, a patch, a rule): far more than any of them needs. */
    long OTHER_BYTES = 256L * 1024;

    /**
     * The XLSX media type: the bulk endpoints of funding, union fees, meetings and population also take a workbook, the
     * rows of its first sheet under a header row of the same columns as their JSON rows (API.md, "Reports"), and answer
     * their template at {@code …/batch/template}.
     */
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The most rows a batch may hold. */
    int rows() default BatchResult.MAX_ROWS;

    /** The most bytes the body may have. */
    long bytes() default MAX_BYTES;
}
