#!/usr/bin/env bash
# The check of deploy/ (run by .ci/run): every Kubernetes manifest (the kustomize builds of
# deploy/k8s/base and deploy/k8s/overlays/*, and the raw files in deploy/k8s/secrets and
# deploy/k8s/examples) and deploy/compose/compose.yaml must parse, pass schema validation and set
# only environment variables the services read, and fit together; deploy/docker/Dockerfile.jvm
# must be a valid Dockerfile of a non-root, health-checked image; and every broken case in
# deploy/validate-selftest must be rejected. No Docker engine and no cluster needed.
#
# Needs Node.js 20+ with npm (Debian: apt-get install nodejs npm). Installs, from the npm registry,
# the exact versions of deploy/validate/package-lock.json (yaml, ajv, ajv-formats,
# kubernetes-models, dclint, dockerfile-utils) into $LUOSHI_CACHE_DIR/deploy-validate (default
# ~/.cache/luoshi/deploy-validate), once: later runs reuse them and take a few seconds.
# Uses kubectl too when it is installed (to compare the builds with kubectl kustomize's).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/deploy/validate
TOOLS=${LUOSHI_CACHE_DIR:-${HOME:-/tmp}/.cache/luoshi}/deploy-validate

die() { printf 'deploy/validate.sh: %s\n' "$*" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null \
  || die "node and npm are needed (Debian: apt-get install nodejs npm)"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"

# Install the tools when the lock file changed since the last install (the stamp is its copy).
if ! cmp -s "$SRC/package-lock.json" "$TOOLS/.installed-lock.json" 2>/dev/null; then
  echo "== installing the check's tools into $TOOLS (npm ci) ..."
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  cp "$SRC/package.json" "$SRC/package-lock.json" "$TOOLS/"
  (cd "$TOOLS" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || die "npm ci failed in $TOOLS"
  cp "$SRC/package-lock.json" "$TOOLS/.installed-lock.json"
fi

exec node "$SRC/validate.mjs" "$ROOT" "$TOOLS"
