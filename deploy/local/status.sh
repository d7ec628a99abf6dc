#!/usr/bin/env bash
# One line per component of the local GfC system: name, UP/DOWN (START = running, not ready),
# address, pid. Exit status 0 when everything is UP, 3 otherwise.
#   deploy/local/status.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

out=$(stack_status)
echo "$out"
! grep -qE ' (DOWN|START) ' <<<"$out" || exit 3
