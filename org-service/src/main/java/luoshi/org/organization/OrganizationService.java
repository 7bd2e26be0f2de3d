package luoshi.org.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.common.ProblemException;
import luoshi.api.org.Leader;
import luoshi.api.org.LeaderRole;
import luoshi.api.org.NewLeader;
import luoshi.api.org.NewOrganization;
import luoshi.api.org.Organization;
import luoshi.api.org.OrganizationType;
import luoshi.api.region.RegionCode;
import luoshi.audit.AuditTrail;
import luoshi.org.region.RegionStore;
import luoshi.security.Access;

/**
 * Organisations and leaders, with the rules of a superior link and of a tenure. Access follows the
 * organisation's region (API.md, Security): an operator of it or above writes, a viewer reads; a leader's
 * region is its organisation's, looked up first. Every write is audited in its transaction.
 */
@ApplicationScoped
@Transactional
public class OrganizationService {

    private final OrganizationStore store;
    private final RegionStore regions;
    private final Access access;
    private final AuditTrail audit;

    public OrganizationService(OrganizationStore store, RegionStore regions, Access access, AuditTrail audit) {
        this.store = store;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
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
        Organization superior = store.find(o.superiorId())
                .orElseThrow(() -> ProblemException.badRequest("superiorId", "no organisation " + o.superiorId()));
        if (superior.type() != o.type()) {
            throw ProblemException.badRequest("superiorId", "the superior is a " + superior.type() + " organisation, not a "
                    + o.type());
        }
        if (!RegionCode.ancestors(o.regionCode()).contains(superior.regionCode())) {
            throw ProblemException.badRequest("superiorId", "the superior's region " + superior.regionCode()
                    + " is not above " + o.regionCode());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Organization> list(String regionCode, String within, OrganizationType type, int page, int size) {
        if (within != null && !RegionCode.isCountry(within) && RegionCode.levelOf(within).isEmpty()) {
            throw ProblemException.badRequest("within", "'" + within + "' is not a region code");
        }
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

    private Organization find(long id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("No organisation " + id));
    }
}
