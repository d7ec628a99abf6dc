#!/usr/bin/env bash
# Ticket-issue and ticket-poll throughput of a running stack (deploy/local/up.sh), measured from
# outside the service's process with ApacheBench and a real Keycloak token: requests/s, p50/p99,
# each as a share of what this machine's PostgreSQL does alone in the same run (pgbench: one
# single-row INSERT per transaction, same concurrency), and the service's RSS. Prints figures,
# asserts nothing.
#   deploy/local/bench.sh [requests] [concurrency] [most warm-up s]     default 3000 8 600
# The warm-up, not counted, issues tickets and then polls one at full load in rounds of 20 s
# until queue-service's JIT compiles for less than a second in a round (or the most seconds have
# gone by): after a start C2 takes a third or more of queue-service's CPU for minutes (seen:
# 4 000 methods queued after two minutes, 60 % of its CPU in a third minute), so a figure taken
# sooner measures the compiler, and a server that runs for days does not. Clients keep their
# connections (keep-alive), as the app and the gateway do.
# It issues walk-in tickets as the realm's kiosk account bench-kiosk at branch BENCH (staff
# issuing for walk-ins are not capped as a citizen's account is), whose time zone it sets so
# "now" is about noon there: the figures do not depend on the hour (R3 refuses tickets outside
# working hours, and they stop 15 minutes before closing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-3000}
C=${2:-8}
WARMUP=${3:-600}
ROUND=20
REALM=http://127.0.0.1:$GFC_KEYCLOAK_PORT/realms/gfc
command -v ab >/dev/null || apt_install apache2-utils
command -v pgbench >/dev/null || apt_install postgresql-client

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

# Each run starts with BENCH's line empty, as at the start of a day: a line tens of thousands
# deep, left by earlier runs, is no branch's day (the busiest issue a few hundred tickets), and
# each ticket's place in line is counted over it. The cancelled tickets are then vacuumed away:
# a morning's line has no entries at all in the waiting-line index, where thousands cancelled at
# once leave theirs until autovacuum comes, and every place counted over them walks them all
# (seen: 482 index pages read to count 0 tickets ahead, twice PostgreSQL's CPU per poll).
empty_line() {
  PGPASSWORD=gfc psql -h 127.0.0.1 -p "$GFC_PG_PORT" -U gfc -qAt "$GFC_DB" \
    -c "UPDATE queue.ticket SET status = 'CANCELLED' WHERE branch_code = '$branch' AND status = 'WAITING'" \
    -c "VACUUM queue.ticket" >/dev/null
}
empty_line

body=$(mktemp); out=$(mktemp); sql=$(mktemp); trap 'rm -f "$body" "$out" "$sql"' EXIT
printf '{"category":"INTAKE","channel":"WALK_IN","language":"ru"}' >"$body"

code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:8081/api/v1/branches/$branch/tickets" \
  -H "Authorization: Bearer $kiosk" -H 'Content-Type: application/json' --data-binary "@$body")
[ "$code" = 201 ] || die "a ticket at $branch ($zone) was refused ($code; a holiday or weekend there?)"

# The machine's own limit, measured now: PostgreSQL alone committing one single-row insert per
# transaction at the same concurrency, on a scratch table dropped afterwards.
pg() { PGPASSWORD=gfc PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$GFC_PG_PORT" -U gfc -qAt "$GFC_DB" -c "$1"; }
pg "CREATE TABLE IF NOT EXISTS public.bench_insert (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())"
printf "INSERT INTO public.bench_insert (payload) VALUES ('ticket-sized row of about one hundred bytes, like a queue ticket: branch, category, number, state');\n" >"$sql"
# Prepared, as the services' JDBC driver prepares a statement it runs often: 5-17 % more than
# pgbench's default, which parses and plans each statement again.
pgbench_tps() { PGPASSWORD=gfc pgbench -n -M prepared -h 127.0.0.1 -p "$GFC_PG_PORT" -U gfc -c "$C" -j 2 -T 10 -f "$sql" "$GFC_DB" 2>&1 \
  | awk '/^tps = / {print $3}'; }
tps=$(pgbench_tps)
pg "DROP TABLE public.bench_insert"
[ -n "$tps" ] || die "pgbench printed no tps"

# What PostgreSQL alone does with an issue's own writes, in the same run: the day's counter row
# taken first (so every issue in one line waits for the holder's commit), the ticket, its
# TicketIssued row and the audit line's held row in the outbox, one commit; the same tables,
# indexes and row sizes as queue-service's, in a scratch schema dropped afterwards, all clients
# in one line as in the runs below. No Java, no relay, no audit ingestion, no poll: a ceiling
# for the issue on this machine, not a target.
pg "DROP SCHEMA IF EXISTS bench_floor CASCADE; CREATE SCHEMA bench_floor;
  CREATE TABLE bench_floor.ticket_counter (LIKE queue.ticket_counter INCLUDING ALL);
  CREATE TABLE bench_floor.ticket (LIKE queue.ticket INCLUDING ALL);
  CREATE SEQUENCE bench_floor.ticket_seq; ALTER TABLE bench_floor.ticket ALTER issue_seq SET DEFAULT nextval('bench_floor.ticket_seq');
  CREATE TABLE bench_floor.outbox (LIKE queue.outbox INCLUDING ALL);
  CREATE SEQUENCE bench_floor.outbox_seq; ALTER TABLE bench_floor.outbox ALTER seq SET DEFAULT nextval('bench_floor.outbox_seq');"
cat >"$sql" <<'SQL'
BEGIN;
INSERT INTO bench_floor.ticket_counter (branch_code, category_code, service_day, last_seq) VALUES ('BENCH', 'INTAKE', current_date, 1) ON CONFLICT (branch_code, category_code, service_day) DO UPDATE SET last_seq = bench_floor.ticket_counter.last_seq + 1 RETURNING last_seq \gset
INSERT INTO bench_floor.ticket (id, branch_code, category_code, original_category, number, service_day, source, channel, language, owner_id, status, queue_at, issued_at) VALUES (gen_random_uuid(), 'BENCH', 'INTAKE', 'INTAKE', 'A-' || :last_seq, current_date, 'ELECTRONIC', 'WALK_IN', 'ru', 'bench-kiosk', 'WAITING', now(), now());
INSERT INTO bench_floor.outbox (id, topic, msg_key, type, source, occurred_at, payload) VALUES (gen_random_uuid(), 'gfc.queue.v1', 'BENCH', 'kz.gfc.ticket.issued.v1', 'queue-service', now(), repeat('t', 280));
INSERT INTO bench_floor.outbox (id, topic, msg_key, type, source, occurred_at, payload, held_until) VALUES (gen_random_uuid(), 'gfc.audit.v1', 'BENCH', 'kz.gfc.audit.recorded.v1', 'queue-service', now(), repeat('a', 430), now() + interval '5 seconds');
END;
SQL
issue_tps=$(pgbench_tps)
# and with each client in a line of its own (its own counter row): what the row lock costs
sed -i "s/VALUES ('BENCH', 'INTAKE', current_date, 1)/VALUES ('BENCH' || :client_id, 'INTAKE', current_date, 1)/" "$sql"
lines_tps=$(pgbench_tps)
pg "DROP SCHEMA bench_floor CASCADE"
[ -n "$issue_tps" ] && [ -n "$lines_tps" ] || die "pgbench printed no tps for the issue's writes"

run() { # label method url [quiet]
  local post=() amount=(-n "$N")
  [ "$2" = POST ] && post=(-p "$body" -T application/json)
  [ "${4:-}" = quiet ] && amount=(-t "$ROUND" -n 10000000)
  ab -k -q -l "${amount[@]}" -c "$C" "${post[@]}" -H "Authorization: Bearer $kiosk" "$3" >"$out" 2>&1 \
    || { cat "$out"; die "ab failed"; }
  [ "${4:-}" = quiet ] && return 0
  local rps p50 p99 failed non2xx
  rps=$(awk '/Requests per second/ {print $4}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out"); p99=$(awk '$1 == "99%" {print $2}' "$out")
  failed=$(awk '/Failed requests/ {print $3}' "$out"); non2xx=$(awk '/Non-2xx responses/ {print $3}' "$out")
  printf '%-40s %7s req/s  %5s of pgbench   p50 %4s ms   p99 %5s ms   failed %s, non-2xx %s\n' "$1" "$rps" \
    "$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf "%.3f", a / b}')" "$p50" "$p99" "$failed" "${non2xx:-0}"
  [ "$2" = POST ] && printf '%-40s %7s of what PostgreSQL alone does with the issue'"'"'s writes\n' "" \
    "$(awk -v a="$rps" -v b="$issue_tps" 'BEGIN {printf "%.2f", a / b}')"
  return 0
}

gw=http://127.0.0.1:$GFC_GATEWAY_PORT
echo "=== $N requests each, concurrency $C, bench-kiosk's Keycloak token, branch $branch ($zone) ==="
printf '%-40s %7.0f tps   (one single-row INSERT per transaction, prepared, %s clients)\n' "pgbench, the machine's own limit" "$tps" "$C"
printf '%-40s %7.0f tps   %5s of pgbench (counter row, ticket, two outbox rows, one commit; one line, %s clients)\n' \
  "pgbench, an issue's own writes" "$issue_tps" "$(awk -v a="$issue_tps" -v b="$tps" 'BEGIN {printf "%.3f", a / b}')" "$C"
printf '%-40s %7.0f tps   %5s of pgbench (the same, each client in a line of its own: no row lock shared)\n' \
  "" "$lines_tps" "$(awk -v a="$lines_tps" -v b="$tps" 'BEGIN {printf "%.3f", a / b}')"
qpid=$(cat "$GFC_STATE_DIR/pids/queue-service.pid" 2>/dev/null || true)
warm() { # method url: a round of the warm-up, with a fresh token (the warm-up outlasts one)
  kiosk=$(token bench-kiosk) || die "no token for bench-kiosk"
  run "warm-up" "$1" "$2" quiet
  [ "$1" = GET ] || empty_line # else each round's issues count their place over all the earlier rounds' tickets
}
echo "warm-up, ticket issues (not counted): $(warm_until_jit_quiet "$qpid" "$WARMUP" 1 warm POST "$gw/api/v1/branches/$branch/tickets")"
empty_line
kiosk=$(token bench-kiosk) || die "no token for bench-kiosk"
# the ticket the poll asks for: first in the line the issue run then builds behind it
ticket=$(curl -s -X POST "http://127.0.0.1:8081/api/v1/branches/$branch/tickets" \
  -H "Authorization: Bearer $kiosk" -H 'Content-Type: application/json' --data-binary "@$body" \
  | sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p')
[ -n "$ticket" ] || die "a ticket at $branch ($zone) was refused (a holiday or weekend there?)"
echo "warm-up, polls of that ticket (not counted): $(warm_until_jit_quiet "$qpid" "$WARMUP" 1 warm GET "$gw/api/v1/tickets/$ticket")"
kiosk=$(token bench-kiosk) || die "no token for bench-kiosk"
measured=$(cpu_stat)
run "ticket issue through the gateway" POST "$gw/api/v1/branches/$branch/tickets"
echo "(waited $(wait_quiet 90) s for the issues' after-work — relaying, audit lines, vacuum — to finish)"
run "ticket poll through the gateway" GET "$gw/api/v1/tickets/$ticket"
empty_line # the run through the gateway left its tickets waiting: each issue would count its place over them
run "ticket issue, queue-service directly" POST "http://127.0.0.1:8081/api/v1/branches/$branch/tickets"
pid=$(cat "$GFC_STATE_DIR/pids/queue-service.pid" 2>/dev/null || true)
[ -n "$pid" ] && echo "queue-service RSS: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")"
echo "the host took $(steal_since "$measured") % of the CPU time (steal) during the measured runs; above a few per cent, run again"
echo "cores: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL, Kafka, Keycloak, the gateway, ab and all six services share them"
