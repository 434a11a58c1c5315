"""`huizhi screenshot` renders every page of the app to PNG."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from conftest import run_cli
from PySide6.QtGui import QImage

from desktop.main_window import PAGE_CLASSES


def test_screenshots_of_every_page(app, clean_settings, demo_copy, tmp_path, capsys):
    out = tmp_path / "shots"
    before = _responses(demo_copy)
    assert run_cli("screenshot", str(demo_copy), str(out), "--size", "1200x760") == 0
    kiosk = ["kiosk-consent", "kiosk-validation", "kiosk-question", "kiosk-end"]
    workshops = ["workshops-swot", "workshops-scoring", "workshops-matrix", "workshops-records", "workshops-setup",
                 "workshops-projector-agenda", "workshops-projector-board", "workshops-projector-results"]
    analysis = ["analysis-keywords", "analysis-cloud", "analysis-classification", "analysis-quotes",
                "analysis-cooccurrence", "analysis-dictionary"]
    priorities = ["priorities-matrix", "priorities-groups", "priorities-robustness", "priorities-catalogue"]
    keys = ([cls.key for cls in PAGE_CLASSES] + ["surveys-logic", "surveys-preview"] + workshops + analysis + priorities
            + kiosk)
    assert sorted(p.stem for p in out.glob("*.png")) == sorted(keys)
    images = {k: QImage(str(out / f"{k}.png")) for k in keys}
    for key, image in images.items():
        assert (image.width(), image.height()) == (1200, 760), key
    # Pages differ from each other: each one really rendered its own content.
    assert len({bytes(image.constBits()) for image in images.values()}) == len(keys)
    # The kiosk answered on a scratch copy: the project gained no response.
    assert _responses(demo_copy) == before


def _responses(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0]


def test_screenshot_of_a_bad_project_fails_cleanly(app, tmp_path, capsys):
    bad = tmp_path / "bad.huizhi"
    bad.write_text("x")
    assert run_cli("screenshot", str(bad), str(tmp_path / "out")) == 2
    assert "不是汇智项目" in capsys.readouterr().err
