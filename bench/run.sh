#!/usr/bin/env bash
# The benchmark of issue 2, in one command:
#   bash bench/run.sh
# Builds Release into a temporary folder, then for each provider (SQLite file, throwaway PostgreSQL)
# measures the bare baseline (hello, one INSERT, one SELECT by key) and the full app (sign in, file,
# track, inbox) with the closed-loop load tool, samples the app's memory under load, stops
# everything and prints Markdown tables. Exits non-zero only when it cannot run; missed targets are
# reported, not failed.
#
# Settings (environment):
#   PROVIDERS="sqlite postgres"   which databases
#   CLIENTS="32"                  concurrent clients, e.g. CLIENTS="8 32"
#   WARMUP=10 DURATION=20         seconds per scenario (warm-up, then measured window)
#   PG_POOL=16                    Npgsql "Maximum Pool Size" for app and baseline alike
#   KEEP=1                        keep the work folder (logs, databases) for inspection
#   RESULTS_MD=path               also write the Markdown tables to this file
#   APP_SOURCE=head               build the app from a commit (git archive; default, so that other
#                                 people's unfinished edits in the working tree do not leak in),
#                                 or APP_SOURCE=worktree to measure the working tree as it is
#   APP_REF=HEAD                  the commit to build with APP_SOURCE=head (e.g. APP_REF=800d5a2)
#   RATE=100                      after the closed loop, the app's file, track and inbox once more in an
#                                 open loop: the clients together start RATE requests a second, and
#                                 latency counts from when each request was due (RATE=0: skip)
#   RATE_WARMUP=5 RATE_DURATION=20  seconds per open-loop scenario
#   PAIRS=0                       after the above, this many paired rounds with the baseline and the app both up:
#                                 the bare INSERT and SELECT, then the app's filing and tracking, each side started
#                                 once both servers are quiet (see quiet_wait): each round's ratios compare runs a
#                                 minute or two apart, and the rounds show how far they spread
#   SERVER_ENV="MALLOC_ARENA_MAX=2 DOTNET_GCgen0size=0x1000000"
#                                 the environment the app and the baseline start with: the service
#                                 environment the README recommends for a 2-core node (ADR 0013);
#                                 SERVER_ENV="" starts both with nothing added
#
# The app runs with RateLimiting:Enabled=false and Demo:Enabled=true, everything else at its
# defaults (Production environment, background sweeper and outbox on) and its shipped
# appsettings.json: the content root is the publish folder, as in a deployment. The baseline gets
# the same logging settings (its own appsettings.json). The load tool runs on the same machine and
# shares its cores with the server.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
providers=${PROVIDERS:-sqlite postgres}
clients_list=${CLIENTS:-32}
warmup=${WARMUP:-10}
duration=${DURATION:-20}
pg_pool=${PG_POOL:-16}
rate=${RATE:-100}
rate_warmup=${RATE_WARMUP:-5}
rate_duration=${RATE_DURATION:-20}
pairs=${PAIRS:-0}
server_env=${SERVER_ENV-MALLOC_ARENA_MAX=2 DOTNET_GCgen0size=0x1000000}
work=$(mktemp -d /tmp/mahalla-bench.XXXXXX)
chmod 755 "$work"
results="$work/results.tsv"
memory="$work/memory.tsv"
cpu="$work/cpu.tsv"
rated="$work/rated.tsv"
paired="$work/paired.tsv"
: >"$results"
: >"$paired"
: >"$rated"
: >"$memory"
: >"$cpu"
pg_dir=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  # Only this script's own background jobs that are still running (never a reused process id).
  local pid
  for pid in $(jobs -pr); do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ -n "$pg_dir" ]; then
    bash "$root/scripts/postgres.sh" stop "$pg_dir" || true
  fi
  drop_work
}
trap cleanup EXIT

source "$root/bench/lib.sh" # free_port, wait_health, drop_work

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

cpu_total_busy() { # prints "busy total" jiffies of the whole machine
  awk '/^cpu /{ idle=$5+$6; t=0; for(i=2;i<=NF;i++) t+=$i; print t-idle, t }' /proc/stat
}

proc_jiffies() { # utime+stime of a process
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

pg_jiffies() { # the throwaway PostgreSQL: postmaster (with its reaped children) plus live backends
  local pm total=0 child
  if [ -z "$pg_dir" ] || [ ! -f "$pg_dir/data/postmaster.pid" ]; then
    echo 0
    return
  fi
  pm=$(head -n 1 "$pg_dir/data/postmaster.pid")
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat" 2>/dev/null || echo 0)
  for child in $(ps -o pid= --ppid "$pm" 2>/dev/null); do
    total=$((total + $(proc_jiffies "$child")))
  done
  echo "$total"
}

# ---------------------------------------------------------------- machine
log "work folder: $work"
machine() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- nproc: $(nproc); $(lscpu | grep 'Model name' | sed 's/  */ /g')"
  echo "- memory: $(free -h | awk '/^Mem:/{print $2 " total, " $7 " available"}')"
  echo "- dotnet: $(dotnet --version)"
  echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- settings: clients ${clients_list}; warm-up ${warmup} s + measured ${duration} s per scenario; RateLimiting:Enabled=false; PostgreSQL Maximum Pool Size=${pg_pool}; server environment: ${server_env:-(none)}"
}
machine_md=$(machine)

# ---------------------------------------------------------------- build
app_source=${APP_SOURCE:-head}
case "$app_source" in
  head)
    app_commit=$(git -C "$root" rev-parse --short "${APP_REF:-HEAD}")
    mkdir -p "$work/src"
    git -C "$root" archive "$app_commit" | tar -x -C "$work/src"
    app_root="$work/src"
    ;;
  worktree) app_commit="$(git -C "$root" rev-parse --short HEAD) + working tree"; app_root="$root" ;;
  *) echo "APP_SOURCE must be head or worktree" >&2; exit 2 ;;
esac
machine_md="$machine_md
- app built from: $app_commit"
log "building Release (dotnet publish; app from $app_commit) ..."
dotnet publish "$app_root/src/Mahalla.Web/Mahalla.Web.csproj" -c Release -o "$work/app" --nologo -v q >"$work/build.log" 2>&1 \
  || { tail -n 40 "$work/build.log" >&2; exit 1; }
dotnet publish "$root/bench/Mahalla.Bench.Baseline/Mahalla.Bench.Baseline.csproj" -c Release -o "$work/baseline" --nologo -v q >>"$work/build.log" 2>&1 \
  || { tail -n 40 "$work/build.log" >&2; exit 1; }
dotnet publish "$root/bench/Mahalla.Bench/Mahalla.Bench.csproj" -c Release -o "$work/tool" --nologo -v q >>"$work/build.log" 2>&1 \
  || { tail -n 40 "$work/build.log" >&2; exit 1; }

# ---------------------------------------------------------------- one measured run
# run_load TARGET URL SERVER_PID LABEL CLIENTS: runs the tool; for the app, samples memory and CPU.
run_load() {
  local target=$1 url=$2 server=$3 label=$4 clients=$5
  local sampler="" rss_file="$work/rss-$label-$clients.txt"
  local busy0 total0 server0 pg0 busy1 total1 server1 pg1 tool tool_jiffies rc=0
  if [ "$target" = app ]; then
    : >"$rss_file"
    ( while kill -0 "$server" 2>/dev/null; do
        awk '/^VmRSS:/{print $2}' "/proc/$server/status" >>"$rss_file" 2>/dev/null || true
        sleep 1
      done ) &
    sampler=$!
  fi
  read -r busy0 total0 < <(cpu_total_busy)
  server0=$(proc_jiffies "$server")
  pg0=$(pg_jiffies)
  dotnet "$work/tool/Mahalla.Bench.dll" --url "$url" --target "$target" --clients "$clients" \
    --warmup "$warmup" --duration "$duration" --label "$label" --results "$results" >&2 &
  tool=$!
  # The tool's own CPU, read just before it exits (it waits for nothing after its last line).
  tool_jiffies=0
  while kill -0 "$tool" 2>/dev/null; do
    tool_jiffies=$(proc_jiffies "$tool")
    sleep 0.5
  done
  wait "$tool" || rc=$?
  read -r busy1 total1 < <(cpu_total_busy)
  server1=$(proc_jiffies "$server")
  pg1=$(pg_jiffies)
  # label target clients machine-busy% server% tool% postgres% others% (shares of the whole machine, all cores)
  awk -v l="$label" -v g="$target" -v c="$clients" -v b="$((busy1 - busy0))" -v t="$((total1 - total0))" \
      -v s="$((server1 - server0))" -v u="$tool_jiffies" -v p="$((pg1 - pg0))" \
    'BEGIN { o = b - s - u - p; if (o < 0) o = 0; printf "%s\t%s\t%s\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\n", l, g, c, 100*b/t, 100*s/t, 100*u/t, 100*p/t, 100*o/t }' >>"$cpu"
  if [ -n "$sampler" ]; then
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    local max_rss hwm
    max_rss=$(sort -n "$rss_file" | tail -n 1)
    hwm=$(awk '/^VmHWM:/{print $2}' "/proc/$server/status")
    printf '%s\t%s\t%d\t%d\n' "$label" "$clients" "${max_rss:-0}" "${hwm:-0}" >>"$memory"
  fi
  return $rc
}

# quiet_wait PID...: waits (at most 120 s) until the given servers and the throwaway PostgreSQL together use under 5% of
# one core over a second: the app's work behind a filing run (e-mail outbox, transparency log, triage) is done before the
# next measured run starts, whichever server that run measures. Prints the seconds it waited.
quiet_wait() {
  local waited=0 before after pid
  while [ "$waited" -lt 120 ]; do
    before=$(pg_jiffies)
    for pid in "$@"; do before=$((before + $(proc_jiffies "$pid"))); done
    sleep 1
    waited=$((waited + 1))
    after=$(pg_jiffies)
    for pid in "$@"; do after=$((after + $(proc_jiffies "$pid"))); done
    # jiffies are 1/100 s: under 5 in one second is under 5% of one core
    if [ $((after - before)) -lt 5 ]; then
      break
    fi
  done
  echo "$waited"
}

# run_pairs LABEL BASE_URL BASE_PID APP_URL APP_PID CLIENTS: PAIRS rounds of the baseline's INSERT and SELECT, then the
# app's filing and tracking, each side as in the main run (its SELECT or tracking picks from what it has just written).
run_pairs() {
  local label=$1 base_url=$2 base_pid=$3 app_url=$4 app_pid=$5 clients=$6 round step target url scenarios waited
  for round in $(seq 1 "$pairs"); do
    for step in "baseline $base_url insert,select" "app $app_url file,track"; do
      read -r target url scenarios <<<"$step"
      waited=$(quiet_wait "$base_pid" "$app_pid")
      log "$label: pair $round, $target $scenarios (after $waited s of waiting for quiet)"
      : >"$work/pair.tsv"
      dotnet "$work/tool/Mahalla.Bench.dll" --url "$url" --target "$target" --clients "$clients" --scenarios "$scenarios" \
        --warmup "$warmup" --duration "$duration" --label "$label" --results "$work/pair.tsv" >&2
      awk -F'\t' -v r="$round" -v w="$waited" '{ print r "\t" w "\t" $0 }' "$work/pair.tsv" >>"$paired"
    done
  done
}

# ---------------------------------------------------------------- providers
for provider in $providers; do
  dir="$work/$provider"
  mkdir -p "$dir"
  case "$provider" in
    sqlite)
      label=SQLite; db_provider=Sqlite
      app_cs="Data Source=$dir/mahalla.db"
      base_cs="Data Source=$dir/baseline.db"
      ;;
    postgres)
      label=PostgreSQL; db_provider=Postgres
      pg_dir="$work/pg"
      pg_port=$(free_port)
      log "starting PostgreSQL on 127.0.0.1:$pg_port ..."
      pg_cs=$(bash "$root/scripts/postgres.sh" start "$pg_dir" "$pg_port")
      app_cs="$pg_cs;Maximum Pool Size=$pg_pool"
      base_cs="$app_cs"
      ;;
    *) echo "unknown provider '$provider' (sqlite|postgres)" >&2; exit 2 ;;
  esac

  # The bare endpoints.
  port=$(free_port)
  log "$label: baseline on 127.0.0.1:$port"
  # shellcheck disable=SC2086 # SERVER_ENV is a list of NAME=value words
  (cd "$dir" && exec env $server_env dotnet "$work/baseline/Mahalla.Bench.Baseline.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/baseline" \
      --Database:Provider="$db_provider" --ConnectionStrings:Mahalla="$base_cs") >"$dir/baseline.log" 2>&1 &
  base_pid=$!
  wait_health "http://127.0.0.1:$port" "$base_pid" "$dir/baseline.log"
  for clients in $clients_list; do
    run_load baseline "http://127.0.0.1:$port" "$base_pid" "$label" "$clients"
  done
  base_url="http://127.0.0.1:$port"
  if [ "$pairs" -eq 0 ]; then
    stop_pid "$base_pid"
  fi

  # The app.
  port=$(free_port)
  log "$label: app on 127.0.0.1:$port (migrating and seeding) ..."
  # shellcheck disable=SC2086
  (cd "$dir" && exec env $server_env dotnet "$work/app/Mahalla.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" \
      --Database:Provider="$db_provider" --ConnectionStrings:Mahalla="$app_cs" \
      --RateLimiting:Enabled=false --Demo:Enabled=true) >"$dir/app.log" 2>&1 &
  app_pid=$!
  wait_health "http://127.0.0.1:$port" "$app_pid" "$dir/app.log"
  log "$label: app ready, RSS $(awk '/^VmRSS:/{print $2}' "/proc/$app_pid/status") kB before load"
  if [ "$provider" = sqlite ]; then
    # Bytes 18 and 19 of a SQLite file's header are 2 in WAL mode and 1 with a rollback journal (ADR 0072): the app's figures
    # assume WAL, and from db3f9b8 to cf9baca the app made its file with a rollback journal without anyone noticing.
    for f in "$dir/mahalla.db" "$dir/baseline.db"; do
      mode=$(od -An -tu1 -j18 -N2 "$f" | tr -s ' ' | sed 's/^ //')
      if [ "$mode" != "2 2" ]; then
        log "WARNING: $f is not in WAL mode (header versions: $mode): its figures are not comparable with a WAL file's"
      else
        log "$label: $(basename "$f") is in WAL mode (header checked)"
      fi
    done
  fi
  for clients in $clients_list; do
    run_load app "http://127.0.0.1:$port" "$app_pid" "$label" "$clients"
  done
  if [ "$rate" -gt 0 ]; then
    for clients in $clients_list; do
      log "$label: open loop, $rate requests/s due, $clients clients"
      dotnet "$work/tool/Mahalla.Bench.dll" --url "http://127.0.0.1:$port" --target app --clients "$clients" --rate "$rate" \
        --scenarios file,track,inbox --warmup "$rate_warmup" --duration "$rate_duration" --label "$label" --results "$rated" >&2
    done
  fi
  if [ "$pairs" -gt 0 ]; then
    for clients in $clients_list; do
      run_pairs "$label" "$base_url" "$base_pid" "http://127.0.0.1:$port" "$app_pid" "$clients"
    done
    stop_pid "$base_pid"
  fi
  log "$label: app log $(wc -l <"$dir/app.log") lines, $(du -h "$dir/app.log" | cut -f1)"
  stop_pid "$app_pid"

  if [ "$provider" = postgres ]; then
    bash "$root/scripts/postgres.sh" stop "$pg_dir"
    pg_dir=""
  fi
done

# ---------------------------------------------------------------- report
report() {
  echo "## Machine"
  echo
  echo "$machine_md"
  echo "- load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Figures"
  echo
  echo "| Database | Clients | Server | Scenario | req/s | p50 ms | p99 ms | max ms | errors | note |"
  echo "|---|---:|---|---|---:|---:|---:|---:|---:|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $3, $2, $4, $5, $6, $7, $8, $10, $11 }' "$results"
  echo
  if [ -s "$rated" ]; then
    echo "## Latency at a fixed arrival rate (open loop, $rate requests/s due; warm-up ${rate_warmup} s + measured ${rate_duration} s)"
    echo
    echo "| Database | Clients | Scenario | answered/s | p50 ms | p99 ms | max ms | errors | note |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---|"
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $3, $4, $5, $6, $7, $8, $10, $11 }' "$rated"
    echo
  fi
  if [ -s "$paired" ]; then
    echo "## Paired rounds (PAIRS=$pairs: baseline and app both up; each side's run started once both were quiet)"
    echo
    echo "| Database | Clients | Round | bare INSERT/s | filing/s | filing / INSERT | bare SELECT/s | tracking/s | tracking / SELECT | filing p99 ms | tracking p99 ms | waited for quiet (baseline, app), s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    # paired.tsv: round waited label target clients scenario req/s p50 p99 ...
    awk -F'\t' '
      { k = $3 SUBSEP $5 SUBSEP $1; rps[k, $6] = $7; p99[k, $6] = $9; if ($6 == "insert" || $6 == "file") w[k] = w[k] (w[k] == "" ? "" : ", ") $2; if (!(k in seen)) { seen[k] = 1; order[++n] = k } }
      END {
        for (i = 1; i <= n; i++) {
          k = order[i]; split(k, kk, SUBSEP)
          fi = rps[k, "insert"] > 0 ? rps[k, "file"] / rps[k, "insert"] : 0; tr = rps[k, "select"] > 0 ? rps[k, "track"] / rps[k, "select"] : 0
          printf "| %s | %s | %s | %.0f | %.0f | %.0f%% | %.0f | %.0f | %.0f%% | %s | %s | %s |\n", kk[1], kk[2], kk[3], rps[k, "insert"], rps[k, "file"], 100 * fi,
            rps[k, "select"], rps[k, "track"], 100 * tr, p99[k, "file"], p99[k, "track"], w[k]
        }
      }' "$paired"
    echo
  fi
  echo "## App memory under load"
  echo
  echo "| Database | Clients | max VmRSS MB (sampled each second) | VmHWM MB (peak, whole life) |"
  echo "|---|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %.0f | %.0f |\n", $1, $2, $3/1024, $4/1024 }' "$memory"
  echo
  echo "## Where the CPU went during each load run (% of the whole machine, $(nproc) cores)"
  echo
  echo "| Database | Server | Clients | machine busy | server | load tool | PostgreSQL | other processes |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s%% | %s%% | %s%% | %s%% | %s%% |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$cpu"
  echo
  echo "## Targets"
  echo
  echo "| Database | Clients | Target | Measured | Met |"
  echo "|---|---:|---|---|---|"
  awk -F'\t' -v memfile="$memory" '
    function yes(b) { return b ? "yes" : "**no**" }
    { key = $1 SUBSEP $3; rps[key, $4] = $5; p99[key, $4] = $7; seen[key] = 1; order[++n] = key }
    END {
      while ((getline line < memfile) > 0) { split(line, m, "\t"); mem[m[1] SUBSEP m[2]] = m[4] / 1024 }
      for (i = 1; i <= n; i++) {
        k = order[i]; if (done[k]++) continue
        split(k, kk, SUBSEP); db = kk[1]; c = kk[2]
        if ((k, "file") in rps && (k, "insert") in rps && rps[k, "insert"] > 0) {
          r = rps[k, "file"] / rps[k, "insert"]
          printf "| %s | %s | filing >= 25%% of bare INSERT | %.1f / %.1f req/s = %.0f%% | %s |\n", db, c, rps[k, "file"], rps[k, "insert"], 100 * r, yes(r >= 0.25)
        }
        if ((k, "track") in rps && (k, "select") in rps && rps[k, "select"] > 0) {
          r = rps[k, "track"] / rps[k, "select"]
          printf "| %s | %s | tracking >= 50%% of bare SELECT | %.1f / %.1f req/s = %.0f%% | %s |\n", db, c, rps[k, "track"], rps[k, "select"], 100 * r, yes(r >= 0.5)
        }
        split("signin file track inbox", s, " ")
        for (j = 1; j <= 4; j++) if ((k, s[j]) in p99)
          printf "| %s | %s | p99 < 50 ms: %s | %s ms | %s |\n", db, c, s[j], p99[k, s[j]], yes(p99[k, s[j]] + 0 < 50)
        if (k in mem) printf "| %s | %s | app memory < 300 MB (VmHWM) | %.0f MB | %s |\n", db, c, mem[k], yes(mem[k] < 300)
      }
    }' "$results"
}
md=$(report)
echo "$md"
if [ -n "${RESULTS_MD:-}" ]; then
  echo "$md" >"$RESULTS_MD"
fi
