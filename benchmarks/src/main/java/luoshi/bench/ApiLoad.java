package luoshi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads {@link NationalData} through the gateway's public API, timing each kind: every kind through its bulk endpoint,
 * one batch after the other (≤ 10,000 rows a call; the regions in one CSV call, as the national file is meant to go).
 */
final class ApiLoad {

    static final int BATCH = 10_000;

    /** Rows of each kind in a warm-up batch ({@link #warmUp}). */
    static final int WARM_UP_ROWS = 1_000;

    /** One kind of rows loaded: {@code calls} requests in {@code seconds}. */
    record Result(String kind, String endpoint, boolean bulk, long rows, int calls, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final Http gateway;
    /** Run before each kind is loaded (LoadDataCeiling.settle: the database has written back the previous kind). */
    private final Runnable settle;
    final List<Result> results = new ArrayList<>();
    long feedVersion;

    ApiLoad(Http gateway, Runnable settle) {
        this.gateway = gateway;
        this.settle = settle;
    }

    /**
     * Calls each bulk endpoint {@code times} times before anything is measured, with the first {@value #WARM_UP_ROWS}
     * rows of its kind and one invalid row after them: every row is read and checked, the batch is refused (400) and
     * nothing is stored. The first calls after a start load classes and run interpreted (authentication, fault
     * tolerance, the REST clients, the readers and validators of each kind), which a running system has done long
     * before its next import; the data itself can be imported only once.
     */
    void warmUp(NationalData data, int times) {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("/api/v1/regions/batch", String.join("\n", data.regionsCsv.lines().limit(WARM_UP_ROWS + 1).toList()) + "\n"
                + "not-a-code,?,PROVINCE,\n");
        refused.put("/api/v1/regions/population/batch", populationCsv(data.population.subList(0, WARM_UP_ROWS)) + "not-a-code,2025,1,,\n");
        refused.put("/api/v1/funding/batch", refusedJson(data.funding, ApiLoad::funding));
        refused.put("/api/v1/organizations/batch", refusedJson(data.organisations, ApiLoad::organisation));
        refused.put("/api/v1/union-fees/batch", refusedJson(data.unionFees, ApiLoad::unionFee));
        refused.put("/api/v1/committee-terms/batch", refusedJson(data.terms, ApiLoad::term));
        refused.put("/api/v1/meetings/batch", refusedJson(data.meetings, ApiLoad::meeting));
        refused.put("/api/v1/documents/batch", refusedJson(data.documents, ApiLoad::document));
        for (int i = 0; i < times; i++) {
            Http.expectOk("GET /api/v1/regions/000000/children", gateway.get("/api/v1/regions/000000/children"));
            refused.forEach((path, body) -> {
                Http.Answer a = gateway.post(path, path.startsWith("/api/v1/regions/") ? "text/csv" : "application/json", body);
                if (a.status() != 400) {
                    throw new IllegalStateException("the warm-up batch of " + path + " was not refused: " + a.status() + " "
                            + Http.abbreviate(a.body()));
                }
            });
        }
    }

    private static <T> String refusedJson(List<T> rows, Function<T, Map<String, Object>> json) {
        List<Map<String, Object>> batch = new ArrayList<>(rows.subList(0, Math.min(WARM_UP_ROWS, rows.size())).stream().map(json).toList());
        batch.add(object("regionCode", "not-a-code"));
        return Http.write(batch);
    }

    void regionsAndPopulation(NationalData data) {
        settle.run();
        long start = System.nanoTime();
        JsonNode answer = Http.expectOk("POST /api/v1/regions/batch", gateway.post("/api/v1/regions/batch", "text/csv",
                data.regionsCsv)).json();
        if (answer.path("rows").asInt() != data.regions.size()) {
            throw new IllegalStateException("the regions import read " + answer.path("rows") + " rows, not " + data.regions.size());
        }
        record("regions", "POST /api/v1/regions/batch (text/csv, 1 call)", true, data.regions.size(), 1, start);
        feedVersion = answer.path("version").asLong();

        settle.run();
        start = System.nanoTime();
        int calls = 0;
        for (List<NationalData.Population> chunk : chunks(data.population, BATCH)) {
            feedVersion = Http.expectOk("POST /api/v1/regions/population/batch",
                    gateway.post("/api/v1/regions/population/batch", "text/csv", populationCsv(chunk))).json().path("version").asLong();
            calls++;
        }
        record("population", "POST /api/v1/regions/population/batch (text/csv)", true, data.population.size(), calls, start);
    }

    private static String populationCsv(List<NationalData.Population> rows) {
        StringBuilder csv = new StringBuilder("regionCode,year,total,female,youth\n");
        rows.forEach(p -> csv.append(p.regionCode()).append(',').append(p.year()).append(',').append(p.total()).append(',')
                .append(p.female()).append(',').append(p.youth()).append('\n'));
        return csv.toString();
    }

    void facts(NationalData data) {
        batches("funding records", "/api/v1/funding/batch", data.funding, ApiLoad::funding);

        settle.run();
        long start = System.nanoTime();
        int calls = 0;
        int leaders = 0;
        for (List<NationalData.Organisation> chunk : chunks(data.organisations, BATCH)) {
            leaders += gateway.postJson("/api/v1/organizations/batch", chunk.stream().map(ApiLoad::organisation).toList())
                    .path("leaders").asInt();
            calls++;
        }
        if (leaders != data.leaderCount()) {
            throw new IllegalStateException("the organisation import stored " + leaders + " leaders, not " + data.leaderCount());
        }
        record("organisations + leaders", "POST /api/v1/organizations/batch (JSON, leaders nested)", true,
                data.organisations.size() + leaders, calls, start);

        batches("union fees", "/api/v1/union-fees/batch", data.unionFees, ApiLoad::unionFee);
        batches("committee terms", "/api/v1/committee-terms/batch", data.terms, ApiLoad::term);
        batches("meetings", "/api/v1/meetings/batch", data.meetings, ApiLoad::meeting);
        batches("documents", "/api/v1/documents/batch", data.documents, ApiLoad::document);
    }

    // each kind's row as its batch endpoint takes it

    private static Map<String, Object> funding(NationalData.Funding f) {
        return object("regionCode", f.regionCode(), "category", f.category(), "fiscalYear", f.fiscalYear(),
                "amount", f.amount().toPlainString(), "documentRef", f.documentRef());
    }

    private static Map<String, Object> organisation(NationalData.Organisation o) {
        List<Map<String, Object>> leaders = new ArrayList<>();
        o.leaders().forEach(l -> leaders.add(object("name", l.name(), "role", l.role(), "employment", l.employment(),
                "frontline", l.frontline(), "from", l.from().toString(), "to", l.to() == null ? null : l.to().toString())));
        return object("regionCode", o.regionCode(), "type", o.type(), "name", o.name(), "leaders", leaders);
    }

    private static Map<String, Object> unionFee(NationalData.UnionFee u) {
        return object("regionCode", u.regionCode(), "year", u.year(), "due", u.due().toPlainString(),
                "collected", u.collected().toPlainString());
    }

    private static Map<String, Object> term(NationalData.Term t) {
        return object("regionCode", t.regionCode(), "start", t.start().toString(), "end", t.end().toString());
    }

    private static Map<String, Object> meeting(NationalData.Meeting m) {
        return object("regionCode", m.regionCode(), "type", m.type(), "date", m.date().toString(), "title", m.title(),
                "documentRef", m.documentRef());
    }

    private static Map<String, Object> document(NationalData.Document d) {
        return object("regionCode", d.regionCode(), "type", d.type(), "date", d.date().toString(), "title", d.title(),
                "documentRef", d.documentRef());
    }

    /** A kind through its JSON batch endpoint ({@code {"accepted":n}}), {@link #BATCH} rows a call, one call after the other. */
    private <T> void batches(String kind, String path, List<T> rows, Function<T, Map<String, Object>> json) {
        settle.run();
        long start = System.nanoTime();
        int calls = 0;
        for (List<T> chunk : chunks(rows, BATCH)) {
            int accepted = gateway.postJson(path, chunk.stream().map(json).toList()).path("accepted").asInt();
            if (accepted != chunk.size()) {
                throw new IllegalStateException(path + " accepted " + accepted + " of " + chunk.size() + " rows");
            }
            calls++;
        }
        record(kind, "POST " + path + " (JSON)", true, rows.size(), calls, start);
    }

    private void record(String kind, String endpoint, boolean bulk, long rows, int calls, long startNanos) {
        Result r = new Result(kind, endpoint, bulk, rows, calls, (System.nanoTime() - startNanos) / 1e9);
        results.add(r);
        System.out.printf("  %-24s %,9d rows in %6.1f s: %,8.0f rows/s%n", kind, rows, r.seconds(), r.rowsPerSecond());
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            out.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return out;
    }

    /** A JSON object in field order; a value may be null. */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            o.put((String) namesAndValues[i], v instanceof BigDecimal b ? b.toPlainString() : v);
        }
        return o;
    }
}
