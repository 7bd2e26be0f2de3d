package luoshi.funding.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import luoshi.funding.store.FundingRecordStore;
import luoshi.funding.store.UnionFeeStore;

/** Loads the facts of one region and year: three indexed reads. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RegionFactsLoader {

    private final FundingRecordStore records;
    private final UnionFeeStore unionFees;
    private final AgroalDataSource dataSource;

    RegionFactsLoader(FundingRecordStore records, UnionFeeStore unionFees, AgroalDataSource dataSource) {
        this.records = records;
        this.unionFees = unionFees;
        this.dataSource = dataSource;
    }

    public RegionFacts load(String regionCode, int year) {
        var funding = records.ofRegionAndYear(regionCode, year);
        var fees = unionFees.find(regionCode, year).map(e -> new RegionFacts.Fees(e.due(), e.collected()));
        return new RegionFacts(regionCode, year, funding, population(regionCode, year), fees);
    }

    /** The read copy's population row of the year (region-replica's table). */
    private Optional<RegionFacts.Population> population(String regionCode, int year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT total FROM population WHERE region_code = ? AND year = ?")) {
            ps.setString(1, regionCode);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RegionFacts.Population(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the population of " + regionCode, e);
        }
    }
}
