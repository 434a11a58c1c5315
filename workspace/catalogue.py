"""The scenario catalogue: smart-city application scenarios grouped into domains.

The bundled catalogue (``resources/catalogue/scenarios.json``) is copied into every new
project; from then on the project's own copy is the truth, and scenarios can be added,
edited and retired per project. A retired scenario stays in the file so that cards and
answers that point at it keep their meaning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

import resources

from .clock import now_iso
from .errors import ValidationError
from .project import Project
from .text import LocalText

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,47}$")


@dataclass(frozen=True, slots=True)
class Kpi:
    """A typical measurable target (量化指标) for a scenario."""

    name: LocalText
    unit: str
    higher_is_better: bool


@dataclass(frozen=True, slots=True)
class Domain:
    code: str
    name: LocalText


@dataclass(frozen=True, slots=True)
class Scenario:
    code: str
    domain: str
    name: LocalText
    description: LocalText = LocalText()
    kpis: tuple[Kpi, ...] = ()
    keywords: tuple[str, ...] = ()
    origin: str = "project"
    retired: bool = False


@dataclass(frozen=True, slots=True)
class Catalogue:
    version: int
    domains: tuple[Domain, ...]
    scenarios: tuple[Scenario, ...] = field(default=())


# -- the bundled catalogue ------------------------------------------------------------


def load_bundled_catalogue() -> Catalogue:
    """Read and validate the catalogue shipped in ``resources/``."""
    data = json.loads(resources.path("catalogue", "scenarios.json").read_text("utf-8"))
    problems = validate_catalogue(data)
    if problems:
        raise ValidationError(
            "内置场景目录有误：\n" + "\n".join(problems),
            "The bundled scenario catalogue is invalid:\n" + "\n".join(problems),
        )
    return catalogue_from_json(data)


def validate_catalogue(data: Any) -> list[str]:
    """Every problem with a catalogue document, as readable lines; empty when valid."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["catalogue: not a JSON object"]
    domains = data.get("domains") or []
    codes = [d.get("code") for d in domains if isinstance(d, dict)]
    if len(codes) != len(set(codes)):
        problems.append("domains: duplicate codes")
    for i, d in enumerate(domains):
        where = f"domains[{i}]"
        if not isinstance(d, dict) or not _CODE.match(str(d.get("code", ""))):
            problems.append(f"{where}: missing or malformed code")
            continue
        problems += _check_text(d.get("name"), f"{where}.name")
    seen: set[str] = set()
    for i, s in enumerate(data.get("scenarios") or []):
        where = f"scenarios[{i}]"
        if not isinstance(s, dict):
            problems.append(f"{where}: not an object")
            continue
        code = str(s.get("code", ""))
        where = f"scenario {code or i}"
        if not _CODE.match(code):
            problems.append(f"{where}: malformed code")
        if code in seen:
            problems.append(f"{where}: duplicate code")
        seen.add(code)
        if s.get("domain") not in codes:
            problems.append(f"{where}: unknown domain {s.get('domain')!r}")
        problems += _check_text(s.get("name"), f"{where}.name")
        problems += _check_text(s.get("description"), f"{where}.description")
        kpis = s.get("kpis") or []
        if not kpis:
            problems.append(f"{where}: no KPIs")
        for j, k in enumerate(kpis):
            problems += _check_text(k.get("name"), f"{where}.kpis[{j}].name")
            if not str(k.get("unit", "")).strip():
                problems.append(f"{where}.kpis[{j}]: no unit")
            if not isinstance(k.get("higher_is_better"), bool):
                problems.append(f"{where}.kpis[{j}]: higher_is_better must be true or false")
        keywords = s.get("keywords") or []
        if not keywords or not all(isinstance(w, str) and w.strip() for w in keywords):
            problems.append(f"{where}: keywords missing or blank")
    if not seen:
        problems.append("scenarios: none")
    return problems


def _check_text(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict) or not str(value.get("zh", "")).strip() or not str(value.get("en", "")).strip():
        return [f"{where}: needs both zh and en"]
    return []


def catalogue_from_json(data: dict) -> Catalogue:
    return Catalogue(
        version=int(data.get("version", 1)),
        domains=tuple(Domain(d["code"], LocalText.from_json(d["name"])) for d in data["domains"]),
        scenarios=tuple(
            Scenario(
                code=s["code"],
                domain=s["domain"],
                name=LocalText.from_json(s["name"]),
                description=LocalText.from_json(s.get("description")),
                kpis=tuple(
                    Kpi(LocalText.from_json(k["name"]), k["unit"], bool(k["higher_is_better"]))
                    for k in s.get("kpis", [])
                ),
                keywords=_clean_keywords(s.get("keywords", [])),
                origin="catalogue",
            )
            for s in data["scenarios"]
        ),
    )


def install_bundled_catalogue(project: Project) -> None:
    """Copy the bundled domains and scenarios into the project (existing codes are kept)."""
    catalogue = load_bundled_catalogue()
    with project.transaction() as db:
        for sort, domain in enumerate(catalogue.domains):
            db.execute(
                "INSERT OR IGNORE INTO domains(code, name_zh, name_en, sort) VALUES (?, ?, ?, ?)",
                [domain.code, domain.name.zh, domain.name.en, sort],
            )
        existing = {r[0] for r in db.conn.execute("SELECT code FROM scenarios")}
        for scenario in catalogue.scenarios:
            if scenario.code not in existing:
                _insert_scenario(project, scenario)
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('catalogue_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [str(catalogue.version)],
        )


# -- the project's catalogue ----------------------------------------------------------


def list_domains(project: Project) -> list[Domain]:
    rows = project.db.conn.execute("SELECT code, name_zh, name_en FROM domains ORDER BY sort, code")
    return [Domain(code, LocalText(zh, en)) for code, zh, en in rows]


def list_scenarios(project: Project, *, include_retired: bool = False) -> list[Scenario]:
    sql = (
        "SELECT code, domain_code, name_zh, name_en, description_zh, description_en, keywords, origin, retired "
        "FROM scenarios"
    )
    if not include_retired:
        sql += " WHERE retired = 0"
    rows = project.db.conn.execute(sql + " ORDER BY sort, code").fetchall()
    kpis = _kpis_by_scenario(project)
    return [
        Scenario(
            code=code,
            domain=domain,
            name=LocalText(name_zh, name_en),
            description=LocalText(desc_zh, desc_en),
            kpis=tuple(kpis.get(code, ())),
            keywords=tuple(json.loads(keywords)),
            origin=origin,
            retired=bool(retired),
        )
        for code, domain, name_zh, name_en, desc_zh, desc_en, keywords, origin, retired in rows
    ]


def get_scenario(project: Project, code: str) -> Scenario:
    for scenario in list_scenarios(project, include_retired=True):
        if scenario.code == code:
            return scenario
    raise ValidationError(f"没有这个场景：{code}", f"No such scenario: {code}")


def add_scenario(project: Project, scenario: Scenario) -> Scenario:
    """Add a project-specific scenario."""
    scenario = replace(scenario, keywords=_clean_keywords(scenario.keywords), kpis=tuple(scenario.kpis))
    _validate_scenario(project, scenario)
    with project.transaction() as db:
        if db.conn.execute("SELECT 1 FROM scenarios WHERE code = ?", [scenario.code]).fetchone():
            raise ValidationError(f"场景代码已存在：{scenario.code}", f"Scenario code already exists: {scenario.code}")
        _insert_scenario(project, replace(scenario, origin="project", retired=False))
    return get_scenario(project, scenario.code)


def update_scenario(project: Project, code: str, **changes: Any) -> Scenario:
    """Change any of ``domain``, ``name``, ``description``, ``kpis``, ``keywords``."""
    allowed = {"domain", "name", "description", "kpis", "keywords"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"cannot change {sorted(unknown)} of a scenario")
    current = get_scenario(project, code)
    for key in ("name", "description"):
        if key in changes:
            changes[key] = LocalText.from_json(changes[key])
    if "keywords" in changes:
        changes["keywords"] = _clean_keywords(changes["keywords"])
    if "kpis" in changes:
        changes["kpis"] = tuple(changes["kpis"])
    updated = replace(current, **changes)
    _validate_scenario(project, updated)
    with project.transaction() as db:
        db.execute("DELETE FROM scenario_kpis WHERE scenario_code = ?", [code])
        db.execute(
            "UPDATE scenarios SET domain_code = ?, name_zh = ?, name_en = ?, description_zh = ?, "
            "description_en = ?, keywords = ?, updated_at = ? WHERE code = ?",
            [
                updated.domain,
                updated.name.zh,
                updated.name.en,
                updated.description.zh,
                updated.description.en,
                json.dumps(list(updated.keywords), ensure_ascii=False),
                now_iso(),
                code,
            ],
        )
        _insert_kpis(project, code, updated.kpis)
    return get_scenario(project, code)


def retire_scenario(project: Project, code: str, *, retired: bool = True) -> None:
    """Take a scenario out of new work (or bring it back with ``retired=False``)."""
    get_scenario(project, code)
    with project.transaction() as db:
        db.execute(
            "UPDATE scenarios SET retired = ?, updated_at = ? WHERE code = ?", [int(retired), now_iso(), code]
        )


# -- helpers ------------------------------------------------------------------------


def _validate_scenario(project: Project, scenario: Scenario) -> None:
    if not _CODE.match(scenario.code):
        raise ValidationError(
            f"场景代码只能用小写字母、数字和下划线，并以字母开头：{scenario.code!r}",
            f"A scenario code uses lowercase letters, digits and underscores: {scenario.code!r}",
        )
    if not scenario.name.zh.strip():
        raise ValidationError("场景需要一个中文名称。", "A scenario needs a Chinese name.")
    if scenario.domain not in {d.code for d in list_domains(project)}:
        raise ValidationError(f"没有这个领域：{scenario.domain}", f"No such domain: {scenario.domain}")
    for kpi in scenario.kpis:
        if not kpi.name.zh.strip():
            raise ValidationError("指标需要一个中文名称。", "A KPI needs a Chinese name.")


def _insert_scenario(project: Project, scenario: Scenario) -> None:
    db = project.db
    sort = db.conn.execute("SELECT COALESCE(MAX(sort), 0) + 1 FROM scenarios").fetchone()[0]
    db.execute(
        "INSERT INTO scenarios(code, domain_code, name_zh, name_en, description_zh, description_en, "
        "keywords, origin, retired, sort, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            scenario.code,
            scenario.domain,
            scenario.name.zh,
            scenario.name.en,
            scenario.description.zh,
            scenario.description.en,
            json.dumps(list(scenario.keywords), ensure_ascii=False),
            scenario.origin,
            int(scenario.retired),
            sort,
            now_iso(),
        ],
    )
    _insert_kpis(project, scenario.code, scenario.kpis)


def _insert_kpis(project: Project, code: str, kpis: tuple[Kpi, ...]) -> None:
    for sort, kpi in enumerate(kpis):
        project.db.execute(
            "INSERT INTO scenario_kpis(scenario_code, name_zh, name_en, unit, higher_is_better, sort) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [code, kpi.name.zh, kpi.name.en, kpi.unit, int(kpi.higher_is_better), sort],
        )


def _kpis_by_scenario(project: Project) -> dict[str, list[Kpi]]:
    result: dict[str, list[Kpi]] = {}
    rows = project.db.conn.execute(
        "SELECT scenario_code, name_zh, name_en, unit, higher_is_better FROM scenario_kpis ORDER BY sort"
    )
    for code, zh, en, unit, higher in rows:
        result.setdefault(code, []).append(Kpi(LocalText(zh, en), unit, bool(higher)))
    return result


def _clean_keywords(words: Any) -> tuple[str, ...]:
    """Strip, drop blanks and repeats, keep order."""
    seen: dict[str, None] = {}
    for w in words or []:
        w = str(w).strip()
        if w:
            seen.setdefault(w, None)
    return tuple(seen)
