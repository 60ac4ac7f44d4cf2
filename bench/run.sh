#!/usr/bin/env bash
# Benchmarks the core (and the gateway) against raw JDBC / Lettuce baselines, in one invocation.
#
#   bench/run.sh SCENARIO [--concurrency N] [--seconds S]
#
# SCENARIO: earn | redeem-hot | get-member | record-order | gateway-me | all (or a comma list; the
# raw-earn / raw-redeem-hot / raw-get baselines also run alone; floor-earn / floor-earn-ledger are
# the earn's statements over bare JDBC, not in all). Each core scenario is followed by
# its raw baseline at the same concurrency. Prints one JSON line per scenario (also appended to
# bench/target/run/results.jsonl); see docs/performance.md.
#
# It builds the jars, recreates the database BENCH_DB_NAME (default tierpoint_bench) on
# MariaDB 127.0.0.1:3306 (root, empty password unless BENCH_DB_USER / BENCH_DB_PASSWORD),
# empties Redis DB BENCH_REDIS_DB (default 10) on 127.0.0.1:6379, starts the core as its own
# process (-Xmx256m, scheduled jobs off) and, for gateway-me, the gateway in sandbox mode, seeds
# 100,000 members, warms up (BENCH_WARMUP_SECONDS, 30) and measures, then stops what it started.
# BENCH_CORE_ARGS adds Spring arguments to the core (e.g. --tierpoint.group-commit.writers=8);
# BENCH_CORE_JVM adds JVM options to the core (e.g. -XX:FlightRecorderOptions:stackdepth=256);
# BENCH_SKIP_BUILD=1 reuses the jars; BENCH_JFR=1 records a JFR profile of the core
# (bench/target/run/core.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
scenario=$1
shift

db_name=${BENCH_DB_NAME:-tierpoint_bench}
db_user=${BENCH_DB_USER:-root}
db_password=${BENCH_DB_PASSWORD:-}
redis_db=${BENCH_REDIS_DB:-10}
core_port=${BENCH_CORE_PORT:-19090}
core_mgmt_port=${BENCH_CORE_MANAGEMENT_PORT:-19081}
gw_port=${BENCH_GATEWAY_PORT:-19080}
gw_mgmt_port=${BENCH_GATEWAY_MANAGEMENT_PORT:-19082}
sandbox_port=${BENCH_SANDBOX_PORT:-19091}
run_dir=bench/target/run

for port in "$core_port" "$core_mgmt_port" "$gw_port" "$gw_mgmt_port" "$sandbox_port"; do
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
    echo "port $port is taken: set BENCH_*_PORT to free ones" >&2
    exit 1
  fi
done

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  build=(-B -q -DskipTests package -pl bench,core-server,wechat-gateway -am)
  ./mvnw -o "${build[@]}" || ./mvnw "${build[@]}"
fi

mkdir -p "$run_dir"
mysql_cmd=(mysql -h127.0.0.1 -P3306 -u"$db_user")
[ -n "$db_password" ] && mysql_cmd+=(-p"$db_password")
"${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS \`$db_name\`; CREATE DATABASE \`$db_name\` CHARACTER SET utf8mb4"
redis-cli -h 127.0.0.1 -p 6379 -n "$redis_db" FLUSHDB >/dev/null

# a fresh API key for this run; the core is configured with its SHA-256 only
api_key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
key_sha=$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)
jdbc_url="jdbc:mysql://127.0.0.1:3306/$db_name?useUnicode=true&characterEncoding=utf8"
redis_url="redis://127.0.0.1:6379/$redis_db"
root=$(pwd)

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

await_health() { # name port pid
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$2/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$3" 2>/dev/null || { echo "$1 did not start: see $run_dir/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$1 not healthy after 120 s: see $run_dir/$1.log" >&2
  exit 1
}

core_jvm=(-Xmx256m ${BENCH_CORE_JVM:-})
[ "${BENCH_JFR:-0}" = 1 ] && core_jvm+=("-XX:StartFlightRecording=filename=$root/$run_dir/core.jfr,settings=profile")
(cd "$run_dir" && exec env \
  TIERPOINT_DB_URL="$jdbc_url" TIERPOINT_DB_USER="$db_user" TIERPOINT_DB_PASSWORD="$db_password" \
  TIERPOINT_REDIS_URL="$redis_url" TIERPOINT_GRPC_PORT="$core_port" TIERPOINT_MANAGEMENT_PORT="$core_mgmt_port" \
  TIERPOINT_DEMO_ENABLED=true TIERPOINT_JOBS_ENABLED=false \
  java "${core_jvm[@]}" -jar "$root/core-server/target/core-server.jar" \
    --tierpoint.auth.clients[0].id=bench \
    --tierpoint.auth.clients[0].key-sha256="$key_sha" \
    --tierpoint.auth.clients[0].scopes=members:read,members:write,points:read,points:write,orders:write,program:read,events:read \
    ${BENCH_CORE_ARGS:-} \
  >core.log 2>&1) &
pids+=($!)
await_health core "$core_mgmt_port" "${pids[0]}"

export BENCH_DB_URL="$jdbc_url" BENCH_DB_USER="$db_user" BENCH_DB_PASSWORD="$db_password" \
  BENCH_REDIS_URL="$redis_url" BENCH_CORE_TARGET="127.0.0.1:$core_port" BENCH_API_KEY="$api_key" \
  BENCH_GATEWAY_URL="http://127.0.0.1:$gw_port" BENCH_SANDBOX_URL="http://127.0.0.1:$sandbox_port"
bench=(java -Xmx512m -jar bench/target/bench.jar)
"${bench[@]}" seed

if [[ "$scenario" == all || "$scenario" == *gateway-me* ]]; then
  (cd "$run_dir" && exec env \
    TIERPOINT_CORE_TARGET="127.0.0.1:$core_port" TIERPOINT_CORE_API_KEY="$api_key" TIERPOINT_REDIS_URL="$redis_url" \
    TIERPOINT_SESSION_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    TIERPOINT_GATEWAY_PORT="$gw_port" TIERPOINT_GATEWAY_MANAGEMENT_PORT="$gw_mgmt_port" \
    TIERPOINT_WECHAT_SANDBOX_PORT="$sandbox_port" TIERPOINT_REMINDERS_ENABLED=false TIERPOINT_CARD_SYNC_ENABLED=false \
    java -Xmx256m -jar "$root/wechat-gateway/target/wechat-gateway.jar" \
      --tierpoint.rate-limits.login.per-ip.capacity=100000 \
    >gateway.log 2>&1) &
  pids+=($!)
  await_health gateway "$gw_mgmt_port" "${pids[1]}"
fi

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"${bench[@]}" "$scenario" "$@" | tee -a "$run_dir/results.jsonl"
