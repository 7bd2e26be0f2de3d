package luoshi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import luoshi.api.region.RegionCode;

/**
 * Real regions for test fixtures (CONTRIBUTING.md, "Realistic fixtures"): rows of docs/data/regions-cn-2023.csv. The
 * file stops at townships; {@link #villages} makes villages below them.
 */
public final class RegionsCsv {

    private RegionsCsv() {
    }

    /** One row of the file: {@code code,name,level,parentCode}. */
    public record Row(String code, String name, String level, String parentCode) {
    }

    /** docs/data/regions-cn-2023.csv of this repository, found from any module's directory, or at LUOSHI_REGIONS_CSV. */
    public static Path file() {
        String configured = System.getenv("LUOSHI_REGIONS_CSV");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/data/regions-cn-2023.csv");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/data/regions-cn-2023.csv not found above " + Path.of("").toAbsolutePath()
                + "; set LUOSHI_REGIONS_CSV");
    }

    /** The rows that pass {@code filter}, in the file's order (parents before their children). */
    public static List<Row> rows(Predicate<Row> filter) {
        try {
            List<Row> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                Row row = parse(line);
                if (filter.test(row)) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The region and its subtree as the file has it. */
    public static List<Row> subtree(String root) {
        return rows(r -> RegionCode.contains(root, r.code()));
    }

    /**
     * {@code count} villages of a township (12-digit codes: the township's 9 digits and 201, 202 …; level VILLAGE), named
     * after it.
     */
    public static List<Row> villages(Row township, int count) {
        List<Row> villages = new ArrayList<>();
        String stem = township.name().replaceAll("(街道|镇|乡)$", "");
        for (int i = 1; i <= count; i++) {
            villages.add(new Row(township.code() + (200 + i), stem + (i % 2 == 0 ? "社区" : "村") + "第" + i + "组",
                    "VILLAGE", township.code()));
        }
        return villages;
    }

    private static Row parse(String line) {
        String[] f = line.split(",", -1);
        return new Row(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3]);
    }
}
