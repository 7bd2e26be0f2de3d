package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One service's rows of the follow-up list over a subtree, in the list's order ({@link FollowUpItem#ORDER}), from after
 * the key the caller named; {@code total} counts every row of the service that matches the filters (when asked for).
 */
public record ServiceFollowUp(List<FollowUpItem> items, @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
        List<String> warnings) {
}
