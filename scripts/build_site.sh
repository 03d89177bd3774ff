#!/usr/bin/env bash
# Build the site (with PDFs) into a new folder next to the target, then put it
# in place in one step (bcp/publish.py: a lock, one atomic exchange, leftovers
# of killed builds removed): a failed or killed build leaves the previous good
# site untouched, and the target is never missing or nested.
#   scripts/build_site.sh [TARGET] [MKDOCS OPTIONS]   e.g. `scripts/build_site.sh site -v` (make site V=1)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-site}"
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
export BCP_PDF=1
# The bcp plugin checks the data first (errors stop the build, each warning is said once,
# in Thai, with file and line) and says how the PDFs progress; MkDocs' own steps show with -v.
# No --quiet: it hides the warnings that make a --strict build fail, so it would fail silently.
exec .venv/bin/python -m bcp.publish "$target" -- .venv/bin/mkdocs build --strict -d "{dir}" "${@:2}"
