#!/usr/bin/env bash
# The public map's data endpoint with many reports (issue 5): for each database, start the published app on
# an empty database (migrations and demo data), add COUNT reports through the domain model, then query
# viewports at three scales over HTTP. Prints the figures; exits non-zero only when it cannot run.
#   COUNT=100000 CLIENTS="1 8" WARMUP=5 DURATION=15 PROVIDERS="sqlite postgres" bash bench/map.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${COUNT:-100000}; clients_list=${CLIENTS:-"1 8"}; warmup=${WARMUP:-5}; duration=${DURATION:-15}
providers=${PROVIDERS:-"sqlite postgres"}
work=$(mktemp -d /tmp/mahalla-map-bench.XXXXXX); chmod 755 "$work"
app_pid=""; pg_dir=""
cleanup() {
  stop_servers || true
  [ -z "${KEEP:-}" ] && rm -rf "$work"
}
trap cleanup EXIT
log() { echo "[map-bench] $*" >&2; }
source "$root/bench/lib.sh" # free_port, wait_health, stop_servers

echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with uncommitted changes)')"
echo "- nproc: $(nproc); $(lscpu | grep 'Model name' | sed 's/  */ /g'); dotnet $(dotnet --version)"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log "publishing the app and the bench tool into $work"
dotnet publish "$root/src/Mahalla.Web" -c Release -o "$work/app" -nologo -v q >/dev/null
dotnet publish "$root/bench/Mahalla.Reports.Bench" -c Release -o "$work/bench" -nologo -v q >/dev/null
results="$work/results.tsv"
for provider in $providers; do
  port=$(free_port); url="http://127.0.0.1:$port"
  if [ "$provider" = postgres ]; then
    pg_dir="$work/pg"; pg_port=$(free_port)
    cs="$(bash "$root/scripts/postgres.sh" start "$pg_dir" "$pg_port");Maximum Pool Size=16"
    db_args=(--Database:Provider=Postgres "--ConnectionStrings:Mahalla=$cs")
  else
    cs="Data Source=$work/mahalla.db"
    db_args=(--Database:Provider=Sqlite "--ConnectionStrings:Mahalla=$cs")
  fi
  log "$provider: starting the app on $url"
  (cd "$work/app" && exec dotnet Mahalla.Web.dll --urls "$url" "${db_args[@]}" --RateLimiting:Enabled=false --Reports:WatcherEnabled=false \
      --Logging:LogLevel:Default=Warning >"$work/app-$provider.log" 2>&1) &
  app_pid=$!
  wait_health "$url" "$app_pid" "$work/app-$provider.log"
  log "$provider: adding $count reports"
  dotnet "$work/bench/Mahalla.Reports.Bench.dll" seed --provider "$provider" --connection "$cs" --count "$count" >&2
  for c in $clients_list; do
    dotnet "$work/bench/Mahalla.Reports.Bench.dll" run --url "$url" --clients "$c" --warmup "$warmup" --duration "$duration" --label "$provider" --results "$results"
  done
  echo "- $provider app peak memory (VmHWM): $(awk '/VmHWM/{print $2/1024 " MB"}' /proc/$app_pid/status)"
  stop_servers
done
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Database | Clients | Viewport | req/s | p50 ms | p99 ms | max ms | errors | points | clusters | reports in view |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }' "$results"
