package luoshi.api.funding;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import luoshi.api.region.RegionCode;

/**
 * A well-formed region code by {@link RegionCode#levelOf} (6, 9 or 12 digits; not the country).
 * {@code null} is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidRegionCode.Check.class)
public @interface ValidRegionCode {

    String message() default "must be a region code of 6, 9 or 12 digits (e.g. 330602001)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidRegionCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || RegionCode.levelOf(value).isPresent();
        }
    }
}
