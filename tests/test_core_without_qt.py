"""The core packages work with PySide6 impossible to import (docs/architecture.md)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT

BLOCK_QT_AND_IMPORT_ALL = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "qtawesome", "superqt"):
                raise ImportError(f"Qt is blocked in the core: {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    imported = []
    for package in ("workspace", "survey", "workshop", "analysis"):
        module = importlib.import_module(package)
        imported.append(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            importlib.import_module(info.name)
            imported.append(info.name)
    assert not any(m.startswith("PySide6") for m in sys.modules)
    print(len(imported))
    """
)


def test_core_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_ALL], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 12


FORBIDDEN = {
    "workspace": {"survey", "workshop", "analysis", "desktop"},
    "survey": {"workshop", "analysis", "desktop"},
    "workshop": {"survey", "analysis", "desktop"},
    "analysis": {"desktop"},
}


def test_arrows_point_one_way():
    """desktop -> analysis -> (survey, workshop) -> workspace, and never back."""
    import re

    offenders = []
    for package, forbidden in FORBIDDEN.items():
        for path in (ROOT / package).rglob("*.py"):
            for line in path.read_text("utf-8").splitlines():
                match = re.match(r"\s*(?:from|import)\s+(\w+)", line)
                if match and match.group(1) in forbidden:
                    offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []
