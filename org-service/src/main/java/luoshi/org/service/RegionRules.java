package luoshi.org.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import luoshi.api.common.PlainText;
import luoshi.api.common.Violation;
import luoshi.api.region.Region;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;

/**
 * REQUIREMENTS.md, "Region levels": the code/level/parent triple must be consistent. The code says its
 * level and its parent ({@link RegionCode}), which covers the special cases too: municipalities
 * (110000 → 110100 → 110101), county-level units under a province (429004 under 429000) and
 * townships directly under a city with no county level (441900003 under 441900).
 */
final class RegionRules {

    private RegionRules() {
    }

    /** What is wrong with one region on its own; {@code field} prefixes the field names ("" or "[3]."). */
    static List<Violation> check(Region r, String field) {
        List<Violation> out = new ArrayList<>();
        if (RegionCode.isCountry(r.code())) {
            out.add(new Violation(field + "code", "000000 is the country: it is never written"));
            return out;
        }
        Optional<RegionLevel> level = RegionCode.levelOf(r.code());
        if (level.isEmpty()) {
            out.add(new Violation(field + "code", new RegionCode.Malformed(r.code()).getMessage()));
            return out;
        }
        String name = PlainText.Check.problem(r.name(), false);
        if (name != null) {
            out.add(new Violation(field + "name", name));
        }
        if (r.level() != level.get()) {
            out.add(new Violation(field + "level", r.code() + " is a " + level.get() + " by its code, not a " + r.level()));
        }
        String parent = RegionCode.parentOf(r.code());
        if (parent == null && r.parentCode() != null) {
            out.add(new Violation(field + "parentCode", "a PROVINCE has no parentCode (its parent is the country)"));
        } else if (parent != null && !Objects.equals(parent, r.parentCode())) {
            out.add(new Violation(field + "parentCode", "the parent of " + r.code() + " is " + parent + ", not "
                    + r.parentCode()));
        }
        return out;
    }

    static Violation unknownParent(Region r, String field) {
        return new Violation(field + "parentCode", "the parent " + r.parentCode() + " does not exist: import it first or "
                + "in the same batch");
    }
}
