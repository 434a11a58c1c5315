"""Priorities benchmarks (issue 7), on the 100 000-response demo project (its 32 active scenarios).

Goal: ranking 30 scenarios from a 100 000-response project with a 1 000-draw Monte Carlo in
<= 1 s once the text pipeline's cache is warm; moving a weight slider re-ranks in <= 50 ms.

* ``huizhi rank PROJECT --json`` as a fresh process each time, start-up included: the first
  run (nothing cached: it segments every open answer), with the token cache warm but
  ``evidence_cache`` emptied (the text evidence is classified again), and warm (the
  evidence read from the cache; median of 3). Beside it, the interpreter's own start-up
  (``python -c pass``) and that of the imports ranking needs (numpy and
  ``analysis.priorities.ranking``), measured in the same run;
* in one process: ``gather_evidence`` with the cache warm, and ``RankingInputs`` +
  ``rank_scenarios`` with 1 000 draws (median of many);
* a criterion slider of the Priorities page moved by one step until the ranking, matrix,
  group and robustness tables are refreshed and the page repainted (median and p95 of 50),
  and a group-weight slider likewise;
* the cost of migration 0008's ``responses_stamp_*`` triggers: 100 000 responses added with
  ``add_responses`` into a fresh project with the triggers and into one without them.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESPONSES = 100_000
DRAWS = 1000
TRIGGERS = ("responses_stamp_insert", "responses_stamp_update", "responses_stamp_delete")


def _command(*args: str, stdout=subprocess.DEVNULL) -> tuple[float, str]:
    """Seconds for a fresh ``python args`` in the repository, and what it printed."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, text=True, stdout=stdout,
                          stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, done.stdout or ""


def _rank(project: Path) -> tuple[float, dict]:
    seconds, out = _command("-m", "desktop.cli", "rank", str(project), "--json", stdout=subprocess.PIPE)
    return seconds, json.loads(out)


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _median_ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.1f} ms"


def bench_priorities(tmp: Path, project: Path | None = None) -> list[str]:
    """All the priorities figures; ``project`` is a 100 000-response demo (generated here if None)."""
    sys.path.insert(0, str(ROOT))
    lines = []
    if project is None:
        project = tmp / "priorities.huizhi"
        seconds, _ = _command("-m", "desktop.cli", "demo", str(project), "--responses", str(RESPONSES), "--seed", "1")
        lines.append(f"demo generation, {RESPONSES:,} citizen responses: {seconds:.1f} s")
    lines += _bench_rank(project)
    lines += _bench_slider(project)
    lines += _bench_triggers(tmp)
    return lines


# -- huizhi rank and its pieces ---------------------------------------------------------------------------------


def _clear_evidence(project: Path) -> None:
    conn = sqlite3.connect(project)
    with conn:
        conn.execute("DELETE FROM evidence_cache")
    conn.close()


def _bench_rank(project: Path, repeats: int = 3) -> list[str]:
    conn = sqlite3.connect(project)
    responses = conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
    texts = conn.execute("SELECT COUNT(*) FROM text_tokens").fetchone()[0] if conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'text_tokens'").fetchone() else None
    conn.close()
    first = None
    if not texts:  # nothing segmented yet: this run warms the token cache
        first, _ = _rank(project)
    _clear_evidence(project)
    cold, result = _rank(project)
    warm = [_rank(project)[0] for _ in range(repeats)]
    bare = [_command("-c", "pass")[0] for _ in range(repeats)]
    imports = [_command("-c", "import numpy, analysis.priorities.ranking")[0] for _ in range(repeats)]
    scenarios = len(result["ranking"])
    criteria = sum(1 for c in result["criteria"] if c["weight"] > 0)
    groups = len(result["groups"])
    median = statistics.median(warm)
    start_up = statistics.median(imports)
    lines = [f"priorities: {scenarios} scenarios ranked from {responses:,} responses ({criteria} weighted criteria, "
             f"{groups} groups, {DRAWS} Monte Carlo draws)"]
    if first is not None:
        lines.append(f"huizhi rank --json, nothing cached (segments every open answer): {first:.1f} s")
    lines += [
        f"huizhi rank --json, token cache warm, evidence cache empty: {cold:.2f} s",
        f"huizhi rank --json, warm: {median * 1000:.0f} ms (goal <= 1000 ms, median of {repeats}, fresh process) "
        f"-> {median:.2f}x the goal",
        f"  start-up in the same run: python -c pass {statistics.median(bare) * 1000:.0f} ms, "
        f"import numpy + analysis.priorities.ranking {start_up * 1000:.0f} ms -> the rest (open, gather, rank, "
        f"print) about {(median - start_up) * 1000:.0f} ms",
    ]
    return lines + _bench_in_process(project)


def _bench_in_process(project: Path, repeats: int = 7, ranks: int = 40) -> list[str]:
    from analysis.priorities.evidence import gather_evidence
    from analysis.priorities.model import load_model
    from analysis.priorities.ranking import RankingInputs, rank_scenarios
    from workspace.project import open_project

    opens: dict[str, list[float]] = {"full": [], "quick": []}
    for _ in range(3):
        for check, times in opens.items():
            start = time.perf_counter()
            with open_project(project, check=check):
                times.append(time.perf_counter() - start)
    with open_project(project) as opened:
        gather_evidence(opened)
        gathers = []
        for _ in range(repeats):
            start = time.perf_counter()
            evidence = gather_evidence(opened)
            gathers.append(time.perf_counter() - start)
        model = load_model(opened)
    assert not any(evidence.computed.values()), evidence.computed
    assert model.draws == DRAWS, model.draws
    full, only = [], []
    for _ in range(ranks):
        start = time.perf_counter()
        inputs = RankingInputs(evidence)
        rank_scenarios(inputs, model)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        rank_scenarios(inputs, model)
        only.append(time.perf_counter() - start)
    total = statistics.median(gathers) + statistics.median(full)
    return [
        f"in process: gather_evidence (cache warm) {_median_ms(gathers)}, RankingInputs + rank_scenarios "
        f"({DRAWS} draws) {_median_ms(full)} (rank_scenarios alone {_median_ms(only)}) -> "
        f"{total * 1000:.0f} ms against the 1000 ms goal (medians of {repeats} and {ranks})",
        f"in process: open_project on the {project.stat().st_size / 1e6:.0f} MB file with PRAGMA integrity_check "
        f"(the app) {_median_ms(opens['full'])}, with PRAGMA quick_check (huizhi rank) {_median_ms(opens['quick'])} "
        "(medians of 3)",
    ]


# -- the Priorities page's sliders -----------------------------------------------------------------------------


def _bench_slider(project: Path, moves: int = 50, group_moves: int = 20) -> list[str]:
    from analysis.priorities.evidence import gather_evidence
    from analysis.priorities.model import load_model
    from desktop.app import create_application
    from desktop.pages.priorities import Gathered, PrioritiesPage
    from workspace.project import open_project

    with open_project(project) as opened:
        gathered = Gathered(gather_evidence(opened), load_model(opened), [])
    app = create_application()
    page = PrioritiesPage()
    page.resize(1440, 900)
    page.show()
    page._gathered(gathered)
    for _ in range(5):
        app.processEvents()

    def move(slider, moves: int) -> tuple[list[float], list[float]]:
        """Step ``slider`` up and back by one, ``moves`` times after two warm-up moves: the
        re-rank and refresh (``setValue``, synchronous) and then until the page is repainted."""
        totals, reranks = [], []
        base = slider.value()
        for n in range(moves + 2):
            value = base + 1 if n % 2 == 0 else base
            start = time.perf_counter()
            slider.setValue(value)
            middle = time.perf_counter()
            app.processEvents()
            if n >= 2:
                totals.append(time.perf_counter() - start)
                reranks.append(middle - start)
        return totals, reranks

    criterion = ("criterion", "survey_choice") if ("criterion", "survey_choice") in page.weights.sliders \
        else next(k for k in page.weights.sliders if k[0] == "criterion")
    group = next(k for k in page.weights.sliders if k[0] == "group")
    totals, reranks = move(page.weights.sliders[criterion], moves)
    group_totals, _ = move(page.weights.sliders[group], group_moves)
    rows = page.table.rowCount()
    page.save_timer.stop()
    page.close()
    page.deleteLater()
    app.processEvents()
    return [
        f"move a criterion slider one step ({criterion[1]}; {rows} rows re-ranked, tables, matrix and "
        f"robustness refreshed, page repainted): median {statistics.median(totals) * 1000:.1f} ms, "
        f"p95 {_p95(totals) * 1000:.1f} ms (goal <= 50 ms, {moves} moves); of which re-rank and refresh "
        f"{_median_ms(reranks)}",
        f"move a group-weight slider one step ({group[1]}): median {statistics.median(group_totals) * 1000:.1f} ms, "
        f"p95 {_p95(group_totals) * 1000:.1f} ms (goal <= 50 ms, {group_moves} moves)",
    ]


# -- the responses_stamp triggers ------------------------------------------------------------------------------


def _bench_triggers(tmp: Path, count: int = RESPONSES, repeats: int = 2) -> list[str]:
    """100 000 responses into a fresh project with the triggers and into one without, alternating
    which goes first; the demo's citizen answers (generated once, seeded) and, where the
    triggers weigh most, responses of a single answer each."""
    from analysis.demo import _load_json, _Writer
    from survey.store import ResponseRecord, add_responses, create_survey
    from survey.templates import load_template
    from workspace.catalogue import list_scenarios
    from workspace.project import create_project, remove_database_files

    template = load_template("citizen")
    runs = 0

    def insert(records: list, triggers: bool) -> float:
        nonlocal runs
        runs += 1
        path = tmp / f"stamp-{runs}.huizhi"
        with create_project(path, title="触发器基准") as project:
            survey_id = create_survey(project, template)
            present = {name for (name,) in
                       project.db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert set(TRIGGERS) <= present, present
            if not triggers:
                with project.transaction() as db:
                    for name in TRIGGERS:
                        db.execute(f"DROP TRIGGER {name}")
            start = time.perf_counter()
            add_responses(project, survey_id, records, total=len(records))
            seconds = time.perf_counter() - start
            stamp = project.meta("responses_stamp")
        assert (stamp == str(len(records))) == triggers, stamp
        remove_database_files(path)
        return seconds

    with create_project(tmp / "stamp-scenarios.huizhi") as project:
        scenarios = list_scenarios(project)
    writer = _Writer(random.Random(1), _load_json("phrases.json"), quirks=random.Random("1-quirks"))
    writer.scenarios = scenarios
    demo = list(writer.citizen_responses(template, count))
    answers = sum(len(r.answers) for r in demo)
    single = [ResponseRecord({"consent": "yes"}, "citizen", uuid=f"00000000-0000-4000-8000-{n:012d}",
                             submitted_at="2026-11-01T10:00:00") for n in range(count)]
    lines = []
    for name, records, times in ((f"demo citizen answers, {answers / count:.0f} a response", demo, repeats),
                                 ("one answer a response", single, repeats + 1)):
        timed: dict[bool, list[float]] = {True: [], False: []}
        for n in range(times):
            for triggers in ((True, False) if n % 2 == 0 else (False, True)):
                timed[triggers].append(insert(records, triggers))
        with_, without = statistics.median(timed[True]), statistics.median(timed[False])
        lines.append(f"add_responses, {count:,} responses ({name}): with the responses_stamp triggers "
                     f"{with_:.2f} s, without {without:.2f} s -> {with_ / without:.3f}x, "
                     f"{(with_ - without) / count * 1e6:.0f} us a response  (median of {times})")
    return lines
