#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on 127.0.0.1, for local use and the fault test (issue #18).
# Debian's mariadb-server 10.11 + galera-4 + mariadb-backup (state transfer). See README.md here.
#
#   cluster.sh start   [DIR]        create (or start again) a cluster in DIR; prints DIR
#   cluster.sh stop    [DIR]        shut the nodes down cleanly, keep the data
#   cluster.sh destroy [DIR]        stop and remove DIR
#   cluster.sh status  [DIR]        per node: port, pid, wsrep state, cluster size
#   cluster.sh kill    NODE [DIR]   kill -9 one node (1, 2 or 3)
#   cluster.sh restart NODE [DIR]   start that node again, wait until Synced, print the seconds
#   cluster.sh jdbc-url [--mode=sequential|loadbalance] [--schema=NAME] [DIR]
#
# DIR defaults to $LUOSHI_GALERA_DIR; for `start` without either, a new /tmp/luoshi-galera.XXXXXX;
# for the other commands without either, the only /tmp/luoshi-galera.* folder holding a cluster.
# Environment: LUOSHI_GALERA_PORTS (SQL, default 3311,3312,3313), LUOSHI_GALERA_GCOMM_PORTS
# (4571,4572,4573), LUOSHI_GALERA_IST_PORTS (4581,4582,4583), LUOSHI_GALERA_SST_PORTS
# (4591,4592,4593): a taken port is replaced by a free one. LUOSHI_GALERA_TIMEOUT (seconds to
# wait for a node or the cluster, default 300).
set -euo pipefail

SCRIPT_PATH=$(readlink -f "${BASH_SOURCE[0]}")
NODES=(1 2 3)
TIMEOUT=${LUOSHI_GALERA_TIMEOUT:-300}
POLL=0.5
GALERA_LIB=/usr/lib/galera/libgalera_smm.so
RUN_USER=$(id -un)

log()  { printf '[galera] %s\n' "$*" >&2; }
die()  { printf '[galera] ERROR: %s\n' "$*" >&2; exit 1; }
now()  { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
past_deadline() { awk -v d="$1" -v n="$(now)" 'BEGIN { exit !(n >= d) }'; }
deadline_in() { awk -v n="$(now)" -v t="$1" 'BEGIN { printf "%.3f", n + t }'; }

usage() {
  sed -n '2,18p' "$SCRIPT_PATH" | sed 's/^# \{0,1\}//'
  exit "${1:-2}"
}

# ---------------------------------------------------------------- packages

ensure_packages() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]] || missing+=(mariadb-server)
  [[ -f $GALERA_LIB ]] || missing+=(galera-4)
  command -v mariadb-backup >/dev/null 2>&1 || missing+=(mariadb-backup)
  command -v socat >/dev/null 2>&1 || missing+=(socat)      # the mariabackup SST's transport
  command -v ss >/dev/null 2>&1 || missing+=(iproute2)
  ((${#missing[@]} == 0)) && return 0
  log "installing missing packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get install -y "${missing[@]}" >&2; then
    "${sudo[@]}" apt-get update >&2
    "${sudo[@]}" apt-get install -y "${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed"
  fi
}

MARIADBD=/usr/sbin/mariadbd
command -v mariadbd >/dev/null 2>&1 && MARIADBD=$(command -v mariadbd)

# ---------------------------------------------------------------- the folder

# `start` prints only DIR on its standard output (DIR=$(cluster.sh start)); the rest goes to stderr.

# Sets DIR for commands on an existing cluster.
resolve_existing_dir() {
  local given=${1:-}
  if [[ -n $given ]]; then
    DIR=$given
  elif [[ -n ${LUOSHI_GALERA_DIR:-} ]]; then
    DIR=$LUOSHI_GALERA_DIR
  else
    local found=() d
    for d in /tmp/luoshi-galera.*; do [[ -f $d/cluster.env ]] && found+=("$d"); done
    ((${#found[@]} == 1)) || {
      ((${#found[@]} == 0)) && die "no cluster folder given and none found under /tmp (pass DIR or set LUOSHI_GALERA_DIR)"
      die "several clusters under /tmp, name one: ${found[*]}"
    }
    DIR=${found[0]}
  fi
  [[ -f $DIR/cluster.env ]] || die "$DIR holds no cluster (no cluster.env)"
  DIR=$(readlink -f "$DIR")
  load_env
}

load_env() {
  # shellcheck disable=SC1091
  source "$DIR/cluster.env"
  SQL_PORTS=($SQL_PORTS_LIST) GCOMM_PORTS=($GCOMM_PORTS_LIST)
  IST_PORTS=($IST_PORTS_LIST) SST_PORTS=($SST_PORTS_LIST)
}

ndir()   { echo "$DIR/n$1"; }
cnf()    { echo "$DIR/n$1/my.cnf"; }
sock()   { echo "$DIR/n$1/mariadbd.sock"; }
pidf()   { echo "$DIR/n$1/mariadbd.pid"; }
errlog() { echo "$DIR/n$1/error.log"; }

check_node_arg() { [[ ${1:-} =~ ^[123]$ ]] || die "NODE must be 1, 2 or 3 (got '${1:-}')"; }

# ---------------------------------------------------------------- ports

port_free() {
  local p=$1
  if ss -Htln "( sport = :$p )" 2>/dev/null | grep -q .; then return 1; fi
  return 0
}

CHOSEN=" "
# pick_ports NAME "default,list" -> echoes 3 ports, free now and not chosen before in this run
pick_ports() {
  local name=$1 defaults=$2 out=() p
  IFS=', ' read -r -a want <<<"$defaults"
  ((${#want[@]} == 3)) || die "$name needs three ports (got '$defaults')"
  for i in 0 1 2; do
    p=${want[$i]}
    [[ $p =~ ^[0-9]+$ ]] && ((p > 0 && p < 65536)) || die "$name: '$p' is not a port"
    if ! port_free "$p" || [[ $CHOSEN == *" $p "* ]]; then
      local alt=$((20000 + RANDOM % 10000))
      while ! port_free "$alt" || [[ $CHOSEN == *" $alt "* ]]; do alt=$((20000 + RANDOM % 10000)); done
      log "$name port $p (node $((i + 1))) is taken; using $alt"
      p=$alt
    fi
    CHOSEN+="$p "
    out+=("$p")
  done
  echo "${out[*]}"
}

# ---------------------------------------------------------------- per-node config

write_cnf() {
  local n=$1 i=$(($1 - 1))
  local gcomm="gcomm://127.0.0.1:${GCOMM_PORTS[0]},127.0.0.1:${GCOMM_PORTS[1]},127.0.0.1:${GCOMM_PORTS[2]}"
  cat >"$(cnf "$n")" <<EOF
# Written by deploy/galera/cluster.sh: node $n of the cluster in $DIR
[client]
socket=$(sock "$n")
port=${SQL_PORTS[$i]}
user=root

[mariadbd]
user=$RUN_USER
basedir=/usr
datadir=$(ndir "$n")/data
tmpdir=$(ndir "$n")/tmp
socket=$(sock "$n")
pid-file=$(pidf "$n")
log-error=$(errlog "$n")
port=${SQL_PORTS[$i]}
bind-address=127.0.0.1

# what Galera needs, and what Luoshi's schemas expect
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
log_bin_trust_function_creators=1
character_set_server=utf8mb4
collation_server=utf8mb4_unicode_ci
# kept small: three servers share one machine
innodb_buffer_pool_size=128M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=2
performance_schema=OFF
max_connections=400
max_allowed_packet=64M

wsrep_on=ON
wsrep_provider=$GALERA_LIB
wsrep_cluster_name=luoshi-local
wsrep_cluster_address=$gcomm
wsrep_node_name=n$n
wsrep_node_address=127.0.0.1
wsrep_node_incoming_address=127.0.0.1:${SQL_PORTS[$i]}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${GCOMM_PORTS[$i]};ist.recv_addr=127.0.0.1:${IST_PORTS[$i]};gcache.size=64M"
wsrep_sst_method=mariabackup
wsrep_sst_auth=root:
wsrep_sst_receive_address=127.0.0.1:${SST_PORTS[$i]}
wsrep_slave_threads=2

[sst]
# the state transfer's logs stay with the node (the default archive is /tmp/sst_log_archive)
sst-log-archive-dir=$(ndir "$n")/sst-log-archive
EOF
}

# ---------------------------------------------------------------- processes and queries

# The pid of node n's mariadbd when it runs (checked against its defaults file), else nothing.
node_pid() {
  local n=$1 p f
  for f in "$(ndir "$n")/launch.pid" "$(pidf "$n")"; do
    [[ -s $f ]] || continue
    p=$(<"$f")
    [[ $p =~ ^[0-9]+$ ]] || continue
    if [[ -r /proc/$p/cmdline ]] && tr '\0' ' ' </proc/"$p"/cmdline | grep -qF -- "--defaults-file=$(cnf "$n")"; then
      echo "$p"
      return 0
    fi
  done
  return 0
}

q() { # q NODE SQL -> tab-separated rows, via the node's socket
  mariadb --no-defaults --connect-timeout=2 -S "$(sock "$1")" -uroot -N -B -e "$2" 2>/dev/null
}

# Sets STATE SIZE CSTATUS READY for node n (empty when it does not answer).
wsrep_status() {
  STATE='' SIZE='' CSTATUS='' READY=''
  local out
  out=$(q "$1" "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size','wsrep_cluster_status','wsrep_ready')") || return 0
  while IFS=$'\t' read -r k v; do
    case $k in
      wsrep_local_state_comment) STATE=$v ;;
      wsrep_cluster_size) SIZE=$v ;;
      wsrep_cluster_status) CSTATUS=$v ;;
      wsrep_ready) READY=$v ;;
    esac
  done <<<"$out"
}

node_synced() { # node_synced NODE [SIZE]
  wsrep_status "$1"
  [[ $STATE == Synced && $CSTATUS == Primary && $READY == ON ]] || return 1
  [[ -z ${2:-} || $SIZE == "$2" ]]
}

show_log_tail() { log "last lines of $(errlog "$1"):"; tail -n 25 "$(errlog "$1")" >&2 2>/dev/null || true; }

# Waits until node n is Synced in a Primary component (of size SIZE when given).
wait_synced() {
  local n=$1 size=${2:-} start deadline
  start=$(now); deadline=$(deadline_in "$TIMEOUT")
  while :; do
    if [[ -z $(node_pid "$n") ]]; then show_log_tail "$n"; die "node $n (mariadbd) exited while starting"; fi
    node_synced "$n" "$size" && return 0
    if past_deadline "$deadline"; then
      show_log_tail "$n"
      die "node $n not Synced after ${TIMEOUT}s (state '${STATE:-no answer}', cluster size '${SIZE:-?}')"
    fi
    sleep "$POLL"
  done
}

# Runs InnoDB recovery to learn the node's last committed position (uuid:seqno), for an IST.
recover_position() {
  local n=$1 rlog pos
  [[ -d $(ndir "$n")/data/mysql ]] || return 0      # never joined: it needs a full SST
  rlog=$(ndir "$n")/recover.log
  : >"$rlog"
  "$MARIADBD" --defaults-file="$(cnf "$n")" --wsrep-recover --log-error="$rlog" >/dev/null 2>&1 || true
  pos=$(sed -n 's/.*WSREP: Recovered position: *\([0-9a-f-]*:-\{0,1\}[0-9]*\).*/\1/p' "$rlog" | tail -n 1)
  rm -f "$rlog"
  [[ -n $pos && $pos != *:-1 ]] && echo "$pos"
  return 0
}

grastate_field() { sed -n "s/^$2: *//p" "$(ndir "$1")/data/grastate.dat" 2>/dev/null | head -n 1; }

launch() { # launch NODE [extra mariadbd options]
  local n=$1; shift
  local d; d=$(ndir "$n")
  mkdir -p "$d/tmp" "$d/data"
  rm -f "$(pidf "$n")" "$(sock "$n")"
  # setsid: the server outlives this shell and a Ctrl-C in it; stdout/stderr go to console.log
  # (9<&-: the server must not inherit the lock that `start` holds on this script)
  setsid "$MARIADBD" --defaults-file="$(cnf "$n")" "$@" </dev/null >>"$d/console.log" 2>&1 9<&- &
  echo $! >"$d/launch.pid"
}

start_joiner() {
  local n=$1 pos
  pos=$(recover_position "$n")
  if [[ -n $pos ]]; then
    log "node $n: joining (its last position $pos: IST if the others still hold the missed writes)"
    launch "$n" --wsrep_start_position="$pos"
  else
    log "node $n: joining (full state transfer by mariabackup)"
    launch "$n"
  fi
}

running_nodes() { local n; for n in "${NODES[@]}"; do [[ -n $(node_pid "$n") ]] && echo "$n"; done; return 0; }

# Which node may bootstrap a stopped cluster: safe_to_bootstrap: 1, else the highest recovered seqno.
choose_bootstrap_node() {
  local n best='' bestseq=-2 seq pos
  for n in "${NODES[@]}"; do
    [[ $(grastate_field "$n" safe_to_bootstrap) == 1 ]] && { echo "$n"; return 0; }
  done
  for n in "${NODES[@]}"; do
    seq=$(grastate_field "$n" seqno)
    if [[ -z $seq || $seq == -1 ]]; then
      pos=$(recover_position "$n"); seq=${pos##*:}; [[ -n $seq ]] || seq=-1
    fi
    if ((seq > bestseq)); then best=$n; bestseq=$seq; fi
  done
  [[ -n $best && -f $(ndir "$best")/data/grastate.dat ]] || die "no node has a Galera state to bootstrap from"
  log "no node is marked safe_to_bootstrap; node $best has the highest position ($bestseq) and bootstraps"
  sed -i 's/^safe_to_bootstrap: *0/safe_to_bootstrap: 1/' "$(ndir "$best")/data/grastate.dat"
  echo "$best"
}

# ---------------------------------------------------------------- commands

cmd_start() {
  ensure_packages
  local given=${1:-${LUOSHI_GALERA_DIR:-}} fresh=0
  exec 9<"$SCRIPT_PATH"
  # one start at a time on this machine, so that two clusters never pick the same free ports
  flock -w "$TIMEOUT" 9 || die "another cluster.sh start still runs after ${TIMEOUT}s"
  if [[ -z $given ]]; then
    DIR=$(mktemp -d /tmp/luoshi-galera.XXXXXX)
    fresh=1
  else
    mkdir -p "$given"
    DIR=$(readlink -f "$given")
    [[ -f $DIR/cluster.env ]] || fresh=1
  fi
  ((${#DIR} <= 80)) || die "DIR is too long for the nodes' sockets (at most 80 characters): $DIR"

  if ((fresh)); then
    [[ -z $(ls -A "$DIR") ]] || die "$DIR is not empty and holds no cluster; give an empty or new folder"
    local s g i t
    s=$(pick_ports SQL "${LUOSHI_GALERA_PORTS:-3311,3312,3313}")
    g=$(pick_ports gcomm "${LUOSHI_GALERA_GCOMM_PORTS:-4571,4572,4573}")
    i=$(pick_ports IST "${LUOSHI_GALERA_IST_PORTS:-4581,4582,4583}")
    t=$(pick_ports SST "${LUOSHI_GALERA_SST_PORTS:-4591,4592,4593}")
    printf 'SQL_PORTS_LIST="%s"\nGCOMM_PORTS_LIST="%s"\nIST_PORTS_LIST="%s"\nSST_PORTS_LIST="%s"\n' \
      "$s" "$g" "$i" "$t" >"$DIR/cluster.env"
    load_env
    local n
    for n in "${NODES[@]}"; do mkdir -p "$(ndir "$n")/data" "$(ndir "$n")/tmp"; write_cnf "$n"; done
    log "cluster folder: $DIR"
    log "initialising node 1's data (mariadb-install-db)"
    mariadb-install-db --defaults-file="$(cnf 1)" --user="$RUN_USER" --auth-root-authentication-method=normal \
      --skip-test-db >"$(ndir 1)/install-db.log" 2>&1 || { tail -n 20 "$(ndir 1)/install-db.log" >&2; die "mariadb-install-db failed"; }
  else
    load_env
    log "cluster folder: $DIR (existing)"
    local m
    for m in "${NODES[@]}"; do [[ -n $(node_pid "$m") ]] || write_cnf "$m"; done
  fi

  local t0 running n boot
  t0=$(now)
  if ((fresh)); then
    # A new cluster is node 1 alone first: it makes the cluster's history and its first write, then stops, and nodes
    # 2 and 3 start from copies of its data, at the same position: the three then start as a stopped cluster does
    # (below), and the joiners need no state transfer, where a node without data needs a full copy by mariabackup
    # (10-15 s each, one donor at a time).
    log "node 1: a new cluster (--wsrep-new-cluster) on port ${SQL_PORTS[0]}, its first write, stopped, copied to nodes 2 and 3"
    launch 1 --wsrep-new-cluster
    wait_synced 1
    # root without a password over TCP too (the clients connect to 127.0.0.1)
    q 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
         GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;" ||
      die "could not create root@127.0.0.1 on node 1"
    stop_node 1
    [[ $(grastate_field 1 safe_to_bootstrap) == 1 && $(grastate_field 1 seqno) != -1 ]] ||
      die "node 1 stopped without a saved position ($(ndir 1)/data/grastate.dat)"
    for n in "${NODES[@]}"; do
      ((n == 1)) && continue
      cp -a "$(ndir 1)/data/." "$(ndir "$n")/data/"
      sed -i 's/^safe_to_bootstrap: *1/safe_to_bootstrap: 0/' "$(ndir "$n")/data/grastate.dat"
    done
  fi
  running=$(running_nodes)
  if [[ -z $running ]]; then
    boot=$(choose_bootstrap_node)
    log "node $boot: bootstrapping the cluster (--wsrep-new-cluster) on port ${SQL_PORTS[$((boot - 1))]}"
    local pos; pos=$(recover_position "$boot")
    launch "$boot" --wsrep-new-cluster ${pos:+--wsrep_start_position=$pos}
    wait_synced "$boot"
    running=$boot
  else
    log "already running: node(s) $(echo $running)"
  fi
  for n in "${NODES[@]}"; do
    [[ -n $(node_pid "$n") ]] && continue
    start_joiner "$n"
    wait_synced "$n"     # one joiner at a time: a donor serves one state transfer at a time
  done
  for n in "${NODES[@]}"; do wait_synced "$n" 3; done
  log "3 nodes Synced, cluster size 3, in $(elapsed "$t0") s"
  cmd_status_print >&2
  log "JDBC: $(jdbc_url sequential '')"
  echo "$DIR"
}

cmd_status_print() {
  local n pid
  printf '%-5s %-6s %-8s %-12s %-5s %-12s %s\n' node port pid state size status ready
  for n in "${NODES[@]}"; do
    pid=$(node_pid "$n")
    if [[ -n $pid ]]; then
      wsrep_status "$n"
      printf '%-5s %-6s %-8s %-12s %-5s %-12s %s\n' "n$n" "${SQL_PORTS[$((n - 1))]}" "$pid" \
        "${STATE:-(no answer)}" "${SIZE:--}" "${CSTATUS:--}" "${READY:--}"
    else
      printf '%-5s %-6s %-8s %-12s %-5s %-12s %s\n' "n$n" "${SQL_PORTS[$((n - 1))]}" - down - - -
    fi
  done
}

cmd_status() { resolve_existing_dir "${1:-}"; echo "cluster folder: $DIR"; cmd_status_print; }

stop_node() {
  local n=$1 pid deadline
  pid=$(node_pid "$n")
  [[ -n $pid ]] || return 0
  mariadb-admin --no-defaults --connect-timeout=5 -S "$(sock "$n")" -uroot shutdown >/dev/null 2>&1 ||
    kill -TERM "$pid" 2>/dev/null || true
  deadline=$(deadline_in 60)
  while kill -0 "$pid" 2>/dev/null; do
    if past_deadline "$deadline"; then
      log "node $n (pid $pid) still runs 60 s after shutdown; kill -9"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep "$POLL"
  done
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  # its state-transfer helpers, if any were running (children of the node's process group)
  pkill -KILL -g "$pid" 2>/dev/null || true
  rm -f "$(ndir "$n")/launch.pid"
  log "node $n stopped"
}

cmd_stop() {
  resolve_existing_dir "${1:-}"
  # the last node to stop is marked safe_to_bootstrap; stop node 1 last so it bootstraps next time
  local n
  for n in 3 2 1; do stop_node "$n"; done
  log "cluster stopped; data kept in $DIR"
}

cmd_destroy() {
  resolve_existing_dir "${1:-}"
  local n
  for n in 3 2 1; do stop_node "$n"; done
  [[ -z $(running_nodes) ]] || die "a node still runs; not removing $DIR"
  rm -rf -- "$DIR"
  log "cluster destroyed; removed $DIR"
}

cmd_kill() {
  check_node_arg "${1:-}"
  local n=$1 pid
  resolve_existing_dir "${2:-}"
  pid=$(node_pid "$n")
  [[ -n $pid ]] || die "node $n is not running"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  pkill -KILL -g "$pid" 2>/dev/null || true
  log "node $n (pid $pid) killed with SIGKILL"
}

cmd_restart() {
  check_node_arg "${1:-}"
  local n=$1 t0 others how secs
  resolve_existing_dir "${2:-}"
  [[ -z $(node_pid "$n") ]] || die "node $n is already running (kill or stop it first)"
  others=$(running_nodes)
  [[ -n $others ]] || die "no other node runs: the cluster is down, use 'start'"
  local m primary=0 down
  for m in $others; do wsrep_status "$m"; [[ $CSTATUS == Primary ]] && primary=1; done
  t0=$(now)
  local mark; mark=$(wc -l <"$(errlog "$n")" 2>/dev/null || echo 0)
  start_joiner "$n"
  if ((primary == 0)); then
    down=$(for m in "${NODES[@]}"; do [[ -n $(node_pid "$m") ]] || echo "$m"; done)
    if [[ -n $down ]]; then
      log "no running node is in a Primary component (the quorum was lost when 2 of 3 nodes went down):"
      log "node $n is started and waits for it; restart node $(echo $down) as well and the cluster re-forms"
      echo "rejoin node=$n method=waiting-for-quorum seconds="
      return 0
    fi
  fi
  local size; size=$(running_nodes | wc -l)
  wait_synced "$n" "$size"
  for m in $(running_nodes); do wait_synced "$m" "$size"; done
  secs=$(elapsed "$t0")
  local newlog; newlog=$(tail -n +"$((mark + 1))" "$(errlog "$n")")
  # with mariabackup an IST also runs the SST script, which the donor tells to bypass the copy
  if grep -q "Proceeding with SST" <<<"$newlog"; then
    how=SST
  elif grep -qE "received from donor: Running IST|IST received:" <<<"$newlog"; then
    how=IST
  else
    how="IST/SST (not told by the log)"
  fi
  log "node $n rejoined by $how and is Synced (cluster size $SIZE) in $secs s"
  echo "rejoin node=$n method=$how seconds=$secs"
}

jdbc_url() { # jdbc_url MODE SCHEMA
  echo "jdbc:mariadb:$1://127.0.0.1:${SQL_PORTS[0]},127.0.0.1:${SQL_PORTS[1]},127.0.0.1:${SQL_PORTS[2]}/$2"
}

cmd_jdbc_url() {
  local mode=sequential schema='' dir='' a
  for a in "$@"; do
    case $a in
      --mode=*) mode=${a#--mode=} ;;
      --schema=*) schema=${a#--schema=} ;;
      -*) die "unknown option $a" ;;
      *) dir=$a ;;
    esac
  done
  [[ $mode == sequential || $mode == loadbalance ]] || die "--mode is sequential or loadbalance"
  resolve_existing_dir "$dir"
  jdbc_url "$mode" "$schema"
}

cmd=${1:-}
shift || true
case $cmd in
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  destroy) cmd_destroy "$@" ;;
  status) cmd_status "$@" ;;
  kill) cmd_kill "$@" ;;
  restart) cmd_restart "$@" ;;
  jdbc-url) cmd_jdbc_url "$@" ;;
  -h | --help | help) usage 0 ;;
  *) usage 2 ;;
esac
