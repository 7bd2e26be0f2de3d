package luoshi.api.region;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A region-code field of a request body: well-formed by {@link RegionCode}'s one rule, with its one message; the
 * country 000000 only where a whole-country subtree makes sense ({@link #country}: a webhook's region). {@code null}
 * is left to {@code @NotNull}. Parameters and filters are {@link RegionCode} values instead, parsed at the edge.
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidRegionCode.Check.class)
public @interface ValidRegionCode {

    String message() default RegionCode.MALFORMED;

    /** True where the country 000000 is a meaningful value (a subtree), false where a region is needed. */
    boolean country() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidRegionCode, String> {
        private boolean country;

        @Override
        public void initialize(ValidRegionCode annotation) {
            country = annotation.country();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || RegionCode.levelOf(value).isPresent()) {
                return true;
            }
            if (RegionCode.isCountry(value) && !country) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(RegionCode.NOT_THE_COUNTRY).addConstraintViolation();
            }
            return country && RegionCode.isCountry(value);
        }
    }
}
