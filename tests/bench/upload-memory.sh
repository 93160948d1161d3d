#!/usr/bin/env bash
# Memory cost of a large upload: proves that files stream through the server
# rather than sitting in memory.
#
#   tests/bench/upload-memory.sh
#
# Builds the server in Release, starts it on a throwaway SQLite database with the
# folder media store in a temp folder, signs in a writer with an API token, then
# uploads a generated MP4-shaped file (a valid ftyp box, then filler) through the
# GraphQL multipart request with curl, sampling the server's resident memory
# (VmRSS in /proc/PID/status) before, during and after. Prints the growth and
# fails when it reaches the bound.
#
# Knobs (environment): UPLOAD_MB (200, decimal megabytes), UPLOAD_MAX_GROWTH_MB (50).
# The video limit (NewsCms:Media:MaxVideoBytes, 200 MiB by default) is raised
# through the server's environment only when UPLOAD_MB needs it.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$bench_dir/../.." && pwd)"
server_project="$repo_root/src/NewsCms.Server"
upload_mb="${UPLOAD_MB:-200}"
max_growth_mb="${UPLOAD_MAX_GROWTH_MB:-50}"
upload_bytes=$((upload_mb * 1000 * 1000))

log() { printf 'upload-memory: %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

tmp=""
server_pid=""
curl_pid=""

stop_process() {
  local pid="$1" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT
  stop_process "$curl_pid"
  stop_process "$server_pid"
  [[ -n "$tmp" && -d "$tmp" ]] && rm -rf -- "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

tmp="$(mktemp -d "${TMPDIR:-/tmp}/newscms-upload-memory.XXXXXX")"

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

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

log "building NewsCms.Server (Release)"
dotnet build -c Release --nologo -v quiet "$server_project" </dev/null >"$tmp/build.log" 2>&1 || { tail -40 "$tmp/build.log" >&2; die "build failed"; }
server_dll="$(dotnet msbuild "$server_project" -nologo -getProperty:TargetPath -p:Configuration=Release </dev/null)"

server_env=(
  "NewsCms__Database__Provider=Sqlite"
  "ConnectionStrings__NewsCms=Data Source=$tmp/newscms.db"
  "NewsCms__Database__SeedDemoContent=false"
  "NewsCms__Publishing__Enabled=false"
  "NewsCms__Media__FileSystem__RootPath=$tmp/media"
  "ASPNETCORE_ENVIRONMENT=Production"
  "DOTNET_NOLOGO=1"
)
if ((upload_bytes > 200 * 1024 * 1024)); then
  server_env+=("NewsCms__Media__MaxVideoBytes=$((upload_bytes + 1024 * 1024))")
fi

run_server_command() { (cd "$(dirname "$server_dll")" && env "${server_env[@]}" dotnet "$server_dll" "$@") </dev/null 2>>"$tmp/commands.log"; }

log "creating a writer and an API token"
run_server_command users create --email writer@bench.test --password 'a long bench passphrase' --role Writer --name "Bench Writer" >/dev/null ||
  { tail -20 "$tmp/commands.log" >&2; die "users create failed"; }
token="$(run_server_command tokens create --email writer@bench.test --name upload-memory)" || { tail -20 "$tmp/commands.log" >&2; die "tokens create failed"; }

log "generating a ${upload_mb} MB MP4-shaped file"
make_mp4() { # size file
  { printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2'; head -c "$(($1 - 24))" /dev/urandom; } >"$2"
}
make_mp4 "$upload_bytes" "$tmp/upload.mp4"
make_mp4 1000000 "$tmp/warmup.mp4"

port="$(free_port)"
log "starting the server on 127.0.0.1:$port"
(cd "$(dirname "$server_dll")" && exec env "${server_env[@]}" "Urls=http://127.0.0.1:$port" dotnet "$server_dll") </dev/null >"$tmp/server.log" 2>&1 &
server_pid=$!
for ((i = 0; i < 600; i++)); do
  kill -0 "$server_pid" 2>/dev/null || { tail -40 "$tmp/server.log" >&2; die "the server exited"; }
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null || true)"
  [[ -n "$status" && "$status" != 000 ]] && break
  sleep 0.1
done

upload() { # file out
  curl -sS -o "$2" -w '%{http_code}' --max-time 600 "http://127.0.0.1:$port/graphql" \
    -H "Authorization: Bearer $token" -H 'GraphQL-Preflight: 1' \
    -F 'operations={"query":"mutation ($file: Upload!) { uploadMedia(file: $file) { id sizeBytes } }","variables":{"file":null}}' \
    -F 'map={"0":["variables.file"]}' \
    -F "0=@$1;type=video/mp4"
}

check_upload() { # status out bytes
  if [[ "$1" != 200 ]] || grep -q '"errors"' "$2" || ! grep -q "\"sizeBytes\":$3" "$2"; then
    head -c 2000 "$2" >&2
    printf '\n' >&2
    die "upload failed (HTTP $1)"
  fi
}

# One small upload first, so the code path is loaded and compiled before the baseline is taken.
check_upload "$(upload "$tmp/warmup.mp4" "$tmp/warmup.json")" "$tmp/warmup.json" 1000000
sleep 1
before="$(rss_kib "$server_pid")"
log "RSS before: $((before / 1024)) MiB; uploading ${upload_mb} MB"

upload "$tmp/upload.mp4" "$tmp/upload.json" >"$tmp/upload.status" &
curl_pid=$!
peak="$before"
while kill -0 "$curl_pid" 2>/dev/null; do
  now="$(rss_kib "$server_pid")"
  ((now > peak)) && peak="$now"
  sleep 0.1
done
wait "$curl_pid" || die "curl failed"
curl_pid=""
check_upload "$(cat "$tmp/upload.status")" "$tmp/upload.json" "$upload_bytes"
sleep 1
after="$(rss_kib "$server_pid")"

growth_kib=$((peak - before))
printf 'upload: %s MB (%s bytes) in one multipart request\n' "$upload_mb" "$upload_bytes"
printf 'server RSS before: %d MiB, peak during: %d MiB, after: %d MiB\n' $((before / 1024)) $((peak / 1024)) $((after / 1024))
printf 'growth: %d MiB (bound: %d MB)\n' $((growth_kib / 1024)) "$max_growth_mb"
((growth_kib * 1024 < max_growth_mb * 1000 * 1000)) || die "RSS grew by $((growth_kib / 1024)) MiB, over the bound"
