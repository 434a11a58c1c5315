"""Dialogs of the workshop page: a new session, a new scoring round, a cluster becoming a
scenario, and the review of suggested scenarios."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop.scoring import DEFAULT_CRITERIA, Criterion
from workshop.session import SessionState
from workshop.suggest import Suggestion
from workspace.catalogue import Domain

from ..widgets import icon, label, local
from .common import active_scenarios, criterion_name, scenario_name


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SessionDialog(QDialog):
    """Title, date, place and facilitator of a new session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建研讨会"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("例如：智慧交通专题研讨会"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.place, self.facilitator = QLineEdit(), QLineEdit()
        form.addRow(self.tr("主题"), self.title)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("地点"), self.place)
        form.addRow(self.tr("主持人"), self.facilitator)
        self.buttons = _buttons(self)
        form.addRow(self.buttons)
        self.title.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def values(self) -> dict:
        return {"title": self.title.text().strip(), "held_on": self.date.date().toString("yyyy-MM-dd"),
                "place": self.place.text().strip(), "facilitator": self.facilitator.text().strip()}


class RoundDialog(QDialog):
    """A scoring round: what is scored (the shortlist), how (scores, dots, MoSCoW) and on what."""

    def __init__(self, state: SessionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("新建评分轮"))
        self.setMinimumSize(620, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self.tr("场景评分"))
        form.addRow(self.tr("名称"), self.title)
        methods = QHBoxLayout()
        self.methods = QButtonGroup(self)
        for n, (code, caption) in enumerate((("scores", self.tr("按标准打分")), ("dots", self.tr("投票点")),
                                             ("moscow", self.tr("MoSCoW 分类")))):
            button = QRadioButton(caption)
            button.setProperty("method", code)
            self.methods.addButton(button, n)
            methods.addWidget(button)
        self.methods.button(0).setChecked(True)
        self.methods.idToggled.connect(lambda _id, _on: self._method_changed())
        form.addRow(self.tr("方式"), methods)
        layout.addLayout(form)
        layout.addWidget(label(self.tr("入围场景（默认勾选卡片最多的 8 个）"), "card-title"))
        self.shortlist = QListWidget()
        counts = {code: sum(1 for c in state.cards if c.scenario_code == code) for code in state.board_scenarios()}
        top = sorted(counts, key=lambda code: -counts[code])[:8]
        for code in state.board_scenarios() + [s.code for s in active_scenarios(state) if s.code not in counts]:
            item = QListWidgetItem(f"{scenario_name(state, code)}" + (self.tr("（{n} 张卡片）").format(n=counts[code]) if code in counts else ""))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in top else Qt.CheckState.Unchecked)
            self.shortlist.addItem(item)
        layout.addWidget(self.shortlist, 1)
        self.criteria_box = QWidget()
        box = QVBoxLayout(self.criteria_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label(self.tr("评分标准"), "card-title"))
        self.criteria = QTableWidget(0, 4)
        self.criteria.setHorizontalHeaderLabels([self.tr("标准"), self.tr("最低"), self.tr("最高"), self.tr("权重")])
        self.criteria.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.criteria.verticalHeader().setVisible(False)
        self.criteria.setMaximumHeight(150)
        for criterion in DEFAULT_CRITERIA:
            self._add_criterion(criterion)
        box.addWidget(self.criteria)
        row = QHBoxLayout()
        add = QPushButton(icon("mdi6.plus"), self.tr("添加标准"))
        add.clicked.connect(lambda: self._add_criterion(Criterion(self._free_code(), self.tr("新标准"))))
        remove = QPushButton(icon("mdi6.minus"), self.tr("删除选中标准"))
        remove.clicked.connect(lambda: self.criteria.removeRow(self.criteria.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(self.criteria_box)
        self.dots_box = QWidget()
        dots = QHBoxLayout(self.dots_box)
        dots.setContentsMargins(0, 0, 0, 0)
        self.dots = QSpinBox()
        self.dots.setRange(1, 20)
        self.dots.setValue(5)
        self.dots.setSuffix(self.tr(" 点/人"))
        self.stacking = QCheckBox(self.tr("可以在同一场景上投多点"))
        self.stacking.setChecked(True)
        dots.addWidget(label(self.tr("每人点数"), "muted"))
        dots.addWidget(self.dots)
        dots.addWidget(self.stacking)
        dots.addStretch(1)
        layout.addWidget(self.dots_box)
        layout.addWidget(_buttons(self))
        self._method_changed()

    def _add_criterion(self, criterion: Criterion) -> None:
        row = self.criteria.rowCount()
        self.criteria.insertRow(row)
        name = QTableWidgetItem(criterion_name(criterion.code, criterion.name))
        name.setData(Qt.ItemDataRole.UserRole, criterion.code)
        self.criteria.setItem(row, 0, name)
        for column, value in ((1, criterion.low), (2, criterion.high), (3, criterion.weight)):
            self.criteria.setItem(row, column, QTableWidgetItem(f"{value:g}"))

    def _free_code(self) -> str:
        taken = {self.criteria.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.criteria.rowCount())}
        return next(f"c{n}" for n in range(1, 1000) if f"c{n}" not in taken)

    def method(self) -> str:
        return self.methods.checkedButton().property("method")

    def _method_changed(self) -> None:
        self.criteria_box.setVisible(self.method() == "scores")
        self.dots_box.setVisible(self.method() == "dots")

    def values(self) -> dict:
        """Keyword arguments for ``workshop.scoring.create_round`` (numbers not yet checked)."""
        scenarios = [self.shortlist.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.shortlist.count())
                     if self.shortlist.item(r).checkState() == Qt.CheckState.Checked]
        criteria = []
        for r in range(self.criteria.rowCount()):
            cells = [self.criteria.item(r, c).text().strip() if self.criteria.item(r, c) else "" for c in range(4)]
            code = self.criteria.item(r, 0).data(Qt.ItemDataRole.UserRole) or f"c{r + 1}"
            try:
                criteria.append(Criterion(code, cells[0], int(float(cells[1])), int(float(cells[2])), float(cells[3])))
            except ValueError:
                criteria.append(Criterion(code, cells[0], 0, 0, -1))  # refused with a message by create_round
        return {"title": self.title.text().strip(), "scenarios": scenarios, "method": self.method(),
                "criteria": tuple(criteria), "dots": self.dots.value(), "stacking": self.stacking.isChecked()}


class ScenarioFromClusterDialog(QDialog):
    """Name and domain of the scenario a cluster becomes."""

    def __init__(self, title: str, domains: list[Domain], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("分组转为场景"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        form.addRow(label(self.tr("新场景加入本项目的场景目录，分组里的卡片随之归入该场景。"), "muted", wrap=True))
        self.name = QLineEdit(title)
        self.name_en = QLineEdit()
        self.domain = QComboBox()
        for domain in domains:
            self.domain.addItem(local(domain.name), domain.code)
        form.addRow(self.tr("场景名称"), self.name)
        form.addRow(self.tr("英文名称（可选）"), self.name_en)
        form.addRow(self.tr("所属领域"), self.domain)
        form.addRow(_buttons(self))

    def values(self) -> dict:
        return {"name_zh": self.name.text().strip(), "name_en": self.name_en.text().strip(),
                "domain": self.domain.currentData()}


class SuggestDialog(QDialog):
    """Each unassigned card with the scenario proposed for it and the words behind it; tick to accept."""

    def __init__(self, state: SessionState, suggestions: dict[int, Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("建议归类"))
        self.setMinimumSize(640, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("按场景目录的关键词为未归类的卡片建议场景。勾选要接受的建议。"), "muted", wrap=True))
        self.list = QListWidget()
        texts = {c.id: c.text for c in state.cards}
        for card_id, suggestion in suggestions.items():
            item = QListWidgetItem(self.tr("{card}  →  {scenario}（依据：{why}）").format(
                card=texts.get(card_id, ""), scenario=scenario_name(state, suggestion.code), why="、".join(suggestion.why)))
            item.setData(Qt.ItemDataRole.UserRole, card_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        layout.addWidget(_buttons(self))
        self.suggestions = suggestions

    def chosen(self) -> dict[int, Suggestion]:
        ids = [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
               if self.list.item(r).checkState() == Qt.CheckState.Checked]
        return {i: self.suggestions[i] for i in ids}
