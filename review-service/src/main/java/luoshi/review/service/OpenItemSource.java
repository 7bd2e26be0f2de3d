package luoshi.review.service;

import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.OpenItem;

/** The PENDING and NON_COMPLIANT items of one owner of requirements, read in bulk. */
public interface OpenItemSource {

    /** The owner's name (org, funding, review), reported when it cannot be read. */
    String name();

    /** Every open item due in [dueFrom, dueTo], evaluated on {@code asOf}. */
    List<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo);
}
