#!/usr/bin/env bash
# A demo certification authority in the shape of the National Certification Authority of
# Kazakhstan (НУЦ РК) and EDS certificates for the demo operators and a demo citizen, as real
# PKI files:
#   deploy/local/pki.sh [--force]
# Writes $GFC_STATE_DIR/pki/: ca.pem (what intake and consent trust: GFC_EDS_TRUSTED_CA), ca.key,
# and per user <user>.pem, <user>.key and <user>.p12 (password "demo", for desktop signers).
# What exists is kept (a new CA would void every signature made so far); --force makes all anew.
# Certificates follow НУЦ's employee SIGN certificate: subject CN, SURNAME, SERIALNUMBER=IIN…,
# C=KZ, L, ST, O, OU=BIN…; keyUsage digitalSignature+nonRepudiation; extendedKeyUsage with
# the legal-entity (1.2.398.3.3.4.1.2) and employee (1.2.398.3.3.4.1.2.5) role OIDs. The
# citizen's is an individual's SIGN certificate: no O/OU, the individual role (1.2.398.3.3.4.1.1);
# with it the demo signs a consent at the window (consent-service, channel IN_PERSON_EDS).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v openssl >/dev/null || apt_install openssl
PKI="$GFC_STATE_DIR/pki"
ORG="НАО «Правительство для граждан» DEMO"
ORG_BIN="BIN160440007161"
# user  IIN  surname  given name  (the demo realm's operators, deploy/keycloak/gfc-realm.json)
OPERATORS=(
  "operator1   850903331779 ҚАСЫМОВ ЕРЛАН"
  "supervisor1 790127422902 ӘБЕНОВА ГҮЛНАР"
)
CITIZENS=(
  "citizen1    900412448217 СӘРСЕНОВА АЙГҮЛ"
)

if [ "${1:-}" = --force ]; then
  rm -rf "$PKI"
fi
mkdir -p "$PKI"
chmod 700 "$PKI"
cd "$PKI"

if [ ! -f ca.pem ] || [ ! -f ca.key ]; then
  log "making the demo CA in $PKI"
  cat >ca.ext <<'X'
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
X
  openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 -utf8 \
    -subj "/CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) DEMO/C=KZ" \
    -keyout ca.key -out ca.pem -extensions v3_ca -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3_ca]\n'; cat ca.ext) \
    2>/dev/null
  rm -f ca.ext
  # certificates of an older CA would no longer chain: issue them again
  for o in "${OPERATORS[@]}" "${CITIZENS[@]}"; do set -- $o; rm -f "$1.pem" "$1.key" "$1.p12"; done
fi

issue() { # user iin surname given kind(employee|individual)
  local user=$1 iin=$2 surname=$3 given=$4 kind=$5 roles subj
  [ -f "$user.pem" ] && [ -f "$user.key" ] && return 0
  log "issuing the EDS certificate of $user"
  if [ "$kind" = employee ]; then
    roles=1.2.398.3.3.4.1.2,1.2.398.3.3.4.1.2.5
    subj="/CN=$surname $given/SN=$surname/serialNumber=IIN$iin/C=KZ/L=АЛМАТЫ/ST=АЛМАТЫ/O=$ORG/OU=$ORG_BIN"
  else
    roles=1.2.398.3.3.4.1.1
    subj="/CN=$surname $given/SN=$surname/serialNumber=IIN$iin/C=KZ"
  fi
  cat >"$user.ext" <<X
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
extendedKeyUsage=emailProtection,$roles
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
X
  openssl req -new -newkey rsa:2048 -nodes -sha256 -utf8 -subj "$subj" \
    -keyout "$user.key" -out "$user.csr" 2>/dev/null
  openssl x509 -req -in "$user.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days 365 \
    -extfile "$user.ext" -out "$user.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$user.key" -in "$user.pem" -certfile ca.pem -name "$user" \
    -passout pass:demo -out "$user.p12"
  rm -f "$user.csr" "$user.ext"
}

for o in "${OPERATORS[@]}"; do set -- $o; issue "$1" "$2" "$3" "$4" employee; done
for o in "${CITIZENS[@]}"; do set -- $o; issue "$1" "$2" "$3" "$4" individual; done
chmod 600 ./*.key ./*.p12

log "demo PKI in $PKI (trust: GFC_EDS_TRUSTED_CA=$PKI/ca.pem)"
for o in "${OPERATORS[@]}" "${CITIZENS[@]}"; do
  set -- $o
  # the IIN in the subject's serialNumber is masked: no IIN reaches a log, a demo one included (R23)
  printf '  %-12s %s\n' "$1" "$(openssl x509 -in "$1.pem" -noout -enddate -nameopt utf8,sep_comma_plus -subject \
    | tr '\n' ' ' | sed -E 's/IIN[0-9]{12}/IIN************/g')"
done
