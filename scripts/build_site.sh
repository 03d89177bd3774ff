#!/usr/bin/env bash
# Build the site (with PDFs) next to site/, then swap it in: a failed build
# leaves the previous good site/ untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-site}"
work="$(mktemp -d "${target%/}.new.XXXXXX")"
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m bcp check
# Reproducible: two builds of one commit give identical files.  Dates (the
# sitemap, the PDF's metadata) come from the last commit, never the clock;
# outside Git, from a fixed date (the day of the first plan, 2023-01-03).
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || true)"
  SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1672704000}"
fi
export SOURCE_DATE_EPOCH
# No --quiet: it hides the warnings that make a --strict build fail, so it would fail silently.
BCP_PDF=1 .venv/bin/mkdocs build --strict -d "$work"
if [ -d "$target" ]; then
  mv "$target" "$work.old"
fi
mv "$work" "$target"
rm -rf "$work.old"
echo "สร้างเว็บไซต์เสร็จ / site built: $target/index.html"
