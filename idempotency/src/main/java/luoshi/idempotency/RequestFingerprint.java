package luoshi.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What makes two calls with one key "the same request" (API.md: the fingerprint covers method, path, query and body):
 * the SHA-256 of the method, the path, the raw query string, the rights of the caller's token (its region claim and
 * roles: a key belongs to the caller as it was, so a replay is authorised exactly as the first call was) and the
 * canonical body. A JSON body is canonical with its object members sorted by name, no white space and each number by
 * its value (the order of a batch's rows counts; the layout of the text, and 20000.0 against 20000.00, do not); any
 * other body (CSV) counts byte for byte. The parts are separated by a byte that none of the first four can hold.
 */
final class RequestFingerprint {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestFingerprint() {
    }

    /** The request as a caller sent it; {@code query} is the raw query string (null: none). */
    record Request(String method, String path, String query, String rights) {
    }

    static byte[] of(Request request, boolean json, byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        for (String part : new String[] {request.method(), request.path(), request.query(), request.rights()}) {
            sha256.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);   // never in a method, a path, a raw query or a region and role names
        }
        sha256.update(json ? canonical(body) : body);
        return sha256.digest();
    }

    /** The body in canonical form; a body that is not JSON as it is (its call fails as unreadable anyway). */
    static byte[] canonical(byte[] body) {
        try {
            JsonNode tree = body.length == 0 ? null : JSON.readTree(body);
            return tree == null ? body : JSON.writeValueAsBytes(sorted(tree));
        } catch (JsonProcessingException e) {
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a body held in memory", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
