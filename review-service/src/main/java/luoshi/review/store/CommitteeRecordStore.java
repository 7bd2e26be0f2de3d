package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Page;
import luoshi.api.review.DocumentType;
import luoshi.api.review.MeetingType;
import luoshi.db.Database;
import luoshi.db.Sql;

/** Meetings (table {@code meeting}) and documents ({@code committee_document}): the same columns but for the date's. */
@ApplicationScoped
public class CommitteeRecordStore {

    /** One of the two tables: its name, the name of its date column and its types (identifiers written here). */
    public static final class Table<K extends Enum<K>> {

        private final String name;
        private final String dateColumn;
        private final String columns;
        private final Class<K> types;

        private Table(String name, String dateColumn, Class<K> types) {
            this.name = name;
            this.dateColumn = dateColumn;
            this.columns = "id, region_code, type, " + dateColumn + ", title, document_ref, version";
            this.types = types;
        }

        /** The columns a new row is written with (its version is the column's default, 1). */
        private String written() {
            return "id, region_code, type, " + dateColumn + ", title, document_ref";
        }
    }

    public static final Table<MeetingType> MEETINGS = new Table<>("meeting", "meeting_date", MeetingType.class);
    public static final Table<DocumentType> DOCUMENTS = new Table<>("committee_document", "document_date", DocumentType.class);

    private final Database db;

    CommitteeRecordStore(Database db) {
        this.db = db;
    }

    public <K extends Enum<K>> void insertAll(Table<K> table, List<CommitteeRecord<K>> records) {
        db.insertAll("INSERT INTO " + table.name + " (" + table.written() + ") VALUES", "", records,
                r -> Arrays.asList(r.id(), r.regionCode(), r.type(), r.date(), r.title(), r.documentRef()));
    }

    public <K extends Enum<K>> Optional<CommitteeRecord<K>> find(Table<K> table, String id) {
        return db.one(Sql.of("SELECT " + table.columns + " FROM " + table.name + " WHERE id = :id").bind("id", id),
                rs -> record(table, rs));
    }

    /**
     * The record, read with a lock on its row until the transaction ends (the newest committed version), for a
     * correction or a deletion: the audit's {@code before} is then the previous write's {@code after}.
     */
    public <K extends Enum<K>> Optional<CommitteeRecord<K>> lock(Table<K> table, String id) {
        return db.one(Sql.of("SELECT " + table.columns + " FROM " + table.name + " WHERE id = :id FOR UPDATE").bind("id", id),
                rs -> record(table, rs));
    }

    /** Stores the record's fields under its id, which must be at {@code r.version()} (read with {@link #lock}), advancing it. */
    public <K extends Enum<K>> void update(Table<K> table, CommitteeRecord<K> r) {
        db.updateOne(Sql.of("UPDATE " + table.name + " SET region_code = :region, type = :type, " + table.dateColumn
                        + " = :date, title = :title, document_ref = :ref, version = version + 1 WHERE id = :id "
                        + "AND version = :version")
                .bind("region", r.regionCode()).bind("type", r.type()).bind("date", r.date()).bind("title", r.title())
                .bind("ref", r.documentRef()).bind("id", r.id()).bind("version", r.version()));
    }

    /** Deletes the record {@code r} (read with {@link #lock}, at its version). */
    public void delete(Table<?> table, CommitteeRecord<?> r) {
        db.updateOne(Sql.of("DELETE FROM " + table.name + " WHERE id = :id AND version = :version").bind("id", r.id())
                .bind("version", r.version()));
    }

    /**
     * The records of {@code regionCode} (when given) inside {@code scope}'s subtree, of the year and of the type when
     * given, by date.
     */
    public <K extends Enum<K>> Page<CommitteeRecord<K>> page(Table<K> table, String regionCode, String scope, Integer year,
            K type, int page, int size) {
        return new Filters().with("region_code = :region", "region", regionCode).inSubtree(scope)
                .with(table.dateColumn + " >= :from", "from", year == null ? null : LocalDate.of(year, 1, 1))
                .with(table.dateColumn + " <= :to", "to", year == null ? null : LocalDate.of(year, 12, 31))
                .with("type = :type", "type", type)
                .page(db, table.columns, table.name, table.dateColumn + ", id", page, size, rs -> record(table, rs));
    }

    private static <K extends Enum<K>> CommitteeRecord<K> record(Table<K> table, ResultSet rs) throws SQLException {
        return new CommitteeRecord<>(rs.getString(1), rs.getString(2), Enum.valueOf(table.types, rs.getString(3)),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getLong(7));
    }
}
