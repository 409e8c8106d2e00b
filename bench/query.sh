#!/usr/bin/env bash
# Benchmarks P1-P4 of query-svc on the embedded suite: large-answer throughput against curl (P1), added latency of
# a small cone search (P2), Kafka request throughput against the peer's own rate (P3), cache against origin (P4).
# Usage: bench/query.sh [P1 rows] [P3 requests] [parts]   (defaults 1000000, 2000 and P1,P2,P3,P4)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f e2e-tests/target/launcher.classpath ] || ./mvnw -B -q -DskipTests package
exec java -Xmx512m -Dastroruntime.repo="$PWD" -cp "e2e-tests/target/classes:$(cat e2e-tests/target/launcher.classpath)" \
  org.astroruntime.e2e.bench.QueryBenchmark "$@"
