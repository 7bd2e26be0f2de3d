package luoshi.api.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A jurisdiction's setting: {@code parameters} apply to {@code regionCode}'s whole subtree. */
public record ParameterSetting(String requirementId, String regionCode, ObjectNode parameters) {
}
