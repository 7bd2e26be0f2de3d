package luoshi.rules.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import luoshi.api.compliance.Requirement;
import luoshi.audit.DataVersion;
import luoshi.platform.ProblemException;

/**
 * The requirements this service owns, as data (REQUIREMENTS.md), read side: the seed catalog, requirements added by
 * administrators, versions, jurisdiction settings, owners and waivers, through a {@link Catalog}, the catalog at one
 * data version, read once per version and shared by every evaluation of it. The writes ({@link RequirementWrites},
 * {@link ParameterWrites}, {@link Waivers}, {@link Owners}) advance the data version (through the audit trail), so no
 * evaluation sees a catalog older than its request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequirementCatalog {

    private final CatalogReader reader;
    private final DataVersion dataVersion;
    private final Clock clock;
    private volatile Catalog latest;

    RequirementCatalog(CatalogReader reader, DataVersion dataVersion, Clock clock) {
        this.reader = reader;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /** The catalog as the committed data stands now. */
    public Catalog current() {
        return at(dataVersion.current());
    }

    /**
     * The catalog at data version {@code version} (read from {@link DataVersion#current()}): the one kept when it is
     * of that version, else read afresh (and kept when it is newer than the one kept).
     */
    public Catalog at(long version) {
        Catalog kept = latest;
        if (kept != null && kept.version() == version) {
            return kept;
        }
        Catalog read = reader.read(version);
        synchronized (this) {
            if (latest == null || latest.version() < version) {
                latest = read;
            }
        }
        return read;
    }

    /** Every requirement of this service, by id, as in force today. */
    public List<Requirement> all() {
        return current().all(LocalDate.now(clock));
    }

    /** The requirement as its latest version (404 when this service has none of that id). */
    public Requirement get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Requirement> find(String id) {
        return current().find(id);
    }

    /** The requirement as in force today, with every version (GET /api/v1/requirements/{id}). */
    public Requirement describe(String id) {
        return current().describe(id, LocalDate.now(clock)).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No requirement " + id);
    }
}
