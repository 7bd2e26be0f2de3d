package luoshi.api.org;

/** The mass organisations of API.md, "Organisations and leaders" (群团组织). */
public enum OrganizationType {
    /** 工会 */
    UNION,
    /** 共青团 */
    YOUTH_LEAGUE,
    /** 妇联 */
    WOMENS_FEDERATION,
    /** 科协 */
    SCIENCE_ASSOCIATION,
    /** 社科联 */
    SOCIAL_SCIENCE_FEDERATION,
    /** 文联 */
    LITERATURE_ART_FEDERATION,
    /** 侨联 */
    RETURNED_OVERSEAS_FEDERATION,
    /** 残联 */
    DISABLED_PERSONS_FEDERATION,
    /** 红十字会 */
    RED_CROSS,
    /** 关工委 */
    CARE_FOR_NEXT_GENERATION,
    /** 工商联 */
    FEDERATION_OF_INDUSTRY_AND_COMMERCE
}
