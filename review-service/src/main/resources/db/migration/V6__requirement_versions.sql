-- The seed catalog becomes version 1 of each requirement (rule-core's V0_6: requirement_version), for every period,
-- weight 1, with the dimensions of REQUIREMENTS.md (second wave; ZHEJIANG-2020 §8: 共性/个性/进度指标). Requirements an
-- administrator added before this migration become version 1 too, without a dimension.
INSERT INTO requirement_version (requirement_id, version, effective_from, effective_to, levels, rule_json, weight, dimension)
SELECT r.id, 1, NULL, NULL, r.levels, r.rule_json, 1.00,
       CASE
         WHEN r.id IN ('ANNUAL_COMMITTEE_STUDY', 'REGULAR_REPORT_HEARING', 'TERM_MASS_ORG_CONFERENCE', 'JOINT_MEETING',
                       'FRONTLINE_SHARE', 'ORGANIZATION_COVERAGE') THEN 'COMMON'
         WHEN r.id IN ('TOWNSHIP_YOUTH_LEAGUE_FUNDING', 'WOMENS_WORK_PER_CAPITA_FUNDING', 'SCIENCE_ASSOCIATION_SPECIAL_FUND',
                       'UNION_FEES_FULL_COLLECTION', 'TOWNSHIP_FULL_TIME_HEADS') THEN 'SPECIFIC'
         WHEN r.id = 'IMPLEMENTATION_PLAN' THEN 'PROGRESS'
       END
FROM requirement r
WHERE NOT EXISTS (SELECT 1 FROM requirement_version v WHERE v.requirement_id = r.id);

ALTER TABLE requirement DROP COLUMN levels, DROP COLUMN rule_json;
