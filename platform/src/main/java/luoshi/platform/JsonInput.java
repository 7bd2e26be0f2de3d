package luoshi.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * How every service and the gateway read JSON (docs/API.md, "Values": no value a caller sends reaches business code
 * unparsed): a key given twice is a 400 (which of the two was meant?), as is anything after the value; a number with a
 * fraction or an exponent is no integer ({@code "total": 1e-3000} is not 0); a date is exactly {@code YYYY-MM-DD},
 * a day that exists, in the years a DATE column holds ({@link #date}): no epoch-day number, no date-time, no
 * {@code +999999999-12-31}. Each refusal is a 400 naming the field (ProblemMappers).
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    /** What a date looks like on the wire (docs/API.md, Conventions). */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The days a MariaDB DATE holds: a date outside them could be read but never stored. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /**
     * Last, after Quarkus's own customizers: the one that registers the JSR-310 module runs at a lower priority than a
     * default one, and a module registered later takes {@code LocalDate} from an earlier one.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper json) {
        json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        json.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        json.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        json.registerModule(new SimpleModule("luoshi-strict-dates").addDeserializer(LocalDate.class, new DateReader()));
    }

    /** A date as sent: {@code YYYY-MM-DD}, a real day, in 1000–9999; else an {@link IllegalArgumentException}. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a date YYYY-MM-DD");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text, STRICT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("no such day", e);
        }
        if (day.isBefore(FIRST_DAY)) {
            throw new IllegalArgumentException("before " + FIRST_DAY);
        }
        return day;
    }

    private static final class DateReader extends StdDeserializer<LocalDate> {
        DateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            try {
                return date(text);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "must be a date YYYY-MM-DD that exists");
            }
        }
    }
}
