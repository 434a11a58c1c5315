"""Missing system libraries are named, with the command that installs them."""

from __future__ import annotations

from desktop import app as app_module
from desktop import syscheck


def test_this_machine_has_what_qt_needs():
    assert syscheck.missing_packages("offscreen") == []


def test_missing_libraries_are_named_with_the_fix(monkeypatch):
    monkeypatch.setattr(syscheck, "_loadable", lambda lib: lib not in ("libEGL.so.1", "libxcb-cursor.so.0"))
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert syscheck.missing_packages("xcb") == ["libegl1", "libxcb-cursor0"]
    assert syscheck.missing_packages("offscreen") == ["libegl1"]
    message = syscheck.missing_message(["libegl1"])
    assert "sudo bash scripts/install-system-deps.sh" in message
    assert "apt-get install -y libegl1" in message


def test_app_refuses_to_start_without_them(monkeypatch, capsys):
    monkeypatch.setattr(syscheck, "missing_packages", lambda platform=None: ["libegl1"])
    assert app_module.run_app() == app_module.EXIT_NO_QT
    assert "libegl1" in capsys.readouterr().err


def test_no_display_is_explained(monkeypatch, capsys):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert "xvfb-run" in syscheck.display_problem()


def test_install_script_lists_every_checked_package():
    from conftest import ROOT

    script = (ROOT / syscheck.INSTALL_SCRIPT).read_text()
    for package in {**syscheck.QT_CORE_LIBRARIES, **syscheck.QT_XCB_LIBRARIES}.values():
        assert package in script, package
