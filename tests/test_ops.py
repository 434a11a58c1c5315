"""Background operations: results on the UI thread, a progress dialog only for slow work, Cancel."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from analysis.demo import generate_demo
from desktop import ops


def test_result_arrives_on_the_ui_thread(app, qtbot):
    seen = {}
    main = QThread.currentThread()

    def work(progress):
        seen["worker"] = threading.current_thread().name
        return 42

    def done(value):
        seen["value"] = value
        seen["on_ui_thread"] = QThread.currentThread() is main

    ops.Op(None, work).success(done).run()
    qtbot.waitUntil(lambda: "value" in seen, timeout=5_000)
    assert seen == {"worker": seen["worker"], "value": 42, "on_ui_thread": True}
    assert seen["worker"] != threading.current_thread().name


def test_failure_callback_gets_the_exception(app, qtbot):
    errors = []

    def work(progress):
        raise ValueError("bad input")

    ops.Op(None, work).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], ValueError)


def test_quick_work_shows_no_dialog(app, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    op = ops.Op(parent, lambda progress: "fast", label="快速任务").run()
    assert ops.wait_idle(5_000)
    assert op._dialog is None


def test_cancel_stops_demo_generation_and_leaves_nothing(app, qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    target = tmp_path / "big.huizhi"
    outcome = []
    op = ops.Op(parent, lambda progress: generate_demo(target, responses=400_000, progress=progress), label="生成中")
    op.success(outcome.append).failure(outcome.append).run()
    qtbot.waitUntil(lambda: op._dialog is not None and op._dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: op._latest[0] > 0.02, timeout=20_000)
    from PySide6.QtWidgets import QPushButton

    (button,) = op._dialog.findChildren(QPushButton)
    assert button.text() == "取消"
    button.click()
    started = time.monotonic()
    assert ops.wait_idle(30_000)
    assert time.monotonic() - started < 10
    assert outcome == []  # neither success nor failure: a cancel is not an error
    assert list(tmp_path.iterdir()) == []
