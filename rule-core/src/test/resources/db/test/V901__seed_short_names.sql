-- The seed of rule-core's test type TEST_NAME_LENGTH (NameLength): a requirement and its version 1, as a service's
-- seed migration writes them. 绍兴's townships' names are at most four characters long.
INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, period, rule_type) VALUES
('TEST_SHORT_NAMES', 'Township names are at most four characters long', '乡镇（街道）名称不超过四个字', 'rule-core test',
 '330600', 'STATE', 'TEST_NAME_LENGTH');
INSERT INTO requirement_version (requirement_id, version, effective_from, effective_to, levels, rule_json, weight, dimension)
VALUES ('TEST_SHORT_NAMES', 1, NULL, NULL, 'TOWNSHIP', '{"type":"TEST_NAME_LENGTH","maxChars":4}', 1.00, NULL);
