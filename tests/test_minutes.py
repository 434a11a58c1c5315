"""`huizhi workshop list/export`: the minutes workbook, read back and checked cell by cell against the file."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import openpyxl
import pytest
from conftest import run_cli

from workshop.cards import Place, add_lines, create_cluster, move_cards
from workshop.records import add_action, add_conflict, add_decision
from workshop.scoring import create_round, set_dots, set_moscow, set_score
from workshop.store import add_agenda_item, create_session, participants, paste_people
from workshop.swot import add_item
from workspace.project import create_project

SHORTLIST = ["traffic_congestion", "health_appointment"]


@pytest.fixture
def workshop_file(tmp_path):
    path = tmp_path / "ws.huizhi"
    with create_project(path) as project:
        session = create_session(project, "交通与医疗专题研讨会", held_on="2026-11-20", place="市民中心", facilitator="周慧")
        add_agenda_item(project, session, "痛点收集", 40)
        paste_people(project, session, "张伟,交通局,部门,科长\n王强,公交集团,企业\n赵敏,社区居民,市民")
        ids = {p.name: p.id for p in participants(project, session)}
        cards = add_lines(project, session, ["@张伟 #痛点 路口拥堵 #早高峰", "@王强 #创意 公交优先信号", "@赵敏 挂号难",
                                             "@卫健委 #风险 数据共享不足"])
        move_cards(project, cards[:2], Place(scenario_code="traffic_congestion"))
        create_cluster(project, session, "数据治理", [cards[3]])
        add_item(project, session, "S", card_id=cards[0], scenario_code="traffic_congestion")
        add_item(project, session, "T", text="财政紧张")
        scores = create_round(project, session, "第一轮评分", SHORTLIST)
        for person, (value, urgency) in {"张伟": (5, 4), "王强": (4, 4), "赵敏": (2, 5)}.items():
            set_score(project, scores, ids[person], "traffic_congestion", "value", value)
            set_score(project, scores, ids[person], "traffic_congestion", "urgency", urgency)
        dots = create_round(project, session, "投票", SHORTLIST, method="dots", dots=3)
        set_dots(project, dots, ids["张伟"], "health_appointment", 2)
        moscow = create_round(project, session, "MoSCoW", SHORTLIST, method="moscow")
        set_moscow(project, moscow, ids["赵敏"], "health_appointment", "M")
        add_decision(project, session, "拥堵治理列为一期", scenario_code="traffic_congestion")
        add_action(project, session, "提交路口数据", owner_department="交通局", due_on="2026-12-08")
        add_conflict(project, session, "停车收费分歧", groups=["enterprise", "citizen"])
    return path


def sheet_rows(book, title):
    return [list(row) for row in book[title].iter_rows(values_only=True)]


def test_minutes_workbook_matches_the_database(workshop_file, tmp_path, capsys):
    out = tmp_path / "minutes.xlsx"
    assert run_cli("workshop", "export", str(workshop_file), "--session", "1", str(out)) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["概况", "参会者", "卡片", "SWOT", "评分原始", "评分汇总", "投票", "决议", "行动", "利益冲突"]
    with closing(sqlite3.connect(workshop_file)) as conn:
        overview = dict(sheet_rows(book, "概况")[1:])
        assert overview["研讨会"] == "交通与医疗专题研讨会" and overview["参会人数"] == 3 and overview["卡片数"] == 4
        assert overview["议程 1"] == "痛点收集（40 分钟）" and overview["涉及场景数"] == 1

        people = conn.execute("SELECT p.name, p.department, p.organisation, g.name_zh, p.role FROM participants p "
                              "LEFT JOIN stakeholder_groups g ON g.code = p.stakeholder_group ORDER BY p.id").fetchall()
        assert [tuple((c or "") for c in row[:5]) for row in sheet_rows(book, "参会者")[1:]] == \
            [tuple(c or "" for c in row) for row in people]

        cards = conn.execute(
            "SELECT c.id, c.text, c.kind, COALESCE(p.name, ''), c.department, COALESCE(g.name_zh, ''), "
            "COALESCE(s.name_zh, ''), COALESCE(k.title, ''), c.tags FROM cards c "
            "LEFT JOIN participants p ON p.id = c.participant_id LEFT JOIN stakeholder_groups g ON g.code = c.stakeholder_group "
            "LEFT JOIN scenarios s ON s.code = c.scenario_code LEFT JOIN clusters k ON k.id = c.cluster_id ORDER BY c.id").fetchall()
        kinds = {"pain": "痛点", "need": "需求", "idea": "创意", "risk": "风险"}
        expected = [[i, text, kinds[kind], who, dept, group, scenario, cluster, "、".join(json.loads(tags))]
                    for i, text, kind, who, dept, group, scenario, cluster, tags in cards]
        assert [[c if c is not None else "" for c in row] for row in sheet_rows(book, "卡片")[1:]] == expected
        assert expected[0][6] and expected[0][6] != "traffic_congestion"  # a scenario's name, not its code
        assert expected[3][7] == "数据治理" and expected[3][4] == "卫健委"

        swot = sheet_rows(book, "SWOT")[1:]
        assert swot == [["全市总体", "威胁", "财政紧张", "手写", None],
                        [expected[0][6], "优势", "路口拥堵", f"卡片 {cards[0][0]}", "张伟"]]

        raw = sheet_rows(book, "评分原始")[1:]
        stored = conn.execute("SELECT COUNT(*) FROM scores").fetchone()[0]
        assert len(raw) == stored == 8
        assert ["MoSCoW", "MoSCoW", "赵敏", "社区居民", "市民", raw[-1][5], "MoSCoW", "必须有"] == raw[-1]

        summary = sheet_rows(book, "评分汇总")[1:]
        everyone = next(r for r in summary if r[2] == "价值" and r[3] == "全体")
        assert everyone[4:8] == [pytest.approx(11 / 3, abs=0.01), pytest.approx(1.25, abs=0.01), 3,
                                 pytest.approx((11 / 3 + 13 / 3) / 2, abs=0.01)]
        assert everyone[8] == "优先实施" and "部门高于市民 3.0 分" in everyone[9]
        by_group = {r[3]: r[4] for r in summary if r[2] == "价值" and r[3] != "全体"}
        assert by_group == {"部门": 5, "企业": 4, "市民": 2}

        votes = sheet_rows(book, "投票")[1:]
        assert ["投票", "投票点", votes[2][2], "全体", 2, None, None, None, None, None] in votes
        moscow_all = next(r for r in votes if r[0] == "MoSCoW" and r[3] == "全体" and r[5] == 1)
        assert moscow_all[5:10] == [1, 0, 0, 0, "必须有"]

        assert sheet_rows(book, "决议")[1:] == [[1, "拥堵治理列为一期", expected[0][6]]]
        assert sheet_rows(book, "行动")[1:] == [[1, "提交路口数据", "交通局", "2026-12-08", "未开始"]]
        assert sheet_rows(book, "利益冲突")[1:] == [[1, "停车收费分歧", None, "企业、市民"]]


def test_workshop_list_json_shape(workshop_file, capsys):
    assert run_cli("workshop", "list", str(workshop_file), "--json") == 0
    (session,) = json.loads(capsys.readouterr().out)
    assert {k: session[k] for k in ("id", "title", "date", "participants", "cards", "scenarios")} == {
        "id": 1, "title": "交通与医疗专题研讨会", "date": "2026-11-20", "participants": 3, "cards": 4, "scenarios": 1}
    assert session["rounds"] == 3 and session["clusters"] == 1


def test_export_of_a_missing_session_fails_cleanly(workshop_file, tmp_path, capsys):
    assert run_cli("workshop", "export", str(workshop_file), "--session", "7", str(tmp_path / "x.xlsx")) == 2
    assert "没有这场研讨会" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
