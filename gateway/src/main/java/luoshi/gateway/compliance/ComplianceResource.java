package luoshi.gateway.compliance;

import luoshi.api.region.RegionCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import luoshi.api.compliance.ComplianceApi;
import luoshi.api.compliance.ComplianceReport;
import luoshi.api.compliance.ComplianceRollup;
import luoshi.security.Access;
import luoshi.api.common.Violation;
import luoshi.api.compliance.FollowUpFilter;
import luoshi.gateway.client.CurrentRequest;
import luoshi.gateway.client.RequestIds;
import luoshi.platform.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The public compliance views (the paths and documentation are on {@link ComplianceApi}). Asynchronous: they run on
 * the I/O thread, ask the three services and return; the answer is written when they have answered, and no thread
 * waits for them (benchmarks/: a worker thread per request and one per downstream call cost a fifth of the gateway).
 */
public class ComplianceResource implements ComplianceApi {

    private final ComplianceViews views;
    private final FollowUpLists followUps;
    private final FollowUpExports exports;
    private final Clock clock;
    private final Access access;

    ComplianceResource(ComplianceViews views, FollowUpLists followUps, FollowUpExports exports, Clock clock,
            Access access) {
        this.views = views;
        this.followUps = followUps;
        this.exports = exports;
        this.clock = clock;
        this.access = access;
    }

    // the gateway checks the region before it asks anyone; each service checks the forwarded token again
    @Override
    public CompletionStage<ComplianceReport> report(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        return views.report(RegionYear.of(regionCode, year, asOf, clock));
    }

    @Override
    public CompletionStage<ComplianceRollup> rollup(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        return views.rollup(RegionYear.of(regionCode, year, asOf, clock));
    }

    /**
     * The follow-up list: a page as JSON, or the whole list streamed as CSV or XLSX (by {@code Accept}). The filters
     * are read before anyone is asked (a 400 naming each bad one), and the services' first slices before the answer
     * starts, so that a refusal is a problem and {@code Luoshi-Incomplete} names who did not answer.
     */
    @Override
    public Response followUp(RegionCode regionCode, Integer year, LocalDate asOf, String status, String level,
            String requirementId, int page, int size) {
        access.read(regionCode.value());
        List<Violation> violations = new ArrayList<>();
        FollowUpFilter filter = FollowUpFilter.parse(status, level, requirementId, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        FollowUpLists.Question q = new FollowUpLists.Question(RegionYear.of(regionCode, year, asOf, clock), filter);
        String accept = CurrentRequest.get().map(rc -> rc.request().getHeader(HttpHeaders.ACCEPT)).orElse("");
        boolean xlsx = accept != null && accept.contains(ComplianceApi.XLSX);
        boolean csv = !xlsx && accept != null && accept.contains(ComplianceApi.CSV);
        if (!xlsx && !csv) {
            return Response.ok(followUps.page(q, page, size), MediaType.APPLICATION_JSON).build();
        }
        FollowUpLists.Rows rows = followUps.all(q);
        // the write runs after this method returns: it carries the caller's token and request id with it
        Function<OutputStream, Void> write = RequestIds.bind(stream -> {
            try {
                if (xlsx) {
                    exports.xlsx(followUps, q, rows, stream);
                } else {
                    exports.csv(followUps, q, rows, stream);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        String name = "follow-up-" + regionCode.value() + "-" + q.at().year() + (xlsx ? ".xlsx" : ".csv");
        StreamingOutput body = stream -> {
            try {
                write.apply(stream);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, xlsx ? ComplianceApi.XLSX : ComplianceApi.CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (!rows.incomplete().isEmpty()) {
            answer.header(INCOMPLETE_HEADER, String.join(", ", rows.incomplete()));
        }
        return answer.build();
    }

    /** Names the services that did not answer, on an export (its body has no room for them). */
    static final String INCOMPLETE_HEADER = "Luoshi-Incomplete";

}
