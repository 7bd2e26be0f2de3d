#!/usr/bin/env bash
# The check of cluster.sh: a 3-node cluster in a temp folder, a write on node 1 read on node 3,
# node 2 killed with kill -9, writes while it is down, node 2 restarted and caught up; then the
# cluster is destroyed. Exit 0 only when every step held. Takes about a minute.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CLUSTER="$HERE/cluster.sh"
TIMEOUT=${LUOSHI_GALERA_TIMEOUT:-300}
FAILS=0
PASSES=0
T_START=$(date +%s)

ok()   { PASSES=$((PASSES + 1)); printf 'ok   - %s\n' "$*"; }
fail() { FAILS=$((FAILS + 1)); printf 'FAIL - %s\n' "$*"; }
# check "description" command...: ok when the command succeeds
check() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }

DIR=$(mktemp -d /tmp/luoshi-galera-check.XXXXXX)
cleanup() {
  local rc=$?
  if [[ -f $DIR/cluster.env ]]; then "$CLUSTER" destroy "$DIR" >/dev/null 2>&1 || "$CLUSTER" destroy "$DIR" || true; fi
  rm -rf -- "$DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== galera check: cluster folder $DIR"
if ! "$CLUSTER" start "$DIR" >/dev/null; then
  fail "cluster.sh start"
  exit 1
fi
ok "cluster.sh start: 3 nodes started"
# shellcheck disable=SC1091
source "$DIR/cluster.env"
read -r -a P <<<"$SQL_PORTS_LIST"
echo "   SQL ports: ${P[*]}; gcomm: $GCOMM_PORTS_LIST; IST: $IST_PORTS_LIST; SST: $SST_PORTS_LIST"

sql() { # sql NODE SQL: over TCP as the applications connect (root, no password)
  mariadb --no-defaults --default-character-set=utf8mb4 --connect-timeout=5 -h127.0.0.1 -P"${P[$(($1 - 1))]}" -uroot -N -B -e "$2"
}
status_of() { sql "$1" "SHOW GLOBAL STATUS LIKE '$2'" | cut -f2; }
synced_of_size() { [[ $(status_of "$1" wsrep_local_state_comment) == Synced && $(status_of "$1" wsrep_cluster_size) == "$2" ]]; }
# until NODE reports cluster size SIZE and Synced, polling up to the timeout
wait_size() {
  local n=$1 size=$2 end=$(($(date +%s) + TIMEOUT))
  until synced_of_size "$n" "$size" 2>/dev/null; do
    (($(date +%s) < end)) || return 1
    sleep 0.5
  done
}

# 1. the cluster
for n in 1 2 3; do
  check "node $n (port ${P[$((n - 1))]}): Synced, wsrep_cluster_size=3" synced_of_size "$n" 3
done
settings=$(sql 3 "SELECT CONCAT_WS(' ', @@binlog_format, @@innodb_autoinc_lock_mode, @@log_bin_trust_function_creators, @@default_storage_engine, @@character_set_server, @@wsrep_on)")
check "node 3 settings: binlog_format=ROW autoinc_lock_mode=2 trust_function_creators=ON InnoDB utf8mb4 wsrep_on=ON (got: $settings)" \
  test "$settings" = "ROW 2 ON InnoDB utf8mb4 ON"
echo "   status:"; "$CLUSTER" status "$DIR" | sed 's/^/   /'

# 2. a write on node 1, read on node 3 (with a trigger, as Luoshi's audit tables have)
sql 1 "CREATE DATABASE galera_check CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
       CREATE TABLE galera_check.item (id BIGINT PRIMARY KEY, note VARCHAR(100) NOT NULL);
       CREATE TABLE galera_check.item_audit (id BIGINT AUTO_INCREMENT PRIMARY KEY, item_id BIGINT NOT NULL, op CHAR(1) NOT NULL);
       CREATE TRIGGER galera_check.item_ai AFTER INSERT ON galera_check.item FOR EACH ROW
         INSERT INTO galera_check.item_audit (item_id, op) VALUES (NEW.id, 'I');
       INSERT INTO galera_check.item VALUES (1, '落实 written on node 1');"
# wsrep_sync_wait=1: the read waits until node 3 has applied everything committed before it
read_on_3=$(sql 3 "SET SESSION wsrep_sync_wait=1; SELECT note FROM galera_check.item WHERE id = 1")
check "row written on node 1 is read on node 3 ('$read_on_3')" test "$read_on_3" = "落实 written on node 1"
audit_on_3=$(sql 3 "SET SESSION wsrep_sync_wait=1; SELECT COUNT(*) FROM galera_check.item_audit WHERE item_id = 1")
check "the trigger's audit row is on node 3" test "$audit_on_3" = 1

# 3. node 2 lost
"$CLUSTER" kill 2 "$DIR" 2>&1 | sed 's/^/   /'
check "node 2 is down after kill -9" test "$("$CLUSTER" status "$DIR" | awk '$1 == "n2" { print $4 }')" = down
t_loss=$(date +%s.%N)
check "nodes 1 and 3 see a cluster of 2 and stay Synced" eval 'wait_size 1 2 && wait_size 3 2'
echo "   cluster size 2 seen $(awk -v a="$t_loss" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s after the kill"
sql 1 "INSERT INTO galera_check.item
       SELECT seq, CONCAT('written on node 1 while node 2 is down #', seq) FROM galera_check.seq_2_to_501"
check "500 rows written on node 1 while node 2 is down" test "$(sql 1 'SELECT COUNT(*) FROM galera_check.item')" = 501

# the JDBC URL, with the driver the services use (when it is in the local Maven repository)
jar=$(ls -1 "$HOME"/.m2/repository/org/mariadb/jdbc/mariadb-java-client/3.*/mariadb-java-client-3.*.jar 2>/dev/null | grep -v -- '-sources' | sort -V | tail -n 1 || true)
if [[ -n $jar ]] && command -v java >/dev/null 2>&1; then
  url=$("$CLUSTER" jdbc-url "$DIR")
  # node 2 (down) first: a sequential URL must go on to the next host
  url_2first="jdbc:mariadb:sequential://127.0.0.1:${P[1]},127.0.0.1:${P[0]},127.0.0.1:${P[2]}/galera_check"
  cat >"$DIR/UrlCheck.java" <<'EOF'
import java.sql.*;
public class UrlCheck {
  public static void main(String[] urls) throws Exception {
    for (String url : urls) {
      try (Connection c = DriverManager.getConnection(url, "root", "");
           ResultSet r = c.createStatement().executeQuery("SELECT @@port")) {
        r.next();
        System.out.println(r.getInt(1));
      }
    }
  }
}
EOF
  if out=$(java -cp "$jar" "$DIR/UrlCheck.java" "$url" "$url_2first" 2>&1); then
    ports=$(echo $out)
    check "Connector/J $(basename "$(dirname "$jar")"): '$url' reaches node 1; with node 2 (down) listed first it fails over to node 1 (ports: $ports)" \
      test "$ports" = "${P[0]} ${P[0]}"
  else
    fail "Connector/J could not connect: $out"
  fi
else
  echo "   (skipped the JDBC URL check: no mariadb-java-client 3.x in ~/.m2 or no java)"
fi

# 4. node 2 back
rejoin=$("$CLUSTER" restart 2 "$DIR" 2> >(sed 's/^/   /' >&2)) || true
echo "   $rejoin"
check "node 2 restarted and rejoined" test -n "$rejoin"
check "node 2 Synced in a cluster of 3" wait_size 2 3
count_on_2=$(sql 2 "SET SESSION wsrep_sync_wait=1; SELECT COUNT(*) FROM galera_check.item" || echo '?')
check "node 2 has the 501 rows, including those written while it was down (has $count_on_2)" test "$count_on_2" = 501
check "node 2 has the last row written while it was down" \
  test "$(sql 2 "SELECT note FROM galera_check.item WHERE id = 501")" = "written on node 1 while node 2 is down #501"
check "node 2's audit rows came too" test "$(sql 2 "SELECT COUNT(*) FROM galera_check.item_audit")" = 501
for n in 1 3; do check "node $n: Synced, wsrep_cluster_size=3" synced_of_size "$n" 3; done
echo "   status:"; "$CLUSTER" status "$DIR" | sed 's/^/   /'

# 5. destroy: nothing left behind
"$CLUSTER" destroy "$DIR" 2>&1 | sed 's/^/   /'
left=$(pgrep -f -- "--defaults-file=$DIR/" || true)
check "no process of the cluster left" test -z "$left"
check "the cluster folder is removed" test ! -e "$DIR"

echo "== galera check: $PASSES passed, $FAILS failed, in $(($(date +%s) - T_START)) s (${rejoin:-no rejoin})"
((FAILS == 0))
