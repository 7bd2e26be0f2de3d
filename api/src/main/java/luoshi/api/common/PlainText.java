package luoshi.api.common;

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
 * A text a person wrote (a name, a title, a reason, a document reference): docs/API.md, "Values": no lone surrogate
 * (it cannot be stored as the character it was meant to be, and MariaDB would keep a {@code ?}), no NUL or other
 * control character (a line break and a tab only where {@link #multiline} allows them), and not empty once white
 * space and zero-width characters are removed. {@code null} is left to {@code @NotNull}/{@code @NotBlank}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

    String message() default "must be plain text";

    /** True for a note or a reason of several lines: line breaks and tabs are then allowed. */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlainText, String> {
        /** What is wrong with {@code text}, or null when nothing is (null text: nothing). */
        public static String problem(String text, boolean multiline) {
            if (text == null) {
                return null;
            }
            boolean visible = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return "must not hold a lone surrogate (at character " + i + "): send valid UTF-16/UTF-8";
                    }
                    i++;
                    visible = true;
                    continue;
                }
                if (Character.isLowSurrogate(c)) {
                    return "must not hold a lone surrogate (at character " + i + "): send valid UTF-16/UTF-8";
                }
                if (c == 0) {
                    return "must not hold a NUL character (at character " + i + ")";
                }
                if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                    return "must not hold the control character U+" + String.format("%04X", (int) c) + " (at character "
                            + i + ")" + (multiline ? "" : "; it is one line of text");
                }
                if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !invisible(c)) {
                    visible = true;
                }
            }
            return visible ? null : "must not be empty once white space and zero-width characters are removed";
        }

        /** Characters that show nothing: zero-width spaces and joiners, the word joiner, the BOM, soft hyphen. */
        private static boolean invisible(char c) {
            return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD'
                    || c == '\u180E' || Character.getType(c) == Character.FORMAT;
        }

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = problem(value, multiline);
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
            }
            return problem == null;
        }
    }
}
