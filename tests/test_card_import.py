"""Cards imported from Excel and CSV sheets: columns by header, inline tags, every row checked first."""

from __future__ import annotations

import openpyxl
import pytest

from workshop.card_import import cards_from_rows, import_cards
from workshop.cards import Place, add_line, create_cluster, list_cards, list_clusters, move_cards
from workshop.store import ParticipantRecord, add_participants, create_session
from workspace.catalogue import retire_scenario
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


def workbook(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv_file(path, lines, encoding):
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def dump(project):
    conn = project.db.conn
    return (conn.execute("SELECT * FROM cards ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM clusters ORDER BY id").fetchall())


def fields(card, clusters):
    titles = {c.id: c.title for c in clusters}
    return (card.text, card.kind, card.author, card.department, card.stakeholder_group, card.scenario_code,
            card.tags, titles.get(card.cluster_id))


def test_an_excel_sheet_becomes_cards_field_by_field(project, session, tmp_path):
    earlier = add_line(project, session, "已有的卡片")
    existing = create_cluster(project, session, "既有分组", [add_line(project, session, "分组里的卡片")])
    path = workbook(tmp_path / "cards.xlsx", [
        ["序号", "卡片内容", "类型", "提出人", "部门", "场景", "标签", "分组"],
        [1, "早高峰信号灯配时不合理", "痛点", "张伟", None, "traffic_congestion", "信号灯，早高峰", None],
        [2, "@李娜 #创意 路口设潮汐车道 #潮汐", None, None, None, None, None, "潮汐车道"],
        [None] * 8,
        [4, "#风险 数据口径不统一", None, None, "城管局", None, "数据; 口径、标准 , 数据", "潮汐车道"],
        [5, "@张伟 #痛点 停车位难找 #停车", "建议", "王强", None, None, "泊位", None],
        [6, "公交专用道延长", None, None, "交通局", None, None, "既有分组"],
        [7, "希望公交到站更准", "RISK", "@王强", "交通局", None, None, None],
    ])
    assert import_cards(project, session, path) == 6

    cards = list_cards(project, session)
    clusters = list_clusters(project, session)
    assert [c.title for c in clusters] == ["既有分组", "潮汐车道"]  # reused once, created once
    by_text = {c.text: c for c in cards}
    assert fields(by_text["早高峰信号灯配时不合理"], clusters) == (
        "早高峰信号灯配时不合理", "pain", "张伟", "交通局", "department", "traffic_congestion", ("信号灯", "早高峰"), None)
    # inline tags in the content cell, nothing in the columns
    assert fields(by_text["路口设潮汐车道"], clusters) == (
        "路口设潮汐车道", "idea", "李娜", "交通局", "department", None, ("潮汐",), "潮汐车道")
    # a department instead of a person; tags split on ; 、 , and kept once
    assert fields(by_text["数据口径不统一"], clusters) == (
        "数据口径不统一", "risk", "", "城管局", None, None, ("数据", "口径", "标准"), "潮汐车道")
    # the columns win over the inline kind, author and tags
    assert fields(by_text["停车位难找"], clusters) == (
        "停车位难找", "idea", "王强", "公交集团", "enterprise", None, ("泊位",), None)
    # a department column: its group is the one its participants share; the default kind
    assert fields(by_text["公交专用道延长"], clusters) == (
        "公交专用道延长", "need", "", "交通局", "department", None, (), "既有分组")
    # the author column wins over the department column; kinds in any case
    assert fields(by_text["希望公交到站更准"], clusters) == (
        "希望公交到站更准", "risk", "王强", "公交集团", "enterprise", None, (), None)

    # file order, at the end of each place, after what was there
    unassigned = [c.text for c in cards if c.scenario_code is None and c.cluster_id is None]
    assert unassigned == ["已有的卡片", "停车位难找", "希望公交到站更准"]
    assert [c.text for c in cards if c.cluster_id == existing] == ["分组里的卡片", "公交专用道延长"]
    assert [c.text for c in cards if c.cluster_id == clusters[1].id] == ["路口设潮汐车道", "数据口径不统一"]
    rows = project.db.conn.execute("SELECT uuid, created_at FROM cards WHERE id != ?", [earlier]).fetchall()
    assert len({uuid for uuid, _ in rows}) == len(rows) and all(created for _, created in rows)


def test_utf8_bom_csv_with_english_headers_and_scenarios_by_name(project, session, tmp_path):
    path = csv_file(tmp_path / "cards.csv", [
        "TEXT,Type,Author,Scenario,Tags",
        "停车难,pain,张伟,智慧停车,停车 泊位",
        "车位信息不透明,Need,,smart PARKING,",
        ",,,,",
        "",
        "拥堵路段多,idea,交通局,TRAFFIC_CONGESTION,",
        "挂号排队长,risk,,  预约挂号与分时就诊 ,",
    ], "utf-8-sig")
    assert import_cards(project, session, path) == 4
    cards = {c.text: c for c in list_cards(project, session)}
    assert len(cards) == 4  # the blank lines were skipped
    assert fields(cards["停车难"], []) == ("停车难", "pain", "张伟", "交通局", "department", "traffic_parking",
                                           ("停车", "泊位"), None)
    assert (cards["车位信息不透明"].kind, cards["车位信息不透明"].scenario_code) == ("need", "traffic_parking")
    assert (cards["拥堵路段多"].scenario_code, cards["拥堵路段多"].department) == ("traffic_congestion", "交通局")
    assert cards["挂号排队长"].scenario_code == "health_appointment"
    assert [c.text for c in list_cards(project, session) if c.scenario_code == "traffic_parking"] == [
        "停车难", "车位信息不透明"]


def test_gbk_csv_with_chinese_aliases_and_default_kind(project, session, tmp_path):
    path = csv_file(tmp_path / "意见.csv", [
        "意见,卡片类型,姓名,单位,应用场景",
        "老旧小区没有充电桩,问题,,住建局,",
        "建议推广错峰停车,,李娜,,拥堵治理与信号灯优化",
        "数据共享可能泄露隐私,隐患,王强,,",
        "可以用小程序预约,想法,,,",
    ], "gbk")
    assert import_cards(project, session, path, default_kind="idea") == 4
    cards = {c.text: c for c in list_cards(project, session)}
    assert fields(cards["老旧小区没有充电桩"], []) == ("老旧小区没有充电桩", "pain", "", "住建局", None, None, (), None)
    assert fields(cards["建议推广错峰停车"], []) == ("建议推广错峰停车", "idea", "李娜", "交通局", "department",
                                                    "traffic_congestion", (), None)
    assert (cards["数据共享可能泄露隐私"].kind, cards["数据共享可能泄露隐私"].stakeholder_group) == ("risk", "enterprise")
    assert cards["可以用小程序预约"].kind == "idea"


def test_one_bad_row_changes_nothing_and_every_problem_is_named(project, session, tmp_path):
    add_line(project, session, "已有的卡片")
    move_cards(project, [add_line(project, session, "场景下的卡片")], Place(scenario_code="traffic_parking"))
    before = dump(project)
    path = workbook(tmp_path / "bad.xlsx", [
        ["内容", "类型", "作者", "场景", "分组"],
        ["好的一行", "需求", "张伟", None, "新分组"],
        ["第二行", "紧急", None, None, None],
        [None, None, None, None, None],
        ["第四行", None, None, "火星基地", None],
        [None, "痛点", "王强", None, None],
        ["#痛点 @张伟", None, None, None, None],
        ["又一行", "pain", None, "traffic_parking", "新分组"],
    ])
    with pytest.raises(ValidationError) as info:
        import_cards(project, session, path)
    assert dump(project) == before  # no card, no cluster
    zh, en = str(info.value), info.value.text("en")
    assert "bad.xlsx" in zh and "有 5 处问题" in zh
    assert "第 3 行“类型”：“紧急”" in zh
    assert "第 5 行“场景”：“火星基地”" in zh
    assert "第 6 行“内容”：为空" in zh and "row 6, column '内容': empty" in en
    assert "第 7 行“内容”：“#痛点 @张伟”只有标签" in zh
    assert "第 8 行“分组”：“新分组”" in zh
    assert "第 4 行" not in zh  # the blank row is no problem
    assert "row 3, column '类型': '紧急' is not a card kind" in en and "row 5, column '场景': '火星基地'" in en


def test_gbk_csv_problems_use_the_file_row_numbers(project, session, tmp_path):
    path = csv_file(tmp_path / "cards.csv", ["内容,类型", "第一条,需求", "", "第二条,投诉"], "gbk")
    with pytest.raises(ValidationError) as info:
        import_cards(project, session, path)
    assert "第 4 行“类型”：“投诉”" in str(info.value)
    assert list_cards(project, session) == []


def test_retired_ambiguous_and_too_many_problems(project, session):
    retire_scenario(project, "traffic_parking")
    with pytest.raises(ValidationError) as info:
        cards_from_rows(project, session, ["内容", "场景"], [(2, ["停车难", "智慧停车"])])
    assert "已停用" in str(info.value) and "retired" in info.value.text("en")

    rows = [(n, [f"卡片{n}", "不知道"]) for n in range(2, 27)]
    with pytest.raises(ValidationError) as info:
        cards_from_rows(project, session, ["内容", "类型"], rows, where="x.xlsx：")
    zh, en = str(info.value), info.value.text("en")
    assert "有 25 处问题" in zh and "第 21 行" in zh and "第 22 行" not in zh and "… 另有 5 处" in zh
    assert "25 problems" in en and "… 5 more" in en


def test_rows_are_read_without_writing_and_kinds_take_the_capture_words(project, session):
    before = dump(project)
    cards = cards_from_rows(project, session, ["Content", "Kind", "Tags"], [
        (2, ["一", "问题", ""]), (3, ["", "", ""]), (4, ["二", "建议", "#甲 #乙"]), (5, ["三", "想法", ""]),
        (6, ["四", "隐患", ""]), (7, ["五 #痛点", "", ""]), (8, ["六", "", ""]), (9, ["七"])])
    assert dump(project) == before
    assert [(c.row, c.text, c.kind) for c in cards] == [
        (2, "一", "pain"), (4, "二", "idea"), (5, "三", "idea"), (6, "四", "risk"), (7, "五", "pain"),
        (8, "六", None), (9, "七", None)]
    assert cards[1].tags == ("甲", "乙")


def test_a_sheet_without_a_content_column_names_its_headers(project, session, tmp_path):
    path = workbook(tmp_path / "people.xlsx", [["姓名", "部门"], ["张伟", "交通局"]])
    with pytest.raises(ValidationError) as info:
        import_cards(project, session, path)
    assert "people.xlsx" in str(info.value) and "姓名、部门" in str(info.value)
    assert "姓名, 部门" in info.value.text("en")
    with pytest.raises(ValidationError):
        import_cards(project, session, path, default_kind="complaint")
    assert list_cards(project, session) == []
