-- funding-service's part of the seed catalog (REQUIREMENTS.md, "Seed catalog"); rule-core's tables.
INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, levels, period, rule_type, rule_json) VALUES
-- SHAOXING-2015 item 21: 确保各乡镇（街道）每年不少于2万元共青团工作经费
('TOWNSHIP_YOUTH_LEAGUE_FUNDING', 'At least 20,000 CNY a year of youth league work funding per township',
 '确保各乡镇（街道）每年不少于2万元共青团工作经费', 'SHAOXING-2015 item 21', '330600', 'TOWNSHIP', 'YEAR',
 'FUNDING_MIN_AMOUNT', '{"type":"FUNDING_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"}'),
-- SHAOXING-2015 item 21: 市、县、乡镇（街道）严格落实按人均一元钱标准增拨妇女工作经费
('WOMENS_WORK_PER_CAPITA_FUNDING', 'Women''s work funding of 1 CNY per inhabitant a year',
 '市、县、乡镇（街道）严格落实按人均一元钱标准增拨妇女工作经费', 'SHAOXING-2015 item 21', '330600', 'CITY,COUNTY,TOWNSHIP', 'YEAR',
 'FUNDING_PER_CAPITA', '{"type":"FUNDING_PER_CAPITA","category":"WOMENS_WORK","perCapita":"1.00"}'),
-- SHAOXING-2015 item 21: 增设科协学术交流和服务科技人员专项工作经费
('SCIENCE_ASSOCIATION_SPECIAL_FUND', 'A special fund for the science association''s academic exchange and services',
 '增设科协学术交流和服务科技人员专项工作经费', 'SHAOXING-2015 item 21', '330600', 'CITY,COUNTY', 'YEAR',
 'FUNDING_MIN_AMOUNT', '{"type":"FUNDING_MIN_AMOUNT","category":"SCIENCE_ASSOCIATION_SPECIAL","minAmount":"0.01"}'),
-- CENTRAL-2015 §10: 依法足额收缴工会经费; SHAOXING-2015 item 21: 全面落实工会经费税务代收
('UNION_FEES_FULL_COLLECTION', 'Union fees collected in full',
 '依法足额收缴工会经费', 'CENTRAL-2015 §10; SHAOXING-2015 item 21', '000000', 'CITY,COUNTY', 'YEAR',
 'COLLECTION_RATE', '{"type":"COLLECTION_RATE","minRate":"1.00"}');
