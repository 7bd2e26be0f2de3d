package luoshi.review.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.ServiceRollup;
import luoshi.platform.ProblemException;
import luoshi.rules.engine.Compliance;

/** This service's own open items for the reminder job, from the rule engine over its own database. */
@ApplicationScoped
public class LocalOpenItems implements OpenItemSource {

    private final Compliance compliance;

    LocalOpenItems(Compliance compliance) {
        this.compliance = compliance;
    }

    @Override
    public String name() {
        return "review";
    }

    /**
     * In a (read) transaction of its own: the job runs on the scheduler's thread, outside any request. The items are read
     * in one statement as the database sends them; {@code parts} writes in transactions of its own.
     */
    @Override
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public long openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, Consumer<List<OpenItem>> parts) {
        return compliance.eachOpenItem(asOf, dueFrom, dueTo, parts);
    }

    @Override
    @Transactional
    public Optional<ComplianceItem> item(String requirementId, String regionCode, LocalDate periodStart, int year,
            LocalDate asOf) {
        try {
            return compliance.items(regionCode, year, asOf).items().stream()
                    .filter(i -> i.requirementId().equals(requirementId) && periodStart.equals(i.periodStart())).findFirst();
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                return Optional.empty();   // a region this service's copy does not have (yet)
            }
            throw e;
        }
    }

    @Override
    @Transactional
    public ServiceRollup rollup(String regionCode, int year, LocalDate asOf) {
        return compliance.rollup(regionCode, year, asOf);
    }
}
