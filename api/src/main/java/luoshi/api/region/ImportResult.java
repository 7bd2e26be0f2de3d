package luoshi.api.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a bulk import did: {@code rows} read, of which {@code created} new, {@code updated} changed
 * and {@code unchanged} identical to what was stored (a re-import changes nothing). {@code version}
 * is the change feed's version after the import.
 */
@Schema(description = "The outcome of a bulk import", example = "{\"rows\":44700,\"created\":44700,\"updated\":0,\"unchanged\":0,\"version\":44700}")
public record ImportResult(int rows, int created, int updated, int unchanged, long version) {
}
