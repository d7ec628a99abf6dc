# shellcheck shell=bash
# Functions for the whole local stack (deploy/local/up.sh, down.sh, status.sh): Keycloak,
# the six services, the nginx gateway. PostgreSQL and Kafka come from lib.sh.
# Everything runtime lives under $GFC_STATE_DIR (downloads, data, pids, logs, temp files).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GFC_KEYCLOAK_BASE="$GFC_STATE_DIR/keycloak"
GFC_KEYCLOAK_HOME="$GFC_KEYCLOAK_BASE/keycloak-$GFC_KEYCLOAK_VERSION"
GFC_KEYCLOAK_URL="http://127.0.0.1:$GFC_KEYCLOAK_PORT"
GFC_REALM_URL="$GFC_KEYCLOAK_URL/realms/gfc"
GFC_GATEWAY_DIR="$GFC_STATE_DIR/gateway"
GFC_GATEWAY_URL="http://127.0.0.1:$GFC_GATEWAY_PORT"
GFC_PID_DIR="$GFC_STATE_DIR/pids"
GFC_SERVICE_HEAP=${GFC_SERVICE_HEAP:-256m}
GFC_KEYCLOAK_HEAP=${GFC_KEYCLOAK_HEAP:-768m}
# The full JIT: a C1-only JVM runs without the BigInteger intrinsics, so checking each request's
# RS256 token signature cost a fifth of a service's CPU. GFC_SERVICE_JAVA_OPTS adds or overrides.
GFC_SERVICE_JAVA_OPTS=${GFC_SERVICE_JAVA_OPTS:-}
# The collector: Serial by default (the least CPU on two shared cores); GFC_SERVICE_GC replaces it.
GFC_SERVICE_GC=${GFC_SERVICE_GC:--XX:+UseSerialGC}
# A development-only secret for the IIN pseudonyms (R23); set your own for anything shared.
GFC_DEV_PSEUDONYM_SECRET=${GFC_PSEUDONYM_SECRET:-local-dev-pseudonym-secret-not-for-production}
# A development-only key for IINs kept at rest (base64 of 32 bytes); set your own likewise.
GFC_DEV_IIN_KEY=${GFC_IIN_ENCRYPTION_KEY:-bG9jYWwtZGV2LWlpbi1rZXktbm90LWZvci1wcm9kISE=}
# Texts to citizens (one-time codes, "your document is ready") land here, one file per service.
GFC_NOTIFY_DIR=${GFC_NOTIFY_DIR:-$GFC_STATE_DIR/notifications}
# Development-only key of receipts' verification codes (intake); set your own likewise.
GFC_DEV_RECEIPT_SECRET=${GFC_RECEIPT_SECRET:-local-dev-receipt-secret-not-for-production}

# module:port — the ports are fixed; the gateway template names the same ones.
GFC_SERVICES=(
  queue-service:8081
  intake-service:8082
  issuance-service:8083
  consent-service:8084
  rating-service:8085
  audit-service:8086
)

svc_name() { echo "${1%%:*}"; }
svc_port() { echo "${1##*:}"; }

# Prints the pid recorded in a pid file when that process is alive, else nothing.
live_pid() { if pid_alive "$1"; then cat "$1"; fi; }

# A port that answers while none of our processes holds it belongs to someone else.
check_port_free() { # port what
  port_open "$1" && die "port $1 (for $2) is already taken by a process that is not ours:
         $(ss -ltnpH "sport = :$1" 2>/dev/null | sed -E 's/.*users:\(\((.*)\)\).*/\1/' | head -1)
       stop it and run again (ports: deploy/local/lib.sh and stack.sh)"
  return 0
}

http_code() { curl -s -o /dev/null -m "${2:-5}" -w '%{http_code}' "$1" 2>/dev/null || true; }

# Kills a process and waits for it to go; SIGKILL after $2 seconds.
stop_pid() { # pid seconds what
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < $2 * 2; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "$3 (pid $pid) did not stop within $2 s: killing it"
  kill -9 "$pid" 2>/dev/null || true
  sleep 0.5
}

log_tail() { # file [lines]
  [ -f "$1" ] || return 0
  printf '      ---- last %s lines of %s ----\n' "${2:-40}" "$1" >&2
  tail -n "${2:-40}" "$1" | sed 's/^/      | /' >&2
  printf '      ----\n' >&2
}

# ---------------------------------------------------------------- preflight
# Before anything starts: every port must be free or held by our own process.
stack_preflight() {
  local errors=() s pidf
  if ! { [ -f "$GFC_STATE_DIR/pg/postmaster.pid" ] && kill -0 "$(head -1 "$GFC_STATE_DIR/pg/postmaster.pid")" 2>/dev/null; }; then
    port_open "$GFC_PG_PORT" && errors+=("$GFC_PG_PORT (PostgreSQL)")
  fi
  if ! pid_alive "$GFC_STATE_DIR/kafka/kafka.pid"; then
    port_open "$GFC_KAFKA_PORT" && errors+=("$GFC_KAFKA_PORT (Kafka)")
    port_open "$GFC_KAFKA_CONTROLLER_PORT" && errors+=("$GFC_KAFKA_CONTROLLER_PORT (Kafka controller)")
  fi
  if [ -z "$(keycloak_pid)" ]; then
    port_open "$GFC_KEYCLOAK_PORT" && errors+=("$GFC_KEYCLOAK_PORT (Keycloak)")
  fi
  if ! pid_alive "$GFC_GATEWAY_DIR/nginx.pid"; then
    port_open "$GFC_GATEWAY_PORT" && errors+=("$GFC_GATEWAY_PORT (gateway)")
  fi
  for s in "${GFC_SERVICES[@]}"; do
    pidf="$GFC_PID_DIR/$(svc_name "$s").pid"
    if ! pid_alive "$pidf"; then
      port_open "$(svc_port "$s")" && errors+=("$(svc_port "$s") ($(svc_name "$s"))")
    fi
  done
  if [ ${#errors[@]} -gt 0 ]; then
    printf '[gfc] ERROR: these ports are taken by processes that are not part of this stack:\n' >&2
    local e p
    for e in "${errors[@]}"; do
      p=${e%% *}
      printf '         %-28s %s\n' "$e" "$(ss -ltnpH "sport = :$p" 2>/dev/null | grep -o 'users:((.*))' | head -1)" >&2
    done
    printf '       stop them and run again (ports: GFC_*_PORT in deploy/local/lib.sh; services: GFC_SERVICES in stack.sh).\n' >&2
    exit 1
  fi
}

# ---------------------------------------------------------------- Keycloak
keycloak_install() {
  [ -x "$GFC_KEYCLOAK_HOME/bin/kc.sh" ] && return 0
  command -v unzip >/dev/null || apt_install unzip
  local dl="$GFC_KEYCLOAK_BASE/download" zip t0
  mkdir -p "$dl"
  zip="$dl/keycloak-quarkus-dist-$GFC_KEYCLOAK_VERSION.zip"
  if [ ! -s "$zip" ]; then
    log "downloading Keycloak $GFC_KEYCLOAK_VERSION from Maven Central (~165 MB, once)"
    t0=$(date +%s)
    # Run outside the project so Maven does not read (or build) the project's pom.
    (cd "$dl" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$GFC_KEYCLOAK_VERSION:zip" \
        -DoutputDirectory="$dl" -Dmdep.overWriteReleases=true) >"$GFC_LOG_DIR/keycloak-download.log" 2>&1 \
      || { log_tail "$GFC_LOG_DIR/keycloak-download.log" 20; die "could not download Keycloak: $GFC_LOG_DIR/keycloak-download.log"; }
    log "downloaded $(du -h "$zip" | cut -f1) in $(($(date +%s) - t0)) s"
  fi
  log "unpacking Keycloak into $GFC_KEYCLOAK_BASE"
  rm -rf "$GFC_KEYCLOAK_HOME.partial"
  mkdir -p "$GFC_KEYCLOAK_HOME.partial"
  unzip -q "$zip" -d "$GFC_KEYCLOAK_HOME.partial" || die "could not unpack $zip"
  # The zip holds one folder keycloak-<version>/; move it into place only when complete.
  mv "$GFC_KEYCLOAK_HOME.partial/keycloak-$GFC_KEYCLOAK_VERSION" "$GFC_KEYCLOAK_HOME" \
    || die "unexpected layout in $zip"
  rm -rf "$GFC_KEYCLOAK_HOME.partial"
  chmod +x "$GFC_KEYCLOAK_HOME"/bin/*.sh
  # The local Maven repository keeps its own copy of the zip; this one is no longer needed.
  rm -f "$zip"
}

# kc.sh forks java: the real server is the java process whose command line names our home.
keycloak_pid() {
  pgrep -f -- "-Dkc.home.dir=$GFC_KEYCLOAK_HOME" 2>/dev/null | head -1 || true
}

keycloak_ready() { [ "$(http_code "$GFC_REALM_URL/.well-known/openid-configuration")" = 200 ]; }

keycloak_start() {
  prepare_state_dir
  local pid realm="$GFC_ROOT/deploy/keycloak/gfc-realm.json" imp t0 i logf="$GFC_LOG_DIR/keycloak.log" launcher=
  [ -f "$realm" ] || die "realm file missing: $realm"
  pid=$(keycloak_pid)
  if [ -n "$pid" ]; then
    if keycloak_ready; then
      log "Keycloak already running on $GFC_KEYCLOAK_URL (pid $pid)"
      imp="$GFC_KEYCLOAK_HOME/data/import/gfc-realm.json"
      cmp -s "$realm" "$imp" || log "NOTE: deploy/keycloak/gfc-realm.json changed since Keycloak started: run down.sh then up.sh to re-import it"
      return 0
    fi
  else
    check_port_free "$GFC_KEYCLOAK_PORT" Keycloak
  fi
  keycloak_install
  imp="$GFC_KEYCLOAK_HOME/data/import"
  mkdir -p "$imp"
  # --import-realm skips a realm that already exists: when the realm file changed, start the
  # development database afresh so the new file is what Keycloak serves.
  if [ -d "$GFC_KEYCLOAK_HOME/data/h2" ] && ! cmp -s "$realm" "$imp/gfc-realm.json"; then
    if [ -n "$pid" ]; then keycloak_stop; pid=; fi
    log "realm file changed: resetting Keycloak's development database to re-import it"
    rm -rf "$GFC_KEYCLOAK_HOME/data/h2"
  fi
  cp "$realm" "$imp/gfc-realm.json"
  if [ -z "$pid" ]; then
    mkdir -p "$GFC_KEYCLOAK_BASE/tmp"
    log "starting Keycloak $GFC_KEYCLOAK_VERSION on $GFC_KEYCLOAK_URL (first start takes ~35 s)"
    t0=$(date +%s)
    # setsid: a Ctrl-C on this script does not reach Keycloak. kc.sh stays the parent of
    # java (and may exec a second java after re-augmenting), so $! tells whether it still runs.
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$GFC_KEYCLOAK_HEAP" \
      JAVA_OPTS_APPEND="-Djava.io.tmpdir=$GFC_KEYCLOAK_BASE/tmp" \
      nohup setsid "$GFC_KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port="$GFC_KEYCLOAK_PORT" \
      --http-host=127.0.0.1 --import-realm >"$logf" 2>&1 </dev/null &
    launcher=$!
  else
    t0=$(date +%s)
    log "Keycloak (pid $pid) is starting; waiting for it"
  fi
  for ((i = 0; i < 360; i++)); do
    keycloak_ready && break
    if { [ -n "$launcher" ] && ! kill -0 "$launcher" 2>/dev/null; } || { [ -z "$launcher" ] && [ -z "$(keycloak_pid)" ]; }; then
      log_tail "$logf" 40; die "Keycloak exited during start: $logf"
    fi
    sleep 0.5
  done
  keycloak_ready || { log_tail "$logf" 40; die "Keycloak did not answer on $GFC_REALM_URL within 180 s: $logf"; }
  pid=$(keycloak_pid)
  echo "$pid" >"$GFC_KEYCLOAK_BASE/keycloak.pid"
  log "Keycloak up on $GFC_KEYCLOAK_URL in $(($(date +%s) - t0)) s (pid $pid, realm gfc)"
}

keycloak_stop() {
  local pid
  pid=$(keycloak_pid)
  [ -n "$pid" ] || { log "Keycloak not running"; rm -f "$GFC_KEYCLOAK_BASE/keycloak.pid"; return 0; }
  stop_pid "$pid" 30 Keycloak
  rm -f "$GFC_KEYCLOAK_BASE/keycloak.pid"
  log "Keycloak stopped"
}

keycloak_status() {
  local pid
  pid=$(keycloak_pid)
  if [ -n "$pid" ] && keycloak_ready; then status_line keycloak UP "$GFC_KEYCLOAK_URL" "$pid"
  elif [ -n "$pid" ]; then status_line keycloak START "$GFC_KEYCLOAK_URL" "$pid"
  else status_line keycloak DOWN "$GFC_KEYCLOAK_URL" -; fi
}

# ---------------------------------------------------------------- services
services_built() { # true when every jar exists and is newer than the sources it is built from
  local s m jar
  for s in "${GFC_SERVICES[@]}"; do
    m=$(svc_name "$s"); jar="$GFC_ROOT/$m/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 1
    [ -z "$(find "$GFC_ROOT/pom.xml" "$GFC_ROOT/$m/pom.xml" "$GFC_ROOT/$m/src/main" \
            "$GFC_ROOT/service-kit/pom.xml" "$GFC_ROOT/service-kit/src/main" \
            -newer "$jar" -type f -print -quit 2>/dev/null)" ] || return 1
  done
}

services_build() { # [force]
  if [ "${1:-}" != force ] && services_built; then
    log "service jars are up to date: skipping the build"; return 0
  fi
  local t0 logf="$GFC_LOG_DIR/build.log"
  log "building the services (mvn -B -q package -DskipTests; a few minutes the first time; log: $logf)"
  t0=$(date +%s)
  (cd "$GFC_ROOT" && mvn -B -q package -DskipTests) >"$logf" 2>&1 \
    || { log_tail "$logf" 60; die "the build failed: $logf"; }
  log "built in $(($(date +%s) - t0)) s"
}

service_start() { # module port
  local m=$1 port=$2 pidf="$GFC_PID_DIR/$1.pid" jar="$GFC_ROOT/$1/target/quarkus-app/quarkus-run.jar"
  if pid_alive "$pidf"; then
    if [ "$jar" -nt "$pidf" ]; then
      log "$m was rebuilt since it started: restarting it"
      stop_pid "$(cat "$pidf")" 20 "$m"; rm -f "$pidf"
    else
      log "$m already running on 127.0.0.1:$port (pid $(cat "$pidf"))"; return 0
    fi
  fi
  check_port_free "$port" "$m"
  [ -f "$jar" ] || die "$jar is missing: build first (run up.sh without --no-build)"
  mkdir -p "$GFC_PID_DIR" "$GFC_STATE_DIR/tmp/$m"
  log "starting $m on 127.0.0.1:$port"
  (
    cd "$GFC_STATE_DIR/tmp/$m" # a service writes nothing into the work tree
    export GFC_DB_HOST=127.0.0.1 GFC_DB_PORT="$GFC_PG_PORT" \
      GFC_KAFKA_BOOTSTRAP="127.0.0.1:$GFC_KAFKA_PORT" \
      GFC_OIDC_URL="$GFC_REALM_URL" \
      GFC_PSEUDONYM_SECRET="$GFC_DEV_PSEUDONYM_SECRET" \
      GFC_IIN_ENCRYPTION_KEY="$GFC_DEV_IIN_KEY" GFC_NOTIFY_DIR="$GFC_NOTIFY_DIR" \
      GFC_EDS_TRUSTED_CA="$GFC_STATE_DIR/pki/ca.pem" GFC_RECEIPT_SECRET="$GFC_DEV_RECEIPT_SECRET" \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port"
    if [ "$m" = consent-service ]; then
      # its one-time-code key and artefact signing key, made once in the state dir (no prod default)
      eval "$("$GFC_ROOT/deploy/local/consent-keys.sh")"
    fi
    exec setsid nohup java -Xmx"$GFC_SERVICE_HEAP" $GFC_SERVICE_GC $GFC_SERVICE_JAVA_OPTS \
        -Djava.io.tmpdir="$GFC_STATE_DIR/tmp/$m" -jar "$jar" >"$GFC_LOG_DIR/$m.log" 2>&1 </dev/null
  ) &
  echo $! >"$pidf"
}

services_start() {
  local s
  for s in "${GFC_SERVICES[@]}"; do service_start "$(svc_name "$s")" "$(svc_port "$s")"; done
}

services_stop() {
  local s m pidf stopping=()
  for s in "${GFC_SERVICES[@]}"; do
    m=$(svc_name "$s"); pidf="$GFC_PID_DIR/$m.pid"
    if pid_alive "$pidf"; then
      stopping+=("$m:$(cat "$pidf")")
      kill "$(cat "$pidf")" 2>/dev/null || true
    else
      log "$m not running"; rm -f "$pidf"
    fi
  done
  # Stopped together (each closes Kafka and its pool on its own); wait for all of them.
  for s in ${stopping[@]+"${stopping[@]}"}; do
    m=${s%%:*}
    stop_pid "${s##*:}" 20 "$m"
    rm -f "$GFC_PID_DIR/$m.pid"
    log "$m stopped"
  done
}

# Waits until every service answers UP on /q/health/ready through the gateway.
services_wait_ready() { # timeout-seconds
  local deadline=$(($(date +%s) + ${1:-120})) s m pending t0=$(date +%s)
  log "waiting for the services to be ready (through the gateway, up to ${1:-120} s)"
  while :; do
    pending=()
    for s in "${GFC_SERVICES[@]}"; do
      m=$(svc_name "$s")
      if ! pid_alive "$GFC_PID_DIR/$m.pid"; then
        log "$m exited during start"; log_tail "$GFC_LOG_DIR/$m.log" 60
        die "$m did not start: $GFC_LOG_DIR/$m.log"
      fi
      [ "$(http_code "$GFC_GATEWAY_URL/services/$m/q/health/ready")" = 200 ] || pending+=("$m")
    done
    [ ${#pending[@]} -eq 0 ] && { log "all services ready in $(($(date +%s) - t0)) s"; return 0; }
    if [ "$(date +%s)" -ge "$deadline" ]; then
      for m in "${pending[@]}"; do
        log "$m is not ready: $(curl -s -m 5 "$GFC_GATEWAY_URL/services/$m/q/health/ready" | tr -d '\n' | cut -c1-400)"
        log_tail "$GFC_LOG_DIR/$m.log" 40
      done
      die "not ready within ${1:-120} s: ${pending[*]}"
    fi
    sleep 2
  done
}

services_status() {
  local s m port pid state
  for s in "${GFC_SERVICES[@]}"; do
    m=$(svc_name "$s"); port=$(svc_port "$s"); pid=$(live_pid "$GFC_PID_DIR/$m.pid")
    if [ -z "$pid" ]; then state=DOWN; pid=-
    elif [ "$(http_code "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then state=UP
    else state=START; fi
    status_line "$m" "$state" "http://127.0.0.1:$port" "$pid"
  done
}

# ---------------------------------------------------------------- gateway (nginx)
gateway_install() {
  command -v nginx >/dev/null && return 0
  [ -x /usr/sbin/nginx ] && return 0
  prepare_state_dir
  if [ ! -f "$GFC_STATE_DIR/.apt-updated" ] && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && touch "$GFC_STATE_DIR/.apt-updated"
  fi
  if apt-cache policy nginx-light 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt_install nginx-light
  else
    log "nginx-light is not available here: installing nginx"
    apt_install nginx
  fi
  # The package may try to start a system nginx on port 80; this stack never uses it.
}

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

gateway_render() {
  local tpl="$GFC_ROOT/deploy/gateway/nginx.conf.template" out="$GFC_GATEWAY_DIR/nginx.conf" extra="" m
  [ -f "$tpl" ] || die "gateway template missing: $tpl"
  mkdir -p "$GFC_GATEWAY_DIR/tmp" "$GFC_LOG_DIR"
  # Temp paths for the modules this nginx build has, so nothing is written outside the prefix.
  for m in fastcgi uwsgi scgi; do
    "$(nginx_bin)" -V 2>&1 | grep -q -- "--without-http_${m}_module" \
      || extra+="    ${m}_temp_path $GFC_GATEWAY_DIR/tmp/$m;"$'\n'
  done
  # Only our placeholders are replaced; nginx's own $variables stay as they are.
  sed -e "s|\${GFC_GATEWAY_PORT}|$GFC_GATEWAY_PORT|g" \
      -e "s|\${GFC_STATE_DIR}|$GFC_STATE_DIR|g" \
      -e "s|\${GFC_LOG_DIR}|$GFC_LOG_DIR|g" \
      -e "/^\${GFC_EXTRA_TEMP_PATHS}\$/{
r /dev/stdin
d
}" "$tpl" <<<"${extra%$'\n'}" >"$out.new"
  mv "$out.new" "$out"
}

gateway_start() {
  prepare_state_dir
  local pidf="$GFC_GATEWAY_DIR/nginx.pid" nginx
  gateway_install
  nginx=$(nginx_bin)
  if pid_alive "$pidf"; then
    gateway_render
    "$nginx" -t -q -p "$GFC_GATEWAY_DIR" -c "$GFC_GATEWAY_DIR/nginx.conf" -e "$GFC_LOG_DIR/gateway-error.log" \
      >"$GFC_LOG_DIR/gateway-test.log" 2>&1 || { cat "$GFC_LOG_DIR/gateway-test.log" >&2; die "gateway configuration is invalid"; }
    "$nginx" -p "$GFC_GATEWAY_DIR" -c "$GFC_GATEWAY_DIR/nginx.conf" -e "$GFC_LOG_DIR/gateway-error.log" -s reload
    sleep 1 # the reload is asynchronous
    log "gateway already running on $GFC_GATEWAY_URL (pid $(cat "$pidf")): configuration reloaded"
    return 0
  fi
  check_port_free "$GFC_GATEWAY_PORT" gateway
  gateway_render
  "$nginx" -t -q -p "$GFC_GATEWAY_DIR" -c "$GFC_GATEWAY_DIR/nginx.conf" -e "$GFC_LOG_DIR/gateway-error.log" \
    >"$GFC_LOG_DIR/gateway-test.log" 2>&1 || { cat "$GFC_LOG_DIR/gateway-test.log" >&2; die "gateway configuration is invalid"; }
  log "starting the gateway (nginx) on $GFC_GATEWAY_URL"
  "$nginx" -p "$GFC_GATEWAY_DIR" -c "$GFC_GATEWAY_DIR/nginx.conf" -e "$GFC_LOG_DIR/gateway-error.log" \
    || { log_tail "$GFC_LOG_DIR/gateway-error.log" 20; die "the gateway did not start"; }
  wait_port "$GFC_GATEWAY_PORT" 10 gateway
  log "gateway up on $GFC_GATEWAY_URL (pid $(cat "$pidf"))"
}

gateway_stop() {
  local pidf="$GFC_GATEWAY_DIR/nginx.pid" pid
  pid_alive "$pidf" || { log "gateway not running"; return 0; }
  pid=$(cat "$pidf")
  "$(nginx_bin)" -p "$GFC_GATEWAY_DIR" -c "$GFC_GATEWAY_DIR/nginx.conf" -e "$GFC_LOG_DIR/gateway-error.log" -s quit 2>/dev/null \
    || kill "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && stop_pid "$pid" 5 gateway
  rm -f "$pidf"
  log "gateway stopped"
}

gateway_status() {
  local pid
  pid=$(live_pid "$GFC_GATEWAY_DIR/nginx.pid")
  if [ -n "$pid" ] && port_open "$GFC_GATEWAY_PORT"; then status_line gateway UP "$GFC_GATEWAY_URL" "$pid"
  else status_line gateway DOWN "$GFC_GATEWAY_URL" -; fi
}

# ---------------------------------------------------------------- status
status_line() { printf '%-17s %-6s %-30s pid %s\n' "$1" "$2" "$3" "$4"; }

infra_status_lines() {
  local pid=- pidf="$GFC_STATE_DIR/pg/postmaster.pid"
  if port_open "$GFC_PG_PORT" && [ -f "$pidf" ]; then pid=$(head -1 "$pidf"); fi
  if port_open "$GFC_PG_PORT"; then status_line postgres UP "127.0.0.1:$GFC_PG_PORT" "$pid"
  else status_line postgres DOWN "127.0.0.1:$GFC_PG_PORT" -; fi
  pid=$(live_pid "$GFC_STATE_DIR/kafka/kafka.pid")
  if port_open "$GFC_KAFKA_PORT"; then status_line kafka UP "127.0.0.1:$GFC_KAFKA_PORT" "${pid:--}"
  else status_line kafka DOWN "127.0.0.1:$GFC_KAFKA_PORT" -; fi
}

stack_status() {
  infra_status_lines
  keycloak_status
  services_status
  gateway_status
}

# ---------------------------------------------------------------- summary
stack_summary() {
  local s m port
  cat <<EOF

GfC local stack is up.

  Gateway            $GFC_GATEWAY_URL/api/v1/...
  Keycloak admin     $GFC_KEYCLOAK_URL/admin/   (admin / admin; realm gfc)
  Realm (issuer)     $GFC_REALM_URL
  PostgreSQL         127.0.0.1:$GFC_PG_PORT  database $GFC_DB, user gfc / gfc
  Kafka              127.0.0.1:$GFC_KAFKA_PORT
  Logs               $GFC_LOG_DIR

  Service            Swagger UI                                  health via gateway
EOF
  for s in "${GFC_SERVICES[@]}"; do
    m=$(svc_name "$s"); port=$(svc_port "$s")
    printf '  %-18s %-43s %s\n' "$m" "http://127.0.0.1:$port/q/swagger-ui" "$GFC_GATEWAY_URL/services/$m/q/health/ready"
  done
  cat <<EOF

  Demo users (password: demo):  citizen1  operator1  supervisor1 (supervisor+operator; both work at ALM-01)
                                auditor1  analyst1  admin1
  Clients: gfc-operator-ui (public), gfc-services / gfc-services-secret (role service),
           provider-mvd / provider-mvd-secret, provider-labour / provider-labour-secret (role provider)

  Get a token and call the API through the gateway:

    TOKEN=\$(curl -s -d grant_type=password -d client_id=gfc-operator-ui -d username=operator1 -d password=demo \\
      $GFC_REALM_URL/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -i -H "Authorization: Bearer \$TOKEN" $GFC_GATEWAY_URL/api/v1/holidays

  A client-credentials token (service to service):

    curl -s -d grant_type=client_credentials -d client_id=gfc-services -d client_secret=gfc-services-secret \\
      $GFC_REALM_URL/protocol/openid-connect/token

  Status: deploy/local/status.sh     Stop: deploy/local/down.sh  (--keep-infra keeps PostgreSQL and Kafka)
EOF
}
