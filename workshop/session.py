"""One session read in one go: everything the workshop screens and the projector show.

The desktop reloads a :class:`SessionState` after every action (a few milliseconds for a
session of 60 participants and 500 cards), so the screens always show the file, never a
copy that drifted from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from workspace.catalogue import Domain, Scenario, list_domains, list_scenarios
from workspace.project import Project
from workspace.stakeholders import StakeholderGroup, list_groups

from . import records, scoring, swot
from .cards import Card, Cluster, SessionWords, list_cards, list_clusters, session_words
from .store import AgendaItem, Participant, SessionInfo, agenda, get_session, participants


@dataclass(frozen=True, slots=True)
class RoundState:
    round: scoring.Round
    results: scoring.RoundResults
    entries: dict[tuple[int, str, str], float]
    """(participant id, scenario, criterion) → value, as entered."""


@dataclass(frozen=True)
class SessionState:
    info: SessionInfo
    agenda: list[AgendaItem]
    people: list[Participant]
    groups: list[StakeholderGroup]
    scenarios: list[Scenario]
    """The catalogue's scenarios in catalogue order, retired ones included (old cards and rounds
    still name them); pick from ``not s.retired`` for new work."""
    cards: list[Card]
    clusters: list[Cluster]
    swot: dict[str | None, dict[str, list[swot.SwotItem]]]
    """Scenario code (None: the city-wide board) → quadrant → items; boards in use only."""
    rounds: list[RoundState]
    decisions: list[records.Decision]
    actions: list[records.Action]
    conflicts: list[records.InterestConflict]
    words: SessionWords = field(default_factory=SessionWords)
    domains: list[Domain] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.info.id

    def scenario(self, code: str | None) -> Scenario | None:
        return next((s for s in self.scenarios if s.code == code), None)

    def round(self, round_id: int | None) -> RoundState | None:
        return next((r for r in self.rounds if r.round.id == round_id), None)

    def board_scenarios(self) -> list[str]:
        """Scenarios that hold cards of this session, in catalogue order."""
        used = {c.scenario_code for c in self.cards if c.scenario_code}
        return [s.code for s in self.scenarios if s.code in used] + sorted(
            used - {s.code for s in self.scenarios})


SOURCES: dict[str, frozenset[str]] = {
    "info": frozenset({"sessions", "participants", "cards"}),
    "agenda": frozenset({"agenda_items"}),
    "people": frozenset({"participants"}),
    "groups": frozenset({"stakeholder_groups"}),
    "scenarios": frozenset({"scenarios", "scenario_kpis"}),
    "cards": frozenset({"cards", "participants"}),
    "clusters": frozenset({"clusters"}),
    "swot": frozenset({"swot_items", "cards", "participants"}),
    "rounds": frozenset({"scoring_rounds", "scores", "participants"}),
    "decisions": frozenset({"decisions"}),
    "actions": frozenset({"actions"}),
    "conflicts": frozenset({"interest_conflicts"}),
    "words": frozenset({"participants", "cards"}),
    "domains": frozenset({"domains"}),
}
"""Each part of a :class:`SessionState` and the tables it is read from."""


def _readers(project: Project, session_id: int) -> dict:
    def rounds() -> list[RoundState]:
        return [RoundState(r, scoring.results(project, r.id), scoring.entries(project, r.id))
                for r in scoring.list_rounds(project, session_id)]

    return {
        "info": lambda: get_session(project, session_id),
        "agenda": lambda: agenda(project, session_id),
        "people": lambda: participants(project, session_id),
        "groups": lambda: list_groups(project),
        "scenarios": lambda: list_scenarios(project, include_retired=True),
        "cards": lambda: list_cards(project, session_id),
        "clusters": lambda: list_clusters(project, session_id),
        "swot": lambda: {code: swot.board(project, session_id, code) for code in swot.boards_in_use(project, session_id)},
        "rounds": rounds,
        "decisions": lambda: records.decisions(project, session_id),
        "actions": lambda: records.actions(project, session_id),
        "conflicts": lambda: records.conflicts(project, session_id),
        "words": lambda: session_words(project, session_id),
        "domains": lambda: list_domains(project),
    }


def load_session(project: Project, session_id: int, *, previous: SessionState | None = None,
                 changed: frozenset[str] | set[str] | None = None) -> SessionState:
    """Read the session. Given the ``previous`` state and the tables ``changed`` since it was
    read, only the parts that read those tables are read again."""
    readers = _readers(project, session_id)
    if previous is None or changed is None or previous.id != session_id:
        return SessionState(**{name: read() for name, read in readers.items()})
    fresh = {name: read() for name, read in readers.items() if SOURCES[name] & set(changed)}
    return replace(previous, **fresh) if fresh else previous


class SessionCache:
    """The last state read for a screen and the tables changed since, so that the next read
    after an action reads only what the action could have changed. Use it from one thread."""

    def __init__(self) -> None:
        self.state: SessionState | None = None
        self.changed: set[str] = set()

    def note(self, tables) -> None:
        self.changed |= set(tables)

    def load(self, project: Project, session_id: int, *, full: bool = False) -> SessionState | None:
        """The session as the file has it now; None when it no longer exists (deleted, or undone)."""
        if not project.db.conn.execute("SELECT 1 FROM sessions WHERE id = ?", [session_id]).fetchone():
            self.state, self.changed = None, set()
            return None
        if full or self.state is None or self.state.id != session_id:
            state = load_session(project, session_id)
        else:
            state = load_session(project, session_id, previous=self.state, changed=self.changed)
        self.state, self.changed = state, set()
        return state
