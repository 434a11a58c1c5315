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
    cached_part,
    gather_evidence,
)
from analysis.priorities.model import DEFAULT_WEIGHTS, PriorityModel, load_model, save_model
from analysis.priorities.ranking import RankingInputs, normalise, rank_scenarios, ranking_json
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
from workshop.store import ParticipantRecord, add_participants, create_session, participants
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
    """
    with create_project(path, title="排序测试") as project:
        for s in list_scenarios(project):
            if s.code not in (T, P, B, H):
                retire_scenario(project, s.code)
        survey_id = create_survey(project, travel_survey(audience=None))
        records = [ResponseRecord(answers(4, 5, 4, 3, T if i < 75 else P), "citizen") for i in range(100)]
        records.append(ResponseRecord(answers(2, 1, 2, 2, f"{B} {H}"), "department"))
        add_responses(project, survey_id, records)
