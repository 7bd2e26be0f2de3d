package luoshi.api.compliance;

import java.util.List;

/** {@code {"items":[…]}}: the requirements catalog (API.md, Requirements catalog). */
public record RequirementList(List<Requirement> items) {
}
