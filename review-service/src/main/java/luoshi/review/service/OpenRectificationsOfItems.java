package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import luoshi.api.compliance.ItemRectification;
import luoshi.review.store.RectificationStore;
import luoshi.rules.engine.OpenRectifications;

/**
 * The open rectification of each row of the follow-up list (API.md, "Follow-up list and readable answers"), whichever
 * service judges the row's item: the gateway asks this service for those of the regions it has read rows of. The
 * caller's access to the subtree was checked by rule-core's resource.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OpenRectificationsOfItems implements OpenRectifications {

    private final RectificationStore store;

    OpenRectificationsOfItems(RectificationStore store) {
        this.store = store;
    }

    @Override
    public List<ItemRectification> open(String root, String fromRegion, String toRegion) {
        return store.open(root, fromRegion, toRegion);
    }
}
