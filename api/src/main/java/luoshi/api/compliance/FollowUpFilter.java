package luoshi.api.compliance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import luoshi.api.common.Violation;
import luoshi.api.region.RegionLevel;

/**
 * The filters of the follow-up list (API.md, "Follow-up list and readable answers"), read once from the query's
 * {@code status}, {@code level} and {@code requirementId}, the same way by the gateway (before it asks anyone) and by
 * each service: {@code statuses} empty means every status, {@code level} and {@code requirementId} null every one.
 */
public record FollowUpFilter(Set<ComplianceStatus> statuses, RegionLevel level, String requirementId) {

    /** A requirement id as the catalog writes them (TOWNSHIP_YOUTH_LEAGUE_FUNDING). */
    private static final Pattern REQUIREMENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public FollowUpFilter {
        statuses = statuses.isEmpty() ? EnumSet.noneOf(ComplianceStatus.class) : EnumSet.copyOf(statuses);
    }

    /** The filters of a query; every value that cannot be read is added to {@code violations}, naming its parameter. */
    public static FollowUpFilter parse(String status, String level, String requirementId, List<Violation> violations) {
        Set<ComplianceStatus> statuses = EnumSet.noneOf(ComplianceStatus.class);
        if (status != null && !status.isBlank()) {
            List<String> unknown = new ArrayList<>();
            for (String one : status.split(",", -1)) {
                String name = one.trim().toUpperCase(Locale.ROOT);
                try {
                    statuses.add(ComplianceStatus.valueOf(name));
                } catch (IllegalArgumentException e) {
                    unknown.add(one.trim());
                }
            }
            if (!unknown.isEmpty()) {
                violations.add(new Violation("status", "must be statuses separated by commas, each one of "
                        + Arrays.toString(ComplianceStatus.values()) + "; not " + unknown));
            }
        }
        RegionLevel regionLevel = null;
        if (level != null && !level.isBlank()) {
            try {
                regionLevel = RegionLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("level", "must be one of " + Arrays.toString(RegionLevel.values())));
            }
        }
        String id = requirementId == null || requirementId.isBlank() ? null : requirementId.trim();
        if (id != null && !REQUIREMENT_ID.matcher(id).matches()) {
            violations.add(new Violation("requirementId",
                    "must be a requirement id (letters, digits, _ . -; at most 64 characters)"));
            id = null;
        }
        return new FollowUpFilter(statuses, regionLevel, id);
    }

    /** Whether an item of this status is in the list. */
    public boolean admits(ComplianceStatus status) {
        return statuses.isEmpty() || statuses.contains(status);
    }

    /** {@code status} as a query writes it (null: every status), to forward the filter as read. */
    public String statusParameter() {
        return statuses.isEmpty() ? null : statuses.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** {@code level} as a query writes it (null: every level). */
    public String levelParameter() {
        return level == null ? null : level.name();
    }
}
