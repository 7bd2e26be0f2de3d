package luoshi.api.common;

/** One invalid field of a request: {@code {"field":"amount","message":"…"}}. */
public record Violation(String field, String message) {
}
