#!/usr/bin/env bash
# Start, stop or show the servers the tests need: PostgreSQL and a real Kafka broker (KRaft).
#   deploy/local/infra.sh start|stop|status|env
# `env` prints the variables the tests read (GFC_DB_HOST, GFC_DB_PORT, GFC_KAFKA_BOOTSTRAP).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-start}" in
  start)  pg_start; kafka_start ;;
  stop)   kafka_stop; pg_stop ;;
  status) pg_status; kafka_status ;;
  restart-kafka) kafka_stop; kafka_start ;;
  env)
    echo "export GFC_DB_HOST=127.0.0.1 GFC_DB_PORT=$GFC_PG_PORT GFC_KAFKA_BOOTSTRAP=127.0.0.1:$GFC_KAFKA_PORT" ;;
  *) echo "usage: $0 start|stop|status|restart-kafka|env" >&2; exit 2 ;;
esac
