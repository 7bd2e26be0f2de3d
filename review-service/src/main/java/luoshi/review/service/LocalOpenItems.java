package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.OpenItem;
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

    /** In a (read) transaction of its own: the job runs on the scheduler's thread, outside any request. */
    @Override
    @Transactional
    public List<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo) {
        return compliance.allOpenItems(asOf, dueFrom, dueTo);
    }
}
