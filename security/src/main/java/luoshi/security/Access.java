package luoshi.security;

import jakarta.enterprise.context.ApplicationScoped;
import luoshi.platform.ProblemException;
import luoshi.api.common.Role;
import luoshi.api.region.RegionCode;

/**
 * The authorisation rules of API.md "Security", in one place; every service asks here, from its {@code service/}
 * layer, before it reads or writes. The role an operation needs was checked already, before its body was read
 * ({@link RoleCheck}); what is checked here needs the request's region, sometimes from its body, and the roles are
 * checked again with it. A refusal is a 403 problem that says which role or which region was missing, thrown before
 * anything is written.
 * <ul>
 *   <li>viewer: reads in its subtree; operator: also writes facts there; admin: also the catalog,
 *       parameters, reminder runs, webhooks and the audit trail there; assessor: reads, and records satisfaction
 *       assessments there ({@link #assess}), nothing else.</li>
 *   <li>A region is in the caller's subtree when it is the caller's region or lies below it
 *       ({@link RegionCode#contains}); {@code 000000} contains every region.</li>
 *   <li>The service identity reads everywhere and writes nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class Access {

    private final Caller caller;

    Access(Caller caller) {
        this.caller = caller;
    }

    /** A read of {@code region}'s facts or verdicts. */
    public void read(String region) {
        if (caller.has(Role.SERVICE)) {
            return;
        }
        require(Role.VIEWER, region);
    }

    /** A write of facts about {@code region}: population, organisations, meetings, funding … */
    public void write(String region) {
        require(Role.OPERATOR, region);
    }

    /**
     * A batch of writes: every row's region must be writable. A refusal names the first row outside
     * (by its index in the batch, from 0) and nothing of the batch is stored.
     */
    public void writeRows(java.util.List<String> regions) {
        role(Role.OPERATOR);
        String own = ownRegion();
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i) == null || !RegionCode.contains(own, regions.get(i))) {
                throw ProblemException.forbidden("row " + i + ": region " + regions.get(i) + " lies outside your region "
                        + own + "; nothing of the batch was stored");
            }
        }
    }

    /**
     * A satisfaction assessment about {@code region} (API.md, "Satisfaction assessments"): an assessor's (a third party,
     * 第三方评估) or an admin's in its subtree. An operator holds no such write, and an assessor no other.
     */
    public void assess(String region) {
        require(Role.ASSESSOR, region);
    }

    /** Creating or changing the region {@code region} itself: only below the caller's own region. */
    public void writeRegion(String region) {
        require(Role.OPERATOR, region);
        if (region.equals(caller.region())) {
            throw ProblemException.forbidden("region " + region + " is your own region: an operator may create or change"
                    + " only the regions below it");
        }
    }

    /**
     * A write about {@code region} that only a region strictly above it may make (opening a rectification, API.md
     * "Rectification"): an operator whose region contains {@code region} and is not {@code region} itself.
     */
    public void writeAbove(String region) {
        require(Role.OPERATOR, region);
        if (region.equals(ownRegion())) {
            throw ProblemException.forbidden("region " + region + " is your own region: only an operator of a region above"
                    + " it may do this");
        }
    }

    /** Administration inside {@code region}: requirements, parameters, reminder runs, webhooks, audit. */
    public void administer(String region) {
        require(Role.ADMIN, region);
    }

    /**
     * An approval for {@code region} that only a region strictly above it may give (a waiver): an admin whose region
     * contains {@code region} and is not {@code region} itself (a region never waives itself).
     */
    public void administerAbove(String region) {
        require(Role.ADMIN, region);
        if (region.equals(ownRegion())) {
            throw ProblemException.forbidden("region " + region + " is your own region: only an admin of a region above it"
                    + " may approve this");
        }
    }

    /** A read not about one region (the requirements catalog): any viewer, and the service identity. */
    public void readAnywhere() {
        if (!caller.has(Role.SERVICE)) {
            role(Role.VIEWER);
        }
    }

    /** The region a list covers: the one asked for, which must be readable, else the caller's own. */
    public String readScope(String requested) {
        if (requested == null || requested.isBlank()) {
            if (caller.has(Role.SERVICE)) {
                return RegionCode.COUNTRY;
            }
            role(Role.VIEWER);
            return ownRegion();
        }
        read(requested);
        return requested;
    }

    /** As {@link #readScope}, for what only an admin may see (webhooks, the audit trail). */
    public String administerScope(String requested) {
        if (requested == null || requested.isBlank()) {
            role(Role.ADMIN);
            return ownRegion();
        }
        administer(requested);
        return requested;
    }

    /** An internal endpoint that only another service calls (the change feed, the bulk open items). */
    public void service() {
        if (!caller.has(Role.SERVICE)) {
            throw ProblemException.forbidden("this internal endpoint serves the other Luoshi services only");
        }
    }

    /** Who is calling, for the audit trail. */
    public String subject() {
        return caller.subject();
    }

    private void require(Role role, String region) {
        role(role);
        String own = ownRegion();
        if (region == null || !RegionCode.contains(own, region)) {
            throw ProblemException.forbidden("region " + region + " lies outside your region " + own);
        }
    }

    private void role(Role role) {
        if (!caller.has(role)) {
            throw ProblemException.forbidden("this call requires the role " + role.group());
        }
    }

    /** The caller's region: the root of the subtree it may act in. */
    public String ownRegion() {
        String own = caller.region();
        if (own == null) {
            throw ProblemException.forbidden("the token has no region claim naming a region code (000000 for the country)");
        }
        return own;
    }
}
