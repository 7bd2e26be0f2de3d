package luoshi.review;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The regions a test writes facts about (API.md, "Known regions only": the service refuses facts of regions its copy
 * lacks). They are in the copy during the test and out of it after, so that no other test's reminder run meets them
 * ({@link DirectSql#putInCopy(org.junit.jupiter.api.TestInfo)}). On a class: for each of its tests, with a method's own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RegionsInCopy {
    String[] value();
}
