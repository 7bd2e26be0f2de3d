package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fact a verdict rests on, so that an inspector can check it by hand: {@code kind} is FUNDING,
 * UNION_FEES, POPULATION, MEETING, DOCUMENT, COMMITTEE_TERM, ORGANIZATION, LEADER or
 * ASSESSMENT; {@code id}
 * its id; {@code documentRef} its document number where it has one; {@code note} a short
 * description (an amount, a date, a name).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String kind, String id, String documentRef, String note) {
}
