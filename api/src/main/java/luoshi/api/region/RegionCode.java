package luoshi.api.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A region code, parsed: the one value type of every region-code parameter and filter of every service and the
 * gateway (docs/API.md: a malformed region code is a 400 in every parameter and filter of every endpoint). A
 * {@code RegionCode} exists only for a well-formed code, so code that holds one never checks it again; request
 * bodies check their region-code fields with {@link ValidRegionCode}, which applies the same rule.
 *
 * <p>The code rules of docs/REQUIREMENTS.md, "Region levels", in one place. A code alone says its level and its
 * parent, so a subtree is a prefix range ({@code code LIKE '3306%'}) and never a walk:
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
 * Verified against every row of the national region list (docs/data, 44,700 rows, no exception). The static methods
 * take codes as text for the SQL and the stores; given a malformed code they answer "no level" or "no region", and
 * never throw.
 */
@Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN, example = "330602",
        description = "A region code: 6 digits (province, city, county), 9 (township) or 12 (village); 000000 is the"
                + " whole country")
public record RegionCode(String value) {

    /** The whole country: the root whose children are the provinces (API.md). Never stored. */
    public static final String COUNTRY = "000000";
    /** What a region code looks like (the country included); the level rules are {@link #levelOf}'s. */
    public static final String PATTERN = "^([0-9]{6}|[0-9]{9}|[0-9]{12})$";
    /** The one message of a malformed code, wherever it is read. */
    public static final String MALFORMED = "must be a region code of 6, 9 or 12 digits (e.g. 330602 or 330602001), or"
            + " 000000 for the whole country";
    /** The message of the country where a region is needed. */
    public static final String NOT_THE_COUNTRY = "must name a region, not the whole country 000000";

    /** A malformed code: refused at the edge as a 400 naming the parameter or field that held it. */
    public static final class Malformed extends IllegalArgumentException {
        public Malformed(String text) {
            super(MALFORMED + ": \"" + shown(text) + "\"");
        }

        private static String shown(String text) {
            return text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }

    public RegionCode {
        if (!wellFormed(value)) {
            throw new Malformed(value);
        }
    }

    /** The code read from text, exactly (no white space, no sign): {@link Malformed} otherwise. */
    @JsonCreator
    public static RegionCode parse(String text) {
        return new RegionCode(text);
    }

    /** JAX-RS's name for {@link #parse}, for a client or server without {@code ParameterConverters}. */
    public static RegionCode valueOf(String text) {
        return parse(text);
    }

    /** The code of a parsed value, or null for none (an optional filter). */
    public static String text(RegionCode code) {
        return code == null ? null : code.value;
    }

    /** True for the country and every code of a real level. */
    public static boolean wellFormed(String code) {
        return isCountry(code) || levelOf(code).isPresent();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** True for {@value #COUNTRY}. */
    public boolean isTheCountry() {
        return isCountry(value);
    }

    /** The level of the code; empty for the country, which has none. */
    public Optional<RegionLevel> level() {
        return levelOf(value);
    }

    /** True when {@code other} is this region or lies in its subtree. */
    public boolean contains(RegionCode other) {
        return contains(value, other.value);
    }

    /** A LIKE pattern that matches this region's subtree. */
    public String subtreePattern() {
        return subtreePattern(value);
    }

    public static boolean isCountry(String code) {
        return COUNTRY.equals(code);
    }

    /** The level a well-formed code has, or empty for a malformed one (and for the country). */
    public static Optional<RegionLevel> levelOf(String code) {
        if (code == null || code.isEmpty() || !code.chars().allMatch(c -> c >= '0' && c <= '9') || isCountry(code)) {
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

    /** The parent a code must have: {@code null} for a province (its parent is the country), the country and a malformed code. */
    public static String parentOf(String code) {
        return levelOf(code).map(level -> switch (level) {
            case PROVINCE -> null;
            case CITY -> code.substring(0, 2) + "0000";
            case COUNTY -> code.substring(0, 4) + "00";
            case TOWNSHIP -> code.substring(0, 6);
            case VILLAGE -> code.substring(0, 9);
        }).orElse(null);
    }

    /**
     * The significant digits: every descendant's code starts with them ("" for the country).
     * 330000 → 33, 330600 → 3306, 330602 → 330602, 330602001 → 330602001. A malformed code is its own prefix, so
     * that its subtree holds no region.
     */
    public static String prefix(String code) {
        if (isCountry(code)) {
            return "";
        }
        return levelOf(code).map(level -> switch (level) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            default -> code;
        }).orElse(code == null ? "\u0000" : code);
    }

    /** True when {@code code} is {@code ancestor} or lies in its subtree. */
    public static boolean contains(String ancestor, String code) {
        return code != null && ancestor != null && (ancestor.equals(code)
                || wellFormed(ancestor) && wellFormed(code) && code.startsWith(prefix(ancestor)) && !isCountry(code));
    }

    /** The ancestors of a code, nearest first, ending with the country (none for the country or a malformed code). */
    public static List<String> ancestors(String code) {
        List<String> out = new ArrayList<>();
        if (levelOf(code).isEmpty()) {
            return out;
        }
        for (String p = parentOf(code); p != null; p = parentOf(p)) {
            out.add(p);
        }
        out.add(COUNTRY);
        return out;
    }

    /** A LIKE pattern that matches the subtree of {@code code}: {@code 3306%}. */
    public static String subtreePattern(String code) {
        return prefix(code) + "%";
    }
}
