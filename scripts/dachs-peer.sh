#!/usr/bin/env bash
# Brings up GAVO DaCHS (Debian's gavodachs2-server) on this machine as a real third-party VO
# peer to test AstroRuntime against: the synthetic catalogue and images in peers/dachs/ are
# imported and served by Simple Cone Search 1.03, SIAP 1.0, SIAv2 (ObsCore) and TAP 1.1.
#
# Usage (as root; Debian/Ubuntu with apt):
#   scripts/dachs-peer.sh [start]   install if needed, configure, import, start, print the URLs
#   scripts/dachs-peer.sh check     run a few HTTP requests against the running peer
#   scripts/dachs-peer.sh stop      stop DaCHS; PostgreSQL keeps running unless
#                                   DACHS_STOP_POSTGRES=1 is set
# Environment: DACHS_PORT (default 8096), DACHS_HOST (name used in the URLs DaCHS writes into
# its responses, default localhost), DACHS_AUTHORITY (ivo:// authority, default
# astroruntime.peer), DACHS_WAIT (seconds to wait for the server, default 90).
# Running start again is cheap: every step checks first and only does what is missing.
set -euo pipefail

PORT=${DACHS_PORT:-8096}
HOST=${DACHS_HOST:-localhost}
AUTHORITY=${DACHS_AUTHORITY:-astroruntime.peer}
WAIT=${DACHS_WAIT:-90}
BASE=http://$HOST:$PORT
SRC=$(cd "$(dirname "$0")/.." && pwd)/peers/dachs
GAVO=/var/gavo
RESDIR=$GAVO/inputs/astropeer   # DaCHS finds RDs below its inputs dir; the RD id is astropeer/q
RC=/etc/gavo.rc
MARK="# written by AstroRuntime scripts/dachs-peer.sh"
PIDFILE=$GAVO/state/web.pid
export DEBIAN_FRONTEND=noninteractive

log() { echo "[dachs-peer] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
http_code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" 2>/dev/null || true; }
dachs_pid() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }
psql_gavo() { runuser -u postgres -- psql -d gavo -Atqc "$1"; }

[ "$(id -u)" = 0 ] || die "run as root (needs apt-get, runuser and /var/gavo)"

# ---------------------------------------------------------------- stop
stop() {
  if pid=$(dachs_pid); then
    log "stopping DaCHS (pid $pid)"
    dachs serve stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { log "DaCHS did not stop, killing pid $pid"; kill -9 "$pid"; }
  else
    log "DaCHS is not running"
  fi
  if [ "${DACHS_STOP_POSTGRES:-0}" = 1 ] && command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h | awk '$4=="online"{print $1, $2}' | while read -r v c; do
      log "stopping PostgreSQL $v/$c"; pg_ctlcluster "$v" "$c" stop; done
  fi
}

# ---------------------------------------------------------------- check
# A smoke test of every protocol; exits non-zero when one fails.
check() {
  local fail=0 n job phase
  ok() { echo "  ok   $*"; }
  ko() { echo "  FAIL $*"; fail=1; }
  # Body first, grep after: with pipefail, grep -q closing a pipe early would make curl fail.
  has() { local body; body=$(curl -sfL -m 30 "$1") && grep -qF "$2" <<<"$body"; }
  # DaCHS writes BINARY-encoded VOTables, so rows are counted with astropy (installed above).
  rows() {
    curl -sfL -m 30 "$1" | /usr/bin/python3 -c 'import io, sys
from astropy.io.votable import parse_single_table
print(len(parse_single_table(io.BytesIO(sys.stdin.buffer.read())).array))' 2>/dev/null || echo "?"
  }
  n=$(rows "$BASE/astropeer/q/cone/scs.xml?RA=180&DEC=2&SR=0.5")
  [ "$n" = 114 ] && ok "SCS RA=180 DEC=2 SR=0.5: $n rows" || ko "SCS: $n rows, expected 114"
  n=$(curl -sf -m 30 "$BASE/tap/sync" -d REQUEST=doQuery -d LANG=ADQL -d FORMAT=csv \
    --data-urlencode 'QUERY=SELECT COUNT(*) AS n FROM astropeer.stars' | tail -n1 | tr -d '\r')
  [ "$n" = 3000 ] && ok "TAP sync: astropeer.stars has $n rows" || ko "TAP sync: count '$n', expected 3000"
  # DaCHS 2.7 ignores PHASE=RUN in the creating POST, so the job is started by a second POST.
  job=$(curl -s -m 30 -o /dev/null -w '%{redirect_url}' "$BASE/tap/async" -d REQUEST=doQuery \
    -d LANG=ADQL -d PHASE=RUN --data-urlencode 'QUERY=SELECT TOP 5 id, mag FROM astropeer.stars')
  if [ -n "$job" ]; then
    curl -s -m 30 -o /dev/null "$job/phase" -d PHASE=RUN
    for _ in $(seq 60); do
      phase=$(curl -s -m 10 "$job/phase")
      case $phase in COMPLETED|ERROR|ABORTED) break ;; esac; sleep 1
    done
    n=$(rows "$job/results/result")
    [ "$phase" = COMPLETED ] && [ "$n" = 5 ] && ok "TAP async job $job: $n rows" ||
      ko "TAP async job $job ended $phase with $n rows"
    curl -s -m 10 -o /dev/null -X DELETE "$job" || true
  else
    ko "TAP async: no job created"
  fi
  has "$BASE/tap/tables" 'astropeer.stars' && ok "TAP /tables lists astropeer.stars" || ko "TAP /tables"
  has "$BASE/tap/examples" 'typeof="example"' && ok "TAP /examples" || ko "TAP /examples"
  n=$(rows "$BASE/astropeer/q/im/siap.xml?POS=180,2&SIZE=0.5")
  [ "$n" = 5 ] && ok "SIAP 1.0 POS=180,2 SIZE=0.5: $n images" || ko "SIAP 1.0: $n images, expected 5"
  has "$BASE/__system__/siap2/sitewide/siap2.xml?POS=CIRCLE%20180%202%200.3&RESPONSEFORMAT=csv" \
    'peer_c.fits' && ok "SIAv2 POS=CIRCLE 180 2 0.3" || ko "SIAv2"
  [ "$(http_code "$BASE/getproduct/astropeer/images/peer_c.fits")" = 200 ] && ok "image download" ||
    ko "image download"
  return $fail
}

# ---------------------------------------------------------------- start
install_packages() {
  local pkgs=() pgver
  # PostgreSQL first: DaCHS's postinst creates its database and fails when no server runs.
  installed postgresql || pkgs+=(postgresql)
  if [ ${#pkgs[@]} -gt 0 ]; then
    log "installing ${pkgs[*]}"; apt-get update -qq; apt-get install -y -qq "${pkgs[@]}" >/dev/null
  fi
  start_postgres
  pgver=$(pg_lsclusters -h | awk '$4=="online"{print $1; exit}')
  pkgs=()
  for p in gavodachs2-server "postgresql-$pgver-pgsphere" python3-astropy python3-numpy curl; do
    installed "$p" || pkgs+=("$p")
  done
  if [ ${#pkgs[@]} -gt 0 ]; then
    write_config   # before the postinst runs, so a freshly started DaCHS would not take port 8080
    log "installing ${pkgs[*]} (takes a minute or two)"
    apt-get update -qq
    apt-get install -y -qq "${pkgs[@]}" >/dev/null || dpkg --configure -a
  fi
  # A postinst that failed earlier (e.g. PostgreSQL was down) leaves the package half-configured.
  installed gavodachs2-server || dpkg --configure -a
  installed gavodachs2-server || die "gavodachs2-server could not be installed/configured"
}

start_postgres() {
  command -v pg_lsclusters >/dev/null || die "postgresql-common missing"
  if [ -z "$(pg_lsclusters -h)" ]; then
    local v; v=$(ls /usr/lib/postgresql | sort -V | tail -1)
    log "creating PostgreSQL cluster $v/main"; pg_createcluster "$v" main >/dev/null
  fi
  # No systemd here (containers), so the cluster is started with pg_ctlcluster directly.
  pg_lsclusters -h | awk '$4!="online"{print $1, $2}' | while read -r v c; do
    log "starting PostgreSQL $v/$c"; pg_ctlcluster "$v" "$c" start; done
}

# /etc/gavo.rc is DaCHS's site config; RC_CHANGED=1 when it changed so a running server restarts.
RC_CHANGED=0
write_config() {
  local want
  want=$(printf '%s\n' "$MARK" "[web]" "serverPort: $PORT" "serverURL: $BASE" \
    "bindAddress: 127.0.0.1" "sitename: AstroRuntime DaCHS peer" "" \
    "[ivoa]" "authority: $AUTHORITY")
  if [ -f "$RC" ] && ! grep -qF "$MARK" "$RC"; then
    log "WARNING: $RC was not written by this script; leaving it alone"; return
  fi
  if [ "$(cat "$RC" 2>/dev/null)" != "$want" ]; then
    log "writing $RC (port $PORT, authority $AUTHORITY)"
    echo "$want" >"$RC"; RC_CHANGED=1
  fi
}

# Replace the placeholder publisher/contact texts of a fresh install (they show up in VOSI and
# registry records); the authority creation date DaCHS wrote is kept.
write_meta() {
  local m=$GAVO/etc/defaultmeta.txt created
  [ -f "$m" ] && grep -q "Your organisation's name" "$m" || return 0
  created=$(grep '^authority.creationDate' "$m" || true)
  {
    echo "publisher: AstroRuntime test peer"
    echo "contact.name: AstroRuntime developers"
    echo "contact.address: localhost"
    echo "contact.email: invalid@example.com"
    echo "creator.name: AstroRuntime"
    echo '_noresultwarning: Your query did not match any data.'
    echo "$created"
    echo "authority.shortName: AR peer"
    echo "site.description: A local GAVO DaCHS serving synthetic test data for AstroRuntime."
  } >"$m"
  chown dachsroot:gavo "$m"
  RC_CHANGED=1
}

# userconfig.rd holds site-wide additions (here: the TAP examples served at /tap/examples).
write_userconfig() {
  local dest=$GAVO/etc/userconfig.rd
  if [ -f "$dest" ] && ! grep -q 'AstroRuntime peer' "$dest"; then
    log "WARNING: $dest was not written by this script; leaving it alone"; return
  fi
  cmp -s "$SRC/userconfig.rd" "$dest" && return
  install -o dachsroot -g gavo -m 644 "$SRC/userconfig.rd" "$dest"
  RC_CHANGED=1
}

# Copies the RD, regenerates the data (deterministic) and re-imports only when the inputs
# changed or the table is not there; the stamp is a checksum of the RD and the generator.
IMPORTED=0
import_resource() {
  local stamp have
  stamp=$(cat "$SRC/q.rd" "$SRC/make_data.py" | sha256sum | cut -c1-16)
  have=$(psql_gavo "SELECT count(*) FROM astropeer.stars" 2>/dev/null || echo 0)
  # The ObsCore view must exist before a table is added to it (SIAv2 queries it).
  if [ "$(psql_gavo "SELECT to_regclass('ivoa._obscoresources') IS NOT NULL")" != t ]; then
    log "creating the ObsCore table"; (cd /tmp && dachs imp //obscore >/dev/null)
  fi
  if [ "$(cat "$RESDIR/.stamp" 2>/dev/null)" = "$stamp" ] && [ "$have" = 3000 ]; then
    log "resource astropeer/q already imported (astropeer.stars: $have rows)"; return
  fi
  log "generating data and importing astropeer/q"
  mkdir -p "$RESDIR"
  cp "$SRC/q.rd" "$RESDIR/q.rd"
  # Debian's python3 (not a pyenv/venv one) has the astropy the image generator needs.
  /usr/bin/python3 "$SRC/make_data.py" "$RESDIR" >&2
  chown -R dachsroot:gavo "$RESDIR"; chmod -R a+rX "$RESDIR"
  (cd "$RESDIR" && dachs imp q >/dev/null)
  echo "$stamp" >"$RESDIR/.stamp"
  IMPORTED=1
}

publish() {
  # Registers the services (and the site's authority/registry/TAP records) with DaCHS's
  # built-in registry, so they get their ivo:// ids; cheap, so always done.
  (cd /tmp && dachs pub //services //tap //siap2 astropeer/q >/dev/null)
}

start_server() {
  local pid code
  if pid=$(dachs_pid); then
    if [ "$RC_CHANGED" = 1 ] || [ "$IMPORTED" = 1 ]; then
      log "restarting DaCHS (configuration or data changed)"; stop >/dev/null 2>&1
    elif [ "$(http_code "$BASE/tap/availability")" = 200 ]; then
      log "DaCHS already running (pid $pid)"; return
    fi
  fi
  rm -f "$PIDFILE"   # stale after a reboot or a crash; DaCHS would refuse to start
  code=$(http_code "http://127.0.0.1:$PORT/")
  [ "$code" = 000 ] || die "port $PORT is taken by something else (HTTP $code); set DACHS_PORT"
  log "starting DaCHS on port $PORT"
  # 'dachs serve start' daemonises itself (and drops root for the gavo user).
  (cd /tmp && setsid dachs serve start </dev/null >>$GAVO/logs/peer-start.log 2>&1)
  for _ in $(seq "$WAIT"); do
    [ "$(http_code "$BASE/tap/availability")" = 200 ] && return
    sleep 1
  done
  die "DaCHS did not answer on $BASE within ${WAIT}s; see $GAVO/logs/"
}

report() {
  cat <<EOF

DaCHS peer is up at $BASE (logs: $GAVO/logs/, stop: $0 stop)
  SCS 1.03   $BASE/astropeer/q/cone/scs.xml?   (e.g. RA=180&DEC=2&SR=0.5)
  SIAP 1.0   $BASE/astropeer/q/im/siap.xml?    (e.g. POS=180,2&SIZE=0.5)
  SIAv2      $BASE/__system__/siap2/sitewide/siap2.xml?   (e.g. POS=CIRCLE 180 2 0.3)
  TAP 1.1    $BASE/tap   (tables: astropeer.stars, astropeer.images, ivoa.obscore)
  registry   $BASE/oai.xml  (OAI-PMH)
  ivo ids:
EOF
  psql_gavo "SELECT '    ' || ivoid FROM dc.resources WHERE NOT deleted ORDER BY ivoid"
}

case ${1:-start} in
  start)
    install_packages
    write_config
    write_meta
    write_userconfig
    import_resource
    publish
    start_server
    report ;;
  stop) stop ;;
  check) check ;;
  *) echo "usage: $0 [start|stop|check]" >&2; exit 2 ;;
esac
