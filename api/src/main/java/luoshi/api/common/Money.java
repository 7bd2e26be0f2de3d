package luoshi.api.common;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Money on the wire (API.md, Conventions): answers give a string with exactly two decimals
 * ({@code "20000.00"}); requests accept a string or a JSON number, read from its text, never
 * through a binary float. Validate the scale with {@code @Digits(integer = 13, fraction = 2)},
 * which matches the {@code DECIMAL(15,2)} columns.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = Money.Writer.class)
@JsonDeserialize(using = Money.Reader.class)
@Schema(type = SchemaType.STRING, format = "decimal", pattern = Money.PATTERN, example = "20000.00",
        description = Money.DESCRIPTION)
public @interface Money {

    /** What an amount may look like in a request; answers always give two decimals. */
    String PATTERN = "^\\d{1,13}(\\.\\d{1,2})?$";
    String DESCRIPTION = "An amount in CNY: a string with two decimals (a number is accepted in requests)";

    /** Two decimals, as the {@code DECIMAL(15,2)} columns hold them. */
    final class Amounts {
        public static final int SCALE = 2;

        private Amounts() {
        }

        public static BigDecimal scaled(BigDecimal value) {
            return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_EVEN);
        }

        /** {@code 20000} → {@code "20000.00"}. */
        public static String format(BigDecimal value) {
            return value == null ? null : scaled(value).toPlainString();
        }
    }

    final class Writer extends StdSerializer<BigDecimal> {
        public Writer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Amounts.format(value));
        }
    }

    final class Reader extends StdDeserializer<BigDecimal> {
        public Reader() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return new BigDecimal(p.getText());   // the literal as written, never a double
            }
            if (t == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw ctxt.weirdStringException(text, BigDecimal.class, "not an amount");
                }
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
    }
}
