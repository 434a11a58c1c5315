# Huizhi: `make run` opens the app on the demo project; `make test` runs the whole suite.
# Both create .venv when missing and install the project into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := demo/linjiang-demo.huizhi
QM     := resources/i18n/huizhi_en.qm

.PHONY: run test bench installer installer-check i18n demo screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-installer: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[installer]'
	touch $@

$(QM): resources/i18n/huizhi_en.ts | $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

$(DEMO): | $(VENV)/.installed
	mkdir -p $(dir $(DEMO))
	$(BIN)/huizhi demo $(DEMO) --seed 2026

demo: $(DEMO)

# The system check comes first: without Qt's libraries even the translation tool fails.
run: $(VENV)/.installed
	$(BIN)/python -m desktop.syscheck
	$(MAKE) --no-print-directory $(QM) $(DEMO)
	$(BIN)/huizhi $(DEMO)

test: $(VENV)/.installed-test
	$(BIN)/python -m desktop.syscheck offscreen
	$(MAKE) --no-print-directory $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

# Regenerate the page screenshots in docs/ from the demo project.
screenshots: $(VENV)/.installed $(DEMO)
	QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$$(mktemp -d) $(BIN)/huizhi screenshot $(DEMO) docs/screenshots

# Update the English translation source from the code (then translate what is new).
i18n: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none $$(find desktop -name '*.py' | sort) -ts resources/i18n/huizhi_en.ts
	$(BIN)/pyside6-lrelease -silent resources/i18n/huizhi_en.ts -qm $(QM)

installer: $(VENV)/.installed-installer $(QM)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build_installer.spec
	@du -sh dist/huizhi

# Build the installer and run the frozen app headless, as CI does.
installer-check: installer
	QT_QPA_PLATFORM=offscreen dist/huizhi/huizhi --version
	rm -rf build/frozen-check && mkdir -p build/frozen-check
	QT_QPA_PLATFORM=offscreen dist/huizhi/huizhi demo build/frozen-check/demo.huizhi --responses 200 --seed 1
	QT_QPA_PLATFORM=offscreen dist/huizhi/huizhi info build/frozen-check/demo.huizhi --json

clean:
	rm -rf build dist .pytest_cache
