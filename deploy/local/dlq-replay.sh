#!/usr/bin/env bash
# Re-inject a service's dead letters once what made them fail is fixed.
#   deploy/local/dlq-replay.sh <service> [--since 2h|2024-05-01T08:00:00Z] [--type <ce_type>,...] [--dry-run] [--from-beginning]
# Reads gfc.dlq.<service>.v1 from where the last run stopped (consumer group
# gfc.dlq-replay.<service>) and sends each record back to its original topic with its
# CloudEvent headers: an event that had in fact been processed is absorbed by the service's
# processed_event. Start with --dry-run to see what would go. Logic and options:
# service-kit kz.gfc.kit.events.DeadLetterReplay. Broker: GFC_KAFKA_BOOTSTRAP (127.0.0.1:19092).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

kit="$GFC_ROOT/service-kit/target/classes"
if [ ! -f "$kit/kz/gfc/kit/events/DeadLetterReplay.class" ]; then
  log "compiling service-kit"
  mvn -B -q -f "$GFC_ROOT/pom.xml" -pl service-kit -DskipTests compile >&2
fi
# kafka-clients and a logging backend, from the broker's classpath that infra.sh resolves
cp=$(kafka_classpath)
export GFC_KAFKA_BOOTSTRAP=${GFC_KAFKA_BOOTSTRAP:-127.0.0.1:$GFC_KAFKA_PORT}
exec java -Dlog4j2.level=WARN -cp "$kit:$cp" kz.gfc.kit.events.DeadLetterReplay "$@"
