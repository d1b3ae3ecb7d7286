#!/usr/bin/env bash
# Runs every test of Agenda. Installs the Debian packages the tests drive (Chromium, Python Pyro4 and
# serpent, vobject, tshark, PostgreSQL) when they are missing, builds the solution once, starts a throwaway PostgreSQL
# cluster (stopped and deleted on exit, whatever happened), then runs each test project. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")"

need=()
for pkg in chromium python3-pyro4 python3-serpent python3-vobject tshark postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Agenda.sln -c Release -warnaserror --nologo -v quiet

# The PostgreSQL tests' server: AGENDA_TEST_POSTGRES names it (tests/postgres.sh says how it is set up).
source tests/postgres.sh
start_test_postgres

results=$(mktemp -d)
status=0
for proj in tests/*/*.csproj e2e/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" || status=1
done

# One closing line over all projects: "N passed, N failed, N skipped".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
exit $status
