"""Stakeholder groups (利益相关方): the four built-in ones plus any the project adds.

Every response, participant and finding belongs to a group, and each group carries a
weight used when evidence is combined (equal by default).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import resources

from .errors import ValidationError
from .project import Project
from .text import LocalText

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@dataclass(frozen=True, slots=True)
class StakeholderGroup:
    code: str
    name: LocalText
    weight: float = 1.0
    builtin: bool = False
    retired: bool = False


def default_groups() -> list[StakeholderGroup]:
    """The built-in groups as shipped in ``resources/catalogue/stakeholders.json``."""
    data = json.loads(resources.path("catalogue", "stakeholders.json").read_text("utf-8"))
    return [
        StakeholderGroup(g["code"], LocalText.from_json(g["name"]), float(g["weight"]), builtin=True)
        for g in data["groups"]
    ]


def install_default_groups(project: Project) -> None:
    with project.transaction() as db:
        for sort, group in enumerate(default_groups()):
            db.execute(
                "INSERT OR IGNORE INTO stakeholder_groups"
                "(code, name_zh, name_en, weight, builtin, sort) VALUES (?, ?, ?, ?, 1, ?)",
                [group.code, group.name.zh, group.name.en, group.weight, sort],
            )


def list_groups(project: Project, *, include_retired: bool = False) -> list[StakeholderGroup]:
    sql = "SELECT code, name_zh, name_en, weight, builtin, retired FROM stakeholder_groups"
    if not include_retired:
        sql += " WHERE retired = 0"
    rows = project.db.conn.execute(sql + " ORDER BY sort, code").fetchall()
    return [
        StakeholderGroup(code, LocalText(zh, en), weight, bool(builtin), bool(retired))
        for code, zh, en, weight, builtin, retired in rows
    ]


def get_group(project: Project, code: str) -> StakeholderGroup:
    for group in list_groups(project, include_retired=True):
        if group.code == code:
            return group
    raise ValidationError(f"没有这个相关方群体：{code}", f"No such stakeholder group: {code}")


def add_group(project: Project, code: str, name_zh: str, name_en: str = "", weight: float = 1.0) -> StakeholderGroup:
    """Add a custom group, e.g. ``add_group(p, "expert", "专家", "Experts")``."""
    if not _CODE.match(code):
        raise ValidationError(
            f"群体代码只能用小写字母、数字和下划线，并以字母开头：{code!r}",
            f"A group code uses lowercase letters, digits and underscores, starting with a letter: {code!r}",
        )
    if not name_zh.strip():
        raise ValidationError("群体需要一个中文名称。", "A group needs a Chinese name.")
    _check_weight(weight)
    with project.transaction() as db:
        if db.conn.execute("SELECT 1 FROM stakeholder_groups WHERE code = ?", [code]).fetchone():
            raise ValidationError(f"群体代码已存在：{code}", f"Group code already exists: {code}")
        sort = db.conn.execute("SELECT COALESCE(MAX(sort), 0) + 1 FROM stakeholder_groups").fetchone()[0]
        db.execute(
            "INSERT INTO stakeholder_groups(code, name_zh, name_en, weight, builtin, sort) "
            "VALUES (?, ?, ?, ?, 0, ?)",
            [code, name_zh.strip(), name_en.strip(), weight, sort],
        )
    return get_group(project, code)


def update_group(
    project: Project,
    code: str,
    *,
    name_zh: str | None = None,
    name_en: str | None = None,
    weight: float | None = None,
) -> StakeholderGroup:
    group = get_group(project, code)
    if weight is not None:
        _check_weight(weight)
    if name_zh is not None and not name_zh.strip():
        raise ValidationError("群体需要一个中文名称。", "A group needs a Chinese name.")
    with project.transaction() as db:
        db.execute(
            "UPDATE stakeholder_groups SET name_zh = ?, name_en = ?, weight = ? WHERE code = ?",
            [
                group.name.zh if name_zh is None else name_zh.strip(),
                group.name.en if name_en is None else name_en.strip(),
                group.weight if weight is None else weight,
                code,
            ],
        )
    return get_group(project, code)


def retire_group(project: Project, code: str) -> None:
    """Hide a custom group from new work; what already refers to it keeps it."""
    if get_group(project, code).builtin:
        raise ValidationError(f"内置群体不能停用：{code}", f"A built-in group cannot be retired: {code}")
    with project.transaction() as db:
        db.execute("UPDATE stakeholder_groups SET retired = 1 WHERE code = ?", [code])


def _check_weight(weight: float) -> None:
    if not (0 <= weight <= 100):
        raise ValidationError(
            f"权重应在 0 到 100 之间：{weight}", f"A weight must be between 0 and 100: {weight}"
        )
