# 范文参考库 — the two set-up commands are `make site` and `make test`.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RAW    ?= raw
BENCH_SIZES ?= 100 1000
OUT    ?= docs/reports
export NO_MKDOCS_2_WARNING := 1

.PHONY: site offline serve test bench clean-reports goldens check-seeds check-real browser-deps office-deps screenshots clean help

help:
	@echo "make site      - set up .venv, clean $(RAW)/ into $(OUT)/, build the site into site/"
	@echo "make test      - run all tests (installs Chromium, LibreOffice and poppler for them when root)"
	@echo "make offline   - make site, then pack it into dist/fanwen-offline-YYYYMMDD.zip (opens from a folder)"
	@echo "make serve     - preview the site on http://127.0.0.1:8000/"
	@echo "make goldens   - regenerate the golden files in tests/golden/ (review the diff!)"
	@echo "make screenshots - screenshots of the site for the README"
	@echo "make check-real - grade the cleanup on the real-page corpus (tests/data/real/), both halves"
	@echo "make bench     - benchmarks at BENCH_SIZES reports (default: 100 1000), table in benchmarks/README.md"

# The virtual environment, with every dependency pinned in requirements.txt.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

clean-reports: $(STAMP)
	$(BIN)/python scripts/clean_reports.py --raw $(RAW) --out $(OUT)

site: clean-reports
	$(BIN)/mkdocs build --strict

# The offline copy: unzip anywhere (a shared drive, a USB stick) and double-click index.html.
offline: site
	$(BIN)/python scripts/make_offline.py --site site --out dist

serve: clean-reports
	$(BIN)/mkdocs serve --strict

# Debian packages the tests need, installed with apt-get when run as root:
# $(call debian,CHECK,PACKAGES,WHAT NEEDS THEM)
define debian
	@if $(1); then :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "installing $(2) with apt-get"; \
	  (apt-get install -y --no-install-recommends $(2) >/dev/null 2>&1 \
	   || (apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends $(2) >/dev/null)) \
	  || { echo "apt-get could not install $(2)"; exit 1; }; \
	else echo "$(3) need Debian's $(2): run 'sudo apt-get install $(2)', then 'make test'"; exit 1; fi
endef

# Chromium and a CJK font (readable screenshots) for the browser tests.
browser-deps:
	$(call debian,command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk",chromium fonts-noto-cjk,the browser tests)

# LibreOffice Writer and poppler-utils: the Word files' tests print one to PDF and read it back.
office-deps:
	$(call debian,command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1,libreoffice-writer-nogui poppler-utils,the Word file tests)

test: $(STAMP) browser-deps office-deps
	$(BIN)/python -m pytest

goldens: $(STAMP)
	$(BIN)/python tests/regen_goldens.py

bench: $(STAMP) browser-deps
	$(BIN)/python benchmarks/run.py --sizes $(BENCH_SIZES)

screenshots: site browser-deps office-deps
	$(BIN)/python tests/make_screenshots.py

check-seeds: $(STAMP)
	$(BIN)/python ../shared/tools/check_seeds.py

# The real-page corpus: per-field figures on the tune and the held half.
check-real: $(STAMP)
	$(BIN)/python tests/check_real.py

clean:
	rm -rf site dist $(OUT) .pytest_cache .cache benchmarks/work
