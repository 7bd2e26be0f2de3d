-- REQUIREMENTS.md, "Additions (third wave)": MASS_SATISFACTION and SUBORDINATE_SATISFACTION (owner: review), rule type
-- SATISFACTION_RATE, dimension SATISFACTION, weight 1 (a jurisdiction raises it with a new version, as the seed asks).
-- SHAOXING-2015: 建立符合群团工作特点的综合考评机制，以群众满意为标准引入第三方评估，增加下级群团组织和所联系服务群众满意度
-- 所占权重; ZHEJIANG-2020 §8: 群团工作好不好，自己说了不算. The seeds set no number: no minShare, NOT_APPLICABLE until a
-- jurisdiction sets one.
INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, period, rule_type, due_date) VALUES
('MASS_SATISFACTION', 'The masses served are satisfied, as third parties assess it',
 '所联系服务群众满意度（第三方评估）', 'SHAOXING-2015 综合考评机制; ZHEJIANG-2020 §8', '330600', 'YEAR', 'SATISFACTION_RATE', NULL),
('SUBORDINATE_SATISFACTION', 'The lower-level mass organisations are satisfied, as third parties assess it',
 '下级群团组织满意度（第三方评估）', 'SHAOXING-2015 综合考评机制; ZHEJIANG-2020 §8', '330600', 'YEAR', 'SATISFACTION_RATE', NULL);

INSERT INTO requirement_version (requirement_id, version, effective_from, effective_to, levels, rule_json, weight, dimension) VALUES
('MASS_SATISFACTION', 1, NULL, NULL, 'CITY,COUNTY,TOWNSHIP', '{"type":"SATISFACTION_RATE","subject":"MASSES"}', 1.00,
 'SATISFACTION'),
('SUBORDINATE_SATISFACTION', 1, NULL, NULL, 'CITY,COUNTY,TOWNSHIP', '{"type":"SATISFACTION_RATE","subject":"SUBORDINATE_ORGS"}',
 1.00, 'SATISFACTION');
