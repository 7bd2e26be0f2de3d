package luoshi.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role an operation needs (API.md, "Security"), on the method of the contract's interface. Every service and the
 * gateway (which implements the same interfaces) check it for each call before anything else is done with the request,
 * its body above all: a caller whose token lacks the role gets a 403 problem and nothing of the body is read (module
 * {@code security}, {@code RoleCheck}). Which regions a caller may act on is checked afterwards, by each service
 * ({@code Access}), as it needs the region the request names, sometimes in its body. The OpenAPI documents state the role
 * of each operation ({@code x-luoshi-role}, and a sentence of its description).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {

    /** The role needed; a role that includes it will do ({@link Role#includes}). */
    Role value();
}
