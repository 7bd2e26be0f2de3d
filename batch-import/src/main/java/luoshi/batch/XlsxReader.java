package luoshi.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import luoshi.api.common.Bulk;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import luoshi.platform.ProblemException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XLSX batch (API.md, "Reports": the bulk endpoints also take the XLSX type) into the records the JSON batch of
 * the same endpoint takes, checked the same way ({@link Row}, Bean Validation, the {@link BatchReader.RowRule}), every
 * invalid value named by its row ({@code [3].amount}) and its cell ({@code funding!D6}). The rows are those of the
 * workbook's first sheet under its header row: a row naming the {@link Columns} (their names, or their Chinese titles, or
 * both in one cell: {@code 金额 amount}), found among the first {@value #HEADER_SEARCH} rows that hold anything (a title line
 * above it is skipped), and followed at most by a second header line naming the same columns (the template's two lines,
 * {@link XlsxTemplate}). Empty rows are skipped; row 0 is the first row of data.
 *
 * <p>Never the whole workbook in memory: the body goes to a temporary file as it arrives (at most {@link Bulk#MAX_BYTES},
 * which {@code BodyLimits} also holds it to), every part of the archive is first inflated and counted, with bounds per part
 * (a sheet {@value #MAX_SHEET_MB} MiB, the shared strings {@value #MAX_STRINGS_MB} MiB, any other XML part
 * {@value #MAX_PART_MB} MiB) and in all ({@value #MAX_EXPANDED_MB} MiB; more: 413), POI's {@link ZipSecureFile} refuses
 * parts compressed more densely than 1:{@value #MAX_INFLATION} (a zip bomb: 413), and the sheet is read with POI's
 * streaming reader ({@link XSSFReader}) and a SAX handler, a row at a time, never POI's whole-document workbook. The row
 * limits are {@link BatchReader}'s: row {@code maxRows} is a 413, the {@value RowViolations#MAX}th invalid value a 400,
 * the rest of the sheet unread. Numbers are read as the cell holds them, to Excel's 15 significant digits (a cell of
 * 111.1 is {@code 111.1}, never 111.09999…); a date cell reads as ISO text ({@code 2025-03-10}).
 */
@ApplicationScoped
public class XlsxReader {

    static final int MAX_SHEET_MB = 64;
    static final int MAX_STRINGS_MB = 8;
    static final int MAX_PART_MB = 4;
    static final int MAX_EXPANDED_MB = 128;
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_INFLATION = 100;
    /** The non-empty rows among which the header row must be. */
    static final int HEADER_SEARCH = 5;
    /** The cells with a value one row may have. */
    static final int MAX_CELLS = 200;

    static {
        // POI's own guard, for every part it inflates: the density of a zip bomb (its default, stated here). Its other
        // bounds (a part's size, the count of parts) are JVM-wide and are left as they are, for POI's other users: the
        // bounds of a batch are countExpanded's, before POI opens the file
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATION);
    }

    private final Validator validator;

    XlsxReader(Validator validator) {
        this.validator = validator;
    }

    /** The rows of the workbook {@code body} as {@code mapper} makes them, every one valid; else a 400 naming each cell. */
    public <T> XlsxRows<T> read(InputStream body, Columns columns, int maxRows, Function<Row, T> mapper) {
        return read(body, columns, maxRows, mapper, (index, row) -> List.of());
    }

    /** As {@link #read(InputStream, Columns, int, Function)}, with {@code rule}'s violations among Bean Validation's. */
    public <T> XlsxRows<T> read(InputStream body, Columns columns, int maxRows, Function<Row, T> mapper,
            BatchReader.RowRule<T> rule) {
        Path file = null;
        try {
            file = Files.createTempFile("luoshi-batch-", ".xlsx");
            copy(body, file);
            countExpanded(file);
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                return firstSheet(pkg, columns, maxRows, mapper, rule);
            } finally {
                pkg.revert();
            }
        } catch (Exception e) {
            throw refusal(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file: the system's cleaner takes it
                }
            }
        }
    }

    /** The body into {@code file}, as it arrives; never more than a bulk body may have. */
    private static void copy(InputStream body, Path file) throws IOException {
        // the body's stream is not closed: closing a request's stream reads it to its end (BatchReader)
        byte[] buffer = new byte[8192];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > Bulk.MAX_BYTES) {
                    throw new ProblemException(Problem.of(413, "Content Too Large", "A batch has at most " + Bulk.MAX_BYTES
                            + " bytes; the rest of the body was not read. Nothing was stored."));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Inflates every part of the archive once, counting, before any is parsed: a 413 past a part's or the total's bound. */
    private static void countExpanded(Path file) throws IOException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[16384];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge("it has more than " + MAX_ENTRIES + " parts");
                }
                long bound = boundOf(entry.getName());
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        size += n;
                        total += n;
                        if (size > bound) {
                            throw tooLarge("its part " + entry.getName() + " expands to more than " + (bound >> 20) + " MiB");
                        }
                        if (total > (long) MAX_EXPANDED_MB << 20) {
                            throw tooLarge("it expands to more than " + MAX_EXPANDED_MB + " MiB");
                        }
                    }
                }
            }
        }
    }

    private static long boundOf(String part) {
        String name = part.toLowerCase(Locale.ROOT);
        if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
            return (long) MAX_SHEET_MB << 20;
        }
        if (name.equals("xl/sharedstrings.xml")) {
            return (long) MAX_STRINGS_MB << 20;
        }
        if (name.endsWith(".xml") || name.endsWith(".rels")) {
            return (long) MAX_PART_MB << 20;
        }
        return (long) MAX_EXPANDED_MB << 20;   // pictures and the like: never parsed, counted in the total
    }

    private static ProblemException tooLarge(String why) {
        return new ProblemException(Problem.of(413, "Content Too Large", "The workbook was refused: " + why + ". A batch "
                + "holds at most 10,000 rows; nothing was stored."));
    }

    /** What {@code e} means for the caller: a problem of ours as it is, a zip bomb a 413, anything else a 400. */
    private static ProblemException refusal(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProblemException p) {
                return p;
            }
            if (c.getMessage() != null && c.getMessage().contains("Zip bomb")) {
                return tooLarge("a part is compressed more densely than 1:" + MAX_INFLATION
                        + " or expands past its bound (a zip bomb)");
            }
        }
        return ProblemException.badRequest("body", "is not an XLSX workbook that can be read (a .xlsx file as Excel or WPS "
                + "saves it, its rows on the first sheet); nothing was stored");
    }

    private <T> XlsxRows<T> firstSheet(OPCPackage pkg, Columns columns, int maxRows, Function<Row, T> mapper,
            BatchReader.RowRule<T> rule) throws Exception {
        XSSFReader reader = new XSSFReader(pkg, true);
        Cells cells = new Cells(sharedStrings(pkg), reader.getStylesTable(), date1904(reader));
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        if (!sheets.hasNext()) {
            throw ProblemException.badRequest("body", "the workbook has no sheet; nothing was stored");
        }
        try (InputStream sheet = sheets.next()) {
            SheetRows<T> rows = new SheetRows<>(sheets.getSheetName(), columns, maxRows, mapper, rule, validator);
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new SheetHandler(cells, rows));
            // enough invalid values found: the rest of the sheet is not read
            parse(xml, sheet);
            return rows.end();
        }
    }

    private static SharedStrings sharedStrings(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        return parts.isEmpty() ? null : new ReadOnlySharedStringsTable(parts.get(0));
    }

    /** Whether the workbook counts its dates from 1904 (old Excel for Mac) rather than 1900. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                if ("workbookPr".equals(local(localName, qName))) {
                    String v = atts.getValue("date1904");
                    found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    throw new Stop();
                }
            }
        });
        try (InputStream workbook = reader.getWorkbookData()) {
            parse(xml, workbook);   // to the one element wanted
        }
        return found[0];
    }

    /** Parses {@code in} until its end or until the handler {@link Stop}s, however the parser wraps that. */
    private static void parse(XMLReader xml, InputStream in) throws Exception {
        try {
            xml.parse(new InputSource(in));
        } catch (Exception e) {
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof Stop) {
                    return;
                }
                if (c instanceof ProblemException p) {
                    throw p;
                }
            }
            throw e;
        }
    }

    private static String local(String localName, String qName) {
        return localName == null || localName.isEmpty() ? qName.substring(qName.indexOf(':') + 1) : localName;
    }

    /** Stops a SAX parse: what was wanted was read. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** A cell's value as text, or what makes it unreadable ({@code problem}). */
    record Cell(String text, String problem) {
    }

    /** How the values of cells read: shared strings, the date formats of the styles, the workbook's date system. */
    private static final class Cells {
        private static final MathContext EXCEL = new MathContext(15, RoundingMode.HALF_EVEN);
        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        Cells(SharedStrings strings, StylesTable styles, boolean date1904) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        /** The cell of type {@code t} and style {@code s} holding {@code raw}; null when it holds nothing. */
        Cell of(String t, String s, String raw, boolean tooLong) {
            String type = t == null ? "n" : t;
            if (tooLong) {
                return new Cell(null, "has more than " + BatchReader.MAX_TEXT + " characters");
            }
            String text;
            switch (type) {
                case "s" -> {
                    int at;
                    try {
                        at = Integer.parseInt(raw.trim());
                    } catch (NumberFormatException e) {
                        return new Cell(null, "refers to no shared text of the workbook");
                    }
                    if (strings == null || at < 0 || at >= strings.getUniqueCount()) {
                        return new Cell(null, "refers to no shared text of the workbook");
                    }
                    text = strings.getItemAt(at).getString();
                    if (text != null && text.length() > BatchReader.MAX_TEXT) {
                        return new Cell(null, "has more than " + BatchReader.MAX_TEXT + " characters");
                    }
                }
                case "inlineStr", "str" -> text = raw;
                case "b" -> text = raw.isBlank() ? null : "1".equals(raw.trim()) ? "TRUE" : "FALSE";
                case "e" -> {
                    return new Cell(null, "holds the error " + raw.trim() + " instead of a value");
                }
                case "d" -> text = isoDate(raw.trim());
                default -> {
                    if (raw.isBlank()) {
                        return null;
                    }
                    return number(raw.trim(), s);
                }
            }
            String v = text == null ? null : text.trim();
            return v == null || v.isEmpty() ? null : new Cell(v, null);
        }

        /** A number cell: a date where its style is a date format, else the decimal it holds, to 15 significant digits. */
        private Cell number(String raw, String style) {
            BigDecimal d;
            try {
                d = new BigDecimal(raw);
            } catch (NumberFormatException e) {
                return new Cell(null, "holds '" + raw + "', which is not a number");
            }
            if (isDate(style)) {
                double serial = d.doubleValue();
                if (!DateUtil.isValidExcelDate(serial)) {
                    return new Cell(null, "holds " + raw + ", which is no date");
                }
                LocalDateTime at = DateUtil.getLocalDateTime(serial, date1904, true);
                return new Cell(at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString(), null);
            }
            // Excel keeps 15 significant digits: 111.09999999999999 in the file is the 111.1 the cell shows
            BigDecimal shown = (d.precision() > 15 ? d.round(EXCEL) : d).stripTrailingZeros();
            if (shown.scale() < -30 || shown.scale() > 30) {
                return new Cell(shown.toString(), null);   // no amount, count or year: Bean Validation names it
            }
            return new Cell(shown.scale() < 0 ? shown.setScale(0).toPlainString() : shown.toPlainString(), null);
        }

        private boolean isDate(String style) {
            if (styles == null || style == null) {
                return false;
            }
            int at;
            try {
                at = Integer.parseInt(style);
            } catch (NumberFormatException e) {
                return false;
            }
            return dateStyles.computeIfAbsent(at, i -> {
                if (i < 0 || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle cs = styles.getStyleAt(i);
                return cs != null && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString());
            });
        }

        /** A cell of the ISO date type: its date, when its time is midnight. */
        private static String isoDate(String raw) {
            int t = raw.indexOf('T');
            return t > 0 && raw.substring(t + 1).matches("00:00(:00(\\.0+)?)?Z?") ? raw.substring(0, t) : raw;
        }
    }

    /** The SAX handler of a sheet: each row's cells with a value, by column, handed to {@link SheetRows} in order. */
    private static final class SheetHandler extends DefaultHandler {
        private final Cells cells;
        private final SheetRows<?> rows;
        private final StringBuilder text = new StringBuilder();
        private SortedMap<Integer, Cell> row;
        private int rowNumber;
        private int column;
        private String type;
        private String style;
        private boolean inValue;
        private boolean inInline;
        private boolean inPhonetic;
        private boolean tooLong;

        SheetHandler(Cells cells, SheetRows<?> rows) {
            this.cells = cells;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (local(localName, qName)) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.trim());
                    row = new TreeMap<>();
                    column = -1;
                }
                case "c" -> {
                    String r = atts.getValue("r");
                    column = r == null ? column + 1 : new CellReference(r).getCol();
                    type = atts.getValue("t");
                    style = atts.getValue("s");
                    text.setLength(0);
                    tooLong = false;
                }
                case "v" -> inValue = true;
                case "is" -> inInline = true;
                case "t" -> inValue = inInline && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // sheet properties, formulas, merged cells …: not values
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!inValue) {
                return;
            }
            int room = BatchReader.MAX_TEXT + 1 - text.length();
            if (length > room) {
                tooLong = true;
            }
            text.append(ch, start, Math.max(0, Math.min(length, room)));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (local(localName, qName)) {
                case "v", "t" -> inValue = false;
                case "is" -> inInline = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    Cell cell = cells.of(type, style, text.toString(), tooLong || text.length() > BatchReader.MAX_TEXT);
                    if (cell != null && row != null) {
                        if (row.size() >= MAX_CELLS) {
                            throw ProblemException.badRequest(List.of(new Violation("body", "row " + rowNumber + " holds "
                                    + "more than " + MAX_CELLS + " cells with a value: a row of a batch is one record; the "
                                    + "rest of the sheet was not read", rows.rowCell(rowNumber))));
                        }
                        row.put(column, cell);
                    }
                }
                case "row" -> {
                    rows.row(rowNumber, row);
                    row = null;
                }
                default -> {
                    // nothing to do
                }
            }
        }
    }

    /** The rows of the sheet: the header found, then each row of data checked as it comes. */
    private static final class SheetRows<T> {
        private final String sheet;
        private final Columns columns;
        private final int maxRows;
        private final RowViolations violations;
        private final RowChecks<T> checks;
        private final List<T> out = new ArrayList<>();
        private final List<Integer> rowNumbers = new ArrayList<>();
        private final Map<String, Integer> columnOf = new HashMap<>();
        private Map<Integer, Columns.Column> header;
        private boolean justAfterHeader;
        private int rowsBefore;

        SheetRows(String sheet, Columns columns, int maxRows, Function<Row, T> mapper, BatchReader.RowRule<T> rule,
                Validator validator) {
            this.sheet = sheet;
            this.columns = columns;
            this.maxRows = maxRows;
            this.violations = new RowViolations(this::cellOf);
            this.checks = new RowChecks<>(validator, mapper, rule, violations);
        }

        void row(int number, SortedMap<Integer, Cell> cells) {
            if (cells == null || cells.isEmpty()) {
                return;
            }
            if (header == null) {
                findHeader(number, cells);
                return;
            }
            if (justAfterHeader) {
                justAfterHeader = false;
                if (cells.entrySet().stream().allMatch(c -> c.getValue().text() != null && header.get(c.getKey()) != null
                        && header.get(c.getKey()) == match(c.getValue().text()))) {
                    return;   // the second header line: the column names under the template's titles
                }
            }
            int i = out.size();
            if (i >= maxRows) {
                throw RowViolations.tooManyRows(maxRows);
            }
            rowNumbers.add(number);
            int since = violations.size();
            Map<String, String> values = new HashMap<>();
            cells.forEach((column, cell) -> {
                Columns.Column c = header.get(column);
                if (c == null) {
                    violations.add(i, "", "the cell " + CellReference.convertNumToColString(column) + number
                            + " holds a value under no column of the header");
                } else if (cell.problem() != null) {
                    violations.add(i, c.name(), cell.problem());
                } else {
                    values.put(c.name(), cell.text());
                }
            });
            out.add(checks.check(i, values, since));
            if (violations.full()) {
                throw new Stop();
            }
        }

        private void findHeader(int number, SortedMap<Integer, Cell> cells) {
            Map<Integer, Columns.Column> found = new TreeMap<>();
            Integer unknown = null;
            for (Map.Entry<Integer, Cell> c : cells.entrySet()) {
                Columns.Column column = c.getValue().text() == null ? null : match(c.getValue().text());
                if (column == null) {
                    unknown = unknown == null ? c.getKey() : unknown;
                } else if (found.containsValue(column)) {
                    throw headerProblem("the column '" + column.name() + "' appears twice", cell(number, c.getKey()));
                } else {
                    found.put(c.getKey(), column);
                }
            }
            if (found.values().stream().map(Columns.Column::name).toList().containsAll(columns.required())) {
                if (unknown != null) {
                    Cell c = cells.get(unknown);
                    throw headerProblem("unknown column '" + (c.text() == null ? "" : c.text()) + "'; expected " + expected(),
                            cell(number, unknown));
                }
                header = found;
                found.forEach((at, column) -> columnOf.put(column.name(), at));
                justAfterHeader = true;
                return;
            }
            if (++rowsBefore >= HEADER_SEARCH) {
                throw headerProblem("none of the first " + HEADER_SEARCH + " rows is a header naming " + expected(),
                        rowCell(number));
            }
        }

        /** The column {@code text} names: its name, its Chinese title, or a cell holding both ({@code 金额 amount}). */
        private Columns.Column match(String text) {
            String t = text.trim();
            for (Columns.Column c : columns.all()) {
                if (c.name().equalsIgnoreCase(t) || c.title().equals(t)) {
                    return c;
                }
            }
            for (String part : t.split("[\\s()（）/|:：*＊]+")) {
                for (Columns.Column c : columns.all()) {
                    if (!part.isEmpty() && c.name().equalsIgnoreCase(part)) {
                        return c;
                    }
                }
            }
            return null;
        }

        private String expected() {
            return String.join(",", columns.required()) + (columns.optional().isEmpty() ? ""
                    : " and optionally " + String.join(",", columns.optional())) + " (or the template's Chinese titles)";
        }

        private ProblemException headerProblem(String message, String cell) {
            return RowViolations.invalid(List.of(new Violation("header", message, cell)), " Nothing was stored.");
        }

        XlsxRows<T> end() {
            if (header == null) {
                throw headerProblem("the first sheet has no header row naming " + expected(), rowCell(1));
            }
            violations.throwIfAny();
            return new XlsxRows<>(out, this::cellOf);
        }

        /** The cell of {@code field} in row {@code index}; the whole row when the field has no column. */
        String cellOf(int index, String field) {
            if (index < 0 || index >= rowNumbers.size()) {
                return null;
            }
            int end = field.indexOf('.');
            int bracket = field.indexOf('[');
            String name = field.substring(0, Math.min(end < 0 ? field.length() : end, bracket < 0 ? field.length() : bracket));
            Integer column = columnOf.get(name);
            int number = rowNumbers.get(index);
            return column == null ? rowCell(number) : cell(number, column);
        }

        private String cell(int number, int column) {
            return new CellReference(sheet, number - 1, column, false, false).formatAsString();
        }

        String rowCell(int number) {
            return SheetNameFormatter.format(sheet) + "!" + number + ":" + number;
        }
    }
}
