# แผนการดำเนินงาน — two commands do everything: `make` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
OUTPUTS ?= outputs
# The drafts: INPUTS=… when given; else inputs/ when it holds any file of the user's
# (its README, settings and hidden files do not count); else the shipped samples/, with a line saying so.
ifeq ($(origin INPUTS),undefined)
  ifeq ($(shell find inputs -type f ! -path '*/.*' ! -iname readme.md ! -iname pipeline.toml ! -iname glossary.txt ! -iname corrections.txt 2>/dev/null | head -n 1),)
    INPUTS := samples
    SAMPLES_NOTE := @echo "ยังไม่มีไฟล์ร่างใน inputs/ — ใช้ไฟล์ตัวอย่างใน samples/ · inputs/ is empty: using the sample drafts in samples/"
  else
    INPUTS := inputs
  endif
endif
RUN    := $(PY) -m pipeline

.PHONY: all build check annotate publish draft pdf amend batch forms track-forms progress test lint bench textbench fuzz samples samples-aside golden docs clean
.DEFAULT_GOAL := all

all: build

# The project itself is installed in editable mode, so tests and tools import
# `pipeline` without touching sys.path (the build backend is pinned in pyproject.toml).
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## build: check the drafts in inputs/ (samples/ while inputs/ is empty) and, when there are no errors, write the plan into outputs/
build: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) build "$(INPUTS)" "$(OUTPUTS)"

## check: report only (never writes the official documents)
check: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) check "$(INPUTS)" --json "$(OUTPUTS)/report.json"

## annotate: check, and write a copy of each draft with findings, commented where they are, into OUTPUTS/annotated
annotate: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) check "$(INPUTS)" --json "$(OUTPUTS)/report.json" --annotate "$(OUTPUTS)/annotated"

## publish: build, and write the one PDF/A to post (announcement + plan) into OUTPUTS/publish
publish: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) build "$(INPUTS)" "$(OUTPUTS)" --publish

## draft: render even with errors, marked "ฉบับร่าง"
draft: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) build "$(INPUTS)" "$(OUTPUTS)" --draft

## amend: a revision against the announced plan: make amend PREVIOUS=path/to/plan.docx (or its records.json)
amend: $(VENV)/.installed
	$(SAMPLES_NOTE)
	@test -n "$(PREVIOUS)" || { echo 'ใส่แผนฉบับที่ประกาศแล้ว: make amend PREVIOUS=outputs/previous-plan.docx'; exit 2; }
	$(RUN) build "$(INPUTS)" "$(OUTPUTS)" --previous "$(PREVIOUS)"

## batch: many organisations at once: make batch ROOT=folder-of-organisations [OUT=outputs/batch] [JOBS=N]
batch: $(VENV)/.installed
	@test -n "$(ROOT)" || { echo 'ใส่โฟลเดอร์ที่มีโฟลเดอร์ย่อยของแต่ละหน่วยงาน: make batch ROOT=เส้นทาง'; exit 2; }
	$(RUN) batch "$(ROOT)" "$(or $(OUT),$(OUTPUTS)/batch)" $(if $(JOBS),--jobs $(JOBS))

## forms: blank ผด.02 drafts for every division (from the ordinance and development plan in INPUTS) into OUTPUTS/forms
forms: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) forms "$(INPUTS)" "$(OUTPUTS)"

## track-forms: status forms per division for the follow-up (QUARTER=1..4 or AS_OF="31/03/2564") into OUTPUTS/tracking
track-forms: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) track-forms "$(INPUTS)" "$(OUTPUTS)" $(if $(QUARTER),--quarter $(QUARTER)) $(if $(AS_OF),--as-of "$(AS_OF)")

## progress: read the filled status forms in PROGRESS (PLAN=plan.docx or records.json instead of INPUTS) into progress.json/.docx
progress: $(VENV)/.installed
	$(SAMPLES_NOTE)
	@test -n "$(PROGRESS)" || { echo 'ใส่โฟลเดอร์แบบติดตามที่กรอกแล้ว: make progress PROGRESS=เส้นทาง'; exit 2; }
	$(RUN) progress "$(INPUTS)" "$(PROGRESS)" "$(OUTPUTS)" $(if $(PLAN),--plan "$(PLAN)") $(if $(QUARTER),--quarter $(QUARTER)) $(if $(AS_OF),--as-of "$(AS_OF)")

## pdf: build, then convert the documents to PDF with LibreOffice
pdf: $(VENV)/.installed
	$(SAMPLES_NOTE)
	$(RUN) build "$(INPUTS)" "$(OUTPUTS)" --pdf

test: $(VENV)/.installed-dev
	$(PY) -m ruff check pipeline tests tools
	$(PY) -m pytest

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check pipeline tests tools
	$(PY) -m ruff format --check pipeline tests tools

bench: $(VENV)/.installed
	$(PY) -m tools.bench

## fuzz: many mutated drafts, cache entries, lock files, batch folder names and settings through the command line (exit 0, 1 or 2, inputs unchanged)
fuzz: $(VENV)/.installed
	$(PY) -m tools.fuzz 300

## textbench: false alarms and catch rate of the Thai text checks
textbench: $(VENV)/.installed
	$(PY) -m tools.textbench

## golden: rewrite tests/golden/ from the code and print the diff (the tests only compare)
golden: $(VENV)/.installed-dev
	$(PY) -m tools.golden

## docs: write docs/rules.md from the rule catalogue (a test fails when it is stale)
docs: $(VENV)/.installed
	$(PY) -m tools.docs

## samples: regenerate the sample drafts in samples/ from tools/sample_data.py (review, then commit)
samples: $(VENV)/.installed
	$(PY) -m tools.make_samples samples

## samples-aside: remove copies of the sample drafts from inputs/ (the originals stay in samples/, your own drafts stay)
samples-aside: $(VENV)/.installed
	$(PY) -m tools.make_samples --aside inputs

clean:
	find "$(OUTPUTS)" -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
	rm -rf .pytest_cache .ruff_cache .hypothesis
