"""The Qt binding must keep Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 lost one reference to None per call of a void method
(processEvents, update, ...), so a running app aborted with "deallocating None".
pyproject.toml excludes it; this test fails on any binding that does the same.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_do_not_leak_references_to_none(app):
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(500):
        app.processEvents()
        widget.update()
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references in 1000 void calls"
