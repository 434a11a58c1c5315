"""How question types and PII kinds read in the designer (Chinese first)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate a designer string. lupdate files bare ``tr("…")`` calls under the empty
    context, so that is the context to look them up in."""
    return QCoreApplication.translate("", text)


def type_names() -> dict[str, str]:
    """The types offered when adding a question, in the order of the menu."""
    return {
        "select_one": tr("单选题"),
        "select_multiple": tr("多选题"),
        "likert": tr("李克特量表"),
        "rating": tr("0–10 评分（NPS）"),
        "rank": tr("排序题"),
        "scenario_grid": tr("场景价值与紧迫性打分表"),
        "kano": tr("Kano 题（成对）"),
        "text": tr("文本"),
        "integer": tr("整数"),
        "decimal": tr("小数"),
        "date": tr("日期"),
        "time": tr("时间"),
        "note": tr("说明文字"),
        "consent": tr("知情同意"),
        "stakeholder_group": tr("相关方群体"),
        "department": tr("部门"),
        "calculate": tr("计算"),
    }


def type_name(qtype: str) -> str:
    extra = {"group": tr("分组"), "repeat": tr("重复组"), "dateTime": tr("日期时间"), "geopoint": tr("位置"),
             "image": tr("照片"), "audio": tr("录音"), "video": tr("视频"), "barcode": tr("条码"),
             "select_one_from_file": tr("单选（外部选项文件）"), "acknowledge": tr("确认")}
    return type_names().get(qtype) or extra.get(qtype) or qtype


def pii_names() -> dict[str, str]:
    return {"": tr("不含个人信息"), "name": tr("姓名"), "phone": tr("电话"), "id_number": tr("身份证号"), "address": tr("住址")}


TYPE_ICONS = {
    "select_one": "mdi6.radiobox-marked", "select_multiple": "mdi6.checkbox-marked-outline", "likert": "mdi6.tune-variant",
    "rating": "mdi6.gauge", "rank": "mdi6.sort-numeric-ascending", "scenario_grid": "mdi6.grid", "kano": "mdi6.scale-balance",
    "text": "mdi6.form-textbox", "integer": "mdi6.numeric", "decimal": "mdi6.decimal", "date": "mdi6.calendar",
    "time": "mdi6.clock-outline", "note": "mdi6.information-outline", "consent": "mdi6.handshake-outline",
    "stakeholder_group": "mdi6.account-group-outline", "department": "mdi6.office-building-outline",
    "calculate": "mdi6.calculator-variant-outline", "group": "mdi6.folder-outline", "repeat": "mdi6.folder-sync-outline",
}
