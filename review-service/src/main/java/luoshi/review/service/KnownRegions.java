package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import luoshi.api.region.RegionCode;
import luoshi.replica.RegionReplica;
import luoshi.security.Access;

/**
 * A write naming a region (API.md, "Known regions only"): authorised first, so that a region outside the caller's
 * subtree is a 403 whether it exists or not (its existence is not told), then known in the copy of the regions, else
 * a 404 naming the code; nothing is stored in either case.
 */
@ApplicationScoped
public class KnownRegions {

    private final Access access;
    private final RegionReplica replica;

    KnownRegions(Access access, RegionReplica replica) {
        this.access = access;
        this.replica = replica;
    }

    /** A fact written about {@code region}: an operator's there, and the region exists. */
    public void write(String region) {
        access.write(region);
        replica.requireKnown(region);
    }

    /** A write about {@code region} that only a region above it makes (opening a rectification), and the region exists. */
    public void writeAbove(String region) {
        access.writeAbove(region);
        replica.requireKnown(region);
    }

    /**
     * A correction of a fact of region {@code from} that leaves it in region {@code to}: authorised like the write it
     * corrects in both (moving a fact out of the caller's subtree is a 403), and {@code to} exists.
     */
    public void correct(String from, String to) {
        access.write(from);
        write(to);
    }

    /** A webhook's region: an admin's there, and the region exists; the country (000000) always does. */
    public void administer(String region) {
        access.administer(region);
        if (!RegionCode.isCountry(region)) {
            replica.requireKnown(region);
        }
    }

    /** A read of {@code region} that may keep what it read (a trend's snapshot): a reader's there, and the region exists. */
    public void read(String region) {
        access.read(region);
        if (!RegionCode.isCountry(region)) {
            replica.requireKnown(region);
        }
    }

    /**
     * A run of a job for {@code requested}'s subtree (an admin's; the caller's own region when none is named), and the
     * region exists: answers the subtree.
     */
    public String administerScope(String requested) {
        String scope = access.administerScope(requested);
        if (!RegionCode.isCountry(scope)) {
            replica.requireKnown(scope);
        }
        return scope;
    }
}
