package luoshi.gateway.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.platform.ProblemException;

/**
 * The services' outcomes of one parallel read, in the order org, funding, review. The first service
 * that answers at all decides whether the request is valid: its 4xx (org-service's 404 for an unknown
 * region, say) is the caller's answer. A service that refuses what an earlier one accepted (a read
 * copy of the regions that lags, say) is reported like one that did not answer, with a warning.
 */
public final class Answers<T> {

    private final List<Outcome<T>> outcomes;
    /** What each service said of its answer's version ({@code Luoshi-Answer-Version}), in service order; null: nothing. */
    private final List<String> versions;

    Answers(List<Outcome<T>> outcomes) {
        this(outcomes, null);
    }

    Answers(List<Outcome<T>> outcomes, List<String> versions) {
        this.outcomes = outcomes;
        this.versions = versions;
    }

    /**
     * The versions of the three answers ({@code org=…;funding=…;review=…}), which the public answer's ETag is made of
     * (API.md, "Conditional reads"); null when a service did not answer or did not say its version: such an answer
     * is not tagged.
     */
    public String versions() {
        if (versions == null || !complete()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < outcomes.size(); i++) {
            if (versions.get(i) == null) {
                return null;
            }
            out.append(i == 0 ? "" : ";").append(outcomes.get(i).service().name()).append('=').append(versions.get(i));
        }
        return out.toString();
    }

    /** Throws the deciding service's problem, if it refused the request. */
    public Answers<T> rejectIfRefused() {
        Optional<Outcome<T>> decisive = outcomes.stream().filter(o -> !o.unanswered()).findFirst();
        if (decisive.isPresent() && !decisive.get().answered()) {
            throw decisive.get().problem();
        }
        return this;
    }

    /** The answers given, in service order. */
    public List<T> values() {
        return outcomes.stream().filter(Outcome::answered).map(Outcome::value).toList();
    }

    /** The answers given, by the service that gave each, in service order. */
    public Map<GuardedService, T> byService() {
        Map<GuardedService, T> out = new LinkedHashMap<>();
        outcomes.stream().filter(Outcome::answered).forEach(o -> out.put(o.service(), o.value()));
        return out;
    }

    /** The names of the services whose part is missing. */
    public List<String> incomplete() {
        return outcomes.stream().filter(o -> !o.answered()).map(o -> o.service().name()).toList();
    }

    /** Why each missing part is missing. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Outcome<T> o : outcomes) {
            if (!o.answered()) {
                out.add(o.problem().problem().detail() == null ? o.service().name() + " did not answer."
                        : o.unanswered() ? o.problem().problem().detail()
                        : o.service().name() + " refused the request: " + o.problem().problem().detail());
            }
        }
        return out;
    }

    public boolean complete() {
        return outcomes.stream().allMatch(Outcome::answered);
    }
}
