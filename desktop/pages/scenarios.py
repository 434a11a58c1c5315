"""The project's scenario catalogue (场景目录): list, add, edit, retire.

Shown on the Priorities page's 场景目录 tab; it is the list the ranking ranks.
Every change is written through the project lane and the page reloads from the file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workspace.catalogue import Domain, Kpi, Scenario
from workspace.text import LocalText

from ..widgets import Card, icon, label, local


class ScenarioCatalogue(Card):
    """A table of the project's scenarios with add / edit / retire actions."""

    add_requested = Signal()
    edit_requested = Signal(str)
    retire_requested = Signal(str, bool)  # code, retired

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("场景目录"), parent)
        self.scenarios: list[Scenario] = []
        self.domains: dict[str, Domain] = {}
        self.body.addWidget(
            label(
                self.tr("候选应用场景及其典型量化指标。可按本项目需要新增、修改或停用；停用的场景保留在文件中，已有的卡片和答卷仍然指向它。"),
                "muted",
                wrap=True,
            )
        )
        buttons = QHBoxLayout()
        self.add_button = QPushButton(icon("mdi6.plus"), self.tr("新增场景…"))
        self.edit_button = QPushButton(icon("mdi6.pencil-outline"), self.tr("编辑…"))
        self.retire_button = QPushButton(icon("mdi6.archive-outline"), self.tr("停用"))
        self.show_retired = QCheckBox(self.tr("显示已停用"))
        for widget in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        self.body.addLayout(buttons)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("领域"), self.tr("场景"), self.tr("典型指标"), self.tr("关键词"), self.tr("状态")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setMinimumHeight(480)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):  # name, KPIs, keywords share the width; full text in tooltips
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._edit_selected)
        self.table.itemActivated.connect(lambda _item: self._edit_selected())
        self.retire_button.clicked.connect(self._toggle_selected)
        self.show_retired.toggled.connect(lambda _on: self._fill())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_catalogue(self, scenarios: list[Scenario], domains: list[Domain]) -> None:
        self.scenarios = scenarios
        self.domains = {d.code: d for d in domains}
        self._fill()

    def selected(self) -> Scenario | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        code = self.table.item(rows[0].row(), 1).data(Qt.ItemDataRole.UserRole)
        return next((s for s in self.scenarios if s.code == code), None)

    def _fill(self) -> None:
        shown = [s for s in self.scenarios if self.show_retired.isChecked() or not s.retired]
        self.table.setRowCount(len(shown))
        for row, scenario in enumerate(shown):
            domain = self.domains.get(scenario.domain)
            kpis = "；".join(f"{local(k.name)}（{k.unit}）" for k in scenario.kpis)
            values = [
                local(domain.name) if domain else scenario.domain,
                local(scenario.name),
                kpis,
                "、".join(scenario.keywords[:8]) + ("…" if len(scenario.keywords) > 8 else ""),
                self.tr("已停用") if scenario.retired else (self.tr("本项目新增") if scenario.origin == "project" else ""),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(local(scenario.description) if column == 1 else value)
                if scenario.retired:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
            self.table.item(row, 1).setData(Qt.ItemDataRole.UserRole, scenario.code)
        self._update_buttons()

    def _update_buttons(self) -> None:
        scenario = self.selected()
        self.edit_button.setEnabled(scenario is not None)
        self.retire_button.setEnabled(scenario is not None)
        self.retire_button.setText(self.tr("恢复") if scenario is not None and scenario.retired else self.tr("停用"))

    def _edit_selected(self) -> None:
        scenario = self.selected()
        if scenario is not None:
            self.edit_requested.emit(scenario.code)

    def _toggle_selected(self) -> None:
        scenario = self.selected()
        if scenario is not None:
            self.retire_requested.emit(scenario.code, not scenario.retired)


class ScenarioDialog(QDialog):
    """Add or edit one scenario: names, domain, description, KPIs, keywords.

    Save emits ``save_requested``; the owner writes the change and either closes the
    dialog or shows the core's refusal in it, so nothing typed is lost on an error.
    """

    save_requested = Signal(object)  # Scenario

    def __init__(self, domains: list[Domain], scenario: Scenario | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑场景") if scenario else self.tr("新增场景"))
        self.setMinimumWidth(640)
        self.editing = scenario
        form = QFormLayout()
        self.code = QLineEdit(scenario.code if scenario else "")
        self.code.setPlaceholderText(self.tr("例如 traffic_bike_lanes（小写字母、数字、下划线）"))
        self.code.setReadOnly(scenario is not None)
        self.domain = QComboBox()
        for domain in domains:
            self.domain.addItem(local(domain.name), domain.code)
        if scenario:
            self.domain.setCurrentIndex(max(0, self.domain.findData(scenario.domain)))
        self.name_zh = QLineEdit(scenario.name.zh if scenario else "")
        self.name_en = QLineEdit(scenario.name.en if scenario else "")
        self.description_zh = QPlainTextEdit(scenario.description.zh if scenario else "")
        self.description_zh.setFixedHeight(64)
        self.keywords = QLineEdit("、".join(scenario.keywords) if scenario else "")
        self.keywords.setPlaceholderText(self.tr("用顿号或逗号分隔，例如 红绿灯、信号灯、堵车"))
        form.addRow(self.tr("代码"), self.code)
        form.addRow(self.tr("领域"), self.domain)
        form.addRow(self.tr("中文名称"), self.name_zh)
        form.addRow(self.tr("英文名称"), self.name_en)
        form.addRow(self.tr("简介"), self.description_zh)
        form.addRow(self.tr("关键词"), self.keywords)
        self.kpis = QTableWidget(0, 4)
        self.kpis.setHorizontalHeaderLabels([self.tr("指标（中文）"), self.tr("指标（英文）"), self.tr("单位"), self.tr("越高越好")])
        self.kpis.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.kpis.verticalHeader().setVisible(False)
        self.kpis.setFixedHeight(150)
        for kpi in scenario.kpis if scenario else ():
            self._add_kpi_row(kpi)
        kpi_buttons = QHBoxLayout()
        add_kpi = QPushButton(icon("mdi6.plus"), self.tr("添加指标"))
        remove_kpi = QPushButton(icon("mdi6.minus"), self.tr("删除所选指标"))
        add_kpi.clicked.connect(lambda: self._add_kpi_row(None))
        remove_kpi.clicked.connect(lambda: self.kpis.removeRow(self.kpis.currentRow()))
        kpi_buttons.addWidget(add_kpi)
        kpi_buttons.addWidget(remove_kpi)
        kpi_buttons.addStretch(1)
        self.error = label("", "error", wrap=True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(label(self.tr("典型量化指标"), "card-title"))
        layout.addWidget(self.kpis)
        layout.addLayout(kpi_buttons)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _add_kpi_row(self, kpi: Kpi | None) -> None:
        row = self.kpis.rowCount()
        self.kpis.insertRow(row)
        for column, value in enumerate([kpi.name.zh, kpi.name.en, kpi.unit] if kpi else ["", "", ""]):
            self.kpis.setItem(row, column, QTableWidgetItem(value))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if (kpi is None or kpi.higher_is_better) else Qt.CheckState.Unchecked)
        self.kpis.setItem(row, 3, check)

    def scenario(self) -> Scenario:
        """The scenario as entered (validated by the core when saved)."""
        kpis = []
        for row in range(self.kpis.rowCount()):
            cells = [self.kpis.item(row, c) for c in range(4)]
            zh = cells[0].text().strip() if cells[0] else ""
            if not zh:
                continue
            kpis.append(
                Kpi(
                    LocalText(zh, cells[1].text().strip() if cells[1] else ""),
                    cells[2].text().strip() if cells[2] else "",
                    cells[3].checkState() == Qt.CheckState.Checked,
                )
            )
        words = self.keywords.text().replace("，", "、").replace(",", "、").split("、")
        return Scenario(
            code=self.code.text().strip(),
            domain=self.domain.currentData(),
            name=LocalText(self.name_zh.text().strip(), self.name_en.text().strip()),
            description=LocalText(self.description_zh.toPlainText().strip(), self.editing.description.en if self.editing else ""),
            kpis=tuple(kpis),
            keywords=tuple(w.strip() for w in words if w.strip()),
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _accept(self) -> None:
        if not self.name_zh.text().strip():
            self.show_error(self.tr("请填写中文名称。"))
            return
        if not self.editing and not self.code.text().strip():
            self.show_error(self.tr("请填写场景代码。"))
            return
        self.error.setVisible(False)
        self.save_requested.emit(self.scenario())
