"""`huizhi screenshot`: every main page of the app on a project, rendered offscreen to PNG."""

from __future__ import annotations

import os
from pathlib import Path

from workspace.project import open_project


def take_screenshots(project: Path, outdir: Path, *, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """Open ``project`` in the main window and save ``outdir/<page>.png`` for each page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    open_project(project).close()  # fail early, with the project's own message
    from . import ops
    from .app import create_application
    from .main_window import MainWindow

    app = create_application()
    outdir.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    window.resize(*size)
    window.show()
    window.open_project(project)
    if not ops.wait_idle() or window.view is None:
        raise RuntimeError(f"the project did not open in the window: {project}")
    written = []
    for key, page in window.pages.items():
        window.show_page(key)
        ops.wait_idle()
        app.processEvents()
        written.append(_save(window, outdir / f"{key}.png"))
        for name, set_up in page.extra_screenshots():
            set_up()
            ops.wait_idle()
            app.processEvents()
            written.append(_save(window, outdir / f"{name}.png"))
    window.close()
    return written


def _save(window, path: Path) -> Path:
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path
