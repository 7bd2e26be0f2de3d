package luoshi.org.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import luoshi.api.common.Page;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.Patch;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.org.Leader;
import luoshi.api.org.LeaderPatch;
import luoshi.api.org.LeaderRole;
import luoshi.api.org.NewLeader;
import luoshi.api.org.NewOrganization;
import luoshi.api.org.Organization;
import luoshi.api.org.OrganizationImport;
import luoshi.api.org.OrganizationPatch;
import luoshi.api.org.OrganizationRow;
import luoshi.api.org.OrganizationType;
import luoshi.api.region.RegionCode;
import luoshi.audit.AuditTrail;
import luoshi.org.store.OrganizationStore;
import luoshi.org.store.RegionStore;
import luoshi.security.Access;

/**
 * Organisations and leaders, with the rules of a superior link and of a tenure. Access follows the
 * organisation's region (API.md, Security): an operator of it or above writes, a viewer reads; a leader's
 * region is its organisation's, looked up first. Every write is audited in its transaction. A correction or a
 * deletion reads its row with a lock, checks {@code If-Match} against it (412), writes it with a version check, and
 * answers and audits the row read back: two concurrent PATCHes of different fields both take effect, an answer is what
 * was stored, and every event's {@code before} is the previous one's {@code after} (CONTRIBUTING, "Versions").
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class OrganizationService {

    /** The longest names, as on create ({@code NewOrganization}, {@code NewLeader}) and in the schema. */
    private static final int NAME_MAX = 200;
    private static final int LEADER_NAME_MAX = 100;

    private final OrganizationStore store;
    private final RegionStore regions;
    private final Access access;
    private final AuditTrail audit;
    private final Preconditions preconditions;
    private final ObjectMapper json;

    public OrganizationService(OrganizationStore store, RegionStore regions, Access access, AuditTrail audit,
            Preconditions preconditions, ObjectMapper json) {
        this.store = store;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
        this.preconditions = preconditions;
        this.json = json;
    }

    public Organization create(NewOrganization o) {
        access.write(o.regionCode());
        if (RegionCode.isCountry(o.regionCode()) || regions.find(o.regionCode()).isEmpty()) {
            throw ProblemException.badRequest("regionCode", "no region " + o.regionCode());
        }
        if (o.superiorId() != null) {
            checkSuperior(o);
        }
        if (store.exists(o.regionCode(), o.type(), o.name())) {
            throw ProblemException.conflict(o.regionCode() + " already has the " + o.type() + " organisation " + o.name());
        }
        Organization created = store.insert(o);
        audit.record(AuditTrail.Action.CREATE, "organization", String.valueOf(created.id()), created.regionCode(), null,
                created);
        return created;
    }

    /** Dual leadership (双重领导): the superior is of the same type, in a region above this one. */
    private void checkSuperior(NewOrganization o) {
        String problem = superiorProblem(o, store.find(o.superiorId()).orElse(null));
        if (problem != null) {
            throw ProblemException.badRequest("superiorId", problem);
        }
    }

    /** What is wrong with {@code o}'s superior ({@code null}: none stored under its id), or null when nothing is. */
    private static String superiorProblem(NewOrganization o, Organization superior) {
        if (superior == null) {
            return "no organisation " + o.superiorId();
        }
        if (superior.type() != o.type()) {
            return "the superior is a " + superior.type() + " organisation, not a " + o.type();
        }
        if (!RegionCode.ancestors(o.regionCode()).contains(superior.regionCode())) {
            return "the superior's region " + superior.regionCode() + " is not above " + o.regionCode();
        }
        return null;
    }

    /**
     * Creates a batch of organisations and their leaders in this one transaction, all or nothing. Every row is
     * checked first, each problem named by its row ({@code [3].regionCode}, {@code [3].leaders[0].to}), with the
     * regions and superiors read in bulk; then organisations and leaders are written in multi-row statements.
     */
    public OrganizationImport importOrganizations(List<OrganizationRow> rows) {
        access.writeRows(rows.stream().map(OrganizationRow::regionCode).toList());
        Set<String> codes = new HashSet<>();
        Set<Long> superiorIds = new HashSet<>();
        rows.forEach(r -> {
            codes.add(r.regionCode());
            if (r.superiorId() != null) {
                superiorIds.add(r.superiorId());
            }
        });
        Set<String> known = regions.findAll(codes).keySet();
        Map<Long, Organization> superiors = store.findAll(superiorIds);

        List<Violation> violations = new ArrayList<>();
        Map<List<Object>, Integer> rowOfKey = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            OrganizationRow r = rows.get(i);
            String at = "[" + i + "].";
            if (RegionCode.isCountry(r.regionCode()) || !known.contains(r.regionCode())) {
                violations.add(new Violation(at + "regionCode", "no region " + r.regionCode()));
            }
            if (r.superiorId() != null) {
                String problem = superiorProblem(r.organization(), superiors.get(r.superiorId()));
                if (problem != null) {
                    violations.add(new Violation(at + "superiorId", problem));
                }
            }
            Integer earlier = rowOfKey.putIfAbsent(OrganizationStore.key(r.regionCode(), r.type(), r.name()), i);
            if (earlier != null) {
                violations.add(new Violation(at + "name", "the " + r.type() + " organisation " + r.name() + " of "
                        + r.regionCode() + " appears twice (also row " + earlier + ")"));
            }
            List<NewLeader> leaders = r.leadersOrNone();
            for (int j = 0; j < leaders.size(); j++) {
                NewLeader l = leaders.get(j);
                if (l.to() != null && l.to().isBefore(l.from())) {
                    violations.add(new Violation(at + "leaders[" + j + "].to", "the tenure ends (" + l.to()
                            + ") before it begins (" + l.from() + ")"));
                }
            }
        }
        VersionedWrite.reject(violations);

        Set<List<Object>> stored = store.keysIn(codes);
        for (int i = 0; i < rows.size(); i++) {
            OrganizationRow r = rows.get(i);
            if (stored.contains(OrganizationStore.key(r.regionCode(), r.type(), r.name()))) {
                throw ProblemException.conflict("[" + i + "]: " + r.regionCode() + " already has the " + r.type()
                        + " organisation " + r.name());
            }
        }
        List<Long> ids = store.insertAll(rows.stream().map(OrganizationRow::organization).toList());
        List<OrganizationStore.LeaderOf> leaders = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long id = ids.get(i);
            rows.get(i).leadersOrNone().forEach(l -> leaders.add(new OrganizationStore.LeaderOf(id, l)));
        }
        store.insertLeaders(leaders);
        audit.record(AuditTrail.Action.IMPORT, "organization", null, access.ownRegion(), null, rows);
        return new OrganizationImport(rows.size(), leaders.size(), ids);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Organization> list(String regionCode, String within, OrganizationType type, int page, int size) {
        // regionCode is one region, within a subtree: both only where the caller may read, and without within the
        // list covers the caller's own subtree, never more
        if (regionCode != null) {
            access.read(regionCode);
        }
        return store.list(regionCode, access.readScope(within), type, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization get(long id) {
        Organization organization = find(id);
        access.read(organization.regionCode());
        return organization;
    }

    public Leader addLeader(long organizationId, NewLeader leader) {
        Organization organization = find(organizationId);
        access.write(organization.regionCode());
        if (leader.to() != null && leader.to().isBefore(leader.from())) {
            throw ProblemException.badRequest("to", "the tenure ends (" + leader.to() + ") before it begins (" + leader.from() + ")");
        }
        Leader created = store.insertLeader(organizationId, leader);
        audit.record(AuditTrail.Action.CREATE, "leader", String.valueOf(created.id()), organization.regionCode(), null,
                created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Leader> leaders(long organizationId, LocalDate asOf, LeaderRole role, int page, int size) {
        access.read(find(organizationId).regionCode());
        return store.leaders(organizationId, asOf, role, page, size);
    }

    /**
     * Corrects the fields the body names (API.md, "Corrections"), authorised like the write it corrects: a writer of its
     * region, and of the new one when it moves. The result obeys the rules of a creation, and the organisations it
     * leads stay below it and of its type (409 otherwise). A correction that changes nothing records nothing.
     */
    public Organization patch(long id, ObjectNode body) {
        Organization before = lock(id);
        access.write(before.regionCode());
        preconditions.check("organisation " + id, before);
        Patch<OrganizationPatch> patch = Patch.read(json, body, OrganizationPatch.class);
        Organization after = new Organization(id,
                patch.value("regionCode", OrganizationPatch::regionCode, before.regionCode()),
                patch.value("type", OrganizationPatch::type, before.type()),
                Patch.name(patch.value("name", OrganizationPatch::name, before.name()), NAME_MAX),
                patch.nullable("superiorId", OrganizationPatch::superiorId, before.superiorId()), before.version());
        if (after.equals(before)) {
            return before;
        }
        boolean moved = !after.regionCode().equals(before.regionCode());
        if (moved) {
            if (RegionCode.levelOf(after.regionCode()).isEmpty()) {
                throw ProblemException.badRequest("regionCode", RegionCode.isCountry(after.regionCode())
                        ? RegionCode.NOT_THE_COUNTRY : new RegionCode.Malformed(after.regionCode()).getMessage());
            }
            access.write(after.regionCode()); // before the lookup: a region outside the caller's subtree is a 403, known or not
            if (regions.find(after.regionCode()).isEmpty()) {
                throw ProblemException.notFound("No region " + after.regionCode());
            }
        }
        NewOrganization rules = new NewOrganization(after.regionCode(), after.type(), after.name(), after.superiorId());
        if (after.superiorId() != null) {
            checkSuperior(rules);
        }
        if (moved || after.type() != before.type()) {
            for (Organization led : store.ledBy(id)) {
                if (superiorProblem(new NewOrganization(led.regionCode(), led.type(), led.name(), id), after) != null) {
                    throw ProblemException.conflict("the organisation " + led.id() + " (" + led.name() + ", " + led.regionCode()
                            + ") has this one as its superior, which must stay a " + led.type() + " organisation above it: "
                            + "correct its superiorId first");
                }
            }
        }
        if (!OrganizationStore.key(after.regionCode(), after.type(), after.name())
                .equals(OrganizationStore.key(before.regionCode(), before.type(), before.name()))
                && store.exists(after.regionCode(), after.type(), after.name())) {
            throw ProblemException.conflict(after.regionCode() + " already has the " + after.type() + " organisation "
                    + after.name());
        }
        store.update(after);
        Organization stored = find(id);
        // a move is recorded in the nearest region containing both, like an import's rows
        audit.record(AuditTrail.Action.UPDATE, "organization", String.valueOf(id),
                VersionedWrite.commonAncestor(List.of(before.regionCode(), stored.regionCode())), before, stored);
        return stored;
    }

    /** An organisation as it was when deleted, with its leaders: the {@code before} of its audit event. */
    public record DeletedOrganization(long id, String regionCode, OrganizationType type, String name, Long superiorId,
            long version, List<Leader> leaders) {
    }

    /** Deletes an organisation and its leaders; one that others name as their superior is kept (409). */
    public void delete(long id) {
        Organization o = lock(id);
        access.write(o.regionCode());
        preconditions.check("organisation " + id, o);
        List<Long> led = store.ledBy(id).stream().map(Organization::id).toList();
        if (!led.isEmpty()) {
            throw ProblemException.conflict("the organisations " + led + " have " + id + " as their superior: correct their "
                    + "superiorId or delete them first");
        }
        List<Leader> leaders = store.lockAllLeaders(id);
        store.delete(id, o.version());
        audit.record(AuditTrail.Action.DELETE, "organization", String.valueOf(id), o.regionCode(),
                new DeletedOrganization(o.id(), o.regionCode(), o.type(), o.name(), o.superiorId(), o.version(), leaders),
                null);
    }

    /**
     * Corrects the fields of a leader the body names: {@code "to"} ends a tenure, {@code "to": null} reopens it. The
     * corrected tenure still ends on or after it begins (400 naming {@code to}, or {@code from} when only that was given).
     */
    public Leader patchLeader(long organizationId, long leaderId, ObjectNode body) {
        Organization organization = find(organizationId);
        access.write(organization.regionCode());
        Leader before = lockLeader(organizationId, leaderId);
        preconditions.check("leader " + leaderId, before);
        Patch<LeaderPatch> patch = Patch.read(json, body, LeaderPatch.class);
        Leader after = new Leader(leaderId, organizationId,
                Patch.name(patch.value("name", LeaderPatch::name, before.name()), LEADER_NAME_MAX),
                patch.value("role", LeaderPatch::role, before.role()),
                patch.value("employment", LeaderPatch::employment, before.employment()),
                patch.value("frontline", LeaderPatch::frontline, before.frontline()),
                patch.value("from", LeaderPatch::from, before.from()),
                patch.nullable("to", LeaderPatch::to, before.to()),
                patch.value("partyCommitteeMember", LeaderPatch::partyCommitteeMember, before.partyCommitteeMember()),
                before.version());
        if (after.to() != null && after.to().isBefore(after.from())) {
            throw ProblemException.badRequest(patch.names("to") || !patch.names("from") ? "to" : "from",
                    "the tenure ends (" + after.to() + ") before it begins (" + after.from() + ")");
        }
        if (after.equals(before)) {
            return before;
        }
        store.updateLeader(after);
        Leader stored = store.findLeader(organizationId, leaderId).orElseThrow();
        audit.record(AuditTrail.Action.UPDATE, "leader", String.valueOf(leaderId), organization.regionCode(), before, stored);
        return stored;
    }

    public void deleteLeader(long organizationId, long leaderId) {
        Organization organization = find(organizationId);
        access.write(organization.regionCode());
        Leader before = lockLeader(organizationId, leaderId);
        preconditions.check("leader " + leaderId, before);
        store.deleteLeader(leaderId, before.version());
        audit.record(AuditTrail.Action.DELETE, "leader", String.valueOf(leaderId), organization.regionCode(), before, null);
    }

    /** The leader read with its lock, for a correction or a deletion (404 when the organisation has no such leader). */
    private Leader lockLeader(long organizationId, long leaderId) {
        return store.lockLeader(organizationId, leaderId).orElseThrow(() -> ProblemException.notFound("No leader "
                + leaderId + " of organisation " + organizationId));
    }

    private Organization find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** The organisation read with its lock, for a correction or a deletion. */
    private Organization lock(long id) {
        return store.lock(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No organisation " + id);
    }
}
