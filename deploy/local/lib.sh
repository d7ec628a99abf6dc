# shellcheck shell=bash
# Shared functions for deploy/local/*.sh and .ci/run: start the real servers GfC needs
# (PostgreSQL, Apache Kafka in KRaft mode, Keycloak) without Docker.
# Everything runtime lives under $GFC_STATE_DIR (data, pids, logs), never in the work tree.

GFC_ROOT=${GFC_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
GFC_STATE_DIR=${GFC_STATE_DIR:-/var/tmp/gfc}
GFC_LOG_DIR=${GFC_LOG_DIR:-$GFC_STATE_DIR/logs}
GFC_PG_PORT=${GFC_PG_PORT:-15432}
GFC_KAFKA_PORT=${GFC_KAFKA_PORT:-19092}
GFC_KAFKA_CONTROLLER_PORT=${GFC_KAFKA_CONTROLLER_PORT:-19093}
GFC_KEYCLOAK_PORT=${GFC_KEYCLOAK_PORT:-18080}
GFC_KEYCLOAK_VERSION=${GFC_KEYCLOAK_VERSION:-26.5.6}
GFC_GATEWAY_PORT=${GFC_GATEWAY_PORT:-8080}
GFC_DB=${GFC_DB:-gfc}

log()  { printf '[gfc %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[gfc] ERROR: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_port() { # port seconds what
  local i
  for ((i = 0; i < $2 * 2; i++)); do port_open "$1" && return 0; sleep 0.5; done
  die "$3 did not open port $1 within $2 s (logs: $GFC_LOG_DIR)"
}

# The share of CPU time the host gave to other guests (steal) since a cpu_stat snapshot: this is
# a virtual machine, and a run during which its neighbours take a tenth of the CPU measures them.
cpu_stat() { awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9, $5}' /proc/stat; } # total steal idle
steal_since() { # "$(cpu_stat)" taken before
  local now; now=$(cpu_stat)
  awk -v a="$1" -v b="$now" 'BEGIN {split(a, x, " "); split(b, y, " "); t = y[1] - x[1];
    printf "%.1f", (t > 0 ? 100 * (y[2] - x[2]) / t : 0)}'
}

# Waits until the machine is nearly idle again (at most $1 seconds) and prints how long it
# waited: what a run left behind (events relayed, audit lines stored, autovacuum) would
# otherwise be charged to the next figure.
wait_quiet() { # max-seconds
  local waited=0 a b
  while [ "$waited" -lt "$1" ]; do
    a=$(cpu_stat); sleep 2; b=$(cpu_stat)
    waited=$((waited + 2))
    awk -v a="$a" -v b="$b" 'BEGIN {split(a, x, " "); split(b, y, " "); exit !((y[3] - x[3]) >= 0.8 * (y[1] - x[1]))}' && break
  done
  echo "$waited"
}

# The seconds a JVM's JIT compilers have spent so far (jstat), or nothing without jstat.
jit_seconds() { # pid
  command -v jstat >/dev/null && jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 {print $4}'
}

# Runs "$@" (a round of load) again and again until the JVM with this pid spends less than
# QUIET seconds compiling in two rounds in a row, or MAX seconds have gone by; prints how long it
# took and the last round's compile time. On 2 busy cores C2 is still compiling the hot paths
# minutes into a full load (seen: 4 000 methods queued after two minutes, 60 % of queue-service's
# CPU in the third), so a fixed warm-up measures the compiler as often as the service. One quiet
# round is not enough: right after a start one was followed by 1.7 s of compiling in the next.
# A count of methods would not do either: a warm service still compiles 30 or so small ones a round.
warm_until_jit_quiet() { # pid max-seconds quiet-seconds command...
  local pid=$1 max=$2 quiet=$3 start before after= spent= calm=0
  shift 3
  start=$(date +%s)
  while :; do
    before=$(jit_seconds "$pid")
    "$@"
    after=$(jit_seconds "$pid")
    [ -z "$before" ] || [ -z "$after" ] && break
    spent=$(awk -v a="$before" -v b="$after" 'BEGIN {printf "%.1f", b - a}')
    if awk -v s="$spent" -v q="$quiet" 'BEGIN {exit !(s < q)}'; then calm=$((calm + 1)); else calm=0; fi
    [ "$calm" -ge 2 ] && break
    [ $(($(date +%s) - start)) -ge "$max" ] && break
  done
  echo "$(($(date +%s) - start)) s${spent:+, the JIT compiled for $spent s in the last round}"
}

apt_install() { # packages...
  [ "$(id -u)" = 0 ] || die "missing packages ($*): install them, or run as root so this script can"
  log "installing $* from the distribution's packages"
  if [ ! -f "$GFC_STATE_DIR/.apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && touch "$GFC_STATE_DIR/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

prepare_state_dir() {
  mkdir -p "$GFC_STATE_DIR" "$GFC_LOG_DIR"
  # PostgreSQL runs as its own user and must reach its data folder through this one.
  chmod 755 "$GFC_STATE_DIR" "$GFC_LOG_DIR" 2>/dev/null || true
}

# ---------------------------------------------------------------- PostgreSQL
pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$d" ]; then
    apt_install postgresql >&2
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  [ -x "$d/initdb" ] || die "PostgreSQL binaries not found after install"
  echo "$d"
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  prepare_state_dir
  local bin data="$GFC_STATE_DIR/pg" logf="$GFC_LOG_DIR/postgres.log"
  bin=$(pg_bin)
  if [ -f "$data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$GFC_PG_PORT"; return 0
  fi
  port_open "$GFC_PG_PORT" && die "port $GFC_PG_PORT is taken by another process: stop it or set GFC_PG_PORT"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL in $data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$GFC_LOG_DIR/initdb.log" 2>&1 \
      || die "initdb failed: $GFC_LOG_DIR/initdb.log"
  fi
  touch "$logf"; [ "$(id -u)" = 0 ] && chown postgres "$logf"
  as_pg "$bin/pg_ctl" -D "$data" -l "$logf" -w -t 60 \
    -o "-p $GFC_PG_PORT -k $data -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${GFC_PG_FSYNC:-on} -c log_error_verbosity=terse" start >/dev/null \
    || die "PostgreSQL did not start: $logf"
  # The application role owns its database; CREATEDB lets each test run make a database of its own.
  "$bin/psql" -h 127.0.0.1 -p "$GFC_PG_PORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gfc') THEN
    CREATE ROLE gfc LOGIN PASSWORD 'gfc' CREATEDB;
  END IF;
END \$\$;
SQL
  if [ -z "$("$bin/psql" -h 127.0.0.1 -p "$GFC_PG_PORT" -U postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname='$GFC_DB'")" ]; then
    "$bin/psql" -h 127.0.0.1 -p "$GFC_PG_PORT" -U postgres -q -c "CREATE DATABASE $GFC_DB OWNER gfc" >/dev/null
  fi
  log "PostgreSQL up on 127.0.0.1:$GFC_PG_PORT (database $GFC_DB, user gfc/gfc)"
}

pg_stop() {
  local bin data="$GFC_STATE_DIR/pg"
  [ -f "$data/postmaster.pid" ] || { log "PostgreSQL not running"; return 0; }
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 && log "PostgreSQL stopped"
}

pg_status() {
  if port_open "$GFC_PG_PORT"; then echo "postgres   UP    127.0.0.1:$GFC_PG_PORT"; else echo "postgres   DOWN  127.0.0.1:$GFC_PG_PORT"; fi
}

# ---------------------------------------------------------------- Kafka (KRaft)
kafka_classpath() {
  local cpf="$GFC_STATE_DIR/kafka/cp.txt"
  mkdir -p "$GFC_STATE_DIR/kafka"
  if [ ! -s "$cpf" ] || [ ! -f "$(cut -d: -f1 "$cpf")" ]; then
    log "resolving the Apache Kafka broker from Maven Central"
    mvn -B -q -f "$GFC_ROOT/deploy/local/kafka/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cpf" >"$GFC_LOG_DIR/kafka-resolve.log" 2>&1 \
      || die "could not resolve Kafka: $GFC_LOG_DIR/kafka-resolve.log"
  fi
  cat "$cpf"
}

kafka_start() {
  prepare_state_dir
  local dir="$GFC_STATE_DIR/kafka" pidf="$GFC_STATE_DIR/kafka/kafka.pid" cp props
  if pid_alive "$pidf"; then log "Kafka already running on 127.0.0.1:$GFC_KAFKA_PORT"; return 0; fi
  port_open "$GFC_KAFKA_PORT" && die "port $GFC_KAFKA_PORT is taken by another process: stop it or set GFC_KAFKA_PORT"
  port_open "$GFC_KAFKA_CONTROLLER_PORT" && die "port $GFC_KAFKA_CONTROLLER_PORT is taken: stop it or set GFC_KAFKA_CONTROLLER_PORT"
  cp=$(kafka_classpath)
  props="$dir/server.properties"
  cat >"$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$GFC_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$GFC_KAFKA_PORT,CONTROLLER://127.0.0.1:$GFC_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$GFC_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id
    id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$props" >"$GFC_LOG_DIR/kafka-format.log" 2>&1 \
      || die "formatting Kafka storage failed: $GFC_LOG_DIR/kafka-format.log"
  fi
  log "starting Kafka (KRaft) on 127.0.0.1:$GFC_KAFKA_PORT"
  setsid nohup java -Xms256m -Xmx${GFC_KAFKA_HEAP:-512m} -Dlog4j2.configurationFile="$GFC_ROOT/deploy/local/kafka/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$props" >"$GFC_LOG_DIR/kafka.log" 2>&1 &
  echo $! >"$pidf"
  wait_port "$GFC_KAFKA_PORT" 90 Kafka
  local i
  for ((i = 0; i < 120; i++)); do grep -q 'Kafka Server started' "$GFC_LOG_DIR/kafka.log" && break; sleep 0.5; done
  log "Kafka up on 127.0.0.1:$GFC_KAFKA_PORT"
}

kafka_stop() {
  local pidf="$GFC_STATE_DIR/kafka/kafka.pid" i
  pid_alive "$pidf" || { log "Kafka not running"; return 0; }
  kill "$(cat "$pidf")"
  for ((i = 0; i < 60; i++)); do pid_alive "$pidf" || break; sleep 0.5; done
  pid_alive "$pidf" && kill -9 "$(cat "$pidf")"
  rm -f "$pidf"; log "Kafka stopped"
}

kafka_status() {
  if port_open "$GFC_KAFKA_PORT"; then echo "kafka      UP    127.0.0.1:$GFC_KAFKA_PORT"; else echo "kafka      DOWN  127.0.0.1:$GFC_KAFKA_PORT"; fi
}
