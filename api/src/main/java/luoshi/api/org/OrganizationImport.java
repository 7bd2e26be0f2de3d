package luoshi.api.org;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organisation import stored: {@code ids} are the new organisations' ids, in the order of the rows. */
@Schema(description = "The outcome of an organisation import", example = "{\"organizations\":2,\"leaders\":3,\"ids\":[41,42]}")
public record OrganizationImport(int organizations, int leaders, List<Long> ids) {
}
