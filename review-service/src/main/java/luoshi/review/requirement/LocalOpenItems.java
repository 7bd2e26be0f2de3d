package luoshi.review.requirement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.OpenItem;
import luoshi.review.service.OpenItemSource;

/** This service's own open items for the reminder job, read from its own database. */
@ApplicationScoped
public class LocalOpenItems implements OpenItemSource {

    @Inject
    MeetingRequirements requirements;

    @Override
    public String name() {
        return "review";
    }

    /** In a (read) transaction of its own: the job runs on the scheduler's thread, outside any request. */
    @Override
    @Transactional
    public List<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo) {
        return requirements.allOpenItems(asOf, dueFrom, dueTo);
    }
}
