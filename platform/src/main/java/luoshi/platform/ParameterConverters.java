package luoshi.platform;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import luoshi.api.region.RegionCode;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * Query and path parameters of type {@link RegionCode}, {@link LocalDate}, a whole number or an enum, in every service
 * and the gateway: an unreadable value is a 400 naming the parameter ({@code regionCode=3306x}, {@code asOf=2026-02-30},
 * {@code year=2025x}, {@code stage=SOON}, {@code category=FOOD}), where JAX-RS would answer 404 (API.md: bad input is a 4xx that says what
 * is wrong).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);   // the annotations are often not passed: see nameHolding
        if (rawType == RegionCode.class) {
            // the one parse of every region-code parameter and filter, in every service and the gateway
            return (ParamConverter<T>) new Converter<RegionCode>(name, null) {
                @Override
                RegionCode parse(String value) {
                    return RegionCode.parse(value);
                }

                @Override
                public RegionCode fromString(String value) {
                    // exactly as sent: " 330602" is no region code, and a blank one is refused rather than ignored
                    return value == null || value.isEmpty() ? null : read(value);
                }
            };
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<LocalDate>(name, "a date YYYY-MM-DD that exists") {
                @Override
                LocalDate parse(String value) {
                    return JsonInput.date(value);   // the one date rule of bodies and parameters alike
                }
            };
        }
        if (rawType == Integer.class || rawType == int.class) {
            // year=2025x, page=1.5: JAX-RS would answer 404 for a query parameter it cannot convert
            return (ParamConverter<T>) new WholeNumber<Integer>(name, rawType.isPrimitive()) {
                @Override
                Integer parse(String value) {
                    return Integer.valueOf(value);
                }
            };
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new WholeNumber<Long>(name, rawType.isPrimitive()) {
                @Override
                Long parse(String value) {
                    return Long.valueOf(value);
                }
            };
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            return (ParamConverter<T>) new Converter<Enum>(name, "one of " + allowed) {
                @Override
                Enum parse(String value) {
                    return Enum.valueOf(type, value);
                }
            };
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }

    /** The query or path parameter of the current request that holds {@code value}. */
    private static String nameHolding(String value) {
        var request = CurrentRequestManager.get();
        if (request != null) {
            UriInfo uri = request.getUriInfo();
            for (var params : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
                for (var e : params.entrySet()) {
                    if (e.getValue().contains(value)) {
                        return e.getKey();
                    }
                }
            }
        }
        return "parameter";
    }

    /**
     * A whole number: a blank one is absent (its default) where the parameter may be absent, and a 400 where its type
     * cannot hold "absent" (an {@code int}: its default, when it has one, is applied before the converter is asked).
     */
    private abstract static class WholeNumber<V> extends Converter<V> {
        private final boolean primitive;

        WholeNumber(String name, boolean primitive) {
            super(name, "a whole number");
            this.primitive = primitive;
        }

        @Override
        public V fromString(String value) {
            if (primitive && (value == null || value.isBlank())) {
                return read(value == null ? "" : value);
            }
            return super.fromString(value);
        }
    }

    private abstract static class Converter<V> implements ParamConverter<V> {
        private final String name;
        private final String expected;

        Converter(String name, String expected) {
            this.name = name;
            this.expected = expected;
        }

        abstract V parse(String value);

        @Override
        public V fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return read(value.strip());
        }

        V read(String value) {
            try {
                return parse(value);
            } catch (RegionCode.Malformed e) {
                throw ProblemException.badRequest(name != null ? name : nameHolding(value), e.getMessage());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.badRequest(name != null ? name : nameHolding(value),
                        "must be " + expected + ": \"" + value + "\"");
            }
        }

        @Override
        public String toString(V value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }
}
