package luoshi.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An answer that may be read conditionally (API.md, "Conditional reads (ETag, If-None-Match)"): its 200 carries a weak
 * {@code ETag} made of the data versions it was computed from, and a GET whose {@code If-None-Match} names that tag is
 * answered {@code 304 Not Modified} with no body. An answer that names a service in {@code incomplete} (or carries
 * {@code warnings}) has no tag. The gateway answers so and documents it on the operation.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConditionalRead {

    /** The weak tag of an answer: the versions of the data it was computed from, and its representation. */
    String ETAG_DESCRIPTION = "A weak tag of the data versions this answer was computed from (the services' versions of"
            + " the region's subtree), the question as resolved (`year`, `asOf`) and the representation: send it back in"
            + " `If-None-Match` to be answered 304 while nothing it depends on changed. Absent when the answer names a"
            + " service in `incomplete` or carries `warnings`.";

    /** The {@code If-None-Match} of a conditional read. */
    String IF_NONE_MATCH_DESCRIPTION = "The `ETag`s of answers the caller holds (or `*`): when one is the current answer's"
            + " (weak comparison), the answer is 304 Not Modified with no body.";
}
