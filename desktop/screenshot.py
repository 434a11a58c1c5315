"""`huizhi screenshot`: every main page of the app on a project, and the respondent's kiosk,
rendered offscreen to PNG."""

from __future__ import annotations

import os
import tempfile
from contextlib import closing
from pathlib import Path

from survey.store import list_surveys

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
            target = set_up() or window
            ops.wait_idle()
            app.processEvents()
            written.append(_save(target, outdir / f"{name}.png"))
        page.shutdown()
    window.close()
    written += take_kiosk_screenshots(project, outdir, size=size)
    return written


def take_kiosk_screenshots(project: Path, outdir: Path, *, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """The kiosk on the project's first survey: ``kiosk-consent``, ``kiosk-validation`` (the
    next page left unanswered), ``kiosk-question`` (the page after, one choice made) and
    ``kiosk-end``. It answers on a temporary copy, so the project itself gains no response;
    a project without surveys gives no kiosk screenshots."""
    from .app import create_application
    from .kiosk import AnswerWindow

    app = create_application()
    with tempfile.TemporaryDirectory(prefix="huizhi-shots-") as scratch:
        copy = Path(scratch) / project.name
        with closing(open_project(project)) as source:
            surveys = list_surveys(source)
            source.backup(dest=copy)
        if not surveys:
            return []
        window = AnswerWindow(copy, surveys[0].id, collector="screenshot", kiosk=True)
        form = window.form
        window.resize(*size)
        window.show()

        def shoot(name: str) -> Path:
            app.processEvents()
            return _save(window, outdir / f"{name}.png")

        try:
            written = [shoot("kiosk-consent")]
            _pick_first_choices(form)
            form.next()
            form.next()  # nothing answered on this page: the form says what is missing
            written.append(shoot("kiosk-validation"))
            _pick_first_choices(form)
            form.next()
            _pick_first_choices(form, limit=1)
            written.append(shoot("kiosk-question"))
            window.show_end()
            written.append(shoot("kiosk-end"))
        finally:
            window.hide()
            form.close_project()
            window.deleteLater()
            app.processEvents()
    return written


def _pick_first_choices(form, *, limit: int | None = None) -> None:
    """Answer the page's visible choice questions with their first choice, as a respondent pressing 1 would."""
    boxes = [box for box in form.boxes.values() if box.isVisibleTo(form) and box.choice_buttons()]
    for box in boxes[:limit]:
        box.pick(1)


def _save(window, path: Path) -> Path:
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path
