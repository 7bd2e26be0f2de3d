package luoshi.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What every service with a database must show (issue 2): it runs on a real MariaDB server in its
 * own schema, with its own account, not an administrator's (issue #24), readiness includes the database,
 * OpenAPI and Swagger UI are served, and an unknown path is a problem details 404. Metrics and health are on the
 * management port only (issue #24). A service's {@code ServiceFoundationTest} extends this class.
 */
public abstract class ServiceFoundationChecks {

    @TestHTTPResource(value = "/", management = true)
    URI management;

    private final String schema;

    protected ServiceFoundationChecks(String schema) {
        this.schema = schema;
    }

    @Test
    void talksToARealMariaDbServerInItsOwnSchema() throws Exception {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION(), DATABASE(), CURRENT_USER()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).containsIgnoringCase("MariaDB");
            assertThat(rs.getString(2)).startsWith("luoshi_test_" + schema);
            assertThat(rs.getString(3)).as("the schema's own user").startsWith(rs.getString(2) + "@");
        }
    }

    @Test
    void itsOwnUserCannotDropTheAuditTriggers() throws Exception {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP TRIGGER audit_event_no_delete")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
            assertThatThrownBy(() -> s.execute("TRUNCATE TABLE audit_event")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
    }

    @Test
    void readinessIncludesTheDatabase() {
        Management.given(management).get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsAndHealthAreOnTheManagementPortOnly() {
        Management.given(management).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anUnknownPathIsAProblemDetails404() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404)).body("title", is("Not Found"));
    }
}
