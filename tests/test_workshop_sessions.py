"""Sessions, agenda and participants: typed, pasted, or imported from an Excel list."""

from __future__ import annotations

import openpyxl
import pytest

from workshop.store import (
    add_agenda_item,
    agenda,
    create_session,
    delete_participant,
    get_session,
    import_people,
    move_agenda_item,
    participants,
    paste_people,
    update_agenda_item,
    update_participant,
    update_session,
)
from workshop.cards import add_line, get_card
from workspace.errors import ValidationError


def test_session_and_agenda(project):
    session = create_session(project, "研讨会")
    update_session(project, session, place="市政务服务中心 3 楼", facilitator="周老师", held_on="2026-11-26")
    info = get_session(project, session)
    assert (info.place, info.facilitator, info.held_on) == ("市政务服务中心 3 楼", "周老师", "2026-11-26")
    first = add_agenda_item(project, session, "开场与目标", 10)
    add_agenda_item(project, session, "痛点收集", 40)
    last = add_agenda_item(project, session, "评分", 30)
    move_agenda_item(project, last, -1)
    update_agenda_item(project, first, planned_minutes=15)
    assert [(a.title, a.planned_minutes) for a in agenda(project, session)] == [
        ("开场与目标", 15), ("评分", 30), ("痛点收集", 40)]
    with pytest.raises(ValidationError):
        add_agenda_item(project, session, " ")


def test_pasted_people_with_or_without_headers(project):
    session = create_session(project, "研讨会")
    assert paste_people(project, session, "姓名\t部门\t相关方\t角色\n张伟\t交通局\t部门\t科长\n王强\t公交集团\tenterprise\t") == 2
    assert paste_people(project, session, "赵敏，社区居民，市民") == 1
    people = {p.name: p for p in participants(project, session)}
    assert (people["张伟"].department, people["张伟"].stakeholder_group, people["张伟"].role) == ("交通局", "department", "科长")
    assert people["赵敏"].stakeholder_group == "citizen"
    with pytest.raises(ValidationError, match="第 2 行"):
        paste_people(project, session, "钱多多 财政局 部门\n孙悟空 花果山 妖怪")
    assert len(participants(project, session)) == 3  # nothing from the bad paste


def test_people_from_an_excel_list_and_bad_rows_named(project, tmp_path):
    session = create_session(project, "研讨会")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "所在部门", "相关方群体", "职务"])
    sheet.append([1, "张伟", "交通局", "部门", "科长"])
    sheet.append([2, "李娜", "卫健委", "部门", "处长"])
    book.save(tmp_path / "people.xlsx")
    assert import_people(project, session, tmp_path / "people.xlsx") == 2
    sheet.append([3, "周杰", "文旅局", "游客", ""])
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(ValidationError) as info:
        import_people(project, session, tmp_path / "bad.xlsx")
    assert "bad.xlsx" in str(info.value) and "第 4 行" in str(info.value) and "游客" in str(info.value)
    assert len(participants(project, session)) == 2


def test_cards_keep_their_department_when_people_change(project):
    session = create_session(project, "研讨会")
    paste_people(project, session, "张伟,交通局,部门")
    (person,) = participants(project, session)
    card = add_line(project, session, "@张伟 路口拥堵")
    update_participant(project, person.id, department="城管局", attended=False)
    assert get_card(project, card).department == "交通局"
    assert participants(project, session)[0].attended is False
    delete_participant(project, person.id)
    assert (get_card(project, card).author, get_card(project, card).department) == ("", "交通局")
