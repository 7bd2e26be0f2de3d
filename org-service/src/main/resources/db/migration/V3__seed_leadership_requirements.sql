-- The leadership requirements of REQUIREMENTS.md, "Seed catalog", owned by org-service.
-- SHAOXING-2015 item 27: 乡镇（街道）工会、共青团、妇联组织主要负责人原则上应设专职
INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, levels, period, rule_type, rule_json) VALUES
('TOWNSHIP_FULL_TIME_HEADS',
 'The main leader of each township union, youth league and women''s federation is full-time',
 '乡镇（街道）工会、共青团、妇联组织主要负责人原则上应设专职',
 'SHAOXING-2015 item 27', '330600', 'TOWNSHIP', 'STATE', 'LEADER_EMPLOYMENT',
 '{"type":"LEADER_EMPLOYMENT","organizationTypes":["UNION","YOUTH_LEAGUE","WOMENS_FEDERATION"],"role":"HEAD","employment":"FULL_TIME"}');

-- CENTRAL-2015 §11; SHAOXING-2015 items 11, 25: 基层一线人员比例 / 负责人中基层一线代表人士的兼职比例.
-- The seeds set no number: no minShare, NOT_APPLICABLE until a jurisdiction sets one.
INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, levels, period, rule_type, rule_json) VALUES
('FRONTLINE_SHARE',
 'A share of the leaders of the union, youth league and women''s federation come from the front line',
 '提高群团组织基层一线人员比例; 工会、共青团、妇联负责人中基层一线代表人士的兼职比例应该适当增加',
 'CENTRAL-2015 §11; SHAOXING-2015 items 11, 25', '000000', 'CITY,COUNTY', 'STATE', 'LEADER_SHARE',
 '{"type":"LEADER_SHARE","flag":"frontline","organizationTypes":["UNION","YOUTH_LEAGUE","WOMENS_FEDERATION"]}');
