package luoshi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import luoshi.api.common.Bulk;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Bodies", on a service: the role is checked before a byte of the body is read, a bulk body is read as a
 * stream within its row and byte limits, and no body, however large and however many at once, exhausts the service.
 * Each check sends its body on a plain socket ({@link RawHttp}) so that "answered before reading it" is shown by an
 * answer to a request whose body was not sent yet. Nothing any of them sends is stored: the audit trail of their caller
 * stays empty. A service's {@code BodiesTest} extends this class and names one of its bulk endpoints.
 *
 * <p>The test JVM's heap is the surefire {@code argLine}'s; {@link #severalEightMegabyteBodiesAtOnceAreEachRefused}
 * prints it with the heap in use after the bodies.
 */
public abstract class BodyChecks {

    /** The caller of these checks: an operator of the whole country, so that only the limits refuse its bodies. */
    protected static final String SUBJECT = "body-checks";
    protected static final String OPERATOR = TestTokens.token("operator", "000000", SUBJECT);
    protected static final int EIGHT_MB = 8 * 1000 * 1000;

    private final String bulkPath;
    private final int maxRows;
    private final IntFunction<String> row;
    private final String invalidRow;
    private final String singlePath;

    /**
     * @param bulkPath a JSON bulk endpoint of the service, taking at most {@code maxRows} rows
     * @param row row {@code i} of a batch: a JSON object that Bean Validation accepts (whether it could be stored does
     *        not matter)
     * @param invalidRow a JSON object the endpoint refuses as invalid (a 400 naming a field)
     * @param singlePath an endpoint of the service that takes one record as JSON (not a bulk one)
     */
    protected BodyChecks(String bulkPath, int maxRows, IntFunction<String> row, String invalidRow, String singlePath) {
        this.bulkPath = bulkPath;
        this.maxRows = maxRows;
        this.row = row;
        this.invalidRow = invalidRow;
        this.singlePath = singlePath;
    }

    @Test
    void aViewersEightMegabyteBatchIsA403BeforeAByteOfItIsRead() {
        try (RawHttp post = RawHttp.post(bulkPath, TestTokens.token("viewer", "330602001", SUBJECT), "application/json",
                EIGHT_MB)) {
            RawHttp.Answer answer = post.answer();   // nothing of the body was sent: only the role can answer this
            assertThat(answer.status()).as("a viewer's batch: " + answer).isEqualTo(403);
            assertThat(answer.isProblem()).as("as problem details: " + answer).isTrue();
            assertThat(answer.millis()).as("milliseconds to the 403").isLessThan(1_000);
            assertThat(answer.headers().get("connection")).as("the connection is closed: the body is not read").isEqualTo("close");
        }
        assertNothingStored();
    }

    @Test
    void aBodyThatDeclaresMoreThanItsLimitIsA413BeforeAByteOfItIsRead() {
        try (RawHttp post = RawHttp.post(bulkPath, OPERATOR, "application/json", Bulk.MAX_BYTES + 1)) {
            RawHttp.Answer answer = post.answer();
            assertThat(answer.status()).as("a batch declaring 16 MiB + 1: " + answer).isEqualTo(413);
            assertThat(answer.isProblem()).as("as problem details: " + answer).isTrue();
        }
        try (RawHttp post = RawHttp.post(singlePath, OPERATOR, "application/json", Bulk.OTHER_BYTES + 1)) {
            RawHttp.Answer answer = post.answer();
            assertThat(answer.status()).as("a single record declaring 256 KiB + 1: " + answer).isEqualTo(413);
            assertThat(answer.json().path("detail").asText()).contains("262144 bytes");
        }
        assertNothingStored();
    }

    @Test
    void aBodyOfUndeclaredLengthIsCutAtItsLimit() {
        // a row, then white space past 16 MiB: well-formed JSON so far, so that only the byte limit can refuse it
        byte[] body = padded("[" + row.apply(0) + ",", (int) Bulk.MAX_BYTES + 1024 * 1024, ' ');
        RawHttp.Answer answer = RawHttp.send(bulkPath, OPERATOR, "application/json", body, true);
        assertThat(answer.status()).as("a chunked body past 16 MiB: " + answer).isEqualTo(413);
        assertThat(answer.isProblem()).as("as problem details: " + answer).isTrue();
        RawHttp.Answer single = RawHttp.send(singlePath, OPERATOR, "application/json",
                padded("{", (int) Bulk.OTHER_BYTES + 1024, ' '), true);
        assertThat(single.status()).as("a chunked single record past 256 KiB: " + single).isEqualTo(413);
        assertThat(single.isProblem()).as("as problem details: " + single).isTrue();
        assertNothingStored();
    }

    @Test
    void aBatchPastItsRowsIsA413BeforeTheRestIsRead() {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i <= maxRows; i++) {
            rows.append(i == 0 ? "" : ",").append(row.apply(i));
        }
        byte[] sent = rows.append(",").toString().getBytes(StandardCharsets.UTF_8);
        try (RawHttp post = RawHttp.post(bulkPath, OPERATOR, "application/json", sent.length + EIGHT_MB)) {
            assertThat(post.send(sent, 0, sent.length)).isTrue();
            RawHttp.Answer answer = post.answer();   // the 8 MB after the rows were never sent
            assertThat(answer.status()).as("a batch of " + (maxRows + 1) + " rows: " + answer).isEqualTo(413);
            assertThat(answer.isProblem()).as("as problem details: " + answer).isTrue();
            assertThat(answer.json().path("detail").asText()).contains(String.format("%,d", maxRows));
        }
        assertNothingStored();
    }

    @Test
    void anInvalidRowIsA400NamingItAndNothingIsStored() {
        String batch = "[" + row.apply(0) + "," + row.apply(1) + "," + row.apply(2) + "," + invalidRow + "," + row.apply(4) + "]";
        RawHttp.Answer answer = RawHttp.send(bulkPath, OPERATOR, "application/json",
                batch.getBytes(StandardCharsets.UTF_8), false);
        assertThat(answer.status()).as("row 3 invalid: " + answer).isEqualTo(400);
        assertThat(answer.json().path("violations").get(0).path("field").asText()).startsWith("[3].");
        RawHttp.Answer broken = RawHttp.send(bulkPath, OPERATOR, "application/json",
                ("[" + row.apply(0) + "," + row.apply(1) + ",{\"x\":").getBytes(StandardCharsets.UTF_8), false);
        assertThat(broken.status()).as("JSON cut in row 2: " + broken).isEqualTo(400);
        assertThat(broken.json().path("violations").get(0).path("field").asText()).isEqualTo("[2]");
        assertNothingStored();
    }

    @Test
    void severalEightMegabyteBodiesAtOnceAreEachRefused() throws Exception {
        // made once and sent by nine callers at once: more rows than a batch holds; a million rows that are all invalid
        // (chunked); one text of 8 MB
        List<byte[]> bodies = List.of(rowsOf(EIGHT_MB), emptyRows(EIGHT_MB), padded("[\"", EIGHT_MB, 'x'));
        List<RawHttp.Answer> answers = atOnce(9, n -> RawHttp.send(bulkPath, OPERATOR, "application/json",
                bodies.get(n % bodies.size()), n % bodies.size() == 1));
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.status()).as("an 8 MB hostile body among nine at once: " + answer).isIn(400, 413);
            assertThat(answer.isProblem()).as("as problem details: " + answer).isTrue();
        }
        System.out.printf("Bodies: nine 8 MB bodies at once to %s answered %s; test JVM heap max %d MiB%n", bulkPath,
                answers.stream().map(RawHttp.Answer::status).toList(), Runtime.getRuntime().maxMemory() >> 20);
        assertNothingStored();
    }

    /** {@code callers} calls at once, each {@code call} with its number; their answers in that order. */
    protected static List<RawHttp.Answer> atOnce(int callers, IntFunction<RawHttp.Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<RawHttp.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                sent.add(pool.submit(() -> call.apply(n)));
            }
            List<RawHttp.Answer> answers = new ArrayList<>();
            for (Future<RawHttp.Answer> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Valid rows up to about {@code bytes}: more rows than any batch may hold. */
    private byte[] rowsOf(int bytes) {
        StringBuilder rows = new StringBuilder(bytes + 1024).append('[');
        for (int i = 0; rows.length() < bytes; i++) {
            rows.append(i == 0 ? "" : ",").append(row.apply(i));
        }
        return rows.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code [{},{},…]} of about {@code bytes}. */
    private static byte[] emptyRows(int bytes) {
        return ("[" + "{},".repeat(bytes / 3) + "{}]").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] padded(String head, int bytes, char fill) {
        byte[] body = new byte[bytes];
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        java.util.Arrays.fill(body, start.length, bytes, (byte) fill);
        return body;
    }

    protected static void assertNothingStored() {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE actor = ?")) {
            s.setString(1, SUBJECT);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("audit events of the refused bodies' caller").isZero();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
