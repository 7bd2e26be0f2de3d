package luoshi.rules.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.platform.ProblemException;

/** The regions a setting, a waiver or an owner may name: those of this service's {@code region} table (API.md: known regions only). */
@ApplicationScoped
class Regions {

    private final Database db;

    Regions(Database db) {
        this.db = db;
    }

    /** 404 unless {@code regionCode} is the country or a region of this service's {@code region} table. */
    void require(String regionCode) {
        if (!RegionCode.isCountry(regionCode) && db.count(Sql.of("SELECT COUNT(*) FROM region WHERE code = :code")
                .bind("code", regionCode)) == 0) {
            throw ProblemException.notFound("No region " + regionCode);
        }
    }
}
