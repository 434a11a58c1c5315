"""A project's headline counts and participation, for `huizhi info`, the Overview page and briefs."""

from __future__ import annotations

from dataclasses import dataclass, field

from survey.store import count_responses, list_surveys, responses_by_group
from workshop.store import count_rows
from workspace.catalogue import list_domains, list_scenarios
from workspace.project import Project
from workspace.stakeholders import list_groups
from workspace.text import LocalText


@dataclass(frozen=True, slots=True)
class GroupCount:
    code: str | None
    name: LocalText
    responses: int
    participants: int


@dataclass(frozen=True, slots=True)
class SurveyParticipation:
    survey_id: int
    title: LocalText
    by_group: dict[str | None, int]

    @property
    def total(self) -> int:
        return sum(self.by_group.values())


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    title: str
    path: str
    schema_version: int
    surveys: int
    responses: int
    sessions: int
    participants: int
    cards: int
    scenarios: int
    domains: int
    groups: list[GroupCount] = field(default_factory=list)
    participation: list[SurveyParticipation] = field(default_factory=list)

    def to_json(self) -> dict:
        """The shape printed by ``huizhi info --json`` (keys are a contract)."""
        return {
            "title": self.title,
            "path": self.path,
            "schema_version": self.schema_version,
            "surveys": self.surveys,
            "responses": self.responses,
            "sessions": self.sessions,
            "participants": self.participants,
            "cards": self.cards,
            "scenarios": self.scenarios,
            "domains": self.domains,
            "stakeholder_groups": {
                (g.code or "unknown"): {"name": g.name.zh, "responses": g.responses, "participants": g.participants}
                for g in self.groups
            },
        }


UNKNOWN_GROUP = LocalText("未注明", "Not stated")


def summarize(project: Project) -> ProjectSummary:
    surveys = list_surveys(project)
    titles = {s.id: s.title for s in surveys}
    participation: dict[int, dict[str | None, int]] = {s.id: {} for s in surveys}
    by_group: dict[str | None, int] = {}
    for survey_id, group, count in responses_by_group(project):
        participation[survey_id][group] = count
        by_group[group] = by_group.get(group, 0) + count
    people = dict(
        project.db.conn.execute(
            "SELECT stakeholder_group, COUNT(*) FROM participants GROUP BY stakeholder_group"
        ).fetchall()
    )
    groups = [
        GroupCount(g.code, g.name, by_group.pop(g.code, 0), people.pop(g.code, 0))
        for g in list_groups(project, include_retired=True)
    ]
    if by_group or people:  # answers or people whose group is missing or unknown
        groups.append(GroupCount(None, UNKNOWN_GROUP, sum(by_group.values()), sum(people.values())))
    return ProjectSummary(
        title=project.title,
        path=str(project.path),
        schema_version=project.schema_version,
        surveys=len(surveys),
        responses=count_responses(project),
        sessions=count_rows(project, "sessions"),
        participants=count_rows(project, "participants"),
        cards=count_rows(project, "cards"),
        scenarios=len(list_scenarios(project)),
        domains=len(list_domains(project)),
        groups=groups,
        participation=[SurveyParticipation(sid, titles[sid], participation[sid]) for sid in titles],
    )


def group_names(summary: ProjectSummary) -> dict[str | None, LocalText]:
    return {g.code: g.name for g in summary.groups}
