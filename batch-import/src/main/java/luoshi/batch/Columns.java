package luoshi.batch;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a batch read as rows of text (CSV, XLSX): each named as the JSON row names its field, with its Chinese
 * title, its kind (how a template formats it, and which values it lists), and whether a row must have it. A workbook's
 * first sheet is read under a header row of these names (or titles), and its template has them ({@link XlsxTemplate}).
 */
public record Columns(String sheet, List<Column> all) {

    /** What a column holds: how the template formats its cells. */
    public enum Kind { TEXT, WHOLE, MONEY, DATE, CHOICE }

    /** One column: {@code name} as the JSON row names the field, {@code title} in Chinese, {@code note} for the template. */
    public record Column(String name, String title, Kind kind, boolean required, List<String> choices, String note) {

        public static Column text(String name, String title, String note) {
            return new Column(name, title, Kind.TEXT, false, List.of(), note);
        }

        public static Column whole(String name, String title, String note) {
            return new Column(name, title, Kind.WHOLE, false, List.of(), note);
        }

        public static Column money(String name, String title, String note) {
            return new Column(name, title, Kind.MONEY, false, List.of(), note);
        }

        public static Column date(String name, String title, String note) {
            return new Column(name, title, Kind.DATE, false, List.of(), note);
        }

        /** A column of one of {@code type}'s values, listed in the template. */
        public static Column choice(String name, String title, Class<? extends Enum<?>> type, String note) {
            return new Column(name, title, Kind.CHOICE, false,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), note);
        }

        /** This column, which every row must have. */
        public Column mandatory() {
            return new Column(name, title, kind, true, choices, note);
        }
    }

    public Columns {
        all = List.copyOf(all);
    }

    public static Columns of(String sheet, Column... columns) {
        return new Columns(sheet, List.of(columns));
    }

    public List<String> required() {
        return all.stream().filter(Column::required).map(Column::name).toList();
    }

    public List<String> optional() {
        return all.stream().filter(c -> !c.required()).map(Column::name).toList();
    }

    public List<String> names() {
        return all.stream().map(Column::name).toList();
    }
}
