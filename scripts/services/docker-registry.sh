#!/usr/bin/env bash
# Starts a throwaway OCI registry on 127.0.0.1 for the OCI tests: Debian's docker-registry
# (Docker Distribution), installed first when it is missing.
#
#   docker-registry.sh DIR PORT [USER PASSWORD]
#
# DIR is a scratch folder (storage, config, htpasswd and registry.log go there), PORT a port on
# 127.0.0.1; USER and PASSWORD turn on basic auth (htpasswd, bcrypt). Prints the registry's PID
# once it accepts connections; stop it with `kill PID`.
set -euo pipefail

die() {
  echo "docker-registry.sh: $*" >&2
  exit 1
}

# install COMMAND PACKAGE: apt-get installs PACKAGE unless COMMAND exists (one install at a time),
# as root or through passwordless sudo (as on CI runners).
install() {
  command -v "$1" >/dev/null && return
  command -v apt-get >/dev/null || die "$1 is missing and there is no apt-get to install Debian's $2"
  local as_root=()
  if [ "$(id -u)" != 0 ]; then
    sudo -n true 2>/dev/null || die "$1 is missing and installing Debian's $2 needs root: sudo apt-get install -y $2"
    as_root=(sudo -n)
  fi
  (
    flock 9
    command -v "$1" >/dev/null && exit 0
    "${as_root[@]}" apt-get update -qq >/dev/null &&
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  ) 9>/tmp/wasmcp-ts-apt.lock || die "cannot install Debian's $2 (apt-get failed, see above)"
  command -v "$1" >/dev/null || die "installing $2 did not provide $1"
}

[ $# = 2 ] || [ $# = 4 ] || die "usage: docker-registry.sh DIR PORT [USER PASSWORD]"
dir=$1
port=$2
[[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, got $port"
mkdir -p "$dir/storage"

install docker-registry docker-registry
auth=""
if [ $# = 4 ]; then
  install htpasswd apache2-utils
  htpasswd -Bbc "$dir/htpasswd" "$3" "$4" 2>/dev/null || die "htpasswd failed"
  auth="auth:
  htpasswd:
    realm: wasmcp-ts-test
    path: $dir/htpasswd"
fi

cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: wasmcp-ts-test
$auth
YAML

docker-registry serve "$dir/config.yml" </dev/null >"$dir/registry.log" 2>&1 &
pid=$!
for _ in $(seq 300); do
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$dir/registry.log" >&2
    die "the registry exited at start (log above)"
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "$pid"
    exit 0
  fi
  sleep 0.1
done
kill "$pid"
die "the registry did not listen on 127.0.0.1:$port within 30 s"
