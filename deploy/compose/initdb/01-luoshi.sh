#!/bin/bash
# Run once by the official MariaDB image on an empty data directory (executed by its entrypoint):
# one schema and one user per service, each user with rights on its own schema only. Flyway
# creates the tables when the service first starts. The passwords come from compose.yaml.
set -euo pipefail

create_schema() { # schema password
  local schema=$1 password=${2//\'/\'\'}
  mariadb --protocol=socket -uroot -p"${MARIADB_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${schema}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${schema}'@'%';
SQL
}

create_schema luoshi_org "${LUOSHI_ORG_DB_PASSWORD:?LUOSHI_ORG_DB_PASSWORD is not set}"
create_schema luoshi_funding "${LUOSHI_FUNDING_DB_PASSWORD:?LUOSHI_FUNDING_DB_PASSWORD is not set}"
create_schema luoshi_review "${LUOSHI_REVIEW_DB_PASSWORD:?LUOSHI_REVIEW_DB_PASSWORD is not set}"
