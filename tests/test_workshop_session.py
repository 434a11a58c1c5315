"""A session read in one go, and read again after an action by just the parts it changed."""

from __future__ import annotations

import pytest

from workshop import cards, records, scoring, store, swot
from workshop.history import History
from workshop.session import SOURCES, SessionCache, SessionState, load_session
from workshop.store import ParticipantRecord, add_participants, create_session


@pytest.fixture
def session(project):
    session_id = create_session(project, "综合研讨会", held_on="2026-11-20")
    add_participants(project, session_id, [
        ParticipantRecord("张伟", "交通局", stakeholder_group="department"),
        ParticipantRecord("赵敏", "社区居民", stakeholder_group="citizen"),
    ])
    return session_id


def test_every_part_of_the_state_names_the_tables_it_reads():
    assert set(SOURCES) == {f for f in SessionState.__dataclass_fields__}


def test_the_state_holds_what_the_file_holds(project, session):
    card = cards.add_line(project, session, "@张伟 #痛点 路口拥堵 #信号灯")
    swot.add_item(project, session, "S", card_id=card, scenario_code="traffic_congestion")
    round_id = scoring.create_round(project, session, "评分", ["traffic_congestion"])
    zhang = store.participants(project, session)[0].id
    scoring.set_score(project, round_id, zhang, "traffic_congestion", "value", 4)
    records.add_action(project, session, "梳理路口", owner_department="交通局")
    state = load_session(project, session)
    assert state.info.title == "综合研讨会" and [p.name for p in state.people] == ["张伟", "赵敏"]
    assert [c.text for c in state.cards] == ["路口拥堵"] and state.words.tags == ("信号灯",)
    assert state.swot["traffic_congestion"]["S"][0].card_id == card
    assert state.round(round_id).entries == {(zhang, "traffic_congestion", "value"): 4}
    assert state.round(round_id).results.scenarios[0].stats["value"].mean == 4
    assert [a.text for a in state.actions] == ["梳理路口"]
    assert state.scenario("traffic_congestion") is not None and state.domains


ACTIONS = [
    ("添加卡片", lambda p, s, ids: ids.setdefault("card", cards.add_line(p, s, "@赵敏 #需求 公交到站准点"))),
    ("改卡片", lambda p, s, ids: cards.edit_card(p, ids["card"], text="公交准点率提高")),
    ("分组", lambda p, s, ids: ids.setdefault("cluster", cards.create_cluster(p, s, "出行", [ids["card"]]))),
    ("SWOT", lambda p, s, ids: swot.add_item(p, s, "O", card_id=ids["card"])),
    ("评分轮", lambda p, s, ids: ids.setdefault("round", scoring.create_round(p, s, "评分", ["traffic_congestion"]))),
    ("打分", lambda p, s, ids: scoring.set_score(p, ids["round"], store.participants(p, s)[1].id,
                                               "traffic_congestion", "urgency", 5)),
    ("改相关方", lambda p, s, ids: store.update_participant(p, store.participants(p, s)[1].id,
                                                        stakeholder_group="enterprise")),
    ("删参会者", lambda p, s, ids: store.delete_participant(p, store.participants(p, s)[0].id)),
    ("议程", lambda p, s, ids: store.add_agenda_item(p, s, "开场", 10)),
    ("决议", lambda p, s, ids: records.add_decision(p, s, "先做公交")),
    ("删卡片", lambda p, s, ids: cards.delete_cards(p, [ids["card"]])),
    ("改标题", lambda p, s, ids: store.update_session(p, s, title="新标题")),
]


def test_reading_only_what_an_action_changed_gives_the_same_state_as_reading_everything(project, session):
    history = History(project)
    cache = SessionCache()
    cache.load(project, session)
    ids: dict = {}
    for label, action in ACTIONS:
        with history.step(label):
            action(project, session, ids)
        cache.note(history.touched)
        assert cache.load(project, session) == load_session(project, session), label
    for _ in ACTIONS:  # and back again, undo by undo
        label = history.undo()
        cache.note(history.touched)
        assert cache.load(project, session) == load_session(project, session), f"undo {label}"


def test_an_action_that_changes_nothing_reads_nothing(project, session):
    history = History(project)
    cache = SessionCache()
    first = cache.load(project, session)
    with history.step("什么也没做"):
        pass
    cache.note(history.touched)
    assert history.touched == frozenset() and cache.load(project, session) is first
