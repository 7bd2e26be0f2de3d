package luoshi.review.rest;

import java.time.LocalDate;
import luoshi.api.evaluation.Trend;
import luoshi.api.evaluation.TrendApi;
import luoshi.api.region.RegionCode;
import luoshi.review.service.Trends;

/** Trends: a reader of a region reads its snapshots; the rights are checked in the service. */
public class TrendsResource implements TrendApi {

    private final Trends trends;

    TrendsResource(Trends trends) {
        this.trends = trends;
    }

    @Override
    public Trend trend(RegionCode regionCode, Integer year, LocalDate from, LocalDate to) {
        return trends.trend(regionCode.value(), year, from, to);
    }
}
