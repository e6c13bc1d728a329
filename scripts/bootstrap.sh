#!/usr/bin/env bash
# Set up a fresh Debian machine for Wiqaya: system packages (when missing and
# running as root), a virtual environment, and the locked Python dependencies.
# Usage: scripts/bootstrap.sh [demo|test]   (test also installs the test-only tools)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-demo}"
VENV="${VENV:-.venv}"
PYTHON="${PYTHON:-python3}"

# Fonts shape Arabic in PDFs and charts; PostgreSQL, Chromium and poppler serve the tests.
system_packages=(fonts-hosny-amiri fonts-noto-core fonts-kacst libpango-1.0-0 libpangoft2-1.0-0)
if [ "$purpose" = test ]; then
  system_packages+=(postgresql chromium poppler-utils)
fi

missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing Debian packages: ${missing[*]}" >&2
    echo "run as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' || {
  echo "Wiqaya needs Python 3.11; found $("$PYTHON" --version). Set PYTHON=python3.11." >&2
  exit 1
}

stamp="$VENV/.installed-$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements.lock
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  rm -f "$VENV"/.installed-*
  touch "$stamp"
fi
