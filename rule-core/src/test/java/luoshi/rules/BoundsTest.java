package luoshi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import luoshi.rules.spi.Bounds;
import org.junit.jupiter.api.Test;

/** The bounds of numeric parameters, value by value (no application needed). */
class BoundsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void moneyIsAboveZeroWithTwoPlacesAndFifteenDigits() throws Exception {
        assertThat(Bounds.MONEY.read(json("\"20000.00\""))).contains(new BigDecimal("20000.00"));
        assertThat(Bounds.MONEY.read(json("20000.5"))).contains(new BigDecimal("20000.5"));
        assertThat(Bounds.MONEY.read(json("\"1E+4\""))).contains(new BigDecimal("1E+4"));
        assertThat(Bounds.MONEY.read(json("\"9999999999999.99\""))).isPresent();
        for (String bad : new String[] {"\"0\"", "\"-1\"", "\"0.001\"", "\"10000000000000\"", "\"1e-3000\"", "\"1e400\"",
                "\"1e-300000000\"", "\"1e300000000\"", "\"abc\"", "true", "[1]", "{}", "null", "\"\""}) {
            assertThat(Bounds.MONEY.read(json(bad))).as(bad).isEmpty();
        }
        assertThat(Bounds.MONEY.read(null)).isEmpty();
    }

    @Test
    void aShareIsAboveZeroAndAtMostOneWithFourPlaces() throws Exception {
        assertThat(Bounds.SHARE.read(json("\"0.7500\""))).contains(new BigDecimal("0.7500"));
        assertThat(Bounds.SHARE.read(json("1"))).isPresent();
        assertThat(Bounds.SHARE.read(json("\"0.0001\""))).isPresent();
        for (String bad : new String[] {"\"0\"", "\"1.0001\"", "\"0.00001\"", "\"1e-3000\"", "1e-3000", "\"2\""}) {
            assertThat(Bounds.SHARE.read(json(bad))).as(bad).isEmpty();
        }
    }

    @Test
    void aCountIsAWholeJsonNumberWithinAnInt() throws Exception {
        Bounds count = Bounds.count(1);
        assertThat(count.read(json("2"))).isPresent();
        assertThat(count.read(json("2.0"))).isPresent();
        assertThat(count.read(json("2147483647"))).isPresent();
        for (String bad : new String[] {"0", "-1", "2.5", "\"2\"", "2147483648", "1e-3000"}) {
            assertThat(count.read(json(bad))).as(bad).isEmpty();
        }
    }

    @Test
    void atMostLowersTheTopAndSaysSo() throws Exception {
        Bounds rate = Bounds.MONEY.atMost(BigDecimal.ONE);
        assertThat(rate.read(json("\"1.00\""))).isPresent();
        assertThat(rate.read(json("\"1.5\""))).isEmpty();
        assertThat(rate.says()).isEqualTo("a number above 0 with at most two decimals, at most 1");
    }
}
