"""Before Qt loads: are the system libraries and a display there? Say what to install if not.

Without this, a missing Debian package shows up as a Qt stack trace or an abort from
the platform plugin, which tells a user nothing.
"""

from __future__ import annotations

import ctypes
import os
import sys

INSTALL_SCRIPT = "scripts/install-system-deps.sh"

# shared library -> Debian package, for Qt itself (any platform plugin)
QT_CORE_LIBRARIES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
# ... and for a real window on X11 (the xcb plugin)
QT_XCB_LIBRARIES = {
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
}


def missing_packages(platform: str | None = None) -> list[str]:
    """Debian packages whose libraries Qt needs and cannot load (Linux only)."""
    if not sys.platform.startswith("linux"):
        return []
    platform = platform if platform is not None else os.environ.get("QT_QPA_PLATFORM", "")
    wanted = dict(QT_CORE_LIBRARIES)
    if platform in ("", "xcb") and not os.environ.get("WAYLAND_DISPLAY"):
        wanted.update(QT_XCB_LIBRARIES)
    return sorted({package for library, package in wanted.items() if not _loadable(library)})


def display_problem() -> str | None:
    """A message when no screen is available for a window, else None."""
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "没有可用的显示器（DISPLAY 未设置），无法打开窗口。\n"
        "在无桌面的机器上可以运行：xvfb-run huizhi，或设置 QT_QPA_PLATFORM=offscreen。\n"
        "No display is available (DISPLAY is not set). On a headless machine run "
        "'xvfb-run huizhi' or set QT_QPA_PLATFORM=offscreen."
    )


def missing_message(packages: list[str]) -> str:
    names = " ".join(packages)
    return (
        "汇智需要以下系统软件包才能启动 Qt 界面：\n"
        f"    {names}\n"
        f"请运行：sudo bash {INSTALL_SCRIPT}\n"
        f"或者：  sudo apt-get install -y {names}\n"
        f"Huizhi's Qt interface needs these system packages: {names}\n"
        f"Install them with: sudo bash {INSTALL_SCRIPT}"
    )


def _loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


if __name__ == "__main__":  # `python -m desktop.syscheck [PLATFORM]`, used by `make test`
    missing = missing_packages(sys.argv[1] if len(sys.argv) > 1 else None)
    if missing:
        print(missing_message(missing), file=sys.stderr)
        sys.exit(3)
