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
import luoshi.db.RetriedOnConflict;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Population;
import luoshi.api.region.PopulationApi;
import luoshi.api.region.RegionCode;
import luoshi.audit.AuditTrail;
import luoshi.org.service.VersionedWrite.Written;
import luoshi.org.store.FeedCounter;
import luoshi.org.store.PopulationStore;
import luoshi.org.store.RegionStore;
import luoshi.security.Access;

/**
 * Population per region and year, written like regions: checked in memory, every row's region authorised
 * (an operator of it or above), then only changed rows, versioned and audited. A read is authorised as a read of
 * its region ({@link RegionService#get}).
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class PopulationService {

    private final PopulationStore store;
    private final RegionStore regions;
    private final RegionService regionService;
    private final FeedCounter counter;
    private final Access access;
    private final AuditTrail audit;
    private final Preconditions preconditions;

    public PopulationService(PopulationStore store, RegionStore regions, RegionService regionService, FeedCounter counter,
            Access access, AuditTrail audit, Preconditions preconditions) {
        this.store = store;
        this.regions = regions;
        this.regionService = regionService;
        this.counter = counter;
        this.access = access;
        this.audit = audit;
        this.preconditions = preconditions;
    }

    /** Sets a region's population of a year ({@code If-Match}: only the version named); answers the row as stored. */
    public Population put(Population row) {
        if (RegionCode.isCountry(row.regionCode())) {
            throw ProblemException.badRequest("code", "000000 is the country: set the population of its regions");
        }
        access.write(row.regionCode()); // before the lookup: outside the caller's subtree is a 403, known or not
        regionService.get(row.regionCode());
        write(List.of(row), false);
        // read with the lock: the newest row even when this one was unchanged (get's snapshot may be older)
        return store.lock(row.regionCode(), row.year()).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Population get(String regionCode, int year) {
        regionService.get(regionCode);   // a read of the region: the caller's own or below, else 403
        return store.find(regionCode, year)
                .orElseThrow(() -> ProblemException.notFound("No population of " + regionCode + " for " + year));
    }

    /**
     * Deletes a region's population of a year (API.md, "Corrections"), authorised like its write. The row becomes a
     * tombstone with the next feed version, so the deletion reaches the other services' copies; audited with the row.
     */
    public void delete(String regionCode, int year) {
        access.write(regionCode); // before the lookups, as a write: outside the caller's subtree is a 403, known or not
        regionService.get(regionCode);
        long version = counter.lock() + 1;
        // the row as the last write left it: read with its lock after the counter's (get's snapshot may be older)
        Population before = store.lock(regionCode, year)
                .orElseThrow(() -> ProblemException.notFound("No population of " + regionCode + " for " + year));
        preconditions.check("population of " + regionCode + " in " + year, before);
        store.delete(before, version);
        counter.advance(version);
        audit.record(AuditTrail.Action.DELETE, "population", PopulationStore.key(regionCode, year), regionCode, before, null);
    }

    public ImportResult importPopulation(List<Population> rows) {
        return write(rows, true);
    }

    private ImportResult write(List<Population> rows, boolean batch) {
        IntFunction<String> field = batch ? i -> "[" + i + "]." : i -> "";
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> rowOfKey = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Population p = rows.get(i);
            check(p, field.apply(i), violations);
            Integer earlier = rowOfKey.putIfAbsent(PopulationStore.key(p.regionCode(), p.year()), i);
            if (earlier != null) {
                violations.add(new Violation(field.apply(i) + "year", p.regionCode() + " " + p.year()
                        + " appears twice (also row " + earlier + ")"));
            }
        }
        VersionedWrite.reject(violations);
        VersionedWrite.authorize(rows, batch, Population::regionCode, access::write, Population::regionCode, access::write);

        long version = counter.lock();
        Set<String> codes = new HashSet<>();
        rows.forEach(p -> codes.add(p.regionCode()));
        Set<String> known = regions.findAll(codes).keySet();
        for (int i = 0; i < rows.size(); i++) {
            if (!known.contains(rows.get(i).regionCode())) {
                violations.add(new Violation(field.apply(i) + "regionCode", "no region " + rows.get(i).regionCode()));
            }
        }
        VersionedWrite.reject(violations);
        Map<String, Population> stored = store.lockAll(codes, rows.stream().map(Population::year).distinct().toList());
        if (!batch) {
            Population row = rows.get(0);
            preconditions.check("population of " + row.regionCode() + " in " + row.year(),
                    stored.get(PopulationStore.key(row.regionCode(), row.year())));
        }
        Written<Population> written = VersionedWrite.writeChanged(counter, version, rows,
                p -> stored.get(PopulationStore.key(p.regionCode(), p.year())), Comparator.comparing(Population::regionCode),
                (p, v) -> new Population(p.regionCode(), p.year(), p.total(), p.female(), p.youth(), v), store::upsert);
        VersionedWrite.audit(audit, "population", batch, written.changes(),
                p -> PopulationStore.key(p.regionCode(), p.year()), Population::regionCode);
        return written.result();
    }

    private static void check(Population p, String field, List<Violation> violations) {
        if (p.year() < PopulationApi.FIRST_YEAR || p.year() > PopulationApi.LAST_YEAR) {
            violations.add(new Violation(field + "year", "must be between " + PopulationApi.FIRST_YEAR + " and "
                    + PopulationApi.LAST_YEAR));
        }
        if (p.female() != null && p.female() > p.total()) {
            violations.add(new Violation(field + "female", "must be at most total (" + p.total() + ")"));
        }
        if (p.youth() != null && p.youth() > p.total()) {
            violations.add(new Violation(field + "youth", "must be at most total (" + p.total() + ")"));
        }
    }
}
