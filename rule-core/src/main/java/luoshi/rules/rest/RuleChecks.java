package luoshi.rules.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.validator.HibernateValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import luoshi.api.common.Violation;
import luoshi.api.requirement.NewRequirement;
import luoshi.rules.catalog.RuleTypes;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;

/**
 * The rule object of a new requirement, checked at the edge with the request's other fields, so that one 400 names
 * every invalid field (an issuer that is no region code and a {@code rule.minAmount} of 0 alike). The contract's
 * {@link NewRequirement} cannot name the check (the gateway, which has no rule types, validates the same record), so
 * each service adds it to its own validator: a constraint on {@code rule} that reads the rule with the type it names
 * ({@link RuleTypes#violations}), each violation on its parameter ({@code rule.minAmount}).
 */
@ApplicationScoped
public class RuleChecks implements HibernateValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(OfThisService.class).includeExistingValidators(false).validatedBy(Check.class);
        mapping.type(NewRequirement.class).field("rule").constraint(new GenericConstraintDef<>(OfThisService.class));
        configuration.addMapping(mapping);
    }

    /** A rule object of a type this service evaluates, valid by that type. */
    @Target(FIELD)
    @Retention(RUNTIME)
    @Constraint(validatedBy = {})
    public @interface OfThisService {
        String message() default "is not a valid rule of a type this service evaluates";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The check: the rule's violations, each on its parameter (a missing rule is {@code @NotNull}'s). */
    @ApplicationScoped
    public static class Check implements ConstraintValidator<OfThisService, ObjectNode> {

        private final RuleTypes types;

        Check(RuleTypes types) {
            this.types = types;
        }

        @Override
        public boolean isValid(ObjectNode rule, ConstraintValidatorContext context) {
            if (rule == null) {
                return true;
            }
            List<Violation> violations = types.violations(rule);
            if (violations.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Violation v : violations) {
                context.buildConstraintViolationWithTemplate(literal(v.message()))
                        .addPropertyNode(v.field().replaceFirst("^rule\\.", "")).addConstraintViolation();
            }
            return false;
        }

        /** A message as a template that says exactly it: a rule's text (an unknown type's name) may hold {, } or $. */
        private static String literal(String message) {
            return message.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
