#!/usr/bin/env bash
# The fault test of issue #18: Luoshi on a new 3-node Galera cluster, write load through the gateway, kill -9 of
# node 1 (the node the services write to: sequential URL), restart, and a report of acknowledged writes lost,
# records stored twice, the error window and the resync time (system-tests' GaleraFaultTest, which runs only here).
# The cluster is destroyed afterwards, whatever happened.
#
#   ./mvnw install -DskipTests          # the four services' jars
#   deploy/galera/fault-test.sh [maven arguments, e.g. -o]
#
# Prints the three "[galera-fault]" lines; exits non-zero when an acknowledged write was lost or stored twice.
set -euo pipefail
cd "$(dirname "$0")/../.."
# system-tests reads the shared libraries (embedded-mariadb, security, testing) from the local Maven repository:
# install this tree's first, so that a clean clone never tests against an older build's
./mvnw -q -DskipTests install -pl system-tests -am "$@"
DIR=$(mktemp -d /tmp/luoshi-galera-ft.XXXXXX)
trap 'deploy/galera/cluster.sh destroy "$DIR" || true' EXIT
deploy/galera/cluster.sh start "$DIR" >/dev/null
LUOSHI_TEST_DB_URL=$(deploy/galera/cluster.sh jdbc-url "$DIR")
export LUOSHI_TEST_DB_URL LUOSHI_TEST_DB_USER=root LUOSHI_TEST_DB_PASSWORD= LUOSHI_GALERA_DIR=$DIR
LOG=system-tests/target/galera-fault-test.log
mkdir -p system-tests/target
set +e
./mvnw -pl system-tests verify -Dtest=GaleraFaultTest -Dluoshi.galera.fault=true -Dsurefire.failIfNoSpecifiedTests=false "$@" >"$LOG" 2>&1
rc=$?
set -e
grep -E '^\[galera-fault\]|Tests run:|FAIL|expected' "$LOG" || tail -n 40 "$LOG"
echo "(whole log: $LOG)"
exit $rc
