package luoshi.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the figures of docs/BENCHMARKS.md, "Read your writes across services: what it costs" (run with
 * {@code -Dtest=ReadCostMeasurement -Dluoshi.measure=true}). On a started system: a township's compliance read
 * through the gateway, 2,000 times in a row (a kept answer: p50, p95), and the lag between a region's PUT and
 * funding-service's copy having it (asked directly, without the gateway's catch-up), 50 times.
 */
@EnabledIfSystemProperty(named = "luoshi.measure", matches = "true")
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class ReadCostMeasurement {

    @Test
    void measure() {
        LuoshiSystem system = LuoshiSystem.get();
        URI gateway = system.gateway();
        put(gateway, "/api/v1/regions/330000", Map.of("name", "浙江省", "level", "PROVINCE"));
        put(gateway, "/api/v1/regions/330300", Map.of("name", "温州市", "level", "CITY", "parentCode", "330000"));
        put(gateway, "/api/v1/regions/330302", Map.of("name", "鹿城区", "level", "COUNTY", "parentCode", "330300"));
        put(gateway, "/api/v1/regions/330302900", Map.of("name", "测量街道", "level", "TOWNSHIP", "parentCode", "330302"));
        put(gateway, "/api/v1/regions/330302900/population/2025", Map.of("total", 25_000));

        String path = "/api/v1/compliance/330302900?year=2025&asOf=2026-01-15";
        for (int i = 0; i < 200; i++) {   // warm-up
            get(gateway, path);
        }
        long[] reads = new long[2000];
        for (int i = 0; i < reads.length; i++) {
            long t = System.nanoTime();
            get(gateway, path);
            reads[i] = System.nanoTime() - t;
        }
        Arrays.sort(reads);
        System.out.printf("MEASURE compliance read through the gateway: p50 %.2f ms, p95 %.2f ms (n=%d)%n",
                reads[reads.length / 2] / 1e6, reads[reads.length * 95 / 100] / 1e6, reads.length);

        URI funding = system.url("funding-service");
        long[] lags = new long[50];
        for (int i = 0; i < lags.length; i++) {
            String code = String.valueOf(330_302_901 + i);
            put(gateway, "/api/v1/regions/" + code, Map.of("name", "测量街道" + i, "level", "TOWNSHIP", "parentCode", "330302"));
            long t = System.nanoTime();
            while (given().baseUri(funding.toString()).auth().oauth2(TestTokens.ADMIN)
                    .get("/internal/v1/compliance/regions/" + code + "?year=2025").statusCode() != 200) {
                if (System.nanoTime() - t > 30_000_000_000L) {
                    throw new AssertionError("funding-service's copy did not have " + code + " within 30 s");
                }
            }
            lags[i] = System.nanoTime() - t;
        }
        Arrays.sort(lags);
        System.out.printf("MEASURE lag from a region's PUT to funding-service's copy: p50 %.1f ms, max %.1f ms (n=%d)%n",
                lags[lags.length / 2] / 1e6, lags[lags.length - 1] / 1e6, lags.length);
    }

    private static void put(URI gateway, String path, Map<String, Object> body) {
        int status = given().baseUri(gateway.toString()).auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON)
                .body(body).put(path).statusCode();
        if (status != 200 && status != 201) {
            throw new AssertionError("PUT " + path + " answered " + status);
        }
    }

    private static void get(URI gateway, String path) {
        int status = given().baseUri(gateway.toString()).auth().oauth2(TestTokens.ADMIN).get(path).statusCode();
        if (status != 200) {
            throw new AssertionError("GET " + path + " answered " + status);
        }
    }
}
