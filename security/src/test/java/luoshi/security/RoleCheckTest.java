package luoshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import luoshi.api.common.Role;
import org.junit.jupiter.api.Test;

/** The roles a 403 names: those of people that include the one needed, and none for the services' own calls. */
class RoleCheckTest {

    @Test
    void aRefusalNamesThePeoplesRolesThatIncludeTheOneNeeded() {
        assertThat(RoleCheck.including(Role.VIEWER)).isEqualTo("viewer, assessor, operator or admin");
        assertThat(RoleCheck.including(Role.OPERATOR)).isEqualTo("operator or admin");
        assertThat(RoleCheck.including(Role.ADMIN)).isEqualTo("admin");
    }

    /** No person's role includes the services' own: a person's call of an internal endpoint was a 500. */
    @Test
    void anInternalOperationNamesTheServicesOwnTokens() {
        assertThat(RoleCheck.including(Role.SERVICE)).isEqualTo("the services' own (no person's token)");
    }
}
