"""Cards from a sheet: an Excel workbook or CSV file with one card a row.

Columns are found by their header (Chinese or English, any case): the card's content (内容 …,
required), its kind (类型), author (作者 / 姓名: a participant or a department), department
(部门, used when no author is given), scenario (场景: code, Chinese or English name), free tags
(标签) and a cluster (分组). The content cell may carry the capture line's inline tags
(``@作者 #痛点 文本 #标签``, see :func:`workshop.cards.parse_line`); a filled column wins over
the inline tag it would contradict.

Every row is checked before anything is written; a single problem refuses the whole file,
with each problem's row, column and value. The cards then go in one transaction, in file
order, at the end of their place on the board.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from workspace.clock import new_uuid, now_iso
from workspace.errors import ValidationError
from workspace.project import Project

from .cards import KIND_NAMES, Author, Place, create_cluster, parse_line, resolve_author
from .store import CARD_KINDS

_HEADERS = {
    "content": ("内容", "卡片", "卡片内容", "意见", "文本", "text", "card", "content"),
    "kind": ("类型", "卡片类型", "kind", "type"),
    "author": ("作者", "姓名", "提出人", "发言人", "author", "name"),
    "department": ("部门", "单位", "department"),
    "scenario": ("场景", "应用场景", "场景编码", "scenario"),
    "tags": ("标签", "tags"),
    "cluster": ("分组", "cluster"),
}
_TAG_SEPARATORS = re.compile(r"[\s,，、;；]+")
_MAX_LISTED = 20


@dataclass(frozen=True, slots=True)
class ImportedCard:
    """One checked row, ready to store. ``kind`` is None when the row leaves it to the default."""

    row: int
    text: str
    kind: str | None
    author: Author
    tags: tuple[str, ...]
    scenario_code: str | None = None
    cluster: str = ""


def import_cards(project: Project, session_id: int, path, *, default_kind: str = "need") -> int:
    """Add the cards of an Excel/CSV sheet (first sheet, a header row) to a session; returns
    how many were added. Nothing is written if any row has a problem."""
    from workspace.tables import read_table

    if default_kind not in CARD_KINDS:
        raise ValidationError(f"未知的卡片类型：{default_kind}", f"Unknown card kind: {default_kind}")
    table = read_table(path)
    cards = cards_from_rows(project, session_id, table.headers, table.rows, where=f"{Path(path).name}：")
    return _store(project, session_id, cards, default_kind)


def cards_from_rows(project: Project, session_id: int, headers: list[str], rows: list[tuple[int, list[str]]], *,
                    where: str = "") -> list[ImportedCard]:
    """Check every row of a table (``rows`` as :func:`workspace.tables.read_table` gives them:
    spreadsheet row number, cells) and return its cards; reads the project, writes nothing.
    All problems are raised together in one :class:`ValidationError`."""
    _check_session(project, session_id)
    columns = {key: next((i for i, h in enumerate(headers) if h.strip().lower() in names), None)
               for key, names in _HEADERS.items()}
    if columns["content"] is None:
        raise ValidationError(
            f"{where}找不到卡片内容列（应为“内容”“卡片”“意见”等；表头：{'、'.join(headers)}）。",
            f"{where}No card content column (expected 内容, text, card, content …; headers: {', '.join(headers)}).")
    scenarios = _scenario_lookup(project)
    authors: dict[str, Author] = {}
    cards: list[ImportedCard] = []
    problems: list[tuple[str, str]] = []

    for number, cells in rows:
        def cell(key: str) -> str:
            index = columns[key]
            return cells[index].strip() if index is not None and index < len(cells) else ""

        def problem(key: str, value: str, zh: str, en: str) -> None:
            header = headers[columns[key]]
            problems.append((f"第 {number} 行“{header}”：" + (f"“{value}”" if value else "") + zh,
                             f"row {number}, column {header!r}: " + (f"{value!r} " if value else "") + en))

        if not any(c.strip() for c in cells):
            continue
        content = cell("content")
        if not content:
            problem("content", "", "为空，但这一行填了其他列", "empty, but other cells of the row are filled")
            continue
        parsed = parse_line(content)
        bad = False
        if not parsed.text:
            problem("content", content, "只有标签，没有内容", "has tags but no text")
            bad = True

        kind = parsed.kind
        kind_text = cell("kind")
        if kind_text:
            kind = _kind(kind_text)
            if kind is None:
                problem("kind", kind_text, f"不是卡片类型（可用：{'、'.join(KIND_NAMES.values())}）",
                        f"is not a card kind (use {', '.join(CARD_KINDS)} or {', '.join(KIND_NAMES.values())})")
                bad = True

        scenario_code = None
        scenario_text = cell("scenario")
        if scenario_text:
            scenario_code, why = _scenario(scenarios, scenario_text)
            if why:
                problem("scenario", scenario_text, *why)
                bad = True

        cluster = cell("cluster")
        if scenario_code and cluster:
            problem("cluster", cluster, "与场景同时填写：一张卡片只能放在场景或分组之一",
                    "as well as a scenario: a card goes under a scenario or into a cluster, not both")
            bad = True
        if bad:
            continue

        who = cell("author").lstrip("@＠").strip() or cell("department") or parsed.author
        if who not in authors:
            authors[who] = resolve_author(project, session_id, who)
        tags_text = cell("tags")
        tags = _split_tags(tags_text) if tags_text else parsed.tags
        cards.append(ImportedCard(number, parsed.text, kind, authors[who], tags, scenario_code, cluster))

    if problems:
        listed_zh = [zh for zh, _ in problems[:_MAX_LISTED]]
        listed_en = [en for _, en in problems[:_MAX_LISTED]]
        if len(problems) > _MAX_LISTED:
            listed_zh.append(f"… 另有 {len(problems) - _MAX_LISTED} 处")
            listed_en.append(f"… {len(problems) - _MAX_LISTED} more")
        raise ValidationError(f"{where}有 {len(problems)} 处问题，未导入：\n" + "\n".join(listed_zh),
                              f"{where}{len(problems)} problems; nothing imported:\n" + "\n".join(listed_en))
    return cards


# -- helpers ---------------------------------------------------------------------------------------------


def _store(project: Project, session_id: int, cards: list[ImportedCard], default_kind: str) -> int:
    """Write checked cards in one transaction, each at the end of its place, in the given order."""
    with project.transaction() as db:
        conn = db.conn
        clusters: dict[str, int] = {}
        for cluster_id, title in conn.execute(
                "SELECT id, title FROM clusters WHERE session_id = ? ORDER BY position, id", [session_id]):
            clusters.setdefault(title, cluster_id)
        ends: dict[tuple[str | None, int | None], float] = {}
        for card in cards:
            cluster_id = None
            if card.cluster:
                if card.cluster not in clusters:
                    clusters[card.cluster] = create_cluster(project, session_id, card.cluster)
                cluster_id = clusters[card.cluster]
            place = Place(card.scenario_code, cluster_id)
            key = (place.scenario_code, place.cluster_id)
            if key not in ends:
                ends[key] = conn.execute(
                    "SELECT COALESCE(MAX(position), 0) FROM cards WHERE session_id = ? AND scenario_code IS ? "
                    "AND cluster_id IS ?", [session_id, place.scenario_code, place.cluster_id]).fetchone()[0]
            ends[key] += 1
            conn.execute(
                "INSERT INTO cards(uuid, session_id, participant_id, kind, text, tags, scenario_code, created_at, "
                "department, stakeholder_group, cluster_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [new_uuid(), session_id, card.author.participant_id, card.kind or default_kind, card.text,
                 json.dumps(list(card.tags), ensure_ascii=False), place.scenario_code, now_iso(),
                 card.author.department, card.author.stakeholder_group, place.cluster_id, ends[key]])
    return len(cards)


def _check_session(project: Project, session_id: int) -> None:
    if not project.db.conn.execute("SELECT 1 FROM sessions WHERE id = ?", [session_id]).fetchone():
        raise ValidationError(f"没有这场研讨会：{session_id}", f"No such session: {session_id}")


def _kind(text: str) -> str | None:
    """A kind cell read as the capture line reads ``#痛点``, so the same words (and aliases) work."""
    word = text.strip().lstrip("#＃").strip()
    if not word or any(c.isspace() for c in word):
        return None
    parsed = parse_line("#" + word)
    return parsed.kind if parsed.kind and not parsed.text and not parsed.tags else None


def _split_tags(text: str) -> tuple[str, ...]:
    words = (w.lstrip("#＃") for w in _TAG_SEPARATORS.split(text))
    return tuple(dict.fromkeys(w for w in words if w))


def _scenario_lookup(project: Project) -> dict[str, list[tuple[str, bool]]]:
    """Every code and name (lower-cased) to the scenarios it names, codes listed first."""
    rows = project.db.conn.execute("SELECT code, name_zh, name_en, retired FROM scenarios ORDER BY sort, code").fetchall()
    lookup: dict[str, list[tuple[str, bool]]] = {}
    for code, _zh, _en, retired in rows:
        lookup.setdefault(code.lower(), []).append((code, bool(retired)))
    for code, name_zh, name_en, retired in rows:
        for name in (name_zh, name_en):
            key = (name or "").strip().lower()
            if key and (code, bool(retired)) not in lookup.setdefault(key, []):
                lookup[key].append((code, bool(retired)))
    return lookup


def _scenario(lookup: dict[str, list[tuple[str, bool]]], text: str) -> tuple[str | None, tuple[str, str] | None]:
    """The scenario a cell names, or why it names none (zh, en)."""
    matches = lookup.get(text.strip().lower(), [])
    if not matches:
        return None, ("不是项目目录中的场景（可填场景编码或名称）",
                      "is not a scenario of the project catalogue (give its code or name)")
    if len(matches) > 1 and matches[0][0].lower() != text.strip().lower():
        codes = [code for code, _ in matches]
        return None, (f"对应多个场景（{'、'.join(codes)}），请填场景编码",
                      f"names several scenarios ({', '.join(codes)}); give the code")
    code, retired = matches[0]
    if retired:
        return None, (f"是已停用的场景（{code}）", f"is a retired scenario ({code})")
    return code, None
