package luoshi.api.review;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import luoshi.api.region.RegionCode;

/** A well-formed region code of a real level (6, 9 or 12 digits; see {@link RegionCode}); null passes. */
@Documented
@Constraint(validatedBy = RegionCodeValue.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegionCodeValue {

    String message() default "not a region code (6, 9 or 12 digits, e.g. 330600)";

    /** The country 000000 is accepted where a whole-country subtree makes sense (lists, webhooks). */
    boolean countryAllowed() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RegionCodeValue, String> {
        private boolean countryAllowed;

        @Override
        public void initialize(RegionCodeValue annotation) {
            countryAllowed = annotation.countryAllowed();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || RegionCode.levelOf(value).isPresent()
                    || countryAllowed && RegionCode.isCountry(value);
        }
    }
}
