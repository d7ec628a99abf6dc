#!/usr/bin/env bash
# Ticket-issue throughput of a running stack (deploy/local/up.sh), measured from outside the
# service's process with ApacheBench and a real Keycloak token: requests/s, p50/p99 and the
# service's RSS. Prints figures, asserts nothing.
#   deploy/local/bench.sh [requests] [concurrency]     default 2000 8
# It issues walk-in tickets as the realm's kiosk account bench-kiosk at branch BENCH (staff
# issuing for walk-ins are not capped as a citizen's account is), whose time zone it sets so
# "now" is about noon there: the figures do not depend on the hour (R3 refuses tickets outside
# working hours, and they stop 15 minutes before closing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-2000}
C=${2:-8}
REALM=http://127.0.0.1:$GFC_KEYCLOAK_PORT/realms/gfc
command -v ab >/dev/null || apt_install apache2-utils

token() { # user
  curl -sf -d grant_type=password -d client_id=gfc-operator-ui -d "username=$1" -d password=demo \
    "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
admin=$(token admin1) || die "no token for admin1 (is the stack up? deploy/local/status.sh)"
kiosk=$(token bench-kiosk) || die "no token for bench-kiosk: the realm predates it (down.sh, then up.sh re-imports it)"

# Etc/GMT-N is UTC+N (POSIX sign): choose N so that local time is about noon.
hour=$((10#$(date -u +%H)))
offset=$(((12 - hour + 24) % 24)); [ "$offset" -gt 14 ] && offset=$((offset - 24))
if [ "$offset" -ge 0 ]; then zone="Etc/GMT-$offset"; else zone="Etc/GMT+$((-offset))"; fi
branch=BENCH
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:8081/api/v1/branches" \
  -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$branch\",\"nameKk\":\"Бенчмарк\",\"nameRu\":\"Бенчмарк\",\"region\":\"—\",\"timeZone\":\"$zone\",\"scheduleKind\":\"DUTY\",\"categories\":[\"INTAKE\"]}")
if [ "$code" = 409 ]; then # made by an earlier run: move it to the zone where it is noon now
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT "http://127.0.0.1:8081/api/v1/branches/$branch" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"nameKk\":\"Бенчмарк\",\"nameRu\":\"Бенчмарк\",\"region\":\"—\",\"timeZone\":\"$zone\",\"scheduleKind\":\"DUTY\"}")
fi
[ "$code" = 201 ] || [ "$code" = 200 ] || die "could not make branch $branch ($code)"

body=$(mktemp); out=$(mktemp); trap 'rm -f "$body" "$out"' EXIT
printf '{"category":"INTAKE","channel":"WALK_IN","language":"ru"}' >"$body"
probe=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:8081/api/v1/branches/$branch/tickets" \
  -H "Authorization: Bearer $kiosk" -H 'Content-Type: application/json' --data-binary "@$body")
[ "$probe" = 201 ] || die "a ticket at $branch ($zone) was refused: $probe (a holiday or weekend there?)"

run() { # label url
  ab -q -l -n "$N" -c "$C" -p "$body" -T application/json -H "Authorization: Bearer $kiosk" "$2" >"$out" 2>&1 \
    || { cat "$out"; die "ab failed"; }
  local rps p50 p99 failed non2xx
  rps=$(awk '/Requests per second/ {print $4}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out"); p99=$(awk '$1 == "99%" {print $2}' "$out")
  failed=$(awk '/Failed requests/ {print $3}' "$out"); non2xx=$(awk '/Non-2xx responses/ {print $3}' "$out")
  printf '%-34s %7s req/s   p50 %4s ms   p99 %5s ms   failed %s, non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "$failed" "${non2xx:-0}"
}

echo "=== ticket issue, $N requests, concurrency $C, bench-kiosk's Keycloak token, branch $branch ($zone) ==="
run "queue-service :8081 directly" "http://127.0.0.1:8081/api/v1/branches/$branch/tickets"
run "through the gateway :$GFC_GATEWAY_PORT" "http://127.0.0.1:$GFC_GATEWAY_PORT/api/v1/branches/$branch/tickets"
pid=$(cat "$GFC_STATE_DIR/pids/queue-service.pid" 2>/dev/null || true)
[ -n "$pid" ] && echo "queue-service RSS: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")"
echo "cores: $(nproc); PostgreSQL, Kafka, Keycloak, the gateway, ab and all six services share them"
