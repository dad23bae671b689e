#!/usr/bin/env bash
# The deadline sweeper's read on a backlog of open requests (issue 2; ADR 0069), in one command:
#   bash bench/sweep.sh
# For each commit in REFS (default: the checked-out one), builds bench/Mahalla.Sweep.Bench of the working tree against
# the app of that commit (git archive; the same benchmark for every commit), then for each provider boots the app
# in-process on a fresh database (a SQLite file; a throwaway PostgreSQL on 127.0.0.1), saves OPEN open and CLOSED
# resolved requests made by the entity's verbs, with nothing due, and times SWEEPS runs of the real sweeper after three
# warm-up runs. With DUE=N, it then saves SUPERVISORS district supervisors and N requests that fall due at once, and
# times the one run that handles them (ADR 0070). With WATCHERS=N, N open requests are then each followed by a tracking
# page's live status stream, and it measures what following costs while nothing changes (ADR 0071). The commits' runs
# alternate per provider, so that they share the machine's conditions.
#
# Settings (environment):
#   REFS="HEAD"  (for example "502380a HEAD": before and after)   PROVIDERS="sqlite postgres"
#   OPEN=200000  CLOSED=100000  SWEEPS=30  DUE=0  SUPERVISORS=1000  WATCHERS=0  PG_PORT=55470  KEEP=1 (keep the work folder)  RESULTS_MD=path
# Exits non-zero only when it cannot run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
refs=${REFS:-HEAD}
providers=${PROVIDERS:-sqlite postgres}
open=${OPEN:-200000}
closed=${CLOSED:-100000}
sweeps=${SWEEPS:-30}
due=${DUE:-0}
supervisors=${SUPERVISORS:-1000}
watchers=${WATCHERS:-0}
pg_port=${PG_PORT:-55470}
source "$root/bench/lib.sh" # begin_bench, log, stop_servers, drop_work, machine_line
begin_bench sweep.sh
commits=()
for ref in $refs; do
  commit=$(git -C "$root" rev-parse --short "$ref")
  commits+=("$commit")
  log "building bench/Mahalla.Sweep.Bench (Release) against the app at $commit"
  mkdir -p "$work/$commit/src"
  git -C "$root" archive "$commit" | tar -x -C "$work/$commit/src"
  rm -rf "$work/$commit/src/bench"
  mkdir -p "$work/$commit/src/bench"
  # The benchmark and the files it shares, from the working tree; not their local build output.
  tar -C "$root/bench" --exclude=bin --exclude=obj -cf - Mahalla.Sweep.Bench Mahalla.Tlog.Bench | tar -x -C "$work/$commit/src/bench"
  dotnet build "$work/$commit/src/bench/Mahalla.Sweep.Bench" -c Release -o "$work/$commit/bin" -nologo -v q >"$work/$commit/build.log" 2>&1 \
    || { tail -n 40 "$work/$commit/build.log" >&2; exit 1; }
done

for provider in $providers; do
  server=""
  if [ "$provider" = postgres ]; then
    pg_dir="$work/pg"
    server=$(bash "$root/scripts/postgres.sh" start "$pg_dir" "$pg_port")
    log "PostgreSQL on 127.0.0.1:$pg_port"
  fi

  for commit in "${commits[@]}"; do
    log "$provider, app at $commit: $open open and $closed closed requests, $sweeps sweeps"
    dotnet "$work/$commit/bin/Mahalla.Sweep.Bench.dll" --provider "$provider" ${server:+--server "$server"} --work "$work/sqlite" \
      --open "$open" --closed "$closed" --sweeps "$sweeps" --due "$due" --supervisors "$supervisors" --watchers "$watchers" \
      | grep --line-buffered -E '^(sweep|drain|live)\|' | sed -E "s/^(sweep|drain|live)\|/\1|$commit|/" | tee -a "$results"
  done

  stop_servers
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
finished=$(date -u '+%H:%M UTC')

report() {
  echo "### The run"
  echo
  echo "- Command: \`REFS=\"$refs\" bash bench/sweep.sh\` (OPEN=$open CLOSED=$closed SWEEPS=$sweeps DUE=$due SUPERVISORS=$supervisors WATCHERS=$watchers)"
  echo "- Date: $started – $finished; the benchmark from the working tree at $(git -C "$root" rev-parse --short HEAD), the app from ${commits[*]}"
  machine_line
  echo "- Load average (1, 5, 15 min): $load_before before, $load_after after"
  echo
  echo "| App at | Database | open | closed | sweeps | mean ms | p50 ms | p99 ms | max ms | requests acted on |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'|' '$1 == "sweep" { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }' "$results"
  if [ "$due" -gt 0 ]; then
    echo
    echo "Then $due requests due at once, and one run:"
    echo
    echo "| App at | Database | due | district supervisors | run s | escalated | still due after | escalations a second |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    awk -F'|' '$1 == "drain" { printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9 }' "$results"
  fi
  if [ "$watchers" -gt 0 ]; then
    echo
    echo "Then $watchers tracking pages following open requests live, while none changes:"
    echo
    echo "| App at | Database | pages | seconds | CPU, % of one core | statements a second (PostgreSQL) |"
    echo "|---|---|---:|---:|---:|---:|"
    awk -F'|' '$1 == "live" { printf "| %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7 }' "$results"
  fi
}

report | tee "${RESULTS_MD:-/dev/null}"
