-- The meeting and document requirements of REQUIREMENTS.md, "Seed catalog" (owner: review).
-- Issuers: CENTRAL-2015 → 000000. Rules are data: a jurisdiction may raise "min" for its subtree.
INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, levels, period, rule_type, rule_json, due_date) VALUES
-- CENTRAL-2015 §3: 党委常委会……每年都要专题研究群团工作; SHAOXING-2015 item 2
('ANNUAL_COMMITTEE_STUDY', 'The standing committee studies mass-organisation work every year',
 '党委常委会每年专题研究群团工作', 'CENTRAL-2015 §3; SHAOXING-2015 item 2', '000000', 'PROVINCE,CITY,COUNTY', 'YEAR',
 'MEETING_COUNT', '{"type":"MEETING_COUNT","meetingType":"STANDING_COMMITTEE_STUDY","min":1}', NULL),
-- CENTRAL-2015 §3: 党委常委会应该定期听取各群团组织工作汇报; SHAOXING-2015 item 2
('REGULAR_REPORT_HEARING', 'The standing committee regularly hears the mass organisations'' reports',
 '党委常委会定期听取群团组织工作汇报', 'CENTRAL-2015 §3; SHAOXING-2015 item 2', '000000', 'PROVINCE,CITY,COUNTY', 'YEAR',
 'MEETING_COUNT', '{"type":"MEETING_COUNT","meetingType":"REPORT_HEARING","min":1}', NULL),
-- CENTRAL-2015 §3: 党委在每届任期内应该召开专门的群团工作会议; ZHEJIANG-2020: 省委每五年都要召开一次群团工作会议
('TERM_MASS_ORG_CONFERENCE', 'The committee holds a conference on mass-organisation work in each term',
 '党委每届任期内召开群团工作会议', 'CENTRAL-2015 §3; SHAOXING-2015 item 2; ZHEJIANG-2020', '000000', 'PROVINCE,CITY,COUNTY', 'TERM',
 'MEETING_COUNT', '{"type":"MEETING_COUNT","meetingType":"MASS_ORG_WORK_CONFERENCE","min":1}', NULL),
-- CENTRAL-2015 §3: 建立党委群团工作联席会议制度; SHAOXING-2015 item 17
('JOINT_MEETING', 'A joint meeting on mass-organisation work is held every year',
 '召开群团工作联席会议', 'CENTRAL-2015 §3; SHAOXING-2015 item 17', '000000', 'PROVINCE,CITY,COUNTY', 'YEAR',
 'MEETING_COUNT', '{"type":"MEETING_COUNT","meetingType":"JOINT_MEETING","min":1}', NULL),
-- CENTRAL-2015, closing: 各省、自治区、直辖市党委……要根据本意见要求制定实施方案; ACFTU-2017 §3
('IMPLEMENTATION_PLAN', 'Each province issues an implementation plan',
 '省级党委制定实施方案', 'CENTRAL-2015 closing; ACFTU-2017 §3', '000000', 'PROVINCE', 'ONCE',
 'DOCUMENT_SUBMITTED', '{"type":"DOCUMENT_SUBMITTED","documentType":"IMPLEMENTATION_PLAN"}', '2015-12-31');
