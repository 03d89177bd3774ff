# make site   build the site and all PDFs into site/ (installs what is missing; V=1: MkDocs' own steps too)
# make site-public  the public edition (no personal data) into site-public/
# make offices  every office in offices/ (its own data folder each) into site/<office>/, side by side, and
#               site/index.html listing them (OFFICES=, OFFICES_SITE=: other folders)
# make test   the whole test suite
# make serve  live preview while editing (no PDFs, fast; BCP_PDF=0)
# make check  validate the data only
# make bench  speed and scale figures (not part of the tests; a few minutes)
.PHONY: site site-public offices test serve check setup clean bench

export NO_MKDOCS_2_WARNING := 1

setup:
	@scripts/setup.sh

site: setup
	@scripts/build_site.sh site $(if $(V),-v)

site-public: setup
	@BCP_EDITION=public scripts/build_site.sh site-public $(if $(V),-v)

OFFICES ?= offices
OFFICES_SITE ?= site
offices: setup
	@.venv/bin/python -m bcp.offices build --offices $(OFFICES) --site $(OFFICES_SITE)

# Two processes (one a core, pytest-xdist), each test file whole in one; the sites they share are built once.
test: setup
	.venv/bin/python -m pytest -n auto --dist loadfile

serve: setup
	BCP_PDF=0 .venv/bin/mkdocs serve

check: setup
	@.venv/bin/python -m bcp check

bench: setup
	.venv/bin/python bench/run.py

clean:
	rm -rf site site.new.* .site.lock site-public site-public.new.* .site-public.lock .pytest_cache
