package luoshi.review.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.ServiceRollup;
import luoshi.db.Database;

/**
 * What the jobs read of one owner of requirements: its PENDING and NON_COMPLIANT items in bulk (the reminder job), one
 * item (a rectification's verification) and its rollup of a subtree (the snapshot job).
 */
public interface OpenItemSource {

    /** The owner's name (org, funding, review), reported when it cannot be read. */
    String name();

    /**
     * Every open item due in [dueFrom, dueTo], evaluated on {@code asOf}, handed to {@code parts} as it is read, at most
     * {@link Database#CHUNK} items at a time, in the owner's order (requirement, region, period); answers how many. The
     * items of a national run are never held at once (issue #29: review-service's heap in the reminder job). An exception
     * of {@code parts} ends the read and is thrown as it is.
     */
    long openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, Consumer<List<OpenItem>> parts);

    /**
     * The owner's item of {@code requirementId} for {@code regionCode} whose period starts on {@code periodStart}, among
     * the items of {@code year}, evaluated on {@code asOf} (a rectification's verification: API.md, "Rectification");
     * empty when the owner has no such item (not its requirement, or a region it does not know).
     */
    Optional<ComplianceItem> item(String requirementId, String regionCode, LocalDate periodStart, int year, LocalDate asOf);

    /**
     * The owner's counts and weights over {@code regionCode}'s subtree and per child for {@code year}, evaluated on
     * {@code asOf} ({@code ComplianceSource.rollup}); fails when the owner does not answer.
     */
    ServiceRollup rollup(String regionCode, int year, LocalDate asOf);
}
