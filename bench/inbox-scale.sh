#!/usr/bin/env bash
# The staff inbox on a national database (issue 2; ADR 0066):
#   bash bench/inbox-scale.sh
# Publishes the app (from a commit, as bench/run.sh does) and the load tool. For each database (a throwaway
# PostgreSQL, the one the nation runs on, and a SQLite file) it starts the app on an empty one (migrations and demo
# data), then adds COUNT requests spread as a country's are: over every region and
# district of the seeded territory tree, 43 mahallas in each district (made up, beside the five demo mahallas),
# filed over two years, about 8% of them open (submitted, in progress or reopened; due in 1 to 16 days, so that
# the deadline sweeper, which runs as in production, has nothing to escalate while the inbox is measured; the rows leave
# SweepDueUtc (M0019) null, so that the script runs against commits before it too, and the sweeper never reads them) and the rest
# answered or closed, 60% with the mahalla's
# council, 30% with the district's office and 10% with a region's service organisation. The rows go in with SQL:
# only the inbox reads them, and it reads them exactly as it reads filed ones. Then, for each demo staff account in
# turn, after a warm-up over all of them, the load tool lists that account's inbox over HTTP (closed loop) and prints
# its rate and latency.
#
# Settings (environment):
#   COUNT=1000000            requests added
#   CLIENTS=32               concurrent clients
#   WARMUP=5 DURATION=15     seconds per account
#   STAFF="demo-mahalla demo-district demo-region demo-operator"
#   PROVIDERS="postgres sqlite"   (SQLite needs the sqlite3 command, Debian package sqlite3)
#   APP_REF=HEAD             the commit the app is built from (APP_SOURCE=worktree: the working tree)
#   SERVER_ENV=...           as in bench/run.sh (the README's service environment for a 2-core node)
#   KEEP=1                   keep the work folder (logs, the database) for inspection
# Exits non-zero only when it cannot run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
providers=${PROVIDERS:-postgres sqlite}; count=${COUNT:-1000000}; clients=${CLIENTS:-32}; warmup=${WARMUP:-5}; duration=${DURATION:-15}
staff_list=${STAFF:-demo-mahalla demo-district demo-region demo-operator}
server_env=${SERVER_ENV-MALLOC_ARENA_MAX=2 DOTNET_GCgen0size=0x1000000}
work=$(mktemp -d /tmp/mahalla-inbox-scale.XXXXXX); chmod 755 "$work"
app_pid=""; pg_dir=""
cleanup() {
  stop_servers || true
  if [ "${KEEP:-0}" = 1 ]; then echo "[inbox-scale] work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
log() { echo "[inbox-scale $(date +%H:%M:%S)] $*" >&2; }
source "$root/bench/lib.sh" # free_port, wait_health, stop_servers

if [ "${APP_SOURCE:-head}" = worktree ]; then
  app_commit="$(git -C "$root" rev-parse --short HEAD) + working tree"; app_root="$root"
else
  app_commit=$(git -C "$root" rev-parse --short "${APP_REF:-HEAD}"); mkdir -p "$work/src"
  git -C "$root" archive "$app_commit" | tar -x -C "$work/src"; app_root="$work/src"
fi
log "publishing the app ($app_commit) and the load tool into $work"
dotnet publish "$app_root/src/Mahalla.Web/Mahalla.Web.csproj" -c Release -o "$work/app" --nologo -v q >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
dotnet publish "$root/bench/Mahalla.Bench/Mahalla.Bench.csproj" -c Release -o "$work/tool" --nologo -v q >>"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }

# The load tool lists the inboxes of STAFF (comma-separated), in turn: LABEL RESULTS WARM-UP DURATION.
list_inbox() {
  dotnet "$work/tool/Mahalla.Bench.dll" --url "$url" --target app --clients "$clients" --scenarios inbox --staff "$1" \
    --label "$2" --results "$3" --warmup "$4" --duration "$5" >&2
}

results="$work/results.tsv"; : >"$results"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); app built from $app_commit"
echo "- nproc: $(nproc); $(lscpu | grep 'Model name' | sed 's/  */ /g'); dotnet $(dotnet --version); PostgreSQL 15 with Maximum Pool Size=16; SQLite as the app ships it"
echo "- $clients clients, closed loop, warm-up $warmup s + measured $duration s per account, after a 10 s warm-up over all of them; RateLimiting:Enabled=false; server environment: ${server_env:-(none)}"
for provider in $providers; do
  port=$(free_port); url="http://127.0.0.1:$port"
  if [ "$provider" = postgres ]; then
    pg_dir="$work/pg"; pg_port=$(free_port)
    cs="$(bash "$root/scripts/postgres.sh" start "$pg_dir" "$pg_port")"
    psql_cmd=(/usr/lib/postgresql/15/bin/psql -X -q -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$pg_port" -U postgres -d postgres)
    db_args=(--Database:Provider=Postgres "--ConnectionStrings:Mahalla=$cs;Maximum Pool Size=16")
  else
    command -v sqlite3 >/dev/null || { echo "bench/inbox-scale.sh: the sqlite3 command is needed (apt-get install sqlite3)" >&2; exit 1; }
    db_args=(--Database:Provider=Sqlite "--ConnectionStrings:Mahalla=Data Source=$work/mahalla.db")
  fi
  log "$provider: starting the app on $url"
  (cd "$work/app" && exec env $server_env dotnet Mahalla.Web.dll --urls "$url" "${db_args[@]}" --RateLimiting:Enabled=false --Demo:Enabled=true \
      >"$work/app-$provider.log" 2>&1) &
  app_pid=$!
  wait_health "$url" "$app_pid" "$work/app-$provider.log"
  log "$provider: adding $count requests"
  start=$(date +%s)
  if [ "$provider" = postgres ]; then
    "${psql_cmd[@]}" -v count="$count" <<'SQL'
-- Every district (and city) of the seeded tree gets 43 mahallas; the demo mahallas keep their own paths and councils.
CREATE TEMP TABLE mahallas AS
SELECT row_number() OVER (ORDER BY path) - 1 AS n, path, territory_id, council,
       coalesce((SELECT o."Id" FROM organizations.organizations o WHERE o."TerritoryId" = x.district_id AND o."Kind" = 2 LIMIT 1),
                md5('district-' || x.district_id)::uuid) AS district_office,
       coalesce((SELECT array_agg(o."Id" ORDER BY o."Id") FROM organizations.organizations o
                 WHERE o."Kind" = 4 AND o."TerritoryPath" = substring(x.path FOR 34)),
                ARRAY[md5('service-' || substring(x.path FOR 34))::uuid]) AS services
FROM (
  SELECT d."Path" || md5(d."Id"::text || '-' || k) || '/' AS path, md5(d."Id"::text || '-' || k)::uuid AS territory_id,
         md5('council-' || d."Id" || '-' || k)::uuid AS council, d."Id" AS district_id
  FROM territories.territories d CROSS JOIN generate_series(1, 43) k WHERE d."Kind" IN (2, 3)
  UNION ALL
  SELECT t."Path", t."Id", o."Id", t."ParentId"
  FROM territories.territories t JOIN organizations.organizations o ON o."TerritoryId" = t."Id" AND o."Kind" = 1 WHERE t."Kind" = 4
) x;
SELECT count(*) AS mahallas FROM mahallas \gset
INSERT INTO appeals.appeals ("Id", "TrackingNumber", "AccessCodeHash", "Type", "CategoryCode", "TerritoryId", "TerritoryPath", "Text",
    "Language", "IsAnonymous", "ResponsibleOrganizationId", "Status", "EscalationLevel", "EscalationCount", "FiledAtUtc",
    "RegistrationDueUtc", "AnswerDueUtc", "Version")
SELECT md5('scale-' || i)::uuid, 'S-' || i, md5('code-' || i), 1 + i % 3, 'roads', m.territory_id, m.path,
       'Koʻchamizdagi yoʻl chuqurlari yomgʻirdan keyin suvga toʻlib qoladi, bolalar maktabga oʻtolmaydi. Iltimos, taʼmirlab bering. №' || i,
       'uz-Latn', false,
       CASE WHEN i % 10 < 6 THEN m.council WHEN i % 10 < 9 THEN m.district_office ELSE m.services[1 + i % cardinality(m.services)] END,
       CASE WHEN f.open THEN (ARRAY[1, 2, 5])[1 + i % 3] ELSE (ARRAY[3, 4, 6, 7])[1 + i % 4] END,
       CASE WHEN i / 7 % 50 = 0 THEN 2 WHEN i / 7 % 10 = 0 THEN 1 ELSE 0 END, CASE WHEN i / 7 % 10 = 0 THEN 1 ELSE 0 END,
       now() - interval '2 years' + i * (interval '2 years' / :count),
       CASE WHEN f.open THEN now() + interval '1 day' ELSE now() - interval '2 years' + i * (interval '2 years' / :count) + interval '1 day' END,
       CASE WHEN f.open THEN now() + (1 + i % 15) * interval '1 day' ELSE now() - interval '2 years' + i * (interval '2 years' / :count) + interval '15 days' END
         + (i % 37) * interval '1 hour', 1
FROM generate_series(1, :count) i CROSS JOIN LATERAL (SELECT i / 10 % 25 < 2 AS open) f JOIN mahallas m ON m.n = (i::bigint * 7919) % :mahallas;
VACUUM ANALYZE appeals.appeals;
SQL

    summary=$("${psql_cmd[@]}" -At -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE \"Status\" IN (1, 2, 5)), count(DISTINCT \"TerritoryPath\") FROM appeals.appeals")
  else
sqlite3 -bail "$work/mahalla.db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
-- As on PostgreSQL: 43 made-up mahallas in every district (and city), and the demo mahallas with their councils.
CREATE TEMP TABLE mahallas AS
SELECT row_number() OVER (ORDER BY path) - 1 AS n, path, territory_id, council,
       coalesce((SELECT o."Id" FROM organizations o WHERE o."TerritoryId" = x.district_id AND o."Kind" = 2 LIMIT 1),
                printf('5CA1E002-0000-4000-8000-%012X', x.k)) AS district_office,
       substr(x.path, 1, 34) AS region,
       (SELECT count(*) FROM organizations o WHERE o."Kind" = 4 AND o."TerritoryPath" = substr(x.path, 1, 34)) AS services
FROM (
  SELECT d."Path" || printf('5ca1e001000040008000%012x', d.rowid * 100 + k.value) || '/' AS path,
         printf('5CA1E001-0000-4000-8000-%012X', d.rowid * 100 + k.value) AS territory_id,
         printf('5CA1E003-0000-4000-8000-%012X', d.rowid * 100 + k.value) AS council, d."Id" AS district_id, d.rowid AS k
  FROM territories d, (WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < 43) SELECT value FROM s) k
  WHERE d."Kind" IN (2, 3)
  UNION ALL
  SELECT t."Path", t."Id", o."Id", t."ParentId", 0
  FROM territories t JOIN organizations o ON o."TerritoryId" = t."Id" AND o."Kind" = 1 WHERE t."Kind" = 4
) x;
CREATE TEMP TABLE counted AS SELECT count(*) AS mahallas FROM mahallas;
CREATE TEMP TABLE services AS
SELECT "TerritoryPath" AS region, row_number() OVER (PARTITION BY "TerritoryPath" ORDER BY "Id") - 1 AS k, "Id" AS id FROM organizations WHERE "Kind" = 4;
BEGIN;
INSERT INTO appeals ("Id", "TrackingNumber", "AccessCodeHash", "Type", "CategoryCode", "TerritoryId", "TerritoryPath", "Text",
    "Language", "IsAnonymous", "ResponsibleOrganizationId", "Status", "EscalationLevel", "EscalationCount", "FiledAtUtc",
    "RegistrationDueUtc", "AnswerDueUtc", "Version")
SELECT printf('5CA1E000-0000-4000-8000-%012X', i), 'S-' || i, printf('%064x', i), 1 + i % 3, 'roads', m.territory_id, m.path,
       'Koʻchamizdagi yoʻl chuqurlari yomgʻirdan keyin suvga toʻlib qoladi, bolalar maktabga oʻtolmaydi. Iltimos, taʼmirlab bering. №' || i,
       'uz-Latn', 0,
       CASE WHEN i % 10 < 6 THEN m.council WHEN i % 10 < 9 OR m.services = 0 THEN m.district_office ELSE v.id END,
       CASE WHEN open THEN 1 + (i % 3) + 2 * (i % 3 = 2) ELSE 3 + (i % 4) + (i % 4 >= 2) END,
       CASE WHEN i / 7 % 50 = 0 THEN 2 WHEN i / 7 % 10 = 0 THEN 1 ELSE 0 END, CASE WHEN i / 7 % 10 = 0 THEN 1 ELSE 0 END,
       strftime('%Y-%m-%d %H:%M:%S', 'now', '-730 days', '+' || (i * 63072000 / $count) || ' seconds'),
       CASE WHEN open THEN strftime('%Y-%m-%d %H:%M:%S', 'now', '+1 days')
            ELSE strftime('%Y-%m-%d %H:%M:%S', 'now', '-729 days', '+' || (i * 63072000 / $count) || ' seconds') END,
       CASE WHEN open THEN strftime('%Y-%m-%d %H:%M:%S', 'now', '+' || ((1 + i % 15) * 86400 + (i % 37) * 3600) || ' seconds')
            ELSE strftime('%Y-%m-%d %H:%M:%S', 'now', '-715 days', '+' || (i * 63072000 / $count + (i % 37) * 3600) || ' seconds') END, 1
FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $count) SELECT i, i / 10 % 25 < 2 AS open FROM s), counted
JOIN mahallas m ON m.n = (i * 7919) % counted.mahallas
LEFT JOIN services v ON v.region = m.region AND v.k = i % max(m.services, 1);
COMMIT;
SQL
    summary=$(sqlite3 -separator ' ' "$work/mahalla.db" 'SELECT count(*), sum("Status" IN (1, 2, 5)), count(DISTINCT "TerritoryPath") FROM appeals')
  fi
  log "$provider: added in $(( $(date +%s) - start )) s"
  echo "- $provider: $(echo "$summary" | cut -d' ' -f1) requests, $(echo "$summary" | cut -d' ' -f2) open, in $(echo "$summary" | cut -d' ' -f3) mahallas; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # A warm-up over every account first (not recorded), so that no account's run pays for the app's first compilations.
  list_inbox "$(echo $staff_list | tr ' ' ',')" warm-up "$work/warm-up.tsv" 0 10
  for staff in $staff_list; do
    log "$provider: inbox of $staff"
    list_inbox "$staff" "$provider	$staff" "$results" "$warmup" "$duration"
  done
  stop_servers
done
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Database | Inbox of | pages/s | p50 ms | p99 ms | max ms | errors | note |"
echo "|---|---|---:|---:|---:|---:|---:|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $6, $7, $8, $9, $11, $12 }' "$results"
