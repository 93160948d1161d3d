#!/usr/bin/env bash
# Load benchmark of the public GraphQL API against a trivial Kestrel baseline.
#
#   tests/bench/run.sh
#
# Builds Release, seeds a throwaway SQLite database with generated articles,
# starts the server on a free loopback port and drives it with wrk: a warm-up,
# then a measured run per request. Then the same for a bare Kestrel endpoint
# that answers the same number of bytes (tests/bench/NewsCms.Bench.Baseline).
# Prints a table and writes it as Markdown to tests/bench/results/latest.md.
# See tests/bench/README.md for what the numbers mean and the targets.
#
# Knobs (environment): BENCH_DURATION (15s), BENCH_WARMUP (10s, the least warm-up),
# BENCH_WARMUP_MAX (30, seconds, the most), BENCH_THREADS (2),
# BENCH_CONNECTIONS (32), BENCH_ARTICLES (2000), BENCH_TYPENAME=1 to also measure
# `{ __typename }` (GraphQL pipeline with no resolver and no database),
# BENCH_DOTNET_ENV="VAR=value ..." for runtime settings given to both the server
# and the baseline (e.g. "DOTNET_gcServer=0" to compare garbage collectors).
#
# Exit code: non-zero when the benchmark could not run (build, seed, server or a
# response check failed). Missed targets are reported, not turned into failures.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$bench_dir/../.." && pwd)"
results_dir="$bench_dir/results" # gitignored
lua_script="$bench_dir/graphql-post.lua"
server_project="$repo_root/src/NewsCms.Server"
baseline_project="$bench_dir/NewsCms.Bench.Baseline"

duration="${BENCH_DURATION:-15s}"
warmup="${BENCH_WARMUP:-10s}"
warmup_max="${BENCH_WARMUP_MAX:-30}" # seconds
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-32}"
articles="${BENCH_ARTICLES:-2000}"
measure_typename="${BENCH_TYPENAME:-0}"
read -r -a dotnet_env <<<"${BENCH_DOTNET_ENV:-}"

# Targets for the 2-core reference machine (README.md).
target_list_rps=2500
target_list_p99_ms=40
target_slug_rps=3500
target_rss_mib=300

accept_header='Accept: application/graphql-response+json, application/json;q=0.9'

log() { printf 'bench: %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# --- processes and cleanup ----------------------------------------------------

tmp=""
server_pid=""
baseline_pid=""

# Stops one process we started, by its id: TERM, then KILL if it lingers.
stop_process() {
  local pid="$1" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "process $pid ignored TERM for 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT
  stop_process "$server_pid"
  stop_process "$baseline_pid"
  if [[ -n "$tmp" && -d "$tmp" ]]; then
    rm -rf -- "$tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

tmp="$(mktemp -d "${TMPDIR:-/tmp}/newscms-bench.XXXXXX")"

# --- tools -------------------------------------------------------------------

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  [[ "$(id -u)" == 0 ]] || die "wrk is not installed; run 'apt-get install -y wrk' as root, or run this script as root"
  log "installing wrk from Debian"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >"$tmp/apt.log" 2>&1; then
    log "apt-get install failed; updating the package lists and trying again"
    { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; } >>"$tmp/apt.log" 2>&1 ||
      { tail -20 "$tmp/apt.log" >&2; die "could not install wrk"; }
  fi
  command -v wrk >/dev/null || die "wrk is still not on PATH after installing it"
}

build() {
  local project="$1" name
  name="$(basename "$project")"
  log "building $name (Release)"
  if ! dotnet build -c Release --nologo -v quiet "$project" </dev/null >"$tmp/build-$name.log" 2>&1; then
    tail -40 "$tmp/build-$name.log" >&2
    die "build of $name failed"
  fi
}

target_path() {
  dotnet msbuild "$1" -nologo -getProperty:TargetPath -p:Configuration=Release </dev/null
}

# A loopback port nobody listens on (nothing answers a connect). Kestrel fails to
# start if another process takes it in between, and start_and_wait says so.
free_port() {
  local port i
  for ((i = 0; i < 100; i++)); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  die "found no free loopback port"
}

# Polls GET url until it answers with any HTTP status; fails early if the process died.
wait_until_up() {
  local url="$1" pid="$2" logfile="$3" i status
  for ((i = 0; i < 600; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -40 "$logfile" >&2
      die "process $pid exited before answering $url"
    fi
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null || true)"
    if [[ -n "$status" && "$status" != 000 ]]; then
      return 0
    fi
    sleep 0.1
  done
  tail -40 "$logfile" >&2
  die "$url did not answer within 60 s"
}

# --- measuring ----------------------------------------------------------------

# POSTs a JSON body file; writes the response to $3 and prints the status code.
post_json() {
  local url="$1" body_file="$2" out="$3"
  curl -sS -o "$out" -w '%{http_code}' --max-time 10 \
    -H 'Content-Type: application/json' -H "$accept_header" \
    --data-binary "@$body_file" "$url"
}

# Fails unless the GraphQL request answers 200 with data and no errors; $4 is a
# fragment the data must contain (so a null result does not pass).
check_graphql() {
  local name="$1" body_file="$2" out="$3" must_contain="$4" status
  status="$(post_json "$graphql_url" "$body_file" "$out")" || die "$name: request failed"
  if [[ "$status" != 200 ]] || grep -q '"errors"' "$out" || ! grep -q '"data":{' "$out" || ! grep -qF "$must_contain" "$out"; then
    log "$name: status $status, response:"
    head -c 2000 "$out" >&2
    printf '\n' >&2
    die "$name: expected 200 with data and no errors"
  fi
  log "$name: 200, $(wc -c <"$out") bytes, no errors"
}

cpu_ticks() { # utime + stime of a process, in clock ticks
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

host_cpu() { # "busy total" jiffies of the whole machine, from the first line of /proc/stat
  awk '/^cpu / { total = 0; for (i = 2; i <= 9 && i <= NF; i++) total += $i; print total - $5 - $6, total; exit }' /proc/stat  # guest time is already in user
}

peak_rss_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

# wrk's text report -> "rps p50_ms p99_ms non2xx socket_errors requests".
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return v * 60000
      if (v ~ /h$/) return v * 3600000
      if (v ~ /s$/) return v * 1000
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { sock = $4 + $6 + $8 + $10 }
    / requests in / { total = $1 }
    END {
      if (rps == "" || p50 == "" || p99 == "") exit 1
      printf "%.0f %.2f %.2f %d %d %d\n", rps, p50, p99, non2xx, sock, total
    }' "$1"
}

clock_ticks="$(getconf CLK_TCK)"
declare -A result_warmup result_rps result_p50 result_p99 result_non2xx result_sock result_cpu result_host result_rss result_bytes
raw_log="$tmp/wrk-raw.txt"

# One wrk run without --latency; prints its req/s.
wrk_rps() {
  local url="$1" body_file="$2" seconds="$3" out="$4"
  BENCH_BODY_FILE="$body_file" timeout 120 wrk -t"$threads" -c"$connections" -d"$seconds" -s "$lua_script" "$url" >"$out" 2>&1 ||
    { cat "$out" >&2; return 1; }
  awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$out"
}

# The warm-up lasts $warmup, then goes on in 2 s slices until two slices in a
# row fail to beat the best rate seen so far by more than 5%, up to $warmup_max
# in all. A freshly started server needs it: tiered JIT compilation competes
# with the requests for the same cores, so the first request type takes 15-20 s
# to reach its steady rate on 2 cores, not always smoothly, and a fixed short
# warm-up would measure part of that ramp.
warm_up() {
  local key="$1" label="$2" url="$3" body_file="$4" started=$SECONDS rps best stalled=0
  log "$label: warm-up $warmup, longer while req/s still climbs (at most ${warmup_max}s)"
  best="$(wrk_rps "$url" "$body_file" "$warmup" "$tmp/warmup-$key.txt")" || die "$label: wrk warm-up failed"
  rps="$best"
  while ((stalled < 2 && SECONDS - started < warmup_max)); do
    rps="$(wrk_rps "$url" "$body_file" 2s "$tmp/warmup-$key.txt")" || die "$label: wrk warm-up failed"
    if awk -v now="$rps" -v best="$best" 'BEGIN { exit !(now > best * 1.05) }'; then
      best="$rps"
      stalled=0
    else
      stalled=$((stalled + 1))
    fi
  done
  result_warmup[$key]=$((SECONDS - started))
  log "$label: warmed up for ${result_warmup[$key]} s, last slice $rps req/s"
}

# Warm-up, then the measured run. Stores the figures under key $1.
measure() {
  local key="$1" label="$2" url="$3" body_file="$4" pid="$5" bytes="$6"
  local out="$tmp/wrk-$key.txt" t0 t1 c0 c1 h0 h1 figures
  warm_up "$key" "$label" "$url" "$body_file"

  log "$label: measuring $duration"
  c0="$(cpu_ticks "$pid")"
  h0="$(host_cpu)"
  t0="$(date +%s%N)"
  BENCH_BODY_FILE="$body_file" timeout 180 wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$lua_script" "$url" >"$out" 2>&1 ||
    { cat "$out" >&2; die "$label: wrk failed"; }
  t1="$(date +%s%N)"
  c1="$(cpu_ticks "$pid")"
  h1="$(host_cpu)"
  { printf '=== %s (%s)\n' "$label" "$url"; cat "$out"; printf '\n'; } >>"$raw_log"

  figures="$(parse_wrk "$out")" || { cat "$out" >&2; die "$label: could not read wrk's report"; }
  read -r "result_rps[$key]" "result_p50[$key]" "result_p99[$key]" "result_non2xx[$key]" "result_sock[$key]" _ <<<"$figures"
  # Share of one core the process used during the measured run (200% = both cores of a 2-core machine).
  result_cpu[$key]="$(awk -v ticks=$((c1 - c0)) -v hz="$clock_ticks" -v ns=$((t1 - t0)) 'BEGIN { printf "%.0f", ticks / hz / (ns / 1e9) * 100 }')"
  # Share of the whole machine that was busy (server, wrk and everything else): 100% = every core.
  result_host[$key]="$(awk -v h0="$h0" -v h1="$h1" 'BEGIN { split(h0, a, " "); split(h1, b, " "); printf "%.0f", (b[2] > a[2]) ? (b[1] - a[1]) / (b[2] - a[2]) * 100 : 0 }')"
  result_rss[$key]="$(awk -v kib="$(peak_rss_kib "$pid")" 'BEGIN { printf "%.0f", kib / 1024 }')"
  result_bytes[$key]="$bytes"
  log "$label: ${result_rps[$key]} req/s, p50 ${result_p50[$key]} ms, p99 ${result_p99[$key]} ms, non-2xx ${result_non2xx[$key]}, process CPU ${result_cpu[$key]}%, host busy ${result_host[$key]}%, peak RSS ${result_rss[$key]} MiB"
}

# Other work on the machine (a build, a test run) takes cores from both the
# server and wrk: say so, since the numbers are then not comparable.
check_quiet() {
  local h0 h1
  h0="$(host_cpu)"
  sleep 2
  h1="$(host_cpu)"
  idle_busy="$(awk -v h0="$h0" -v h1="$h1" 'BEGIN { split(h0, a, " "); split(h1, b, " "); printf "%.0f", (b[2] > a[2]) ? (b[1] - a[1]) / (b[2] - a[2]) * 100 : 0 }')"
  if ((idle_busy > 15)); then
    log "WARNING: the machine was ${idle_busy}% busy before the benchmark started; other load skews the figures"
  fi
}

# --- run ----------------------------------------------------------------------

started_at="$(date +%s)"
idle_busy=""
ensure_wrk
build "$server_project"
build "$baseline_project"
server_dll="$(target_path "$server_project")"
baseline_dll="$(target_path "$baseline_project")"
[[ -f "$server_dll" && -f "$baseline_dll" ]] || die "built assemblies not found ($server_dll, $baseline_dll)"

# The server reads appsettings.json from its content root, the working directory:
# run it from its output folder, as a deployment would.
server_env=(
  "NewsCms__Database__Provider=Sqlite"
  "ConnectionStrings__NewsCms=Data Source=$tmp/newscms.db"
  "NewsCms__Database__SeedDemoContent=false"
  "ASPNETCORE_ENVIRONMENT=Production"
  "DOTNET_NOLOGO=1"
)

log "seeding $articles articles into $tmp/newscms.db"
seed_started="$(date +%s)"
if ! (cd "$(dirname "$server_dll")" && env "${server_env[@]}" dotnet "$server_dll" seed --articles "$articles") </dev/null >"$tmp/seed.log" 2>&1; then
  tail -40 "$tmp/seed.log" >&2
  die "seeding failed"
fi
log "$(tail -1 "$tmp/seed.log") ($(($(date +%s) - seed_started)) s)"

check_quiet
port="$(free_port)"
log "starting the server on 127.0.0.1:$port"
(cd "$(dirname "$server_dll")" && exec env "${server_env[@]}" "${dotnet_env[@]}" "Urls=http://127.0.0.1:$port" dotnet "$server_dll") </dev/null >"$tmp/server.log" 2>&1 &
server_pid=$!
wait_until_up "http://127.0.0.1:$port/" "$server_pid" "$tmp/server.log"
graphql_url="http://127.0.0.1:$port/graphql"

# Request bodies. The list is asked first so that the slug comes from the data.
printf '%s' '{"query":"{ articles(first: 20) { edges { node { id title slug summary publishedAt section { name slug } } } } }"}' >"$tmp/list.json"
check_graphql "list" "$tmp/list.json" "$tmp/list.out" '"edges":[{'
# The first "slug" of the list is the newest article's own (its section's comes after it).
slug="$(grep -o '"slug":"[^"]*"' "$tmp/list.out" | head -1 | sed 's/^"slug":"//; s/"$//')"
[[ "$slug" =~ ^[a-z0-9-]+$ ]] || die "could not read an article slug from the list response (got '$slug')"
printf '{"query":"{ article(slug: \\"%s\\") { title summary html publishedAt section { name } authors { name } } }"}' "$slug" >"$tmp/slug.json"
check_graphql "by slug ($slug)" "$tmp/slug.json" "$tmp/slug.out" '"html":"'
printf '%s' '{"query":"{ __typename }"}' >"$tmp/typename.json"
check_graphql "__typename" "$tmp/typename.json" "$tmp/typename.out" '"__typename":"'

keys=(list slug)
[[ "$measure_typename" == 1 ]] && keys=(typename "${keys[@]}")
declare -A labels=([typename]='{ __typename }' [list]='list (first: 20)' [slug]='article by slug')

for key in "${keys[@]}"; do
  measure "$key" "GraphQL ${labels[$key]}" "$graphql_url" "$tmp/$key.json" "$server_pid" "$(wc -c <"$tmp/$key.out")"
done
stop_process "$server_pid"
server_pid=""

port="$(free_port)"
log "starting the baseline on 127.0.0.1:$port"
(cd "$(dirname "$baseline_dll")" && exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 "${dotnet_env[@]}" dotnet "$baseline_dll" --urls "http://127.0.0.1:$port") </dev/null >"$tmp/baseline.log" 2>&1 &
baseline_pid=$!
wait_until_up "http://127.0.0.1:$port/baseline" "$baseline_pid" "$tmp/baseline.log" # GET answers 405: up is enough
for key in "${keys[@]}"; do
  bytes="${result_bytes[$key]}"
  url="http://127.0.0.1:$port/baseline?bytes=$bytes"
  status="$(post_json "$url" "$tmp/$key.json" "$tmp/baseline-$key.out")" || die "baseline: request failed"
  [[ "$status" == 200 && "$(wc -c <"$tmp/baseline-$key.out")" == "$bytes" ]] ||
    die "baseline: expected 200 with $bytes bytes for $url, got $status with $(wc -c <"$tmp/baseline-$key.out")"
  measure "baseline-$key" "baseline, $bytes bytes (as ${labels[$key]})" "$url" "$tmp/$key.json" "$baseline_pid" "$bytes"
done
stop_process "$baseline_pid"
baseline_pid=""

# --- report -------------------------------------------------------------------

cpu_model="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
facts=(
  "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  "machine: $(nproc) cores ($cpu_model), $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
  "dotnet: $(dotnet --version)"
  "wrk: $(wrk -v 2>&1 | head -1 | awk '{ print $2 }'), $threads threads, $connections connections, warm-up $warmup or until req/s is steady (max ${warmup_max}s), measured $duration, on the same machine as the server"
  "data: SQLite, $articles seeded articles; by-slug article '$slug'"
  "machine busy before the run (other load): ${idle_busy}%"
  "runtime settings: ${BENCH_DOTNET_ENV:-defaults}"
  "commit: $(git -C "$repo_root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo_root" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
)

header=("Request" "Bytes" "Req/s" "p50 ms" "p99 ms" "Non-2xx" "Sock err" "CPU %" "Host busy %" "Peak RSS MiB" "Warm-up s")
rows=()
row() { rows+=("$(printf '%s\t' "$@")"); }
for key in "${keys[@]}"; do
  row "GraphQL ${labels[$key]}" "${result_bytes[$key]}" "${result_rps[$key]}" "${result_p50[$key]}" "${result_p99[$key]}" \
    "${result_non2xx[$key]}" "${result_sock[$key]}" "${result_cpu[$key]}" "${result_host[$key]}" "${result_rss[$key]}" "${result_warmup[$key]}"
done
for key in "${keys[@]}"; do
  b="baseline-$key"
  row "Baseline ${result_bytes[$b]} bytes" "${result_bytes[$b]}" "${result_rps[$b]}" "${result_p50[$b]}" "${result_p99[$b]}" \
    "${result_non2xx[$b]}" "${result_sock[$b]}" "${result_cpu[$b]}" "${result_host[$b]}" "${result_rss[$b]}" "${result_warmup[$b]}"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = (b > 0) ? a / b : 0; printf "%.3f (%.1f%%)", r, r * 100 }'; }
ratios=()
for key in "${keys[@]}"; do
  ratios+=("GraphQL ${labels[$key]} / baseline of ${result_bytes[$key]} bytes: $(ratio "${result_rps[$key]}" "${result_rps[baseline-$key]}")")
done

verdict() { if [[ "$1" == 1 ]]; then printf 'met'; else printf 'MISSED'; fi; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print ((a + 0 >= b + 0) ? 1 : 0) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print ((a + 0 < b + 0) ? 1 : 0) }'; }
server_peak="${result_rss[slug]}"
for key in "${keys[@]}"; do ((result_rss[$key] > server_peak)) && server_peak="${result_rss[$key]}"; done
list_ok=$(($(ge "${result_rps[list]}" "$target_list_rps") && $(lt "${result_p99[list]}" "$target_list_p99_ms")))
targets=(
  "list >= $target_list_rps req/s with p99 < $target_list_p99_ms ms: $(verdict "$list_ok") (${result_rps[list]} req/s, p99 ${result_p99[list]} ms)"
  "by slug >= $target_slug_rps req/s: $(verdict "$(ge "${result_rps[slug]}" "$target_slug_rps")") (${result_rps[slug]} req/s)"
  "server peak RSS < $target_rss_mib MiB: $(verdict "$(lt "$server_peak" "$target_rss_mib")") ($server_peak MiB)"
)

print_table() {
  local line
  {
    printf '%s\t' "${header[@]}"
    printf '\n'
    for line in "${rows[@]}"; do printf '%s\n' "$line"; done
  } | column -t -s $'\t' 2>/dev/null || {
    printf '%s\t' "${header[@]}"
    printf '\n'
    printf '%s\n' "${rows[@]}"
  }
}

markdown() {
  local line fact
  printf '## NewsCms load benchmark\n\n'
  for fact in "${facts[@]}"; do printf -- '- %s\n' "$fact"; done
  printf '\n| %s |\n' "$(IFS='|'; printf '%s' "${header[*]}" | sed 's/|/ | /g')"
  printf '|%s\n' "$(printf -- '---|%.0s' "${header[@]}")"
  for line in "${rows[@]}"; do
    printf '| %s |\n' "$(printf '%s' "${line%$'\t'}" | sed 's/\t/ | /g')"
  done
  printf '\nRatios (req/s):\n\n'
  for line in "${ratios[@]}"; do printf -- '- %s\n' "$line"; done
  printf '\nTargets (2-core reference machine, wrk beside the server):\n\n'
  for line in "${targets[@]}"; do printf -- '- %s\n' "$line"; done
  printf '\nCPU %% is the measured process'"'"'s CPU time over the run (100 = one core); host busy %% is the whole machine, wrk included (100 = every core). Peak RSS is VmHWM: the high-water mark since the process started.\n'
}

mkdir -p "$results_dir"
markdown >"$results_dir/latest.md"
cp "$raw_log" "$results_dir/latest-wrk.txt"

printf '\nNewsCms load benchmark\n'
for fact in "${facts[@]}"; do printf '  %s\n' "$fact"; done
printf '\n'
print_table
printf '\n'
for line in "${ratios[@]}"; do printf '%s\n' "$line"; done
printf '\nTargets:\n'
for line in "${targets[@]}"; do printf '  %s\n' "$line"; done
printf '\nWritten to %s (raw wrk output: %s); took %s s.\n' \
  "${results_dir#"$repo_root/"}/latest.md" "${results_dir#"$repo_root/"}/latest-wrk.txt" "$(($(date +%s) - started_at))"
