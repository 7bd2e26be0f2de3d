package luoshi.funding.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingRecord;

/** One funding allocation as table {@code funding_record} holds it. */
public record FundingRow(long id, String regionCode, FundingCategory category, int fiscalYear, BigDecimal amount,
        String documentRef, long version) {

    /** The columns {@link #read} reads, in its order. */
    static final String COLUMNS = "id, region_code, category, fiscal_year, amount, document_ref, version";

    static FundingRow read(ResultSet rs) throws SQLException {
        return new FundingRow(rs.getLong(1), rs.getString(2), FundingCategory.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getBigDecimal(5), rs.getString(6), rs.getLong(7));
    }

    /** The contract's record: the BIGINT key rendered as a string (API.md, Funding). */
    public FundingRecord toRecord() {
        return new FundingRecord(String.valueOf(id), regionCode, category, fiscalYear, amount, documentRef, version);
    }
}
