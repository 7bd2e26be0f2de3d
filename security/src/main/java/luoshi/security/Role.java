package luoshi.security;

/**
 * The roles of API.md "Security", as the {@code groups} claim names them. Each of viewer, operator
 * and admin includes the ones before it. {@link #SERVICE} is not a person's role: it is the identity
 * a service uses for its own calls to another (the change feed, the reminder job's bulk reads); it
 * may read everything and call the internal endpoints, and write nothing.
 */
public enum Role {
    VIEWER("viewer"),
    OPERATOR("operator"),
    ADMIN("admin"),
    SERVICE("service");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }
}
