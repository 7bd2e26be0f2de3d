#!/bin/bash
# The Docker HEALTHCHECK of the Luoshi images: GET /q/health/live on the service's management port
# (health is not on the public one) and succeed on HTTP 200. Plain bash (/dev/tcp), because the JRE
# base image promises no curl or wget.
port=${QUARKUS_MANAGEMENT_PORT:-9080}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
case $status in
  "HTTP/1.1 200"* | "HTTP/1.0 200"*) exit 0 ;;
  *) echo "unhealthy: ${status%$'\r'}"; exit 1 ;;
esac
