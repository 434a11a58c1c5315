"""Priorities (issue 7): the evidence behind each scenario, its cache, the ranking model and
``huizhi rank``, on real project files with a small hand-made data set.

Two projects are built once per module and only read by most tests:

* the *main* project (every evidence source; the tables in :func:`build_main_project`'s
  docstring give every expected number, worked out by hand);
* the *ranking* project (four active scenarios, survey evidence only, so that scores,
  ranks, ties and disagreements are plain arithmetic; see :func:`build_ranking_project`).

Tests that write work on a copy of the file.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace

import pytest
from conftest import run_cli
from sqlite_utils import Database

from analysis.priorities.evidence import (
    ALL_GROUPS,
    MEASURES,
    UNASSIGNED,
    Cell,
    Evidence,
    ScenarioInfo,
    gather_evidence,
    text_labels,
)
from analysis.priorities.model import (
    DEFAULT_WEIGHTS,
    PriorityModel,
    load_model,
    save_model,
)
from analysis.priorities.ranking import (
    RankingInputs,
    normalise,
    rank_scenarios,
    ranking_json,
)
from analysis.priorities.sources import evidence_rows
from analysis.scoring import weighted_sum
from analysis.text.corpus import code_text
from survey.browse import delete_responses
from survey.model import Choice, Question, SurveyDefinition, Text
from survey.quality import set_exclusion
from survey.store import ResponseRecord, add_responses, create_survey
from workshop.cards import Place, add_line, edit_card
from workshop.records import add_conflict, conflicts, project_conflicts
from workshop.scoring import Criterion, create_round, set_dots, set_moscow, set_score
from workshop.store import (
    ParticipantRecord,
    add_participants,
    create_session,
    participants,
)
from workshop.swot import add_item
from workspace import create_project, open_project
from workspace.catalogue import list_scenarios, retire_scenario
from workspace.errors import ValidationError
from workspace.project import APPLICATION_ID
from workspace.schema import LATEST_VERSION, MIGRATIONS

T, P, B, H, G = "traffic_congestion", "traffic_parking", "traffic_transit", "health_appointment", "gov_one_network"
"""Catalogue order: T, P, B (traffic), then H (health), then G (government)."""

# -- building the projects ---------------------------------------------------------------------------------------


def _choices(*names: str) -> tuple[Choice, ...]:
    return tuple(Choice(n, Text.of(n)) for n in names)


def travel_survey(*, audience: str | None = "citizen", grid: str = f"{T} {P}") -> SurveyDefinition:
    """A scenario grid, a multiple choice over scenario codes (plus 'none'), two Likert
    questions tagged with a scenario (5 and 7 points) and an open question."""
    return SurveyDefinition(
        title=Text.of("出行需求问卷", "Travel needs"),
        items=(
            Question("grid", "scenario_grid", Text.of("请为以下场景打分"), parameters=f"scenarios={grid}"),
            Question("pick", "select_multiple", Text.of("最需要哪些场景？"), list_name="scen"),
            Question("imp5", "likert", Text.of("公交服务对您重要吗？"), list_name="five", parameters=f"scenario={B}"),
            Question("imp7", "likert", Text.of("停车对您重要吗？"), list_name="seven", parameters=f"scenario={P}"),
            Question("pain", "text", Text.of("您出行最大的困扰是什么？")),
        ),
        choice_lists={"scen": _choices(T, P, B, H, "none"), "five": _choices(*"12345"),
                      "seven": _choices(*"1234567")},
        form_id="travel",
        audience=audience,
    )


def answers(t_value=None, t_urgency=None, p_value=None, p_urgency=None, pick=None, imp5=None, imp7=None,
            pain=None) -> dict[str, str]:
    given = {f"grid_{T}_value": t_value, f"grid_{T}_urgency": t_urgency, f"grid_{P}_value": p_value,
             f"grid_{P}_urgency": p_urgency, "pick": pick, "imp5": imp5, "imp7": imp7, "pain": pain}
    return {k: str(v) for k, v in given.items() if v is not None}


R1_PAIN = "早高峰路口拥堵严重，信号灯配时不合理"  # classifier: T; negative
R2_PAIN = "公交车班次太少，候车时间太长"  # classifier: B; negative
R3_PAIN = "随便说说"  # classifier: nothing; hand-coded to P
R4_PAIN = "早高峰拥堵严重，小区停车也难，车位太少"  # classifier: T and P; negative
UNCOUNTED_PAIN = "停车位太少，晚上停车难"
C1_TEXT = "路口信号灯配时需要优化，早高峰堵车"  # classifier: T; neutral
C2_TEXT = "收费太贵"  # placed under P
C3_TEXT = "今天天气不错"  # classifier: nothing
C4_TEXT = "办事材料太多，跑了好几趟"  # placed under G


def build_main_project(path) -> dict:
    """The main project: every source of evidence, two stakeholder groups (市民 citizen, 部门
    department). Expected cells, by hand (T 拥堵治理, P 智慧停车, B 公交, H 挂号, G 一网通办):

    Survey (audience citizen). r1, r2 citizen; r3 no group → the audience, citizen; r4 department;
    a draft, a deleted and an excluded citizen response all say T 1/1, pick B, Likert 1 (never counted).

    ====  ==========  ==========  ==============  =====  ======  ===================
    resp  grid T v/u  grid P v/u  pick            imp5   imp7    pain
    ====  ==========  ==========  ==============  =====  ======  ===================
    r1    5 / 4       3 / 2       T P             4      7       R1 (T)
    r2    4 / 5       2 / 1       T               2      4       R2 (B)
    r3    3 / 3       –           none            3      1       R3 (hand code P)
    r4    2 / 2       5 / 2       P B             5      5       R4 (T and P)
    ====  ==========  ==========  ==============  =====  ======  ===================

    - survey_value T: citizen (5+4+3)/3 = 4.0 (n 3), department 2.0 (n 1); urgency T: (4+5+3)/3 = 4.0, 2.0.
    - survey_value P: citizen (3+2)/2 = 2.5 (n 2), department 5.0; urgency P: (2+1)/2 = 1.5, 2.0.
    - survey_choice (every answer counts for each of T, P, B, H): citizen n 3, T 2/3, P 1/3, B 0, H 0;
      department n 1: T 0, P 1, B 1, H 0.
    - survey_importance B (5 points): citizen (4+2+3)/3 = 3.0, department 5.0.
      P (7 points, x → 1 + (x−1)·4/6): 7 → 5, 4 → 3, 1 → 1: citizen (5+3+1)/3 = 3.0; department 5 → 11/3.

    Workshop (张伟, 李娜 department; 赵敏 citizen). Scores round over T, P with value on 1–10
    (v → 1 + (v−1)·4/9: 10 → 5, 7 → 33/9, 4 → 21/9, 1 → 1), urgency and feasibility on 1–5:

    ======  ================  ================
    who     T value/urg/feas  P value/urg/feas
    ======  ================  ================
    张伟    10 / 5 / 3        4 / 2 / 5
    李娜    7 / 4 / 2         1 / 1 / 4
    赵敏    4 / 3 / 4         10 / 3 / 2
    ======  ================  ================

    - workshop_value T: department (5 + 33/9)/2 = 39/9, citizen 21/9; P: department (21/9 + 1)/2 = 15/9, citizen 5.
    - workshop_urgency T: 4.5, 3; P: 1.5, 3. workshop_feasibility T: 2.5, 4; P: 4.5, 2.
    - Dots round 1 over T, P, B (3 dots): 张伟 T 2 + B 1, 李娜 P 3, 赵敏 T 1 + P 1; round 2 over T, H
      (2 dots): 张伟 T 2, 赵敏 H 2. Department gave 6 + 2 dots, citizen 2 + 2:
      department T (2+2)/(6+2) = 0.5, P 3/6, B 1/6, H 0/2; citizen T (1+0)/(2+2) = 0.25, P 1/2, B 0/2, H 2/2.
    - MoSCoW over T, P: 张伟 M, W; 李娜 S, C; 赵敏 C, M → department T (3+2)/3/2 = 5/6, P (0+1)/3/2 = 1/6;
      citizen T 1/3, P 1.

    Text: citizen texts r1, r2, r3 and card c2 (赵敏, placed under P) → 4; department texts r4 and
    cards c1 (张伟), c3 (李娜, about nothing), c4 (李娜, placed under G) → 4.

    - text_share citizen: T 1/4, B 1/4, P 2/4 (r3 by hand, c2 by placement);
      department: T 2/4 (r4, c1), P 1/4 (r4), G 1/4 (c4).
    - text_negative citizen T 1/1 (r1), B 1/1 (r2); department T 1/2 (r4 yes, c1 no), P 1/1 (r4).

    SWOT, session 1: T S (card c1), S, O, W; P T; one city-wide item. Session 2: T T.
    swot_balance T = (2 + 1 − 1 − 1)/5 = 0.2 (n 5, S+O 3); P = −1/1 = −1.
    """
    with create_project(path, title="优先级测试") as project:
        survey_id = create_survey(project, travel_survey())
        uuids = {name: f"00000000-0000-4000-8000-00000000000{i}" for i, name in enumerate(
            ["r1", "r2", "r3", "r4", "draft", "deleted", "excluded"], 1)}
        never = answers(1, 1, 1, 1, B, 1, 1, UNCOUNTED_PAIN)
        add_responses(project, survey_id, [
            ResponseRecord(answers(5, 4, 3, 2, f"{T} {P}", 4, 7, R1_PAIN), "citizen", uuids["r1"]),
            ResponseRecord(answers(4, 5, 2, 1, T, 2, 4, R2_PAIN), "citizen", uuids["r2"]),
            ResponseRecord(answers(3, 3, None, None, "none", 3, 1, R3_PAIN), None, uuids["r3"]),
            ResponseRecord(answers(2, 2, 5, 2, f"{P} {B}", 5, 5, R4_PAIN), "department", uuids["r4"]),
            ResponseRecord(never, "citizen", uuids["draft"], status="draft"),
            ResponseRecord(never, "citizen", uuids["deleted"]),
            ResponseRecord(never, "citizen", uuids["excluded"]),
        ])
        ids = dict(project.db.conn.execute("SELECT uuid, id FROM responses"))
        delete_responses(project, [ids[uuids["deleted"]]])
        with project.transaction() as db:
            db.execute("INSERT INTO response_flags(response_id, kind, detail) VALUES (?, 'speeding', '')",
                       [ids[uuids["excluded"]]])
        set_exclusion(project, True)
        code_text(project, f"answer:{uuids['r3']}:pain", R3_PAIN, P)

        session = create_session(project, "交通专题研讨会")
        add_participants(project, session, [
            ParticipantRecord("张伟", "交通局", stakeholder_group="department"),
            ParticipantRecord("李娜", "规划局", stakeholder_group="department"),
            ParticipantRecord("赵敏", "社区居民", stakeholder_group="citizen"),
        ])
        who = {p.name: p.id for p in participants(project, session)}
        c1 = add_line(project, session, f"@张伟 {C1_TEXT}")
        c2 = add_line(project, session, f"@赵敏 {C2_TEXT}", place=Place(P))
        c3 = add_line(project, session, f"@李娜 {C3_TEXT}")
        c4 = add_line(project, session, f"@李娜 {C4_TEXT}", place=Place(G))

        scores = create_round(project, session, "评分", [T, P], criteria=(
            Criterion("value", "价值", 1, 10), Criterion("urgency", "紧迫性"), Criterion("feasibility", "可行性")))
        for person, rows in {"张伟": {T: (10, 5, 3), P: (4, 2, 5)}, "李娜": {T: (7, 4, 2), P: (1, 1, 4)},
                             "赵敏": {T: (4, 3, 4), P: (10, 3, 2)}}.items():
            for code, values in rows.items():
                for criterion, value in zip(("value", "urgency", "feasibility"), values, strict=True):
                    set_score(project, scores, who[person], code, criterion, value)
        dots = create_round(project, session, "投票", [T, P, B], method="dots", dots=3)
        for person, code, count in [("张伟", T, 2), ("张伟", B, 1), ("李娜", P, 3), ("赵敏", T, 1), ("赵敏", P, 1)]:
            set_dots(project, dots, who[person], code, count)
        again = create_round(project, session, "二次投票", [T, H], method="dots", dots=2)
        set_dots(project, again, who["张伟"], T, 2)
        set_dots(project, again, who["赵敏"], H, 2)
        moscow = create_round(project, session, "MoSCoW", [T, P], method="moscow")
        for person, t_class, p_class in [("张伟", "M", "W"), ("李娜", "S", "C"), ("赵敏", "C", "M")]:
            set_moscow(project, moscow, who[person], T, t_class)
            set_moscow(project, moscow, who[person], P, p_class)

        add_item(project, session, "S", card_id=c1, scenario_code=T)
        add_item(project, session, "S", text="信号灯联网率已达八成", scenario_code=T)
        add_item(project, session, "O", text="省级智慧交通试点", scenario_code=T)
        add_item(project, session, "W", text="财政资金紧张", scenario_code=T)
        add_item(project, session, "T", text="停车收费争议大", scenario_code=P)
        add_item(project, session, "O", text="全市智慧城市试点")  # the city-wide board: no scenario
        second = create_session(project, "第二场研讨会")
        add_item(project, second, "T", text="施工影响交通", scenario_code=T)
        return {"survey": survey_id, "uuids": uuids, "ids": ids, "session": session, "who": who,
                "cards": {"c1": c1, "c2": c2, "c3": c3, "c4": c4}}


def build_ranking_project(path) -> None:
    """Four active scenarios (T, P, B, H; the rest retired), survey evidence only.

    100 citizens: 75 pick T, 25 pick P; all give T value 4 urgency 5, P value 4 urgency 3.
    One department respondent: picks B and H; T value 2 urgency 1, P value 2 urgency 2.

    By hand, with the default weights survey_choice 0.15, survey_value 0.125, survey_urgency 0.125,
    renormalised over these three to 0.375, 0.3125, 0.3125:

    ==============  ===============  =================  ====================
    criterion       citizen (100)    department (1)     combined (equal)
    ==============  ===============  =================  ====================
    choice T P B H  .75 .25 0 0      0 0 1 1            .375 .125 .5 .5
    value T P       4 4              2 2                3 3 (constant)
    urgency T P     5 3              1 2                3 2.5
    ==============  ===============  =================  ====================

    Min–max: choice (x − .125)/.375 → T 2/3, P 0, B 1, H 1; value adds 0; urgency T 1, P 0; B and
    H have no grid evidence → 0. Scores: T .375·2/3 + .3125 = .5625, B .375, H .375, P 0 → T, B,
    H (a tie: catalogue order), P. Pooling respondents instead would give H 1/101 of the choice.
    """
    with create_project(path, title="排序测试") as project:
        for s in list_scenarios(project):
            if s.code not in (T, P, B, H):
                retire_scenario(project, s.code)
        survey_id = create_survey(project, travel_survey(audience=None))
        records = [ResponseRecord(answers(4, 5, 4, 3, T if i < 75 else P), "citizen") for i in range(100)]
        records.append(ResponseRecord(answers(2, 1, 2, 2, f"{B} {H}"), "department"))
        add_responses(project, survey_id, records)


# -- fixtures ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def main_file(tmp_path_factory):
    """The main project, built once, its evidence computed (and so cached) once."""
    path = tmp_path_factory.mktemp("priorities") / "main.huizhi"
    facts = build_main_project(path)
    with open_project(path) as project:
        first = gather_evidence(project)
    assert first.computed == {"survey": True, "text": True}
    return path, facts


@pytest.fixture(scope="module")
def main(main_file):
    """(project, facts, evidence) of the main project, read only."""
    path, facts = main_file
    with open_project(path) as project:
        yield project, facts, gather_evidence(project)


@pytest.fixture
def main_copy(main_file, tmp_path):
    """A private copy of the main project (with its evidence cache) that a test may change."""
    path, facts = main_file
    target = tmp_path / "main-copy.huizhi"
    shutil.copy(path, target)
    with open_project(target) as project:
        yield project, facts


@pytest.fixture(scope="module")
def ranking_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("ranking") / "ranking.huizhi"
    build_ranking_project(path)
    with open_project(path) as project:
        gather_evidence(project)
    return path


@pytest.fixture(scope="module")
def ranked(ranking_file):
    """(project, evidence) of the ranking project, read only."""
    with open_project(ranking_file) as project:
        yield project, gather_evidence(project)


@pytest.fixture
def ranking_copy(ranking_file, tmp_path):
    target = tmp_path / "ranking-copy.huizhi"
    shutil.copy(ranking_file, target)
    with open_project(target) as project:
        yield project


def cell(evidence: Evidence, measure: str, scenario: str, group: str) -> tuple[float, int, float] | None:
    """A cell as (value, n, hits), to compare with :func:`approx_cell`."""
    found = evidence.cell(measure, scenario, group)
    return None if found is None else (found.value, found.n, found.hits)


def approx_cell(value: float, n: int, hits: float = 0.0) -> tuple:
    return (pytest.approx(value), n, hits)


# -- 1. survey evidence ------------------------------------------------------------------------------------------


def test_survey_grid_gives_value_and_urgency_per_group(main):
    """See :func:`build_main_project`: r3 has no group and counts as the survey's audience
    (citizen); the draft, deleted and excluded responses (T 1/1) never count."""
    _, _, evidence = main
    assert cell(evidence, "survey_value", T, "citizen") == approx_cell(4.0, 3)
    assert cell(evidence, "survey_urgency", T, "citizen") == approx_cell(4.0, 3)
    assert cell(evidence, "survey_value", T, "department") == approx_cell(2.0, 1)
    assert cell(evidence, "survey_urgency", T, "department") == approx_cell(2.0, 1)
    assert cell(evidence, "survey_value", P, "citizen") == approx_cell(2.5, 2)  # r3 left P blank
    assert cell(evidence, "survey_urgency", P, "citizen") == approx_cell(1.5, 2)
    assert cell(evidence, "survey_value", P, "department") == approx_cell(5.0, 1)
    assert evidence.cell("survey_value", B, "citizen") is None  # not in the grid


def test_survey_choice_is_the_share_of_respondents_who_picked_it(main):
    """Choices T P B H none: citizen r1 {T, P}, r2 {T}, r3 {none} → n 3; department r4 {P, B}."""
    _, _, evidence = main
    assert cell(evidence, "survey_choice", T, "citizen") == approx_cell(2 / 3, 3, 2)
    assert cell(evidence, "survey_choice", P, "citizen") == approx_cell(1 / 3, 3, 1)
    assert cell(evidence, "survey_choice", B, "citizen") == approx_cell(0.0, 3, 0)
    assert cell(evidence, "survey_choice", H, "citizen") == approx_cell(0.0, 3, 0)
    assert cell(evidence, "survey_choice", T, "department") == approx_cell(0.0, 1, 0)
    assert cell(evidence, "survey_choice", P, "department") == approx_cell(1.0, 1, 1)
    assert cell(evidence, "survey_choice", B, "department") == approx_cell(1.0, 1, 1)
    assert not any(scenario == "none" for _, scenario, _ in evidence.cells)


def test_likert_importance_puts_seven_points_on_one_to_five(main):
    """imp5 (B): citizen (4+2+3)/3 = 3, department 5. imp7 (P), x → 1 + (x−1)·4/6:
    citizen 7, 4, 1 → 5, 3, 1 → 3; department 5 → 1 + 16/6 = 11/3."""
    _, _, evidence = main
    assert cell(evidence, "survey_importance", B, "citizen") == approx_cell(3.0, 3)
    assert cell(evidence, "survey_importance", B, "department") == approx_cell(5.0, 1)
    assert cell(evidence, "survey_importance", P, "citizen") == approx_cell(3.0, 3)
    assert cell(evidence, "survey_importance", P, "department") == approx_cell(11 / 3, 1)


def test_groups_are_named_in_project_order(main):
    _, _, evidence = main
    assert evidence.groups == {"citizen": "市民", "department": "部门"}
    assert [m.code for m in evidence.measures()] == [m.code for m in MEASURES]  # every source is present
    assert [s.code for s in evidence.scenarios[:4]] == [T, P, B, H]
    assert len(evidence.scenarios) == len(list_scenarios(main[0]))


def test_a_response_without_group_or_audience_is_unassigned(project):
    """No audience: one response without a group (→ "" 未注明), one citizen. Grid T value 2
    and 4; the ranking JSON names the group 未注明 with the model's unassigned weight."""
    survey_id = create_survey(project, travel_survey(audience=None))
    add_responses(project, survey_id, [ResponseRecord(answers(2, 3), None), ResponseRecord(answers(4, 5), "citizen")])
    evidence = gather_evidence(project)
    assert evidence.groups == {"citizen": "市民", UNASSIGNED: "未注明"}
    assert cell(evidence, "survey_value", T, UNASSIGNED) == approx_cell(2.0, 1)
    assert cell(evidence, "survey_value", T, "citizen") == approx_cell(4.0, 1)
    model = load_model(project).with_group_weight(UNASSIGNED, 3.0)
    result = ranking_json(rank_scenarios(evidence, model))
    assert {"code": "", "name": "未注明", "weight": 3.0} in result["groups"]
    # value T = (3·2 + 1·4)/4 = 2.5 with the unassigned group weighing 3
    assert result["ranking"][0]["scenario"] == T and result["ranking"][0]["criteria"]["survey_value"] == 2.5


# -- 2. workshop and SWOT evidence -------------------------------------------------------------------------------


def test_workshop_scores_are_put_on_one_to_five(main):
    """Value on 1–10: v → 1 + (v−1)·4/9. T department (10, 7) → (5 + 33/9)/2 = 39/9; citizen 4 → 21/9;
    P department (4, 1) → (21/9 + 1)/2 = 15/9; citizen 10 → 5. Urgency and feasibility on 1–5."""
    _, _, evidence = main
    assert cell(evidence, "workshop_value", T, "department") == approx_cell(39 / 9, 2)
    assert cell(evidence, "workshop_value", T, "citizen") == approx_cell(21 / 9, 1)
    assert cell(evidence, "workshop_value", P, "department") == approx_cell(15 / 9, 2)
    assert cell(evidence, "workshop_value", P, "citizen") == approx_cell(5.0, 1)
    assert cell(evidence, "workshop_urgency", T, "department") == approx_cell(4.5, 2)
    assert cell(evidence, "workshop_urgency", P, "department") == approx_cell(1.5, 2)
    assert cell(evidence, "workshop_urgency", P, "citizen") == approx_cell(3.0, 1)
    assert cell(evidence, "workshop_feasibility", T, "department") == approx_cell(2.5, 2)
    assert cell(evidence, "workshop_feasibility", P, "department") == approx_cell(4.5, 2)
    assert cell(evidence, "workshop_feasibility", T, "citizen") == approx_cell(4.0, 1)


def test_dots_are_a_share_of_the_groups_dots_in_rounds_that_shortlisted_the_scenario(main):
    """Round 1 (T, P, B): department gave 6 (T 2, B 1, P 3), citizen 2 (T 1, P 1); round 2 (T, H):
    department 2 (T 2), citizen 2 (H 2). T: department (2+2)/(6+2), citizen (1+0)/(2+2);
    P and B only round 1; H only round 2."""
    _, _, evidence = main
    assert cell(evidence, "workshop_dots", T, "department") == approx_cell(0.5, 8, 4)
    assert cell(evidence, "workshop_dots", T, "citizen") == approx_cell(0.25, 4, 1)
    assert cell(evidence, "workshop_dots", P, "department") == approx_cell(0.5, 6, 3)
    assert cell(evidence, "workshop_dots", P, "citizen") == approx_cell(0.5, 2, 1)
    assert cell(evidence, "workshop_dots", B, "department") == approx_cell(1 / 6, 6, 1)
    assert cell(evidence, "workshop_dots", B, "citizen") == approx_cell(0.0, 2, 0)
    assert cell(evidence, "workshop_dots", H, "department") == approx_cell(0.0, 2, 0)
    assert cell(evidence, "workshop_dots", H, "citizen") == approx_cell(1.0, 2, 2)


def test_moscow_points_over_three(main):
    """M 3, S 2, C 1, W 0, /3: T department (M, S) → 5/6, citizen C → 1/3; P department (W, C) → 1/6, citizen M → 1."""
    _, _, evidence = main
    assert cell(evidence, "workshop_moscow", T, "department") == approx_cell(5 / 6, 2)
    assert cell(evidence, "workshop_moscow", T, "citizen") == approx_cell(1 / 3, 1)
    assert cell(evidence, "workshop_moscow", P, "department") == approx_cell(1 / 6, 2)
    assert cell(evidence, "workshop_moscow", P, "citizen") == approx_cell(1.0, 1)


def test_swot_balance_over_every_session_not_by_group(main):
    """T: S (card c1), S, O, W in session 1 and T in session 2 → (2 + 1 − 1 − 1)/5 = 0.2; P: one T → −1.
    The city-wide item has no scenario and counts nowhere."""
    _, _, evidence = main
    assert cell(evidence, "swot_balance", T, ALL_GROUPS) == approx_cell(0.2, 5, 3)
    assert cell(evidence, "swot_balance", P, ALL_GROUPS) == approx_cell(-1.0, 1, 0)
    assert not any(m == "swot_balance" and g != ALL_GROUPS for m, _, g in evidence.cells)
    assert evidence.swot[T]["S"] == [C1_TEXT, "信号灯联网率已达八成"]
    assert evidence.swot[T]["T"] == ["施工影响交通"]
    assert ALL_GROUPS not in evidence.groups


# -- 3. text evidence --------------------------------------------------------------------------------------------


def test_text_shares_with_hand_codes_and_placed_cards(main):
    """Citizen texts r1 (T), r2 (B), r3 (hand code P), card c2 (placed P) → 4; department r4 (T
    and P), c1 (T), c3 (nothing), c4 (placed G) → 4. A text about two scenarios counts for both."""
    _, _, evidence = main
    assert cell(evidence, "text_share", T, "citizen") == approx_cell(1 / 4, 4, 1)
    assert cell(evidence, "text_share", B, "citizen") == approx_cell(1 / 4, 4, 1)
    assert cell(evidence, "text_share", P, "citizen") == approx_cell(2 / 4, 4, 2)
    assert cell(evidence, "text_share", T, "department") == approx_cell(2 / 4, 4, 2)
    assert cell(evidence, "text_share", P, "department") == approx_cell(1 / 4, 4, 1)
    assert cell(evidence, "text_share", G, "department") == approx_cell(1 / 4, 4, 1)
    assert evidence.cell("text_share", G, "citizen") is None


def test_negative_share_of_the_texts_about_a_scenario(main):
    """Complaints r1 (拥堵严重…不合理), r2 (班次太少) and r4 (拥堵严重…车位太少) are negative; c1 (需要优化) is not."""
    _, _, evidence = main
    assert cell(evidence, "text_negative", T, "citizen") == approx_cell(1.0, 1, 1)
    assert cell(evidence, "text_negative", B, "citizen") == approx_cell(1.0, 1, 1)
    assert cell(evidence, "text_negative", T, "department") == approx_cell(0.5, 2, 1)
    assert cell(evidence, "text_negative", P, "department") == approx_cell(1.0, 1, 1)
    _, labels = text_labels(main[0])
    assert sorted(doc for doc, (scenarios, _) in labels.items() if P in scenarios) == sorted([f"answer:{main[1]['uuids']['r3']}:pain",
                                                          f"answer:{main[1]['uuids']['r4']}:pain",
                                                          f"card:{_card_uuid(main[0], main[1]['cards']['c2'])}"])


def _card_uuid(project, card_id: int) -> str:
    return project.db.conn.execute("SELECT uuid FROM cards WHERE id = ?", [card_id]).fetchone()[0]


def test_a_card_keeps_the_group_it_was_written_with(main_copy):
    """In a third session, a card by the department 交通局 (whose participants are all department)
    has no participant but the group department; a card by 孙强 keeps department after 孙强 is
    moved to enterprise. With r4, c1, c3, c4 the department has 6 texts, 4 about T (both new
    cards repeat texts about T, whose tokens are cached)."""
    from workshop.store import update_participant

    project, _ = main_copy
    session = create_session(project, "第三场研讨会")
    add_participants(project, session, [ParticipantRecord("孙强", "交通局", stakeholder_group="department")])
    add_line(project, session, f"@交通局 {R1_PAIN}")
    add_line(project, session, f"@孙强 {C1_TEXT}")
    update_participant(project, participants(project, session)[0].id, stakeholder_group="enterprise")
    evidence = gather_evidence(project)
    assert cell(evidence, "text_share", T, "department") == approx_cell(4 / 6, 6, 4)


# -- 4. the cache ------------------------------------------------------------------------------------------------


def stamp(project) -> int:
    return int(project.meta("responses_stamp"))


def test_second_gathering_reads_the_cache_and_equals_a_fresh_one(main_copy):
    project, _ = main_copy
    cached = gather_evidence(project)
    assert cached.computed == {"survey": False, "text": False}
    with project.transaction() as db:
        db.execute("DELETE FROM evidence_cache")
    fresh = gather_evidence(project)
    assert fresh.computed == {"survey": True, "text": True}
    assert fresh.cells == cached.cells and fresh.groups == cached.groups and fresh.swot == cached.swot
    assert {row[0] for row in project.db.conn.execute("SELECT part FROM evidence_cache")} == {
        "survey", "text", "text_classes"}
    assert gather_evidence(project).computed == {"survey": False, "text": False}


def test_each_change_invalidates_the_right_part(main_copy):
    """Starting from the main project (citizen T choice 2/3, department T text 2/4):

    1. a new citizen response picking T → choice (2+1)/(3+1) = 3/4; both parts (the stamp moved);
    2. a workshop score is never cached: it shows at once, both parts from the cache;
    3. r2 deleted → choice (1+1)/3 = 2/3, T value (5+3)/2 = 4, citizen texts 3: P 2/3, no B;
    4. r1 excluded → choice 1/2 (r3 none, new T), no citizen text about T;
    5. card c3 (天气) now says what r1 says (about T) → department T text 3/4; survey from the cache;
    6. c1 hand-coded "no scenario" → department T text 2/4; survey from the cache;
    7. B retired → no B anywhere; both parts.
    """
    project, facts = main_copy
    ids, uuids, cards = facts["ids"], facts["uuids"], facts["cards"]
    before = stamp(project)
    add_responses(project, facts["survey"], [ResponseRecord(answers(pick=T), "citizen")])
    assert stamp(project) == before + 1
    evidence = gather_evidence(project)
    assert evidence.computed == {"survey": True, "text": True}
    assert cell(evidence, "survey_choice", T, "citizen") == approx_cell(3 / 4, 4, 3)

    scores = project.db.conn.execute("SELECT id FROM scoring_rounds WHERE method = 'scores'").fetchone()[0]
    set_score(project, scores, facts["who"]["赵敏"], T, "value", 10)  # 4 → 10 on 1–10: 21/9 → 5
    evidence = gather_evidence(project)
    assert evidence.computed == {"survey": False, "text": False}
    assert cell(evidence, "workshop_value", T, "citizen") == approx_cell(5.0, 1)

    delete_responses(project, [ids[uuids["r2"]]])
    evidence = gather_evidence(project)
    assert evidence.computed == {"survey": True, "text": True}
    assert cell(evidence, "survey_choice", T, "citizen") == approx_cell(2 / 3, 3, 2)
    assert cell(evidence, "survey_value", T, "citizen") == approx_cell(4.0, 2)
    assert cell(evidence, "text_share", P, "citizen") == approx_cell(2 / 3, 3, 2)
    assert evidence.cell("text_share", B, "citizen") is None

    with project.transaction() as db:
        db.execute("INSERT INTO response_flags(response_id, kind, detail) VALUES (?, 'speeding', '')",
                   [ids[uuids["r1"]]])
    set_exclusion(project, True)
    evidence = gather_evidence(project)
    assert evidence.computed == {"survey": True, "text": True}
    assert cell(evidence, "survey_choice", T, "citizen") == approx_cell(1 / 2, 2, 1)
    assert evidence.cell("text_share", T, "citizen") is None

    edit_card(project, cards["c3"], text=R1_PAIN)
    evidence = gather_evidence(project)
    assert evidence.computed == {"survey": False, "text": True}
    assert cell(evidence, "text_share", T, "department") == approx_cell(3 / 4, 4, 3)

    code_text(project, f"card:{_card_uuid(project, cards['c1'])}", C1_TEXT, None)
    evidence = gather_evidence(project)
    assert evidence.computed == {"survey": False, "text": True}
    assert cell(evidence, "text_share", T, "department") == approx_cell(2 / 4, 4, 2)

    retire_scenario(project, B)
    evidence = gather_evidence(project)
    assert evidence.computed == {"survey": True, "text": True}
    assert B not in [s.code for s in evidence.scenarios]
    assert not any(scenario == B for _, scenario, _ in evidence.cells)
    assert gather_evidence(project).computed == {"survey": False, "text": False}


def test_the_responses_stamp_moves_on_insert_update_and_delete(main_copy):
    """Inserting two responses → +2; a captured response → +3 (the new draft, one answer, which also
    updates its response row, and the submit); a soft delete (an UPDATE) → +1; a hard delete → +1;
    a change elsewhere → 0. The captured response counts for the survey's audience (citizen):
    choice P (r1 + the captured one)/(3 + 2 + 1) = 2/6."""
    from survey.capture import Capture

    project, facts = main_copy
    start = stamp(project)
    add_responses(project, facts["survey"], [ResponseRecord(answers(pick=T), "citizen") for _ in range(2)])
    assert stamp(project) == start + 2
    capture = Capture(project, facts["survey"], collector="王")
    draft = capture.new()
    capture.answer(draft, "pick", P)
    capture.submit(draft)
    assert stamp(project) == start + 5
    evidence = gather_evidence(project)
    assert cell(evidence, "survey_choice", P, "citizen") == approx_cell(2 / 6, 6, 2)
    delete_responses(project, [facts["ids"][facts["uuids"]["r1"]]])
    assert stamp(project) == start + 6
    with project.transaction() as db:
        db.execute("DELETE FROM responses WHERE uuid = ?", [facts["uuids"]["draft"]])
    assert stamp(project) == start + 7
    with project.transaction() as db:
        db.execute("UPDATE sessions SET title = '改名'")  # not a response: the stamp stays
    assert stamp(project) == start + 7


def test_an_in_place_survey_edit_of_the_same_length_invalidates_the_cache(main_copy, monkeypatch):
    """Version 2 (no responses yet) is edited twice in the same second (the clock is pinned): the
    second edit tags imp5 with traffic_parking instead of traffic_transit, which has the same
    length. The survey evidence must be recomputed: no importance for B is left."""
    from survey.store import save_definition

    project, facts = main_copy
    monkeypatch.setattr("survey.store.now_iso", lambda: "2026-11-24T10:00:00+00:00")
    definition = travel_survey()
    save_definition(project, facts["survey"], definition)  # answered version 1 → a new version 2
    assert gather_evidence(project).computed["survey"] is True
    items = tuple(replace(q, parameters=f"scenario={P}") if q.name == "imp5" else q for q in definition.items)
    save_definition(project, facts["survey"], definition.with_items(items))  # version 2 edited in place
    evidence = gather_evidence(project)
    assert evidence.computed["survey"] is True
    assert evidence.cell("survey_importance", B, "citizen") is None


# -- 5. ranking --------------------------------------------------------------------------------------------------


def test_group_weighting_is_equal_so_one_respondent_counts_as_much_as_a_hundred(ranked):
    """See :func:`build_ranking_project`: combined choice T (.75 + 0)/2, H (0 + 1)/2, P (.25 + 0)/2."""
    _, evidence = ranked
    assert cell(evidence, "survey_choice", T, "citizen") == approx_cell(0.75, 100, 75)
    assert cell(evidence, "survey_choice", H, "department") == approx_cell(1.0, 1, 1)
    ranking = rank_scenarios(evidence, PriorityModel())
    assert ranking.row(T).criteria["survey_choice"] == pytest.approx(0.375)  # not 75/101
    assert ranking.row(H).criteria["survey_choice"] == pytest.approx(0.5)  # not 1/101
    assert ranking.row(P).criteria["survey_choice"] == pytest.approx(0.125)
    assert ranking.row(H).rank < ranking.row(P).rank


def test_scores_ranks_ties_and_quadrants_by_hand(ranked):
    """See :func:`build_ranking_project`. Quadrants (midpoint 3, ties high): T value 3 urgency 3 → quick_win;
    P value 3 urgency 2.5 → plan; B and H have no value or urgency → None.
    Support = respondents who chose it: T 75, P 25, B 1, H 1."""
    _, evidence = ranked
    ranking = rank_scenarios(evidence, PriorityModel())
    assert [(r.code, r.rank) for r in ranking.rows] == [(T, 1), (B, 2), (H, 3), (P, 4)]
    assert [r.score for r in ranking.rows] == pytest.approx([0.5625, 0.375, 0.375, 0.0])
    assert [(m.code, w) for m, w in ranking.criteria] == [
        ("survey_choice", pytest.approx(0.375)), ("survey_value", pytest.approx(0.3125)),
        ("survey_urgency", pytest.approx(0.3125))]
    assert ranking.row(T).criteria == pytest.approx({"survey_choice": 0.375, "survey_value": 3.0,
                                                     "survey_urgency": 3.0})
    assert ranking.row(B).criteria == {"survey_choice": pytest.approx(0.5), "survey_value": None,
                                       "survey_urgency": None}
    assert (ranking.row(T).value, ranking.row(T).urgency, ranking.row(T).quadrant) == (3.0, 3.0, "quick_win")
    assert (ranking.row(P).value, ranking.row(P).urgency, ranking.row(P).quadrant) == (3.0, 2.5, "plan")
    assert ranking.row(B).quadrant is None and ranking.row(B).value is None
    assert {r.code: r.support for r in ranking.rows} == {T: 75, P: 25, B: 1, H: 1}
    assert ranking.top_k == 4  # the default 5, capped at the four scenarios
    assert [r.code for r in ranking.rows if r.stable] == [T, B, H, P]


def test_per_group_ranks_and_disagreements(ranked):
    """Citizen alone: choice T 1, P 1/3; value constant; urgency T 1, P 0 → T .6875, P .125, B 0, H 0
    → T 1, P 2, B 3, H 4 (tie). Department alone: choice B 1, H 1; urgency T 0, P 1 → B .375,
    H .375, P .3125, T 0 → B 1, H 2, P 3, T 4. Gaps: T 3, B 2, H 2, P 1; the threshold is
    max(3, ⌈4/5⌉) = 3, so only T is flagged."""
    _, evidence = ranked
    ranking = rank_scenarios(evidence, PriorityModel())
    assert {r.code: r.group_ranks for r in ranking.rows} == {
        T: {"citizen": 1, "department": 4}, P: {"citizen": 2, "department": 3},
        B: {"citizen": 3, "department": 1}, H: {"citizen": 4, "department": 2}}
    assert [(d.scenario, d.high_group, d.high_rank, d.low_group, d.low_rank, d.gap) for d in ranking.disagreements] == [
        (T, "citizen", 1, "department", 4, 3), (B, "department", 1, "citizen", 3, 2),
        (H, "department", 2, "citizen", 4, 2), (P, "citizen", 2, "department", 3, 1)]
    assert [d.threshold for d in ranking.disagreements] == [3, 3, 3, 3]
    assert [d.scenario for d in ranking.flagged()] == [T]


def test_changing_one_weight_or_one_group_weight_re_ranks(ranked):
    """survey_urgency 0: weights 6/11, 5/11, 0; T 6/11·2/3 = 4/11, B = H = 6/11, P 0 → B, H, T, P.

    Department weighs 0: the citizens alone (see the per-group test) → T .6875, P .125, B 0, H 0.

    Department weighs 3: choice T (.75 + 0)/4 = .1875, P .0625, B .75, H .75 → T 2/11, P 0, B 1, H 1;
    value (4 + 6)/4 = 2.5 for both (adds 0); urgency T (5 + 3)/4 = 2, P (3 + 6)/4 = 2.25 → T 0, P 1.
    Scores T .375·2/11, P .3125, B .375, H .375 → B, H, P, T; quadrants T (2.5, 2) and P (2.5, 2.25) defer.
    """
    _, evidence = ranked
    inputs = RankingInputs(evidence)
    no_urgency = rank_scenarios(inputs, PriorityModel().with_weight("survey_urgency", 0.0))
    assert [r.code for r in no_urgency.rows] == [B, H, T, P]
    assert [r.score for r in no_urgency.rows] == pytest.approx([6 / 11, 6 / 11, 4 / 11, 0])
    assert {m.code: w for m, w in no_urgency.criteria}["survey_urgency"] == 0.0
    assert len(no_urgency.stability) == 2  # only the weighted criteria
    citizens = rank_scenarios(inputs, PriorityModel().with_group_weight("department", 0.0))
    assert [(r.code, r.score) for r in citizens.rows] == [
        (T, pytest.approx(0.6875)), (P, pytest.approx(0.125)), (B, 0.0), (H, 0.0)]
    departments = rank_scenarios(inputs, PriorityModel().with_group_weight("department", 3.0))
    assert [r.code for r in departments.rows] == [B, H, P, T]
    assert [r.score for r in departments.rows] == pytest.approx([0.375, 0.375, 0.3125, 0.375 * 2 / 11])
    assert (departments.row(T).value, departments.row(T).urgency) == (2.5, 2.0)
    assert departments.row(T).quadrant == departments.row(P).quadrant == "defer"
    assert departments.row(T).group_ranks == {"citizen": 1, "department": 4}  # a group's own ranks do not move


def test_monte_carlo_around_the_weights_keeps_a_clear_top_two(ranked):
    """Top 2, 'around' (each weight × U(0.8, 1.2)): T − B ∝ .3125·f_u − .125·f_c ≥ .25 − .15 > 0, so T is
    always first; B and H have the same row, so B (catalogue first) always beats H; P scores 0
    and H > 0. So T and B are always in the top 2, H and P never: all stable, fixed ranks."""
    _, evidence = ranked
    ranking = rank_scenarios(evidence, replace(PriorityModel(), top_k=2, draws=300, seed=5))
    mc = ranking.monte_carlo
    assert (mc.draws, mc.mode, mc.top_k) == (300, "around", 2)
    assert {r.code: (r.p_top_k, r.rank_interval, r.stable) for r in ranking.rows} == {
        T: (1.0, (1, 1), True), B: (1.0, (2, 2), True), H: (0.0, (3, 3), True), P: (0.0, (4, 4), True)}
    assert [mc.label(i) for i in range(4)] == ["stable"] * 4
    assert len(ranking.stability) == 3 and {s.top_k for s in ranking.stability} == {2}


def test_monte_carlo_on_the_simplex_makes_a_fragile_leader(ranked):
    """Top 1, weights (c, v, u) uniform on the simplex: T beats B iff u > c/3. On the triangle
    c + u ≤ 1 the region u ≤ c/3 is the triangle (0,0), (1,0), (3/4,1/4) of area 1/8, a quarter of
    1/2: P(T first) = 3/4, P(B first) = 1/4 (B always beats H). Both agree with the base top 1 in
    75 % < 90 % of draws: fragile. When T loses it is third (behind B and H): T's ranks are 1 or 3."""
    _, evidence = ranked
    ranking = rank_scenarios(evidence, replace(PriorityModel(), top_k=1, draws=4000, mode="simplex", seed=1))
    rows = {r.code: r for r in ranking.rows}
    assert rows[T].p_top_k == pytest.approx(0.75, abs=0.03)
    assert rows[B].p_top_k == pytest.approx(0.25, abs=0.03)
    assert rows[H].p_top_k == rows[P].p_top_k == 0.0
    assert [rows[c].stable for c in (T, B, H, P)] == [False, False, True, True]
    assert [rows[c].rank_interval for c in (T, B, H, P)] == [(1, 3), (1, 2), (2, 3), (4, 4)]
    assert ranking_json(ranking)["ranking"][0]["robustness"] == "fragile"


def test_weighted_sum_agrees_on_a_complete_matrix(ranking_copy):
    """With B and H retired, T and P have every criterion: the ranking's scores are
    weighted_sum's (min–max, benefit) on the combined matrix. T: choice 1, value 0 (constant),
    urgency 1 → .375 + .3125 = .6875; P 0."""
    retire_scenario(ranking_copy, B)
    retire_scenario(ranking_copy, H)
    ranking = rank_scenarios(gather_evidence(ranking_copy), PriorityModel())
    matrix = [[r.criteria[m.code] for m, _ in ranking.criteria] for r in sorted(ranking.rows, key=lambda r: r.code)]
    weights = [w for _, w in ranking.criteria]
    expected = weighted_sum(matrix, weights, [True] * len(weights))
    assert [r.score for r in sorted(ranking.rows, key=lambda r: r.code)] == pytest.approx(expected)
    assert [(r.code, r.score) for r in ranking.rows] == [(T, pytest.approx(0.6875)), (P, 0.0)]


def synthetic(values: dict[str, dict[str, float]], measures: list[str]) -> Evidence:
    """One group, complete: scenario → measure → value."""
    scenarios = [ScenarioInfo(code, code, "d", "域") for code in values]
    cells = {(m, s, "citizen"): Cell(v, 10, 0) for s, row in values.items() for m, v in row.items()}
    assert {m for m, _, _ in cells} == set(measures)
    return Evidence(scenarios, {"citizen": "市民"}, cells)


def test_weighted_sum_agrees_on_a_hand_made_complete_matrix():
    """Four scenarios × three criteria (weights .125, .15, .10 → /.375). Vector normalisation
    works on x − floor (the measure's natural low: 1 for scores, 0 for shares)."""
    values = {"a": {"survey_value": 4.2, "survey_choice": 0.1, "workshop_urgency": 2.0},
              "b": {"survey_value": 1.5, "survey_choice": 0.7, "workshop_urgency": 4.5},
              "c": {"survey_value": 3.0, "survey_choice": 0.4, "workshop_urgency": 3.0},
              "d": {"survey_value": 5.0, "survey_choice": 0.2, "workshop_urgency": 1.0}}
    evidence = synthetic(values, ["survey_value", "survey_choice", "workshop_urgency"])
    ranking = rank_scenarios(evidence, PriorityModel())
    order = [m.code for m, _ in ranking.criteria]
    weights = [w for _, w in ranking.criteria]
    assert weights == pytest.approx([0.15 / 0.375, 0.125 / 0.375, 0.10 / 0.375])
    matrix = [[values[s][c] for c in order] for s in "abcd"]
    expected = weighted_sum(matrix, weights, [True, True, True])
    assert [ranking.row(s).score for s in "abcd"] == pytest.approx(expected)
    vector = rank_scenarios(evidence, replace(PriorityModel(), normalisation="vector"))
    floors = [0.0 if c == "survey_choice" else 1.0 for c in order]
    shifted = [[x - f for x, f in zip(row, floors, strict=True)] for row in matrix]
    assert [vector.row(s).score for s in "abcd"] == pytest.approx(weighted_sum(shifted, weights, [True] * 3, "vector"))


def test_normalise_missing_scores_zero_and_a_constant_column_adds_nothing():
    """Column 0: 2, 4, missing → 0, 1, 0. Column 1: 3, 3, 3 → 0. Column 2: only one value → 0."""
    import numpy as np

    x = np.array([[2.0, 3.0, 7.0], [4.0, 3.0, 0.0], [0.0, 3.0, 0.0]])
    present = np.array([[True, True, True], [True, True, False], [False, True, False]])
    lows = np.array([1.0, 1.0, 0.0])
    assert normalise(x, present, lows, "minmax").tolist() == [[0, 0, 0], [1, 0, 0], [0, 0, 0]]
    vector = normalise(x, present, lows, "vector")  # y = x − low: (1, 3, –), (2, 2, 2), (7, –, –)
    assert vector[:, 0] == pytest.approx([1 / 10 ** 0.5, 3 / 10 ** 0.5, 0])
    assert vector[:, 2] == pytest.approx([1, 0, 0])


def test_main_project_ranking_by_hand(main):
    """All twelve measures; default weights sum to 1. Combined (mean of citizen, department):

    - survey_choice T 1/3, P 2/3, B 1/2, H 0 → T 1/2, P 1, B 3/4, H 0 (×.15)
    - survey_value T 3, P 3.75 → 0, 1 (×.125); survey_urgency T 3, P 1.75 → 1, 0 (×.125)
    - survey_importance P 10/3, B 4 → 0, 1 (×.05); text_share T 3/8, P 3/8, B (1/4 + 0)/2 = 1/8,
      G (0 + 1/4)/2 = 1/8, every other scenario 0 (both groups wrote texts, none about it)
      → 1, 1, 1/3, 1/3, 0 (×.10)
    - workshop_value T and P 10/3 (adds 0); urgency T 3.75, P 2.25 → 1, 0 (×.10); feasibility 3.25 both
    - workshop_dots T 3/8, P 1/2, B 1/12, H 1/2 → .7, 1, 0, 1 (×.05); MoSCoW 7/12 both; SWOT T .2, P −1 → 1, 0

    T = .075 + .125 + .1 + .1 + .035 + .05 = .485; B = .1125 + .05 + .1/3 = .1958…; H = .05;
    G = .1/3; P second (see the test below for its score); every other scenario 0, in catalogue order.
    Quadrants: T value (3 + 10/3)/2 = 19/6, urgency (3 + 3.75)/2 = 3.375 → quick_win; P value
    (3.75 + 10/3)/2 = 85/24, urgency (1.75 + 2.25)/2 = 2 → plan. Support (chosen + texts + dots):
    T 2 + 3 + 5 = 10, P 2 + 3 + 4 = 9, B 1 + 1 + 1 = 3, H 0 + 0 + 2 = 2, G 1.
    """
    project, _, evidence = main
    ranking = rank_scenarios(evidence, load_model(project))
    others = [s.code for s in evidence.scenarios if s.code not in (T, P, B, H, G)]
    assert [r.code for r in ranking.rows] == [T, P, B, H, G, *others]
    assert [r.rank for r in ranking.rows] == list(range(1, len(evidence.scenarios) + 1))
    assert [ranking.row(c).score for c in (T, B, H, G)] == pytest.approx([0.485, 0.1625 + 0.1 / 3, 0.05, 0.1 / 3])
    assert all(r.score == 0 for r in ranking.rows[5:])
    assert sum(w for _, w in ranking.criteria) == pytest.approx(1.0)
    assert (ranking.row(T).value, ranking.row(T).urgency) == (pytest.approx(19 / 6), pytest.approx(3.375))
    assert (ranking.row(P).value, ranking.row(P).urgency) == (pytest.approx(85 / 24), pytest.approx(2.0))
    assert (ranking.row(T).quadrant, ranking.row(P).quadrant, ranking.row(B).quadrant) == ("quick_win", "plan", None)
    assert {c: ranking.row(c).support for c in (T, P, B, H, G)} == {T: 10, P: 9, B: 3, H: 2, G: 1}


def test_main_project_group_ranks(main):
    """Department alone: T .45, P .425, B .15 + .05 + .05/3, H 0, G 0 → T, P, B, H, G (tie: catalogue).
    Citizen alone: T .5625, P .35, H .05, B 0 → T, P, H, B; citizens wrote nothing about G → None.
    No group spoke about the other 27 scenarios. Gaps: B 3 vs 4, H 3 vs 4 → 1; both groups ranked
    T, P, B, H, so the threshold is max(3, ⌈4/5⌉) = 3."""
    project, _, evidence = main
    ranking = rank_scenarios(evidence, load_model(project))
    assert ranking.row(T).group_ranks == {"citizen": 1, "department": 1}
    assert ranking.row(P).group_ranks == {"citizen": 2, "department": 2}
    assert ranking.row(B).group_ranks == {"citizen": 4, "department": 3}
    assert ranking.row(H).group_ranks == {"citizen": 3, "department": 4}
    assert ranking.row(G).group_ranks == {"citizen": None, "department": 5}
    assert ranking.row("health_records").group_ranks == {"citizen": None, "department": None}
    assert [(d.scenario, d.gap) for d in ranking.disagreements] == [(B, 1), (H, 1)]
    assert [d.threshold for d in ranking.disagreements] == [3, 3] and ranking.flagged() == []


def test_a_criterion_equal_up_to_rounding_adds_nothing(main):
    """MoSCoW: T (5/6 + 1/3)/2 = 7/12, P (1/6 + 1)/2 = 7/12 (equal by arithmetic, not in floating
    point): a constant criterion, so it adds 0 and P = .15·1 + .125·1 + .10·1 (text) + .05·1 (dots) = .425."""
    project, _, evidence = main
    ranking = rank_scenarios(evidence, load_model(project))
    assert ranking.row(P).score == pytest.approx(0.425)


def test_a_group_whose_texts_never_mention_a_scenario_has_a_share_of_zero(main):
    """B: citizens 1 of 4 texts, the department 0 of its 4 texts → combined (1/4 + 0)/2 = 1/8."""
    project, _, evidence = main
    ranking = rank_scenarios(evidence, load_model(project))
    assert ranking.row(B).criteria["text_share"] == pytest.approx(1 / 8)


# -- 6. the saved model ------------------------------------------------------------------------------------------


def test_save_and_load_the_model(ranking_copy):
    """Criteria weights and settings go to meta.priority_model, group weights to
    stakeholder_groups.weight, the unassigned group's weight to the JSON; a saved model re-ranks
    (department 3: B, H, P, T, see the re-ranking test)."""
    project = ranking_copy
    assert load_model(project) == PriorityModel(group_weights={
        "citizen": 1.0, "department": 1.0, "enterprise": 1.0, "partner": 1.0, UNASSIGNED: 1.0})
    model = replace(PriorityModel(), top_k=2, draws=500, mode="simplex", spread=0.1, seed=9, midpoint=2.5,
                    normalisation="vector").with_weight("survey_urgency", 0.4).with_group_weight(
        "department", 3.0).with_group_weight(UNASSIGNED, 0.5)
    save_model(project, model)
    saved = json.loads(project.meta("priority_model"))
    assert saved["weights"] == {**DEFAULT_WEIGHTS, "survey_urgency": 0.4}
    assert saved["unassigned_weight"] == 0.5 and "group_weights" not in saved
    assert {k: saved[k] for k in ("top_k", "draws", "mode", "spread", "seed", "midpoint", "normalisation")} == {
        "top_k": 2, "draws": 500, "mode": "simplex", "spread": 0.1, "seed": 9, "midpoint": 2.5,
        "normalisation": "vector"}
    assert dict(project.db.conn.execute("SELECT code, weight FROM stakeholder_groups")) == {
        "citizen": 1.0, "department": 3.0, "enterprise": 1.0, "partner": 1.0}
    loaded = load_model(project)
    assert loaded == replace(model, group_weights={"citizen": 1.0, "department": 3.0, "enterprise": 1.0,
                                                   "partner": 1.0, UNASSIGNED: 0.5})
    default = replace(loaded, weights=dict(DEFAULT_WEIGHTS), normalisation="minmax")
    assert [r.code for r in rank_scenarios(gather_evidence(project), default).rows] == [B, H, P, T]


def test_a_saved_weight_for_an_unknown_criterion_is_ignored(ranking_copy):
    ranking_copy.set_meta("priority_model", json.dumps({"weights": {"nonsense": 5, "survey_choice": 0.5}}))
    assert load_model(ranking_copy).weights == {**DEFAULT_WEIGHTS, "survey_choice": 0.5}


@pytest.mark.parametrize("change", [
    {"weights": {"survey_choice": 0.1, "no_such": 1.0}},
    {"weights": {"survey_choice": -0.1}},
    {"weights": {"survey_choice": 100.5}},
    {"group_weights": {"citizen": -1.0}},
    {"group_weights": {"citizen": float("nan")}},
    {"normalisation": "rank"},
    {"mode": "grid"},
    {"top_k": 0},
    {"draws": 9},
    {"draws": 100_001},
    {"spread": 1.0},
    {"spread": -0.1},
])
def test_check_refuses_a_bad_model(change, ranking_copy):
    model = replace(PriorityModel(), **change)
    with pytest.raises(ValidationError):
        model.check()
    with pytest.raises(ValidationError):
        save_model(ranking_copy, model)
    assert ranking_copy.meta("priority_model") is None  # nothing was written


def test_check_accepts_the_bounds():
    replace(PriorityModel(), top_k=1, draws=10, spread=0.0, weights={"survey_choice": 100.0},
            group_weights={"citizen": 0.0}).check()
    replace(PriorityModel(), draws=100_000, spread=0.99).check()


# -- 7. the rows behind a number ---------------------------------------------------------------------------------


def test_rows_behind_a_survey_cell(main):
    project, facts, evidence = main
    uuids = facts["uuids"]
    choice = evidence_rows(project, "survey_choice", T, "citizen")
    assert len(choice) == evidence.cell("survey_choice", T, "citizen").n == 3
    assert [r.value for r in choice] == ["选了", "选了", "未选"]  # chosen first
    assert sum(r.value == "选了" for r in choice) == evidence.cell("survey_choice", T, "citizen").hits
    assert {r.key for r in choice} == {uuids["r1"], uuids["r2"], uuids["r3"]}  # r3 through the audience
    assert all(r.source == "问卷" and r.where.endswith("pick") for r in choice)
    value = evidence_rows(project, "survey_value", T, None)  # every group: 3 citizen + 1 department
    assert sorted(r.value for r in value) == ["2", "3", "4", "5"]
    assert len(value) == sum(evidence.cell("survey_value", T, g).n for g in ("citizen", "department"))
    seven = evidence_rows(project, "survey_importance", P, "department")
    assert [(r.value, r.key) for r in seven] == [("5", uuids["r4"])]
    assert len(evidence_rows(project, "survey_value", T, "citizen", limit=2)) == 2


def test_rows_behind_a_workshop_cell(main):
    project, _, evidence = main
    value = evidence_rows(project, "workshop_value", T, "department")
    assert len(value) == evidence.cell("workshop_value", T, "department").n == 2
    assert sorted(r.value for r in value) == ["10", "7"] and all(r.source == "研讨会" for r in value)
    dots = evidence_rows(project, "workshop_dots", T, "department")  # 张伟: 2 in each round
    assert sum(float(r.value) for r in dots) == evidence.cell("workshop_dots", T, "department").hits == 4
    assert {r.where for r in dots} == {"交通专题研讨会 · 投票", "交通专题研讨会 · 二次投票"}
    moscow = evidence_rows(project, "workshop_moscow", P, None)
    assert sorted(r.value for r in moscow) == ["可以有（1 分）", "必须有（3 分）", "暂不做（0 分）"]
    assert [r.who for r in evidence_rows(project, "workshop_moscow", P, "citizen")] == ["赵敏 · citizen"]


def test_rows_behind_a_text_cell(main):
    project, _, evidence = main
    share = evidence_rows(project, "text_share", P, "citizen")
    assert len(share) == evidence.cell("text_share", P, "citizen").hits == 2
    assert sorted(r.text for r in share) == sorted([R3_PAIN, C2_TEXT])
    assert {r.where for r in share} == {"问卷 · pain", "研讨会 · 交通专题研讨会"}
    negative = evidence_rows(project, "text_negative", T, "department")
    assert [(r.text, r.value) for r in negative] == [(R4_PAIN, "负面")]
    assert len(negative) == evidence.cell("text_negative", T, "department").hits
    every = evidence_rows(project, "text_share", T, None)  # r1 (citizen), r4 and c1 (department)
    assert sorted(r.text for r in every) == sorted([R1_PAIN, R4_PAIN, C1_TEXT])


def test_rows_behind_a_swot_cell(main):
    project, _, evidence = main
    rows = evidence_rows(project, "swot_balance", T, ALL_GROUPS)
    found = evidence.cell("swot_balance", T, ALL_GROUPS)
    assert len(rows) == found.n == 5
    assert sum(r.value == "+1" for r in rows) == found.hits == 3
    assert {r.text for r in rows} == {C1_TEXT, "信号灯联网率已达八成", "省级智慧交通试点", "财政资金紧张", "施工影响交通"}
    assert [r.where for r in rows if r.text == "施工影响交通"] == ["第二场研讨会 · 威胁"]


# -- 8. huizhi rank ----------------------------------------------------------------------------------------------

ROW_KEYS = {"rank", "scenario", "name", "domain", "score", "quadrant", "quadrant_name", "value", "urgency",
            "support", "group_ranks", "top_k_probability", "rank_interval", "robustness", "criteria"}


def test_rank_json_has_the_contract_keys(ranking_file, capsys):
    assert run_cli("rank", str(ranking_file), "--json") == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert set(result) == {"conventions", "criteria", "groups", "top_k", "ranking", "sensitivity", "disagreements"}
    assert all(set(row) == ROW_KEYS for row in result["ranking"])
    first = result["ranking"][0]
    assert (first["rank"], first["scenario"], first["name"], first["domain"]) == (1, T, "拥堵治理与信号灯优化", "traffic")
    assert (first["score"], first["quadrant"], first["quadrant_name"]) == (0.5625, "quick_win", "先做")
    assert (first["value"], first["urgency"], first["support"]) == (3.0, 3.0, 75.0)
    assert first["group_ranks"] == {"citizen": 1, "department": 4}
    assert first["criteria"] == {"survey_choice": 0.375, "survey_value": 3.0, "survey_urgency": 3.0}
    assert [r["scenario"] for r in result["ranking"]] == [T, B, H, P]
    assert result["ranking"][1]["quadrant"] is None and result["ranking"][1]["value"] is None
    assert [(c["code"], c["weight"]) for c in result["criteria"]] == [
        ("survey_choice", 0.375), ("survey_value", 0.3125), ("survey_urgency", 0.3125)]
    assert result["groups"] == [{"code": "citizen", "name": "市民", "weight": 1.0},
                                {"code": "department", "name": "部门", "weight": 1.0}]
    assert result["top_k"] == 4 and result["conventions"]["top_k"] == 4
    assert [s["criterion"] for s in result["sensitivity"]] == ["survey_choice", "survey_value", "survey_urgency"]
    assert result["disagreements"][0] == {"scenario": T, "high_group": "citizen", "high_rank": 1,
                                          "low_group": "department", "low_rank": 4, "gap": 3, "threshold": 3,
                                          "flagged": True}
    assert [d["flagged"] for d in result["disagreements"]] == [True, False, False, False]
    assert "rank:" in captured.err  # progress goes to stderr


def test_rank_options_are_honoured_and_reported(ranking_file, capsys):
    assert run_cli("rank", str(ranking_file), "--json", "--top-k", "2", "--draws", "200", "--seed", "3",
                   "--mode", "simplex") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["top_k"] == 2
    conventions = result["conventions"]
    assert conventions["top_k"] == 2
    assert {k: conventions["monte_carlo"][k] for k in ("draws", "mode", "seed")} == {
        "draws": 200, "mode": "simplex", "seed": 3}
    assert "min-max" in conventions["normalisation"] and "catalogue order" in conventions["ties"]
    probabilities = [r["top_k_probability"] for r in result["ranking"]]
    assert sum(probabilities) == pytest.approx(2.0)  # every draw has exactly two in its top 2
    assert result["ranking"][-1] == {**result["ranking"][-1], "scenario": P, "top_k_probability": 0.0,
                                     "rank_interval": [4, 4], "robustness": "stable"}
    assert all(r["robustness"] in ("stable", "fragile") for r in result["ranking"])
    assert run_cli("rank", str(ranking_file), "--json", "--top-k", "2", "--draws", "200", "--seed", "3",
                   "--mode", "simplex") == 0
    assert json.loads(capsys.readouterr().out) == result  # the seed makes it repeatable


def test_rank_prints_the_ranking(ranking_file, capsys):
    assert run_cli("rank", str(ranking_file)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["排名", "场景"] and "市民" in lines[0] and "部门" in lines[0]
    assert lines[1].split()[:3] == ["1", "拥堵治理与信号灯优化", "0.562"]
    assert [line.split()[1] for line in lines[1:5]] == ["拥堵治理与信号灯优化", "公交出行服务与线网优化",
                                                       "预约挂号与分时就诊", "智慧停车"]
    assert lines[5].startswith("权重：") and "问卷选择率 37.5%" in lines[5]
    assert lines[6].startswith("群体分歧：") and f"{T} 市民第1、部门第4" in lines[6]


def test_rank_refuses_what_is_not_a_project_or_a_bad_option(tmp_path, ranking_file, capsys):
    bad = tmp_path / "bad.huizhi"
    bad.write_text("hello")
    assert run_cli("rank", str(bad), "--json") == 2
    captured = capsys.readouterr()
    assert "不是汇智项目" in captured.err and captured.out == ""
    assert run_cli("rank", str(tmp_path / "missing.huizhi")) == 2
    assert "找不到项目文件" in capsys.readouterr().err
    assert run_cli("rank", str(ranking_file), "--draws", "5") == 2  # the model needs at least 10 draws
    assert "抽样次数" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        run_cli("rank", str(ranking_file), "--top-k", "0")
    assert exit_info.value.code == 2


# -- 9. conflicts of interest outside a session, and the migration ---------------------------------------------


def test_a_conflict_without_a_session(project):
    session = create_session(project, "研讨会")
    add_conflict(project, session, "企业与市民对停车收费看法相反", groups=["enterprise", "citizen"])
    found = add_conflict(project, None, "市民与部门对拥堵治理排序相差 3 位", groups=["citizen", "department"],
                         scenario_code=T)
    (listed,) = project_conflicts(project)
    assert (listed.id, listed.text, listed.scenario_code, listed.groups) == (
        found, "市民与部门对拥堵治理排序相差 3 位", T, ("citizen", "department"))
    assert [c.text for c in conflicts(project, session)] == ["企业与市民对停车收费看法相反"]
    with pytest.raises(ValidationError):
        add_conflict(project, None, "  ")


def test_a_schema_7_project_keeps_its_conflicts_and_gains_the_stamp(tmp_path):
    """Built with the first seven migrations: a session, a conflict of that session and a
    response. After opening (backup, then migration 8) the conflict is still the session's, a
    project conflict can be added, the stamp starts at 0 and moves, and the cache table is there."""
    path = tmp_path / "v7.huizhi"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn, execute_plugins=False)
    MIGRATIONS.apply(db, stop_before="0008_priorities")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    db.execute("INSERT INTO sessions(uuid, title, created_at) VALUES ('s-1', '旧研讨会', '2026-01-01')")
    db.execute("INSERT INTO interest_conflicts(uuid, session_id, scenario_code, groups, text, created_at) "
               "VALUES ('c-1', 1, NULL, ?, '旧冲突', '2026-01-01')", [json.dumps(["citizen"])])
    db.execute("INSERT INTO surveys(uuid, title_zh, created_at) VALUES ('v-1', '问卷', '2026-01-01')")
    db.execute("INSERT INTO responses(uuid, survey_id, survey_version, status) VALUES ('r-1', 1, 1, 'submitted')")
    conn.commit()
    conn.close()
    with open_project(path) as project:
        assert project.schema_version == LATEST_VERSION >= 8
        assert [(c.text, c.groups) for c in conflicts(project, 1)] == [("旧冲突", ("citizen",))]
        assert project_conflicts(project) == []
        add_conflict(project, None, "新冲突", groups=["department"])
        assert [c.text for c in project_conflicts(project)] == ["新冲突"]
        assert project.meta("responses_stamp") == "0"
        with project.transaction() as db:
            db.execute("UPDATE responses SET excluded = 1")
        assert project.meta("responses_stamp") == "1"
        assert project.db.conn.execute("SELECT count(*) FROM evidence_cache").fetchone()[0] == 0
        assert project.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with project.transaction() as db:
            db.execute("DELETE FROM sessions WHERE id = 1")  # a session's conflicts go with it, the project's stay
        assert conflicts(project, 1) == [] and [c.text for c in project_conflicts(project)] == ["新冲突"]


def test_weights_from_ahp_share_each_source_in_proportion():
    """Two sources, survey judged 3 × as important as text: for n = 2 the principal
    eigenvector of [[1, 3], [1/3, 1]] is (3/4, 1/4), CR 0. Survey's 3/4 is shared by the
    current weights .15 : .125 → .75 · .15/.275 = .409091, .75 · .125/.275 = .340909; text's
    1/4 goes to text_share (.10) and none to text_negative (0). Criteria of the sources not
    compared (workshop) get 0; the record keeps the judgements and the table used."""
    from analysis.priorities.model import weights_from_ahp

    criteria = ["survey_choice", "survey_value", "text_share", "text_negative", "workshop_value"]
    model, result = weights_from_ahp(PriorityModel(), criteria, [[1, 3], [1 / 3, 1]], ["survey", "text"],
                                     random_index="alonso_lamata2006")
    assert result.weights == pytest.approx((0.75, 0.25)) and result.cr == 0
    assert {c: model.weights[c] for c in criteria} == pytest.approx(
        {"survey_choice": 0.409091, "survey_value": 0.340909, "text_share": 0.25, "text_negative": 0.0,
         "workshop_value": 0.0})
    assert model.ahp["random_index"] == "alonso_lamata2006" and model.ahp["sources"] == ["survey", "text"]
    assert model.with_weight("survey_choice", 0.2).ahp is None
    assert model.with_group_weight("citizen", 2.0).ahp == model.ahp


def test_new_answers_classify_only_their_own_texts(main_copy, monkeypatch):
    """The classifier's verdicts are kept per distinct text: after one new response with a new
    open answer, only that text is classified; a new hand code (the classifier learns from
    it) classifies every distinct text again."""
    import analysis.priorities.evidence as evidence_module
    from analysis.text.corpus import code_text

    project, facts = main_copy
    classified: list[int] = []
    original = evidence_module._classify

    def spy(project, docs, hashes, codes, progress):
        classified.append(len(hashes))
        return original(project, docs, hashes, codes, progress)

    monkeypatch.setattr(evidence_module, "_classify", spy)
    distinct = len({d.hash for d in text_labels(project)[0]})
    assert classified == []  # all cached by the fixture's gathering
    add_responses(project, facts["survey"], [ResponseRecord(answers(pick=T, pain="地铁站出口太少，早上排队"), "citizen")])
    gather_evidence(project)
    assert classified == [1]
    docs, _ = text_labels(project)
    code_text(project, docs[0].doc, docs[0].text, P)
    gather_evidence(project)
    assert classified == [1, distinct + 1]
    assert text_labels(project)[1][docs[0].doc][0] == [P]  # the hand code wins


def test_only_the_five_largest_disagreements_are_flagged():
    """40 scenarios ranked in opposite orders by two groups: scenario i (0-based) gets ranks i + 1
    and 40 − i, a gap of |39 − 2i|, so the gaps run 39, 39, 37, 37, 35, 35, …; the threshold is
    max(3, ⌈40/5⌉) = 8; only the first five of the largest (39, 39, 37, 37, 35) are flagged."""
    from analysis.priorities.ranking import FLAGGED, RankedScenario, _disagreements

    rows = []
    for i in range(40):
        info = ScenarioInfo(f"s{i}", f"场景{i}", "d", "领域")
        rows.append(RankedScenario(info, i + 1, 0.0, {}, None, None, None, 0.0, {"a": i + 1, "b": 40 - i}))
    found = _disagreements(rows)
    assert [d.gap for d in found[:8]] == [39, 39, 37, 37, 35, 35, 33, 33]
    assert all(d.threshold == 8 for d in found)
    assert [d.gap for d in found if d.flagged] == [39, 39, 37, 37, 35] and FLAGGED == 5
