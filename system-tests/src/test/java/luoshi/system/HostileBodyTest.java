package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import luoshi.system.PublicApi.Answer;
import luoshi.testing.RawHttp;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Bodies" (issue #24's first finding): the caller's role is checked before a body is read, and bulk bodies are
 * read as a stream with a row and a byte limit, so that no body, however large and however many at once, exhausts a
 * service. A township viewer's 8 MB CSV is a 403 in under a second; three, then ten, hostile bulk bodies of an operator
 * of the country at once are each a 4xx problem (413 or 400), leave no OutOfMemoryError in any service's log, and
 * another caller's compliance reads keep a 95th percentile under 500 ms meanwhile.
 *
 * <p>Bodies are sent on a plain socket: a server that answers before it has read the body (as it must here) may close
 * the connection while the body is still being written, and the answer is what counts.
 *
 * <p>Runs last: if a service does run out of memory, the tests after it would fail for that.
 */
@Order(Integer.MAX_VALUE)
class HostileBodyTest {

    static final String READ_REGION = "320205003";
    static final String OPERATOR = TestTokens.token("operator", "000000", "bulk@000000");
    static final String READER = TestTokens.token("viewer", "320205", "reader@320205");
    static final ExecutorService POOL = Executors.newFixedThreadPool(11);

    /**
     * A regions CSV of 300,000 villages (7.8 MB: under the gateway's 10 MiB limit, so that only the role or the row limit
     * can refuse it), its last row invalid: nothing may be stored, whatever the limit.
     */
    static final byte[] REGIONS_CSV = csv("code,name,level,parentCode\n", 300_000,
            i -> String.format(Locale.ROOT, "320206%03d%03d,村,VILLAGE,\n", i / 1000, i % 1000), "0,,,\n");
    /** A population CSV of a million lines (about 6 MB), its last row invalid. */
    static final byte[] POPULATION_CSV = csv("regionCode,year,total\n", 1_000_000, i -> "1,1,1\n", "0,x,x\n");
    /** A million empty funding rows, [{},{},…] (3 MB). */
    static final byte[] EMPTY_ROWS = ("[" + "{},".repeat(999_999) + "{}]").getBytes(StandardCharsets.US_ASCII);

    record Bulk(String name, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            return name + " (" + body.length / 1_000_000 + " MB) to " + path;
        }
    }

    static final List<Bulk> BULKS = List.of(
            new Bulk("a regions CSV of 300,000 rows", "/api/v1/regions/batch", "text/csv; charset=UTF-8", REGIONS_CSV),
            new Bulk("[{},{},…] of a million rows", "/api/v1/funding/batch", "application/json", EMPTY_ROWS),
            new Bulk("a population CSV of 1,000,000 lines", "/api/v1/regions/population/batch", "text/csv; charset=UTF-8",
                    POPULATION_CSV));

    @BeforeAll
    static void region() {
        LuoshiSystem.get();
        PublicApi.realRegions(READ_REGION);
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
        PublicApi.awaitEveryServiceAnswers();
    }

    @Test
    void aTownshipViewersEightMegabyteCsvIsA403InUnderASecond() {
        long before = PublicApi.auditTotal();
        Raw answer = post(TestTokens.token("viewer", "330602001"), BULKS.get(0));
        assertThat(answer.status()).as("a viewer's regions CSV → " + answer).isEqualTo(403);
        assertThat(answer.problemDefect()).as("the 403 as a problem: " + answer).isNull();
        assertThat(answer.millis()).as("milliseconds to the 403 (the body must not be read first)").isLessThan(1_000);
        assertThat(PublicApi.auditTotal()).as("the audit trail after the refused write").isEqualTo(before);
    }

    @Test
    void threeThenTenHostileBulkBodiesAtOnceAreEachRefusedAndHarmNobody() throws Exception {
        long before = PublicApi.auditTotal();
        Map<String, Integer> logStart = new LinkedHashMap<>();
        for (String service : LuoshiSystem.get().services()) {
            logStart.put(service, LuoshiSystem.get().log(service).length());
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        for (int wave : List.of(3, 10)) {
            AtomicBoolean sending = new AtomicBoolean(true);
            Future<?> reader = POOL.submit(() -> readWhile(sending, reads, failures));
            List<Future<Raw>> sent = new ArrayList<>();
            for (int i = 0; i < wave; i++) {
                Bulk bulk = BULKS.get(i % BULKS.size());
                sent.add(POOL.submit(() -> post(OPERATOR, bulk)));
            }
            for (int i = 0; i < wave; i++) {
                Bulk bulk = BULKS.get(i % BULKS.size());
                try {
                    Raw answer = sent.get(i).get();
                    if ((answer.status() != 413 && answer.status() != 400) || answer.problemDefect() != null) {
                        failures.add(wave + " at once: " + bulk + " → " + answer + " (not a 413 or 400 problem)");
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(wave + " at once: " + bulk + " → no answer: " + e.getCause());
                }
            }
            sending.set(false);
            reader.get();
        }
        logStart.forEach((service, start) -> {
            String oom = LuoshiSystem.get().outOfMemory(service, start);
            if (oom != null) {
                failures.add(service + "'s log has an OutOfMemoryError: " + oom);
            }
        });
        List<Long> sorted = new ArrayList<>(reads);
        Collections.sort(sorted);
        long p95 = sorted.isEmpty() ? Long.MAX_VALUE : sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        if (p95 >= 500) {
            failures.add("another caller's compliance reads meanwhile: p95 " + p95 + " ms over " + sorted.size()
                    + " reads (max " + (sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1)) + " ms)");
        }
        // and every service still answers: a read of each through the gateway
        for (String path : List.of("/api/v1/organizations?regionCode=" + READ_REGION, "/api/v1/funding?regionCode=" + READ_REGION,
                "/api/v1/meetings?regionCode=" + READ_REGION)) {
            Answer a = PublicApi.send(READER, "GET", path, Map.of(), null, (byte[]) null);
            if (a.status() != 200) {
                failures.add("after the bodies, GET " + path + " → " + a);
            }
        }
        Answer audit = PublicApi.send(TestTokens.ADMIN, "GET", "/api/v1/audit?size=1", Map.of(), null, (byte[]) null);
        if (audit.status() != 200) {
            failures.add("after the bodies, the audit trail → " + audit);
        } else if (audit.json().path("total").asLong() != before) {
            failures.add("the refused bodies stored something: the audit trail grew from " + before + " to "
                    + audit.json().path("total").asLong());
        }
        System.out.println("Hostile bodies: another caller's " + sorted.size() + " compliance reads, p95 " + p95 + " ms");
        assertThat(List.copyOf(failures)).as("hostile bulk bodies").isEmpty();
    }

    /**
     * Another caller's reads of one region's compliance, one after another, while the bodies are sent: their times, and
     * how many were not a whole answer (not 200, or a service missing in {@code incomplete}).
     */
    private static void readWhile(AtomicBoolean sending, List<Long> millis, List<String> failures) {
        String path = "/api/v1/compliance/" + READ_REGION + "?year=2025";
        List<String> partial = new ArrayList<>();
        while (sending.get() || millis.isEmpty()) {
            Answer a;
            long start = System.nanoTime();
            try {
                a = PublicApi.send(READER, "GET", path, Map.of(), null, (byte[]) null);
            } catch (UncheckedIOException e) {
                millis.add((System.nanoTime() - start) / 1_000_000);
                partial.add("no answer: " + e.getCause());
                continue;
            }
            millis.add(a.millis());
            if (a.status() != 200) {
                partial.add(a.toString());
            } else if (!a.json().path("incomplete").isEmpty()) {
                partial.add("200 with incomplete " + a.json().path("incomplete") + " in " + a.millis() + " ms");
            }
        }
        if (!partial.isEmpty()) {
            failures.add("another caller's GET " + path + " meanwhile: " + partial.size() + " not whole answers, first "
                    + partial.get(0));
        }
    }

    private static byte[] csv(String header, int rows, java.util.function.IntFunction<String> row, String last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 32);
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows; i++) {
            out.writeBytes(row.apply(i).getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(last.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- a POST on a plain socket

    /** An answer and the milliseconds from the first byte sent to its status line. */
    record Raw(int status, Map<String, String> headers, String body, long millis) {
        String problemDefect() {
            return new Answer(status, java.net.http.HttpHeaders.of(Map.of("Content-Type",
                    List.of(headers.getOrDefault("content-type", ""))), (a, b) -> true), body, millis).problemDefect();
        }

        @Override
        public String toString() {
            return status + " " + headers.getOrDefault("content-type", "(no Content-Type)") + " in " + millis + " ms: "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Sends the body while reading the answer: the answer counts even when the server stops reading early. */
    static Raw post(String token, Bulk bulk) {
        RawHttp.Answer a = RawHttp.send(LuoshiSystem.get().gateway(), bulk.path(), token, bulk.contentType(), bulk.body(),
                false);
        return new Raw(a.status(), a.headers(), a.body(), a.millis());
    }
}
