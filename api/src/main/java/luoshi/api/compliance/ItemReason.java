package luoshi.api.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why an item is {@code NOT_APPLICABLE} or {@code NO_DATA} (API.md, "Follow-up list and readable answers"), decided in
 * the same SQL as its status (rule-core's {@code Verdicts}).
 */
@Schema(name = "ItemReason", description = """
        为何不适用或缺数据 (why an item is NOT_APPLICABLE or NO_DATA):
        * `LEVEL`: 层级不适用: the region is not of the requirement's levels (also: no version of the requirement is in \
        force on the due date, so it applies to no level then)
        * `OUTSIDE_ISSUER`: 不在发文单位辖区: the region lies outside the issuer's subtree
        * `NO_THRESHOLD`: 未设标准: no value of the requirement's threshold (minAmount, min, minShare …) is in force for \
        the region
        * `WAIVED`: 已豁免: a waiver is in force (see `waiver`)
        * `NO_TERM`: 无届期: a TERM requirement and no committee term of the region overlaps the year
        * `NO_FACTS`: 缺基础数据: a fact the rule needs is missing (see `missing`)""")
public enum ItemReason {
    LEVEL, OUTSIDE_ISSUER, NO_THRESHOLD, WAIVED, NO_TERM, NO_FACTS
}
