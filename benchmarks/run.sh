#!/usr/bin/env bash
# The national-scale benchmark of Luoshi (issue #8), in one command: builds the harness when needed, starts the
# whole system with deploy/local/run.sh on a fresh data directory and free ports (timing the cold start), loads the
# whole country through the public API, measures, prints the table, writes docs/BENCHMARKS.md and
# docs/benchmarks.json, and stops the system. See benchmarks/README.md for the options (e.g. --target to measure a
# system that is already running). Ctrl-C stops everything it started.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v java >/dev/null || { echo "benchmarks: java is not on the PATH: install a JDK 17 or newer." >&2; exit 1; }

# The harness is no module of the root pom (./mvnw verify never runs it): build it on its own when it is not built
# or older than its sources.
classes=benchmarks/target/classes
if [ ! -d benchmarks/target/lib ] || [ ! -d "$classes" ] \
   || [ -n "$(find benchmarks/src benchmarks/pom.xml -newer "$classes" -type f 2>/dev/null | head -1)" ]; then
  echo "building the benchmark harness ..."
  ./mvnw -B -q -f benchmarks/pom.xml -DskipTests package
  touch "$classes"
fi

exec java -Xmx1g ${LUOSHI_BENCH_JAVA_OPTS:-} -cp "$classes:benchmarks/target/lib/*" luoshi.bench.Main --root "$ROOT" "$@"
