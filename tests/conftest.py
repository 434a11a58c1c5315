"""Shared fixtures. GUI tests run offscreen unless pytest is given --onscreen."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on the real screen")


def pytest_configure(config):
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Logs and settings of the app under test go to a throwaway folder, never the user's.
    state = Path(tempfile.mkdtemp(prefix="huizhi-state-"))
    os.environ["XDG_STATE_HOME"] = str(state / "state")
    os.environ["XDG_CONFIG_HOME"] = str(state / "config")
    os.environ.pop("HUIZHI_LANG", None)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """A demo project with the default size (500 citizen responses), made once per run."""
    from analysis.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.huizhi"
    generate_demo(path, seed=11)
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path) -> Path:
    """A private copy of the demo project that a test may change."""
    target = tmp_path / "demo.huizhi"
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def project(tmp_path):
    from workspace import create_project

    with create_project(tmp_path / "p.huizhi", title="测试项目") as p:
        yield p


@pytest.fixture(scope="session")
def app(qapp):
    """The QApplication set up as Huizhi sets it up (font, style, translations)."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"])
    from desktop.app import create_application

    return create_application()


@pytest.fixture
def clean_settings(app):
    from PySide6.QtCore import QSettings

    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def window(app, qtbot, clean_settings):
    """The main window at 1400 × 900, shown; closed and its lane drained afterwards."""
    from desktop import ops
    from desktop.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()
    ops.wait_idle()


def run_cli(*args: str) -> int:
    from desktop.cli import main

    return main(list(args))

