#!/bin/bash
# Run once by the official MariaDB image on an empty data directory (executed by its entrypoint):
# one schema and two users per service, each with rights on its own schema only (issue #24): the
# service's own user (SELECT, INSERT, UPDATE, DELETE: it cannot drop the audit triggers) and its
# migration user (every right on the schema: Flyway creates the tables and triggers when the service
# first starts). The passwords come from compose.yaml.
set -euo pipefail

create_schema() { # schema password migration-password
  local schema=$1 password=${2//\'/\'\'} migration=${3//\'/\'\'}
  mariadb --protocol=socket -uroot -p"${MARIADB_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${schema}'@'%' IDENTIFIED BY '${password}';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`${schema}\`.* TO '${schema}'@'%';
CREATE USER IF NOT EXISTS '${schema}_migration'@'%' IDENTIFIED BY '${migration}';
GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${schema}_migration'@'%';
SQL
}

create_schema luoshi_org "${LUOSHI_ORG_DB_PASSWORD:?LUOSHI_ORG_DB_PASSWORD is not set}" \
  "${LUOSHI_ORG_DB_MIGRATION_PASSWORD:?LUOSHI_ORG_DB_MIGRATION_PASSWORD is not set}"
create_schema luoshi_funding "${LUOSHI_FUNDING_DB_PASSWORD:?LUOSHI_FUNDING_DB_PASSWORD is not set}" \
  "${LUOSHI_FUNDING_DB_MIGRATION_PASSWORD:?LUOSHI_FUNDING_DB_MIGRATION_PASSWORD is not set}"
create_schema luoshi_review "${LUOSHI_REVIEW_DB_PASSWORD:?LUOSHI_REVIEW_DB_PASSWORD is not set}" \
  "${LUOSHI_REVIEW_DB_MIGRATION_PASSWORD:?LUOSHI_REVIEW_DB_MIGRATION_PASSWORD is not set}"
