package luoshi.gateway.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceReport;
import luoshi.api.compliance.ComplianceRollup;
import luoshi.api.compliance.ComplianceRollup.ChildCompliance;
import luoshi.api.compliance.ComplianceRollup.RequirementCompliance;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.RectificationCounts;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.StatusCounts;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.Services;
import luoshi.gateway.client.RequestIds;

/**
 * The compliance views of API.md: each service evaluates the requirements it owns
 * ({@link ComplianceSource}); the gateway asks the three in parallel, merges the items and sums the
 * counts. A service that does not answer in time is named in {@code incomplete}, and the answer is
 * still given with what the others said. A service whose copy of the regions is older than org-service's feed is
 * asked again to catch up first ({@link Services#readAllCaughtUp}): every view reads the writes before it.
 */
@ApplicationScoped
public class ComplianceViews {

    private static final Comparator<ComplianceItem> ITEM_ORDER = Comparator
            .comparing(ComplianceItem::requirementId)
            .thenComparing(ComplianceItem::periodStart, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Services services;
    /** A round of a rollup: callers asking with {@code Cache-Control: no-cache} share only rounds that ask so too. */
    private record Round(RegionYear question, String cacheControl) {
    }

    private final SharedRounds<Round, Tagged<ComplianceRollup>> rollups = new SharedRounds<>();

    ComplianceViews(Services services) {
        this.services = services;
    }

    /** A region's items, with the versions they were computed from (their ETag). */
    public CompletionStage<Tagged<ComplianceReport>> report(RegionYear q) {
        return services.readAllCaughtUp(s -> s.items(q.regionCode(), q.year(), q.asOf()))
                .thenApply(answers -> {
                    ComplianceReport report = report(q, answers.rejectIfRefused());
                    return Tagged.of(report, answers, report.warnings());
                });
    }

    private static ComplianceReport report(RegionYear q, Answers<ServiceItems> answers) {
        List<ServiceItems> parts = answers.values();
        List<ComplianceItem> items = parts.stream().flatMap(p -> orEmpty(p.items()).stream()).sorted(ITEM_ORDER).toList();
        StatusCounts summary = summary(items);
        return new ComplianceReport(q.regionCode().value(), firstName(parts.stream().map(ServiceItems::regionName).toList()),
                q.year(), q.asOf(), items, summary, answers.incomplete(),
                warnings(answers, parts.stream().map(ServiceItems::warnings).toList()));
    }

    /** The items counted per status; a waived item (its {@code waiver} set) is NOT_APPLICABLE and counted in {@code waived}. */
    static StatusCounts summary(List<ComplianceItem> items) {
        StatusCounts counts = StatusCounts.ZERO;
        for (ComplianceItem item : items) {
            counts = counts.plus(item.waiver() != null ? StatusCounts.waived(1) : StatusCounts.of(item.status(), 1));
        }
        return counts;
    }

    /**
     * Callers asking for the same rollup at once share its computation: a rollup evaluates a whole subtree. A round
     * that waits for the running one starts on the thread that ends it, so the call carries what it forwards (the
     * token, the request id) bound now, on the caller's thread.
     */
    public CompletionStage<Tagged<ComplianceRollup>> rollup(RegionYear q) {
        Function<ComplianceSource, CompletionStage<ServiceRollup>> call =
                RequestIds.bind(s -> s.rollup(q.regionCode(), q.year(), q.asOf()));
        return rollups.get(new Round(q, RequestIds.cacheControl()),
                () -> services.readAllCaughtUp(call).thenApply(answers -> {
                    ComplianceRollup rollup = aggregate(q, answers.rejectIfRefused());
                    return Tagged.of(rollup, answers, rollup.warnings());
                }));
    }

    private static ComplianceRollup aggregate(RegionYear q, Answers<ServiceRollup> answers) {
        List<ServiceRollup> parts = answers.values();
        StatusCounts counts = StatusCounts.ZERO;
        Map<String, StatusCounts> byChild = new TreeMap<>();
        Map<String, String> childNames = new TreeMap<>();
        Map<String, StatusCounts> byRequirement = new TreeMap<>();
        RectificationCounts rectifications = null;   // review-service's; absent when it did not answer
        for (ServiceRollup part : parts) {
            if (part.rectifications() != null) {
                rectifications = rectifications == null ? part.rectifications() : rectifications.plus(part.rectifications());
            }
            counts = counts.plus(Objects.requireNonNullElse(part.counts(), StatusCounts.ZERO));
            for (ServiceRollup.ChildCounts child : orEmpty(part.children())) {
                byChild.merge(child.regionCode(), child.counts(), StatusCounts::plus);
                if (child.regionName() != null) {
                    childNames.putIfAbsent(child.regionCode(), child.regionName());
                }
            }
            for (ServiceRollup.RequirementCounts r : orEmpty(part.byRequirement())) {
                byRequirement.merge(r.requirementId(), r.counts(), StatusCounts::plus);
            }
        }
        List<ChildCompliance> children = byChild.entrySet().stream()
                .map(e -> ChildCompliance.of(e.getKey(), childNames.get(e.getKey()), e.getValue())).toList();
        List<RequirementCompliance> requirements = byRequirement.entrySet().stream()
                .map(e -> RequirementCompliance.of(e.getKey(), e.getValue())).toList();
        return new ComplianceRollup(q.regionCode().value(), firstName(parts.stream().map(ServiceRollup::regionName).toList()),
                q.year(), q.asOf(), counts, counts.complianceRate(), children, requirements, answers.incomplete(),
                warnings(answers, parts.stream().map(ServiceRollup::warnings).toList()), rectifications);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String firstName(List<String> names) {
        return names.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<String> warnings(Answers<?> answers, List<List<String>> given) {
        List<String> out = new ArrayList<>(answers.warnings());
        given.stream().filter(Objects::nonNull).forEach(out::addAll);
        return out;
    }
}
