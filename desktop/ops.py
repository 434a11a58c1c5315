"""Running work off the UI thread, with results, progress and Cancel back on it.

    Op(window, work, label="正在导出…").success(show_files).run()

``work(progress)`` runs in a worker thread and never touches widgets; ``success`` and
``failure`` callbacks run on the UI thread. A progress dialog with Cancel appears only
if the work takes longer than :data:`DIALOG_DELAY_MS`, and polls the latest progress
every 100 ms rather than being flooded by it. Cancel makes the next ``progress`` call
raise :class:`~workspace.progress.Cancelled` inside the work.

All project-file work goes through a :class:`ProjectLane`: one thread that owns the
project's connection, so work on one project runs in order and never shares it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QElapsedTimer,
    QEventLoop,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workspace.errors import HuizhiError
from workspace.progress import Cancelled, Progress
from workspace.project import Project, open_project

from .logs import log
from .settings import ui_language

DIALOG_DELAY_MS = 600
POLL_MS = 100

_background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="huizhi-op")
_running: set[Op] = set()


class _Relay(QObject):
    """Carries a worker thread's outcome, one ``(result, error)`` tuple, to the UI thread."""

    done = Signal(object)  # (result, error)


class Op:
    """One piece of background work with its callbacks."""

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], Any],
        *,
        label: str = "",
        executor: Executor | None = None,
        cancellable: bool = True,
    ) -> None:
        self.parent = parent
        self.work = work
        self.label = label
        self.executor = executor or _background
        self.cancellable = cancellable
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._cancel = threading.Event()
        self._latest: tuple[float, str] = (0.0, "")
        self._relay = _Relay()
        self._relay.done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._dialog: QProgressDialog | None = None
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._clock = QElapsedTimer()

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def run(self) -> Op:
        _running.add(self)
        self._clock.start()
        if self.label:
            self._timer.start()
        self.executor.submit(self._work)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    # -- worker thread ----------------------------------------------------------------

    def _progress(self, fraction: float, message: str) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._latest = (fraction, message)

    def _work(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            if not isinstance(exc, (HuizhiError, Cancelled)):
                log.error("background work failed:\n%s", "".join(traceback.format_exception(exc)))
            self._relay.done.emit((None, exc))
        else:
            self._relay.done.emit((result, None))

    # -- UI thread ------------------------------------------------------------------------

    def _poll(self) -> None:
        if self._dialog is None and self._clock.elapsed() >= DIALOG_DELAY_MS:
            self._dialog = self._make_dialog()
        # A modal dialog's setValue runs the event loop, where the work may finish and the
        # dialog go away: look again before each further call.
        if self._dialog is not None and self._dialog.wasCanceled():  # Cancel button, Esc or the window closed
            self.cancel()
        fraction, message = self._latest
        if self._dialog is not None:
            self._dialog.setValue(int(fraction * 1000))
        if self._dialog is not None and message:
            self._dialog.setLabelText(f"{self.label}\n{message}")

    def _make_dialog(self) -> QProgressDialog:
        cancel = QCoreApplication.translate("ops", "取消") if self.cancellable else ""
        dialog = QProgressDialog(self.label, cancel, 0, 1000, self.parent)
        dialog.setWindowTitle(QCoreApplication.translate("ops", "汇智"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        return dialog

    def _finish(self, outcome: tuple[Any, BaseException | None]) -> None:
        result, error = outcome
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        _running.discard(self)
        if error is None:
            if self._on_success is not None:
                self._on_success(result)
        elif isinstance(error, Cancelled):
            log.info("cancelled: %s", self.label)
        elif self._on_failure is not None:
            self._on_failure(error)
        else:
            show_error(self.parent, error)


class ProjectLane:
    """The one thread that owns an open project's connection; its work runs in order."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="huizhi-project")
        self._project: Project | None = None

    def op(self, parent: QWidget | None, work: Callable[[Project, Progress], Any], *, label: str = "") -> Op:
        """An :class:`Op` whose work receives the open project (opened on first use)."""
        return Op(parent, lambda progress: work(self._open(), progress), label=label, executor=self._executor)

    def _open(self) -> Project:
        if self._project is None:
            self._project = open_project(self.path)
        return self._project

    def close(self) -> None:
        """Finish queued work, close the connection (checkpointing the WAL), stop the thread."""

        def close_project() -> None:
            if self._project is not None:
                self._project.close()
                self._project = None

        self._executor.submit(close_project)
        self._executor.shutdown(wait=True)


def running() -> int:
    return len(_running)


def wait_idle(timeout_ms: int = 60_000) -> bool:
    """Process events until no op is running (for tests and screenshots); False on timeout."""
    deadline = QDeadlineTimer(timeout_ms)
    while _running and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QCoreApplication.processEvents()
    return not _running


def error_text(error: BaseException) -> str:
    if isinstance(error, HuizhiError):
        return error.text(ui_language())
    return f"{type(error).__name__}: {error}"


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """Tell the user what went wrong, in words they can act on."""
    title = title or QCoreApplication.translate("ops", "出错了")
    box = QMessageBox(QMessageBox.Icon.Critical, title, error_text(error), QMessageBox.StandardButton.Ok, parent)
    if not isinstance(error, HuizhiError):
        box.setInformativeText(QCoreApplication.translate("ops", "详细信息已写入日志文件。"))
        box.setDetailedText("".join(traceback.format_exception(error)))
    show_message(box)


_open_boxes: set[QMessageBox] = set()


def show_message(box: QMessageBox) -> None:
    """Show a message box without blocking (window-modal), keeping it alive until closed."""
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
