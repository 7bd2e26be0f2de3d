package luoshi.org.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import luoshi.api.common.Page;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Region;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.audit.AuditTrail;
import luoshi.org.service.VersionedWrite.Written;
import luoshi.org.store.FeedCounter;
import luoshi.org.store.RegionStore;
import luoshi.security.Access;

/**
 * Regions: single writes and bulk imports go the same way. Everything that can be checked in memory is
 * checked before the database is touched; then, with the feed counter locked, the stored rows are read,
 * the parents checked, and only new or changed rows written (so a re-import adds no version). An operator
 * writes only regions below its own (API.md, Security): every row is authorised after the in-memory checks and
 * before the database is touched. A read is the caller's own region or below (000000's children, the provinces: a
 * country-wide caller only).
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class RegionService {

    /** Names the country on a read; it is never stored (its version stays 0). */
    public static final Region COUNTRY = new Region(RegionCode.COUNTRY, "中华人民共和国", null, null, 0);

    private final RegionStore store;
    private final FeedCounter counter;
    private final Access access;
    private final AuditTrail audit;
    private final Preconditions preconditions;

    public RegionService(RegionStore store, FeedCounter counter, Access access, AuditTrail audit,
            Preconditions preconditions) {
        this.store = store;
        this.counter = counter;
        this.access = access;
        this.audit = audit;
        this.preconditions = preconditions;
    }

    /** What a PUT of one region did: whether it created it, and the region as stored (with its version). */
    public record Put(boolean created, Region region) {
    }

    /** Creates or renames one region ({@code If-Match}: only the version named). */
    public Put put(Region region) {
        boolean created = write(List.of(region), false).result().created() == 1;
        return new Put(created, store.lock(region.code()).orElseThrow());
    }

    public ImportResult importRegions(List<Region> regions) {
        return write(regions, true).result();
    }

    /** A region the caller may read (its own or below; 000000 for a country-wide caller only); 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Region get(String code) {
        access.read(code);
        if (RegionCode.isCountry(code)) {
            return COUNTRY;
        }
        return store.find(code).orElseThrow(() -> ProblemException.notFound("No region " + code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Region> children(String code, int page, int size) {
        get(code);
        return store.children(code, page, size);
    }

    private Written<Region> write(List<Region> rows, boolean batch) {
        IntFunction<String> field = batch ? i -> "[" + i + "]." : i -> "";
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> rowOfCode = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Region r = rows.get(i);
            violations.addAll(RegionRules.check(r, field.apply(i)));
            Integer earlier = rowOfCode.putIfAbsent(r.code(), i);
            if (earlier != null) {
                violations.add(new Violation(field.apply(i) + "code", r.code() + " appears twice (also row " + earlier + ")"));
            }
        }
        VersionedWrite.reject(violations);
        // writeRegion(code) holds exactly when the code's parent (the country for a province) lies in the caller's
        // subtree, so one write() check of the region containing every parent vouches for a whole batch
        VersionedWrite.authorize(rows, batch, Region::code, access::writeRegion,
                r -> r.parentCode() == null ? RegionCode.COUNTRY : r.parentCode(), access::write);

        long version = counter.lock();
        Set<String> wanted = new HashSet<>(rowOfCode.keySet());
        rows.stream().map(Region::parentCode).filter(p -> p != null).forEach(wanted::add);
        Map<String, Region> stored = store.lockAll(wanted);
        if (!batch) {
            preconditions.check("region " + rows.get(0).code(), stored.get(rows.get(0).code()));
        }
        for (int i = 0; i < rows.size(); i++) {
            Region r = rows.get(i);
            if (r.parentCode() != null && !rowOfCode.containsKey(r.parentCode()) && !stored.containsKey(r.parentCode())) {
                violations.add(RegionRules.unknownParent(r, field.apply(i)));
            }
        }
        VersionedWrite.reject(violations);

        // parents before children, whatever the order of the batch
        Written<Region> written = VersionedWrite.writeChanged(counter, version, rows, r -> stored.get(r.code()),
                Comparator.comparing(Region::level, Comparator.comparingInt(RegionLevel::ordinal)),
                (r, v) -> new Region(r.code(), r.name(), r.level(), r.parentCode(), v), store::upsert);
        VersionedWrite.audit(audit, "region", batch, written.changes(), Region::code, Region::code);
        return written;
    }
}
