package luoshi.api.region;

/** The five levels of REQUIREMENTS.md, "Region levels", top down. */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
}
