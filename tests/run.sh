#!/usr/bin/env bash
# Runs the whole test suite, as CI does: builds with zero warnings, starts a throwaway PostgreSQL
# cluster (installing Debian's postgresql package when absent), runs every test project, always stops
# and removes the cluster, and ends with "N passed, N failed, N skipped".
# SQL Server tests run too when MLA_TEST_SQLSERVER holds a connection string.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

work_dir="$(mktemp -d /tmp/mla-tests.XXXXXX)"
pg_data="$work_dir/pgdata"
pg_bin=""
pg_started=0

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cleanup() {
  if [ "$pg_started" -eq 1 ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

find_pg_bin() {
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! pg_bin="$(find_pg_bin)"; then
  echo "PostgreSQL is not installed: installing Debian's postgresql package..."
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: installing PostgreSQL needs root (apt-get)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || { echo "error: apt-get install postgresql failed" >&2; exit 1; }
  pg_bin="$(find_pg_bin)" || { echo "error: PostgreSQL binaries not found after install" >&2; exit 1; }
fi

# The signed request documents are checked with poppler's pdfsig (Debian's poppler-utils).
if ! command -v pdfsig >/dev/null 2>&1; then
  echo "pdfsig is not installed: installing Debian's poppler-utils package..."
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: installing poppler-utils needs root (apt-get)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null || { echo "error: apt-get install poppler-utils failed" >&2; exit 1; }
fi

# The browser tests (tests/Mla.Web.Tests) drive Debian's Chromium through Playwright: Playwright's own browser
# download is not used.
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is not installed: installing Debian's chromium package..."
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: installing Chromium needs root (apt-get)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null || { echo "error: apt-get install chromium failed" >&2; exit 1; }
fi

# axe-core checks every page's accessibility in the browser tests; it comes from the npm registry, for the
# tests only, unpacked into this run's temporary folder (never committed).
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "npm is not installed: installing Debian's npm package (for axe-core)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null 2>&1 || echo "warning: npm could not be installed" >&2
fi
if (cd "$work_dir" && npm pack axe-core@4 --silent >/dev/null 2>&1 && tar -xzf axe-core-*.tgz package/axe.min.js); then
  export MLA_AXE_PATH="$work_dir/package/axe.min.js"
else
  echo "warning: axe-core could not be fetched now; the browser tests will try again themselves" >&2
fi

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

pg_port="$(free_port)" || { echo "error: no free local port for PostgreSQL" >&2; exit 1; }
mkdir -p "$pg_data"
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$work_dir"
fi
echo "Starting a throwaway PostgreSQL cluster ($pg_bin) on 127.0.0.1:$pg_port..."
as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work_dir/initdb.log" 2>&1 \
  || { cat "$work_dir/initdb.log" >&2; echo "error: initdb failed" >&2; exit 1; }
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$work_dir/postgres.log" -w -t 60 \
  -o "-p $pg_port -k $work_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$work_dir/postgres.log" >&2; echo "error: PostgreSQL did not start" >&2; exit 1; }
pg_started=1
export MLA_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=50"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

echo "Building..."
if ! dotnet build Mla.sln -c Debug -nologo -clp:ErrorsOnly >"$work_dir/build.log" 2>&1; then
  cat "$work_dir/build.log"
  echo "error: build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

passed=0
failed=0
skipped=0
status=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "Testing $name..."
  log="$work_dir/$name.log"
  dotnet test "$project" --no-build -nologo >"$log" 2>&1
  code=$?
  grep -E "^\s*Failed " "$log" || true
  summary="$(grep -E "(Passed|Failed)!\s+-\s+Failed:" "$log" | tail -n 1)"
  if [ -z "$summary" ]; then
    tail -n 50 "$log"
    echo "error: $name did not report results"
    failed=$((failed + 1))
    status=1
    continue
  fi
  echo "  $summary"
  p="$(sed -E 's/.*Passed:\s*([0-9]+).*/\1/' <<<"$summary")"
  f="$(sed -E 's/.*Failed:\s*([0-9]+).*/\1/' <<<"$summary")"
  s="$(sed -E 's/.*Skipped:\s*([0-9]+).*/\1/' <<<"$summary")"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  if [ "$code" -ne 0 ] || [ "$f" -ne 0 ]; then
    grep -E -A 15 "^\s*Failed " "$log" | head -n 200
    status=1
  fi
done

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
