-- The regions rule-core's tests name (a service has org-service's table or region-replica's copy).
CREATE TABLE region (
  code        VARCHAR(12)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  level       VARCHAR(10)  NOT NULL,
  parent_code VARCHAR(12)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO region (code, name, level, parent_code) VALUES
('320000', '江苏省', 'PROVINCE', NULL),
('330000', '浙江省', 'PROVINCE', NULL),
('330600', '绍兴市', 'CITY', '330000'),
('330602', '越城区', 'COUNTY', '330600'),
('330603', '柯桥区', 'COUNTY', '330600'),
('330602001', '塔山街道', 'TOWNSHIP', '330602'),
('330602002', '府山街道', 'TOWNSHIP', '330602'),
('330603001', '柯桥街道', 'TOWNSHIP', '330603');
