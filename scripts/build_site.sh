#!/usr/bin/env bash
# Build the site (with PDFs) next to site/, then swap it in: a failed build
# leaves the previous good site/ untouched.
#   scripts/build_site.sh [TARGET] [MKDOCS OPTIONS]   e.g. `scripts/build_site.sh site -v` (make site V=1)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-site}"
work="$(mktemp -d "${target%/}.new.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Material's notice about MkDocs 2 is for developers, not for the person building the plan.
export NO_MKDOCS_2_WARNING=1
# Reproducible: two builds of one commit give identical files.  Dates (the
# sitemap, the PDF's metadata) come from the last commit, never the clock;
# outside Git, from a fixed date (the day of the first plan, 2023-01-03).
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || true)"
  SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1672704000}"
fi
export SOURCE_DATE_EPOCH
# The bcp plugin checks the data first (errors stop the build, each warning is said once,
# in Thai, with file and line) and says how the PDFs progress; MkDocs' own steps show with -v.
# No --quiet: it hides the warnings that make a --strict build fail, so it would fail silently.
BCP_PDF=1 .venv/bin/mkdocs build --strict -d "$work" "${@:2}"
if [ -d "$target" ]; then
  mv "$target" "$work.old"
fi
mv "$work" "$target"
rm -rf "$work.old"
echo "สร้างเว็บไซต์เสร็จ: เปิด $target/index.html"
