"""The demo project: realistic sizes, varied Chinese answers, reproducible, all or nothing."""

from __future__ import annotations

import json
from collections import Counter

import pytest

import resources
from analysis.demo import department_responses_for, generate_demo
from survey.store import iter_responses, list_surveys
from workshop import records, scoring, swot
from workshop.cards import get_card, list_cards, list_clusters
from workshop.store import agenda, list_sessions, participants, session_counts
from workspace import Cancelled, ProjectError, open_project
from workspace.catalogue import list_scenarios


def test_demo_has_the_promised_content(demo_file):
    with open_project(demo_file) as project:
        surveys = {s.code: s for s in list_surveys(project)}
        assert surveys["linjiang_citizen_2026"].responses >= 500
        assert surveys["linjiang_department_2026"].responses >= 40
        (session,) = list_sessions(project)
        assert session.participants >= 20
        assert session.departments >= 6
        assert session.cards >= 80
        groups = dict(
            project.db.conn.execute("SELECT stakeholder_group, COUNT(*) FROM responses GROUP BY 1").fetchall()
        )
        assert set(groups) == {"citizen", "department", "enterprise", "partner"}
        assert groups["citizen"] > groups["enterprise"] > groups["partner"]


def _workshop_bank() -> dict:
    return json.loads(resources.path("demo", "phrases.json").read_text("utf-8"))["workshop"]


def _card_counts(project, session_id) -> Counter:
    return Counter(c.scenario_code for c in list_cards(project, session_id) if c.scenario_code)


def test_workshop_has_agenda_attendance_and_a_sorted_board(demo_file):
    with open_project(demo_file) as project:
        (session,) = list_sessions(project)
        items = agenda(project, session.id)
        assert 6 <= len(items) <= 7
        assert all(item.planned_minutes > 0 for item in items)
        assert [i.position for i in items] == list(range(1, len(items) + 1))
        assert 90 <= sum(i.planned_minutes for i in items) <= 240

        people = participants(project, session.id)
        away = [p for p in people if not p.attended]
        assert 1 <= len(away) <= 2
        assert {p.stakeholder_group for p in people if p.attended} == {"citizen", "department", "enterprise", "partner"}
        cards = list_cards(project, session.id)
        assert not [c for c in cards if c.participant_id in {p.id for p in away}], "an absentee wrote cards"

        clusters = list_clusters(project, session.id)
        bank = {c["title"]: c for c in _workshop_bank()["clusters"]}
        assert [c.title for c in clusters] == ["数据共享与打通", "适老与便民"]
        for cluster in clusters:
            inside = [c for c in cards if c.cluster_id == cluster.id]
            assert 3 <= len(inside) <= 6
            assert all(c.scenario_code is None for c in inside)
            words = bank[cluster.title]["words"] + bank[cluster.title]["also"]
            assert all(any(w in c.text for w in words) for c in inside), [c.text for c in inside]
        assert sum(1 for c in cards if c.scenario_code is None and c.cluster_id is None) >= 10, "none left unassigned"
        assert sum(1 for c in cards if c.scenario_code) > len(cards) / 2


def test_workshop_swot_boards(demo_file):
    with open_project(demo_file) as project:
        (session,) = list_sessions(project)
        boards = swot.boards_in_use(project, session.id)
        assert boards[0] is None and 2 <= len(boards) - 1 <= 3
        city = swot.board(project, session.id, None)
        assert all(3 <= len(city[q]) <= 4 for q in swot.QUADRANTS)
        assert all(item.card_id is None and item.text for q in city.values() for item in q)
        counts = _card_counts(project, session.id)
        sixth = sorted(counts.values(), reverse=True)[5]
        for code in boards[1:]:
            assert counts[code] >= sixth, "a board for a scenario with few cards"
            quadrants = swot.board(project, session.id, code)
            assert all(2 <= len(quadrants[q]) <= 3 for q in swot.QUADRANTS)
            items = [item for q in quadrants.values() for item in q]
            linked = [item for item in items if item.card_id is not None]
            assert linked and len(linked) < len(items), "a scenario board mixes cards and typed items"
            for item in linked:
                card = get_card(project, item.card_id)
                assert card.scenario_code == code and item.text == card.text and item.author
            assert all(item.text for item in items)


def test_workshop_scoring_rounds_are_complete_and_coherent(demo_file):
    with open_project(demo_file) as project:
        (session,) = list_sessions(project)
        attended = {p.id: p.stakeholder_group for p in participants(project, session.id) if p.attended}
        rounds = scoring.list_rounds(project, session.id)
        assert [r.method for r in rounds] == ["scores", "dots", "moscow"]
        shortlist = rounds[0].scenarios
        assert len(shortlist) == 8 and all(r.scenarios == shortlist for r in rounds)
        counts = _card_counts(project, session.id)
        assert min(counts[c] for c in shortlist) >= max(n for c, n in counts.items() if c not in shortlist)
        assert rounds[0].title == "场景价值与紧迫性评分"
        assert [c.code for c in rounds[0].criteria] == ["value", "urgency", "feasibility"]

        given = scoring.entries(project, rounds[0].id)
        assert {p for p, _, _ in given} == set(attended), "every attended participant scores, nobody else"
        assert len(given) == len(attended) * len(shortlist) * 3
        assert all(v == int(v) and 1 <= v <= 5 for v in given.values())

        outcome = scoring.results(project, rounds[0].id)
        assert outcome.participants == len(attended)
        assert len({r.quadrant for r in outcome.scenarios}) >= 3
        split = [(r.code, d) for r in outcome.scenarios for d in r.disagreements]
        assert split and all(gap > scoring.DISAGREEMENT for _, (_, _, _, gap) in split)
        # Departments want shared data more than citizens do, who worry about their privacy.
        data = next(r for r in outcome.scenarios if r.code == "gov_data_sharing")
        assert data.by_group["department"]["value"] - data.by_group["citizen"]["value"] > scoring.DISAGREEMENT
        assert data.quadrant == "do_first"
        assert max(r.stats["value"].sd for r in outcome.scenarios) > 0.3, "scores have no spread"

        dots = scoring.entries(project, rounds[1].id)
        used = Counter()
        for (pid, _, _), value in dots.items():
            used[pid] += value
        assert rounds[1].dots == 5 and rounds[1].stacking
        assert used == Counter(dict.fromkeys(attended, 5))
        assert max(dots.values()) > 1, "nobody stacked dots"
        voted = scoring.results(project, rounds[1].id)
        assert sum(r.total for r in voted.scenarios) == 5 * len(attended)

        moscow = scoring.entries(project, rounds[2].id)
        assert len(moscow) == len(attended) * len(shortlist)
        sorted_ = scoring.results(project, rounds[2].id)
        assert len({r.consensus for r in sorted_.scenarios}) >= 2
        # MoSCoW follows the scores: the best-scored scenario gets more Musts than the worst.
        best = max(outcome.scenarios, key=lambda r: r.total).code
        worst = min(outcome.scenarios, key=lambda r: r.total).code
        musts = {r.code: r.counts["M"] for r in sorted_.scenarios}
        assert musts[best] > musts[worst]


def test_workshop_decisions_actions_and_conflicts(demo_file):
    with open_project(demo_file) as project:
        (session,) = list_sessions(project)
        codes = {s.code for s in list_scenarios(project)}
        shortlist = set(scoring.list_rounds(project, session.id)[0].scenarios)
        groups = {row[0] for row in project.db.conn.execute("SELECT code FROM stakeholder_groups")}
        departments = {p.department for p in participants(project, session.id) if p.department}

        decided = records.decisions(project, session.id)
        assert 3 <= len(decided) <= 4
        tied = [d for d in decided if d.scenario_code]
        assert 0 < len(tied) < len(decided) and {d.scenario_code for d in tied} <= shortlist
        names = {s.code: s.name.zh for s in list_scenarios(project)}
        assert all(names[d.scenario_code] in d.text for d in tied)

        todo = records.actions(project, session.id)
        assert 5 <= len(todo) <= 6
        assert {a.owner_department for a in todo} <= departments
        assert all("2026-11-01" <= a.due_on <= "2026-12-31" for a in todo)
        assert {a.status for a in todo} == set(records.ACTION_STATUSES)

        disputes = records.conflicts(project, session.id)
        assert 2 <= len(disputes) <= 3
        for conflict in disputes:
            assert len(conflict.groups) == 2 and set(conflict.groups) <= groups
            assert conflict.scenario_code in codes
        assert any(c.scenario_code in shortlist for c in disputes)

        texts = [d.text for d in decided] + [a.text for a in todo] + [c.text for c in disputes]
        texts += [i.text for b in swot.boards_in_use(project, session.id)
                  for q in swot.board(project, session.id, b).values() for i in q]
        assert not [t for t in texts if "{" in t or "}" in t or "。。" in t or "，。" in t]
        assert all(sum("\u4e00" <= ch <= "\u9fff" for ch in t) >= 5 for t in texts)

        (shown,) = session_counts(project)
        assert shown["clusters"] == 2 and shown["rounds"] == 3
        assert shown["decisions"] == len(decided) and shown["actions"] == len(todo)
        assert shown["attended"] == shown["participants"] - sum(1 for p in participants(project, session.id)
                                                                if not p.attended)


def test_same_seed_same_workshop(tmp_path):
    def board(path):
        with open_project(path) as project:
            conn = project.db.conn
            return [conn.execute(sql).fetchall() for sql in (
                "SELECT title, planned_minutes FROM agenda_items ORDER BY position",
                "SELECT name, attended FROM participants ORDER BY id",
                "SELECT c.text, c.scenario_code, k.title FROM cards c LEFT JOIN clusters k ON k.id = c.cluster_id "
                "ORDER BY c.id",
                "SELECT scenario_code, quadrant, text, card_id FROM swot_items ORDER BY id",
                "SELECT r.title, s.participant_id, s.scenario_code, s.criterion, s.value FROM scores s "
                "JOIN scoring_rounds r ON r.id = s.round_id ORDER BY 1, 2, 3, 4",
                "SELECT text, scenario_code FROM decisions ORDER BY id",
                "SELECT text, owner_department, due_on, status FROM actions ORDER BY id",
                "SELECT text, scenario_code, groups FROM interest_conflicts ORDER BY id",
            )]

    a = board(generate_demo(tmp_path / "a.huizhi", responses=30, seed=8))
    b = board(generate_demo(tmp_path / "b.huizhi", responses=30, seed=8))
    assert a == b and all(a)


def test_open_answers_are_varied_natural_chinese(demo_file):
    with open_project(demo_file) as project:
        citizen = next(s for s in list_surveys(project) if s.code == "linjiang_citizen_2026")
        pains = [r.answers["pain"] for r in iter_responses(project, citizen.id) if r.answers.get("pain")]
    assert len(pains) > 300
    assert len(set(pains)) / len(pains) > 0.95, "answers repeat"
    assert not [p for p in pains if "{" in p or "}" in p], "unfilled placeholder"
    assert not [p for p in pains if "。。" in p or "，，" in p or "，。" in p], "broken punctuation"
    assert all(sum("\u4e00" <= ch <= "\u9fff" for ch in p) >= 5 for p in pains)
    # Not one template: the first six characters vary widely, and lengths spread.
    openings = Counter(p[:6] for p in pains)
    assert openings.most_common(1)[0][1] < len(pains) * 0.05
    lengths = sorted(len(p) for p in pains)
    assert lengths[len(lengths) // 10] < lengths[len(lengths) * 9 // 10] - 15


def test_same_seed_same_project(tmp_path):
    a = generate_demo(tmp_path / "a.huizhi", responses=60, seed=5)
    b = generate_demo(tmp_path / "b.huizhi", responses=60, seed=5)
    rows = []
    for path in (a, b):
        with open_project(path) as project:
            rows.append(project.db.conn.execute("SELECT uuid FROM responses ORDER BY id").fetchall())
            rows.append(project.db.conn.execute("SELECT question, value FROM answers ORDER BY 1, 2").fetchall())
    assert rows[0] == rows[2] and rows[1] == rows[3]


def test_department_share_scales_with_size():
    assert department_responses_for(500) == 40
    assert department_responses_for(100_000) == 8_000
    assert department_responses_for(0) == 40


def test_refuses_to_overwrite(tmp_path):
    path = tmp_path / "x.huizhi"
    path.write_bytes(b"precious")
    with pytest.raises(ProjectError):
        generate_demo(path)
    assert path.read_bytes() == b"precious"


def test_cancel_leaves_no_file(tmp_path):
    def cancel_halfway(fraction, message):
        if fraction > 0.3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        generate_demo(tmp_path / "c.huizhi", responses=20_000, progress=cancel_halfway)
    assert list(tmp_path.iterdir()) == []
