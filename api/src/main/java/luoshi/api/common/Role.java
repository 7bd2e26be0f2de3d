package luoshi.api.common;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of API.md "Security", as the {@code groups} claim of a token names them, and what each includes. An operation
 * declares the role it needs ({@link Requires}); a token of a role that includes it may call it.
 * <ul>
 *   <li>viewer: reads (in its subtree);</li>
 *   <li>assessor (a third party, 第三方评估): reads, and records satisfaction assessments; no other write;</li>
 *   <li>operator: reads, and writes the facts;</li>
 *   <li>admin: everything above, and the catalog, parameters, reminder runs, webhooks and the audit trail;</li>
 *   <li>{@link #SERVICE} is not a person's role but the identity a service uses for its own calls to another (the change
 *       feed, the reminder job's bulk reads): it reads everything and calls the internal endpoints, and writes nothing.</li>
 * </ul>
 * The ladder viewer &lt; operator &lt; admin holds; assessor sits beside operator (viewer plus assessments only).
 */
public enum Role {
    VIEWER("viewer"),
    ASSESSOR("assessor"),
    OPERATOR("operator"),
    ADMIN("admin"),
    SERVICE("service");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The name in the token's {@code groups} claim. */
    public String group() {
        return group;
    }

    /** Whether a token of this role may do what {@code needed} may do. */
    public boolean includes(Role needed) {
        return included().contains(needed);
    }

    private Set<Role> included() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case ASSESSOR -> EnumSet.of(VIEWER, ASSESSOR);
            case OPERATOR -> EnumSet.of(VIEWER, OPERATOR);
            case ADMIN -> EnumSet.of(VIEWER, ASSESSOR, OPERATOR, ADMIN);
            case SERVICE -> EnumSet.of(VIEWER, SERVICE);
        };
    }

    /** The role a {@code groups} entry names, or null for a name that is none of them. */
    public static Role ofGroup(String group) {
        for (Role role : values()) {
            if (role.group.equals(group)) {
                return role;
            }
        }
        return null;
    }
}
