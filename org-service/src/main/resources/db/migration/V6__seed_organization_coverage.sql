-- REQUIREMENTS.md, "Refinements and additions (second wave)": ORGANIZATION_COVERAGE, owned by org-service.
-- SHAOXING-2015 item 10: 扩大群团组织覆盖面……着力推进群团活动向社区、村（居）延伸; CENTRAL-2015 §9.
-- The seeds set no number: no minShare, NOT_APPLICABLE until a jurisdiction sets one.
INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, levels, period, rule_type, rule_json) VALUES
('ORGANIZATION_COVERAGE',
 'The union, the youth league and the women''s federation reach a share of each township''s villages',
 '扩大群团组织覆盖面：乡镇（街道）所辖村（社区）建有工会、共青团、妇联组织的比例',
 'SHAOXING-2015 item 10; CENTRAL-2015 §9', '330600', 'TOWNSHIP', 'STATE', 'ORGANIZATION_COVERAGE',
 '{"type":"ORGANIZATION_COVERAGE","organizationTypes":["UNION","YOUTH_LEAGUE","WOMENS_FEDERATION"]}');
