package luoshi.gateway.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import luoshi.api.evaluation.Evaluation;
import luoshi.api.evaluation.EvaluationApi;
import luoshi.api.region.RegionCode;
import luoshi.security.Access;

/**
 * The composite evaluation (the path and documentation are on {@link EvaluationApi}), asynchronous as the compliance
 * views. The region's rank among its siblings needs its parent's rollup: asked only when the caller may read the
 * parent's subtree (each service checks the forwarded token again), else rank and of are null.
 */
public class EvaluationResource implements EvaluationApi {

    private final Evaluations evaluations;
    private final Clock clock;
    private final Access access;
    private final KeptAnswers kept;

    EvaluationResource(Evaluations evaluations, Clock clock, Access access, KeptAnswers kept) {
        this.kept = kept;
        this.evaluations = evaluations;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public CompletionStage<Evaluation> evaluation(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        RegionYear at = RegionYear.of(regionCode, year, asOf, clock);
        String parent = Evaluations.rankParent(regionCode.value(), access.ownRegion());
        // the answer depends on the caller's scope too: whether it may read the parent (the rank)
        String question = ConditionalReads.question(at) + "|" + parent;
        return kept.answer(question, java.util.Arrays.asList(regionCode.value(), parent),
                () -> evaluations.tagged(at, parent)).thenApply(ConditionalReads.keep(question));
    }
}
