package luoshi.system;

import static luoshi.system.PublicApi.created;
import static luoshi.system.PublicApi.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import luoshi.system.PublicApi.Answer;
import luoshi.system.PublicApi.Operation;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue #24, "It must show": a fuzz test generated from the gateway's OpenAPI document, read from the started gateway.
 * Every operation, every path, query and header parameter and every field of its request body (the schema walked,
 * {@code $ref}s included) gets malformed, boundary and hostile values, one at a time in an otherwise valid call: wrong
 * types, empty, white space only, 10,000 characters, a lone surrogate, NUL, zero-width only, control characters,
 * 1e-3000, 1e309, -1, 0, 2^63, 30 decimal places, impossible dates, malformed region codes (and 000000 where a real
 * region is needed), unknown enum values; and whole bodies that are deeply nested, hold duplicate keys, are not JSON,
 * have the wrong Content-Type, or are arrays past the 10,000-row limit.
 *
 * <p>Each case is sent as an admin of the country, so that a refusal comes from the input and not from the role. The
 * writes are sent again as a viewer of the country (the valid call, every whole body, one hostile value of each
 * parameter and field: a viewer's write is refused before its body is read, whatever the body). API.md's Conventions
 * and "Concurrency, limits and exposure" must hold for every answer: no 5xx; what "Values" refuses is refused (malformed
 * region codes, impossible dates, unbounded decimals, text with control characters, a body that is not the operation's
 * JSON); every 4xx a problem details document ({@code application/problem+json}, a numeric {@code status} equal to the
 * HTTP status, a {@code title}); a viewer's write refused; a refused write stores nothing (the audit trail's total,
 * which every write adds to, is the same after it as before); and no service's log tells of an OutOfMemoryError.
 *
 * <p>The valid calls write in 南京市玄武区 (320102) only, which no other system test reads. The class runs after the
 * unannotated ones (junit-platform.properties), so that a hostile value wrongly accepted cannot change what they count,
 * and waits at the end until every service answers again, so that breakers its faults opened fail no later test.
 */
@Order(Integer.MAX_VALUE - 3)
class OpenApiFuzzTest {

    static final String PROVINCE = "320000";
    static final String CITY = "320100";
    static final String COUNTY = "320102";
    static final String TOWNSHIP = "320102002";
    static final String REQUIREMENT = "FUZZ_TOWNSHIP_FUNDING";
    static final String VIEWER = TestTokens.token("viewer", "000000");
    /** Every non-ASCII character escaped ({@code \}{@code uD800} stays a lone surrogate in the JSON text, as a client can send it). */
    static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    static final String HOLE = "\u0001fuzz-hole\u0001";
    static final AtomicInteger SEQ = new AtomicInteger();

    /** The ids of the records the calls name, by the collection segment before the parameter; for deletions, others. */
    static final Map<String, String> IDS = new LinkedHashMap<>();
    static final Map<String, String> DELETABLE = new LinkedHashMap<>();

    @BeforeAll
    static void fixtures() {
        LuoshiSystem.get();
        PublicApi.realRegions(TOWNSHIP, "320102003");
        Poll.until("funding- and review-service know " + TOWNSHIP, Duration.ofSeconds(30), () -> send(TestTokens.ADMIN, "GET",
                "/api/v1/compliance/" + TOWNSHIP + "?year=2025", Map.of(), null, (byte[]) null).json().path("incomplete").isEmpty());
        put("/api/v1/regions/" + COUNTY + "/population/2025", "{\"total\":540000}");
        put("/api/v1/regions/" + COUNTY + "/population/2024", "{\"total\":530000}");
        put("/api/v1/union-fees/" + COUNTY + "/2025", "{\"due\":\"1000.00\",\"collected\":\"900.00\"}");
        put("/api/v1/union-fees/" + COUNTY + "/2024", "{\"due\":\"1000.00\",\"collected\":\"900.00\"}");
        int status = send(TestTokens.ADMIN, "POST", "/api/v1/requirements", Map.of(), "application/json", """
                {"id":"%s","title":"Fuzz funding","titleZh":"模糊测试经费","source":"FUZZ","issuerRegionCode":"%s",
                 "levels":["TOWNSHIP"],"period":"YEAR","rule":{"type":"FUNDING_MIN_AMOUNT","category":"OTHER","minAmount":"1.00"}}"""
                .formatted(REQUIREMENT, CITY)).status();
        assertThat(status).as("POST /api/v1/requirements " + REQUIREMENT).isIn(201, 409);
        IDS.put("requirements", REQUIREMENT);
        for (Map<String, String> ids : List.of(IDS, DELETABLE)) {
            int n = SEQ.incrementAndGet();
            ids.put("organizations", created("/api/v1/organizations",
                    "{\"regionCode\":\"" + TOWNSHIP + "\",\"type\":\"UNION\",\"name\":\"梅园新村街道总工会" + n + "\"}"));
            ids.put("leaders", created("/api/v1/organizations/" + IDS.get("organizations") + "/leaders",
                    "{\"name\":\"王丽\",\"role\":\"HEAD\",\"employment\":\"FULL_TIME\",\"frontline\":false,\"from\":\"2024-01-01\"}"));
            ids.put("funding", created("/api/v1/funding", "{\"regionCode\":\"" + TOWNSHIP
                    + "\",\"category\":\"OTHER\",\"fiscalYear\":2024,\"amount\":\"1.00\",\"documentRef\":\"玄财〔2024〕" + n + "号\"}"));
            ids.put("committee-terms", created("/api/v1/committee-terms", "{\"regionCode\":\"" + COUNTY + "\",\"start\":\""
                    + (2000 + n * 5) + "-01-01\",\"end\":\"" + (2004 + n * 5) + "-12-31\"}"));
            ids.put("meetings", created("/api/v1/meetings", "{\"regionCode\":\"" + COUNTY
                    + "\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-05-06\",\"title\":\"联席会议\",\"documentRef\":\"玄委〔2025〕" + n + "号\"}"));
            ids.put("documents", created("/api/v1/documents", "{\"regionCode\":\"" + COUNTY
                    + "\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2025-02-01\",\"title\":\"实施方案\"}"));
            ids.put("webhooks", created("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/fuzz" + n + "\",\"regionCode\":\""
                    + COUNTY + "\"}"));
            ids.put("waivers", created("/api/v1/waivers", "{\"requirementId\":\"" + REQUIREMENT + "\",\"regionCode\":\"" + TOWNSHIP
                    + "\",\"from\":\"" + (2010 + n) + "-01-01\",\"to\":\"" + (2010 + n) + "-12-31\",\"reason\":\"受灾\"}"));
        }
        DELETABLE.put("requirements", REQUIREMENT);
    }

    @AfterAll
    static void recover() {
        PublicApi.awaitEveryServiceAnswers();
    }

    private static void put(String path, String body) {
        Answer a = send(TestTokens.ADMIN, "PUT", path, Map.of(), "application/json", body);
        assertThat(a.status()).as("PUT " + path + " → " + a).isIn(200, 201);
    }

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndStoresNothingItRefuses() throws IOException {
        List<Operation> operations = PublicApi.operations();
        // deletions last, so that the records the other operations name still exist
        operations.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));
        Map<String, Integer> casesOf = new TreeMap<>();
        Map<String, List<String>> failuresOf = new TreeMap<>();
        List<String> notSendable = new ArrayList<>();
        // valid calls that were not accepted (a record taken by an earlier case, a deletion done): the hostile values of
        // such an operation may meet that refusal before their own
        List<String> notValid = new ArrayList<>();
        long total = PublicApi.auditTotal();
        Map<String, Integer> logStart = new LinkedHashMap<>();
        LuoshiSystem.get().services().forEach(service -> logStart.put(service, LuoshiSystem.get().log(service).length()));
        int cases = 0;
        long started = System.nanoTime();
        for (Operation op : operations) {
            boolean write = !op.method().equals("GET");
            for (Case c : cases(op)) {
                for (String role : write && c.forViewer() ? List.of("admin", "viewer") : List.of("admin")) {
                    Answer answer;
                    try {
                        answer = send(role.equals("admin") ? TestTokens.ADMIN : VIEWER, op.method(), c.pathAndQuery(),
                                c.headers(), c.contentType(), c.body());
                        if (suspended(answer)) {
                            // an earlier fault opened a breaker, and this case never reached the service: that is
                            // a failure of its own; the case is sent again once the breaker lets it through
                            failuresOf.computeIfAbsent(op.toString(), k -> new ArrayList<>()).add("as " + role + ", "
                                    + c.label() + " → suspended by an open breaker — answer: " + answer);
                            answer = resentOnceLetThrough(role, op, c);
                        }
                    } catch (IllegalArgumentException e) {
                        // java.net.http refuses some header values (NUL, a lone surrogate): nobody can send those either
                        notSendable.add(op + " " + c.label());
                        continue;
                    } catch (UncheckedIOException e) {
                        failuresOf.computeIfAbsent(op.toString(), k -> new ArrayList<>())
                                .add("as " + role + ", " + c.label() + ": no answer (" + e.getCause() + ")");
                        continue;
                    }
                    cases++;
                    casesOf.merge(op.toString(), 1, Integer::sum);
                    if (c.label().equals("the valid call") && role.equals("admin") && answer.status() >= 300) {
                        notValid.add(op + " → " + answer.status());
                    }
                    if (answer.status() >= 500) {
                        // a fault may have opened the gateway's breakers: the next cases would only meet those
                        PublicApi.awaitEveryServiceAnswers();
                    }
                    String defect = defect(answer, write && role.equals("viewer"));
                    if (defect == null && c.mustRefuse() != null && answer.status() < 400) {
                        defect = "accepted (" + answer.status() + "), yet " + c.mustRefuse() + " (API.md)";
                    }
                    if (write) {
                        long now = auditTotal(op + " " + c.label(), failuresOf);
                        if (answer.status() >= 400 && now != total) {
                            defect = (defect == null ? "" : defect + "; ") + "refused, yet the audit trail grew from " + total
                                    + " to " + now;
                        }
                        total = now;
                    }
                    if (defect != null) {
                        failuresOf.computeIfAbsent(op.toString(), k -> new ArrayList<>())
                                .add("as " + role + ", " + c.label() + " → " + defect + " — answer: " + answer);
                    }
                }
            }
        }
        logStart.forEach((service, start) -> {
            String oom = LuoshiSystem.get().outOfMemory(service, start);
            if (oom != null) {
                failuresOf.computeIfAbsent("the services' logs", k -> new ArrayList<>()).add(service + ": " + oom);
            }
        });
        String summary = summary(casesOf, failuresOf, notSendable, cases, (System.nanoTime() - started) / 1_000_000_000)
                + "Valid calls not accepted (information): " + notValid + "\n";
        System.out.println(summary);
        Path report = LuoshiSystem.root().resolve("system-tests/target/openapi-fuzz.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + "\n\nEvery failure:\n" + failuresOf.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(f -> e.getKey() + " " + f)).collect(Collectors.joining("\n")));
        assertThat(casesOf.keySet()).as("operations of the document that got cases").hasSize(operations.size());
        assertThat(failuresOf).as("answers that break API.md's Conventions (every one in " + report + ")\n" + summary)
                .isEmpty();
    }

    /**
     * The audit trail's total. Hostile calls must not suspend anything for others: when they did (a breaker opened, the
     * trail unreadable), that is recorded against the call just made, and the total read once the trail answers again.
     */
    private static long auditTotal(String after, Map<String, List<String>> failuresOf) {
        Answer first = send(TestTokens.ADMIN, "GET", "/api/v1/audit?size=1", Map.of(), null, (byte[]) null);
        if (first.status() == 200) {
            return first.json().path("total").asLong();
        }
        failuresOf.computeIfAbsent("GET /api/v1/audit", k -> new ArrayList<>())
                .add("another caller's read right after " + after + " → " + first);
        long[] total = new long[1];
        Poll.until("the audit trail answers again", Duration.ofSeconds(60), () -> {
            Answer a = send(TestTokens.ADMIN, "GET", "/api/v1/audit?size=1", Map.of(), null, (byte[]) null);
            total[0] = a.json().path("total").asLong();
            return a.status() == 200;
        });
        return total[0];
    }

    static boolean suspended(Answer answer) {
        return answer.status() == 503 && answer.body().contains("circuit open");
    }

    /** The case sent again every 100 ms until no open breaker stops it (at most 30 s). */
    private static Answer resentOnceLetThrough(String role, Operation op, Case c) {
        Answer[] last = new Answer[1];
        Poll.until(op + " " + c.label() + " gets past the gateway's breaker", Duration.ofSeconds(30), () -> {
            last[0] = send(role.equals("admin") ? TestTokens.ADMIN : VIEWER, op.method(), c.pathAndQuery(), c.headers(),
                    c.contentType(), c.body());
            return !suspended(last[0]);
        });
        return last[0];
    }

    /** What is wrong with an answer, or null. */
    private static String defect(Answer answer, boolean viewersWrite) {
        if (answer.status() >= 500) {
            return "a " + answer.status() + ("application/problem+json".equals(answer.contentType()) ? "" : " (not even a problem)");
        }
        if (viewersWrite && answer.status() < 400) {
            return "a viewer's write accepted";
        }
        if (answer.status() >= 400) {
            String problem = answer.problemDefect();
            return problem == null ? null : "a " + answer.status() + " that is not a problem: " + problem;
        }
        return null;
    }

    private static String summary(Map<String, Integer> casesOf, Map<String, List<String>> failuresOf, List<String> notSendable,
            int cases, long seconds) {
        long suspended = failuresOf.values().stream().flatMap(List::stream).filter(f -> f.contains("suspended by an open breaker"))
                .count();
        StringBuilder s = new StringBuilder("OpenAPI fuzz: " + casesOf.size() + " operations × their cases = " + cases
                + " calls in " + seconds + " s; " + failuresOf.values().stream().mapToInt(List::size).sum() + " failures in "
                + failuresOf.size() + " operations (" + suspended + " of them a case suspended by a breaker an earlier "
                + "call's fault opened, then sent again); " + notSendable.size() + " header values no client can send\n");
        casesOf.forEach((op, n) -> {
            List<String> failures = failuresOf.getOrDefault(op, List.of());
            s.append(String.format("  %-70s %5d cases %5d failures%n", op, n, failures.size()));
        });
        failuresOf.forEach((op, failures) -> {
            s.append(op).append(" (").append(failures.size()).append("):\n");
            failures.stream().limit(8).forEach(f -> s.append("    ").append(f).append('\n'));
            if (failures.size() > 8) {
                s.append("    … ").append(failures.size() - 8).append(" more\n");
            }
        });
        return s.toString();
    }

    // ---------------------------------------------------------------- the cases of one operation

    /** One call: the label says what is hostile in it (where, and the value). */
    record Case(String label, String pathAndQuery, Map<String, String> headers, String contentType, byte[] body,
            boolean forViewer, String mustRefuse) {
    }

    private static List<Case> cases(Operation op) {
        List<JsonNode> parameters = new ArrayList<>();
        op.node().path("parameters").forEach(parameters::add);
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            if (p.path("in").asText().equals("path")) {
                path.put(name, pathValue(op, name));
            } else if (p.path("in").asText().equals("query")) {
                query.put(name, queryValue(p));
            }
        }
        Body body = body(op);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("the valid call", url(op, path, query), Map.of(), body == null ? null : body.contentType(),
                body == null ? null : body.bytes(null, null), true, null));
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            Kind kind = kindOf(schema(p.path("schema")), name);
            List<String> values = in.equals("header") ? headerValues() : paramValues(kind);
            for (String value : values) {
                String label = in + " " + name + " = " + show(value);
                // one value each as a viewer: a header's first (every client can send it), a parameter's last (the strangest)
                boolean forViewer = value.equals(values.get(in.equals("header") ? 0 : values.size() - 1));
                if (in.equals("header")) {
                    cases.add(new Case(label, url(op, path, query), Map.of(name, value), body == null ? null : body.contentType(),
                            body == null ? null : body.bytes(null, null), forViewer, null));
                } else {
                    Map<String, String> p2 = new LinkedHashMap<>(path);
                    Map<String, String> q2 = new LinkedHashMap<>(query);
                    (in.equals("path") ? p2 : q2).put(name, value);
                    cases.add(new Case(label, url(op, p2, q2), Map.of(), body == null ? null : body.contentType(),
                            body == null ? null : body.bytes(null, null), forViewer, refusal(kind, value)));
                }
            }
        }
        if (body != null) {
            String url = url(op, path, query);
            for (Field f : body.fields()) {
                List<String> values = f.kind().hostile();
                for (String raw : values) {
                    cases.add(new Case("body " + f.where() + " = " + show(raw), url, Map.of(), body.contentType(),
                            body.bytes(f, raw), raw.equals(values.get(0)), refusalOfJson(f.kind(), raw)));
                }
                if (f.required()) {
                    cases.add(new Case("body " + f.where() + " missing", url, Map.of(), body.contentType(), body.bytes(f, null),
                            false, "a required field is required"));
                }
            }
            wholeBodies(body).forEach((label, b) -> cases.add(new Case("body: " + label, url, Map.of(),
                    b.getKey(), b.getValue(), true, label.startsWith("duplicate") || label.startsWith("no Content") || label.equals("CSV: header only") ? null
                            : "a body that is not the operation's JSON is refused")));
        }
        return cases;
    }

    private static String url(Operation op, Map<String, String> path, Map<String, String> query) {
        String url = op.template();
        for (Map.Entry<String, String> p : path.entrySet()) {
            url = url.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        return url + (query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(q -> encode(q.getKey()) + "=" + encode(q.getValue())).collect(Collectors.joining("&")));
    }

    /**
     * Percent-encodes every byte but the unreserved ones, a lone surrogate as the bytes a careless client sends for it
     * (ED A0 80: UTF-8's form of the code unit, which no UTF-8 decoder accepts).
     */
    static String encode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))) {
                bytes.writeBytes(new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))});
            } else if (Character.isHighSurrogate(c)) {
                bytes.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        StringBuilder s = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", (int) c));
            }
        }
        return s.toString();
    }

    /** A valid value of a path parameter: a record of {@link #fixtures}, by the collection the template names before it. */
    static String pathValue(Operation op, String name) {
        if (name.equals("year")) {
            return op.method().equals("DELETE") ? "2024" : "2025";
        }
        if (name.equals("code") || name.equals("regionCode")) {
            return COUNTY;
        }
        List<String> segments = List.of(op.template().split("/"));
        int at = segments.indexOf("{" + name + "}");
        String collection = segments.get(at - 1);
        boolean last = segments.subList(at + 1, segments.size()).stream().noneMatch(s -> s.startsWith("{"));
        // a deletion removes a record of its own (the last parameter); the others stay those every operation names
        Map<String, String> ids = op.method().equals("DELETE") && last ? DELETABLE : IDS;
        return ids.getOrDefault(collection, "1");
    }

    static String queryValue(JsonNode parameter) {
        String name = parameter.path("name").asText();
        JsonNode schema = schema(parameter.path("schema"));
        return switch (name) {
            case "regionCode", "within" -> COUNTY;
            case "year", "fiscalYear" -> "2025";
            case "from" -> "2025-01-01";
            case "to" -> "2025-12-31";
            case "asOf", "activeOn" -> "2025-06-30";
            case "page" -> "0";
            case "size" -> "50";
            case "requirementId" -> REQUIREMENT;
            default -> schema.has("enum") ? schema.path("enum").get(0).asText()
                    : parameter.has("example") ? parameter.path("example").asText() : "1";
        };
    }

    // ---------------------------------------------------------------- schemas

    /** A schema with its {@code $ref} followed (what sits beside the ref kept), and a nullable choice reduced to its type. */
    static JsonNode schema(JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (s.has("$ref")) {
                String ref = s.path("$ref").asText();
                JsonNode target = PublicApi.openApi().at(ref.substring(1));
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                s.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref") && !e.getKey().equals("type")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                s = merged;
            } else if (s.has("anyOf") || s.has("oneOf")) {
                JsonNode choice = null;
                for (JsonNode alt : s.has("anyOf") ? s.path("anyOf") : s.path("oneOf")) {
                    if (!"null".equals(alt.path("type").asText())) {
                        choice = alt;
                        break;
                    }
                }
                ObjectNode merged = ((ObjectNode) s).deepCopy();
                merged.remove(List.of("anyOf", "oneOf", "type"));
                if (choice != null) {
                    ObjectNode c = ((ObjectNode) choice).deepCopy();
                    merged.fields().forEachRemaining(e -> c.set(e.getKey(), e.getValue()));
                    s = c;
                } else {
                    s = merged;
                }
            } else {
                return s;
            }
        }
        return s;
    }

    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equals("null")) {
                    return x.asText();
                }
            }
        }
        return t.asText("");
    }

    /** What a value is, which decides its hostile values. */
    enum Kind {
        TEXT, REGION, DATE, ENUM, MONEY, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT;

        /** Hostile values as JSON text. */
        List<String> hostile() {
            List<String> v = new ArrayList<>();
            switch (this) {
                case TEXT -> {
                    v.addAll(json(HOSTILE_TEXT));
                    v.addAll(List.of("12345", "{}", "null"));
                }
                case REGION -> {
                    v.addAll(json(MALFORMED_REGIONS));
                    v.addAll(json(List.of("", "   ", "\uD800", "\u0000", LONG)));
                    v.addAll(List.of("330602", "true", "{}", "null"));
                }
                case DATE -> {
                    v.addAll(json(MALFORMED_DATES));
                    v.addAll(json(List.of("", "\uD800", LONG)));
                    v.addAll(List.of("20260101", "{}", "null"));
                }
                case ENUM -> {
                    v.addAll(json(List.of("NO_SUCH_VALUE", "", "\u0000", "\u200B", LONG)));
                    v.addAll(List.of("1", "[]", "null"));
                }
                case MONEY -> {
                    v.addAll(HOSTILE_NUMBERS);
                    v.addAll(json(List.of("1e-3000", "1e309", "-1.00", "0.001", "NaN", "12345678901234567.00",
                            "0.123456789012345678901234567890", "", LONG)));
                    v.addAll(List.of("true", "{}", "null"));
                }
                case INTEGER, NUMBER -> {
                    v.addAll(HOSTILE_NUMBERS);
                    v.addAll(json(List.of("abc", "1e309", "")));
                    v.addAll(List.of("true", "{}", "null"));
                }
                case BOOLEAN -> v.addAll(List.of("\"yes\"", "2", "\"\"", "{}", "null"));
                case ARRAY -> v.addAll(List.of("\"x\"", "{}", "[]", "[null]", "null", "[" + "[".repeat(5000) + "]".repeat(5000) + "]"));
                case OBJECT -> v.addAll(List.of("\"x\"", "[]", "{}", "null", deepObject(5000)));
                default -> throw new IllegalStateException();
            }
            return v;
        }
    }

    static final String LONG = "x".repeat(10_000);
    static final List<String> HOSTILE_TEXT = List.of("", "   \t  ", LONG, "\uD800", "a\u0000b", "\u200B\u200B",
            "\u0007\u001B\u007F", "\uFEFF \u00A0", "name\r\nX-Injected: 1");
    static final List<String> MALFORMED_REGIONS = List.of("0", "3306x", "33060", "000000", "999999999999", "３３０６０２",
            "-33060", " 330602 ");
    static final List<String> MALFORMED_DATES = List.of("2026-02-30", "2026-13-01", "2026-1-1", "0000-00-00",
            "+999999999-12-31", "2026-02-28T00:00:00Z");
    static final List<String> HOSTILE_NUMBERS = List.of("1e-3000", "1e309", "-1", "0", "9223372036854775808",
            "-9223372036854775809", "0.123456789012345678901234567890", "1.5", "\"1\"");

    static List<String> json(List<String> values) {
        return values.stream().map(OpenApiFuzzTest::jsonString).toList();
    }

    /** A JSON string of {@code value}, every non-ASCII character escaped. */
    static String jsonString(String value) {
        return write(JsonNodeFactory.instance.textNode(value));
    }

    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** Malformed region codes: never a code (000000, a code that does not exist and one with blanks around may be read). */
    static final List<String> NO_CODE = List.of("0", "3306x", "33060", "３３０６０２", "-33060");
    static final List<String> BAD_TEXT = List.of("\uD800", "a\u0000b", "\u200B\u200B", "\u0007\u001B\u007F");
    static final List<String> NO_DATE = List.of("2026-02-30", "2026-13-01", "2026-1-1", "0000-00-00", "2026-02-28T00:00:00Z");
    static final List<String> UNBOUNDED = List.of("1e-3000", "1e309", "9223372036854775808", "-9223372036854775809",
            "0.123456789012345678901234567890");

    /**
     * The rule of API.md ("Values") that refuses a parameter's value, or null when the contract lets the server accept it:
     * a malformed region code, an impossible date, an unknown enum value, a number that is none or unbounded.
     */
    static String refusal(Kind kind, String value) {
        return switch (kind) {
            case REGION -> NO_CODE.contains(value) ? "a malformed region code is a 400" : null;
            case DATE -> NO_DATE.contains(value) ? "a date that is none is a 400" : null;
            case ENUM -> value.equals("NO_SUCH_VALUE") ? "an unknown enum value is a 400" : null;
            case INTEGER, NUMBER -> UNBOUNDED.contains(value) || List.of("abc", "1.5").contains(value)
                    ? "a number that is none or unbounded is a 400" : null;
            default -> null;
        };
    }

    /** The same for a body field's value, given as JSON text; also text with control characters and unbounded money. */
    static String refusalOfJson(Kind kind, String raw) {
        return switch (kind) {
            case TEXT -> json(BAD_TEXT).contains(raw)
                    ? "text refuses lone surrogates, NUL, control characters and what is empty without zero-width characters"
                    : null;
            case REGION -> json(NO_CODE).contains(raw) ? "a malformed region code is a 400" : null;
            case DATE -> json(NO_DATE).contains(raw) ? "a date that is none is a 400" : null;
            case ENUM -> raw.equals(jsonString("NO_SUCH_VALUE")) ? "an unknown enum value is a 400" : null;
            case MONEY -> UNBOUNDED.contains(raw) || json(List.of("1e-3000", "1e309", "0.001", "NaN", "12345678901234567.00",
                    "0.123456789012345678901234567890")).contains(raw)
                    ? "money has at most 2 decimal places and 15 digits" : null;
            case INTEGER, NUMBER -> UNBOUNDED.contains(raw) ? "decimals have bounded precision" : null;
            default -> null;
        };
    }

    /** Path and query values of a kind: the same hostile values, as text. */
    static List<String> paramValues(Kind kind) {
        List<String> v = new ArrayList<>(List.of("", "   ", LONG, "\uD800", "a\u0000b", "\u200B\u200B", "\u0007\u001B",
                "../../etc/passwd", "%00", "1e309"));
        switch (kind) {
            case REGION -> v.addAll(MALFORMED_REGIONS);
            case DATE -> v.addAll(MALFORMED_DATES);
            case ENUM -> v.addAll(List.of("NO_SUCH_VALUE", "youth_league"));
            case INTEGER, NUMBER -> v.addAll(List.of("abc", "1e-3000", "-1", "0", "9223372036854775808", "1.5",
                    "0.123456789012345678901234567890", "9".repeat(400)));
            default -> v.addAll(List.of("NO_SUCH_ID", "-1", "0", "9223372036854775808"));
        }
        return v;
    }

    /** Header values: what a client can put in a header (no client sends NUL or a lone surrogate there). */
    static List<String> headerValues() {
        return List.of("", "   ", "x".repeat(10_000), "x".repeat(101), "\u00e9\u00ff", "no-cache, \"", "a\u0000b");
    }

    static Kind kindOf(JsonNode schema, String name) {
        String type = type(schema);
        String lower = name.toLowerCase();
        if (schema.has("enum")) {
            return Kind.ENUM;
        }
        if ("date".equals(schema.path("format").asText())) {
            return Kind.DATE;
        }
        if (schema.path("pattern").asText().contains("\\d{1,13}")) {
            return Kind.MONEY;
        }
        return switch (type) {
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> Kind.ARRAY;
            case "object" -> Kind.OBJECT;
            default -> lower.equals("code") || lower.endsWith("regioncode") || lower.equals("parentcode") || lower.equals("within")
                    ? Kind.REGION : Kind.TEXT;
        };
    }

    /** The kind of a value of a free-form object (a rule, parameters), seen from a valid value of it. */
    static Kind kindOf(JsonNode value) {
        if (value.isNumber()) {
            return Kind.NUMBER;
        }
        if (value.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (value.isArray()) {
            return Kind.ARRAY;
        }
        if (value.isObject()) {
            return Kind.OBJECT;
        }
        String s = value.asText();
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Kind.DATE;
        }
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Kind.MONEY;
        }
        return s.matches("[A-Z][A-Z_]+") ? Kind.ENUM : Kind.TEXT;
    }

    // ---------------------------------------------------------------- bodies

    /** A field of a body: where it is (keys and indexes from the top) and its kind. */
    record Field(List<Object> at, Kind kind, boolean required) {
        String where() {
            return at.stream().map(k -> k instanceof Integer i ? "[" + i + "]" : "." + k).collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
        }
    }

    /** The request body of an operation: a valid value, its fields, and how it is sent. */
    record Body(String contentType, JsonNode valid, List<Field> fields, boolean csv, boolean xlsx) {

        /** The valid body with {@code field} set to {@code raw} JSON text (null: left out); null field: the valid body. */
        byte[] bytes(Field field, String raw) {
            JsonNode copy = valid.deepCopy();
            if (field != null) {
                JsonNode parent = copy;
                for (Object k : field.at().subList(0, field.at().size() - 1)) {
                    parent = k instanceof Integer i ? parent.get(i) : parent.get((String) k);
                }
                Object last = field.at().get(field.at().size() - 1);
                if (raw == null) {
                    if (parent instanceof ObjectNode o) {
                        o.remove((String) last);
                    } else {
                        ((ArrayNode) parent).remove((Integer) last);
                    }
                } else if (parent instanceof ObjectNode o) {
                    o.put((String) last, HOLE);
                } else {
                    ((ArrayNode) parent).set((Integer) last, JsonNodeFactory.instance.textNode(HOLE));
                }
            }
            String text = write(copy);
            if (raw != null) {
                text = text.replace(write(JsonNodeFactory.instance.textNode(HOLE)), raw);
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    static String write(JsonNode node) {
        try {
            return ESCAPING.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Body body(Operation op) {
        JsonNode content = op.node().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode media = content.has("application/json") ? content.path("application/json") : content.elements().next();
        String type = content.has("application/json") ? "application/json" : content.fieldNames().next();
        JsonNode schema = schema(media.path("schema"));
        JsonNode valid = validBody(op, media, schema);
        List<Field> fields = new ArrayList<>();
        walk(schema, valid, new ArrayList<>(), fields, 0);
        return new Body(type, valid, fields, content.has("text/csv"), content.has(luoshi.testing.Workbooks.XLSX));
    }

    /**
     * A valid body: this class's own for the writes whose documented example cannot be valid here, else the
     * document's example (or one made from the schema), its region codes moved to 南京市玄武区's.
     */
    static JsonNode validBody(Operation op, JsonNode media, JsonNode schema) {
        String own = switch (op.toString()) {
            case "PUT /api/v1/regions/{code}" -> "{\"name\":\"玄武区\",\"level\":\"COUNTY\",\"parentCode\":\"" + CITY + "\"}";
            case "POST /api/v1/regions/batch" -> "[{\"code\":\"" + COUNTY + "\",\"name\":\"玄武区\",\"level\":\"COUNTY\","
                    + "\"parentCode\":\"" + CITY + "\"}]";
            // stricter than any version the fuzzed PUT /api/v1/requirements/{id} may add (the example's 25,000.00 is not)
            case "PUT /api/v1/requirements/{id}/parameters/{regionCode}" -> "{\"minAmount\":\"90000.00\"}";
            case "POST /api/v1/organizations/batch" -> "[{\"regionCode\":\"" + TOWNSHIP + "\",\"type\":\"RED_CROSS\","
                    + "\"name\":\"梅园新村街道红十字会\",\"leaders\":[{\"name\":\"赵敏\",\"role\":\"HEAD\","
                    + "\"employment\":\"FULL_TIME\",\"frontline\":false,\"from\":\"2024-01-01\"}]}]";
            case "POST /api/v1/requirements" -> "{\"id\":\"FUZZ_CREATED\",\"title\":\"Fuzz\",\"titleZh\":\"模糊\",\"source\":\"FUZZ\","
                    + "\"issuerRegionCode\":\"" + CITY + "\",\"levels\":[\"TOWNSHIP\"],\"period\":\"YEAR\",\"rule\":"
                    + "{\"type\":\"FUNDING_MIN_AMOUNT\",\"category\":\"OTHER\",\"minAmount\":\"1.00\"}}";
            default -> null;
        };
        try {
            if (own != null) {
                return PublicApi.JSON.readTree(own);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode example = media.path("examples").isObject() && media.path("examples").size() > 0
                ? media.path("examples").elements().next().path("value") : media.path("example");
        JsonNode valid = example.isMissingNode() || example.isNull() ? made(schema, "", 0) : example.deepCopy();
        if (valid.isArray() && valid.size() > 1) {
            ArrayNode one = JsonNodeFactory.instance.arrayNode();
            one.add(valid.get(0));
            valid = one;
        }
        return localised(valid, "");
    }

    /** A value made from a schema: its example, its first enum value, or one of its type. */
    static JsonNode made(JsonNode schema, String name, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode example = schema.has("examples") && schema.path("examples").size() > 0 ? schema.path("examples").get(0)
                : schema.path("example");
        if (!example.isMissingNode() && !example.isNull()) {
            return example.deepCopy();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).deepCopy();
        }
        if ("date".equals(schema.path("format").asText())) {
            return f.textNode("2025-06-30");
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode o = f.objectNode();
                if (depth < 4) {
                    Set<String> required = new java.util.HashSet<>();
                    schema.path("required").forEach(r -> required.add(r.asText()));
                    schema.path("properties").fields().forEachRemaining(p -> {
                        JsonNode s = schema(p.getValue());
                        if (required.contains(p.getKey()) || s.has("examples") || s.has("example")) {
                            o.set(p.getKey(), made(s, p.getKey(), depth + 1));
                        }
                    });
                }
                return o;
            }
            case "array": {
                ArrayNode a = f.arrayNode();
                if (depth < 4) {
                    a.add(made(schema(schema.path("items")), name, depth + 1));
                }
                return a;
            }
            case "integer":
                return f.numberNode(schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            case "number":
                return f.numberNode(1);
            case "boolean":
                return f.booleanNode(false);
            default:
                return f.textNode(name.equals("url") ? "http://127.0.0.1:9/fuzz" : "模糊测试");
        }
    }

    /**
     * The example's region codes replaced by the code of the same level in 南京市玄武区 (the examples name 绍兴 and 浙江,
     * which other tests count), its records by this class's, and what must be unique made fresh per call.
     */
    static JsonNode localised(JsonNode value, String name) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value.isObject()) {
            ObjectNode o = (ObjectNode) value;
            o.remove("superiorId");
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                o.set(k, localised(o.get(k), k));
            }
            return o;
        }
        if (value.isArray()) {
            ArrayNode a = (ArrayNode) value;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, localised(a.get(i), name));
            }
            return a;
        }
        if (!value.isTextual()) {
            return value;
        }
        String s = value.asText();
        if (name.equals("requirementId")) {
            return f.textNode(REQUIREMENT);
        }
        if (name.equals("url")) {
            return f.textNode("http://127.0.0.1:9/fuzz");
        }
        if (s.matches("\\d{6}|\\d{9}|\\d{12}") && !s.equals("000000")) {
            return f.textNode(s.length() > 6 ? TOWNSHIP : s.endsWith("0000") ? PROVINCE : s.endsWith("00") ? CITY : COUNTY);
        }
        return value;
    }

    /** Every field of a body, down to 4 levels: the first row of an array, the properties of an object (its schema's, or the valid value's). */
    static void walk(JsonNode schema, JsonNode value, List<Object> at, List<Field> fields, int depth) {
        if (depth > 4 || value == null) {
            return;
        }
        if (value.isArray() && value.size() > 0) {
            List<Object> row = new ArrayList<>(at);
            row.add(0);
            JsonNode items = schema(schema.path("items"));
            if (value.get(0).isContainerNode()) {
                walk(items, value.get(0), row, fields, depth + 1);
            } else {
                fields.add(new Field(row, items.isEmpty() ? kindOf(value.get(0))
                        : kindOf(items, String.valueOf(at.isEmpty() ? "" : at.get(at.size() - 1))), true));
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = value.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Object> here = new ArrayList<>(at);
            here.add(e.getKey());
            JsonNode property = schema.path("properties").path(e.getKey());
            JsonNode s = property.isMissingNode() ? null : schema(property);
            Kind kind = s == null || (type(s).isEmpty() && !s.has("enum") && !s.has("format") && !s.has("pattern"))
                    ? kindOf(e.getValue()) : kindOf(s, e.getKey());
            if (kind == Kind.TEXT && isRegionName(e.getKey())) {
                kind = Kind.REGION;
            }
            boolean required = false;
            for (JsonNode r : schema.path("required")) {
                required |= r.asText().equals(e.getKey());
            }
            fields.add(new Field(here, kind, required));
            if (e.getValue().isContainerNode()) {
                walk(s == null ? JsonNodeFactory.instance.objectNode() : s, e.getValue(), here, fields, depth + 1);
            }
        }
    }

    static boolean isRegionName(String name) {
        String lower = name.toLowerCase();
        return lower.equals("code") || lower.endsWith("regioncode") || lower.equals("parentcode");
    }

    /** Whole bodies that are wrong as a whole: label → (Content-Type, bytes). */
    static Map<String, Map.Entry<String, byte[]>> wholeBodies(Body body) {
        Map<String, Map.Entry<String, byte[]>> b = new LinkedHashMap<>();
        byte[] valid = body.bytes(null, null);
        String text = new String(valid, StandardCharsets.UTF_8);
        b.put("empty", Map.entry("application/json", new byte[0]));
        b.put("no Content-Type", Map.entry("", valid));
        b.put("the valid JSON as text/plain", Map.entry("text/plain", valid));
        b.put("XML", Map.entry("application/xml", "<region code=\"0\"/>".getBytes(StandardCharsets.UTF_8)));
        b.put("not JSON", Map.entry("application/json", "this is not JSON".getBytes(StandardCharsets.UTF_8)));
        b.put("truncated JSON", Map.entry("application/json", text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8)));
        b.put("null", Map.entry("application/json", "null".getBytes(StandardCharsets.UTF_8)));
        b.put("the other shape", Map.entry("application/json", (body.valid().isArray() ? "{}" : "[]").getBytes(StandardCharsets.UTF_8)));
        b.put("invalid UTF-8", Map.entry("application/json", concat(text.substring(0, text.length() / 2),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, text.substring(text.length() / 2))));
        b.put("100,000 nested arrays", Map.entry("application/json",
                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
        b.put("20,000 nested objects", Map.entry("application/json", deepObject(20_000).getBytes(StandardCharsets.UTF_8)));
        JsonNode first = body.valid().isArray() ? body.valid().get(0) : body.valid();
        if (first != null && first.isObject() && first.size() > 0) {
            String key = first.fieldNames().next();
            String row = write(first);
            String duplicated = "{" + jsonString(key) + ":\"\\uD800\"," + row.substring(1);
            String twice = row.substring(0, row.length() - 1) + "," + jsonString(key) + ":" + write(first.get(key)) + "}";
            b.put("duplicate key " + key + " (first hostile)", Map.entry("application/json",
                    (body.valid().isArray() ? "[" + duplicated + "]" : duplicated).getBytes(StandardCharsets.UTF_8)));
            b.put("duplicate key " + key + " (same value)", Map.entry("application/json",
                    (body.valid().isArray() ? "[" + twice + "]" : twice).getBytes(StandardCharsets.UTF_8)));
        }
        if (body.valid().isArray()) {
            // past the 10,000-row limit; the last row invalid, so that nothing is stored whatever the limit
            String row = write(body.valid().get(0));
            b.put("10,001 rows", Map.entry("application/json",
                    ("[" + (row + ",").repeat(10_000) + "{}]").getBytes(StandardCharsets.UTF_8)));
            b.put("100,000 empty rows", Map.entry("application/json",
                    ("[" + "{},".repeat(99_999) + "{}]").getBytes(StandardCharsets.UTF_8)));
        }
        if (body.csv()) {
            String csv = "text/csv";
            b.put("CSV: header only", Map.entry(csv, "code,name,level,parentCode\n".getBytes(StandardCharsets.UTF_8)));
            b.put("CSV: an unknown header", Map.entry(csv, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
            b.put("CSV: an open quote", Map.entry(csv, "regionCode,year,total\n\"320102,2025,1\n".getBytes(StandardCharsets.UTF_8)));
            b.put("CSV: NUL and control characters", Map.entry(csv,
                    "code,name,level,parentCode\n320102,\u0000\u0007,COUNTY,320100\n".getBytes(StandardCharsets.UTF_8)));
            b.put("CSV: a lone surrogate's bytes", Map.entry(csv, concat("code,name,level,parentCode\n320102,",
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, ",COUNTY,320100\n")));
            b.put("CSV: 10,001 rows", Map.entry(csv, ("regionCode,year,total\n" + (COUNTY + ",2025,1\n").repeat(10_000)
                    + "0,x,x\n").getBytes(StandardCharsets.UTF_8)));
            b.put("CSV: binary", Map.entry(csv, new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10, 13, 0}));
        }
        if (body.xlsx()) {
            String xlsx = luoshi.testing.Workbooks.XLSX;
            b.put("XLSX: not a workbook", Map.entry(xlsx, "regionCode,year\n330602,2025\n".getBytes(StandardCharsets.UTF_8)));
            b.put("XLSX: an empty archive", Map.entry(xlsx, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0}));
            b.put("XLSX: a workbook of no header", Map.entry(xlsx, luoshi.testing.Workbooks.of("x",
                    List.of(luoshi.testing.Workbooks.row("a", "b"), luoshi.testing.Workbooks.row(1, 2)))));
            b.put("XLSX: binary", Map.entry(xlsx, new byte[] {'P', 'K', 3, 4, (byte) 0xFF, (byte) 0xFE, 10, 13, 0}));
        }
        return b;
    }

    static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A value as a failure message shows it: escapes for what cannot be seen, long ones shortened. */
    static String show(String value) {
        if (value.length() > 60) {
            String repeated = value.chars().distinct().count() == 1 ? "'" + value.charAt(0) + "' × " + value.length()
                    : value.substring(0, 40) + "…(" + value.length() + " chars)";
            return repeated;
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || c == '\u200B' || c == '\uFEFF' || c == '\u00A0') {
                s.append(String.format("\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
