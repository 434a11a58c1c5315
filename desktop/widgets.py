"""Small widgets shared by the pages: headers, cards, stat tiles, bars, empty states."""

from __future__ import annotations

from collections.abc import Sequence

import qtawesome as qta
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workspace.text import LocalText

from .settings import ui_language

ACCENT = "#2F6BDE"
MUTED = "#5F6B7A"
SERIES = ["#2F6BDE", "#1BA39C", "#F2A03D", "#8E6CD8", "#D9534F", "#6C8EAD"]


def local(text: LocalText) -> str:
    """Domain text (catalogue, surveys, groups) in the interface language."""
    return text.get(ui_language())


def icon(name: str, colour: str = MUTED):
    return qta.icon(name, color=colour)


def label(text: str, role: str = "", *, wrap: bool = False) -> QLabel:
    """A QLabel styled by the stylesheet through its ``role`` property."""
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


class PageHeader(QWidget):
    """A page's title and one line saying what the page is for."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(4)
        self.title = label(title, "page-title")
        self.subtitle = label(subtitle, "muted", wrap=True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.subtitle.setVisible(bool(subtitle))

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))


class Card(QFrame):
    """A white panel with an optional heading; content goes into ``body``."""

    def __init__(self, heading: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        self.heading = label(heading, "card-title")
        self.heading.setVisible(bool(heading))
        layout.addWidget(self.heading)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        layout.addLayout(self.body)


def text_card(heading: str, text: str) -> Card:
    """A card holding one muted paragraph, e.g. what a page will offer next."""
    card = Card(heading)
    card.text = label(text, "muted", wrap=True)
    card.body.addWidget(card.text)
    return card


class StatTile(QFrame):
    """One headline number with its unit and caption."""

    def __init__(self, caption: str, unit: str = "", icon_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.unit = unit
        layout = QGridLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setHorizontalSpacing(8)
        self.value = label("–", "stat-value")
        self.caption = label(caption, "muted")
        if icon_name:
            badge = QLabel()
            badge.setPixmap(icon(icon_name, ACCENT).pixmap(QSize(22, 22)))
            layout.addWidget(badge, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.value, 0, 0)
        layout.addWidget(self.caption, 1, 0, 1, 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, value: int) -> None:
        unit = f"<span style='font-size:11pt;color:{MUTED}'> {self.unit}</span>" if self.unit else ""
        self.value.setText(f"{value:,}{unit}")


class BarList(QWidget):
    """Horizontal bars with a label on the left and the value and share on the right.

    Drawn directly with QPainter: cheaper at start-up than a charting library.
    """

    ROW = 30

    def __init__(self, unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.rows: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[tuple[str, float]]) -> None:
        self.rows = list(rows)
        self.setFixedHeight(max(1, len(self.rows)) * self.ROW + 4)
        self.setAccessibleDescription("; ".join(f"{name}: {value:,.0f}{self.unit}" for name, value in self.rows))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_width = max([metrics.horizontalAdvance(name) for name, _ in self.rows] + [60]) + 16
        value_width = metrics.horizontalAdvance(f"000,000{self.unit}  100.0%") + 12
        bar_width = max(40, self.width() - label_width - value_width)
        top = max([value for _, value in self.rows] + [1])
        total = sum(value for _, value in self.rows) or 1
        for i, (name, value) in enumerate(self.rows):
            y = i * self.ROW
            painter.setPen(QColor("#1F2933"))
            painter.drawText(QRectF(0, y, label_width - 8, self.ROW), Qt.AlignmentFlag.AlignVCenter, name)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#EEF2F7"))
            painter.drawRoundedRect(QRectF(label_width, y + 8, bar_width, self.ROW - 16), 4, 4)
            painter.setBrush(QColor(SERIES[i % len(SERIES)]))
            painter.drawRoundedRect(QRectF(label_width, y + 8, bar_width * value / top, self.ROW - 16), 4, 4)
            painter.setPen(QColor(MUTED))
            painter.drawText(
                QRectF(label_width + bar_width, y, value_width, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                f"{value:,.0f}{self.unit}  {value / total:.1%}",
            )
        painter.end()


class EmptyState(QWidget):
    """What a page will hold, and what to do next, when there is nothing to show yet."""

    def __init__(
        self, icon_name: str, headline: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(12)
        picture = QLabel()
        picture.setPixmap(icon(icon_name, "#9AA5B1").pixmap(QSize(64, 64)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = label(headline, "empty-title")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = label(text, "muted", wrap=True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(560)
        layout.addWidget(picture)
        layout.addWidget(self.headline)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        self.buttons = QHBoxLayout()
        self.buttons.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, icon_name: str = "", *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        if icon_name:
            button.setIcon(icon(icon_name, "#FFFFFF" if primary else MUTED))
        if primary:
            button.setProperty("role", "primary")
        self.buttons.addWidget(button)
        return button


def bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font
