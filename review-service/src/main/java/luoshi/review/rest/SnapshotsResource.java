package luoshi.review.rest;

import java.time.LocalDate;
import luoshi.api.evaluation.SnapshotRun;
import luoshi.api.evaluation.SnapshotsApi;
import luoshi.api.region.RegionCode;
import luoshi.review.service.SnapshotJob;

/** The snapshot job run now by an admin for its subtree; the rights are checked in the job. */
public class SnapshotsResource implements SnapshotsApi {

    private final SnapshotJob job;

    SnapshotsResource(SnapshotJob job) {
        this.job = job;
    }

    @Override
    public SnapshotRun run(LocalDate asOf, RegionCode regionCode) {
        return job.runAsked(asOf, RegionCode.text(regionCode));
    }
}
