#!/usr/bin/env bash
# Benchmark: registry-svc harvests N synthetic VOResource records (default 30000) over OAI-PMH from loopback,
# then answers keyword searches over HTTP; prints harvest time and search latency p50/p99 against a trivial
# endpoint of the same service. Usage: bench/registry-search.sh [records]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f registry-svc/target/quarkus-app/quarkus-run.jar ] || [ ! -f registry-svc/target/test.classpath ]; then
  ./mvnw -B -q -pl registry-svc -am -DskipTests package
fi
exec java -Xmx1g -cp "registry-svc/target/test-classes:registry-svc/target/classes:$(cat registry-svc/target/test.classpath)" \
  org.astroruntime.registry.bench.RegistryBenchmark "$@"
