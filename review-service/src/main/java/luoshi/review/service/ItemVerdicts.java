package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import luoshi.api.common.Problem;
import luoshi.api.compliance.ComplianceItem;
import luoshi.platform.ProblemException;
import luoshi.rules.engine.Compliance;
import org.jboss.logging.Logger;

/**
 * The engine's verdict on one item now, whichever service owns its requirement (API.md, "Rectification": a
 * rectification judges nothing itself): asked of the owners the reminder job reads ({@link OpenItemSources}), this
 * service's own first, for the item's year (the year its period ends, else starts, else today's).
 */
@ApplicationScoped
public class ItemVerdicts {

    private static final Logger LOG = Logger.getLogger(ItemVerdicts.class);

    private final OpenItemSources sources;

    ItemVerdicts(OpenItemSources sources) {
        this.sources = sources;
    }

    /**
     * The item, evaluated on {@code asOf}; empty when no owner has it. A 503 problem when an owner did not answer and
     * none of the others has the item (it may be that owner's).
     */
    public Optional<ComplianceItem> current(String requirementId, String regionCode, LocalDate periodStart,
            LocalDate periodEnd, LocalDate asOf) {
        Set<Integer> years = new LinkedHashSet<>();
        if (periodEnd != null) {
            years.add(periodEnd.getYear());
        }
        years.add(periodStart.getYear());
        years.add(asOf.getYear());
        // the engine answers the years 1949–2100 only: an item of another year is no item (400 naming periodStart)
        years.removeIf(y -> y < Compliance.FIRST_YEAR || y > Compliance.LAST_YEAR);
        List<OpenItemSource> owners = new ArrayList<>(sources.all());
        owners.sort(Comparator.comparing(o -> o instanceof RemoteOpenItems));   // this service's own first: no call
        List<String> silent = new ArrayList<>();
        for (OpenItemSource owner : owners) {
            try {
                for (int year : years) {
                    Optional<ComplianceItem> item = owner.item(requirementId, regionCode, periodStart, year, asOf);
                    if (item.isPresent()) {
                        return item;
                    }
                }
            } catch (RuntimeException e) {
                if (e instanceof ProblemException p && p.problem().status() < 500) {
                    throw p;
                }
                LOG.warnf("The items of %s could not be read from %s: %s", regionCode, owner.name(), e.getMessage());
                silent.add(owner.name());
            }
        }
        if (!silent.isEmpty()) {
            throw new ProblemException(Problem.of(503, "Service Unavailable", "The item " + requirementId + " of "
                    + regionCode + " could not be judged: " + String.join(", ", silent) + " did not answer. Nothing was "
                    + "written; try again later."));
        }
        return Optional.empty();
    }
}
