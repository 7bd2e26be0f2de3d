package luoshi.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The ceiling of a bulk load: the same rows written to CSV files and loaded by MariaDB itself with
 * {@code LOAD DATA LOCAL INFILE} into scratch tables of schema {@value #SCHEMA} made {@code LIKE} the services' tables
 * (same columns, keys and indexes; LIKE copies no foreign keys), one statement per table; the schema is dropped after.
 * Only the LOAD DATA statements are timed.
 */
final class LoadDataCeiling {

    static final String SCHEMA = "bench_ceiling";

    /** One kind: its tables' rows and the seconds their LOAD DATA statements took. */
    record Result(String kind, long rows, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private LoadDataCeiling() {
    }

    static Map<String, Result> run(Connection c, NationalData data, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        Map<String, Result> results = new LinkedHashMap<>();
        scratch(c);
        try {
            List<Integer> regionRows = IntStream.range(0, data.regions.size()).boxed().toList();
            results.put("regions", load(c, dir, "regions", table(RawSql.ORG, "region", "code, name, level, parent_code, version",
                    regionRows, i -> {
                        NationalData.Region r = data.regions.get(i);
                        return List.of(r.code(), r.name(), r.level(), nullable(r.parentCode()), String.valueOf(i + 1));
                    })));
            results.put("population", load(c, dir, "population", table(RawSql.ORG, "population",
                    "region_code, year, total, female, youth, version", data.population, p -> List.of(p.regionCode(),
                            String.valueOf(p.year()), String.valueOf(p.total()), String.valueOf(p.female()), String.valueOf(p.youth()), "1"))));
            results.put("funding records", load(c, dir, "funding records", table(RawSql.FUNDING, "funding_record",
                    "region_code, category, fiscal_year, amount, document_ref", data.funding, f -> List.of(f.regionCode(),
                            f.category(), String.valueOf(f.fiscalYear()), f.amount().toPlainString(), f.documentRef()))));
            List<Object[]> leaders = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < data.organisations.size(); i++) {
                int id = i + 1;
                ids.add(id);
                data.organisations.get(i).leaders().forEach(l -> leaders.add(new Object[] {id, l}));
            }
            results.put("organisations + leaders", load(c, dir, "organisations + leaders",
                    table(RawSql.ORG, "organization", "id, region_code, type, name, superior_id", ids, id -> {
                        NationalData.Organisation o = data.organisations.get(id - 1);
                        return List.of(String.valueOf(id), o.regionCode(), o.type(), o.name(), "\\N");
                    }),
                    table(RawSql.ORG, "leader", "organization_id, name, role, employment, frontline, tenure_from, tenure_to", leaders,
                            row -> {
                                NationalData.Leader l = (NationalData.Leader) row[1];
                                return List.of(String.valueOf(row[0]), l.name(), l.role(), l.employment(), l.frontline() ? "1" : "0",
                                        l.from().toString(), l.to() == null ? "\\N" : l.to().toString());
                            })));
            results.put("union fees", load(c, dir, "union fees", table(RawSql.FUNDING, "union_fee", "region_code, year, due, collected",
                    data.unionFees, u -> List.of(u.regionCode(), String.valueOf(u.year()), u.due().toPlainString(),
                            u.collected().toPlainString()))));
            results.put("committee terms", load(c, dir, "committee terms", table(RawSql.REVIEW, "committee_term",
                    "id, region_code, start_date, end_date", data.terms, t -> List.of(t.id(), t.regionCode(), t.start().toString(),
                            t.end().toString()))));
            results.put("meetings", load(c, dir, "meetings", table(RawSql.REVIEW, "meeting",
                    "id, region_code, type, meeting_date, title, document_ref", data.meetings, m -> List.of(m.id(), m.regionCode(),
                            m.type(), m.date().toString(), m.title(), m.documentRef()))));
            results.put("documents", load(c, dir, "documents", table(RawSql.REVIEW, "committee_document",
                    "id, region_code, type, document_date, title, document_ref", data.documents, d -> List.of(d.id(),
                            d.regionCode(), d.type(), d.date().toString(), d.title(), d.documentRef()))));
        } finally {
            drop(c);
        }
        return results;
    }

    /** A scratch table made like {@code schema.name}, filled with {@code rows}, each row's fields in {@code columns} order. */
    record Table<T>(String schema, String name, String columns, List<T> rows, Function<T, List<String>> fields) {
    }

    static <T> Table<T> table(String schema, String name, String columns, List<T> rows, Function<T, List<String>> fields) {
        return new Table<>(schema, name, columns, rows, fields);
    }

    @SafeVarargs
    private static Result load(Connection c, Path dir, String kind, Table<?>... tables) throws SQLException, IOException {
        long rows = 0;
        long nanos = 0;
        settle(c);
        for (Table<?> t : tables) {
            Path file = dir.resolve(t.name() + ".csv");
            rows += write(file, t);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + SCHEMA + "." + t.name() + " LIKE " + t.schema() + "." + t.name());
                long start = System.nanoTime();
                s.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("'", "''") + "' INTO TABLE "
                        + SCHEMA + "." + t.name() + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' ESCAPED BY '\\\\'"
                        + " LINES TERMINATED BY '\\n' (" + t.columns() + ")");
                nanos += System.nanoTime() - start;
            }
            Files.delete(file);
        }
        Result r = new Result(kind, rows, nanos / 1e9);
        System.out.printf("  %-24s %,9d rows in %6.2f s: %,8.0f rows/s (LOAD DATA LOCAL INFILE)%n", kind, rows, r.seconds(),
                r.rowsPerSecond());
        return r;
    }

    private static <T> long write(Path file, Table<T> t) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T row : t.rows()) {
                List<String> fields = t.fields().apply(row);
                for (int i = 0; i < fields.size(); i++) {
                    String f = fields.get(i);
                    if (f.indexOf(',') >= 0 || f.indexOf('\n') >= 0) {
                        throw new IllegalStateException("a generated value holds a separator: " + f);
                    }
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(f);
                }
                out.write('\n');
            }
        }
        return t.rows().size();
    }

    private static String nullable(String s) {
        return s == null ? "\\N" : s;
    }

    /**
     * Waits (at most 30 s) until InnoDB has written back most of what the previous load left in its buffer pool, so
     * that no measured load pays for the flushing of the one before it: at most 5 % of the pool's pages dirty.
     */
    static void settle(Connection c) throws SQLException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long dirty = 0;
            long total = 1;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
                    + " ('Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_total')")) {
                while (rs.next()) {
                    if (rs.getString(1).endsWith("dirty")) {
                        dirty = rs.getLong(2);
                    } else {
                        total = Math.max(1, rs.getLong(2));
                    }
                }
            }
            if (dirty * 20 <= total) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A fresh scratch schema. */
    static void scratch(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    static void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }
}
