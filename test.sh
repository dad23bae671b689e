#!/usr/bin/env bash
# Runs every test of the platform: unit tests, integration tests on SQLite and on PostgreSQL, and
# browser journeys in Chromium. Installs what is missing (PostgreSQL and Chromium from Debian
# packages), starts a throwaway PostgreSQL on 127.0.0.1, and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

bash scripts/test-deps.sh

work=$(mktemp -d /tmp/mahalla-test.XXXXXX)
chmod 755 "$work"
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
cleanup() { bash scripts/postgres.sh stop "$work/pg" || true; rm -rf "$work"; }
trap cleanup EXIT
MAHALLA_TEST_POSTGRES=$(bash scripts/postgres.sh start "$work/pg" "$port")
export MAHALLA_TEST_POSTGRES
echo "PostgreSQL for tests: 127.0.0.1:$port"

dotnet build Mahalla.slnx -c Release -nologo -v quiet
set +e
dotnet test Mahalla.slnx -c Release --no-build -nologo 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$work/test.log"
exit "$status"
