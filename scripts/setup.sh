#!/usr/bin/env bash
# Install what the project needs on a Debian/Ubuntu machine: the Debian
# packages (when run as root; otherwise name them), then a .venv with the
# pinned Python packages.  Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# pango/harfbuzz: WeasyPrint's text layout (Thai line breaking via libthai);
# poppler-utils: pdftotext/pdffonts/pdftoppm for checking PDFs;
# chromium: the browser tests (Playwright drives Debian's build, never downloads one).
DEB_PACKAGES="python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libthai0 poppler-utils chromium fonts-dejavu-core"

missing=""
for pkg in $DEB_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "ติดตั้งแพ็กเกจ Debian ที่ขาด / installing Debian packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "ขาดแพ็กเกจ Debian / missing Debian packages:$missing" >&2
    echo "ให้ผู้ดูแลระบบติดตั้ง / ask an administrator to run: sudo apt-get install$missing" >&2
    exit 1
  fi
fi

PYTHON="${PYTHON:-python3}"
stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# uv installs the same pinned wheels in seconds where pip takes half a minute (a clean clone's
# `make test` pays it); pip does it where uv cannot be had or cannot reach the packages (a
# mirror set in pip.conf, which uv does not read).
UV_VERSION=0.13.9
if [ ! -f "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  if .venv/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION" >/dev/null 2>&1 \
     && .venv/bin/python -m uv pip install -q --python .venv/bin/python --compile-bytecode -r requirements.txt \
     && .venv/bin/python -m uv pip install -q --python .venv/bin/python --compile-bytecode --no-deps -e .; then
    :
  else
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  fi
  touch "$stamp"
fi
