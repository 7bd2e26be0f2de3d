#!/usr/bin/env bash
# Builds the four JVM images from the fast-jars: deploy/docker/build-images.sh [TAG] [REGISTRY/]
# e.g.  deploy/docker/build-images.sh 1.0.0 registry.example.org/   (then docker push each).
# Needs a Docker engine with BuildKit; builds the jars first when one is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TAG=${1:-1.0.0}
PREFIX=${2:-}
cd "$ROOT"
declare -A PORTS=([org-service]=8081 [funding-service]=8082 [review-service]=8083 [gateway]=8080)
declare -A MANAGEMENT_PORTS=([org-service]=9081 [funding-service]=9082 [review-service]=9083 [gateway]=9080)
for m in "${!PORTS[@]}"; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || { ./mvnw -B -q -DskipTests package; break; }
done
for m in org-service funding-service review-service gateway; do
  DOCKER_BUILDKIT=1 docker build -f deploy/docker/Dockerfile.jvm \
    --build-arg MODULE="$m" --build-arg PORT="${PORTS[$m]}" --build-arg MANAGEMENT_PORT="${MANAGEMENT_PORTS[$m]}" \
    -t "${PREFIX}luoshi/$m:$TAG" .
done
