package luoshi.api.waiver;

import java.util.List;

/** Waivers, ordered by region, requirement and start. */
public record WaiverList(List<Waiver> items) {
}
