package luoshi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The results as markdown (printed, and written between the markers of docs/BENCHMARKS.md, so that the analysis
 * written around them stays) and as JSON (docs/benchmarks.json). Both are rendered from one JSON tree.
 */
final class Report {

    static final String BEGIN = "<!-- benchmark results: written by benchmarks/run.sh; edit outside these markers -->";
    static final String END = "<!-- end of benchmark results -->";

    private Report() {
    }

    static String markdown(JsonNode r) {
        StringBuilder md = new StringBuilder();
        JsonNode m = r.path("machine");
        JsonNode db = r.path("database");
        String on = db.path("short").asText("single server (embedded)");
        md.append("### Database: ").append(on).append("\n\n");
        md.append("Database: ").append(db.path("label").asText("single server: the embedded MariaDB that deploy/local/run.sh starts"))
                .append(" (`--db ").append(db.path("kind").asText("embedded")).append("`). ");
        md.append("Measured ").append(r.path("date").asText()).append(" at commit `").append(r.path("commit").asText())
                .append("` on ").append(m.path("cpu").asText()).append(" (").append(m.path("cores").asInt()).append(" cores, ")
                .append(m.path("memory").asText()).append("), ").append(m.path("os").asText()).append(", ")
                .append(m.path("jdk").asText()).append(", MariaDB ").append(m.path("mariadb").asText())
                .append(" (InnoDB buffer pool ").append(mib(m.path("innodbBufferPoolBytes").asLong())).append("). Load average (1, 5, 15 min)")
                .append(" at the start ").append(m.path("loadAverageAtStart").asText()).append(", before the queries ")
                .append(m.path("loadAverageBeforeQueries").asText()).append(", at the end ").append(m.path("loadAverageAtEnd").asText())
                .append(". System: ").append(r.path("system").path("description").asText()).append(".");
        if (m.has("warmUpSeconds")) {
            md.append(" The query paths were warmed for ").append(m.path("warmUpSeconds").asLong())
                    .append(" s before the first measurement, until the rate settled (req/s per round: ")
                    .append(m.path("warmUpRates").asText()).append(m.path("warmUpSettled").asBoolean() ? "" : "; not settled: the limit")
                    .append(").");
        }
        md.append("\n\n");
        JsonNode d = r.path("dataset");
        md.append("Data (seed ").append(d.path("seed").asText()).append("): ").append(d.path("summary").asText())
                .append(" Queries for year ").append(d.path("year").asInt()).append(", asOf ").append(d.path("asOf").asText())
                .append("; catalog: ").append(d.path("requirements").asInt()).append(" requirements (")
                .append(d.path("catalogNote").asText()).append(").\n\n");

        md.append("#### Targets — ").append(on).append("\n\n| figure | target | measured | result |\n|---|---|---|---|\n");
        for (JsonNode t : r.path("targets")) {
            md.append("| ").append(t.path("figure").asText()).append(" | ").append(t.path("target").asText()).append(" | ")
                    .append(t.path("measured").asText()).append(" | ").append(t.path("result").asText()).append(" |\n");
        }

        md.append("\n#### Load through the public API, beside MariaDB's own bulk load\n\n")
                .append("| kind | rows | calls | API s | API rows/s | LOAD DATA rows/s | API ÷ LOAD DATA |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode l : r.path("load")) {
            md.append("| ").append(l.path("kind").asText()).append(" — ").append(l.path("endpoint").asText()).append(" | ")
                    .append(count(l.path("rows").asLong())).append(" | ").append(count(l.path("calls").asLong())).append(" | ")
                    .append(num(l.path("seconds").asDouble(), 1)).append(" | ").append(count(l.path("rowsPerSecond").asDouble()))
                    .append(" | ").append(count(l.path("ceilingRowsPerSecond").asDouble())).append(" | ")
                    .append(pct(l.path("ratio").asDouble())).append(" |\n");
        }
        JsonNode total = r.path("loadTotal");
        md.append("| **all** | ").append(count(total.path("rows").asLong())).append(" | ").append(count(total.path("calls").asLong()))
                .append(" | ").append(num(total.path("seconds").asDouble(), 1)).append(" | ")
                .append(count(total.path("rowsPerSecond").asDouble())).append(" | ")
                .append(count(total.path("ceilingRowsPerSecond").asDouble())).append(" | ")
                .append(pct(total.path("ratio").asDouble())).append(" |\n");
        md.append("\nThe replicas (funding-, review-service) caught up with the regions and population in ")
                .append(num(r.path("replicaCatchUpSeconds").asDouble(), 1)).append(" s after the population import.\n");

        md.append("\n#### Queries through the gateway, beside one raw SQL statement with the same answer\n\n")
                .append("API: as callers get the answers (*kept*: each service answers again what it computed for the same question")
                .append(" while its data version is unchanged), and *afresh* (`Cache-Control: no-cache`: every service evaluates")
                .append(" its rules anew). Both beside the same raw SQL measurement. *harness CPU*: the load generator's own share")
                .append(" of the machine's CPU while it measured the API (it runs on the same two cores).\n\n")
                .append("| answer | API | clients | API p50 | API p95 | API p99 | API req/s | SQL p50 | SQL p95 | SQL p99 | SQL q/s | p50 API ÷ SQL | requests (partial, errors) | harness CPU | load avg | target |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode q : r.path("queries")) {
            JsonNode a = q.path("api");
            JsonNode b = q.path("baseline");
            md.append("| ").append(q.path("answer").asText()).append(" | ").append(q.path("mode").asText()).append(" | ")
                    .append(q.path("clients").asInt()).append(" | ")
                    .append(ms(a.path("p50").asDouble(Double.NaN))).append(" | ").append(ms(a.path("p95").asDouble(Double.NaN)))
                    .append(" | ").append(ms(a.path("p99").asDouble(Double.NaN))).append(" | ")
                    .append(num(a.path("perSecond").asDouble(Double.NaN), 1)).append(" | ")
                    .append(ms(b.path("p50").asDouble(Double.NaN))).append(" | ").append(ms(b.path("p95").asDouble(Double.NaN)))
                    .append(" | ").append(ms(b.path("p99").asDouble(Double.NaN))).append(" | ")
                    .append(num(b.path("perSecond").asDouble(Double.NaN), 1)).append(" | ")
                    .append(a.path("partial").asInt() > 0 ? "n/a (partial answers)" : num(q.path("ratioP50").asDouble(Double.NaN), 2) + "×")
                    .append(" | ").append(a.path("requests").asInt()).append(" (")
                    .append(a.path("partial").asInt()).append(", ").append(a.path("errors").asInt()).append(") | ")
                    .append(pct(a.path("clientCpuShare").asDouble())).append(" | ")
                    .append(q.path("loadAverage").asText()).append(" | ").append(q.path("target").asText("")).append(" |\n");
        }
        md.append("\n").append(r.path("agreement").asText()).append("\n");

        JsonNode rem = r.path("reminders");
        md.append("\n#### Reminder job over the whole country\n\n")
                .append("The first run also opened ").append(count(rem.path("rectificationsOpened").asLong()))
                .append(" rectifications, one for every NON_COMPLIANT item of the country (#26).\n\n")
                .append("| run | created | seconds | review-service heap peak | live after GC, peak | -Xmx | RSS peak |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n")
                .append("| first run, `POST /api/v1/reminders/run?asOf=").append(d.path("asOf").asText()).append("` | ")
                .append(count(rem.path("created").asLong())).append(" | ").append(num(rem.path("seconds").asDouble(), 2)).append(" | ")
                .append(mib(rem.path("peakHeapBytes").asLong())).append(" | ").append(mib(rem.path("peakLiveAfterGcBytes").asLong()))
                .append(" | ").append(rem.path("maxHeap").asText()).append(" | ").append(mib(rem.path("peakRssBytes").asLong())).append(" |\n")
                .append("| second run (creates nothing) | ").append(count(rem.path("secondRunCreated").asLong())).append(" | ")
                .append(num(rem.path("secondRunSeconds").asDouble(), 2)).append(" | | | | |\n")
                .append("| baseline: one `INSERT … SELECT` of the same reminders | ").append(count(rem.path("baselineRows").asLong()))
                .append(" | ").append(num(rem.path("baselineSeconds").asDouble(), 2)).append(" | | | | |\n")
                .append("\nHeap sampled every ").append(rem.path("samplePeriodMs").asInt()).append(" ms from ")
                .append(rem.path("heapSource").asText()).append(" (").append(rem.path("samples").asInt()).append(" samples).\n");

        if (r.has("evaluations")) {
            md.append("\n#### The third wave's answers: evaluation, snapshots, the follow-up list\n\n")
                    .append("| answer | API | clients | API p50 | API p95 | API req/s | requests (partial, errors) |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|\n");
            for (JsonNode e : r.path("evaluations")) {
                md.append("| evaluation ").append(e.path("region").asText()).append(" | ").append(e.path("mode").asText())
                        .append(" | 1 | ").append(ms(e.path("p50").asDouble())).append(" | ").append(ms(e.path("p95").asDouble()))
                        .append(" | ").append(num(e.path("perSecond").asDouble(), 1)).append(" | ").append(e.path("requests").asInt())
                        .append(" (").append(e.path("partial").asInt()).append(", ").append(e.path("errors").asInt()).append(") |\n");
            }
            md.append("\nThe evaluation's raw SQL is a rollup's above (the same counts: every requirement of the benchmark's catalog"
                    + " weighs 1), and the same answer needs the parent's: a region's rank among its siblings is computed from every"
                    + " sibling's subtree, so the evaluation of a province holds the scores of all provinces, the country's rollup"
                    + " per child; for 000000 (no siblings) the country's rollup, for its provinces' ranks.\n");
            JsonNode snap = r.path("snapshots");
            md.append("\n| job or export | items | seconds | heap peak | -Xmx | RSS peak |\n|---|---:|---:|---:|---:|---:|\n")
                    .append("| snapshot job over the whole country, `POST /api/v1/snapshots/run?asOf=").append(d.path("asOf").asText())
                    .append("` (review-service) | ").append(count(snap.path("taken").asLong())).append(" regions | ")
                    .append(num(snap.path("seconds").asDouble(), 2)).append(" | ").append(mib(snap.path("peakHeapBytes").asLong()))
                    .append(" | ").append(snap.path("maxHeap").asText()).append(" | ").append(mib(snap.path("peakRssBytes").asLong()))
                    .append(" |\n| its second run the same day | ").append(count(snap.path("secondRunTaken").asLong())).append(" | ")
                    .append(num(snap.path("secondRunSeconds").asDouble(), 2)).append(" | | | |\n");
            JsonNode list = r.path("followUpList");
            md.append("| follow-up list of 000000 as CSV, `").append(list.path("path").asText()).append("` (gateway) | ")
                    .append(count(list.path("rows").asLong())).append(" rows, ").append(mib(list.path("bytes").asLong())).append(" | ")
                    .append(num(list.path("seconds").asDouble(), 2)).append(" | ").append(mib(list.path("peakHeapBytes").asLong()))
                    .append(" | ").append(list.path("maxHeap").asText()).append(" | ").append(mib(list.path("peakRssBytes").asLong()))
                    .append(" |\n");
            for (JsonNode report : r.path("reports")) {
                md.append("| XLSX report of ").append(report.path("region").asText()).append(", `").append(report.path("path").asText())
                        .append("` (gateway)").append(report.path("incomplete").asText().isEmpty() ? ""
                                : ", incomplete: " + report.path("incomplete").asText()).append(" | ")
                        .append(mib(report.path("bytes").asLong())).append(" | ").append(num(report.path("seconds").asDouble(), 2))
                        .append(" | ").append(mib(report.path("peakHeapBytes").asLong())).append(" | ")
                        .append(report.path("maxHeap").asText()).append(" | ").append(mib(report.path("peakRssBytes").asLong()))
                        .append(" |\n");
            }
        }

        JsonNode cold = r.path("coldStart");
        md.append("\n#### Cold start and memory\n\n");
        if (cold.path("seconds").isNumber()) {
            String kind = r.path("database").path("kind").asText("embedded");
            md.append("Cold start of the whole system on a fresh data directory (`deploy/local/run.sh`: ")
                    .append(kind.equals("galera") ? "the Galera cluster started (bootstrap and two joiners), the schemas created"
                            : kind.equals("server") ? "the schemas created on the running server" : "the embedded MariaDB initialised")
                    .append(", the four services migrated and ready): **").append(num(cold.path("seconds").asDouble(), 1))
                    .append(" s** (database ").append(num(cold.path("databaseSeconds").asDouble(), 1)).append(" s, services ")
                    .append(num(cold.path("servicesSeconds").asDouble(), 1)).append(" s")
                    .append(cold.has("clusterSeconds") ? "; the database: the Galera cluster's start " + num(cold.path("clusterSeconds")
                            .asDouble(), 1) + " s and run.sh's schemas " + num(cold.path("schemasSeconds").asDouble(), 1) + " s" : "")
                    .append(")").append(cold.has("target") ? "; target " + cold.path("target").asText() : "").append(".\n\n");
        } else {
            md.append("Cold start: not measured (the harness targeted a running system).\n\n");
        }
        md.append("| process | -Xmx | RSS peak while the API queries ran | RSS peak during the reminder job | target |\n|---|---:|---:|---:|---|\n");
        for (JsonNode p : r.path("memory")) {
            md.append("| ").append(p.path("process").asText()).append(" | ").append(p.path("maxHeap").asText()).append(" | ")
                    .append(mib(p.path("peakRssQueriesBytes").asLong())).append(" | ").append(mib(p.path("peakRssRemindersBytes").asLong()))
                    .append(" | ").append(p.path("target").asText("")).append(" |\n");
        }
        return md.toString();
    }

    /** The markers of one database's results in BENCHMARKS.md: {@code <!-- bench:galera -->} … {@code <!-- /bench:galera -->}. */
    static String begin(String db) {
        return "<!-- bench:" + db + " -->";
    }

    static String end(String db) {
        return "<!-- /bench:" + db + " -->";
    }

    static final String SIDE_BY_SIDE = "side-by-side";
    static final String SIDE_BY_SIDE_HEADING = "## The databases side by side";

    /** benchmarks.json for the default database (embedded), benchmarks-DB.json for the others: no run overwrites another's. */
    static Path json(Path docs, String db) {
        return docs.resolve(db.equals("embedded") ? "benchmarks.json" : "benchmarks-" + db + ".json");
    }

    /**
     * Writes the figures as JSON ({@link #json}) and the table into this database's section of BENCHMARKS.md: between
     * {@code <!-- bench:DB -->} and {@code <!-- /bench:DB -->}, or for the default (embedded) between the older
     * {@link #BEGIN}/{@link #END} markers when the file has no embedded section yet; a missing section is added before
     * "## Analysis". Then the side-by-side table of every database's targets (from the JSON files beside it) is written
     * between {@code <!-- bench:side-by-side -->} and {@code <!-- /bench:side-by-side -->}. Returns the JSON file.
     */
    static Path write(JsonNode results, Path docs, String db) throws IOException {
        Files.createDirectories(docs);
        Path json = json(docs, db);
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        Path md = docs.resolve("BENCHMARKS.md");
        String text = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nRun `benchmarks/run.sh` (benchmarks/README.md).\n\n## Results\n\n";
        String b = begin(db);
        String e = end(db);
        if (db.equals("embedded") && !text.contains(b) && text.contains(BEGIN) && text.indexOf(END) > text.indexOf(BEGIN)) {
            b = BEGIN;          // the markers older runs wrote
            e = END;
        }
        text = replaceSection(text, b, e, markdown(results), "## Results: " + results.path("database").path("short").asText(db),
                SIDE_BY_SIDE_HEADING, "## Analysis");
        text = replaceSection(text, begin(SIDE_BY_SIDE), end(SIDE_BY_SIDE), sideBySide(docs), SIDE_BY_SIDE_HEADING, "## Analysis");
        Files.writeString(md, text, StandardCharsets.UTF_8);
        return json;
    }

    /** Puts {@code body} between the markers, or adds a section with them (before the first of {@code before}, else at the end). */
    static String replaceSection(String text, String begin, String end, String body, String heading, String... before) {
        String section = begin + "\n\n" + body + "\n" + end;
        int b = text.indexOf(begin);
        int e = text.indexOf(end, Math.max(b, 0));
        if (b >= 0 && e > b) {
            return text.substring(0, b) + section + text.substring(e + end.length());
        }
        String added = heading + "\n\n" + section + "\n\n";
        int analysis = -1;
        for (int i = 0; i < before.length && analysis < 0; i++) {
            analysis = heading.equals(before[i]) ? -1 : text.indexOf("\n" + before[i]);
        }
        return analysis >= 0 ? text.substring(0, analysis + 1) + added + text.substring(analysis + 1)
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + added;
    }

    /** Every target of every database whose JSON is in {@code docs}, one column per database: measured and met or missed. */
    static String sideBySide(Path docs) throws IOException {
        java.util.Map<String, JsonNode> runs = new java.util.TreeMap<>(java.util.Comparator.comparingInt(
                (String k) -> java.util.List.of("embedded", "server", "galera").indexOf(k) < 0 ? 9
                        : java.util.List.of("embedded", "server", "galera").indexOf(k)).thenComparing(k -> k));
        try (var files = Files.list(docs)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("benchmarks(-[a-z]+)?\\.json")).sorted().toList()) {
                String name = f.getFileName().toString();
                String db = name.equals("benchmarks.json") ? "embedded" : name.substring("benchmarks-".length(), name.length() - 5);
                try {
                    runs.put(db, Http.JSON.readTree(f.toFile()));
                } catch (IOException e) {
                    // not one of the harness's files: left out
                }
            }
        }
        java.util.Map<String, java.util.Map<String, String>> rows = new java.util.LinkedHashMap<>();
        for (var run : runs.entrySet()) {
            for (JsonNode t : run.getValue().path("targets")) {
                String figure = t.path("figure").asText() + " | " + t.path("target").asText();
                rows.computeIfAbsent(figure, k -> new java.util.LinkedHashMap<>()).put(run.getKey(),
                        t.path("measured").asText() + ": " + t.path("result").asText());
            }
        }
        StringBuilder md = new StringBuilder("Written by benchmarks/run.sh from the `benchmarks*.json` files beside this one: each"
                + " database's last run (its date, commit and load averages are in its section; compare load averages before"
                + " comparing figures).\n\n| figure | target |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (var run : runs.entrySet()) {
            JsonNode r = run.getValue();
            md.append(" ").append(r.path("database").path("short").asText(run.getKey().equals("embedded") ? "single server (embedded)"
                    : run.getKey())).append(", ").append(r.path("date").asText()).append(" |");
            rule.append("---|");
        }
        md.append("\n").append(rule).append("\n");
        for (var row : rows.entrySet()) {
            md.append("| ").append(row.getKey()).append(" |");
            for (String db : runs.keySet()) {
                md.append(" ").append(row.getValue().getOrDefault(db, "–")).append(" |");
            }
            md.append("\n");
        }
        return md.toString();
    }

    static ObjectNode object() {
        return Http.JSON.createObjectNode();
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : v >= 100 ? String.format(Locale.ROOT, "%,.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String count(double v) {
        return Double.isNaN(v) || v < 0 ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) || v <= 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "–" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
