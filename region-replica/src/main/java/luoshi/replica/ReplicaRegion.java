package luoshi.replica;

import luoshi.api.region.RegionLevel;

/** A region as the read copy holds it. */
public record ReplicaRegion(String code, String name, RegionLevel level, String parentCode) {
}
