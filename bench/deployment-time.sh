#!/usr/bin/env bash
# How long a deployment of the WAR takes in Open Liberty, cold and warm, measured by Liberty itself
# (CWWKZ0001I "started in", CWWKZ0003I "updated in"). With several WARs, their redeployments
# alternate in one server, so that the figures are side by side on a shared, noisy machine.
#
#   bench/deployment-time.sh [-n ROUNDS] [WAR...]     (default: 5 rounds of target/nexus-liberty.war)
#
# Needs the Liberty that `mvn verify` (or `mvn liberty:create`) installs in target/liberty/wlp.
# Environment variables such as TEMPORAL_ADDRESS are passed to the server as they are.
set -euo pipefail

rounds=5
if [[ "${1:-}" == "-n" ]]; then
  rounds=$2
  shift 2
fi
wars=("$@")
[[ ${#wars[@]} -gt 0 ]] || wars=(target/nexus-liberty.war)

root=$(cd "$(dirname "$0")/.." && pwd)
wlp=$root/target/liberty/wlp
server=deployment-bench
dir=$wlp/usr/servers/$server
[[ -x $wlp/bin/server ]] || { echo "No Liberty in $wlp: run mvn verify first" >&2; exit 1; }
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

"$wlp/bin/server" stop $server >/dev/null 2>&1 || true
rm -rf "$dir"
mkdir -p "$dir/apps"
cp "$root/src/main/liberty/config/server.xml" "$dir/server.xml"
printf 'http.port=%s\nhttps.port=%s\n' "$(port)" "$(port)" >"$dir/bootstrap.properties"
printf 'TEMPORAL_EMBEDDED_PORT=0\nTEMPORAL_CONFIG_FILE=none\n' >"$dir/server.env"
trap '"$wlp/bin/server" stop $server >/dev/null 2>&1 || true' EXIT

log=$dir/logs/messages.log
deployed() { grep -c 'CWWKZ0001I: Application nexus-liberty\|CWWKZ0003I: The application nexus-liberty' "$log" 2>/dev/null || true; }
last_seconds() { grep -o 'nexus-liberty \(started\|updated\) in [0-9.]* seconds' "$log" | tail -1 | awk '{print $4}'; }

deploy() {
  local war=$1 before
  before=$(deployed)
  cp "$war" "$dir/apps/nexus-liberty.war.tmp"
  mv "$dir/apps/nexus-liberty.war.tmp" "$dir/apps/nexus-liberty.war"
  for _ in $(seq 1 240); do
    [[ $(deployed) -gt $before ]] && { last_seconds; return; }
    sleep 0.5
  done
  echo "timeout" >&2
  exit 1
}

cp "${wars[0]}" "$dir/apps/nexus-liberty.war"
"$wlp/bin/server" start $server >/dev/null
for _ in $(seq 1 240); do [[ $(deployed) -gt 0 ]] && break; sleep 0.5; done
echo "cold start of ${wars[0]}: $(last_seconds) s"

declare -A times
for round in $(seq 1 "$rounds"); do
  for war in "${wars[@]}"; do
    sleep 2
    seconds=$(deploy "$war")
    times[$war]="${times[$war]:-} $seconds"
    echo "round $round $war: $seconds s"
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
first=""
for war in "${wars[@]}"; do
  m=$(echo "${times[$war]}" | median)
  echo "median warm deployment of $war: $m s (of$(echo "${times[$war]}"))"
  if [[ -z $first ]]; then first=$m; else
    echo "  ratio to ${wars[0]}: $(awk -v a="$m" -v b="$first" 'BEGIN {printf "%.2f", a / b}')"
  fi
done
echo "SRVE9967W warnings: $(grep -c SRVE9967W "$log" || true)"
