#!/usr/bin/env bash
# Consent checks of a running stack (deploy/local/up.sh), from outside the service's process, with
# a real Keycloak client-credentials token (provider-mvd) on keep-alive connections, as a
# service's REST client sends them:
#  1. a warm-up, not counted, in rounds (10 s at full load, 20 s at the fixed rate) until
#     consent-service's JIT compiles for less than a second in two rounds in a row (at most
#     WARMUP seconds): after a start the compilers take most of a core for minutes, and figures
#     taken before say so;
#  2. the latency at a fixed RATE (RateLoad.java, an open loop: each check is due at its time
#     whether or not earlier ones were answered, and its latency counts from then);
#  3. the most the service answers with C clients (ApacheBench, a closed loop), and the check's
#     own SQL (lookup + access-log insert) run by pgbench in the same run, so that figure is
#     printed as a share of what PostgreSQL alone does on this machine;
#  4. how soon a revocation is refused.
# Prints figures, asserts nothing.
#   deploy/local/bench-consent.sh [requests] [concurrency] [rate] [most warm-up s]   default 10000 8 500 600
# Needs consent-service started with GFC_CONSENT_SIGNING_PRIVATE_KEY and GFC_CONSENT_CODE_KEY
# (deploy/local/consent-keys.sh prints a development pair).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-10000}
C=${2:-8}
RATE=${3:-500}
WARMUP=${4:-600}
HDR=${GFC_HDR_JAR:-$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar}
[ -f "$HDR" ] || die "HdrHistogram not found at $HDR (the build brings it; or set GFC_HDR_JAR)"
REALM=http://127.0.0.1:$GFC_KEYCLOAK_PORT/realms/gfc
CONSENT=http://127.0.0.1:8084
SECRET=${GFC_PSEUDONYM_SECRET:-local-dev-pseudonym-secret-not-for-production}
command -v ab >/dev/null || apt_install apache2-utils
command -v pgbench >/dev/null || apt_install postgresql-client

access_token() { sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
# Fetched again after the warm-up, which can outlast a token's 15 minutes.
citizen_token() { curl -sf -d grant_type=password -d client_id=gfc-operator-ui -d username=citizen1 -d password=demo \
  "$REALM/protocol/openid-connect/token" | access_token; }
mvd_token() { curl -sf -d grant_type=client_credentials -d client_id=provider-mvd -d client_secret=provider-mvd-secret \
  "$REALM/protocol/openid-connect/token" | access_token; }
citizen=$(citizen_token) || die "no token for citizen1 (is the stack up? deploy/local/status.sh)"
mvd=$(mvd_token) || die "no token for provider-mvd"
# citizen1's IIN, as the realm gives it (deploy/keycloak/gfc-realm.json); it travels in bodies only
iin=$(printf '%s' "$citizen" | cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null | sed -E 's/.*"iin":"([0-9]{12})".*/\1/' || true)
[[ "$iin" =~ ^[0-9]{12}$ ]] || die "citizen1's token carries no iin claim"

purpose="BENCH-$(date +%s)"
granted=$(curl -s -X POST "$CONSENT/api/v1/consents" -H "Authorization: Bearer $citizen" -H 'Content-Type: application/json' \
  -d "{\"recipient\":\"MVD\",\"scopes\":[\"PERSONAL_DATA\"],\"purpose\":\"$purpose\",\"language\":\"ru\"}")
consent=$(printf '%s' "$granted" | sed -nE 's/.*"consent":\{"id":"([0-9a-f-]{36})".*/\1/p')
[ -n "$consent" ] || die "citizen1 could not grant a consent: $granted"

body=$(mktemp); out=$(mktemp); sql=$(mktemp); pglog=$(mktemp -d); trap 'rm -rf "$body" "$out" "$sql" "$pglog"' EXIT
printf '{"subject":"%s","recipient":"MVD","scope":"PERSONAL_DATA","purpose":"%s"}' "$iin" "$purpose" >"$body"
allowed=$(curl -s -X POST "$CONSENT/api/v1/consents/check" -H "Authorization: Bearer $mvd" \
  -H 'Content-Type: application/json' --data-binary "@$body")
[[ "$allowed" == *'"allowed":true'* ]] || die "the check refused a fresh consent: $allowed"

check() { ab -k -q -l "$@" -c "$C" -p "$body" -T application/json -H "Authorization: Bearer $mvd" "$CONSENT/api/v1/consents/check"; }
echo "=== consent check, provider-mvd's Keycloak token, keep-alive connections ==="
rate_load() { # seconds: the open loop at RATE
  java -XX:TieredStopAtLevel=1 -cp "$HDR" "$GFC_ROOT/deploy/local/RateLoad.java" "$CONSENT/api/v1/consents/check" \
    "$RATE" "$1" 16 "$body" "Authorization: Bearer $mvd"
}
# Both loads the bench measures: after rounds of ApacheBench alone had quietened the JIT, the
# first fixed-rate run still set it compiling 342 methods (6.4 s), and its p99 was 55 ms.
warm_round() { check -t 10 -n 10000000 >/dev/null 2>&1 || true; rate_load 20 >/dev/null 2>&1 || true; }
if [ "$WARMUP" -gt 0 ]; then
  cpid=$(cat "$GFC_STATE_DIR/pids/consent-service.pid" 2>/dev/null || true)
  echo "warm-up, $C clients at full load and $RATE/s by turns (not counted): $(warm_until_jit_quiet "$cpid" "$WARMUP" 1 warm_round)"
  mvd=$(mvd_token) || die "no token for provider-mvd"
fi
measured=$(cpu_stat)
printf 'at a fixed %s checks/s for 20 s (open loop, latency from when each check was due):\n  ' "$RATE"
rate_load 20 >"$out"
paste -sd' ' "$out" | sed 's/ latency/\n  latency/'
svc_p99=$(sed -nE 's/.* p99 ([0-9.]+) ms .*/\1/p' "$out")
check -n "$N" >"$out" 2>&1 || { cat "$out"; die "ab failed"; }
rps=$(awk '/Requests per second/ {print $4}' "$out")
p50=$(awk '$1 == "50%" {print $2}' "$out"); p99=$(awk '$1 == "99%" {print $2}' "$out")
failed=$(awk '/Failed requests/ {print $3}' "$out"); non2xx=$(awk '/Non-2xx responses/ {print $3}' "$out")
printf 'at most, %s requests with %s clients (closed loop) %7s checks/s   p50 %4s ms   p99 %5s ms   failed %s, non-2xx %s\n' \
  "$N" "$C" "$rps" "$p50" "$p99" "$failed" "${non2xx:-0}"

pseudonym="p1:$(printf '%s' "$iin" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')"
# The pseudonym holds a colon, which pgbench reads as a variable, so it goes in as one (:ps);
# prepared, as the service's JDBC driver prepares a statement it runs often.
cat >"$sql" <<SQL
WITH hit AS (SELECT c.id, c.valid_until, c.subject_pseudonym, c.recipient, c.purpose, c.fetch_limit, c.fetch_period FROM consent.consent c JOIN consent.consent_scope_grant g ON g.consent_id = c.id AND g.scope = 'PERSONAL_DATA' WHERE c.subject_pseudonym = :ps AND c.recipient = 'MVD' AND c.purpose = '$purpose' AND c.status = 'ACTIVE' AND c.valid_until > now() ORDER BY c.fetch_limit IS NULL DESC, c.valid_until DESC LIMIT 1), logged AS (INSERT INTO consent.access_log (consent_id, subject_pseudonym, recipient, scope, purpose, organisation, accessor, operator_name, accessed_at) SELECT id, subject_pseudonym, recipient, 'PERSONAL_DATA', purpose, 'MVD', 'pgbench', NULL, now() FROM hit WHERE hit.fetch_limit IS NULL RETURNING consent_id) SELECT hit.id, hit.valid_until, hit.fetch_limit, hit.fetch_period FROM hit LEFT JOIN logged ON logged.consent_id = hit.id;
SQL
pg() { PGPASSWORD=gfc pgbench -n -M prepared -D "ps=$pseudonym" -h 127.0.0.1 -p "$GFC_PG_PORT" -U gfc -c "$C" -j 2 -f "$sql" "$@" "$GFC_DB"; }
tps=$(pg -T 10 2>&1 | awk '/^tps = / {print $3}')
[ -n "$tps" ] || die "pgbench printed no tps"
printf 'pgbench, the same SQL, %s clients  %7.0f tps   the service reaches %s of it\n' "$C" "$tps" \
  "$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf "%.2f", a / b}')"
# The floor under the fixed-rate figure: PostgreSQL alone, the same SQL at the same rate, each
# transaction's latency from when it was due (pgbench's per-transaction log under --rate counts
# the schedule lag in). Its tail is mostly the commit's WAL flush, which the check must wait for.
(cd "$pglog" && pg -R "$RATE" -T 20 -l >/dev/null 2>&1) || die "pgbench at a fixed rate failed"
cat "$pglog"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk -v r="$RATE" -v p99="$svc_p99" '{a[NR] = $1}
  END {q = a[int(NR * 0.99)]; printf "pgbench, the same SQL at a fixed %s/s for 20 s: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms\n  the service'"'"'s p99 at that rate is %.1f times PostgreSQL'"'"'s own\n",
    r, a[int(NR * 0.5)], a[int(NR * 0.9)], q, a[int(NR * 0.999)], a[NR], p99 / q}'

# When a revocation takes effect: checks from the moment the revoke is sent until one is refused
# (each a curl of its own, so the figure is good to some 10 ms), while the revoke's own answer —
# the consent's view, with its use record counted over the access log, where this bench has put
# hundreds of thousands of rows for this one consent — comes when it comes.
revoked=$(mktemp); trap 'rm -rf "$body" "$out" "$sql" "$pglog" "$revoked"' EXIT
citizen=$(citizen_token) || die "no token for citizen1"
start=$(date +%s%N)
curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "$CONSENT/api/v1/consents/$consent/revoke" \
  -H "Authorization: Bearer $citizen" >"$revoked" &
refused=
while [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 10000 ]; do
  after=$(curl -s -X POST "$CONSENT/api/v1/consents/check" -H "Authorization: Bearer $mvd" \
    -H 'Content-Type: application/json' --data-binary "@$body")
  if [[ "$after" == *'"allowed":false'* ]]; then refused=$(( ($(date +%s%N) - start) / 1000000 )); break; fi
done
wait
printf 'revoke: checks refused from %s ms after the revoke was sent (%s); the revoke answered %s in %s s\n' \
  "${refused:-more than 10000}" "${after:-no answer}" $(cat "$revoked")
pid=$(cat "$GFC_STATE_DIR/pids/consent-service.pid" 2>/dev/null || true)
[ -n "$pid" ] && echo "consent-service RSS: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")"
echo "the host took $(steal_since "$measured") % of the CPU time (steal) during the measured runs; above a few per cent, run again"
echo "cores: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL, Kafka, Keycloak, ab, pgbench and all six services share them"
