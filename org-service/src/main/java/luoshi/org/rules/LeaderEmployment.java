package luoshi.org.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import luoshi.api.compliance.Evidence;
import luoshi.api.org.Employment;
import luoshi.api.org.LeaderRole;
import luoshi.api.org.OrganizationType;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.EvidenceRows;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/**
 * LEADER_EMPLOYMENT (TOWNSHIP_FULL_TIME_HEADS, SHAOXING-2015 item 27: 乡镇（街道）工会、共青团、妇联组织主要负责人原则上
 * 应设专职): the region has an organisation of each named type, and every one of them has, on the evaluation date, a
 * leader of the named role in office, and every such leader is of the named employment. A type missing from the
 * region is a type not met.
 *
 * <p>The union's refinement (same item: 由同级党委组成人员兼任工会主席的，应配专职副主席): when the rule asks for a
 * full-time head, a UNION whose head is PART_TIME and a member of the party committee ({@code partyCommitteeMember})
 * meets it if a FULL_TIME DEPUTY of the same organisation is in office on the evaluation date.
 */
@ApplicationScoped
public class LeaderEmployment implements RuleType<LeaderEmployment.Heads> {

    /** The organisation types, and the role whose every leader in office must be of the employment. */
    public record Heads(List<OrganizationType> organizationTypes, LeaderRole role, Employment employment) {

        /** SHAOXING-2015 item 27 refines the full-time head of a union; other rules of this type are as they say. */
        boolean unionRefinement() {
            return role == LeaderRole.HEAD && employment == Employment.FULL_TIME;
        }
    }

    private final Database db;

    LeaderEmployment(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "LEADER_EMPLOYMENT";
    }

    @Override
    public Heads parse(RuleReader rule) {
        return new Heads(rule.listOf("organizationTypes", OrganizationType.class), rule.oneOf("role", LeaderRole.class),
                rule.oneOf("employment", Employment.class));
    }

    /** The seed TOWNSHIP_FULL_TIME_HEADS's rule. */
    @Override
    public ObjectNode example() {
        return LeaderFacts.mainTypes(RuleReader.object(name())).put("role", LeaderRole.HEAD.name())
                .put("employment", Employment.FULL_TIME.name());
    }

    /**
     * Per region: the named types present, and those with an organisation lacking a qualifying leader (one with no
     * leader of the role in office joins a row with l.id NULL; one led by a leader of another employment, a row naming
     * that leader). Met: every type present and none failing.
     */
    @Override
    public Measure measure(RuleQuery<Heads> q) {
        Heads rule = q.rule();
        Sql joins = Sql.of("LEFT JOIN (SELECT o.region_code, COUNT(DISTINCT o.type) AS present,"
                + " COUNT(DISTINCT CASE WHEN l.id IS NULL OR NOT (:qualified) THEN o.type END) AS failing"
                + " FROM organization o LEFT JOIN leader l ON l.organization_id = o.id AND l.role = :role AND :inOffice"
                + " WHERE o.type IN (:types) AND o.region_code LIKE :pattern GROUP BY o.region_code) e"
                + " ON e.region_code = :code")
                .bind("qualified", qualified(rule, q.period().knownOn())).bind("role", rule.role())
                .bind("inOffice", LeaderFacts.inOffice("l", q.period().knownOn())).bind("types", rule.organizationTypes())
                .bind("pattern", q.factsPattern()).bind("code", q.regionCode());
        return new Measure(joins, Sql.of("COALESCE(e.present, 0) - COALESCE(e.failing, 0)"),
                Sql.of(":needed").bind("needed", rule.organizationTypes().size()), Measure.NEVER, null);
    }

    /** A leader {@code l} of organisation {@code o} that qualifies: of the employment, or the union's refinement. */
    private static Sql qualified(Heads rule, Object on) {
        Sql employment = Sql.of("l.employment = :employment").bind("employment", rule.employment());
        if (!rule.unionRefinement()) {
            return employment;
        }
        return Sql.of(":employment OR o.type = :union AND l.employment = :partTime AND l.party_committee_member"
                + " AND EXISTS (SELECT 1 FROM leader d WHERE d.organization_id = o.id AND d.role = :deputy"
                + " AND d.employment = :fullTime AND :deputyInOffice)")
                .bind("employment", employment).bind("union", OrganizationType.UNION).bind("partTime", Employment.PART_TIME)
                .bind("deputy", LeaderRole.DEPUTY).bind("fullTime", Employment.FULL_TIME)
                .bind("deputyInOffice", LeaderFacts.inOffice("d", on));
    }

    @Override
    public Texts texts(Found<Heads> found) {
        Heads rule = found.rule();
        return new Texts(String.join(", ", rule.organizationTypes().stream().map(Enum::name).toList())
                + ": each led by a " + rule.employment() + " " + rule.role(),
                found.actual().longValue() + " of " + found.expected().longValue() + " types met");
    }

    @Override
    public List<Evidence> evidence(Found<Heads> found) {
        return evidence(List.of(found)).get(0);
    }

    /**
     * Each organisation of the types with its leaders of the role in office (and a union's full-time deputies): the
     * organisations of every item in one statement.
     */
    @Override
    public List<List<Evidence>> evidence(List<Found<Heads>> found) {
        List<List<Led>> rows = EvidenceRows.read(db, found, f -> Sql.of("SELECT o.id AS organization_id,"
                + " o.type AS organization_type, o.name AS organization_name, l.id AS leader_id, l.name AS leader_name,"
                + " l.employment, l.tenure_from, l.tenure_to, l.role, l.party_committee_member FROM organization o"
                + " LEFT JOIN leader l ON l.organization_id = o.id AND l.role IN (:roles) AND :inOffice"
                + " WHERE o.region_code = :code AND o.type IN (:types)")
                .bind("roles", f.rule().unionRefinement() ? List.of(f.rule().role(), LeaderRole.DEPUTY) : List.of(f.rule().role()))
                .bind("inOffice", LeaderFacts.inOffice("l", f.knownOn())).bind("code", f.regionCode())
                .bind("types", f.rule().organizationTypes()),
                "organization_type, organization_id, role DESC, leader_id", rs -> new Led(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                        rs.getBoolean(10)));
        List<List<Evidence>> evidence = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            evidence.add(evidence(found.get(i), rows.get(i)));
        }
        return evidence;
    }

    /** An organisation of the types, and one of its leaders of the roles in office (null: none). */
    private record Led(long organizationId, String type, String organizationName, Long leaderId, String leaderName,
            String employment, LocalDate tenureFrom, LocalDate tenureTo, String role, boolean partyCommitteeMember) {
    }

    /** One item's evidence from its organisations' rows, ordered by type, organisation, role (heads first), leader. */
    private static List<Evidence> evidence(Found<Heads> found, List<Led> rows) {
        Heads rule = found.rule();
        LocalDate on = found.knownOn();
        String role = rule.role().name();
        List<Evidence> evidence = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        Set<Long> listed = new LinkedHashSet<>();
        for (Led r : rows) {
            present.add(r.type());
            boolean head = r.leaderId() != null && role.equals(r.role());
            boolean deputy = r.leaderId() != null && !head;
            if (listed.add(r.organizationId())) {
                evidence.add(new Evidence("ORGANIZATION", String.valueOf(r.organizationId()), null, r.type() + " "
                        + r.organizationName() + (r.leaderId() == null || deputy && !role.equals(LeaderRole.DEPUTY.name())
                                ? ": no " + role + " in office on " + on : "")));
            }
            boolean unionDeputy = deputy && OrganizationType.UNION.name().equals(r.type())
                    && Employment.FULL_TIME.name().equals(r.employment());
            if (head || unionDeputy) {
                evidence.add(new Evidence("LEADER", String.valueOf(r.leaderId()), null, r.leaderName() + ", "
                        + r.role() + " of " + r.organizationName() + ", " + r.employment()
                        + (head && r.partyCommitteeMember() ? ", party committee member" : "") + ", "
                        + r.tenureFrom() + ".." + (r.tenureTo() == null ? "" : r.tenureTo())));
            }
        }
        for (OrganizationType type : rule.organizationTypes()) {
            if (!present.contains(type.name())) {
                evidence.add(new Evidence("ORGANIZATION", null, null, "no " + type + " organisation in " + found.regionCode()));
            }
        }
        return evidence;
    }
}
