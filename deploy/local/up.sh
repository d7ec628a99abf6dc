#!/usr/bin/env bash
# Run the whole GfC system locally, without Docker: PostgreSQL, Kafka (KRaft), Keycloak with
# realm gfc, the six services and the nginx gateway on 127.0.0.1:8080.
#   deploy/local/up.sh [--no-build | --build]
#     --no-build  start the jars as they are (fails if one is missing)
#     --build     build even when the jars look up to date
# Installs what is missing (apt: PostgreSQL, nginx; Maven Central: Kafka, Keycloak).
# Safe to run again: what already runs is left alone. State, logs and pids: /var/tmp/gfc.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

build=auto
for a in "$@"; do
  case "$a" in
    --no-build) build=no ;;
    --build)    build=force ;;
    -h|--help)  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $a (usage: $0 [--no-build|--build])" ;;
  esac
done

command -v java >/dev/null || die "java (17+) is needed: apt-get install openjdk-17-jdk-headless"
command -v mvn  >/dev/null || die "maven is needed: apt-get install maven"
command -v curl >/dev/null || apt_install curl

t_start=$(date +%s)
prepare_state_dir
mkdir -p "$GFC_PID_DIR"
stack_preflight

pg_start
kafka_start
keycloak_start
case "$build" in
  no)    log "--no-build: starting the jars as they are" ;;
  force) services_build force ;;
  *)     services_build ;;
esac
"$GFC_ROOT/deploy/local/pki.sh" # the demo НУЦ CA intake trusts, and the operators' EDS certificates
services_start
gateway_start
services_wait_ready "${GFC_READY_TIMEOUT:-120}"
log "everything up in $(($(date +%s) - t_start)) s"
stack_summary
