#!/usr/bin/env bash
# Installs Debian's nats-server (JetStream with -js), which cluster mode and its tests use, where missing. The
# Debian package enables a system service; nothing here needs it (the tests and compose.yaml start their own
# servers), so it is stopped and disabled where systemd runs.
set -euo pipefail
if ! command -v nats-server >/dev/null && [ ! -x /usr/sbin/nats-server ]; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q --no-install-recommends nats-server
  if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
    $sudo_ systemctl disable --now nats-server >/dev/null 2>&1 || true
  fi
fi
