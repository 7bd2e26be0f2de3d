package luoshi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar of RFC 9110's If-Match and the strong comparison, as {@link IfMatch} documents them. */
class IfMatchTest {

    private static IfMatch parse(String... lines) {
        return IfMatch.parse(List.of(lines));
    }

    @Test
    void aStrongTagMatchesItsVersionOnly() {
        assertThat(parse("\"7\"").matches(ETags.of(7))).isTrue();
        assertThat(parse("\"7\"").matches(ETags.of(8))).isFalse();
        assertThat(parse("\"70\"").matches(ETags.of(7))).isFalse();
    }

    @Test
    void aListMatchesAnyOfItsTagsAcrossLinesAndEmptyElements() {
        IfMatch list = parse("\"3\" , \"5\"", ",\t\"9\",");
        assertThat(list.tags()).containsExactly("\"3\"", "\"5\"", "\"9\"");
        assertThat(list.matches(ETags.of(5))).isTrue();
        assertThat(list.matches(ETags.of(9))).isTrue();
        assertThat(list.matches(ETags.of(4))).isFalse();
    }

    @Test
    void aStarMatchesEveryStoredVersion() {
        assertThat(parse("*").matches(ETags.of(1))).isTrue();
        assertThat(parse(" * ").any()).isTrue();
    }

    @Test
    void aWeakTagIsReadButNeverMatches() {
        IfMatch weak = parse("W/\"7\"");
        assertThat(weak.matches(ETags.of(7))).isFalse();
        assertThat(weak.weakOnly()).isTrue();
        assertThat(parse("W/\"7\", \"7\"").matches(ETags.of(7))).isTrue();
    }

    @Test
    void aWellFormedTagOfNoVersionMatchesNothing() {
        assertThat(parse("\"abc\"").matches(ETags.of(7))).isFalse();
        assertThat(parse("\"\"").matches(ETags.of(0))).isFalse();
    }

    @Test
    void whatIsNotTheGrammarIsA400NamingTheHeader() {
        for (String malformed : List.of("7", "\"7", "7\"", "W/7", "w/\"7\"", "\"7\" \"8\"", "*, \"7\"", "**", "", " , ",
                "\"a b\"", "\"7\"x")) {
            ProblemException refused = catchThrowableOfType(ProblemException.class, () -> parse(malformed));
            assertThat(refused).as(malformed).isNotNull();
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().violations().get(0).field()).isEqualTo("If-Match");
        }
    }
}
