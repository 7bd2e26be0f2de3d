-- The audit trail (issue 7): every write of this service, who, when, what and the change. Shipped by
-- the audit module, so each service has the same table in its own schema. Append-only: the
-- triggers refuse any UPDATE or DELETE, whoever tries.
CREATE TABLE audit_event (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME(3)  NOT NULL,                -- UTC
  actor       VARCHAR(255) NOT NULL,                -- the token's sub, or system (the scheduled job)
  action      VARCHAR(16)  NOT NULL,                -- CREATE UPDATE DELETE IMPORT RUN
  entity      VARCHAR(64)  NOT NULL,
  entity_id   VARCHAR(64)  NULL,
  region_code VARCHAR(12)  NOT NULL,
  request_id  VARCHAR(128) NULL,
  change_json LONGTEXT     NOT NULL CHECK (JSON_VALID(change_json)),
  KEY audit_event_region_at (region_code, at),
  KEY audit_event_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
