#!/usr/bin/env bash
# Prints a bearer token that the locally running Luoshi (deploy/local/run.sh) accepts:
#   deploy/local/token.sh ROLE REGION [SUBJECT] [HOURS]
#   ROLE    viewer | assessor | operator | admin   (API.md, Security)
#   REGION  the subtree the caller may act in: 330600 (绍兴市), 330000 (浙江省), 000000 (the whole country)
# It is signed with the key pair run.sh made at its first start, in $LUOSHI_DATA_DIR/jwt (default
# ~/.local/share/luoshi/jwt); valid for 12 hours unless HOURS says otherwise (1 to 24: the services refuse a
# token that lives longer). When LUOSHI_JWT_AUDIENCE is set (as for run.sh), the token names that audience. Example:
#   curl -H "Authorization: Bearer $(deploy/local/token.sh viewer 330600)" localhost:8080/api/v1/compliance/330600
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA_DIR=${LUOSHI_DATA_DIR:-$HOME/.local/share/luoshi}
if [ $# -lt 2 ]; then
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
CLASSES=$ROOT/security/target/classes
[ -f "$CLASSES/luoshi/security/jwt/LocalJwt.class" ] || { echo "not built yet: run deploy/local/run.sh once" >&2; exit 1; }
exec java -cp "$CLASSES" luoshi.security.jwt.LocalJwt token "$DATA_DIR/jwt" "$@"
