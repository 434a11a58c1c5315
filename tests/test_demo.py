"""The demo project: realistic sizes, varied Chinese answers, reproducible, all or nothing."""

from __future__ import annotations

from collections import Counter

import pytest

from analysis.demo import department_responses_for, generate_demo
from survey.store import iter_responses, list_surveys
from workshop.store import list_sessions
from workspace import Cancelled, ProjectError, open_project


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
