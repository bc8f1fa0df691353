#!/usr/bin/env bash
# Runs every test of WorkingGroup: unit, integration on SQLite and on a real PostgreSQL 15, browser.
# Installs what is missing (Debian packages), starts a throwaway PostgreSQL on 127.0.0.1, stops it
# whatever happens, prints "N passed, N failed" and exits non-zero on any failure.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Quorum").
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

need_packages=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_packages+=(postgresql-15)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing missing packages: ${need_packages[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # Keep the PostgreSQL package from creating and starting a cluster of its own.
  $SUDO mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' | $SUDO tee /etc/postgresql-common/createcluster.d/no-main.conf >/dev/null
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

. "$ROOT/build/postgres.sh"
RESULTS=$(mktemp -d /tmp/wg-test-results.XXXXXX)
cleanup() { pg_down; rm -rf "$RESULTS"; }
trap cleanup EXIT

dotnet build WorkingGroup.sln -c Release -warnaserror -nologo -v quiet
pg_up

status=0
dotnet test WorkingGroup.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@" || status=$?

# The closing line CI reads: totals over every test project's results.
passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
