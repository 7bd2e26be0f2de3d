package luoshi.idempotency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * What makes two calls with one key "the same request" (docs/API.md: the fingerprint covers method, path, query and
 * body): the SHA-256 of the method, the path, the raw query string, the rights of the caller's token (its region claim
 * and roles: a key belongs to the caller as it was, so a replay is authorised exactly as the first call was) and the
 * body. The parts are separated by a byte that none of the first four can hold. A JSON body counts by its content: the
 * order of an object's members, the layout of the text and 20000.0 against 20000.00 do not count, the order of a
 * batch's rows does; any other body (CSV), or one that is not JSON, counts byte for byte.
 *
 * <p>The body is read as a stream, never held (a batch has up to 16 MiB): each JSON value is reduced to a SHA-256 as it is
 * read, an array's from its elements' in order, an object's from the sum (mod 2<sup>256</sup>) of its members' (each the
 * hash of the name and of the value), which does not depend on their order; what is kept at any time is a hash per level
 * of nesting. A text of more than {@value #MAX_TEXT} characters makes the body count byte for byte.
 */
final class RequestFingerprint {

    static final int MAX_TEXT = 1_000_000;
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT).build()).build();

    private RequestFingerprint() {
    }

    /** The request as a caller sent it; {@code query} is the raw query string (null: none). */
    record Request(String method, String path, String query, String rights) {
    }

    /** The fingerprint of {@code request} with the body that {@code body} opens (each time anew). */
    static byte[] of(Request request, boolean json, Supplier<InputStream> body) {
        MessageDigest sha256 = sha256();
        for (String part : new String[] {request.method(), request.path(), request.query(), request.rights()}) {
            sha256.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);   // never in a method, a path, a raw query or a region and role names
        }
        byte[] canonical = json ? canonical(body) : null;
        sha256.update(canonical != null ? canonical : raw(body));
        return sha256.digest();
    }

    /** The hash of the JSON value that is the body, or null when the body is not one JSON value. */
    static byte[] canonical(Supplier<InputStream> body) {
        try (InputStream in = body.get(); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            byte[] value = value(p, first);
            return p.nextToken() == null ? value : null;
        } catch (IOException e) {
            return null;   // not JSON (the call fails as unreadable anyway): byte for byte
        }
    }

    private static byte[] value(JsonParser p, JsonToken t) throws IOException {
        MessageDigest d = sha256();
        switch (t) {
            case START_OBJECT -> {
                BigInteger sum = BigInteger.ZERO;
                for (JsonToken n = p.nextToken(); n == JsonToken.FIELD_NAME; n = p.nextToken()) {
                    MessageDigest member = sha256();
                    member.update(p.currentName().getBytes(StandardCharsets.UTF_8));
                    member.update((byte) 0);
                    member.update(value(p, p.nextToken()));
                    sum = sum.add(new BigInteger(1, member.digest())).mod(MOD);
                }
                d.update((byte) '{');
                d.update(sum.toByteArray());
            }
            case START_ARRAY -> {
                d.update((byte) '[');
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    if (n == null) {
                        throw new IOException("the array is not closed");
                    }
                    d.update(value(p, n));
                }
            }
            case VALUE_STRING -> {
                d.update((byte) 's');
                d.update(p.getText().getBytes(StandardCharsets.UTF_8));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal n = new BigDecimal(p.getText()).stripTrailingZeros();
                d.update((byte) 'n');
                d.update((n.unscaledValue() + "e" + (-n.scale())).getBytes(StandardCharsets.US_ASCII));
            }
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> d.update(t.asString().getBytes(StandardCharsets.US_ASCII));
            default -> throw new IOException("not a JSON value: " + t);
        }
        return d.digest();
    }

    private static byte[] raw(Supplier<InputStream> body) {
        MessageDigest d = sha256();
        try (InputStream in = body.get()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                d.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept body again", e);
        }
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
