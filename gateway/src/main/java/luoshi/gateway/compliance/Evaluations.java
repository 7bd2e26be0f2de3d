package luoshi.gateway.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.Weights;
import luoshi.api.evaluation.Evaluation;
import luoshi.api.evaluation.Evaluation.ChildEvaluation;
import luoshi.api.region.RegionCode;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.RequestIds;
import luoshi.gateway.client.Services;

/**
 * The composite evaluation (API.md, "Evaluation and trends"): each service's rollup carries the sums of the weights of
 * its items over the subtree and over each child, computed in SQL with the counts and kept with them
 * ({@link ServiceRollup#weights()}); the gateway adds the three services' sums, scores them and ranks the children. The
 * region's own rank among its siblings comes from its parent's rollup, asked at the same time when the caller may read
 * the parent's subtree.
 */
@ApplicationScoped
public class Evaluations {

    private final Services services;

    Evaluations(Services services) {
        this.services = services;
    }

    /**
     * The evaluation of {@code q}'s region; {@code parent} is the region whose children are its siblings, null when the
     * caller may not read it (or for the country, which has none).
     */
    public CompletionStage<Evaluation> evaluation(RegionYear q, String parent) {
        return tagged(q, parent).thenApply(Tagged::value);
    }

    /**
     * As {@link #evaluation}, with the versions it was computed from: the region's subtree's and, for its rank, its
     * parent's (the siblings' scores); not tagged when the parent was asked and did not answer in full.
     */
    public CompletionStage<Tagged<Evaluation>> tagged(RegionYear q, String parent) {
        CompletableFuture<Answers<ServiceRollup>> own = rollups(q.regionCode().value(), q).toCompletableFuture();
        CompletableFuture<Tagged<Map<String, Weights>>> siblings = parent == null
                ? CompletableFuture.completedFuture(new Tagged<>(null, "-"))
                : rollups(parent, q).thenApply(answers -> Tagged.of(byChild(answers.rejectIfRefused().values()), answers,
                                null)).toCompletableFuture()
                        // a parent no service knows (a county directly under a province), or none answering: no rank,
                        // the evaluation still
                        .exceptionally(failure -> new Tagged<>(null, null));
        return own.thenCombine(siblings, (answers, bySibling) -> {
            Evaluation e = evaluation(q, answers.rejectIfRefused(), bySibling.value());
            return new Tagged<>(e, Tagged.both(Tagged.of(e, answers, e.warnings()).versions(), bySibling.versions()));
        });
    }

    /**
     * The region whose children are {@code code}'s siblings, for its rank: null for the country, or when a caller of
     * {@code ownRegion} may not read that parent's subtree (each service would refuse it).
     */
    public static String rankParent(String code, String ownRegion) {
        String parent = RegionCode.isCountry(code) ? null
                : RegionCode.parentOf(code) == null ? RegionCode.COUNTRY : RegionCode.parentOf(code);
        return parent != null && RegionCode.contains(ownRegion, parent) ? parent : null;
    }

    private CompletionStage<Answers<ServiceRollup>> rollups(String regionCode, RegionYear q) {
        Function<ComplianceSource, CompletionStage<ServiceRollup>> call =
                RequestIds.bind(s -> s.rollup(new RegionCode(regionCode), q.year(), q.asOf()));
        return services.readAllCaughtUp(call);
    }

    private static Evaluation evaluation(RegionYear q, Answers<ServiceRollup> answers, Map<String, Weights> bySibling) {
        List<ServiceRollup> parts = answers.values();
        String code = q.regionCode().value();
        Weights total = ServiceRollup.total(code, parts).weights();
        Map<String, ServiceRollup.ChildCounts> added = ServiceRollup.childrenAdded(parts);
        Map<String, BigDecimal> childScores = scores(byChild(parts));
        List<ChildEvaluation> children = childScores.entrySet().stream()
                .map(e -> new ChildEvaluation(e.getKey(), added.get(e.getKey()).regionName(), e.getValue(),
                        rank(e.getValue(), childScores)))
                .toList();
        BigDecimal score = total.all().score();
        Integer rank;
        Integer of;
        if (RegionCode.isCountry(code)) {
            rank = score == null ? null : 1;
            of = 1;
        } else if (bySibling == null || bySibling.isEmpty()) {
            rank = null;
            of = null;
        } else {
            Map<String, BigDecimal> siblingScores = scores(bySibling);
            siblingScores.put(code, score);   // the region's own, as its own rollup says
            rank = rank(score, siblingScores);
            of = siblingScores.size();
        }
        List<String> warnings = new ArrayList<>(answers.warnings());
        parts.stream().map(ServiceRollup::warnings).filter(Objects::nonNull).forEach(warnings::addAll);
        return new Evaluation(code, parts.stream().map(ServiceRollup::regionName).filter(Objects::nonNull).findFirst()
                .orElse(null), q.year(), q.asOf(), score, Evaluation.Dimensions.of(total.dimensionScores()), rank, of, children, answers.incomplete(),
                warnings);
    }

    /** The children's weights, each child's added over the services. */
    private static Map<String, Weights> byChild(List<ServiceRollup> parts) {
        Map<String, Weights> byChild = new TreeMap<>();
        ServiceRollup.childrenAdded(parts).forEach((code, child) -> byChild.put(code, child.weights()));
        return byChild;
    }

    private static Map<String, BigDecimal> scores(Map<String, Weights> weights) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        weights.forEach((code, w) -> scores.put(code, w.all().score()));
        return scores;
    }

    /** 1 + the number of regions scoring more (ties share a rank: 1, 1, 3); none without a score. */
    static Integer rank(BigDecimal score, Map<String, BigDecimal> scores) {
        if (score == null) {
            return null;
        }
        return 1 + (int) scores.values().stream().filter(s -> s != null && s.compareTo(score) > 0).count();
    }
}
