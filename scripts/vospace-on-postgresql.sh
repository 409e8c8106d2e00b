#!/usr/bin/env bash
# Runs vospace-svc's tests (the VOSpace conformance classes included) against a real PostgreSQL instead of the
# embedded H2: a throwaway cluster under target/, on a free port, removed afterwards. The same Flyway migrations run.
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql). Usage: scripts/vospace-on-postgresql.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 2; }
data=$PWD/target/postgresql-check
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rm -rf "$data" && mkdir -p "$data"
# PostgreSQL refuses to run as root: run it as the postgres account then.
as_db=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$data"
  as_db=(runuser -u postgres --)
fi
"${as_db[@]}" "$bin/initdb" -D "$data/cluster" -A trust -U postgres >/dev/null
"${as_db[@]}" "$bin/pg_ctl" -D "$data/cluster" -o "-p $port -k $data -c listen_addresses=127.0.0.1" -l "$data/server.log" -w start >/dev/null
trap '"${as_db[@]}" "$bin/pg_ctl" -D "$data/cluster" -m fast stop >/dev/null; rm -rf "$data"' EXIT
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE USER astroruntime PASSWORD 'astroruntime'" \
  -c "CREATE DATABASE vospace OWNER astroruntime"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"
./mvnw -B -pl vospace-svc -am -Ppostgresql verify -Dquarkus.datasource.db-kind=postgresql \
  "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:$port/vospace" -Dquarkus.datasource.password=astroruntime
