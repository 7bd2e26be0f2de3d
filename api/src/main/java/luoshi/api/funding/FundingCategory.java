package luoshi.api.funding;

/** What a funding record pays for (API.md, Funding). */
public enum FundingCategory {
    /** 共青团工作经费 (SHAOXING-2015 item 21). */
    YOUTH_LEAGUE_WORK,
    /** 妇女工作经费 (SHAOXING-2015 item 21). */
    WOMENS_WORK,
    /** 科协学术交流和服务科技人员专项工作经费 (SHAOXING-2015 item 21). */
    SCIENCE_ASSOCIATION_SPECIAL,
    /** 工会工作经费. */
    UNION_WORK,
    OTHER
}
