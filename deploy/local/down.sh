#!/usr/bin/env bash
# Stop the local GfC system: services, gateway, Keycloak, then Kafka and PostgreSQL.
#   deploy/local/down.sh [--keep-infra]
#     --keep-infra  leave PostgreSQL and Kafka running (what the tests use)
# Data stays in /var/tmp/gfc; the next up.sh starts where this one stopped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

keep_infra=no
for a in "$@"; do
  case "$a" in
    --keep-infra) keep_infra=yes ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $a (usage: $0 [--keep-infra])" ;;
  esac
done

services_stop
gateway_stop
keycloak_stop
if [ "$keep_infra" = yes ]; then
  log "--keep-infra: PostgreSQL and Kafka keep running"
else
  kafka_stop
  pg_stop
fi
log "stopped"
