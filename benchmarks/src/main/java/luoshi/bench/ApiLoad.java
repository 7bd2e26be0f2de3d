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

    /** The JSON batch endpoints (each takes an empty batch: {@link #warmUp}). */
    static final List<String> JSON_BATCHES = List.of("/api/v1/funding/batch", "/api/v1/organizations/batch",
            "/api/v1/union-fees/batch", "/api/v1/committee-terms/batch", "/api/v1/meetings/batch", "/api/v1/documents/batch");

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
     * Calls each bulk endpoint {@code times} times with an empty batch, and reads a list, before anything is measured: the
     * first calls after a start load classes and run interpreted (authentication, fault tolerance, the REST clients,
     * the import paths), which a running system has done long before its next import. The rows themselves can be
     * imported only once, so their own paths stay cold.
     */
    void warmUp(int times) {
        for (int i = 0; i < times; i++) {
            Http.expectOk("GET /api/v1/regions/000000/children", gateway.get("/api/v1/regions/000000/children"));
            Http.expectOk("POST /api/v1/regions/batch", gateway.post("/api/v1/regions/batch", "text/csv", "code,name,level,parentCode\n"));
            Http.expectOk("POST /api/v1/regions/population/batch", gateway.post("/api/v1/regions/population/batch", "text/csv",
                    "regionCode,year,total,female,youth\n"));
            JSON_BATCHES.forEach(path -> Http.expectOk("POST " + path, gateway.post(path, "application/json", "[]")));
        }
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
            StringBuilder csv = new StringBuilder("regionCode,year,total,female,youth\n");
            chunk.forEach(p -> csv.append(p.regionCode()).append(',').append(p.year()).append(',').append(p.total()).append(',')
                    .append(p.female()).append(',').append(p.youth()).append('\n'));
            feedVersion = Http.expectOk("POST /api/v1/regions/population/batch",
                    gateway.post("/api/v1/regions/population/batch", "text/csv", csv.toString())).json().path("version").asLong();
            calls++;
        }
        record("population", "POST /api/v1/regions/population/batch (text/csv)", true, data.population.size(), calls, start);
    }

    void facts(NationalData data) {
        batches("funding records", "/api/v1/funding/batch", data.funding, f -> object("regionCode", f.regionCode(),
                "category", f.category(), "fiscalYear", f.fiscalYear(), "amount", f.amount().toPlainString(),
                "documentRef", f.documentRef()));

        settle.run();
        long start = System.nanoTime();
        int calls = 0;
        int leaders = 0;
        for (List<NationalData.Organisation> chunk : chunks(data.organisations, BATCH)) {
            List<Map<String, Object>> rows = new ArrayList<>(chunk.size());
            for (NationalData.Organisation o : chunk) {
                List<Map<String, Object>> ls = new ArrayList<>();
                o.leaders().forEach(l -> ls.add(object("name", l.name(), "role", l.role(), "employment", l.employment(),
                        "frontline", l.frontline(), "from", l.from().toString(), "to", l.to() == null ? null : l.to().toString())));
                rows.add(object("regionCode", o.regionCode(), "type", o.type(), "name", o.name(), "leaders", ls));
            }
            leaders += gateway.postJson("/api/v1/organizations/batch", rows).path("leaders").asInt();
            calls++;
        }
        if (leaders != data.leaderCount()) {
            throw new IllegalStateException("the organisation import stored " + leaders + " leaders, not " + data.leaderCount());
        }
        record("organisations + leaders", "POST /api/v1/organizations/batch (JSON, leaders nested)", true,
                data.organisations.size() + leaders, calls, start);

        batches("union fees", "/api/v1/union-fees/batch", data.unionFees, u -> object("regionCode", u.regionCode(),
                "year", u.year(), "due", u.due().toPlainString(), "collected", u.collected().toPlainString()));
        batches("committee terms", "/api/v1/committee-terms/batch", data.terms, t -> object("regionCode", t.regionCode(),
                "start", t.start().toString(), "end", t.end().toString()));
        batches("meetings", "/api/v1/meetings/batch", data.meetings, m -> object("regionCode", m.regionCode(), "type", m.type(),
                "date", m.date().toString(), "title", m.title(), "documentRef", m.documentRef()));
        batches("documents", "/api/v1/documents/batch", data.documents, d -> object("regionCode", d.regionCode(),
                "type", d.type(), "date", d.date().toString(), "title", d.title(), "documentRef", d.documentRef()));
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
