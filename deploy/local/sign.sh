#!/usr/bin/env bash
# Signs a payload as a demo user's desktop signer (NCALayer) would, and prints the base64
# detached CMS (PKCS#7) for its "signature" member:
#   deploy/local/sign.sh <payload.json> <operator1|supervisor1|citizen1>
# An operator signs an application (intake-service); citizen1 signs a consent at the window
# (consent-service, POST /api/v1/consents/in-person). What is signed is the payload's RFC 8785
# canonical JSON without its top-level "signature" member, the bytes the service verifies.
# Certificates come from pki.sh (run it first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -eq 2 ] || { echo "usage: $0 <payload.json> <operator1|supervisor1|citizen1>" >&2; exit 2; }
payload=$1 user=$2
PKI="$GFC_STATE_DIR/pki"
[ -f "$payload" ] || die "no such payload file: $payload"
[ -f "$PKI/$user.pem" ] && [ -f "$PKI/$user.key" ] || die "no EDS certificate for $user in $PKI: run deploy/local/pki.sh"
command -v jq >/dev/null || apt_install jq
jcs=${GFC_JCS_JAR:-$HOME/.m2/repository/io/github/erdtman/java-json-canonicalization/1.1/java-json-canonicalization-1.1.jar}
[ -f "$jcs" ] || die "missing $jcs: build intake-service once (mvn -pl intake-service -am package) to fetch it"

canonical=$(mktemp)
trap 'rm -f "$canonical"' EXIT
jq -c 'del(.signature)' "$payload" | java -cp "$jcs" "$GFC_ROOT/deploy/local/JcsCanonicalize.java" >"$canonical"
openssl cms -sign -binary -md sha256 -nosmimecap -in "$canonical" \
  -signer "$PKI/$user.pem" -inkey "$PKI/$user.key" -outform DER | base64 -w0
echo
