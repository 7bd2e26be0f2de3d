package luoshi.api.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The code rules of REQUIREMENTS.md, "Region levels", in one place. A code alone says its level
 * and its parent, so a subtree is a prefix range ({@code code LIKE '3306%'}) and never a walk:
 * <ul>
 *   <li>PROVINCE: 6 digits ending 0000 (330000); its parent is the country {@value #COUNTRY}.</li>
 *   <li>CITY: 6 digits ending 00 (330600); parent = first 2 digits + 0000. Includes the 市辖区 groups
 *       of municipalities (110100) and the 省直辖县级行政区划 groups (429000).</li>
 *   <li>COUNTY: other 6 digits (330602); parent = first 4 digits + 00 (110101 → 110100,
 *       429004 → 429000).</li>
 *   <li>TOWNSHIP: 9 digits; parent = first 6 digits, a county or, in cities with no county level
 *       (441900 东莞, 442000 中山, 460400 儋州), the city itself.</li>
 *   <li>VILLAGE: 12 digits; parent = first 9 digits.</li>
 * </ul>
 * Verified against every row of shared/data/regions-cn-2023.csv (44,700 rows, no exception).
 */
public final class RegionCode {

    /** The whole country: the root whose children are the provinces (API.md). Never stored. */
    public static final String COUNTRY = "000000";

    private RegionCode() {
    }

    public static boolean isCountry(String code) {
        return COUNTRY.equals(code);
    }

    /** The level a well-formed code has, or empty for a malformed one (and for the country). */
    public static Optional<RegionLevel> levelOf(String code) {
        if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9') || isCountry(code)) {
            return Optional.empty();
        }
        return switch (code.length()) {
            case 6 -> code.startsWith("00") ? Optional.empty()
                    : code.endsWith("0000") ? Optional.of(RegionLevel.PROVINCE)
                    : code.endsWith("00") ? Optional.of(RegionLevel.CITY)
                    : Optional.of(RegionLevel.COUNTY);
            case 9 -> Optional.of(RegionLevel.TOWNSHIP);
            case 12 -> Optional.of(RegionLevel.VILLAGE);
            default -> Optional.empty();
        };
    }

    /** The parent a code must have: {@code null} for a province (its parent is the country). */
    public static String parentOf(String code) {
        RegionLevel level = levelOf(code).orElseThrow(() -> new IllegalArgumentException("not a region code: " + code));
        return switch (level) {
            case PROVINCE -> null;
            case CITY -> code.substring(0, 2) + "0000";
            case COUNTY -> code.substring(0, 4) + "00";
            case TOWNSHIP -> code.substring(0, 6);
            case VILLAGE -> code.substring(0, 9);
        };
    }

    /**
     * The significant digits: every descendant's code starts with them ("" for the country).
     * 330000 → 33, 330600 → 3306, 330602 → 330602, 330602001 → 330602001.
     */
    public static String prefix(String code) {
        if (isCountry(code)) {
            return "";
        }
        RegionLevel level = levelOf(code).orElseThrow(() -> new IllegalArgumentException("not a region code: " + code));
        return switch (level) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            default -> code;
        };
    }

    /** True when {@code code} is {@code ancestor} or lies in its subtree. */
    public static boolean contains(String ancestor, String code) {
        return code != null && (ancestor.equals(code) || code.startsWith(prefix(ancestor)) && !isCountry(code));
    }

    /** The ancestors of a code, nearest first, ending with the country. */
    public static List<String> ancestors(String code) {
        List<String> out = new ArrayList<>();
        for (String p = isCountry(code) ? null : parentOf(code); p != null; p = parentOf(p)) {
            out.add(p);
        }
        if (!isCountry(code)) {
            out.add(COUNTRY);
        }
        return out;
    }

    /** A LIKE pattern that matches the subtree of {@code code}: {@code 3306%}. */
    public static String subtreePattern(String code) {
        return prefix(code) + "%";
    }

}
