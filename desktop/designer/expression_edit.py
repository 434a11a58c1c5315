"""A line edit for an XLSForm expression that checks it as you type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from survey.expressions import ExpressionError, Ref, parse, references, walk

from .vocabulary import tr


class ExpressionEdit(QWidget):
    """Shows, under the expression, the questions it refers to or where it goes wrong.

    ``committed`` is emitted with the text when editing finishes and the expression is
    valid (or empty); an invalid one is kept on screen and not applied.
    """

    committed = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, *, choice_filter: bool = False) -> None:
        super().__init__(parent)
        self.names: set[str] = set()
        self.choice_filter = choice_filter
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self.edit.textChanged.connect(self.check)
        self.edit.editingFinished.connect(self._finish)
        self.check("")

    def set_text(self, text: str, names: set[str]) -> None:
        self.names = names
        self.edit.blockSignals(True)
        self.edit.setText(text)
        self.edit.blockSignals(False)
        self.check(text)

    def text(self) -> str:
        return self.edit.text().strip()

    def check(self, text: str) -> bool:
        """Validate and say what the expression reads; True when it can be applied."""
        text = text.strip()
        if not text:
            self.status.setText("")
            self._mark(True)
            return True
        try:
            tree = parse(text)
        except ExpressionError as err:
            self.status.setText(tr("✗ 第 {n} 个字符：{message}").format(n=err.position + 1, message=err.message))
            self._mark(False)
            return False
        refs = {n.name for n in walk(tree) if isinstance(n, Ref)} if self.choice_filter else references(tree)
        unknown = sorted(r for r in refs if r not in self.names)
        if unknown:
            self.status.setText(tr("✗ 没有这些题目：{names}").format(names="、".join(unknown)))
            self._mark(False)
            return False
        self.status.setText(tr("✓ 引用：{names}").format(names="、".join(sorted(refs))) if refs else tr("✓ 表达式有效"))
        self._mark(True)
        return True

    def _mark(self, ok: bool) -> None:
        self.status.setStyleSheet("" if ok else "color: #C0392B;")
        self.edit.setProperty("invalid", not ok)
        self.edit.setStyleSheet("" if ok else "border: 1px solid #C0392B;")

    def _finish(self) -> None:
        if self.check(self.edit.text()):
            self.committed.emit(self.text())
