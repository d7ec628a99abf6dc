#!/usr/bin/env bash
# Development-only secrets for consent-service, which has no prod default for them: the key
# that one-time code hashes are keyed with, and the RSA key that signs consent artefacts
# (its public half is served at /api/v1/consents/keys). Generated once into the state dir and
# printed as exports for the service's environment:
#   eval "$(deploy/local/consent-keys.sh)"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dir="$GFC_STATE_DIR/secrets"
mkdir -p "$dir" && chmod 700 "$dir"
[ -f "$dir/consent-code.key" ] || openssl rand -hex 32 >"$dir/consent-code.key"
[ -f "$dir/consent-signing.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/consent-signing.pem" 2>/dev/null
chmod 600 "$dir/consent-code.key" "$dir/consent-signing.pem"
printf 'export GFC_CONSENT_CODE_KEY=%q\n' "$(cat "$dir/consent-code.key")"
printf 'export GFC_CONSENT_SIGNING_PRIVATE_KEY=%q\n' "$(cat "$dir/consent-signing.pem")"
