# Helpers shared by the benchmark scripts (sourced, not run): the start of a run (work folder, log, clean-up), a free local
# port, waiting for a server's /health, stopping the app and PostgreSQL a script started, removing its work folder, and the
# machine's line of a report.

# The start of a benchmark run that NAME (e.g. sweep.sh) makes: a work folder ($work) with an empty $results file, log() to
# stderr, servers stopped and the folder removed on exit, and the start's time and load average ($started, $load_before).
begin_bench() { # NAME
  bench_name=$1
  work=$(mktemp -d "/tmp/mahalla-${bench_name%.sh}-bench.XXXXXX")
  chmod 755 "$work"
  results="$work/results.txt"
  : >"$results"
  pg_dir=""
  trap 'stop_servers || true; drop_work' EXIT
  started=$(date -u '+%Y-%m-%d %H:%M UTC')
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  log() { printf '[%s %s] %s\n' "$bench_name" "$(date +%H:%M:%S)" "$*" >&2; }
}

# A report's line on the machine: cores, CPU model, memory and .NET.
machine_line() {
  echo "- Machine: \`nproc\` $(nproc), $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(free -g | awk '/^Mem:/ { print $2 " GiB" }'), .NET $(dotnet --version)"
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# Waits up to 120 s for 200 from URL/health; fails at once, with the end of LOG, if process PID exits first.
wait_health() { # URL PID LOG
  local i
  for i in $(seq 1 240); do
    if curl -fsS -o /dev/null --max-time 2 "$1/health" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$2" 2>/dev/null; then
      echo "the server exited before it was ready; its log ($3):" >&2
      tail -n 40 "$3" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "no 200 from $1/health after 120 s; log ($3):" >&2
  tail -n 40 "$3" >&2
  return 1
}

# Stops what a script started for one database, if it runs, and forgets it: the app ($app_pid) and the throwaway
# PostgreSQL ($pg_dir, with $root). After each database's runs, and on exit (there as `stop_servers || true`).
stop_servers() {
  if [ -n "${app_pid:-}" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
  if [ -n "${pg_dir:-}" ]; then
    bash "$root/scripts/postgres.sh" stop "$pg_dir"
    pg_dir=""
  fi
}

# Removes the script's work folder ($work), or with KEEP=1 keeps it and says where. On exit, after stop_servers.
drop_work() {
  if [ "${KEEP:-0}" = 1 ]; then
    echo "work folder kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
