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
        md.append("Measured ").append(r.path("date").asText()).append(" at commit `").append(r.path("commit").asText())
                .append("` on ").append(m.path("cpu").asText()).append(" (").append(m.path("cores").asInt()).append(" cores, ")
                .append(m.path("memory").asText()).append("), ").append(m.path("os").asText()).append(", ")
                .append(m.path("jdk").asText()).append(", MariaDB ").append(m.path("mariadb").asText())
                .append(" (InnoDB buffer pool ").append(mib(m.path("innodbBufferPoolBytes").asLong())).append("). Load average (1, 5, 15 min)")
                .append(" at the start ").append(m.path("loadAverageAtStart").asText()).append(", before the queries ")
                .append(m.path("loadAverageBeforeQueries").asText()).append(", at the end ").append(m.path("loadAverageAtEnd").asText())
                .append(". System: ").append(r.path("system").path("description").asText()).append(".\n\n");
        JsonNode d = r.path("dataset");
        md.append("Data (seed ").append(d.path("seed").asText()).append("): ").append(d.path("summary").asText())
                .append(" Queries for year ").append(d.path("year").asInt()).append(", asOf ").append(d.path("asOf").asText())
                .append("; catalog: ").append(d.path("requirements").asInt()).append(" requirements (")
                .append(d.path("catalogNote").asText()).append(").\n\n");

        md.append("#### Targets\n\n| figure | target | measured | result |\n|---|---|---|---|\n");
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
                .append("| answer | API | clients | API p50 | API p95 | API p99 | API req/s | SQL p50 | SQL p95 | SQL p99 | SQL q/s | p50 API ÷ SQL | requests (partial, errors) | harness CPU | load avg |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
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
                    .append(q.path("loadAverage").asText()).append(" |\n");
        }
        md.append("\n").append(r.path("agreement").asText()).append("\n");

        JsonNode rem = r.path("reminders");
        md.append("\n#### Reminder job over the whole country\n\n")
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

        JsonNode cold = r.path("coldStart");
        md.append("\n#### Cold start and memory\n\n");
        if (cold.path("seconds").isNumber()) {
            md.append("Cold start of the whole system on a fresh data directory (`deploy/local/run.sh`: the embedded MariaDB")
                    .append(" initialised, the four services migrated and ready): **").append(num(cold.path("seconds").asDouble(), 1))
                    .append(" s** (database ").append(num(cold.path("databaseSeconds").asDouble(), 1)).append(" s, services ")
                    .append(num(cold.path("servicesSeconds").asDouble(), 1)).append(" s).\n\n");
        } else {
            md.append("Cold start: not measured (the harness targeted a running system).\n\n");
        }
        md.append("| process | -Xmx | RSS peak while the API queries ran | RSS peak during the reminder job |\n|---|---:|---:|---:|\n");
        for (JsonNode p : r.path("memory")) {
            md.append("| ").append(p.path("process").asText()).append(" | ").append(p.path("maxHeap").asText()).append(" | ")
                    .append(mib(p.path("peakRssQueriesBytes").asLong())).append(" | ").append(mib(p.path("peakRssRemindersBytes").asLong()))
                    .append(" |\n");
        }
        return md.toString();
    }

    static void write(JsonNode results, Path docs) throws IOException {
        Files.createDirectories(docs);
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(docs.resolve("benchmarks.json").toFile(), results);
        Path md = docs.resolve("BENCHMARKS.md");
        String section = BEGIN + "\n\n" + markdown(results) + "\n" + END;
        String text = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nRun `benchmarks/run.sh` (benchmarks/README.md).\n\n## Results\n\n" + BEGIN + "\n" + END + "\n";
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        text = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + END.length())
                : text + "\n## Results\n\n" + section + "\n";
        Files.writeString(md, text, StandardCharsets.UTF_8);
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
