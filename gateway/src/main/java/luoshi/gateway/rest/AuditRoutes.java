package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import luoshi.api.audit.AuditApi;
import luoshi.api.audit.AuditEvent;
import luoshi.api.audit.AuditSource;
import luoshi.api.common.Page;
import luoshi.api.common.Problem;
import luoshi.platform.ProblemException;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.Services;
import luoshi.security.Access;

/**
 * {@code GET /api/v1/audit}: the trails of the three services, merged newest first. Each service
 * answers its newest {@code (page + 1) × size} events of the subtree and period (with the caller's
 * token, so each checks the admin again); the page is cut from their merge. The trail is evidence,
 * so a page is never silently partial: when a service does not answer, the answer is 503 naming it.
 */
public class AuditRoutes implements AuditApi {

    /** Newest first; events of one instant in a stable order. */
    static final Comparator<AuditEvent> NEWEST_FIRST = Comparator.comparing(AuditEvent::at).reversed()
            .thenComparing(AuditEvent::id, Comparator.reverseOrder());

    private final Services services;
    private final Access access;

    AuditRoutes(Services services, Access access) {
        this.services = services;
        this.access = access;
    }

    @Override
    public Page<AuditEvent> list(RegionCode regionCode, LocalDate from, LocalDate to, int page, int size) {
        RegionCode region = RegionCode.parse(access.administerScope(RegionCode.text(regionCode)));
        long depth = (long) (page + 1) * size;
        if (depth > MAX_DEPTH) {
            throw ProblemException.badRequest("page", "(page + 1) × size may not exceed " + MAX_DEPTH
                    + ": narrow from and to to reach older events");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "lies before from");
        }
        Answers<Page<AuditEvent>> answers = services.readAll(AuditSource.class,
                api -> api.newest(region, from, to, (int) depth)).rejectIfRefused();
        if (!answers.complete()) {
            throw new ProblemException(Problem.of(503, "Service Unavailable", "The audit trail is incomplete: "
                    + String.join(", ", answers.incomplete()) + " did not answer. " + String.join(" ", answers.warnings())));
        }
        List<AuditEvent> merged = answers.values().stream().flatMap(p -> p.items().stream()).sorted(NEWEST_FIRST)
                .skip(Page.offset(page, size)).limit(size).toList();
        long total = answers.values().stream().mapToLong(Page::total).sum();
        return new Page<>(merged, page, size, total);
    }
}
