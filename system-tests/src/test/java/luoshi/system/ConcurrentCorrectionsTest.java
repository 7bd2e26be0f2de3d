package luoshi.system;

import static luoshi.system.PublicApi.created;
import static luoshi.system.PublicApi.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import luoshi.system.PublicApi.Answer;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Concurrency, limits and exposure": versions and ETags, atomic corrections, the audit chain. Two clerks
 * correct different fields of one record at the same moment, 50 rounds for each of a leader, an organisation and a
 * funding record: after every round both corrections are there (none lost) and each answer shows what it stored; a
 * third correction carrying the ETag of before the round ({@code If-Match}) is a 412 problem naming the current ETag
 * and changes nothing; and the resource's audit events form one chain, each {@code before} the previous
 * {@code after}. The records live in 无锡市锡山区东亭街道 (320205001), which no other test reads.
 */
class ConcurrentCorrectionsTest {

    static final String TOWNSHIP = "320205001";
    static final int ROUNDS = 50;
    static final String CLERK_A = TestTokens.token("operator", "320205", "clerk.a@320205");
    static final String CLERK_B = TestTokens.token("operator", "320205", "clerk.b@320205");
    static final ExecutorService TWO = Executors.newFixedThreadPool(2);

    static String organization;
    static String leader;
    static String funding;

    /** One field's correction in round {@code r}: the field, the JSON of its new value, and that value as the answer shows it. */
    record Change(String field, IntFunction<String> json, IntFunction<String> shown) {
    }

    @BeforeAll
    static void records() {
        LuoshiSystem.get();
        PublicApi.realRegions(TOWNSHIP);
        organization = created("/api/v1/organizations",
                "{\"regionCode\":\"" + TOWNSHIP + "\",\"type\":\"WOMENS_FEDERATION\",\"name\":\"东亭街道妇女联合会\"}");
        leader = created("/api/v1/organizations/" + organization + "/leaders",
                "{\"name\":\"陈静\",\"role\":\"HEAD\",\"employment\":\"FULL_TIME\",\"frontline\":false,\"from\":\"2024-01-01\"}");
        funding = created("/api/v1/funding", "{\"regionCode\":\"" + TOWNSHIP
                + "\",\"category\":\"WOMENS_WORK\",\"fiscalYear\":2025,\"amount\":\"30000.00\",\"documentRef\":\"锡财〔2025〕1号\"}");
    }

    @AfterAll
    static void stop() {
        TWO.shutdownNow();
    }

    @Test
    void twoConcurrentCorrectionsOfALeaderAreBothKept() {
        // a leader has no GET of its own: it is read in its organisation's list, its ETag taken from the PATCH answers
        String list = "/api/v1/organizations/" + organization + "/leaders?size=500";
        rounds("/api/v1/organizations/" + organization + "/leaders/" + leader, () -> {
            for (JsonNode l : get(list).json().path("items")) {
                if (l.path("id").asText().equals(leader)) {
                    return new State(l, null);
                }
            }
            throw new AssertionError("leader " + leader + " is not in " + list);
        }, "leader", leader,
                new Change("name", r -> quoted("陈静" + r), r -> "陈静" + r),
                new Change("employment", r -> quoted(employment(r)), r -> employment(r)),
                new Change("name", r -> quoted("过期" + r), r -> "过期" + r));
    }

    @Test
    void twoConcurrentCorrectionsOfAnOrganisationAreBothKept() {
        String path = "/api/v1/organizations/" + organization;
        rounds(path, () -> State.of(get(path)), "organization", organization,
                new Change("name", r -> quoted("东亭街道妇女联合会" + r), r -> "东亭街道妇女联合会" + r),
                new Change("type", r -> quoted(r % 2 == 0 ? "WOMENS_FEDERATION" : "RED_CROSS"),
                        r -> r % 2 == 0 ? "WOMENS_FEDERATION" : "RED_CROSS"),
                new Change("name", r -> quoted("过期" + r), r -> "过期" + r));
    }

    /** Funding gains PATCH in the third wave (API.md: "two concurrent PATCHes of different fields both take effect"). */
    @Test
    void twoConcurrentCorrectionsOfAFundingRecordAreBothKept() {
        String path = "/api/v1/funding/" + funding;
        rounds(path, () -> State.of(get(path)), "funding-record", funding,
                new Change("amount", r -> quoted((30_000 + r) + ".00"), r -> (30_000 + r) + ".00"),
                new Change("documentRef", r -> quoted("锡财〔2025〕" + (r + 1) + "号"), r -> "锡财〔2025〕" + (r + 1) + "号"),
                new Change("amount", r -> quoted("1.11"), r -> "1.11"));
    }

    private static String employment(int round) {
        return round % 2 == 0 ? "FULL_TIME" : "PART_TIME";
    }

    private static String quoted(String value) {
        return OpenApiFuzzTest.jsonString(value);
    }

    /** A resource as read, and the ETag its read answered (null when there is no read of one, or it answered none). */
    record State(JsonNode json, String etag) {
        static State of(Answer a) {
            return new State(a.json(), a.headers().firstValue("ETag").orElse(null));
        }
    }

    /** What went wrong, by kind: in how many rounds, and the first two of each. */
    static final class Tally {
        private final Map<String, List<String>> byKind = new LinkedHashMap<>();

        void add(String kind, int round, String what) {
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add("round " + round + ": " + what);
        }

        int count(String kind) {
            return byKind.getOrDefault(kind, List.of()).size();
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            byKind.forEach((kind, all) -> lines.add(kind + " — " + all.size() + " time(s), e.g. "
                    + String.join(" | ", all.subList(0, Math.min(2, all.size())))));
            return lines;
        }
    }

    /**
     * {@value #ROUNDS} rounds of {@code a} and {@code b} sent at once by two clerks, then {@code stale} with the ETag of
     * before the round; then the resource's audit chain. Every failure is tallied by kind, so that the message tells in
     * how many rounds a correction was lost, and what else went wrong.
     */
    private static void rounds(String path, Supplier<State> read, String entity, String id, Change a, Change b, Change stale) {
        Tally tally = new Tally();
        String known = null;
        for (int r = 1; r <= ROUNDS; r++) {
            State before = read.get();
            String etag = before.etag() != null ? before.etag() : known;
            if (before.etag() == null && !entity.equals("leader")) {
                tally.add("GET of one answers no ETag", r, "GET " + path);
            } else if (before.etag() != null && !before.etag().matches("\"\\d+\"")) {
                tally.add("an ETag that is not \"<version>\"", r, "GET " + path + " → ETag " + before.etag());
            }
            List<Answer> answers = together(path, patch(a, r), patch(b, r));
            for (int i = 0; i < 2; i++) {
                Change c = i == 0 ? a : b;
                Answer answer = answers.get(i);
                if (answer.status() != 200) {
                    tally.add("a PATCH not answered 200", r, "PATCH " + path + " " + patch(c, r) + " → " + answer);
                    continue;
                }
                if (!c.shown().apply(r).equals(answer.json().path(c.field()).asText())) {
                    tally.add("an answer that does not show what its PATCH stored", r, "PATCH " + patch(c, r) + " answered "
                            + answer.body());
                }
                String answered = answer.headers().firstValue("ETag").orElse(null);
                if (answered == null) {
                    tally.add("a PATCH answer with no ETag", r, "PATCH " + path + " " + patch(c, r));
                } else if (known == null || version(answered) > version(known)) {
                    known = answered;
                }
            }
            State after = read.get();
            boolean aKept = a.shown().apply(r).equals(after.json().path(a.field()).asText());
            boolean bKept = b.shown().apply(r).equals(after.json().path(b.field()).asText());
            if (!aKept || !bKept) {
                tally.add("LOST A CORRECTION", r, "lost " + (aKept ? "" : a.field() + "=" + a.shown().apply(r) + " ")
                        + (bKept ? "" : b.field() + "=" + b.shown().apply(r)) + " (answers " + answers.get(0).status() + ", "
                        + answers.get(1).status() + "; stored " + after.json() + ")");
            }

            // the ETag of before the round is stale now: 412, naming the current one, and nothing written
            String current = after.etag() != null ? after.etag() : known;
            Answer refused = send(CLERK_A, "PATCH", path, Map.of("If-Match", etag == null ? "\"0\"" : etag), "application/json",
                    patch(stale, r));
            if (refused.status() != 412 || refused.problemDefect() != null) {
                tally.add("a stale If-Match not refused with a 412 problem", r, "PATCH " + path + " " + patch(stale, r)
                        + " with If-Match " + etag + " → " + refused);
            } else if (current == null || !names(refused.json(), current)) {
                tally.add("a 412 that does not name the current ETag", r, "current " + current + ", answer " + refused);
            }
            State unchanged = read.get();
            if (!unchanged.json().equals(after.json())) {
                tally.add("a stale If-Match that wrote", r, after.json() + " → " + unchanged.json());
            }
        }
        List<String> failures = new ArrayList<>(tally.lines());
        List<String> breaks = auditChainBreaks(entity, id);
        if (!breaks.isEmpty()) {
            failures.add("audit chain broken " + breaks.size() + " time(s), e.g. "
                    + String.join(" | ", breaks.subList(0, Math.min(2, breaks.size()))));
        }
        assertThat(failures).as(entity + " " + id + ": " + tally.count("LOST A CORRECTION") + " of " + ROUNDS
                + " rounds lost a correction").isEmpty();
    }

    /** The version an ETag holds ({@code "7"} → 7), or -1. */
    private static long version(String etag) {
        String v = etag.replaceAll("^W/", "").replace("\"", "");
        return v.matches("\\d+") ? Long.parseLong(v) : -1;
    }

    /** Whether a problem names an ETag: the quoted ETag, or its bare version as a word, in one of its texts. */
    private static boolean names(JsonNode problem, String etag) {
        String bare = etag.replaceAll("^W/", "").replace("\"", "");
        for (JsonNode field : problem) {
            String text = field.toString();
            if (text.contains(bare) && text.matches("(?s).*(^|\\D)" + Pattern.quote(bare) + "(\\D|$).*")) {
                return true;
            }
        }
        return false;
    }

    private static String patch(Change c, int round) {
        return "{\"" + c.field() + "\":" + c.json().apply(round) + "}";
    }

    private static Answer get(String path) {
        Answer a = send(TestTokens.ADMIN, "GET", path, Map.of(), null, (byte[]) null);
        assertThat(a.status()).as("GET " + path + " → " + a).isEqualTo(200);
        return a;
    }

    /** Two PATCHes released at the same instant, by two clerks; their answers in the order given. */
    private static List<Answer> together(String path, String first, String second) {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> calls = new ArrayList<>();
        for (String[] call : List.of(new String[] {CLERK_A, first}, new String[] {CLERK_B, second})) {
            calls.add(TWO.submit(() -> {
                ready.countDown();
                go.await();
                return send(call[0], "PATCH", path, Map.of(), "application/json", call[1]);
            }));
        }
        try {
            ready.await();
            go.countDown();
            return List.of(calls.get(0).get(), calls.get(1).get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where the audit chain of one resource breaks: its events in the order they were recorded (the sequence in their
     * id, {@code org:1042}), each {@code before} compared with the previous {@code after}.
     */
    static List<String> auditChainBreaks(String entity, String id) {
        List<JsonNode> events = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = send(TestTokens.ADMIN, "GET", "/api/v1/audit?regionCode=" + TOWNSHIP + "&size=500&page=" + page,
                    Map.of(), null, (byte[]) null).json();
            answer.path("items").forEach(e -> {
                if (entity.equals(e.path("entity").asText()) && id.equals(e.path("entityId").asText())) {
                    events.add(e);
                }
            });
            if ((page + 1) * 500L >= answer.path("total").asLong()) {
                break;
            }
        }
        events.sort(Comparator.comparingLong(e -> Long.parseLong(e.path("id").asText().replaceAll(".*:", ""))));
        List<String> breaks = new ArrayList<>();
        if (events.isEmpty()) {
            breaks.add("no audit event of " + entity + " " + id);
        }
        for (int i = 1; i < events.size(); i++) {
            JsonNode previous = events.get(i - 1).path("change").path("after");
            JsonNode before = events.get(i).path("change").path("before");
            if (!previous.equals(before)) {
                breaks.add("audit chain of " + entity + " " + id + " broken at event " + events.get(i).path("id").asText() + " ("
                        + events.get(i).path("actor").asText() + "): before " + before + ", but the previous event's after was "
                        + previous);
            }
        }
        return breaks;
    }
}
