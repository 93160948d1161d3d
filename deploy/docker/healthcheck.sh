#!/usr/bin/env bash
# The container's health probe: GET /healthz on loopback, healthy only on a 200 answer.
#
#   newscms-healthcheck [PORT] [PATH]      # defaults: 8080 /healthz
#
# The aspnet image has neither curl nor wget, and installing one only for this would add a package to patch forever;
# starting a second .NET process every 15 seconds would cost more memory than the check is worth. bash and its
# /dev/tcp are already in the image, and an HTTP/1.1 status line is all there is to read.
set -euo pipefail

port="${1:-8080}"
path="${2:-/healthz}"

exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nUser-Agent: newscms-healthcheck\r\n\r\n' "$path" >&3
# "HTTP/1.1 200 OK": the second word is the status. A server that accepts the connection but never answers fails
# after 5 seconds instead of hanging until Docker's own timeout.
IFS=' ' read -r -t 5 _version status _reason <&3
exec 3>&-
[[ "$status" == 200 ]]
