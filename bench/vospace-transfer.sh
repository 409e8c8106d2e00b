#!/usr/bin/env bash
# Benchmark: a large file up to and down from vospace-svc, divided by a plain copy on the same disk, with
# vospace-svc's peak used heap. Usage: bench/vospace-transfer.sh [sizeMiB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f e2e-tests/target/launcher.classpath ] || ./mvnw -B -q -DskipTests package
exec java -Xmx256m -Dastroruntime.repo="$PWD" -cp "e2e-tests/target/classes:$(cat e2e-tests/target/launcher.classpath)" \
  org.astroruntime.e2e.bench.VoSpaceTransferBenchmark "$@"
