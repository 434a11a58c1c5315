"""SWOT boards, scoring rounds (scores, dots, MoSCoW) with their aggregates, decisions, actions, conflicts."""

from __future__ import annotations

import pytest

from workshop.cards import add_line, delete_cards, edit_card
from workshop.records import actions, add_action, add_conflict, add_decision, conflicts, decisions, update_action
from workshop.scoring import Criterion, create_round, entries, results, set_dots, set_moscow, set_participant, set_score
from workshop.store import ParticipantRecord, add_participants, create_session, participants
from workshop.suggest import KeywordClassifier, accept, suggest_for_unassigned
from workshop.swot import add_item, board, boards_in_use, delete_item, edit_item, move_item
from workspace.errors import ValidationError

SHORTLIST = ["traffic_congestion", "health_appointment", "gov_one_network"]


@pytest.fixture
def session(project):
    session_id = create_session(project, "跨部门研讨会")
    add_participants(project, session_id, [
        ParticipantRecord("张伟", "交通局", stakeholder_group="department"),
        ParticipantRecord("李娜", "卫健委", stakeholder_group="department"),
        ParticipantRecord("王强", "公交集团", stakeholder_group="enterprise"),
        ParticipantRecord("赵敏", "社区居民", stakeholder_group="citizen"),
    ])
    return session_id


def people(project, session):
    return {p.name: p.id for p in participants(project, session)}


def test_swot_items_typed_or_linked_to_cards(project, session):
    card = add_line(project, session, "@张伟 信号灯联网率已达八成")
    add_item(project, session, "S", card_id=card, scenario_code="traffic_congestion")
    typed = add_item(project, session, "T", text="财政资金紧张", scenario_code="traffic_congestion")
    add_item(project, session, "O", text="省级智慧城市试点")  # the city-wide board
    quadrants = board(project, session, "traffic_congestion")
    assert [(i.text, i.author) for i in quadrants["S"]] == [("信号灯联网率已达八成", "张伟")]
    edit_card(project, card, text="信号灯联网率已达 85%")  # linked, not copied
    assert board(project, session, "traffic_congestion")["S"][0].text == "信号灯联网率已达 85%"
    move_item(project, typed, "W")
    assert [i.text for i in board(project, session, "traffic_congestion")["W"]] == ["财政资金紧张"]
    edit_item(project, typed, "财政资金紧张，需分期建设")
    assert boards_in_use(project, session) == [None, "traffic_congestion"]
    delete_cards(project, [card])  # the linked item goes with its card
    assert board(project, session, "traffic_congestion")["S"] == []
    delete_item(project, typed)
    assert board(project, session, "traffic_congestion")["W"] == []
    with pytest.raises(ValidationError):
        add_item(project, session, "X", text="?")


def test_scores_give_means_spread_groups_quadrants_and_disagreements(project, session):
    ids = people(project, session)
    round_id = create_round(project, session, "第一轮", SHORTLIST)
    grid = {  # person → scenario → (value, urgency, feasibility)
        "张伟": {"traffic_congestion": (5, 5, 4), "health_appointment": (4, 2, 4), "gov_one_network": (2, 2, 3)},
        "李娜": {"traffic_congestion": (5, 4, 3), "health_appointment": (4, 2, 5), "gov_one_network": (2, 1, 3)},
        "王强": {"traffic_congestion": (4, 5, 2), "health_appointment": (4, 3, 4), "gov_one_network": (4, 4, 4)},
        "赵敏": {"traffic_congestion": (2, 4, 3), "health_appointment": (3, 2, 4), "gov_one_network": (2, 3, 2)},
    }
    for person, row in grid.items():
        for code, values in row.items():
            for criterion, value in zip(("value", "urgency", "feasibility"), values):
                set_score(project, round_id, ids[person], code, criterion, value)
    outcome = results(project, round_id)
    assert outcome.participants == 4
    traffic, health, gov = outcome.scenarios
    assert traffic.stats["value"].mean == pytest.approx(4.0) and traffic.stats["value"].n == 4
    assert traffic.stats["value"].sd == pytest.approx(1.2247, abs=1e-4)
    assert traffic.total == pytest.approx((4.0 + 4.5 + 3.0) / 3)
    assert (traffic.quadrant, health.quadrant, gov.quadrant) == ("do_first", "plan", "later")
    assert traffic.by_group["department"]["value"] == 5.0 and traffic.by_group["citizen"]["value"] == 2.0
    assert ("value", "department", "citizen", 3.0) in traffic.disagreements
    assert not any(d[0] == "value" for d in health.disagreements)  # 4.0 vs 4.0 vs 3.0: within 1 point
    set_score(project, round_id, ids["赵敏"], "traffic_congestion", "value", None)  # cleared
    assert results(project, round_id).scenarios[0].stats["value"].n == 3
    with pytest.raises(ValidationError):
        set_score(project, round_id, ids["张伟"], "traffic_congestion", "value", 6)
    with pytest.raises(ValidationError):
        set_score(project, round_id, ids["张伟"], "env_waste", "value", 3)  # not shortlisted


def test_custom_criteria_and_weights(project, session):
    ids = people(project, session)
    round_id = create_round(project, session, "加权", SHORTLIST[:1],
                            criteria=(Criterion("value", "价值", 1, 10, 2.0), Criterion("cost", "成本", 1, 10, 1.0)))
    set_score(project, round_id, ids["张伟"], SHORTLIST[0], "value", 9)
    set_score(project, round_id, ids["张伟"], SHORTLIST[0], "cost", 3)
    assert results(project, round_id).scenarios[0].total == pytest.approx((2 * 9 + 3) / 3)
    with pytest.raises(ValidationError):
        create_round(project, session, "坏", SHORTLIST, criteria=(Criterion("v", "价值", 5, 1),))


def test_dot_votes_respect_the_budget_and_stacking(project, session):
    ids = people(project, session)
    round_id = create_round(project, session, "投票", SHORTLIST, method="dots", dots=3)
    set_dots(project, round_id, ids["张伟"], "traffic_congestion", 2)
    set_dots(project, round_id, ids["张伟"], "gov_one_network", 1)
    with pytest.raises(ValidationError, match="3 个投票点"):
        set_dots(project, round_id, ids["张伟"], "health_appointment", 1)
    set_dots(project, round_id, ids["赵敏"], "traffic_congestion", 3)
    traffic = results(project, round_id).scenarios[0]
    assert traffic.total == 5 and traffic.by_group == {"department": {"dots": 2}, "citizen": {"dots": 3}}
    single = create_round(project, session, "不可叠加", SHORTLIST, method="dots", dots=2, stacking=False)
    with pytest.raises(ValidationError, match="最多投 1 点"):
        set_dots(project, single, ids["张伟"], "traffic_congestion", 2)


def test_moscow_counts_and_consensus(project, session):
    ids = people(project, session)
    round_id = create_round(project, session, "MoSCoW", SHORTLIST[:1], method="moscow")
    for person, category in [("张伟", "M"), ("李娜", "S"), ("王强", "M"), ("赵敏", "S")]:
        set_moscow(project, round_id, ids[person], SHORTLIST[0], category)
    result = results(project, round_id).scenarios[0]
    assert result.counts == {"M": 2, "S": 2, "C": 0, "W": 0}
    assert result.consensus == "M"  # a tie goes to the higher priority
    assert result.by_group["department"] == {"M": 1, "S": 1}


def test_decisions_actions_and_conflicts(project, session):
    add_decision(project, session, "信号灯配时优化列为一期项目", scenario_code="traffic_congestion")
    action = add_action(project, session, "两周内提交路口数据清单", owner_department="交通局", due_on="2026-12-08")
    update_action(project, action, status="doing")
    add_conflict(project, session, "企业与市民对停车收费看法相反", groups=["enterprise", "citizen"])
    assert [d.text for d in decisions(project, session)] == ["信号灯配时优化列为一期项目"]
    assert actions(project, session)[0].status == "doing"
    assert conflicts(project, session)[0].groups == ("enterprise", "citizen")
    with pytest.raises(ValidationError):
        add_action(project, session, "x", due_on="下周")
    with pytest.raises(ValidationError):
        update_action(project, action, status="later")


def test_keyword_suggestions_for_unassigned_cards(project, session):
    jam = add_line(project, session, "早高峰主干道拥堵严重，信号灯配时不合理")
    add_line(project, session, "今天天气不错")
    suggestions = suggest_for_unassigned(project, session)
    assert list(suggestions) == [jam] and suggestions[jam].code == "traffic_congestion"
    assert suggestions[jam].why
    assert accept(project, suggestions) == 1
    assert suggest_for_unassigned(project, session) == {}
    classifier = KeywordClassifier({"a": ["停车"], "b": ["智慧停车"]})
    assert classifier.suggest(["建设智慧停车平台"])[0].code == "b"


def test_one_participant_enters_a_whole_round_at_once(project, session):
    zhang = people(project, session)["张伟"]
    scores = create_round(project, session, "评分", SHORTLIST)
    set_participant(project, scores, zhang, {("traffic_congestion", "value"): 5, ("health_appointment", "urgency"): 2})
    assert entries(project, scores) == {(zhang, "traffic_congestion", "value"): 5, (zhang, "health_appointment", "urgency"): 2}
    dots = create_round(project, session, "投票", SHORTLIST, method="dots", dots=3)
    set_participant(project, dots, zhang, {("traffic_congestion", "dots"): 3})
    # moving all three dots elsewhere in one go does not trip the limit half-way
    set_participant(project, dots, zhang, {("traffic_congestion", "dots"): 0, ("gov_one_network", "dots"): 3})
    assert entries(project, dots) == {(zhang, "gov_one_network", "dots"): 3}
    with pytest.raises(ValidationError):
        set_participant(project, dots, zhang, {("traffic_congestion", "dots"): 2, ("gov_one_network", "dots"): 2})
    assert entries(project, dots) == {(zhang, "gov_one_network", "dots"): 3}  # refused as a whole
    moscow = create_round(project, session, "MoSCoW", SHORTLIST, method="moscow")
    set_participant(project, moscow, zhang, {("traffic_congestion", "moscow"): "M", ("gov_one_network", "moscow"): "W"})
    assert entries(project, moscow) == {(zhang, "traffic_congestion", "moscow"): 1, (zhang, "gov_one_network", "moscow"): 4}
