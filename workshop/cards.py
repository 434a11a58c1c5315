"""Cards: typed fast, tagged inline, then placed, edited, merged and split on the board.

A facilitator types one line per card, tagging it as they go::

    @交通局 #痛点 早高峰信号灯配时不合理 #信号灯

``@`` names the author, a participant or a department; ``#痛点`` / ``#需求`` / ``#创意`` /
``#风险`` (or pain, need, idea, risk) is the kind; any other ``#word`` is a free tag. Full-width
``＠`` and ``＃`` work too, since Chinese input methods type those. :func:`parse_line`
reads such a line; :func:`add_line` and :func:`add_lines` (a pasted block) store it.

A card sits in one place on the board: under a scenario, in a free cluster, or unassigned
(neither); ``position`` orders cards within their place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.project import Project

from .store import CARD_KINDS

KIND_NAMES = {"pain": "痛点", "need": "需求", "idea": "创意", "risk": "风险"}
_KIND_WORDS = {
    **{zh: kind for kind, zh in KIND_NAMES.items()},
    **{kind: kind for kind in CARD_KINDS},
    "问题": "pain", "建议": "idea", "想法": "idea", "隐患": "risk",
}
_TOKEN = re.compile(r"(?<!\S)([@＠#＃])(\S+)")


@dataclass(frozen=True, slots=True)
class ParsedCard:
    text: str
    kind: str | None = None
    author: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Author:
    """Who a card is from, as resolved against the session's participants."""

    participant_id: int | None = None
    department: str = ""
    stakeholder_group: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    id: int
    uuid: str
    text: str
    kind: str
    tags: tuple[str, ...]
    author: str
    department: str
    stakeholder_group: str | None
    scenario_code: str | None
    cluster_id: int | None
    position: float
    participant_id: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where a card goes: a scenario, a cluster, or (both None) unassigned."""

    scenario_code: str | None = None
    cluster_id: int | None = None

    def __post_init__(self) -> None:
        if self.scenario_code is not None and self.cluster_id is not None:
            raise ValueError("a card is under a scenario or in a cluster, not both")


UNASSIGNED = Place()


@dataclass(slots=True)
class CardFilter:
    kinds: set[str] = field(default_factory=set)
    author: str = ""
    tag: str = ""

    def accepts(self, card: Card) -> bool:
        return ((not self.kinds or card.kind in self.kinds)
                and (not self.author or self.author in (card.author, card.department))
                and (not self.tag or self.tag in card.tags))


# -- reading a typed line ------------------------------------------------------------------------


def parse_line(line: str) -> ParsedCard:
    """Split a typed line into text, kind, author and free tags (see the module docstring)."""
    kind: str | None = None
    author = ""
    tags: list[str] = []
    for sign, word in _TOKEN.findall(line):
        if sign in "@＠":
            author = author or word
        elif word.lower() in _KIND_WORDS and kind is None:
            kind = _KIND_WORDS[word.lower()]
        elif word not in tags:
            tags.append(word)
    text = " ".join(_TOKEN.sub(" ", line).split())
    return ParsedCard(text, kind, author, tuple(tags))


def format_line(card: Card) -> str:
    """A card written back as a capture line (the inverse of :func:`parse_line`), for editing."""
    parts = ["@" + (card.author or card.department)] if card.author or card.department else []
    parts += ["#" + KIND_NAMES.get(card.kind, card.kind), card.text, *("#" + t for t in card.tags)]
    return " ".join(parts)


def likely_parts(text: str) -> list[str]:
    """Where a card most likely splits, as a first guess for splitting it: at sentence
    punctuation or a joining word (另外, 还有, 同时); the whole text when there is none."""
    parts = [p for p in re.split(r"[；;。！？!?\n]|，(?=另外|还有|同时)", text) if p.strip()]
    return parts if len(parts) > 1 else [text]


@dataclass(frozen=True, slots=True)
class SessionWords:
    """What the capture line completes: ``@`` authors (people, then departments) and ``#`` tags."""

    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def complete(self, fragment: str) -> list[str]:
        """Completions for the word being typed (``@张`` → ``@张伟``), prefix matches first."""
        if not fragment or fragment[0] not in "@＠#＃":
            return []
        sign, stem = fragment[0], fragment[1:]
        names = self.authors if sign in "@＠" else list(KIND_NAMES.values()) + [
            t for t in self.tags if t not in KIND_NAMES.values()]
        matches = [n for n in names if n.startswith(stem) and n != stem]
        matches += [n for n in names if stem and stem in n and not n.startswith(stem)]
        return [sign + n for n in dict.fromkeys(matches)]


def session_words(project: Project, session_id: int) -> SessionWords:
    authors = [row[0] for row in project.db.conn.execute(
        "SELECT name FROM participants WHERE session_id = ? UNION SELECT department FROM participants "
        "WHERE session_id = ? AND department != '' UNION SELECT department FROM cards "
        "WHERE session_id = ? AND department != ''", [session_id, session_id, session_id])]
    return SessionWords(tuple(authors), tuple(sorted(_session_tags(project, session_id))))


def complete(project: Project, session_id: int, fragment: str) -> list[str]:
    """Completions for the word being typed: ``@`` people and departments, ``#`` kinds and tags."""
    return session_words(project, session_id).complete(fragment)


def resolve_author(project: Project, session_id: int, author: str) -> Author:
    """A participant's name gives the person; otherwise the word is a department, whose
    stakeholder group is the one its participants share (if they all share one)."""
    if not author:
        return Author()
    conn = project.db.conn
    person = conn.execute(
        "SELECT id, department, stakeholder_group FROM participants WHERE session_id = ? AND name = ? ORDER BY id",
        [session_id, author]).fetchone()
    if person:
        return Author(person[0], person[1], person[2])
    groups = {row[0] for row in conn.execute(
        "SELECT DISTINCT stakeholder_group FROM participants WHERE session_id = ? AND department = ?",
        [session_id, author])}
    return Author(None, author, groups.pop() if len(groups) == 1 else None)


# -- adding -----------------------------------------------------------------------------------------------


def add_line(project: Project, session_id: int, line: str, *, default_kind: str = "need",
             place: Place = UNASSIGNED, default_author: str = "") -> int:
    """Store one typed line as a card and return its id."""
    return add_lines(project, session_id, [line], default_kind=default_kind, place=place,
                     default_author=default_author)[0]


def add_lines(project: Project, session_id: int, lines: Iterable[str], *, default_kind: str = "need",
              place: Place = UNASSIGNED, default_author: str = "") -> list[int]:
    """Store many lines (a pasted block) as cards, in one transaction; blank lines are skipped."""
    parsed = [parse_line(line) for line in lines if line.strip()]
    for card in parsed:
        if not card.text:
            raise ValidationError("卡片只有标签，没有内容。", "A card has tags but no text.")
    if default_kind not in CARD_KINDS:
        raise ValidationError(f"未知的卡片类型：{default_kind}", f"Unknown card kind: {default_kind}")
    ids = []
    with project.transaction() as db:
        _check_place(db.conn, session_id, place)
        position = _end_of(db.conn, session_id, place)
        for card in parsed:
            author = resolve_author(project, session_id, card.author or default_author)
            position += 1
            cursor = db.conn.execute(
                "INSERT INTO cards(uuid, session_id, participant_id, kind, text, tags, scenario_code, created_at, "
                "department, stakeholder_group, cluster_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [new_uuid(), session_id, author.participant_id, card.kind or default_kind, card.text,
                 json.dumps(list(card.tags), ensure_ascii=False), place.scenario_code, now_iso(), author.department,
                 author.stakeholder_group, place.cluster_id, position])
            ids.append(cursor.lastrowid)
    return ids


# -- reading the board -----------------------------------------------------------------------------------


_CARD_SELECT = """
    SELECT c.id, c.uuid, c.text, c.kind, c.tags, COALESCE(p.name, ''), c.department, c.stakeholder_group,
           c.scenario_code, c.cluster_id, c.position, c.participant_id
    FROM cards c LEFT JOIN participants p ON p.id = c.participant_id
"""


def list_cards(project: Project, session_id: int) -> list[Card]:
    """Every card of the session, in board order (place, then position)."""
    rows = project.db.conn.execute(
        _CARD_SELECT + " WHERE c.session_id = ? ORDER BY c.scenario_code, c.cluster_id, c.position, c.id", [session_id])
    return [_card(row) for row in rows]


def get_card(project: Project, card_id: int) -> Card:
    row = project.db.conn.execute(_CARD_SELECT + " WHERE c.id = ?", [card_id]).fetchone()
    if row is None:
        raise ValidationError(f"没有这张卡片：{card_id}", f"No such card: {card_id}")
    return _card(row)


def _card(row) -> Card:
    tags = () if row[4] in ("[]", "", None) else tuple(json.loads(row[4]))  # most cards have none
    return Card(row[0], row[1], row[2], row[3], tags, row[5], row[6], row[7], row[8], row[9], row[10], row[11])


def _session_tags(project: Project, session_id: int) -> set[str]:
    tags: set[str] = set()
    for (raw,) in project.db.conn.execute("SELECT DISTINCT tags FROM cards WHERE session_id = ? AND tags != '[]'",
                                          [session_id]):
        tags.update(json.loads(raw))
    return tags


# -- changing cards -------------------------------------------------------------------------------------------


def edit_card(project: Project, card_id: int, *, text: str | None = None, kind: str | None = None,
              tags: Iterable[str] | None = None, author: str | None = None) -> None:
    """Change any of a card's text, kind, tags and author."""
    card = get_card(project, card_id)
    if text is not None and not text.strip():
        raise ValidationError("卡片内容不能为空。", "A card cannot be empty.")
    if kind is not None and kind not in CARD_KINDS:
        raise ValidationError(f"未知的卡片类型：{kind}", f"Unknown card kind: {kind}")
    with project.transaction() as db:
        if author is not None:
            who = resolve_author(project, _session_of(project, card_id), author)
            db.execute("UPDATE cards SET participant_id = ?, department = ?, stakeholder_group = ? WHERE id = ?",
                       [who.participant_id, who.department, who.stakeholder_group, card_id])
        db.execute("UPDATE cards SET text = ?, kind = ?, tags = ? WHERE id = ?",
                   [(text if text is not None else card.text).strip(), kind or card.kind,
                    json.dumps(list(tags) if tags is not None else list(card.tags), ensure_ascii=False), card_id])


def delete_cards(project: Project, card_ids: Iterable[int]) -> int:
    ids = list(card_ids)
    with project.transaction() as db:
        db.conn.executemany("DELETE FROM cards WHERE id = ?", [(i,) for i in ids])
    return len(ids)


def move_cards(project: Project, card_ids: Iterable[int], place: Place, *, before: int | None = None) -> None:
    """Put cards in ``place``, at its end or just before the card ``before``, keeping their order."""
    ids = list(card_ids)
    with project.transaction() as db:
        conn = db.conn
        session_id = _session_of(project, ids[0]) if ids else None
        if session_id is not None:
            _check_place(conn, session_id, place)
        anchor = conn.execute("SELECT position FROM cards WHERE id = ?", [before]).fetchone() if before else None
        if before is not None and anchor is None:
            raise ValidationError("要插在它前面的卡片已不存在。", "The card to go before is gone.")
        if before is not None:
            anchor = anchor[0]
            earlier = conn.execute(
                "SELECT MAX(position) FROM cards WHERE session_id = ? AND scenario_code IS ? AND cluster_id IS ? "
                "AND position < ?", [session_id, place.scenario_code, place.cluster_id, anchor]).fetchone()[0]
            low = anchor - 1 if earlier is None else earlier
            step = (anchor - low) / (len(ids) + 1)
            positions = [low + step * (i + 1) for i in range(len(ids))]
        else:
            end = _end_of(conn, session_id, place) if ids else 0
            positions = [end + i + 1 for i in range(len(ids))]
        conn.executemany("UPDATE cards SET scenario_code = ?, cluster_id = ?, position = ? WHERE id = ?",
                         [(place.scenario_code, place.cluster_id, pos, card_id) for card_id, pos in zip(ids, positions)])


def merge_cards(project: Project, card_ids: list[int]) -> int:
    """Merge duplicates into the first card: texts joined (each once), tags united; SWOT items
    that pointed at the others now point at it. Returns the kept card's id."""
    if len(card_ids) < 2:
        raise ValidationError("至少选两张卡片才能合并。", "Select at least two cards to merge.")
    cards = [get_card(project, i) for i in card_ids]
    keep, others = cards[0], cards[1:]
    texts = list(dict.fromkeys(c.text for c in cards))
    tags = list(dict.fromkeys(t for c in cards for t in c.tags))
    with project.transaction() as db:
        db.execute("UPDATE cards SET text = ?, tags = ? WHERE id = ?",
                   ["；".join(t.rstrip("。；;") for t in texts) if len(texts) > 1 else texts[0],
                    json.dumps(tags, ensure_ascii=False), keep.id])
        for other in others:
            db.execute("UPDATE swot_items SET card_id = ? WHERE card_id = ?", [keep.id, other.id])
            db.execute("DELETE FROM cards WHERE id = ?", [other.id])
    return keep.id


def split_card(project: Project, card_id: int, parts: list[str]) -> list[int]:
    """Split a card into several with the same author, kind, tags and place; the first part stays
    in the original card. Returns the ids, original first."""
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) < 2:
        raise ValidationError("拆分需要至少两段内容。", "A split needs at least two parts.")
    card = get_card(project, card_id)
    ids = [card_id]
    with project.transaction() as db:
        db.execute("UPDATE cards SET text = ? WHERE id = ?", [parts[0], card_id])
        following = db.conn.execute(
            "SELECT MIN(position) FROM cards WHERE session_id = ? AND scenario_code IS ? AND cluster_id IS ? "
            "AND position > ?", [_session_of(project, card_id), card.scenario_code, card.cluster_id,
                                 card.position]).fetchone()[0]
        step = ((following if following is not None else card.position + 1) - card.position) / len(parts)
        for i, text in enumerate(parts[1:], start=1):
            cursor = db.conn.execute(
                "INSERT INTO cards(uuid, session_id, participant_id, kind, text, tags, scenario_code, created_at, "
                "department, stakeholder_group, cluster_id, position) SELECT ?, session_id, participant_id, kind, ?, "
                "tags, scenario_code, ?, department, stakeholder_group, cluster_id, ? FROM cards WHERE id = ?",
                [new_uuid(), text, now_iso(), card.position + step * i, card_id])
            ids.append(cursor.lastrowid)
    return ids


# -- clusters ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cluster:
    id: int
    uuid: str
    title: str
    position: float


def create_cluster(project: Project, session_id: int, title: str, card_ids: Iterable[int] = ()) -> int:
    """A free cluster (not yet a scenario), with the given cards moved into it."""
    if not title.strip():
        raise ValidationError("分组需要一个名称。", "A cluster needs a title.")
    with project.transaction() as db:
        position = db.conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM clusters WHERE session_id = ?",
                                   [session_id]).fetchone()[0]
        cluster_id = db.conn.execute("INSERT INTO clusters(uuid, session_id, title, position) VALUES (?, ?, ?, ?)",
                                     [new_uuid(), session_id, title.strip(), position]).lastrowid
        ids = list(card_ids)
        if ids:
            move_cards(project, ids, Place(cluster_id=cluster_id))
    return cluster_id


def list_clusters(project: Project, session_id: int) -> list[Cluster]:
    rows = project.db.conn.execute("SELECT id, uuid, title, position FROM clusters WHERE session_id = ? "
                                   "ORDER BY position, id", [session_id])
    return [Cluster(*row) for row in rows]


def rename_cluster(project: Project, cluster_id: int, title: str) -> None:
    if not title.strip():
        raise ValidationError("分组需要一个名称。", "A cluster needs a title.")
    with project.transaction() as db:
        db.execute("UPDATE clusters SET title = ? WHERE id = ?", [title.strip(), cluster_id])


def delete_cluster(project: Project, cluster_id: int) -> None:
    """Remove the cluster; its cards become unassigned (not deleted)."""
    with project.transaction() as db:
        db.execute("DELETE FROM clusters WHERE id = ?", [cluster_id])


def cluster_to_scenario(project: Project, cluster_id: int, *, code: str, domain: str, name_zh: str = "",
                        name_en: str = "") -> str:
    """Make a cluster a project scenario in the catalogue: its cards move under the new scenario
    and the cluster goes. Returns the scenario code."""
    from workspace.catalogue import Scenario, add_scenario
    from workspace.text import LocalText

    row = project.db.conn.execute("SELECT title FROM clusters WHERE id = ?", [cluster_id]).fetchone()
    if row is None:
        raise ValidationError(f"没有这个分组：{cluster_id}", f"No such cluster: {cluster_id}")
    words = [w for (tags,) in project.db.conn.execute("SELECT tags FROM cards WHERE cluster_id = ?", [cluster_id])
             for w in json.loads(tags)]
    with project.transaction() as db:
        add_scenario(project, Scenario(code, domain, LocalText(name_zh or row[0], name_en),
                                       keywords=tuple(dict.fromkeys(words))))
        db.execute("UPDATE cards SET scenario_code = ?, cluster_id = NULL WHERE cluster_id = ?", [code, cluster_id])
        db.execute("DELETE FROM clusters WHERE id = ?", [cluster_id])
    return code


# -- helpers ------------------------------------------------------------------------------------------------------


def _session_of(project: Project, card_id: int) -> int:
    row = project.db.conn.execute("SELECT session_id FROM cards WHERE id = ?", [card_id]).fetchone()
    if row is None:
        raise ValidationError(f"没有这张卡片：{card_id}", f"No such card: {card_id}")
    return row[0]


def _check_place(conn, session_id: int, place: Place) -> None:
    """A cluster belongs to one session: a card cannot go into another session's cluster."""
    if place.cluster_id is None:
        return
    row = conn.execute("SELECT session_id FROM clusters WHERE id = ?", [place.cluster_id]).fetchone()
    if row is None or row[0] != session_id:
        raise ValidationError("这个分组不在本场研讨会中（可能已被删除）。", "That cluster is not in this session.")


def _end_of(conn, session_id: int | None, place: Place) -> float:
    return conn.execute(
        "SELECT COALESCE(MAX(position), 0) FROM cards WHERE session_id = ? AND scenario_code IS ? AND cluster_id IS ?",
        [session_id, place.scenario_code, place.cluster_id]).fetchone()[0]
