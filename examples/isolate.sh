#!/usr/bin/env bash
# Isolate a device, then tag it, with curl. Open this file with the extension installed: the
# mis-cased keys and values below are underlined, and Fix All (or fix on save) corrects them.
set -euo pipefail

BASE="https://api.security.microsoft.com/api"
MACHINE_ID="${1:?usage: isolate.sh MACHINE_ID [COMMENT]}"
COMMENT="${2:-Isolated by the on-call analyst}"
TOKEN="$(cat "$HOME/.mde-token")"

# Keys are case-sensitive: the API answers InvalidRequestBody for "comment" and "isolationType",
# and for "selective" in place of "Selective".
curl -sS -X POST "$BASE/machines/$MACHINE_ID/isolate" \
  -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"comment": "'"$COMMENT"'", "isolationType": "selective"}'

# Without a JSON Content-Type, curl -d sends the body form-encoded; --json sets the header.
curl -sS -X POST "$BASE/machines/$MACHINE_ID/tags" \
  -H "Authorization: Bearer $TOKEN" \
  -d @- <<EOF
{"Value": "isolated-$(date +%F)", "Action": "add"}
EOF
