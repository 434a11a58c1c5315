"""Translations: Chinese is the source language; the English file covers every string."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

from conftest import ROOT

TS = ROOT / "resources" / "i18n" / "huizhi_en.ts"


def messages(path):
    tree = ET.parse(path)
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_every_english_string_is_translated():
    unfinished = [
        key
        for key, translation in messages(TS).items()
        if translation.get("type") in ("unfinished", "obsolete", "vanished")
        or (not (translation.text or "").strip() and key[1].strip() not in ("份", "张", "名"))  # measure-word suffixes
    ]
    assert unfinished == []


def test_the_ts_file_knows_every_string_in_the_code(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(ROOT / ".venv" / "bin" / "pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([lupdate, "-silent", "-locations", "none", *sources, "-ts", str(fresh)], check=True, timeout=120)
    assert set(messages(fresh)) <= set(messages(TS)), "run `make i18n` and translate the new strings"


def test_english_interface(app, qtbot, monkeypatch, clean_settings):
    from desktop.app import _install_translations
    from desktop.main_window import MainWindow

    monkeypatch.setenv("HUIZHI_LANG", "en")
    _install_translations(app)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert titles == ["Overview", "Surveys", "Fieldwork", "Workshops", "Analysis", "Priorities", "Requirements", "Reports"]
        # strings of module-level helpers, looked up in the context lupdate files them under
        from desktop.designer.vocabulary import type_names
        from desktop.workshops.common import kind_names, quadrant_names

        assert type_names()["select_one"] == "Single choice"
        assert kind_names() == {"pain": "Pain", "need": "Need", "idea": "Idea", "risk": "Risk"}
        assert quadrant_names()["S"] == "Strengths"
        workshops = window.pages["workshops"]
        assert workshops.tabs.tabText(0) == "Cards & clusters" and workshops.undo_button.text() == "Undo"
    finally:
        from PySide6.QtCore import QLocale

        for translator in app._huizhi_translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("zh_CN"))
