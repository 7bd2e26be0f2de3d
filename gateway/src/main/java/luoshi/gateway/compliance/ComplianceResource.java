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
import luoshi.api.compliance.FollowUpPage;
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
    private final ComplianceReports reports;
    private final Clock clock;
    private final Access access;
    private final KeptAnswers kept;

    ComplianceResource(ComplianceViews views, FollowUpLists followUps, FollowUpExports exports,
            ComplianceReports reports, Clock clock, Access access, KeptAnswers kept) {
        this.kept = kept;
        this.views = views;
        this.followUps = followUps;
        this.exports = exports;
        this.reports = reports;
        this.clock = clock;
        this.access = access;
    }

    // the gateway checks the region before it asks anyone; each service checks the forwarded token again
    @Override
    public CompletionStage<ComplianceReport> report(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        RegionYear at = RegionYear.of(regionCode, year, asOf, clock);
        String question = ConditionalReads.question(at);
        return kept.answer(question, List.of(regionCode.value()), () -> views.report(at))
                .thenApply(ConditionalReads.keep(question));
    }

    @Override
    public CompletionStage<ComplianceRollup> rollup(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        RegionYear at = RegionYear.of(regionCode, year, asOf, clock);
        String question = ConditionalReads.question(at);
        return kept.answer(question, List.of(regionCode.value()), () -> views.rollup(at))
                .thenApply(ConditionalReads.keep(question));
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
            // a page is tagged (ConditionalReads); an export is not: a service's rectifications missing from a later
            // batch would be named only after its headers were sent
            String question = ConditionalReads.question(q.at());
            Function<Tagged<FollowUpPage>, FollowUpPage> keep = ConditionalReads.keep(question);
            Tagged<FollowUpPage> answer = kept.answerNow(question, List.of(regionCode.value()),
                    () -> followUps.tagged(q, page, size));
            return Response.ok(keep.apply(answer), MediaType.APPLICATION_JSON).build();
        }
        FollowUpLists.Rows rows = followUps.all(q);
        String name = "follow-up-" + regionCode.value() + "-" + q.at().year() + (xlsx ? ".xlsx" : ".csv");
        return file(xlsx ? ComplianceApi.XLSX : ComplianceApi.CSV + ";charset=UTF-8", name, rows.incomplete(), stream -> {
            if (xlsx) {
                exports.xlsx(followUps, q, rows, stream);
            } else {
                exports.csv(followUps, q, rows, stream);
            }
        });
    }

    /**
     * The report of a region and a year, as XLSX or PDF by {@code Accept} (JAX-RS answers 406 for any other). The
     * summary (rollup and evaluation), the services' first slices of the items, the first page of the rectifications
     * and the PDF's font are all read before the answer starts, so that a refusal or a missing font is a problem.
     */
    @Override
    public Response downloadReport(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        String accept = CurrentRequest.get().map(rc -> rc.request().getHeader(HttpHeaders.ACCEPT)).orElse("");
        // one that accepts both (or anything) gets the workbook
        boolean pdf = accept != null && accept.contains(ComplianceApi.PDF) && !accept.contains(ComplianceApi.XLSX);
        RegionYear at = RegionYear.of(regionCode, year, asOf, clock);
        String name = "report-" + regionCode.value() + "-" + at.year() + (pdf ? ".pdf" : ".xlsx");
        if (pdf) {
            var font = reports.font();
            ComplianceReports.Summary summary = reports.summary(at, Evaluations.rankParent(regionCode.value(),
                    access.ownRegion()));
            FollowUpLists.Rows rows = followUps.all(reports.nonCompliant(at));
            return file(ComplianceApi.PDF, name, incomplete(summary.incomplete(), rows.incomplete()),
                    stream -> reports.pdf(summary, font, rows, stream));
        }
        ComplianceReports.Summary summary = reports.summary(at, Evaluations.rankParent(regionCode.value(),
                access.ownRegion()));
        FollowUpLists.Rows rows = followUps.all(reports.items(at));
        var rectifications = reports.firstRectifications(at);
        List<String> incomplete = incomplete(summary.incomplete(), rows.incomplete());
        if (rectifications == null) {
            incomplete = incomplete(incomplete, List.of(reports.rectificationsService()));
        }
        return file(ComplianceApi.XLSX, name, incomplete,
                stream -> reports.xlsx(summary, rows, rectifications, stream));
    }

    private static List<String> incomplete(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    /** What writes a file into the answer. */
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A file streamed as the answer, written after this method returns (carrying the caller's token and request id),
     * named in {@code Content-Disposition}, with the services that did not answer in {@link #INCOMPLETE_HEADER}.
     */
    private static Response file(String type, String name, List<String> incomplete, Writer writer) {
        Function<OutputStream, Void> write = RequestIds.bind(stream -> {
            try {
                writer.write(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        StreamingOutput body = stream -> {
            try {
                write.apply(stream);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (!incomplete.isEmpty()) {
            answer.header(INCOMPLETE_HEADER, String.join(", ", incomplete));
        }
        return answer.build();
    }

    /** Names the services that did not answer, on an export (its body has no room for them). */
    static final String INCOMPLETE_HEADER = "Luoshi-Incomplete";

}
