package luoshi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import luoshi.testing.RegionsCsv;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: exactly-once reminders with two replicas of review-service on two nodes of a Galera cluster, where row
 * locks do not cross nodes. Runs when {@code LUOSHI_TEST_DB_URL} names a cluster's nodes (deploy/galera/README.md,
 * "System tests on the cluster"), and is skipped, saying so, on one server. Two more review-service processes, one
 * connected to node 1 only and one to node 2 only, each sending webhooks every second, run the reminder job at the same
 * moment for the same date and region (诸暨市 of 绍兴市, 330681, and its 23 townships, where Shaoxing's township
 * requirements apply and no other test writes facts): each reminder exists once, the two runs' counts add up to them, a second pair of runs creates none, and the
 * subscriber receives each event once (its {@code webhook-id}: every reminder, and the rectification.opened of every
 * rectification the runs open, #26) although three senders on two nodes claim from one
 * outbox. The same two replicas then run the snapshot job of 绍兴市 at one moment (#27): one snapshot per region and day.
 */
class GaleraRemindersTest {

    static final String AS_OF = "2026-01-15";
    static final String COUNTY = "330681";

    static LuoshiSystem system;
    static List<URI> replicas;
    static HttpServer subscriber;
    static final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    static final AtomicInteger posts = new AtomicInteger();
    /** The rectifications the runs opened (#26): each one's rectification.opened goes out through the same outbox. */
    static final AtomicInteger opened = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        String url = System.getenv("LUOSHI_TEST_DB_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank() && luoshi.testing.JdbcUrls.hosts(url).size() >= 2,
                "SKIPPED the Galera reminder check: LUOSHI_TEST_DB_URL does not name a cluster's nodes (deploy/galera)");
        system = LuoshiSystem.get();
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/hook", exchange -> {
            posts.incrementAndGet();
            received.computeIfAbsent(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                    id -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscriber.setExecutor(Executors.newFixedThreadPool(4));
        subscriber.start();
    }

    @AfterAll
    static void stop() {
        if (subscriber != null) {
            subscriber.stop(0);
        }
    }

    @Test
    void eachReminderIsCreatedOnceAndDeliveredOnceByReplicasOnTwoNodes() throws Exception {
        importZhuji();
        String webhook = given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook", "regionCode", COUNTY))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

        List<URI> replicas = replicas();
        // each replica holds connections on its own node (and none of node 2's review connections is the first one's)
        assertThat(connectionsTo(0)).isPositive();
        assertThat(connectionsTo(1)).isPositive();
        Map<String, String> before = conflicts();

        List<Integer> first = atOnce(replicas);
        int created = first.get(0) + first.get(1);
        JsonPath reminders = given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.ADMIN)
                .get("/api/v1/reminders?regionCode=" + COUNTY + "&size=500").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = reminders.getList("items");
        assertThat(created).as("created by the two runs " + first).isPositive();
        assertThat(reminders.getInt("total")).isEqualTo(created).isEqualTo(items.size());
        Set<String> keys = items.stream().map(r -> r.get("requirementId") + "|" + r.get("regionCode") + "|"
                + r.get("periodStart") + "|" + r.get("stage") + "|" + r.get("daysBefore")).collect(Collectors.toSet());
        assertThat(keys).hasSize(created);
        Set<String> ids = items.stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());

        int openedFirst = opened.get();
        // the same run again on both nodes at once: nothing new, no reminder and no rectification
        assertThat(atOnce(replicas)).containsExactly(0, 0);
        assertThat(opened.get()).as("rectifications opened by the second runs").isEqualTo(openedFirst);
        int events = created + openedFirst;
        assertThat(given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.ADMIN)
                .get("/api/v1/reminders?regionCode=" + COUNTY + "&size=1").then().statusCode(200).extract()
                .jsonPath().getInt("total")).isEqualTo(created);

        // every reminder delivered, by whichever sender claimed it, and every outbox row says DELIVERED after 1 attempt
        Poll.until("the subscriber received " + events + " events", Duration.ofSeconds(120),
                () -> received.size() >= events);
        Poll.until("every delivery recorded", Duration.ofSeconds(60), () -> deliveries(webhook).stream()
                .filter(d -> "DELIVERED".equals(d.get("status"))).count() == events);
        List<Map<String, Object>> log = deliveries(webhook);
        assertThat(log).hasSize(events).allSatisfy(d -> assertThat(d.get("attempts")).isEqualTo(1));
        assertThat(received.keySet()).containsAll(ids).hasSize(events);
        assertThat(received.values().stream().map(AtomicInteger::get)).allMatch(n -> n == 1);
        assertThat(posts.get()).isEqualTo(events);

        Map<String, String> after = conflicts();
        System.out.printf("[galera] %d reminders, created %s by the replicas on nodes 1 and 2; %d deliveries; "
                + "conflicts during the runs and sends (node: certification failures / brute-force aborts): %s -> %s%n",
                created, first, posts.get(), before, after);
    }

    /**
     * #27: the snapshot job of 绍兴市 (330600) run by both replicas at one moment for one day: each region's snapshot of
     * that day exists once, the two runs' counts add up to the rows, and a second pair of runs takes none.
     */
    @Test
    void eachSnapshotIsTakenOnceByReplicasOnTwoNodes() throws Exception {
        importZhuji();
        List<URI> replicas = replicas();
        String day = "2026-01-16";
        List<Integer> first = atOnce(replicas, replica -> given().baseUri(replica.toString()).auth().oauth2(TestTokens.ADMIN)
                .post("/api/v1/snapshots/run?asOf=" + day + "&regionCode=330600").then().statusCode(200).extract()
                .jsonPath().getInt("taken"));
        int taken = first.get(0) + first.get(1);
        try (Connection c = system.connectToNode(0, "review-service");
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT region_code) FROM "
                        + "compliance_snapshot WHERE snapshot_date = ? AND region_code LIKE '3306%'")) {
            ps.setString(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // 绍兴市 and its counties (诸暨市 at least; the others when ShaoxingEndToEndTest imported them)
                assertThat(rs.getInt(1)).as("snapshots of the day, taken %s", first).isEqualTo(taken)
                        .isEqualTo(rs.getInt(2)).isGreaterThanOrEqualTo(2);
            }
        }
        for (String region : List.of("330600", COUNTY)) {
            assertThat(given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.ADMIN)
                    .get("/api/v1/compliance/" + region + "/trend?year=2026&from=" + day + "&to=" + day).then()
                    .statusCode(200).extract().jsonPath().getList("points.date")).containsExactly(day);
        }
        assertThat(atOnce(replicas, replica -> given().baseUri(replica.toString()).auth().oauth2(TestTokens.ADMIN)
                .post("/api/v1/snapshots/run?asOf=" + day + "&regionCode=330600").then().statusCode(200).extract()
                .jsonPath().getInt("taken"))).containsExactly(0, 0);
    }

    /** Two more review-service processes, on node 1 and on node 2, sending webhooks every second; started once. */
    private static synchronized List<URI> replicas() {
        if (replicas == null) {
            Map<String, String> fastSender = Map.of("LUOSHI_WEBHOOKS_SEND_EVERY", "1s");
            replicas = List.of(system.replicaOnNode("review-node1", "review-service", 0, fastSender),
                    system.replicaOnNode("review-node2", "review-service", 1, fastSender));
        }
        return replicas;
    }

    /** The same reminder run on both replicas, released at one moment: each answers how many it created. */
    private static List<Integer> atOnce(List<URI> replicas) throws Exception {
        return atOnce(replicas, replica -> {
            JsonPath run = given().baseUri(replica.toString()).auth()
                    .oauth2(TestTokens.ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF + "&regionCode=" + COUNTY)
                    .then().statusCode(200).extract().jsonPath();
            opened.addAndGet(run.getInt("rectificationsOpened"));
            return run.getInt("created");
        });
    }

    /** {@code run} on both replicas, released at one moment: each answers its count. */
    private static List<Integer> atOnce(List<URI> replicas, Function<URI, Integer> run)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(replicas.size());
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (URI replica : replicas) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return run.apply(replica);
                }));
            }
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> f : runs) {
                counts.add(f.get());
            }
            return counts;
        } finally {
            pool.shutdown();
        }
    }

    private static List<Map<String, Object>> deliveries(String webhook) {
        return given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.ADMIN)
                .get("/api/v1/webhooks/" + webhook + "/deliveries?size=500").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    /**
     * 浙江省, 绍兴市, 诸暨市 and its townships from docs/data, through the gateway (an import writes only new or
     * changed rows: ShaoxingEndToEndTest's import of the whole city, before or after, is unaffected).
     */
    private static void importZhuji() throws IOException {
        List<String> lines = Files.readAllLines(RegionsCsv.file(), StandardCharsets.UTF_8);
        String csv = lines.get(0) + "\n" + lines.stream().skip(1)
                .filter(l -> l.startsWith("330000,") || l.startsWith("330600,") || l.startsWith(COUNTY))
                .collect(Collectors.joining("\n")) + "\n";
        given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.token("operator", "000000"))
                .contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/regions/batch").then().statusCode(200);
    }

    /** review-service's connections that node {@code index} serves now. */
    private static long connectionsTo(int index) throws SQLException {
        try (Connection c = system.connectToNode(index, "review-service");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
            ps.setString(1, system.schemaOf("review-service"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Per node: the transactions that lost certification there, and those aborted there by a replicated write. */
    private static Map<String, String> conflicts() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < system.databaseNodes(); i++) {
            try (Connection c = system.connectToNode(i, "review-service"); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN "
                            + "('WSREP_LOCAL_CERT_FAILURES', 'WSREP_LOCAL_BF_ABORTS') ORDER BY VARIABLE_NAME DESC")) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                out.put("node" + (i + 1), String.join("/", values));
            }
        }
        return out;
    }
}
