package luoshi.api.common;

/**
 * A correctable resource as answered (API.md, "Versions and ETags"): it carries the version of the stored row, which
 * every write of that row advances. The servers answer it as {@code ETag: "<version>"} on a GET of one and on a PUT or
 * PATCH ({@code luoshi.platform.ETags}), and refuse a PUT, PATCH or DELETE whose {@code If-Match} names another version
 * with 412 ({@code luoshi.platform.Preconditions}).
 * <p>
 * Implement it on the answer record with a last component {@code @Schema(description = Versioned.DESCRIPTION,
 * readOnly = true) long version}: the OpenAPI documents find the correctable operations by that description and add
 * {@code If-Match}, {@code ETag} and 412 to them.
 */
public interface Versioned {

    /** The description of every {@code version} component; the OpenAPI filter recognises a versioned answer by it. */
    String DESCRIPTION = "The version of the stored resource, advanced by every write of it: answered as ETag \"<version>\" "
            + "on a GET of one and on a PUT or PATCH; send it back as If-Match: \"<version>\" to change or delete exactly "
            + "this version (412 when another write came first). Ignored in a request body.";

    long version();
}
