package luoshi.review.store;

import java.time.LocalDate;
import java.util.UUID;
import luoshi.api.common.Versioned;

/**
 * What a meeting and a document have in common, as stored: a region's committee, a type ({@code K}), a day, a title,
 * a 文号, and the row's version (1 when created, advanced by every correction).
 */
public record CommitteeRecord<K extends Enum<K>>(String id, String regionCode, K type, LocalDate date, String title,
        String documentRef, long version) implements Versioned {

    /** A new record with its new id, not stored yet (stored, it is at version 1). */
    public static <K extends Enum<K>> CommitteeRecord<K> created(String regionCode, K type, LocalDate date, String title,
            String documentRef) {
        return new CommitteeRecord<K>(UUID.randomUUID().toString(), null, null, null, null, null, 1)
                .corrected(regionCode, type, date, title, documentRef);
    }

    /**
     * The record with the fields given, as on create (a correction keeps the identity and the version it corrects): a
     * blank document number is none.
     */
    public CommitteeRecord<K> corrected(String regionCode, K type, LocalDate date, String title, String documentRef) {
        return new CommitteeRecord<>(id, regionCode, type, date, title.strip(),
                documentRef == null || documentRef.isBlank() ? null : documentRef.strip(), version);
    }
}
