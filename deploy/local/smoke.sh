#!/usr/bin/env bash
# End-to-end check of a running stack (deploy/local/up.sh), through the gateway and with
# real Keycloak tokens: a citizen rates a visit in rating-service; the AuditRecorded that
# rating-service writes through its outbox crosses Kafka and must be stored by
# audit-service, where an auditor reads it back and the hash chain verifies; the address it
# records is the caller's as the gateway saw it, whatever X-Forwarded-For the caller forged
# (nor can a forged X-Forwarded-Proto break the Location the service answers with); an
# operator may sit at a window of their own branch only (the realm's branch claim); the
# gateway's own refusals are problem+json and it does not expose metrics. Then the document
# journey across intake, issuance and back (an application signed with a demo operator's EDS,
# its receipt checked by its public QR link, the package's custody scans, the "ready" text,
# issuance to the applicant) and the consent journey (an application waits for the citizen's
# consent, a one-time code read from the text sink confirms it, the application moves on, a
# revocation is refused by the next check).
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

# R23: no run of twelve digits (an IIN, or an id that reads as one) in the gateway's access log —
# neither from a URL nor in a correlation id the gateway makes.
probe="00000000-0000-4000-8000-123456789012"
cid=$(curl -s -o /dev/null -D - "$GW/api/v1/tickets/$probe" | tr -d '\r' | sed -nE 's/^[Xx]-[Cc]orrelation-[Ii]d: *(.*)$/\1/p')
sleep 0.3 # nginx writes the line once the response is sent
check "the gateway logs a twelve-digit run in a path masked" \
  grep -q "/api/v1/tickets/00000000-0000-4000-8000-\*\{12\} " "$GFC_LOG_DIR/gateway-access.log"
check "the gateway's own correlation id comes in groups of eight ($cid)" \
  grep -qE '^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$' <<<"$cid"
cid=$(curl -s -o /dev/null -D - -H 'X-Correlation-Id: cid-123456789012' "$GW/api/v1/tickets/$probe" \
  | tr -d '\r' | sed -nE 's/^[Xx]-[Cc]orrelation-[Ii]d: *(.*)$/\1/p')
check "a given correlation id with a twelve-digit run is replaced ($cid)" \
  grep -qE '^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$' <<<"$cid"

# ---------------------------------------------------------------------------------------
# The document journey: intake → issuance → intake, with real tokens, a real EDS and Kafka.
NOTIFY_DIR=${GFC_NOTIFY_DIR:-$GFC_STATE_DIR/notifications}
json_field() { # field < json: the first string or number value of "field"
  grep -oE '"'"$1"'":("[^"]*"|[0-9.]+|null)' | head -1 | sed -E 's/^"[^"]+"://; s/^"//; s/"$//'
}
await() { # description seconds command...: retries the command until it succeeds
  local what=$1 tries=$(($2 * 2)); shift 2
  for _ in $(seq 1 "$tries"); do if "$@" >/dev/null 2>&1; then log "ok   $what"; return 0; fi; sleep 0.5; done
  die "FAIL $what"
}
app_status_is() { # token id status
  curl -sf -H "Authorization: Bearer $1" "$GW/api/v1/applications/$2" | grep -q '"status":"'"$3"'"'
}
submit_signed() { # payload-file → response file; prints the HTTP status
  local signed=/tmp/gfc-smoke-app-signed.json sig
  sig=$("$GFC_ROOT/deploy/local/sign.sh" "$1" operator1) || die "FAIL signing the application with operator1's demo EDS"
  jq -c --arg signature "$sig" '. + {signature: $signature}' "$1" >"$signed"
  curl -s -o /tmp/gfc-smoke-app.json -w '%{http_code}' -X POST "$GW/api/v1/applications" \
    -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -H "Idempotency-Key: smoke-$RANDOM$RANDOM" \
    --data-binary @"$signed"
}
citizen_iin=900412448217 # citizen1's IIN in the demo realm (synthetic)
cat >/tmp/gfc-smoke-app.src.json <<JSON
{"serviceCode":"PASSPORT","branch":"ALM-01","language":"kk",
 "applicant":{"iin":"$citizen_iin","fullName":"Сәрсенова Айгүл","phone":"+77011234567"},
 "appliedBy":{"kind":"SELF"},"identityCheck":{"method":"ID_CARD","confirmed":true,"reference":"045612378"},
 "documents":[{"code":"IDENTITY_CARD","form":"ORIGINAL"}],"fields":{"reason":"истечение срока"},
 "payment":{"amount":34600,"currency":"KZT","reference":"SMOKE-$RANDOM"}}
JSON
code=$(submit_signed /tmp/gfc-smoke-app.src.json)
check "operator1 submits a passport application signed with their demo EDS (201, got $code)" [ "$code" = 201 ]
check "it is accepted and sent to the provider" grep -q '"outcome":"ACCEPTED".*"status":"SENT_TO_PROVIDER"\|"status":"SENT_TO_PROVIDER".*"outcome":"ACCEPTED"' /tmp/gfc-smoke-app.json
app=$(json_field id </tmp/gfc-smoke-app.json)
receipt=$(grep -oE '"number":"[^"]*"' /tmp/gfc-smoke-app.json | head -1 | cut -d'"' -f4)

code=$(curl -s -o /tmp/gfc-smoke-receipt.pdf -w '%{http_code}' -H "Authorization: Bearer $citizen" \
  -H 'Accept: application/pdf' "$GW/api/v1/applications/$app/receipt")
check "citizen1 downloads their receipt $receipt as PDF (200, got $code)" [ "$code" = 200 ]
check "the receipt is a PDF" grep -q '^%PDF-' /tmp/gfc-smoke-receipt.pdf
link=$(curl -sf -H "Authorization: Bearer $citizen" -H 'Accept: text/html' "$GW/api/v1/applications/$app/receipt" \
  | grep -oE 'href="[^"]*verify\?code=[^"]*"' | head -1 | sed -E 's/^href="//; s/"$//; s/&amp;/\&/g')
check "the receipt page carries its verification link ($link)" [ -n "$link" ]
verified=$(curl -sf "$GW/${link#*://*/}" || true)
check "anyone may check the receipt by its QR link, and learns no personal data" \
  bash -c '[[ "$1" == *"\"outcome\":\"ACCEPTED\""* && "$1" != *"$2"* ]]' _ "$verified" "$citizen_iin"

packages() { curl -sf -H "Authorization: Bearer $operator" "$GW/api/v1/packages?branch=ALM-01"; }
await "issuance-service opened a package for application $app (ApplicationAccepted over Kafka)" 60 \
  bash -c "$(declare -f packages); GW=$GW operator=$operator; packages | grep -q '\"applicationId\":\"$app\"'"
barcode=$(packages | grep -oE '"barcode":"[A-Z0-9]+","applicationId":"'"$app"'"' | cut -d'"' -f4)
scan() { # kind [window]
  curl -s -o /dev/null -w '%{http_code}' -X POST "$GW/api/v1/packages/$barcode/scans" -H "Authorization: Bearer $operator" \
    -H 'Content-Type: application/json' -d "{\"scan\":\"$1\"${2:+,\"window\":$2}}"
}
ready_before=$(grep -c '"kind":"document-ready"' "$NOTIFY_DIR/issuance-service.jsonl" 2>/dev/null || true)
for s in HANDED_TO_PROVIDER RECEIVED_FROM_PROVIDER; do
  code=$(scan $s); check "package $barcode scanned $s (200, got $code)" [ "$code" = 200 ]
done
code=$(scan RECEIVED_FROM_PROVIDER); check "a repeated scan is refused (409, got $code)" [ "$code" = 409 ]
code=$(scan TO_ISSUANCE_DESK 1); check "package $barcode scanned TO_ISSUANCE_DESK (200, got $code)" [ "$code" = 200 ]
await "intake follows DocumentReady: the application is READY" 60 app_status_is "$citizen" "$app" READY
await "the applicant is texted that the document is ready (issuance's text sink)" 90 \
  bash -c '[ "$(grep -c "\"phone\":\"+77011234567\".*\"kind\":\"document-ready\"" "$1" 2>/dev/null)" -gt "$2" ]' \
  _ "$NOTIFY_DIR/issuance-service.jsonl" "${ready_before:-0}"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GW/api/v1/packages/$barcode/issue" -H "Authorization: Bearer $operator" \
  -H 'Content-Type: application/json' -d '{"recipient":"SELF","identity":{"type":"ID_CARD","number":"045612378","iin":"850903331779"}}')
check "issuing to someone else's IIN is refused (422, got $code)" [ "$code" = 422 ]
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GW/api/v1/packages/$barcode/issue" -H "Authorization: Bearer $operator" \
  -H 'Content-Type: application/json' -d '{"recipient":"SELF","identity":{"type":"ID_CARD","number":"045612378","iin":"'"$citizen_iin"'"}}')
check "package $barcode is issued to the applicant (200, got $code)" [ "$code" = 200 ]
await "intake follows DocumentIssued: the application is ISSUED" 60 app_status_is "$citizen" "$app" ISSUED

# ---------------------------------------------------------------------------------------
# The consent journey (R7/R8): an application that needs the citizen's consent waits for it.
cat >/tmp/gfc-smoke-app.src.json <<JSON
{"serviceCode":"AGE_PENSION","branch":"ALM-01","language":"ru",
 "applicant":{"iin":"$citizen_iin","fullName":"Сәрсенова Айгүл","phone":"+77011234567"},
 "appliedBy":{"kind":"SELF"},"identityCheck":{"method":"ID_CARD","confirmed":true,"reference":"045612378"},
 "documents":[{"code":"IDENTITY_CARD","form":"ORIGINAL"},{"code":"SERVICE_RECORD","form":"ORIGINAL"}],
 "fields":{"bankAccount":"KZ12345678901234567X"}}
JSON
code=$(submit_signed /tmp/gfc-smoke-app.src.json)
check "operator1 submits an age-pension application (201, got $code)" [ "$code" = 201 ]
pension=$(json_field id </tmp/gfc-smoke-app.json)
# a consent given earlier in this stack (an earlier smoke run) lets it through at once
if ! app_status_is "$citizen" "$pension" SENT_TO_PROVIDER; then
  check "without the citizen's consent it waits (AWAITING_CONSENT)" app_status_is "$citizen" "$pension" AWAITING_CONSENT
  sent_before=$(grep -c '"kind":"consent' "$NOTIFY_DIR/consent-service.jsonl" 2>/dev/null || true)
  code=$(curl -s -o /tmp/gfc-smoke-request.json -w '%{http_code}' -X POST "$GW/api/v1/consent-requests" \
    -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' \
    -d '{"subject":"'"$citizen_iin"'","phone":"+77011234567","recipient":"MLSPP","scopes":["PERSONAL_DATA"],"purpose":"AGE_PENSION","language":"ru"}')
  check "operator1 asks for the citizen's consent; a one-time code is texted (201, got $code)" [ "$code" = 201 ]
  request=$(json_field id </tmp/gfc-smoke-request.json)
  await "the one-time code reached the citizen's phone (consent-service's text sink)" 30 \
    bash -c '[ "$(grep -c "\"kind\":\"consent" "$1" 2>/dev/null)" -gt "$2" ]' _ "$NOTIFY_DIR/consent-service.jsonl" "${sent_before:-0}"
  otp=$(grep '"kind":"consent' "$NOTIFY_DIR/consent-service.jsonl" | tail -1 | grep -oE '(коды|подтверждения): [0-9]{6}' | grep -oE '[0-9]{6}')
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GW/api/v1/consent-requests/$request/confirm" \
    -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -d '{"code":"'"$otp"'"}')
  check "the citizen's code confirms the consent (200, got $code)" [ "$code" = 200 ]
  await "intake hears ConsentGranted, asks consent-service again and forwards the application" 60 \
    app_status_is "$citizen" "$pension" SENT_TO_PROVIDER
fi
consents=$(curl -sf -H "Authorization: Bearer $citizen" "$GW/api/v1/consents")
check "citizen1 sees their active consent to MLSPP in their own list" \
  grep -qE '"recipient":"MLSPP".*"status":"ACTIVE"' <<<"$consents"
allowed() {
  curl -sf -X POST "$GW/api/v1/consents/check" -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' \
    -d '{"subject":"'"$citizen_iin"'","recipient":"MLSPP","scope":"PERSONAL_DATA","purpose":"AGE_PENSION"}'
}
check "the consent check allows MLSPP to use citizen1's personal data for the pension" grep -q '"allowed":true' <<<"$(allowed)"
for c in $(curl -sf -H "Authorization: Bearer $citizen" "$GW/api/v1/consents" | grep -oE '"id":"[0-9a-f-]{36}"' | cut -d'"' -f4); do
  curl -s -o /dev/null -X POST "$GW/api/v1/consents/$c/revoke" -H "Authorization: Bearer $citizen"
done
check "once citizen1 revokes, the very next check refuses" grep -q '"allowed":false' <<<"$(allowed)"

log "smoke test passed"
