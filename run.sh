#!/usr/bin/env bash
# The one command: builds what is missing, starts a real Kafka broker and the five services (plus the demo
# cone-search server, a SAMP hub and a SAMP table viewer) as processes, runs the cone-search demo and keeps the
# suite running until Ctrl-C.
#   ./run.sh                    run, keep running
#   ./run.sh --exit-after-demo  stop after the demo
#   ./run.sh --rebuild          rebuild first even if the applications exist
set -euo pipefail
cd "$(dirname "$0")"

rebuild=false
args=()
for a in "$@"; do
  if [ "$a" = "--rebuild" ]; then rebuild=true; else args+=("$a"); fi
done
for m in registry-svc query-svc job-svc vospace-svc messaging-bridge; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || rebuild=true
done
[ -f e2e-tests/target/launcher.classpath ] || rebuild=true
if $rebuild; then
  echo "Building the suite (./mvnw -DskipTests package) ..."
  ./mvnw -B -q -DskipTests package
fi

exec java -Xmx256m -cp "e2e-tests/target/classes:$(cat e2e-tests/target/launcher.classpath)" \
  org.astroruntime.e2e.suite.RunMain --repo "$PWD" ${args[@]+"${args[@]}"}
