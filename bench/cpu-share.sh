#!/usr/bin/env bash
# Where the CPU goes during one core scenario: CPU time per operation of each process (MariaDB,
# the core, the load generator, Redis) and the core's CPU by thread, over a window in the middle
# of the measurement.
#
#   bench/cpu-share.sh SCENARIO [WINDOW_SECONDS]     # SCENARIO: earn | redeem-hot | get-member | record-order
#
# Runs `bench/run.sh SCENARIO --seconds (window + 4)` in the background (same environment: set
# BENCH_SKIP_BUILD=1 to reuse the jars), waits until its warm-up is over, then reads
# /proc/PID/stat and /proc/PID/task/*/stat at both ends of the window. Operations are the core's
# gRPC calls in the window (tierpoint_grpc_server_seconds_count). Linux only.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?usage: bench/cpu-share.sh SCENARIO [WINDOW_SECONDS]}
window=${2:-6}
warmup=${BENCH_WARMUP_SECONDS:-30}
mgmt=${BENCH_CORE_MANAGEMENT_PORT:-19081}
hz=$(getconf CLK_TCK)

bench/run.sh "$scenario" --seconds $((window + 4)) > bench/target/cpu-share-run.log 2>&1 &
runner=$!
trap 'kill $runner 2>/dev/null || true' EXIT

calls() { # gRPC calls the core has answered so far; 0 before it is up
  local metrics
  metrics=$(curl -sf "http://127.0.0.1:$mgmt/actuator/prometheus" 2>/dev/null) || { echo 0; return; }
  awk '/^tierpoint_grpc_server_seconds_count/ {s += $2} END {printf "%d\n", s}' <<< "$metrics"
}
processes() { # name ticks, per process
  for pid in $(pgrep -f 'mariadbd|core-server.jar|bench.jar|redis-server'); do
    name=$(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o 'mariadbd\|core-server.jar\|bench.jar\|redis-server' | head -1) || continue
    echo "$name $(awk '{print $14 + $15}' "/proc/$pid/stat")"
  done
}
threads() { # name ticks, per core thread name (digits folded)
  pid=$(pgrep -f core-server.jar | head -1)
  for t in /proc/"$pid"/task/*; do
    echo "$(tr ' ' '_' < "$t/comm" | sed 's/[0-9]\+/N/g') $(awk '{print $14 + $15}' "$t/stat")"
  done
}

# the warm-up starts once the core answers calls; the measurement a warm-up later
for _ in $(seq 1 600); do
  [ "$(calls)" -gt 0 ] && break
  sleep 0.5
done
sleep $((warmup + 2))
c1=$(calls); processes > bench/target/cpu-p1; threads > bench/target/cpu-t1
sleep "$window"
c2=$(calls); processes > bench/target/cpu-p2; threads > bench/target/cpu-t2
wait $runner || true

ops=$((c2 - c1))
echo "$scenario: $ops calls in ${window} s ($((ops / window))/s)"
awk -v hz="$hz" -v ops="$ops" -v w="$window" '
  NR == FNR { a[$1] += $2; next }
  { b[$1] += $2 }
  END { for (k in b) printf "  %-16s %5.0f%% of a core  %6.0f us/op\n", k, 100 * (b[k] - a[k]) / hz / w, 1e6 * (b[k] - a[k]) / hz / ops }
' bench/target/cpu-p1 bench/target/cpu-p2 | sort -k2 -rn
echo "core threads:"
awk -v hz="$hz" -v w="$window" '
  NR == FNR { a[$1] += $2; next }
  { b[$1] += $2 }
  END { for (k in b) if (b[k] - a[k] > 0) printf "  %-20s %5.0f%% of a core\n", k, 100 * (b[k] - a[k]) / hz / w }
' bench/target/cpu-t1 bench/target/cpu-t2 | sort -k2 -rn | head -12
