"""Answering a survey: the respondent kiosk (full screen) and interviewer mode (a window).

One page at a time (the consent page first, then one group per page), large type in
the kiosk, live skip logic and inline checks. Each answer goes to the project file
through :class:`survey.capture.Capture` in its own transaction *before* the form moves
on; a text answer is written when the respondent leaves the field or the page. The
kiosk's connection is its own: an answer write is a few milliseconds (``make bench``),
well inside a frame, so it runs on the UI thread and the form never shows an answer as
saved that is not on disk.

Keyboard: Tab and arrows move, number keys pick the focused question's choices, Enter
goes to the next page, Esc (kiosk) asks for the staff PIN.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from survey.capture import Capture, CaptureError
from survey.model import Text
from survey.runtime import FormState, pages
from workspace.project import Project, open_project

from .designer.preview import QuestionBox
from .widgets import icon, label

TEXT_DELAY_MS = 400

# What the respondent reads follows the survey's language (not the staff's interface).
WORDS = {
    "zh": {"exit": "退出", "close": "关闭", "back": "上一页", "next": "下一页", "submit": "提交", "page": "第 {n} / {total} 页",
           "keys": "数字键选择选项 · Tab 换题 · Enter 下一页",
           "grid": "请为每个场景打分。", "not_yet": "还不能提交", "thanks": "感谢您的参与！",
           "saved": "您的回答已保存。\n请把电脑交还工作人员，或点击下方按钮，请下一位受访者开始。", "next_one": "下一位受访者"},
    "en": {"exit": "Exit", "close": "Close", "back": "Back", "next": "Next", "submit": "Submit", "page": "Page {n} of {total}",
           "keys": "Number keys pick a choice · Tab moves on · Enter for the next page",
           "grid": "Please score every scenario.", "not_yet": "Not ready to submit", "thanks": "Thank you for taking part!",
           "saved": "Your answers are saved.\nPlease hand the computer back, or let the next respondent start below.",
           "next_one": "Next respondent"},
}


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang.startswith("en") else "zh"]


class AnswerForm(QWidget):
    """The form itself, shared by kiosk and interviewer modes."""

    finished = Signal(str)  # response UUID, after submit

    def __init__(self, project_path: Path, survey_id: int, *, collector: str = "", kiosk: bool = False,
                 lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk = kiosk
        self.lang = lang
        self.words = words(lang)
        self.project: Project = open_project(project_path)
        self.capture = Capture(self.project, survey_id, collector=collector)
        self.definition = self.capture.definition
        self.scenario_names = {
            code: Text.of(zh, en) for code, zh, en in self.project.db.conn.execute("SELECT code, name_zh, name_en FROM scenarios")
        }
        self.pages = pages(self.definition)
        self.page = 0
        self.uuid: str | None = None
        self.state = FormState(self.definition, lang=lang)
        self.boxes: dict[str, QuestionBox] = {}
        self._pending: dict[str, str] = {}
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.flush)
        self.setProperty("role", "kiosk" if kiosk else "interview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48 if kiosk else 16, 24 if kiosk else 12, 48 if kiosk else 16, 24 if kiosk else 12)
        top = QHBoxLayout()
        self.title = label(self.definition.title.get(lang), "kiosk-title" if kiosk else "page-title", wrap=True)
        top.addWidget(self.title, 1)
        self.exit_button = QPushButton(self.words["exit"] if kiosk else self.words["close"])
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top.addWidget(self.exit_button)
        layout.addLayout(top)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress_text = label("", "kiosk-progress" if kiosk else "muted")
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_text)
        layout.addLayout(progress_row)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll, 1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.words["back"])
        self.next_button = QPushButton(self.words["next"])
        self.next_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        if kiosk:  # the respondent works by keyboard alone; say how, once, quietly
            buttons.addWidget(label(self.words["keys"], "kiosk-hint"))
            buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)

    # -- respondents -----------------------------------------------------------------------------

    def start(self, resume: str | None = None) -> str:
        """A new respondent (clean form), or resume a draft."""
        self.flush()
        if resume:
            self.uuid = resume
            answers = self.capture.answers(resume)
        else:
            self.uuid = self.capture.new()
            answers = {}
        self.state = FormState(self.definition, answers, lang=self.lang)
        self.page = 0
        if resume:
            self.page = self._first_unanswered_page()
        self.show_page()
        return self.uuid

    def _first_unanswered_page(self) -> int:
        """Where a resumed interview picks up: the last page with answers if something
        required is still missing there, else the next page that applies."""
        answered = [i for i, names in enumerate(self.pages)
                    if any(self.state.answers.get(a) for n in names for a in self.definition.question(n).answer_names())]
        if not answered:
            return 0
        last = answered[-1]
        if any(p.kind == "required" for n in self.pages[last] for p in self.state.problems(n)):
            return last
        later = [i for i in self._visible_pages() if i > last]
        return later[0] if later else last

    # -- pages ----------------------------------------------------------------------------------------

    def _visible_pages(self) -> list[int]:
        return [i for i, names in enumerate(self.pages) if any(self.state.is_relevant(n) for n in names)]

    def show_page(self) -> None:
        body = QWidget()
        body.setProperty("role", "preview")
        column = QVBoxLayout(body)
        column.setSpacing(16 if self.kiosk else 10)
        self.boxes.clear()
        names = self.pages[self.page]
        first_group = next((located.ancestors[0] for located in self.definition.walk()
                            if located.question.name == names[0] and located.ancestors), None)
        if first_group is not None and first_group.label:
            heading = label(first_group.label.get(self.lang), "kiosk-heading" if self.kiosk else "card-title", wrap=True)
            column.addWidget(heading)
        for name in names:
            question = self.definition.question(name)
            if question.type in ("calculate",) or question.type.startswith(("start", "end", "today", "deviceid")):
                continue
            box = QuestionBox(self, question)
            box.answered.connect(self.answer)
            box.set_value(self.state.answers)
            self.boxes[name] = box
            column.addWidget(box)
        column.addStretch(1)
        self.scroll.setWidget(body)
        self._refresh()
        visible = self._visible_pages()
        self.progress.setMaximum(len(self.pages))
        self.progress.setValue(self.page + 1)
        self.progress_text.setText(self.words["page"].format(n=self.page + 1, total=len(self.pages)))
        self.back_button.setEnabled(bool(visible) and self.page != visible[0])
        self.next_button.setText(self.words["submit"] if self._is_last() else self.words["next"])
        first = next((box for box in self.boxes.values() if box.isVisibleTo(self) and box.input is not None), None)
        if first is not None:
            (first.choice_buttons() or [first.input])[0].setFocus()

    def _is_last(self) -> bool:
        visible = self._visible_pages()
        return not visible or self.page == visible[-1]

    def _refresh(self) -> None:
        for name, box in self.boxes.items():
            box.setVisible(self.state.is_relevant(name))

    # -- answers ----------------------------------------------------------------------------------------

    def answer(self, name: str, value: str) -> None:
        """Choices are written at once; typed text shortly after typing stops (and on leaving)."""
        question = self.definition.question(name) if name in self.state.questions else None
        if question is not None and question.type in ("text", "integer", "decimal") and isinstance(
                self.boxes.get(name).input if name in self.boxes else None, (QLineEdit, QPlainTextEdit)):
            self._pending[name] = value
            self._text_timer.start()
            return
        self._write(name, value)

    def flush(self) -> None:
        """Write typed answers now (before moving on, closing, or a new respondent)."""
        self._text_timer.stop()
        pending, self._pending = self._pending, {}
        for name, value in pending.items():
            self._write(name, value)

    def _write(self, name: str, value: str) -> bool:
        if self.uuid is None:
            return False
        box = self.boxes.get(name) or self.boxes.get(self._question_of(name))
        try:
            self.capture.answer(self.uuid, name, value)
        except CaptureError as err:
            if box is not None:
                box.show_problem(err.text(self.lang).split("：", 1)[-1])
            return False
        if name in self.state.questions:
            self.state.set(name, value)
        else:
            self.state.answers[name] = value  # a scenario-grid cell
        if box is not None:
            box.show_problem("")
        self._refresh()
        return True

    def _question_of(self, answer_name: str) -> str:
        return next((q.name for q in self.definition.questions if answer_name in q.answer_names()), answer_name)

    # -- moving ---------------------------------------------------------------------------------------------

    def page_problems(self) -> int:
        count = 0
        for name, box in self.boxes.items():
            if not self.state.is_relevant(name):
                continue
            problems = self.state.problems(name)
            if self.definition.question(name).type == "scenario_grid" and self.definition.question(name).is_required:
                missing = [n for n in self.definition.question(name).answer_names() if not self.state.answers.get(n)]
                if missing:
                    box.show_problem(self.words["grid"])
                    count += 1
                    continue
            box.show_problem(problems[0].message if problems else box.problem.text() if box.problem.isVisible() else "")
            count += bool(problems) or box.problem.isVisible()
        return count

    def next(self) -> None:
        self.flush()
        if self.page_problems():
            first = next((b for b in self.boxes.values() if b.problem.isVisible()), None)
            if first is not None:
                self.scroll.ensureWidgetVisible(first)
            return
        if self._is_last():
            self.submit()
            return
        visible = self._visible_pages()
        later = [i for i in visible if i > self.page]
        self.page = later[0] if later else self.page
        self.show_page()

    def back(self) -> None:
        self.flush()
        earlier = [i for i in self._visible_pages() if i < self.page]
        if earlier:
            self.page = earlier[-1]
            self.show_page()

    def submit(self) -> None:
        try:
            self.capture.submit(self.uuid)
        except CaptureError as err:
            QMessageBox.warning(self, self.words["not_yet"], err.text(self.lang))
            return
        self.finished.emit(self.uuid)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QPlainTextEdit):
            self.next()
            return
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not isinstance(self.focusWidget(), (QLineEdit, QPlainTextEdit)):
            box = self._focused_box()
            if box is not None and box.pick(key - Qt.Key.Key_0):
                return
        super().keyPressEvent(event)

    def _focused_box(self) -> QuestionBox | None:
        widget = self.focusWidget()
        while widget is not None:
            if isinstance(widget, QuestionBox):
                return widget
            widget = widget.parentWidget()
        visible = [b for b in self.boxes.values() if b.isVisibleTo(self) and b.choice_buttons()]
        return visible[0] if visible else None

    def close_project(self) -> None:
        self.flush()
        self.project.close()


class AnswerWindow(QWidget):
    """Kiosk (full screen, PIN to leave) or interviewer mode (a normal window)."""

    def __init__(self, project_path: Path, survey_id: int, *, collector: str = "", kiosk: bool = False,
                 resume: str | None = None) -> None:
        super().__init__()
        self.kiosk = kiosk
        self.setWindowTitle(self.tr("汇智 · 自助填答") if kiosk else self.tr("汇智 · 访员代填"))
        self.form = AnswerForm(project_path, survey_id, collector=collector, kiosk=kiosk)
        self.end = self._end_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addWidget(self.end)
        self.end.hide()
        self.form.finished.connect(self.show_end)
        self.form.exit_button.clicked.connect(self.request_exit)
        self.setProperty("role", "kiosk" if kiosk else "interview")
        self.resize(1024, 760)
        self.form.start(resume)
        self._allow_close = not kiosk

    def _end_page(self) -> QWidget:
        page = QWidget()
        page.setProperty("role", "kiosk-end")
        column = QVBoxLayout(page)
        column.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.setSpacing(20)
        said = self.form.words
        thanks = label(said["thanks"], "kiosk-title")
        thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        detail = label(said["saved"], "kiosk-text", wrap=True)
        detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        detail.setFixedWidth(960)
        self.next_respondent = QPushButton(said["next_one"])
        self.next_respondent.setProperty("role", "primary")
        self.next_respondent.clicked.connect(self.new_respondent)
        mark = QLabel()
        mark.setPixmap(icon("mdi6.check-circle-outline", "#1BA39C").pixmap(QSize(96, 96)))
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(mark)
        column.addWidget(thanks)
        column.addWidget(detail, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.next_respondent, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def show_end(self, uuid: str = "") -> None:
        """The thank-you page shown after a submit, until the next respondent starts."""
        self.form.hide()
        self.end.show()
        self.next_respondent.setFocus()

    def new_respondent(self) -> None:
        self.end.hide()
        self.form.show()
        self.form.start()

    def show_mode(self) -> None:
        self.showFullScreen() if self.kiosk else self.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.request_exit()
            return
        super().keyPressEvent(event)

    def request_exit(self) -> None:
        """Leaving the kiosk needs the staff PIN; interviewer mode just closes."""
        if self.kiosk:
            pin, ok = QInputDialog.getText(self, self.tr("退出自助填答"), self.tr("请输入工作人员 PIN："),
                                           QLineEdit.EchoMode.Password)
            if not ok:
                return
            if not check_pin(pin):
                QMessageBox.warning(self, self.tr("PIN 不正确"), self.tr("PIN 不正确，仍停留在自助填答模式。"))
                return
        self._allow_close = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._allow_close:
            event.ignore()
            self.request_exit()
            return
        self.form.close_project()
        super().closeEvent(event)


# -- the staff PIN ---------------------------------------------------------------------------------------------


def _digest(pin: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, 100_000).hex()


def set_pin(pin: str) -> None:
    salt = os.urandom(16)
    settings = QSettings()
    settings.setValue("kiosk/pin_salt", salt.hex())
    settings.setValue("kiosk/pin_hash", _digest(pin, salt))


def has_pin() -> bool:
    return bool(QSettings().value("kiosk/pin_hash", ""))


def check_pin(pin: str) -> bool:
    settings = QSettings()
    salt = bytes.fromhex(str(settings.value("kiosk/pin_salt", "")))
    return bool(salt) and _digest(pin, salt) == settings.value("kiosk/pin_hash")
