#!/usr/bin/env bash
# Runs every NewsCms test: the one command for developers and CI (.ci/run).
#
#   tests/run.sh                      # the whole solution
#   tests/run.sh --filter-class '*Slug*'
#   tests/run.sh --project tests/NewsCms.Core.Tests
#
# Extra arguments go to `dotnet test`. On first use it installs what the tests
# need (the Node test tools; PostgreSQL, Chromium, redis-server and nginx
# through apt-get when root) and starts a throwaway PostgreSQL on a free
# loopback port for the length of the run.
#
# When a service cannot be had, CI=true makes that an error; elsewhere it is a
# warning and the tests that need the service skip themselves with a reason.
#
# The last line is always `tests: N passed, N failed, N skipped`. The exit code
# is non-zero when a test failed, the build failed or no test ran.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/tests/tools"
results_dir="$repo_root/tests/TestResults" # gitignored (TestResults/)

# State of the PostgreSQL we start, read by the EXIT trap.
pg_tmp=""
pg_bin=""

log() { printf 'run.sh: %s\n' "$*" >&2; }

is_ci() {
  case "${CI:-}" in
  [Tt][Rr][Uu][Ee] | 1 | [Yy][Ee][Ss]) return 0 ;;
  *) return 1 ;;
  esac
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# A missing service breaks CI loudly; a developer's run goes on and the tests
# that need it skip themselves (they read the same env vars and CI).
service_unavailable() {
  local what="$1" why="$2"
  if is_ci; then
    log "ERROR: $what: $why"
    log "CI=true: every test must run, so this is fatal."
    exit 1
  fi
  log "WARNING: $what: $why; the tests that need it will skip themselves."
}

# --- Node test tools ---------------------------------------------------------

# npm ci wipes node_modules, so only run it when the lock changed since the last
# install; the stamp lives inside node_modules and disappears with it.
install_node_tools() {
  local stamp="$tools_dir/node_modules/.newscms-lock-stamp"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    service_unavailable "Node test tools" "node or npm is not on PATH"
    return 0
  fi

  local wanted
  wanted="$(cat "$tools_dir/package.json" "$tools_dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [[ ! -d "$tools_dir/node_modules" || ! -f "$stamp" || "$(cat "$stamp")" != "$wanted" ]]; then
    log "installing Node test tools (npm ci in tests/tools)"
    if ! npm ci --prefix "$tools_dir" --no-audit --no-fund </dev/null >&2; then
      service_unavailable "Node test tools" "npm ci failed"
      return 0
    fi
    printf '%s\n' "$wanted" >"$stamp"
  fi
  export NEWSCMS_TEST_NODE_TOOLS="$tools_dir"
}

# --- Chromium for the browser tests -------------------------------------------

# Debian's own Chromium, driven by Playwright's bundled driver: no browser is
# ever downloaded by a tool. Exports NEWSCMS_TEST_CHROMIUM when one is found.
find_chromium() {
  local candidate
  for candidate in "${NEWSCMS_TEST_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

install_chromium() {
  local chromium
  if ! chromium="$(find_chromium)" && is_root && command -v apt-get >/dev/null; then
    log "Chromium not found: installing Debian's chromium with apt-get"
    {
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium ||
        { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
    } </dev/null >&2 || log "apt-get install chromium failed"
    chromium="$(find_chromium)" || true
  fi
  if [[ -z "${chromium:-}" ]]; then
    service_unavailable "Chromium" "no chromium found (install Debian's chromium package)"
    return 0
  fi
  export NEWSCMS_TEST_CHROMIUM="$chromium"
}

# --- redis-server and nginx for the scale-out suite ---------------------------

# The first executable among the arguments (empty ones are skipped).
first_executable() {
  local candidate
  for candidate in "$@"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

find_redis_server() { first_executable "${NEWSCMS_TEST_REDIS_SERVER:-}" /usr/bin/redis-server "$(command -v redis-server || true)"; }

find_nginx() { first_executable "${NEWSCMS_TEST_NGINX:-}" /usr/sbin/nginx "$(command -v nginx || true)"; }

# Debian's redis-server and nginx: the scale-out tests run each as their own
# loopback process, never as the packages' services. Exports
# NEWSCMS_TEST_REDIS_SERVER and NEWSCMS_TEST_NGINX when found.
install_scale_out_services() {
  local redis nginx missing=()
  redis="$(find_redis_server)" || missing+=(redis-server)
  nginx="$(find_nginx)" || missing+=(nginx)
  if ((${#missing[@]} > 0)) && is_root && command -v apt-get >/dev/null; then
    log "${missing[*]} not found: installing with apt-get"
    apt_install_without_services "${missing[@]}" || log "apt-get install ${missing[*]} failed"
    redis="$(find_redis_server)" || true
    nginx="$(find_nginx)" || true
  fi
  if [[ -n "${redis:-}" ]]; then
    export NEWSCMS_TEST_REDIS_SERVER="$redis"
  else
    service_unavailable "redis-server" "not found (install Debian's redis-server package)"
  fi
  if [[ -n "${nginx:-}" ]]; then
    export NEWSCMS_TEST_NGINX="$nginx"
  else
    service_unavailable "nginx" "not found (install Debian's nginx package)"
  fi
}

# --- PostgreSQL --------------------------------------------------------------

# Newest /usr/lib/postgresql/*/bin (Debian layout), else whatever pg_ctl is on PATH.
find_pg_bin() {
  local dirs=() d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/pg_ctl" && -x "$d/initdb" ]] && dirs+=("$d")
  done
  if ((${#dirs[@]} > 0)); then
    printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1
  elif command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(command -v pg_ctl)"
  fi
}

# The packages' own services must not start during the install: this script
# and the tests start their own servers and stop only what they started (a
# PostgreSQL cluster, redis-server or nginx started by the package would hold
# its port for good). A policy-rc.d that answers 101 tells invoke-rc.d (and
# deb-systemd-invoke) not to start services.
apt_install_without_services() {
  local policy=/usr/sbin/policy-rc.d added="" rc=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1
  fi
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
  } </dev/null >&2 || rc=$?
  [[ -n "$added" ]] && rm -f "$policy"
  return "$rc"
}

# initdb refuses to run as root, so when root the cluster belongs to `postgres`.
as_pg() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  local port="$1"
  if command -v ss >/dev/null; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
  else
    # Connecting succeeds only when something listens there.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# A random start spreads concurrent runs apart; the caller still retries
# because another process can take the port before the server binds it.
pick_free_port() {
  local port=$((20000 + RANDOM % 40000)) i
  for ((i = 0; i < 200; i++)); do
    if ! port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
    port=$((port >= 60000 ? 20000 : port + 1))
  done
  return 1
}

# Exports NEWSCMS_TEST_POSTGRES when a server runs. Any failure goes through
# service_unavailable: fatal under CI, a warning (and skipped tests) elsewhere.
start_postgres() {
  pg_bin="$(find_pg_bin)"
  if [[ -z "$pg_bin" ]] && is_root && command -v apt-get >/dev/null; then
    log "PostgreSQL not found: installing it with apt-get"
    apt_install_without_services postgresql || log "apt-get install postgresql failed"
    pg_bin="$(find_pg_bin)"
  fi
  if [[ -z "$pg_bin" ]]; then
    service_unavailable "PostgreSQL" "no initdb/pg_ctl found (install postgresql)"
    return 0
  fi
  if is_root && ! id postgres >/dev/null 2>&1; then
    service_unavailable "PostgreSQL" "running as root and there is no 'postgres' user to own the cluster"
    return 0
  fi

  # Under /tmp when root: the server runs as postgres and must reach the folder.
  local parent="${TMPDIR:-/tmp}"
  is_root && parent=/tmp
  pg_tmp="$(mktemp -d "$parent/newscms-pg.XXXXXX")"
  mkdir "$pg_tmp/sock"
  is_root && chown -R postgres: "$pg_tmp"

  # From inside the folder: as postgres, the caller's directory may be unreadable.
  if ! (cd "$pg_tmp" && as_pg "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres --auth=trust \
    -E UTF8 --locale=C.UTF-8 >"$pg_tmp/initdb.log" 2>&1); then
    cat "$pg_tmp/initdb.log" >&2
    service_unavailable "PostgreSQL" "initdb failed (output above)"
    return 0
  fi

  local attempt port
  for attempt in 1 2 3; do
    port="$(pick_free_port)" || break
    if (cd "$pg_tmp" && as_pg "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/postgres.log" -w -t 60 \
      -o "-p $port -h 127.0.0.1 -k '$pg_tmp/sock' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null); then
      local pid
      pid="$(head -n 1 "$pg_tmp/data/postmaster.pid")"
      export NEWSCMS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (pid $pid, data in $pg_tmp)"
      return 0
    fi
    log "PostgreSQL did not start on port $port (attempt $attempt)"
    stop_server_in_tmp
  done
  tail -n 20 "$pg_tmp/postgres.log" >&2 2>/dev/null || true
  service_unavailable "PostgreSQL" "pg_ctl start failed (log above)"
}

# Stops the server in $pg_tmp if one runs there: pg_ctl first, then by the pid
# in postmaster.pid. Also used between start attempts, since a start that
# timed out can leave a postmaster behind. Never fails.
stop_server_in_tmp() {
  local pidfile="$pg_tmp/data/postmaster.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  if ! (cd "$pg_tmp" && as_pg "$pg_bin/pg_ctl" -D "$pg_tmp/data" -w -t 30 stop -m fast) >/dev/null 2>&1; then
    if [[ "$pid" =~ ^[0-9]+$ ]]; then
      log "pg_ctl stop failed; killing postmaster $pid"
      kill_postmaster "$pid"
    fi
  fi
  return 0
}

# EXIT trap: stop the server we started (by its own pid, never by name) and
# remove its folder. Must not fail: it runs while the script is exiting.
stop_postgres() {
  [[ -n "$pg_tmp" ]] || return 0
  stop_server_in_tmp
  rm -rf "$pg_tmp"
  pg_tmp=""
}

# SIGQUIT is PostgreSQL's immediate shutdown; SIGKILL if that is ignored. Check
# the pid is still a postgres process so a recycled pid is never touched.
kill_postmaster() {
  local pid="$1" i
  is_postgres_pid "$pid" || return 0
  kill -QUIT "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    is_postgres_pid "$pid" || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

is_postgres_pid() {
  [[ -r "/proc/$1/comm" ]] && [[ "$(cat "/proc/$1/comm" 2>/dev/null)" == postgres* ]]
}

# --- dotnet test and its summary ---------------------------------------------

# Runs dotnet test, teeing everything to the log; returns dotnet's exit code.
run_dotnet_test() {
  local log_file="$1"
  shift
  # A module that runs no test exits 8 and fails the whole run: that happens to
  # every other project under a filter, and to a project with no tests yet.
  # Ignore it per module; report() fails the run when no test ran at all.
  local args=(test --no-ansi --no-progress --ignore-exit-code 8)
  # Default to the whole solution unless the caller picked what to test.
  local a target_given=""
  for a in "$@"; do
    case "$a" in --project | --project=* | --solution | --solution=* | --test-modules | --test-modules=*) target_given=1 ;; esac
  done
  [[ -n "$target_given" ]] || args+=(--solution "$repo_root/NewsCms.sln")
  args+=("$@")

  log "dotnet ${args[*]}"
  local rc=0
  dotnet "${args[@]}" </dev/null 2>&1 | tee "$log_file" || rc=${PIPESTATUS[0]}
  return "$rc"
}

# Prints "total failed succeeded skipped" from the LAST "Test run summary:"
# block of the log, or nothing when there is none (e.g. the build failed).
# dotnet test prints one overall block for the whole run after the per-module
# result lines; taking the last block (and only the lines that follow it)
# never counts a module twice, even if a module or a test printed similar text.
parse_summary() {
  awk '
    { gsub(/\033\[[0-9;?]*[A-Za-z]/, ""); sub(/\r$/, ""); $0 = tolower($0) }
    /^test run summary:/ { found = 1; total = failed = succeeded = skipped = 0; next }
    found && /^[[:space:]]*total:[[:space:]]*[0-9]+/     { total = $2 }
    found && /^[[:space:]]*failed:[[:space:]]*[0-9]+/    { failed = $2 }
    found && /^[[:space:]]*succeeded:[[:space:]]*[0-9]+/ { succeeded = $2 }
    found && /^[[:space:]]*skipped:[[:space:]]*[0-9]+/   { skipped = $2 }
    END { if (found) print total, failed, succeeded, skipped }
  ' "$1"
}

# Prints the final line and returns the script's exit code. Takes dotnet's
# worst exit code and the log of each dotnet test run; the counts are summed.
report() {
  local dotnet_rc="$1" log_file summary total=0 failed=0 passed=0 skipped=0 t f p k
  shift
  for log_file in "$@"; do
    summary="$(parse_summary "$log_file")"
    if [[ -z "$summary" ]]; then
      log "no test summary in the output (build failure?); dotnet exited $dotnet_rc; log: $log_file"
      echo "tests: $passed passed, $((failed + 1)) failed, $skipped skipped"
      return $((dotnet_rc == 0 ? 1 : dotnet_rc))
    fi
    read -r t f p k <<<"$summary"
    total=$((total + t)) failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + k))
  done

  local rc="$dotnet_rc"
  if ((total == 0)); then
    log "no test ran"
    ((rc != 0)) || rc=1
  elif ((dotnet_rc != 0 && failed == 0)); then
    # E.g. a test host crashed or the session was aborted: the counts look clean
    # but the run is not, so count it as one failure rather than hide it.
    log "dotnet test exited $dotnet_rc with no failed test: counted as one failure (see $*)"
    failed=1
  elif ((failed > 0 && rc == 0)); then
    rc=1
  fi
  log "full logs: $*"
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  return "$rc"
}

main() {
  cd "$repo_root"
  trap stop_postgres EXIT
  # Turn signals into a normal exit so the EXIT trap stops PostgreSQL.
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM

  export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
  export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

  install_node_tools
  install_chromium
  install_scale_out_services
  if [[ -n "${NEWSCMS_TEST_POSTGRES:-}" ]]; then
    log "using the PostgreSQL given in NEWSCMS_TEST_POSTGRES"
  else
    start_postgres
  fi

  mkdir -p "$results_dir"
  local dotnet_rc=0 rc=0 a target_given=""
  for a in "$@"; do
    case "$a" in --project | --project=* | --solution | --solution=* | --test-modules | --test-modules=*) target_given=1 ;; esac
  done
  if [[ -n "$target_given" ]]; then
    run_dotnet_test "$results_dir/run.log" "$@" || dotnet_rc=$?
    report "$dotnet_rc" "$results_dir/run.log" || rc=$?
    exit "$rc"
  fi

  # The browser suite runs alone, after the rest: beside three other test
  # modules on two cores, its server and Chromium starve and a wait that takes
  # two seconds on a quiet machine can take twenty. The scale-out suite (three
  # servers, nginx, Redis and Azurite, with timed assertions) runs alone last,
  # for the same reason.
  run_dotnet_test "$results_dir/run.log" --filter-not-namespace 'NewsCms.BrowserTests*' --filter-not-namespace 'NewsCms.ScaleOutTests*' "$@" || dotnet_rc=$?
  local browser_rc=0 scale_out_rc=0
  run_dotnet_test "$results_dir/browser.log" --project "$repo_root/tests/NewsCms.BrowserTests" --no-build "$@" || browser_rc=$?
  run_dotnet_test "$results_dir/scale-out.log" --project "$repo_root/tests/NewsCms.ScaleOutTests" --no-build "$@" || scale_out_rc=$?
  ((dotnet_rc != 0)) || dotnet_rc="$browser_rc"
  ((dotnet_rc != 0)) || dotnet_rc="$scale_out_rc"
  report "$dotnet_rc" "$results_dir/run.log" "$results_dir/browser.log" "$results_dir/scale-out.log" || rc=$?
  exit "$rc"
}

# Sourcing the file (to try one function) defines the functions without running.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
