#!/usr/bin/env bash
# Two builds of the app, measured alternately on SQLite, to tell a change from the machine's noise:
#   bash bench/ab.sh ROUNDS SCENARIO COMMIT_A COMMIT_B
#   e.g. bash bench/ab.sh 3 file 10d0a4d bcf3999
# Publishes the app of each commit (git archive) and the load tool of the working tree, then for each round starts
# build A, then build B, each on a new database with the demo data, runs SCENARIO (file, track, inbox, signin) with 32
# closed-loop clients (15 s warm-up, 20 s measured), and reads the server's CPU time from /proc over 15 s of the
# measured window. Prints one line per run: requests a second, p50/p99, CPU microseconds per request and the load
# average, so that pairs that ran a minute apart can be compared. Swap A and B for a second series: order matters on
# a shared machine. The app runs with RateLimiting:Enabled=false and the service environment of bench/run.sh.
set -euo pipefail

rounds=$1 scenario=$2 first=$3 second=$4
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/mahalla-ab.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

dotnet publish "$root/bench/Mahalla.Bench/Mahalla.Bench.csproj" -c Release -o "$work/tool" --nologo -v q >"$work/build.log"
for commit in "$first" "$second"; do
    mkdir -p "$work/$commit/src"
    git -C "$root" archive "$commit" | tar -x -C "$work/$commit/src"
    dotnet publish "$work/$commit/src/src/Mahalla.Web/Mahalla.Web.csproj" -c Release -o "$work/$commit/app" --nologo -v q >>"$work/build.log"
done

for round in $(seq 1 "$rounds"); do
    for commit in "$first" "$second"; do
        run="$work/run"; rm -rf "$run"; mkdir -p "$run"
        port=$((23300 + round))
        app="$work/$commit/app"
        (cd "$run" && exec env MALLOC_ARENA_MAX=2 DOTNET_GCgen0size=0x1000000 dotnet "$app/Mahalla.Web.dll" --urls "http://127.0.0.1:$port" \
            --contentRoot "$app" --Database:Provider=Sqlite "--ConnectionStrings:Mahalla=Data Source=$run/m.db" \
            --RateLimiting:Enabled=false --Demo:Enabled=true) >"$run/app.log" 2>&1 &
        pid=$!
        for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
        if [ "$scenario" = inbox ]; then
            # Something to list: the inbox of a new database is empty.
            dotnet "$work/tool/Mahalla.Bench.dll" --url "http://127.0.0.1:$port" --target app --clients 32 --scenarios file \
                --warmup 3 --duration 15 --password Mahalla-2026 >"$run/file.out" 2>&1
        fi
        dotnet "$work/tool/Mahalla.Bench.dll" --url "http://127.0.0.1:$port" --target app --clients 32 --scenarios "$scenario" \
            --warmup 15 --duration 20 --password Mahalla-2026 >"$run/$scenario.out" 2>&1 &
        load=$!
        sleep 18; t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        sleep 15; t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        wait "$load"
        rps=$(awk -v s="$scenario" '$1 == s {print $2}' "$run/$scenario.out")
        awk -v s="$scenario" -v c="$commit" -v r="$round" -v a="$t0" -v b="$t1" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
            '$1 == s {printf "%s r%s %s req/s=%s p50=%s p99=%s cpu_us=%.1f load=%s\n", c, r, s, $2, $3, $4, (b - a) * 10000 / (15 * $2), load}' \
            "$run/$scenario.out"
        [ -n "$rps" ] || { echo "$commit r$round: no result (see $run)"; exit 1; }
        kill "$pid"; wait "$pid" 2>/dev/null || true
    done
done
