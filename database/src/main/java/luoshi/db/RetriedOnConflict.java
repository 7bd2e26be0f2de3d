package luoshi.db;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Transactional} bean or method: a call that begins its transaction runs again whole when the database
 * rolls it back for a conflict (a deadlock, a lost Galera certification: {@link Conflicts}), at most
 * {@value Conflicts#ATTEMPTS} times. A call that joins its caller's transaction is not repeated (the caller's is, when
 * it is retried). Only for methods whose only effects are in the database: no HTTP call, no message, no state kept in
 * memory across the attempt.
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedOnConflict {
}
