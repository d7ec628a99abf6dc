#!/usr/bin/env bash
# End-to-end check of a running stack (deploy/local/up.sh), through the gateway and with
# real Keycloak tokens: a citizen rates a visit in rating-service; the AuditRecorded that
# rating-service writes through its outbox crosses Kafka and must be stored by
# audit-service, where an auditor reads it back and the hash chain verifies; the address it
# records is the caller's as the gateway saw it, whatever X-Forwarded-For the caller forged
# (nor can a forged X-Forwarded-Proto break the Location the service answers with); an
# operator may sit at a window of their own branch only (the realm's branch claim); the
# gateway's own refusals are problem+json and it does not expose metrics.
#   deploy/local/smoke.sh        exit 0 when every step holds
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GW=http://127.0.0.1:$GFC_GATEWAY_PORT
REALM=http://127.0.0.1:$GFC_KEYCLOAK_PORT/realms/gfc

token() { # user
  curl -sf -d grant_type=password -d client_id=gfc-operator-ui -d "username=$1" -d password=demo \
    "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
check() { # description condition...
  local what=$1; shift
  if "$@"; then log "ok   $what"; else die "FAIL $what"; fi
}

citizen=$(token citizen1) || die "no token for citizen1 (is Keycloak up? deploy/local/status.sh)"
auditor=$(token auditor1)
visit="smoke-$(date +%s)-$RANDOM"
corr="smoke-corr-$RANDOM$RANDOM"

code=$(curl -s -o /tmp/gfc-smoke-rating.json -w '%{http_code}' -X POST "$GW/api/v1/ratings" \
  -H "Authorization: Bearer $citizen" -H 'Content-Type: application/json' -H "X-Correlation-Id: $corr" \
  -H 'X-Forwarded-For: 6.6.6.6' -H 'X-Forwarded-Proto: javascript:alert(1) //' \
  -d "{\"visitId\":\"$visit\",\"branchCode\":\"ALM-01\",\"serviceCode\":\"ID_CARD\",\"score\":5}")
check "citizen1 rates visit $visit through the gateway (201, got $code)" [ "$code" = 201 ]

code=$(curl -s -o /dev/null -w '%{http_code}' "$GW/api/v1/audit/records?correlationId=$corr")
check "the audit log refuses an anonymous reader (401, got $code)" [ "$code" = 401 ]

found=""
for _ in $(seq 1 240); do
  body=$(curl -sf -H "Authorization: Bearer $auditor" "$GW/api/v1/audit/records?correlationId=$corr" || true)
  if printf '%s' "$body" | grep -q '"service":"rating-service"'; then found=$body; break; fi
  sleep 0.5
done
check "audit-service stored rating-service's AuditRecorded (correlation id $corr)" [ -n "$found" ]
printf '%s\n' "$found" | grep -q '"outcome":"SUCCEEDED"' || die "FAIL audit record outcome: $found"
printf '%s\n' "$found" | grep -q '"actorId":"citizen1"' || die "FAIL audit record actor: $found"
# curl reaches the gateway from 127.0.0.1; the gateway replaces the forged header with that
address=$(printf '%s' "$found" | grep -oE '"clientAddress":(null|"[^"]*")' | head -1 || true)
check "the audit log stores the caller's address, not a forged X-Forwarded-For ($address)" \
  [ "$address" = '"clientAddress":"127.0.0.1"' ]

# Staff act at their own branch: operator1 is in Keycloak group /branches/ALM-01, which the
# realm puts in the token's branch claim; queue-service lets them sit at ALM-01's windows only.
operator=$(token operator1)
window_id() { # branch number
  curl -sf -H "Authorization: Bearer $admin" "$GW/api/v1/branches/$1/windows" \
    | grep -oE '\{"id":[0-9]+,"branchCode":"'"$1"'","number":'"$2"',' | grep -oE '[0-9]+' | head -1
}
admin=$(token admin1)
own=$(window_id ALM-01 1); other=$(window_id AST-01 1)
[ -n "$own" ] && [ -n "$other" ] || die "FAIL windows of ALM-01 and AST-01 not found"
session='{"fullName":"Смоук Тест","position":"менеджер"}'
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GW/api/v1/windows/$other/session" \
  -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -d "$session")
check "operator1 (ALM-01) may not sit at an AST-01 window (403, got $code)" [ "$code" = 403 ]
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GW/api/v1/windows/$own/session" \
  -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -d "$session")
check "operator1 signs in at ALM-01 window 1 with a real Keycloak token (200, got $code)" [ "$code" = 200 ]
curl -s -o /dev/null -X DELETE "$GW/api/v1/windows/$own/session" -H "Authorization: Bearer $operator"

verify=$(curl -sf -H "Authorization: Bearer $auditor" "$GW/api/v1/audit/verify")
check "the audit hash chain verifies ($verify)" grep -q '"intact":true' <<<"$verify"

# The gateway's own refusals are problem+json, never nginx's HTML; of a service's /q/ it
# shows health and the OpenAPI document only (metrics stay on the service port).
refusal() { # description expected-status-regex curl-args...
  local what=$1 want=$2 got; shift 2
  got=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$@")
  check "$what ($want problem+json, got $got)" grep -qE "^($want) application/problem\+json" <<<"$got"
}
refusal "a 10,000-character path is refused by the gateway" 414 "$GW/api/v1/tickets/$(head -c 10000 /dev/zero | tr '\0' a)"
refusal "a 5,000-character path is answered as a problem" '4[0-9][0-9]' "$GW/api/v1/tickets/$(head -c 5000 /dev/zero | tr '\0' a)"
refusal "an encoded NUL in the path" 400 "$GW/api/v1/tickets/%00"
refusal "a 9 KiB header" 431 -H "X-Padding: $(head -c 9000 /dev/zero | tr '\0' p)" "$GW/api/v1/tickets"
refusal "TRACE" 405 -X TRACE "$GW/api/v1/tickets"
refusal "a body over the gateway's 25m" 413 -X POST -H 'Content-Type: application/json' \
  --data-binary @<(head -c 26214401 /dev/zero) "$GW/api/v1/ratings"
refusal "queue-service's metrics are not exposed by the gateway" 404 "$GW/services/queue-service/q/metrics"
code=$(curl -s -o /dev/null -w '%{http_code}' "$GW/services/queue-service/q/health/ready")
check "queue-service's readiness through the gateway (200, got $code)" [ "$code" = 200 ]

log "smoke test passed"
