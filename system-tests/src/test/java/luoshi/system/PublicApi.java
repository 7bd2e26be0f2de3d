package luoshi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;

/** Calls of the gateway's public API that several system tests make, on the one {@link LuoshiSystem}. */
final class PublicApi {

    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1 as the services speak it; every byte of a request as the caller gives it (no charset added). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static JsonNode openApi;
    private static Map<String, String[]> regionsOfChina;

    private PublicApi() {
    }

    /** A JSON call to the gateway with this token. */
    static RequestSpecification as(String token) {
        return given().baseUri(LuoshiSystem.get().gateway().toString()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates or updates a region as an admin of the country. */
    static void region(String code, String name, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("parentCode", parent);
        int status = as(TestTokens.ADMIN).body(body).put("/api/v1/regions/" + code).then().extract().statusCode();
        assertThat(status).as("PUT /api/v1/regions/" + code).isIn(200, 201);
    }

    /**
     * Writes regions as docs/data has them (code, name, level, parent), each after its ancestors, as an admin of the
     * country; idempotent, so tests that share a region may all write it.
     */
    static void realRegions(String... codes) {
        Map<String, String[]> data = regionsOfChina();
        for (String code : codes) {
            List<String[]> line = new ArrayList<>();
            for (String c = code; c != null && !c.isEmpty(); ) {
                String[] row = data.get(c);
                assertThat(row).as("region " + c + " in docs/data/regions-cn-2023.csv").isNotNull();
                line.add(0, row);
                c = row.length > 3 ? row[3] : null;
            }
            for (String[] row : line) {
                region(row[0], row[1], row[2], row.length > 3 && !row[3].isEmpty() ? row[3] : null);
            }
        }
    }

    private static synchronized Map<String, String[]> regionsOfChina() {
        if (regionsOfChina == null) {
            try {
                Map<String, String[]> rows = new LinkedHashMap<>();
                for (String l : Files.readAllLines(luoshi.testing.RegionsCsv.file(),
                        StandardCharsets.UTF_8)) {
                    String[] row = l.split(",", -1);
                    rows.put(row[0], row);
                }
                regionsOfChina = rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regionsOfChina;
    }

    /** The item of one requirement in the gateway's compliance answer for the region and year, evaluated on asOf. */
    static Map<String, Object> item(String region, int year, String asOf, String requirementId) {
        JsonPath answer = as(TestTokens.ADMIN).get("/api/v1/compliance/" + region + "?year=" + year + "&asOf=" + asOf).then()
                .statusCode(200).extract().jsonPath();
        assertThat(answer.getList("incomplete")).as("services that did not answer").isEmpty();
        Map<String, Object> item = answer.getMap("items.find { it.requirementId == '" + requirementId + "' }");
        assertThat(item).as(requirementId + " of " + region + " in " + year + " on " + asOf + " in " + answer.prettify())
                .isNotNull();
        return item;
    }

    /** Posts {@code body} as an admin of the country and answers the new record's id (a 201 is required). */
    static String created(String path, String body) {
        Answer a = send(TestTokens.ADMIN, "POST", path, Map.of(), "application/json", body);
        assertThat(a.status()).as("POST " + path + " " + body + " → " + a).isEqualTo(201);
        return a.json().path("id").asText();
    }

    /** How many events the audit trail of the whole country holds: what an unchanged total proves nothing was written. */
    static long auditTotal() {
        Answer a = send(TestTokens.ADMIN, "GET", "/api/v1/audit?size=1", Map.of(), null, (byte[]) null);
        assertThat(a.status()).as("GET /api/v1/audit → " + a).isEqualTo(200);
        return a.json().path("total").asLong();
    }

    /**
     * Waits until a read of each service through the gateway answers 200 again: after a test that may have opened the
     * gateway's breakers (a defect it reports), so that the tests after it are not failed by it.
     */
    static void awaitEveryServiceAnswers() {
        // 江苏 (320000), which every #24 test writes with its regions
        for (String path : List.of("/api/v1/organizations?regionCode=320000&size=1", "/api/v1/funding?regionCode=320000&size=1",
                "/api/v1/meetings?regionCode=320000&size=1")) {
            Poll.until("GET " + path + " answers 200", Duration.ofSeconds(60),
                    () -> send(TestTokens.ADMIN, "GET", path, Map.of(), null, (byte[]) null).status() == 200);
        }
    }

    /** The gateway's OpenAPI document, as the started gateway serves it ({@code /q/openapi?format=json}). */
    static synchronized JsonNode openApi() {
        if (openApi == null) {
            Answer a = send(null, "GET", "/q/openapi?format=json", Map.of(), null, (byte[]) null);
            assertThat(a.status()).as("GET /q/openapi → " + a).isEqualTo(200);
            openApi = a.json();
        }
        return openApi;
    }

    /** One operation of the document: {@code "PATCH /api/v1/funding/{id}"}, and its description in the document. */
    record Operation(String method, String template, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every operation of the gateway's document, in its order. */
    static List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        openApi().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "put", "post", "patch", "delete").contains(op.getKey())) {
                all.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        return all;
    }

    /** An answer, whole: what a failure message shows. */
    record Answer(int status, HttpHeaders headers, String body, long millis) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        /**
         * What makes this answer not a problem details document as API.md's Conventions require of every 4xx and 5xx
         * ({@code application/problem+json} with a numeric {@code status} equal to the HTTP status and a {@code title}),
         * or null when it is one.
         */
        String problemDefect() {
            if (!contentType().startsWith("application/problem+json")) {
                return "Content-Type '" + contentType() + "', not application/problem+json";
            }
            JsonNode problem;
            try {
                problem = JSON.readTree(body);
            } catch (IOException e) {
                return "a body that is not JSON";
            }
            if (problem == null || !problem.path("status").isNumber() || problem.path("status").asInt() != status) {
                return "\"status\" " + (problem == null ? null : problem.get("status")) + " instead of the number " + status;
            }
            if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
                return "no \"title\"";
            }
            return null;
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            return status + " " + contentType() + " " + shown.replace('\n', ' ');
        }
    }

    /** A call to the gateway as sent on the wire: {@code pathAndQuery} already encoded, the body as given. */
    static Answer send(String token, String method, String pathAndQuery, Map<String, String> headers, String contentType,
            String body) {
        return send(token, method, pathAndQuery, headers, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer send(String token, String method, String pathAndQuery, Map<String, String> headers, String contentType,
            byte[] body) {
        return send(LuoshiSystem.get().gateway(), token, method, pathAndQuery, headers, contentType, body);
    }

    /** The same to another base address (a service's own port). */
    static Answer send(URI base, String token, String method, String pathAndQuery, Map<String, String> headers,
            String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers(), r.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
