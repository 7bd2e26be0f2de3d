package luoshi.org.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import luoshi.api.org.OrganizationType;
import luoshi.db.Sql;

/** What org-service's rule types share: a tenure in office, a share shown with its counts, the seeds' types. */
final class LeaderFacts {

    private LeaderFacts() {
    }

    /** A leader (alias {@code alias}) in office on {@code on}: the tenure began on or before it and had not ended. */
    static Sql inOffice(String alias, Object on) {
        return Sql.of(alias + ".tenure_from <= :on AND (" + alias + ".tenure_to IS NULL OR " + alias + ".tenure_to >= :on)")
                .bind("on", on);
    }

    /** {@code rule} naming the union, the youth league and the women's federation, as every seed of org-service does. */
    static ObjectNode mainTypes(ObjectNode rule) {
        rule.putArray("organizationTypes").add(OrganizationType.UNION.name()).add(OrganizationType.YOUTH_LEAGUE.name())
                .add(OrganizationType.WOMENS_FEDERATION.name());
        return rule;
    }

    /** {@code part ÷ whole} to four decimals and the counts: "0.7500 (3 of 4 villages)". */
    static String ratio(BigDecimal part, BigDecimal whole, String of) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.divide(whole, 4, RoundingMode.HALF_UP).toPlainString() + " (" + part.longValue() + " of "
                + whole.longValue() + of + ")";
    }
}
