"""The demo project: a fictional city's (临江市) citizen and department surveys and a workshop.

The surveys are the bundled templates (``resources/templates``) titled for the city; the
answers, open texts and workshop come from the phrase bank in ``resources/demo/phrases.json``
with a seeded random generator, so the same seed gives the same project. Answers hang
together: older respondents rate elderly services higher, drivers parking, and each
respondent's "top three" follows their own value × urgency grid. Open answers are
composed clause by clause (opener, problem, detail, wish, closer) from per-domain
banks, and lean towards the scenarios the respondent picked, as real answers do.

The workshop is a finished one: an agenda, one or two no-shows, cards under scenarios, in two
free clusters and left over, SWOT boards, three scoring rounds and the decisions, actions and
conflicts of interest that came out of them. Its scores hang together too: each scenario has
a value, urgency and feasibility, each stakeholder group leans its own way (citizens towards
community and elderly services, departments towards government and data, enterprises see
technology as more feasible), so the room disagrees where real rooms do.

This module sits in ``analysis`` because it is the lowest layer that sees both surveys
and workshops.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
import json
import os
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import resources
from survey.model import Question, SurveyDefinition, Text
from survey.quality import compute_flags
from survey.templates import load_template
from survey.store import ResponseRecord, add_responses, create_survey
from workshop import records, scoring, swot
from workshop.cards import create_cluster, list_cards
from workshop.store import (
    CardRecord,
    ParticipantRecord,
    add_agenda_item,
    add_cards,
    add_participants,
    create_session,
    participants,
    update_participant,
)
from workspace.catalogue import list_scenarios
from workspace.errors import ProjectError
from workspace.progress import Progress, no_progress, sub_progress
from workspace.project import Project, create_project, remove_database_files

DEFAULT_RESPONSES = 500
MIN_DEPARTMENT_RESPONSES = 40
DEMO_TITLE = "临江市智慧城市需求调研（演示项目）"
_FIELD_START = dt.datetime(2026, 10, 8, 8, 30)
_FIELD_DAYS = 21


def department_responses_for(citizen_responses: int) -> int:
    """Departments answer in a fixed proportion, but never fewer than 40."""
    return max(MIN_DEPARTMENT_RESPONSES, round(citizen_responses * 0.08))


def generate_demo(
    path: str | os.PathLike,
    *,
    responses: int = DEFAULT_RESPONSES,
    seed: int | None = None,
    progress: Progress = no_progress,
) -> Path:
    """Write a demo project to ``path`` (which must not exist) and return the path.

    ``responses`` is the number of citizen-survey responses; the department survey gets
    :func:`department_responses_for` of them. The file appears only when complete.
    """
    path = Path(path)
    if path.exists():
        raise ProjectError(f"文件已存在：{path}", f"File already exists: {path}")
    if responses < 0:
        raise ValueError("responses must be >= 0")
    tmp = path.with_name(path.name + ".generating")
    remove_database_files(tmp)
    rng = random.Random(seed)
    bank = _load_json("phrases.json")
    try:
        progress(0.0, "创建项目")
        with create_project(tmp, title=DEMO_TITLE) as project:
            citizen = replace(
                load_template("citizen"),
                title=Text.of("临江市智慧城市建设市民需求调查", "Linjiang smart-city citizen needs survey"),
                form_id="linjiang_citizen_2026",
            )
            department = replace(
                load_template("department"),
                title=Text.of("临江市智慧城市建设部门需求调查", "Linjiang smart-city department needs survey"),
                form_id="linjiang_department_2026",
            )
            citizen_id = create_survey(project, citizen)
            department_id = create_survey(project, department)
            writer = _Writer(rng, bank, quirks=random.Random(f"{seed}-quirks") if seed is not None else None)
            writer.scenarios = list_scenarios(project)
            scenario_codes = {s.code for s in writer.scenarios}
            n_dept = department_responses_for(responses)
            share = responses / (responses + n_dept) if responses + n_dept else 1.0
            add_responses(
                project,
                citizen_id,
                writer.citizen_responses(citizen, responses),
                total=responses,
                progress=sub_progress(progress, 0.02, 0.02 + 0.93 * share),
            )
            add_responses(
                project,
                department_id,
                writer.department_responses(department, n_dept),
                total=n_dept,
                progress=sub_progress(progress, 0.02 + 0.93 * share, 0.96),
            )
            progress(0.96, "生成研讨会")
            writer.workshop(project, scenario_codes)
            for survey_id in (citizen_id, department_id):
                compute_flags(project, survey_id)
        os.replace(tmp, path)
        progress(1.0, "完成")
    finally:
        remove_database_files(tmp)
    return path


def _load_json(name: str) -> dict:
    return json.loads(resources.path("demo", name).read_text("utf-8"))


# Citizens talk most about these domains; weights roughly follow 12345 hotline mixes.
_CITIZEN_DOMAIN_WEIGHTS = {
    "traffic": 16, "health": 13, "gov": 11, "community": 11, "safety": 8, "environment": 9,
    "education": 8, "elderly": 7, "emergency": 4, "water": 4, "energy": 4, "tourism": 2, "economy": 3,
}
_SCENARIO_PREFIX_DOMAIN = {
    "traffic": "traffic", "health": "health", "gov": "gov", "safety": "safety", "env": "environment",
    "edu": "education", "comm": "community", "emg": "emergency", "water": "water", "energy": "energy",
    "tour": "tourism", "elderly": "elderly", "econ": "economy",
}
# Mean value on 1–5 that respondents give each scenario in the grid (urgency a little lower).
_CITIZEN_GRID_MEANS = {
    "traffic_congestion": 4.1, "traffic_parking": 3.7, "traffic_transit": 3.6, "health_appointment": 4.2,
    "gov_one_network": 3.9, "safety_community_access": 3.8, "env_waste": 3.1, "elderly_home_care": 3.5,
    "elderly_digital": 3.2, "emg_flood": 3.4,
}
_DEPARTMENT_GRID_MEANS = {
    "gov_one_network": 4.0, "gov_hotline": 3.6, "gov_data_sharing": 4.5, "comm_grid": 3.5, "emg_command": 3.9,
    "traffic_congestion": 3.4, "health_records": 3.6, "safety_video_network": 3.3, "env_pollution_source": 3.0,
    "energy_building": 2.7,
}
_GROUP_OF_IDENTITY = {"citizen": "citizen", "enterprise": "enterprise", "partner": "partner"}
# Workshop scores: a scenario's value, urgency and feasibility on 1–5 as the room sees it,
# then how each stakeholder group leans (by scenario code, else domain, else "*").
_WORKSHOP_BASE = {
    "traffic_congestion": (4.4, 4.2, 3.4), "traffic_parking": (2.6, 3.8, 3.9), "traffic_transit": (3.6, 2.6, 3.5),
    "health_appointment": (4.3, 3.8, 4.0), "health_records": (4.0, 2.5, 2.6), "health_family_doctor": (3.6, 2.6, 3.2),
    "gov_one_network": (4.4, 3.8, 3.7), "gov_hotline": (3.6, 2.5, 3.9), "gov_data_sharing": (4.5, 4.0, 2.6),
    "safety_community_access": (2.4, 3.4, 3.9), "safety_video_network": (3.6, 2.5, 3.0), "safety_food": (3.4, 2.5, 3.5),
    "env_air": (2.5, 2.5, 3.4), "env_waste": (2.5, 3.6, 3.8), "env_pollution_source": (2.5, 2.5, 3.2),
    "edu_enrolment": (2.5, 3.7, 4.2), "edu_smart_campus": (2.5, 2.4, 3.3), "edu_resources": (3.6, 2.3, 2.9),
    "comm_grid": (3.9, 2.7, 3.5), "comm_services": (2.5, 2.4, 3.9), "comm_property": (2.4, 2.6, 3.9),
    "emg_command": (4.1, 2.3, 2.8), "emg_flood": (3.8, 4.1, 3.4), "water_leak": (2.5, 2.4, 3.4),
    "water_quality": (2.5, 2.3, 3.8), "energy_streetlight": (2.3, 2.6, 4.3), "energy_building": (2.2, 2.2, 3.9),
    "energy_ev_charging": (2.5, 3.6, 3.1), "tour_service": (2.3, 2.2, 3.6), "elderly_home_care": (3.9, 2.8, 3.0),
    "elderly_digital": (2.7, 3.7, 4.0), "econ_business": (3.6, 2.5, 3.7),
}
_GROUP_LEANS = {
    "citizen": {"community": (0.8, 0.9, 0), "elderly": (1.0, 1.0, 0), "health": (0.6, 0.6, 0),
                "traffic": (0.3, 0.5, 0), "env_pollution_source": (0.6, 1.2, 0),
                "gov_data_sharing": (-1.3, -1.1, 0), "safety_video_network": (-0.9, -0.5, 0)},
    "department": {"gov": (0.5, 0.4, 0.2), "gov_hotline": (0.3, 0, 0.2), "emergency": (0.5, 0.4, 0),
                   "safety": (0.3, 0.2, 0), "community": (-0.2, -0.4, 0), "elderly": (-0.2, -0.3, 0)},
    "enterprise": {"*": (0, 0, 0.6), "traffic": (0.2, 0, 0.8), "energy": (0.3, 0, 0.8), "economy": (0.6, 0.4, 0.3),
                   "elderly": (0, 0, -0.4), "community": (0, 0, -0.3), "gov_data_sharing": (0.2, 0, 0.9)},
    "partner": {"*": (0, 0, -0.4), "gov_data_sharing": (0.3, 0.2, -0.4), "environment": (0.4, 0.2, 0)},
}
_SHORTLIST = 8
_DOTS = 5
_COLLECTORS = ["王晓燕", "李建国", "张敏", "陈浩", "刘婷", "赵磊"]
# Shares of citizen responses with the faults real fieldwork has, for the quality flags to find.
_SPEEDER_SHARE, _STRAIGHT_SHARE, _DUPLICATE_SHARE = 0.02, 0.012, 0.008


class _Writer:
    """Composes respondents, answers and workshop content from the bank."""

    def __init__(self, rng: random.Random, bank: dict, quirks: random.Random | None = None) -> None:
        self.rng = rng
        # Fieldwork faults draw from their own generator, so adding them left every other answer as it was.
        self.quirks = quirks or random.Random()
        self.bank = bank
        self.survey: SurveyDefinition | None = None
        self.scenarios: list = []
        self.domains = list(_CITIZEN_DOMAIN_WEIGHTS)
        self.domain_weights = list(_CITIZEN_DOMAIN_WEIGHTS.values())

    # -- helpers ------------------------------------------------------------------

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def fill(self, clause: str) -> str:
        rng = self.rng
        if "{" not in clause:
            return clause
        return (
            clause.replace("{place}", rng.choice(self.bank["places"]))
            .replace("{district}", rng.choice(_DISTRICTS))
            .replace("{n}", str(rng.randint(3, 9)))
        )

    def times(self) -> tuple[str, str, str]:
        rng = self.rng
        start = _FIELD_START + dt.timedelta(
            days=rng.randrange(_FIELD_DAYS), hours=rng.randint(0, 10), minutes=rng.randint(0, 59)
        )
        end = start + dt.timedelta(minutes=rng.randint(4, 18), seconds=rng.randint(0, 59))
        return start.isoformat(), end.isoformat(), (end + dt.timedelta(seconds=rng.randint(1, 30))).isoformat()

    def choose(self, question: str, weights: list[float] | None = None) -> str:
        names = [c.name for c in self.survey.choices(self.survey.question(question))]
        return self.rng.choices(names, weights=weights)[0] if weights else self.rng.choice(names)

    def choose_some(self, question: str, low: int, high: int, exclude: set[str] = frozenset()) -> list[str]:
        names = [c.name for c in self.survey.choices(self.survey.question(question)) if c.name not in exclude]
        return self.rng.sample(names, self.rng.randint(low, min(high, len(names))))

    def score(self, mean: float) -> str:
        """A 1–5 answer around ``mean``."""
        return str(min(5, max(1, round(self.rng.gauss(mean, 0.9)))))

    def grid(self, question: Question, means: dict[str, float]) -> tuple[dict[str, str], list[str]]:
        """Value and urgency for each scenario, and the three the respondent rates highest."""
        answers, ranked = {}, []
        names = iter(question.answer_names())
        for code in question.scenario_codes():
            value, urgency = self.score(means.get(code, 3.2)), self.score(means.get(code, 3.2) - 0.3)
            answers[next(names)], answers[next(names)] = value, urgency
            ranked.append((int(value) * int(urgency) + self.rng.random(), code))
        return answers, [code for _, code in sorted(ranked, reverse=True)[:3]]

    def citizen_text(self, domain: str, *, wish_only: bool = False) -> str:
        """One natural open answer about ``domain``: a few clauses in varied order."""
        rng = self.rng
        topic = self.bank["citizen"][domain]
        clauses: list[str] = []
        if rng.random() < 0.45:
            # A lead-in that fits the topic when the bank has one, else a neutral one.
            openers = topic.get("openers") if rng.random() < 0.6 else None
            clauses.append(self.fill(rng.choice(openers or self.bank["openers"])).rstrip("，,"))
        if not wish_only:
            clauses.append(self.fill(rng.choice(topic["problems"])))
            if rng.random() < 0.5:
                clauses.append(self.fill(rng.choice(topic["details"])))
        if wish_only or rng.random() < 0.6:
            clauses.append(self.fill(rng.choice(topic["wishes"])))
        clauses = [c for c in clauses if c]
        text = "，".join(clauses) + "。"
        if rng.random() < 0.3:
            text += self.fill(rng.choice(self.bank["closers"]))
        return text

    def domain_for(self, picked: list[str]) -> str:
        """Most answers are about a scenario the respondent picked; some about anything."""
        if picked and self.rng.random() < 0.7:
            prefix = self.rng.choice(picked).split("_", 1)[0]
            return _SCENARIO_PREFIX_DOMAIN.get(prefix, "gov")
        return self.rng.choices(self.domains, weights=self.domain_weights)[0]

    def phone(self) -> str:
        return "1" + self.rng.choice("3578") + "".join(str(self.rng.randint(0, 9)) for _ in range(9))

    # -- surveys --------------------------------------------------------------------

    def citizen_responses(self, survey: SurveyDefinition, count: int) -> Iterator[ResponseRecord]:
        rng = self.rng
        self.survey = survey
        grid = survey.question("grid")
        self.previous: dict[str, str] | None = None
        for i in range(count):
            started, ended, submitted = self.times()
            common = dict(uuid=self.uuid(), collector=_COLLECTORS[i % len(_COLLECTORS)],
                          device_id=f"laptop-{i % len(_COLLECTORS) + 1:02d}", started_at=started, ended_at=ended,
                          submitted_at=submitted)
            if rng.random() < 0.015:  # a few decline on the consent page
                yield ResponseRecord(answers={"consent": "no"}, stakeholder_group="citizen", **common)
                continue
            answers = self.citizen_answers(grid)
            answers, common = self.faulty(answers, common, grid)
            yield ResponseRecord(answers=answers, stakeholder_group=_GROUP_OF_IDENTITY[answers["identity"]], **common)
            self.previous = answers

    def faulty(self, answers: dict[str, str], common: dict, grid: Question) -> tuple[dict[str, str], dict]:
        """Now and then a response with a real fieldwork fault: rushed through (a speeder),
        the same score all down the grid (straight-lining), or the previous respondent
        entered again on another laptop (a duplicate)."""
        roll = self.quirks.random()
        if roll < _SPEEDER_SHARE:
            started = dt.datetime.fromisoformat(common["started_at"])
            ended = started + dt.timedelta(seconds=self.quirks.randint(60, 150))
            return answers, {**common, "ended_at": ended.isoformat(),
                             "submitted_at": (ended + dt.timedelta(seconds=5)).isoformat()}
        roll -= _SPEEDER_SHARE
        if roll < _STRAIGHT_SHARE:
            same = self.quirks.choice("345")
            return {**answers, **dict.fromkeys(grid.answer_names(), same)}, common
        roll -= _STRAIGHT_SHARE
        if roll < _DUPLICATE_SHARE and self.previous is not None:
            return dict(self.previous), common
        return answers, common

    def citizen_answers(self, grid: Question) -> dict[str, str]:
        rng = self.rng
        identity = self.choose("identity", [88, 9, 3])
        age = self.choose("age", [3, 21, 32, 26, 18])
        older = age == "60_plus"
        occupation = "retired" if older and rng.random() < 0.8 else self.choose("occupation", [55, 14, 12, 4, 5, 10])
        if age == "under_18":
            occupation = "student"
        commutes = "yes" if rng.random() < (0.3 if older else 0.78) else "no"
        answers: dict[str, str] = {
            "consent": "yes",
            "identity": identity,
            "district": self.choose("district", [17, 15, 19, 14, 18, 12, 5]),
            "age": age,
            "years_here": self.choose("years_here", [8, 22, 25, 45]),
            "occupation": occupation,
            "commutes": commutes,
            "satisfaction": self.choose("satisfaction", [6, 17, 36, 31, 10]),
            "used_hotline": "yes" if rng.random() < 0.32 else "no",
            "digital_skill": self.choose("digital_skill", [25, 30, 25, 12, 8] if older else [3, 8, 24, 38, 27]),
            "elderly_home": "yes" if older or rng.random() < 0.3 else "no",
            "privacy": self.choose("privacy", [8, 18, 30, 32, 12]),
            "recommend": str(min(10, max(0, int(rng.gauss(6.8, 2.2))))),
            "most_trips": str(min(30, max(0, int(rng.expovariate(0.45))))),
            "follow_up": "yes" if rng.random() < 0.22 else "no",
        }
        mode = ""
        if commutes == "yes":
            mode = self.choose("commute_mode", [22, 18, 24, 18, 5, 7, 6])
            answers["commute_mode"] = mode
            answers["commute_minutes"] = str(max(5, min(180, int(rng.gauss(38 if mode in ("bus", "metro") else 28, 14)))))
            pains = {"car": ["congestion", "parking"], "bus": ["bus_late", "transfer"], "metro": ["transfer"],
                     "ebike": ["unsafe", "congestion"]}.get(mode, [])
            answers["commute_pains"] = " ".join(dict.fromkeys(pains + self.choose_some("commute_pains", 0, 2, exclude={"none"}))) or "none"
        online = ["none"] if rng.random() < (0.35 if older else 0.08) else self.choose_some("online_services", 1, 4, exclude={"none"})
        answers["online_services"] = " ".join(online)
        if online != ["none"]:
            answers["online_ease"] = self.choose("online_ease", [5, 12, 28, 35, 20])
        if answers["used_hotline"] == "yes":
            answers["hotline_satisfaction"] = self.choose("hotline_satisfaction", [10, 20, 30, 28, 12])
        if answers["elderly_home"] == "yes":
            answers["elderly_needs"] = " ".join(self.choose_some("elderly_needs", 1, 3))
        means = dict(_CITIZEN_GRID_MEANS)
        if older:
            means.update(elderly_home_care=4.5, elderly_digital=4.4, health_appointment=4.3, traffic_parking=2.6)
        if mode == "car":
            means.update(traffic_parking=4.4, traffic_congestion=4.5)
        if mode in ("bus", "metro"):
            means.update(traffic_transit=4.4)
        grid_answers, top = self.grid(grid, means)
        answers.update(grid_answers)
        answers["top_scenarios"] = " ".join(top)
        answers["kano_online_f"] = self.choose("kano_online_f", [46, 30, 14, 6, 4])
        answers["kano_online_d"] = self.choose("kano_online_d", [3, 4, 15, 30, 48])
        if rng.random() < 0.86:
            answers["pain"] = self.citizen_text(self.domain_for(top))
        if rng.random() < 0.55:
            answers["suggestion"] = self.citizen_text(self.domain_for(top), wish_only=True)
        if answers["follow_up"] == "yes":
            answers["phone"] = self.phone()
        return answers

    def department_responses(self, survey: SurveyDefinition, count: int) -> Iterator[ResponseRecord]:
        rng = self.rng
        self.survey = survey
        departments = [c.name for c in survey.choices(survey.question("department"))]
        bank = self.bank["department"]
        grid = survey.question("grid")
        kpis = [k for s in self.scenarios for k in s.kpis]
        for i in range(count):
            department = departments[i % len(departments)] if i < len(departments) * 2 else rng.choice(departments)
            runs = rng.random() < 0.85
            answers = {
                "consent": "yes",
                "department": department,
                "role": self.choose("role", [10, 30, 40, 20]),
                "staff": str(max(3, int(rng.gauss(25, 12)))),
                "runs_system": "yes" if runs else "no",
                "manual_hours": str(max(0, int(rng.gauss(9, 5)))),
                "duplicate_reports": str(max(0, int(rng.gauss(12, 7)))),
                "approval_days": f"{max(0.5, rng.gauss(8, 4)):.1f}",
                "coordination": self.choose("coordination", [20, 36, 26, 14, 4]),
                "barriers": " ".join(self.choose_some("barriers", 1, 4)),
                "readiness": self.choose("readiness", [8, 22, 40, 24, 6]),
                "budget": self.choose("budget", [30, 25, 35, 10]),
                "pain": self._department_text(bank["pains"], bank["needs"]),
            }
            if runs:
                answers.update({
                    "system_count": str(max(1, int(rng.gauss(6, 3)))),
                    "system_origin": " ".join(self.choose_some("system_origin", 1, 3)),
                    "data_sharing": self.choose("data_sharing", [22, 38, 26, 10, 4]),
                    "integration_targets": " ".join(self.choose_some("integration_targets", 1, 3, exclude={department})),
                    "integration_blockers": " ".join(self.choose_some("integration_blockers", 1, 3)),
                    "has_api": self.choose("has_api", [15, 35, 35, 15]),
                })
            grid_answers, top = self.grid(grid, _DEPARTMENT_GRID_MEANS)
            answers.update(grid_answers)
            answers["priority_scenarios"] = " ".join(top)
            if rng.random() < 0.6 and kpis:
                kpi = rng.choice(kpis)
                answers["kpi"] = f"{kpi.name.zh}（{kpi.unit}）" + rng.choice(["每季度通报", "纳入年度考核", "与建设前对比", "按月统计"])
            if rng.random() < 0.8:
                answers["need"] = self._department_text(bank["needs"], bank["pains"])
            if rng.random() < 0.5:
                answers["contact_name"] = rng.choice(self.bank["surnames"]) + rng.choice(self.bank["given_names"])
                answers["contact_phone"] = self.phone()
            started, ended, submitted = self.times()
            yield ResponseRecord(
                answers=answers,
                stakeholder_group="department",
                uuid=self.uuid(),
                collector="部门问卷（在线填报）",
                device_id="office",
                started_at=started,
                ended_at=ended,
                submitted_at=submitted,
            )

    def _department_text(self, main: list[str], other: list[str]) -> str:
        rng = self.rng
        clauses = [self.fill(c) for c in rng.sample(main, rng.choice([1, 1, 2]))]
        if rng.random() < 0.35:
            clauses.append(self.fill(rng.choice(other)))
        return "，".join(clauses) + "。"

    # -- the workshop -----------------------------------------------------------------

    def workshop(self, project: Project, scenario_codes: set[str]) -> None:
        rng = self.rng
        bank = self.bank["workshop"]
        session_id = create_session(
            project,
            "临江市智慧城市建设跨部门需求研讨会",
            held_on="2026-10-29",
            place="市政务服务中心三楼第一会议室",
            facilitator="周慧（市智慧城市专班）",
        )
        people = self.participants()
        absent = self.absentees(people)
        add_participants(project, session_id, people)
        authors = [p.uuid for p in people if p.uuid not in absent]
        cards = list(self.bank["cards"])
        rng.shuffle(cards)
        cards = cards[: max(80, min(len(cards), 110))]
        base = dt.datetime(2026, 10, 29, 9, 40)
        drafted = []
        for i, card in enumerate(cards):
            code = card.get("scenario")
            drafted.append(
                CardRecord(
                    text=card["text"],
                    kind=card["kind"],
                    participant_uuid=rng.choice(authors),
                    scenario_code=code if code in scenario_codes and rng.random() < 0.7 else None,
                    created_at=(base + dt.timedelta(seconds=40 * i + rng.randint(0, 30))).isoformat(),
                    uuid=self.uuid(),
                )
            )
        # One transaction for the whole board: the many small writes below become savepoints.
        with project.transaction():
            for title, minutes in bank["agenda"]:
                add_agenda_item(project, session_id, title, minutes)
            add_cards(project, session_id, drafted)
            ids = {p.uuid: p.id for p in participants(project, session_id)}
            for uuid_ in absent:
                update_participant(project, ids[uuid_], attended=False)
            self.clusters(project, session_id, bank["clusters"])
            by_scenario: dict[str, list] = {}
            for card in list_cards(project, session_id):
                if card.scenario_code:
                    by_scenario.setdefault(card.scenario_code, []).append(card)
            order = {s.code: i for i, s in enumerate(self.scenarios)}
            busiest = sorted(by_scenario, key=lambda code: (-len(by_scenario[code]), order.get(code, len(order))))
            self.swot(project, session_id, bank, busiest, by_scenario)
            shortlist = busiest[:_SHORTLIST]
            voters = [(ids[p.uuid], p.stakeholder_group) for p in people if p.uuid not in absent]
            outcome = self.rounds(project, session_id, bank["rounds"], shortlist, voters)
            self.outcomes(project, session_id, bank, outcome, {p.department for p in people if p.department})

    def absentees(self, people: list[ParticipantRecord]) -> set[str]:
        """One department's second delegate sent apologies; now and then an enterprise's too."""
        rng = self.rng
        away = {rng.choice([p for p in people if p.role == "业务骨干"]).uuid}
        if rng.random() < 0.5:
            away.add(rng.choice([p for p in people if p.stakeholder_group == "enterprise"]).uuid)
        return away

    def clusters(self, project: Project, session_id: int, clusters: list[dict]) -> None:
        """Free clusters of left-over cards whose text fits their theme; some cards stay unassigned."""
        rng = self.rng
        loose = [c for c in list_cards(project, session_id) if c.scenario_code is None and c.cluster_id is None]
        for cluster in clusters:
            fitting = [c for c in loose if any(word in c.text for word in cluster["words"])]
            if len(fitting) < 3:  # few fit closely: looser words, and failing those any card the room parked there
                fitting += [c for c in loose if c not in fitting and any(word in c.text for word in cluster["also"])]
            if len(fitting) < 3:
                rest = [c for c in loose if c not in fitting]
                fitting += rng.sample(rest, min(3 - len(fitting), len(rest)))
            wanted = rng.randint(4, 6)
            chosen = sorted(rng.sample(fitting, min(wanted, len(fitting))), key=lambda c: c.position)
            create_cluster(project, session_id, cluster["title"], [c.id for c in chosen])
            loose = [c for c in loose if c not in chosen]

    def swot(self, project: Project, session_id: int, bank: dict, busiest: list[str], by_scenario: dict) -> None:
        """The city-wide board (typed) and boards for the busiest scenarios (cards and typed items)."""
        rng = self.rng
        for quadrant, texts in bank["swot_city"].items():
            for text in rng.sample(texts, rng.randint(3, len(texts))):
                swot.add_item(project, session_id, quadrant, text=text)
        linked = {"W": ("pain",), "O": ("need", "idea"), "T": ("risk",)}
        for code in [c for c in busiest if c in bank["swot_scenarios"]][:3]:
            typed = bank["swot_scenarios"][code]
            for quadrant in swot.QUADRANTS:
                count = rng.randint(2, 3)
                fits = [c for c in by_scenario[code] if c.kind in linked.get(quadrant, ())]
                if fits:
                    swot.add_item(project, session_id, quadrant, card_id=rng.choice(fits).id, scenario_code=code)
                    count -= 1
                for text in rng.sample(typed[quadrant], min(count, len(typed[quadrant]))):
                    swot.add_item(project, session_id, quadrant, text=text, scenario_code=code)

    def leaning(self, code: str, group: str | None) -> tuple[float, float, float]:
        """Value, urgency and feasibility a member of ``group`` gives ``code`` on average."""
        base = _WORKSHOP_BASE.get(code, (3.2, 3.0, 3.3))
        leans = _GROUP_LEANS.get(group or "", {})
        domain = next((s.domain for s in self.scenarios if s.code == code), "")
        shift = leans.get(code) or leans.get(domain) or leans.get("*") or (0, 0, 0)
        return tuple(b + d for b, d in zip(base, shift))

    def rounds(self, project: Project, session_id: int, titles: dict, shortlist: list[str],
               voters: list[tuple[int, str | None]]) -> scoring.RoundResults:
        """Scores, then dots and MoSCoW that follow each voter's own scores; returns the scores' results."""
        rng = self.rng
        scores = scoring.create_round(project, session_id, titles["scores"], shortlist)
        criteria = [c.code for c in scoring.DEFAULT_CRITERIA]
        given: dict[tuple[int, str], list[int]] = {}
        for pid, group in voters:
            lenient = rng.gauss(0, 0.15)  # some people score a little higher across the board
            for code in shortlist:
                cell = [min(5, max(1, round(mean + lenient + rng.gauss(0, 0.35))))
                        for mean in self.leaning(code, group)]
                for criterion, value in zip(criteria, cell):
                    scoring.set_score(project, scores, pid, code, criterion, value)
                given[(pid, code)] = cell
        dots = scoring.create_round(project, session_id, titles["dots"], shortlist, method="dots", dots=_DOTS)
        moscow = scoring.create_round(project, session_id, titles["moscow"], shortlist, method="moscow")
        for pid, _ in voters:
            weights = [(given[(pid, code)][0] * given[(pid, code)][1]) ** 1.5 for code in shortlist]
            placed = Counter(rng.choices(shortlist, weights=weights, k=_DOTS))
            for code, count in placed.items():
                scoring.set_dots(project, dots, pid, code, count)
            for code in shortlist:
                mean = sum(given[(pid, code)]) / 3 + rng.gauss(0, 0.35)
                category = "M" if mean >= 4.1 else "S" if mean >= 3.4 else "C" if mean >= 2.6 else "W"
                scoring.set_moscow(project, moscow, pid, code, category)
        return scoring.results(project, scores)

    def outcomes(self, project: Project, session_id: int, bank: dict, outcome: scoring.RoundResults,
                departments: set[str]) -> None:
        """Decisions that follow the scores, actions for the departments in the room, conflicts of interest."""
        rng = self.rng
        names = {s.code: s.name.zh for s in self.scenarios}
        ranked = sorted(outcome.scenarios, key=lambda r: -r.total)
        first = [r for r in ranked if r.quadrant == "do_first"] or ranked
        texts = bank["decisions"]
        records.add_decision(project, session_id, texts["first"].format(name=names[first[0].code]),
                             scenario_code=first[0].code)
        if len(first) > 1:
            records.add_decision(project, session_id, texts["second"].format(name=names[first[1].code]),
                                 scenario_code=first[1].code)
        other = next((r for quadrant in ("plan", "quick", "later") for r in ranked if r.quadrant == quadrant), None)
        if other is not None:
            records.add_decision(project, session_id, texts[other.quadrant].format(name=names[other.code]),
                                 scenario_code=other.code)
        records.add_decision(project, session_id, rng.choice(texts["general"]))

        shortlist = {r.code for r in outcome.scenarios}
        offers = []
        for department in sorted(departments):
            own = bank["actions"].get(department, [])
            best = sorted(own, key=lambda a: (a["scenario"] not in shortlist, a["scenario"] is None))
            if best:
                offers.append((best[0]["scenario"] in shortlist, rng.random(), department, best[0]["text"]))
            else:
                offers.append((False, rng.random(), department, rng.choice(bank["generic_actions"])))
        chosen = sorted(offers, reverse=True)[:6]
        statuses = ["done", "doing", "doing", "open", "open", "open"][: len(chosen)]
        rng.shuffle(statuses)
        planned = []
        for (_, _, department, text), status in zip(chosen, statuses):
            # What is done was due soon; the rest runs to the end of the year.
            days = rng.randint(0, 20) if status == "done" else rng.randint(7, 54)
            day = dt.date(2026, 11, 6) + dt.timedelta(days=days)
            planned.append((day, department, text, status))
        for day, department, text, status in sorted(planned):
            records.add_action(project, session_id, text, owner_department=department, due_on=day.isoformat(),
                               status=status)

        # Conflicts the scores bear out come first: the same groups split on the same scenario.
        split = {r.code: {frozenset(d[1:3]) for d in r.disagreements} for r in outcome.scenarios}

        def fit(conflict: dict) -> tuple:
            code, groups = conflict["scenario"], frozenset(conflict["groups"])
            pairs = split.get(code, set())
            return (code in shortlist, groups in pairs, any(groups & pair for pair in pairs), rng.random())

        ranked_conflicts = sorted(bank["conflicts"], key=fit, reverse=True)
        taken: list[dict] = []
        for conflict in ranked_conflicts:
            if len(taken) == 3:
                break
            if conflict["scenario"] not in {c["scenario"] for c in taken}:
                taken.append(conflict)
        for conflict in taken:
            records.add_conflict(project, session_id, conflict["text"], groups=conflict["groups"],
                                 scenario_code=conflict["scenario"])

    def participants(self) -> list[ParticipantRecord]:
        rng = self.rng
        bank = self.bank
        used: set[str] = set()

        def name() -> str:
            while True:
                candidate = rng.choice(bank["surnames"]) + rng.choice(bank["given_names"])
                if candidate not in used:
                    used.add(candidate)
                    return candidate

        people = []
        departments = rng.sample(bank["departments"], 9)
        for dept in departments:
            for role in ("科室负责人", "业务骨干"):
                people.append(ParticipantRecord(name(), dept["name"], "临江市人民政府", "department", role, uuid=self.uuid()))
        orgs = bank["organisations"]
        for org in rng.sample(orgs["enterprise"], 3):
            people.append(ParticipantRecord(name(), "", org, "enterprise", "企业代表", uuid=self.uuid()))
        for org in rng.sample(orgs["partner"], 2):
            people.append(ParticipantRecord(name(), "", org, "partner", "专家", uuid=self.uuid()))
        for org in rng.sample(orgs["citizen"], 2):
            people.append(ParticipantRecord(name(), "", org, "citizen", "居民代表", uuid=self.uuid()))
        return people


_DISTRICTS = ["东城区", "西城区", "滨江新区", "高新区", "老城区", "北湖区"]
