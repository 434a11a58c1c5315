"""The demo project: a fictional city's (临江市) citizen and department surveys and a workshop.

Everything is generated from the phrase bank in ``resources/demo/phrases.json`` with a
seeded random generator, so the same seed gives the same project. Open answers are
composed clause by clause (opener, problem, detail, wish, closer) from per-domain
banks, and lean towards the scenarios the respondent picked, as real answers do.

This module sits in ``analysis`` because it is the lowest layer that sees both surveys
and workshops.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import uuid
from collections.abc import Iterator
from pathlib import Path

import resources
from survey.model import Question, SurveyDefinition
from survey.store import ResponseRecord, add_responses, create_survey
from workshop.store import CardRecord, ParticipantRecord, add_cards, add_participants, create_session
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
            citizen = SurveyDefinition.from_json(_load_json("citizen_survey.json"))
            department = SurveyDefinition.from_json(_load_json("department_survey.json"))
            citizen_id = create_survey(project, citizen)
            department_id = create_survey(project, department)
            scenario_codes = {s.code for s in list_scenarios(project)}
            writer = _Writer(rng, bank)
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
_GROUP_OF_IDENTITY = {"citizen": "citizen", "enterprise": "enterprise", "partner": "partner"}
_COLLECTORS = ["王晓燕", "李建国", "张敏", "陈浩", "刘婷", "赵磊"]


class _Writer:
    """Composes respondents, answers and workshop content from the bank."""

    def __init__(self, rng: random.Random, bank: dict) -> None:
        self.rng = rng
        self.bank = bank
        self.survey: SurveyDefinition | None = None
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

    def choose(self, question: Question, weights: list[float] | None = None) -> str:
        names = [c.name for c in self.survey.choices(question)]
        return self.rng.choices(names, weights=weights)[0] if weights else self.rng.choice(names)

    def choose_some(self, question: Question, low: int, high: int, exclude: set[str] = frozenset()) -> list[str]:
        names = [c.name for c in self.survey.choices(question) if c.name not in exclude]
        return self.rng.sample(names, self.rng.randint(low, min(high, len(names))))

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

    # -- surveys --------------------------------------------------------------------

    def citizen_responses(self, survey: SurveyDefinition, count: int) -> Iterator[ResponseRecord]:
        rng = self.rng
        self.survey = survey
        q = {question.name: question for question in survey.questions}
        for i in range(count):
            identity = self.choose(q["identity"], [88, 9, 3])
            age = self.choose(q["age"], [22, 33, 27, 18])
            commute = self.choose(q["commute"], [22, 18, 24, 20, 9, 7])
            picked = self.choose_some(q["top_scenarios"], 1, 3)
            if age == "60_plus" and rng.random() < 0.6 and "elderly_digital" not in picked:
                picked[-1] = rng.choice(["elderly_home_care", "elderly_digital", "health_appointment"])
            picked = list(dict.fromkeys(picked))
            online = (
                ["none"]
                if rng.random() < (0.35 if age == "60_plus" else 0.08)
                else self.choose_some(q["online_services"], 1, 4, exclude={"none"})
            )
            started, ended, submitted = self.times()
            answers = {
                "consent": "yes",
                "identity": identity,
                "district": self.choose(q["district"], [18, 16, 20, 15, 19, 12]),
                "age": age,
                "commute": commute,
                "commute_minutes": "" if commute == "walk" and rng.random() < 0.5 else str(
                    max(5, int(rng.gauss(38 if commute in ("bus", "metro") else 28, 14)))
                ),
                "satisfaction": self.choose(q["satisfaction"], [6, 17, 36, 31, 10]),
                "online_services": " ".join(online),
                "top_scenarios": " ".join(picked),
                "digital_skill": self.choose(
                    q["digital_skill"], [25, 30, 25, 12, 8] if age == "60_plus" else [3, 8, 24, 38, 27]
                ),
                "recommend": str(min(10, max(0, int(rng.gauss(6.8, 2.2))))),
                "pain": self.citizen_text(self.domain_for(picked)) if rng.random() < 0.86 else "",
                "suggestion": self.citizen_text(self.domain_for(picked), wish_only=True) if rng.random() < 0.55 else "",
                "follow_up": self.choose(q["follow_up"], [3, 7]),
            }
            yield ResponseRecord(
                answers=answers,
                stakeholder_group=_GROUP_OF_IDENTITY[identity],
                uuid=self.uuid(),
                collector=_COLLECTORS[i % len(_COLLECTORS)],
                device_id=f"laptop-{i % len(_COLLECTORS) + 1:02d}",
                started_at=started,
                ended_at=ended,
                submitted_at=submitted,
            )

    def department_responses(self, survey: SurveyDefinition, count: int) -> Iterator[ResponseRecord]:
        rng = self.rng
        self.survey = survey
        q = {question.name: question for question in survey.questions}
        departments = [c.name for c in survey.choices(q["department"])]
        bank = self.bank["department"]
        for i in range(count):
            department = departments[i % len(departments)] if i < len(departments) * 2 else rng.choice(departments)
            systems = max(1, int(rng.gauss(6, 3)))
            started, ended, submitted = self.times()
            answers = {
                "consent": "yes",
                "department": department,
                "role": self.choose(q["role"], [10, 30, 40, 20]),
                "systems": str(systems),
                "sharing": self.choose(q["sharing"], [22, 38, 26, 10, 4]),
                "manual_hours": str(max(0, int(rng.gauss(9, 5)))),
                "barriers": " ".join(self.choose_some(q["barriers"], 1, 4)),
                "priority_scenarios": " ".join(self.choose_some(q["priority_scenarios"], 1, 3)),
                "readiness": self.choose(q["readiness"], [8, 22, 40, 24, 6]),
                "pain": self._department_text(bank["pains"], bank["needs"], pain=True),
                "need": self._department_text(bank["needs"], bank["pains"], pain=False) if rng.random() < 0.8 else "",
            }
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

    def _department_text(self, main: list[str], other: list[str], *, pain: bool) -> str:
        rng = self.rng
        clauses = [self.fill(c) for c in rng.sample(main, rng.choice([1, 1, 2]))]
        if rng.random() < 0.35:
            clauses.append(self.fill(rng.choice(other)))
        return "，".join(clauses) + "。"

    # -- the workshop -----------------------------------------------------------------

    def workshop(self, project: Project, scenario_codes: set[str]) -> None:
        rng = self.rng
        session_id = create_session(
            project,
            "临江市智慧城市建设跨部门需求研讨会",
            held_on="2026-10-29",
            place="市政务服务中心三楼第一会议室",
            facilitator="周慧（市智慧城市专班）",
        )
        people = self.participants()
        add_participants(project, session_id, people)
        authors = [p.uuid for p in people]
        cards = list(self.bank["cards"])
        rng.shuffle(cards)
        cards = cards[: max(80, min(len(cards), 110))]
        base = dt.datetime(2026, 10, 29, 9, 40)
        records = []
        for i, card in enumerate(cards):
            code = card.get("scenario")
            records.append(
                CardRecord(
                    text=card["text"],
                    kind=card["kind"],
                    participant_uuid=rng.choice(authors),
                    scenario_code=code if code in scenario_codes and rng.random() < 0.7 else None,
                    created_at=(base + dt.timedelta(seconds=40 * i + rng.randint(0, 30))).isoformat(),
                    uuid=self.uuid(),
                )
            )
        add_cards(project, session_id, records)

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
