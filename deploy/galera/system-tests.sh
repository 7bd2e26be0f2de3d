#!/usr/bin/env bash
# The system tests on a 3-node Galera cluster (issue #18): starts a new cluster in its own folder (free ports
# when 3311-3313 are taken), runs system-tests with LUOSHI_TEST_DB_URL naming the three nodes
# (jdbc:mariadb:sequential://…), and destroys the cluster whatever happened. GaleraRemindersTest runs only here
# (on one server it is skipped): two review-service replicas on nodes 1 and 2, exactly-once reminders and webhooks.
#
#   ./mvnw verify                          # or install -DskipTests: the four services' jars must be built
#   deploy/galera/system-tests.sh [maven arguments, e.g. -Dtest=GaleraRemindersTest -o]
#
# The exit status is Maven's. MAVEN_ARGS is passed to ./mvnw as usual (.ci/run sets "-B -ntp").
set -euo pipefail
cd "$(dirname "$0")/../.."
# system-tests reads the shared libraries (embedded-mariadb, security, testing) from the local Maven repository:
# install this tree's first, so that a clean clone never tests against an older build's
./mvnw -q -DskipTests install -pl system-tests -am "$@"
DIR=$(mktemp -d /tmp/luoshi-galera-st.XXXXXX)
trap 'deploy/galera/cluster.sh destroy "$DIR" || true' EXIT
deploy/galera/cluster.sh start "$DIR" >/dev/null
LUOSHI_TEST_DB_URL=$(deploy/galera/cluster.sh jdbc-url "$DIR")
export LUOSHI_TEST_DB_URL LUOSHI_TEST_DB_USER=root LUOSHI_TEST_DB_PASSWORD=
echo "== system-tests on the Galera cluster: LUOSHI_TEST_DB_URL=$LUOSHI_TEST_DB_URL" >&2
./mvnw -pl system-tests verify "$@"
