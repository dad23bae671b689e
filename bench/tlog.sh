#!/usr/bin/env bash
# The benchmark of the transparency log (issue 3), in one command:
#   bash bench/tlog.sh
# Builds bench/Mahalla.Tlog.Bench (Release) from the working tree, then for each provider (a SQLite file, a
# throwaway PostgreSQL on 127.0.0.1) boots the real app in-process on fresh databases and measures:
#   append   the sequencer draining a backlog of pending entries (indexes, node hashes, one signed checkpoint)
#   proofs   the stored tree grown to 1 and 10 million entries, then inclusion and consistency proofs from the
#            node table (and through the HTTP endpoints), and full tiles
#   verify   proofs and receipts verified per second (one thread; on the first provider only: it is CPU only)
#   filing   filing throughput with the log on (as shipped) and off (recording interceptor removed), alternated
# It prints the machine, the load average before and after, and Markdown tables. Exits non-zero only when it
# cannot run; missed targets are reported, not failed.
#
# Settings (environment):
#   PROVIDERS="sqlite postgres"  APPEND=100000  BATCH=2000  SIZES=1000000,10000000  PROOFS=1000
#   CLIENTS=8  ROUNDS=3  ROUND_SECONDS=8  PG_PORT=55460  KEEP=1 (keep the work folder)  RESULTS_MD=path
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
providers=${PROVIDERS:-sqlite postgres}
append=${APPEND:-100000}
batch=${BATCH:-2000}
sizes=${SIZES:-1000000,10000000}
proofs=${PROOFS:-1000}
clients=${CLIENTS:-8}
rounds=${ROUNDS:-3}
round_seconds=${ROUND_SECONDS:-8}
pg_port=${PG_PORT:-55460}
source "$root/bench/lib.sh" # begin_bench, log, stop_servers, drop_work, machine_line
begin_bench tlog.sh
commit=$(git -C "$root" rev-parse --short HEAD)
dirty=$(git -C "$root" status --porcelain --untracked-files=no | wc -l)

log "building bench/Mahalla.Tlog.Bench (Release) at $commit"
dotnet build "$root/bench/Mahalla.Tlog.Bench" -c Release -o "$work/bin" -nologo -v q >"$work/build.log" 2>&1 \
  || { tail -n 40 "$work/build.log" >&2; exit 1; }

first=1
for provider in $providers; do
  parts="append,proofs,filing"
  if [ "$first" = 1 ]; then
    parts="append,proofs,verify,filing"
    first=0
  fi

  server=""
  if [ "$provider" = postgres ]; then
    pg_dir="$work/pg"
    server=$(bash "$root/scripts/postgres.sh" start "$pg_dir" "$pg_port")
    log "PostgreSQL on 127.0.0.1:$pg_port"
  fi

  log "$provider: $parts"
  dotnet "$work/bin/Mahalla.Tlog.Bench.dll" --provider "$provider" ${server:+--server "$server"} --work "$work/sqlite" \
    --parts "$parts" --append "$append" --batch "$batch" --sizes "$sizes" --proofs "$proofs" \
    --clients "$clients" --rounds "$rounds" --seconds "$round_seconds" | grep --line-buffered -E '^[a-z]+\|' | tee -a "$results"

  stop_servers
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
finished=$(date -u '+%H:%M UTC')

report() {
  echo "### The run"
  echo
  echo "- Command: \`bash bench/tlog.sh\` (APPEND=$append BATCH=$batch SIZES=$sizes PROOFS=$proofs CLIENTS=$clients ROUNDS=$rounds ROUND_SECONDS=$round_seconds)"
  echo "- Date: $started – $finished; commit \`$commit\`$([ "$dirty" -gt 0 ] && echo " with $dirty uncommitted change(s)")"
  machine_line
  echo "- Load average (1, 5, 15 min): $load_before before, $load_after after; the 2 cores are shared with other engineers' builds, tests and benchmarks"
  echo
  echo "#### Append (the sequencer draining a backlog)"
  echo
  echo "| Database | batch | entries | from tree size | seconds | entries/s |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -F'|' '$1 == "append" { printf "| %s | %s | %s | %s | %s | **%s** |\n", $2, $3, $4, $5, $6, $7 }' "$results"
  echo
  echo "#### Growing the stored tree (setup of the proof measurements)"
  echo
  echo "| Database | tree size | stored | database size |"
  echo "|---|---:|---|---:|"
  awk -F'|' '$1 == "grow" { printf "| %s | %s | %s | %s |\n", $2, $3, $4, $5 }' "$results"
  echo
  echo "#### Proofs from the stored node table (one client, sequential)"
  echo
  echo "| Database | tree size | what | n | mean ms | p50 ms | p99 ms | max ms | per second |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
  awk -F'|' '$1 == "proofs" { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9, $10 }' "$results"
  echo
  echo "#### Verification (one thread)"
  echo
  echo "| what | per second | µs each |"
  echo "|---|---:|---:|"
  awk -F'|' '$1 == "verify" { printf "| %s | %s | %s |\n", $3, $4, $5 }' "$results"
  echo
  echo "#### Filing with the log on and off ($clients clients, $rounds rounds of ${round_seconds} s per side, alternated)"
  echo
  echo "| Database | side | filings/s per round | median filings/s | mean ms | p50 ms | p99 ms | max ms |"
  echo "|---|---|---|---:|---:|---:|---:|---:|"
  awk -F'|' '$1 == "filing" { printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9 }' "$results"
  echo
  echo "| Database | filing throughput lost with the log on | recording interceptor per filing | sequencer busy |"
  echo "|---|---:|---:|---:|"
  awk -F'|' '$1 == "filingshare" { printf "| %s | %s | %s | %s |\n", $2, $3, $4, $5 }' "$results"
  echo
  echo "Database sizes at the end of the append and proof parts: $(awk -F'|' '$1 == "size" { printf "%s %s; ", $2, $3 }' "$results")"
}

report | tee "${RESULTS_MD:-/dev/null}"
