"""Cards typed with inline tags, placed on the board, edited, merged, split; undo and redo of all of it."""

from __future__ import annotations

import pytest

from workshop.cards import (
    Place,
    UNASSIGNED,
    add_line,
    add_lines,
    cluster_to_scenario,
    complete,
    create_cluster,
    delete_cards,
    delete_cluster,
    edit_card,
    get_card,
    list_cards,
    merge_cards,
    move_cards,
    parse_line,
    split_card,
)
from workshop.history import History
from workshop.store import ParticipantRecord, add_participants, create_session
from workspace.errors import ValidationError


@pytest.fixture
def session(project):
    session_id = create_session(project, "交通专题研讨会", held_on="2026-11-20")
    add_participants(project, session_id, [
        ParticipantRecord("张伟", "交通局", stakeholder_group="department"),
        ParticipantRecord("李娜", "交通局", stakeholder_group="department"),
        ParticipantRecord("王强", "公交集团", stakeholder_group="enterprise"),
    ])
    return session_id


def test_a_typed_line_is_split_into_text_kind_author_and_tags():
    card = parse_line("@交通局 #痛点 早高峰信号灯配时不合理 #信号灯 #早高峰")
    assert card == parse_line("＠交通局 ＃痛点 早高峰信号灯配时不合理 ＃信号灯 ＃早高峰")
    assert (card.text, card.kind, card.author, card.tags) == ("早高峰信号灯配时不合理", "pain", "交通局", ("信号灯", "早高峰"))
    assert parse_line("希望公交到站更准 #idea").kind == "idea"
    assert parse_line("希望公交到站更准").kind is None
    # a # inside a word is text, not a tag
    assert parse_line("C#开发人员不足").text == "C#开发人员不足"


def test_author_resolves_to_a_person_or_a_department_with_its_group(project, session):
    by_person = get_card(project, add_line(project, session, "@王强 #需求 公交专用道延长"))
    assert (by_person.author, by_person.department, by_person.stakeholder_group) == ("王强", "公交集团", "enterprise")
    by_department = get_card(project, add_line(project, session, "@交通局 #风险 数据口径不统一"))
    assert (by_department.author, by_department.department, by_department.stakeholder_group) == ("", "交通局", "department")
    unknown = get_card(project, add_line(project, session, "@城管局 占道施工多"))
    assert (unknown.department, unknown.stakeholder_group, unknown.kind) == ("城管局", None, "need")


def test_completion_offers_people_departments_kinds_and_tags(project, session):
    add_line(project, session, "@交通局 停车难 #停车")
    assert complete(project, session, "@交") == ["@交通局", "@公交集团"]  # beginnings first, then insides
    assert complete(project, session, "@王") == ["@王强"]
    assert "#痛点" in complete(project, session, "#痛") and complete(project, session, "#停") == ["#停车"]
    assert complete(project, session, "早高峰") == []


def test_pasted_block_becomes_cards_in_order_and_bad_lines_change_nothing(project, session):
    ids = add_lines(project, session, ["@张伟 #痛点 路口拥堵", "", "  #创意 绿波带  ", "@王强 公交优先"])
    assert [get_card(project, i).text for i in ids] == ["路口拥堵", "绿波带", "公交优先"]
    with pytest.raises(ValidationError):
        add_lines(project, session, ["好的一行", "#痛点 @张伟"])
    assert len(list_cards(project, session)) == 3


def test_moves_keep_order_and_clusters_become_scenarios(project, session):
    a, b, c = add_lines(project, session, ["一", "二", "三"])
    move_cards(project, [a, b], Place(scenario_code="traffic_congestion"))
    move_cards(project, [c], Place(scenario_code="traffic_congestion"), before=a)
    under = [card.id for card in list_cards(project, session) if card.scenario_code == "traffic_congestion"]
    assert under == [c, a, b]
    cluster = create_cluster(project, session, "慢行交通", [b])
    edit_card(project, b, tags=["自行车"])
    code = cluster_to_scenario(project, cluster, code="ws_slow_traffic", domain="traffic")
    card = get_card(project, b)
    assert (card.scenario_code, card.cluster_id) == (code, None)
    name, keywords = project.db.conn.execute("SELECT name_zh, keywords FROM scenarios WHERE code = ?", [code]).fetchone()
    assert name == "慢行交通" and "自行车" in keywords
    other = create_cluster(project, session, "其他", [a])
    delete_cluster(project, other)
    assert get_card(project, a).cluster_id is None and get_card(project, a).scenario_code is None


def test_merge_and_split(project, session):
    a, b = add_lines(project, session, ["@张伟 停车难 #停车", "@李娜 小区停车位不够 #小区"])
    kept = merge_cards(project, [a, b])
    card = get_card(project, kept)
    assert card.text == "停车难；小区停车位不够" and card.tags == ("停车", "小区")
    assert [c.id for c in list_cards(project, session)] == [a]
    first, second = split_card(project, a, ["停车难", "小区停车位不够"])
    assert (get_card(project, first).text, get_card(project, second).text) == ("停车难", "小区停车位不够")
    assert get_card(project, second).department == "交通局"


def test_undo_and_redo_cover_capture_moves_edits_and_deletions(project, session):
    history = History(project)
    with history.step("添加卡片"):
        a = add_line(project, session, "@张伟 #痛点 路口拥堵")
    with history.step("移动"):
        move_cards(project, [a], Place(scenario_code="traffic_congestion"))
    with history.step("编辑"):
        edit_card(project, a, text="主干道路口拥堵", kind="need")
    with history.step("删除"):
        delete_cards(project, [a])
    assert list_cards(project, session) == []
    assert history.undo() == "删除"
    restored = get_card(project, a)
    assert (restored.text, restored.kind, restored.scenario_code) == ("主干道路口拥堵", "need", "traffic_congestion")
    assert history.undo() == "编辑" and get_card(project, a).text == "路口拥堵"
    assert history.undo() == "移动" and get_card(project, a).scenario_code is None
    assert history.undo() == "添加卡片" and list_cards(project, session) == []
    assert history.undo() == "" and not history.can_undo()
    for label in ("添加卡片", "移动", "编辑", "删除"):
        assert history.redo() == label
    assert list_cards(project, session) == []
    history.undo()
    with history.step("新卡片"):  # a new action ends the redo chain
        add_line(project, session, "另一张")
    assert not history.can_redo()
    assert {c.text for c in list_cards(project, session)} == {"主干道路口拥堵", "另一张"}


def test_undo_restores_cascaded_rows(project, session):
    history = History(project)
    a = add_line(project, session, "路口拥堵")
    cluster = create_cluster(project, session, "拥堵", [a])
    with history.step("删除分组"):
        delete_cluster(project, cluster)  # the card's cluster_id is set to NULL by the foreign key
    assert get_card(project, a).cluster_id is None
    history.undo()
    assert get_card(project, a).cluster_id == cluster
    with history.step("删除研讨会"):
        project.db.execute("DELETE FROM sessions WHERE id = ?", [session])
    history.undo()
    assert get_card(project, a).cluster_id == cluster and len(list_cards(project, session)) == 1
    assert project.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_step_that_fails_changes_nothing_and_records_nothing(project, session):
    history = History(project)
    with pytest.raises(ValidationError), history.step("坏"):
        add_line(project, session, "好")
        edit_card(project, 999, text="x")
    assert list_cards(project, session) == [] and not history.can_undo()
    assert UNASSIGNED == Place()


def test_changes_outside_a_step_leave_nothing_in_the_log(project, session):
    history = History(project)
    add_line(project, session, "步骤之外的卡片")  # e.g. an import on the same connection
    log = lambda: project.db.conn.execute("SELECT COUNT(*) FROM temp.huizhi_undo_log").fetchone()[0]  # noqa: E731
    assert log() == 0
    with history.step("添加"):
        add_line(project, session, "步骤里的卡片")
    assert log() == 1
    history.undo()
    assert [c.text for c in list_cards(project, session)] == ["步骤之外的卡片"]


def test_history_never_leaves_the_connection_in_a_transaction(project, session):
    history = History(project)
    assert not project.db.conn.in_transaction
    for text in ("一", "二", "三"):
        with history.step("添加"):
            add_line(project, session, text)
    history.undo()
    history.undo()
    with history.step("新的"):  # drops the redo steps
        add_line(project, session, "四")
    assert not project.db.conn.in_transaction
    small = History(project, limit=1)
    for text in ("五", "六"):
        with small.step("添加"):  # the oldest step falls off the end
            add_line(project, session, text)
    small.clear()
    assert not project.db.conn.in_transaction


def test_an_undo_refused_by_changes_elsewhere_changes_nothing_and_can_be_tried_again(project, session, tmp_path):
    import sqlite3

    history = History(project)
    card = add_line(project, session, "@张伟 路口拥堵")
    with history.step("删除"):
        delete_cards(project, [card])
    other = sqlite3.connect(project.path)  # a second window on the same file removes the author
    other.execute("PRAGMA foreign_keys = OFF")
    other.execute("DELETE FROM participants WHERE name = '张伟'")
    other.commit()
    other.close()
    with pytest.raises(ValidationError, match="无法撤销"):
        history.undo()
    assert not project.db.conn.in_transaction
    assert history.can_undo() and history.undo_label() == "删除"
    add_line(project, session, "之后的卡片")  # later work is committed, not swallowed by a dangling transaction
    with open_project_again(project.path) as again:
        assert [c.text for c in list_cards(again, session)] == ["之后的卡片"]


def open_project_again(path):
    from workspace.project import open_project

    return open_project(path)
