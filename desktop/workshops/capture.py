"""The capture line: one card per line, tagged as you type, completed as you type.

    @交通局 #痛点 早高峰信号灯配时不合理 #信号灯

``@`` completes participants and departments, ``#`` completes kinds and the session's tags
(from :class:`workshop.cards.SessionWords`). Enter adds the card; a pasted block of lines
goes to the bulk-paste dialog instead of being squashed into one line.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.cards import SessionWords, parse_line

from ..widgets import label
from .common import EntryLine

_FRAGMENT = re.compile(r"[@＠#＃]\S*$")


class CaptureLine(EntryLine):
    submitted = Signal(str)
    pasted_lines = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = SessionWords()
        self.setPlaceholderText(self.tr("输入卡片后回车：@作者或部门 #痛点/需求/创意/风险 内容 #标签"))
        self.setAccessibleName(self.tr("卡片速记"))
        self.setProperty("role", "capture")
        self.setClearButtonEnabled(True)
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(8)
        self.completer.activated.connect(self.insert_completion)
        self.textEdited.connect(self._update_completions)

    def set_words(self, words: SessionWords) -> None:
        self.words = words

    def fragment(self) -> str:
        """The ``@…`` or ``#…`` word just before the cursor, if the cursor is in one."""
        match = _FRAGMENT.search(self.text()[: self.cursorPosition()])
        return match.group(0) if match else ""

    def _update_completions(self, _text: str = "") -> None:
        fragment = self.fragment()
        options = self.words.complete(fragment) if fragment else []
        if not options:
            self.completer.popup().hide()
            return
        self.completions.setStringList(options)
        self.completer.complete(self.cursorRect().adjusted(0, 0, 200, 0))
        self.completer.popup().setCurrentIndex(self.completions.index(0, 0))

    def insert_completion(self, choice: str) -> None:
        """Replace the word being typed with ``choice`` and a space."""
        fragment = self.fragment()
        cursor = self.cursorPosition()
        start = cursor - len(fragment)
        spaces = len(self.text()[cursor:]) - len(self.text()[cursor:].lstrip())
        self.setSelection(start, len(fragment) + spaces)
        self.insert(choice + " ")  # an edit of the line (undoable in it), not a new text
        self.completer.popup().hide()

    def preview(self) -> str:
        """How the line will be read, for a hint beside it."""
        card = parse_line(self.text())
        return card.text

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        popup = self.completer.popup()
        if popup.isVisible() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            index = popup.currentIndex()
            if index.isValid():
                self.insert_completion(index.data())
                return
        if popup.isVisible() and event.key() == Qt.Key.Key_Escape:
            popup.hide()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            lines = [line for line in QGuiApplication.clipboard().text().splitlines() if line.strip()]
            if len(lines) > 1:
                self.pasted_lines.emit(lines)
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not popup.isVisible():
            if self.text().strip():
                self.submitted.emit(self.text())
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        # Tab takes the highlighted completion instead of moving the focus on.
        if (event.type() == QKeyEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Tab and self.completer.popup().isVisible()):
            self.keyPressEvent(event)
            return True
        return super().event(event)


class PasteDialog(QDialog):
    """Many cards at once: one per line, each with the same tags as the capture line."""

    def __init__(self, lines: list[str], parent: QWidget | None = None, *, title: str = "", hint: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("批量添加卡片"))
        self.setMinimumSize(560, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(label(hint or self.tr("每行一张卡片，可以带 @作者 和 #类型 #标签。空行会被跳过。"), "muted", wrap=True))
        self.edit = QPlainTextEdit("\n".join(lines))
        self.edit.textChanged.connect(self._count)
        layout.addWidget(self.edit, 1)
        self.counter = label("", "muted")
        layout.addWidget(self.counter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._count()

    def lines(self) -> list[str]:
        return [line for line in self.edit.toPlainText().splitlines() if line.strip()]

    def _count(self) -> None:
        n = len(self.lines())
        self.counter.setText(self.tr("共 {n} 行").format(n=n))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)
