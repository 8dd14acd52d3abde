#!/usr/bin/env bash
# How long the project's server takes from Liberty's own `server start` (as an operator's script or
# a container runs it) to /health/ready answering 200, and how much memory it holds: resident at
# ready, and idle again after 20 calls. The first start of a new server is cold (Liberty resolves
# its features and generates the key store); the others are warm, as every restart of a deployed
# server is. Liberty's own timestamps say where the time went.
#
#   bench/start-time.sh [-n STARTS] [WAR]     (default: 4 starts, the first cold, of target/nexus-liberty.war)
#
# Needs the Liberty that `mvn verify` (or `mvn liberty:create`) installs in target/liberty/wlp.
# Environment variables such as TEMPORAL_ADDRESS are passed to the server as they are.
set -euo pipefail

starts=4
if [[ "${1:-}" == "-n" ]]; then
  starts=$2
  shift 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
war=${1:-$root/target/nexus-liberty.war}
wlp=$root/target/liberty/wlp
server=start-bench
dir=$wlp/usr/servers/$server
[[ -x $wlp/bin/server ]] || { echo "No Liberty in $wlp: run mvn verify first" >&2; exit 1; }
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

"$wlp/bin/server" stop $server >/dev/null 2>&1 || true
rm -rf "$dir"
mkdir -p "$dir/apps"
cp "$root"/src/main/liberty/config/{server.xml,jvm.options,server.env} "$dir/"
cp "$war" "$dir/apps/nexus-liberty.war"
http=$(port)
printf 'http.port=%s\n' "$http" >"$dir/bootstrap.properties"
printf 'TEMPORAL_EMBEDDED_PORT=0\nTEMPORAL_CONFIG_FILE=none\n' >>"$dir/server.env"
trap '"$wlp/bin/server" stop $server >/dev/null 2>&1 || true' EXIT
log=$dir/logs/messages.log

# Seconds from the first line of messages.log (the launch) to the line with this message ID.
since_launch() {
  python3 - "$log" "$1" <<'EOF'
import re, sys
from datetime import datetime
stamp = re.compile(r'^\[(\d+/\d+/\d+),? (\d+:\d+:\d+[:.]\d+)')
def at(line):
    m = stamp.match(line)
    return datetime.strptime(m.group(1) + ' ' + m.group(2).replace('.', ':'), '%m/%d/%y %H:%M:%S:%f')
lines = [l for l in open(sys.argv[1], errors='replace') if stamp.match(l)]
first = at(lines[0])
for l in lines:
    if sys.argv[2] in l:
        print('%.1f' % (at(l) - first).total_seconds())
        break
else:
    print('-')
EOF
}

declare -a ready_s rss_ready rss_idle
for i in $(seq 1 "$starts"); do
  rm -f "$log"
  begin=$(now)
  "$wlp/bin/server" start $server >/dev/null
  until curl -sf -o /dev/null "http://127.0.0.1:$http/health/ready"; do
    sleep 0.05
    [[ $(awk -v b="$begin" -v n="$(now)" 'BEGIN {print (n - b > 180)}') == 1 ]] && { echo "not ready in 180 s" >&2; exit 1; }
  done
  ready=$(awk -v b="$begin" -v n="$(now)" 'BEGIN {printf "%.1f", n - b}')
  pid=$(cat "$wlp/usr/servers/.pid/$server.pid")
  at_ready=$(rss_mib "$pid")
  for _ in $(seq 1 20); do
    curl -sf -o /dev/null -XPOST "http://127.0.0.1:$http/api/echo" -H 'Content-Type: application/json' -d '{"message":"start"}'
  done
  sleep 15
  idle=$(rss_mib "$pid")
  kind=$([[ $i == 1 ]] && echo cold || echo warm)
  echo "start $i ($kind): ready ${ready} s after 'server start'; launch to application started $(since_launch CWWKZ0001I) s, to server ready $(since_launch CWWKF0011I) s; RSS ${at_ready} MiB at ready, ${idle} MiB idle after 20 calls"
  [[ $i == 1 ]] || { ready_s+=("$ready"); rss_ready+=("$at_ready"); rss_idle+=("$idle"); }
  "$wlp/bin/server" stop $server >/dev/null
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
if [[ ${#ready_s[@]} -gt 0 ]]; then
  echo "warm starts: median ready $(median "${ready_s[@]}") s, RSS at ready $(median "${rss_ready[@]}") MiB, idle $(median "${rss_idle[@]}") MiB (of ${#ready_s[@]})"
fi
