# Sourced by start.sh and test.sh: makes sure a Go toolchain at least as new
# as go.mod's `go` line is on PATH, installing what is missing.
#
# Debian 12 ships Go 1.19, too old to fetch a newer toolchain by itself. Any
# Go can download the official toolchain as a module (golang.org/toolchain,
# the same route GOTOOLCHAIN=auto takes) from the configured module proxy;
# we unpack it under ~/.cache/planreview and mark its programs executable.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_go="$(awk '/^go /{print $2; exit}' "$repo_root/go.mod")"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_install PKG...: installs the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "安装软件包：${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The C headers Fyne's OpenGL and GLFW bindings compile against (cgo).
fyne_packages=(gcc libc6-dev libgl1-mesa-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev)

go_ok() { # go_ok GO: is GO at least $want_go?
  local v
  v="$("$1" env GOVERSION 2>/dev/null || true)"
  v="${v#go}"
  [ -n "$v" ] && [ "$(printf '%s\n%s\n' "$want_go" "$v" | sort -V | head -n1)" = "$want_go" ]
}

ensure_go() {
  # An official tarball install is often not on PATH in a fresh shell.
  command -v go >/dev/null || export PATH="$PATH:/usr/local/go/bin"
  local local_go="$HOME/.cache/planreview/go$want_go/bin/go"
  if command -v go >/dev/null && go_ok go; then return 0; fi
  if [ -x "$local_go" ] && go_ok "$local_go"; then
    export PATH="$(dirname "$local_go"):$PATH"
    return 0
  fi
  apt_install ca-certificates git gcc libc6-dev
  command -v go >/dev/null || apt_install golang-go
  local arch tmp dir
  arch="$(go env GOARCH)"
  tmp="$(mktemp -d)"
  echo "下载 Go $want_go 工具链……" >&2
  dir="$(cd "$tmp" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download -json \
    "golang.org/toolchain@v0.0.1-go$want_go.linux-$arch" | awk -F'"' '/"Dir"/{print $4}')"
  rm -rf "$tmp"
  mkdir -p "$HOME/.cache/planreview"
  rm -rf "$HOME/.cache/planreview/go$want_go"
  cp -r "$dir" "$HOME/.cache/planreview/go$want_go"
  chmod -R u+w "$HOME/.cache/planreview/go$want_go"
  chmod +x "$HOME/.cache/planreview/go$want_go"/bin/* "$HOME/.cache/planreview/go$want_go"/pkg/tool/*/*
  export PATH="$(dirname "$local_go"):$PATH"
  go_ok go || { echo "无法安装 Go $want_go" >&2; return 1; }
}
