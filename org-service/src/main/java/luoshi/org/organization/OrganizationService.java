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
import luoshi.org.region.RegionStore;

/** Organisations and leaders, with the rules of a superior link and of a tenure. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    private final OrganizationStore store;
    private final RegionStore regions;

    public OrganizationService(OrganizationStore store, RegionStore regions) {
        this.store = store;
        this.regions = regions;
    }

    public Organization create(NewOrganization o) {
        if (RegionCode.isCountry(o.regionCode()) || regions.find(o.regionCode()).isEmpty()) {
            throw ProblemException.badRequest("regionCode", "no region " + o.regionCode());
        }
        if (o.superiorId() != null) {
            checkSuperior(o);
        }
        if (store.exists(o.regionCode(), o.type(), o.name())) {
            throw ProblemException.conflict(o.regionCode() + " already has the " + o.type() + " organisation " + o.name());
        }
        return store.insert(o);
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
        return store.list(regionCode, within, type, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization get(long id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("No organisation " + id));
    }

    public Leader addLeader(long organizationId, NewLeader leader) {
        get(organizationId);
        if (leader.to() != null && leader.to().isBefore(leader.from())) {
            throw ProblemException.badRequest("to", "the tenure ends (" + leader.to() + ") before it begins (" + leader.from() + ")");
        }
        return store.insertLeader(organizationId, leader);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Leader> leaders(long organizationId, LocalDate asOf, LeaderRole role, int page, int size) {
        get(organizationId);
        return store.leaders(organizationId, asOf, role, page, size);
    }
}
