package luoshi.rules.engine;

import java.util.List;
import luoshi.api.compliance.ItemRectification;

/**
 * The open rectifications a service keeps (review-service's, API.md "Rectification"), for the rows of the follow-up
 * list, whichever service judges their items. A service declares it as a bean; without one, there are none.
 */
public interface OpenRectifications {

    /**
     * The open rectifications (OPEN, SUBMITTED, REJECTED) of the regions of {@code root}'s subtree whose codes lie in
     * [{@code fromRegion}, {@code toRegion}].
     */
    List<ItemRectification> open(String root, String fromRegion, String toRegion);
}
