package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import luoshi.system.PublicApi.Answer;
import luoshi.testing.JdbcUrls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Exposure": nothing is reachable that need not be. The embedded database has real accounts (no anonymous and
 * no password-less login over TCP) and listens on the loopback interface only; metrics are on a management port, not on
 * the public port of the gateway or of any service. The test knows the database only by the address LuoshiSystem gives
 * it, whatever accounts LuoshiSystem and the services use. The gateway's root is the dashboard (issue #28), open to
 * anyone as a page, while every API call it makes needs a token.
 */
class ExposureTest {

    static LuoshiSystem system;
    static String host;
    static int port;

    @BeforeAll
    static void start() {
        system = LuoshiSystem.get();
        String address = JdbcUrls.hosts(system.databaseUrl()).get(0);
        host = address.substring(0, address.lastIndexOf(':'));
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    @Test
    void theEmbeddedDatabaseRefusesAnAnonymousAndAPasswordlessLogin() {
        Assumptions.assumeTrue(system.databaseIsEmbedded(), "SKIPPED: the database is LUOSHI_TEST_DB_URL's, not the embedded one");
        List<String> admitted = new ArrayList<>();
        for (String user : List.of("", "root", "nobody", "luoshi")) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", user, "")) {
                admitted.add("'" + user + "' with no password, as " + c.getMetaData().getUserName());
            } catch (SQLException refused) {
                // 1045 access denied, or 1698 for a socket-only root: what must happen
            }
        }
        assertThat(admitted).as("logins the embedded database on " + host + ":" + port + " admitted over TCP").isEmpty();
    }

    @Test
    void theEmbeddedDatabaseListensOnTheLoopbackOnly() throws SocketException {
        Assumptions.assumeTrue(system.databaseIsEmbedded(), "SKIPPED: the database is LUOSHI_TEST_DB_URL's, not the embedded one");
        List<InetAddress> outside = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        outside.add(a);
                    }
                }
            }
        }
        Assumptions.assumeFalse(outside.isEmpty(), "SKIPPED: this machine has no address but the loopback to try");
        List<String> listening = new ArrayList<>();
        for (InetAddress a : outside) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, port), 2_000);
                listening.add((a instanceof Inet4Address ? a.getHostAddress() : "[" + a.getHostAddress() + "]") + ":" + port);
            } catch (IOException refused) {
                // what must happen: nothing listens there
            }
        }
        assertThat(listening).as("non-loopback addresses of this machine where the embedded database accepts connections")
                .isEmpty();
    }

    @Test
    void theGatewaysRootIsTheDashboardForAnyoneWhileItsApiStillNeedsAToken() {
        // issue #28: / is the dashboard's page (no token needed to load it), loading nothing from elsewhere
        Answer page = PublicApi.send(system.gateway(), null, "GET", "/", Map.of(), null, null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"zh-CN\">").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        // ... whose data is the API's, which answers no one without a token
        Answer api = PublicApi.send(system.gateway(), null, "GET", "/api/v1/compliance/330600/rollup", Map.of(), null, null);
        assertThat(api.status()).as(api.toString()).isEqualTo(401);
    }

    @Test
    void metricsAreNotOnThePublicPortOfTheGatewayOrAnyService() {
        List<String> exposed = new ArrayList<>();
        for (String service : List.of("gateway", "org-service", "funding-service", "review-service")) {
            Answer a = PublicApi.send(system.url(service), null, "GET", "/q/metrics", Map.of(), null, null);
            if (a.status() != 404) {
                exposed.add(service + " " + system.url(service) + "/q/metrics → " + a.status() + " " + a.contentType() + " ("
                        + a.body().length() + " chars)");
            }
        }
        assertThat(exposed).as("/q/metrics on public ports").isEmpty();
    }
}
