"""Survey benchmarks (issue 3): XLSForm import speed and relevance evaluation after one answer.

Baselines in the same run: pyxform's own reading of the same workbook (the converter ODK
and KoboToolbox use) for imports; re-evaluating the whole form for relevance.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT.parent / "shared" / "conformance" / "xlsforms"


def median_seconds(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def generated_form(path: Path, questions: int) -> Path:
    """A form with groups of 20, selects, integers with constraints and chained relevance."""
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::中文 (zh)", "label::English (en)", "relevant", "constraint", "required"])
    for i in range(questions):
        if i % 20 == 0:
            if i:
                survey.append(["end_group"])
            survey.append(["begin_group", f"g{i // 20}", f"第 {i // 20 + 1} 部分", f"Part {i // 20 + 1}",
                           f"${{q{i - 1}}} != 'no'" if i else None])
        relevant = f"${{q{i - 1}}} = 'yes' or ${{q{i - 1}}} > 2" if i % 3 == 1 else None
        if i % 2 == 0:
            survey.append(["select_one yn", f"q{i}", f"问题 {i}", f"Question {i}", relevant, None, "yes"])
        else:
            survey.append(["integer", f"q{i}", f"数量 {i}", f"Count {i}", relevant, ". >= 0 and . < 1000", None])
    survey.append(["end_group"])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::中文 (zh)", "label::English (en)"])
    choices.append(["yn", "yes", "是", "Yes"])
    choices.append(["yn", "no", "否", "No"])
    book.save(path)
    return path


def bench_imports(tmp: Path, repeats: int = 3) -> list[str]:
    from pyxform.xls2json import parse_file_to_json

    from survey.xlsform import read_xlsform

    forms = []
    if CONFORMANCE.exists():
        largest = max((p for p in CONFORMANCE.glob("*.xlsx") if not p.name.startswith("rej_")), key=lambda p: p.stat().st_size)
        forms.append(("largest conformance form " + largest.name, largest))
    forms.append(("generated 1 000-question form", generated_form(tmp / "generated_1000.xlsx", 1000)))
    lines = []
    for title, path in forms:
        ours = median_seconds(lambda: read_xlsform(path), repeats)
        theirs = median_seconds(lambda: parse_file_to_json(str(path)), repeats)
        lines.append(
            f"XLSForm import, {title}: Huizhi {ours * 1000:.0f} ms, pyxform read {theirs * 1000:.0f} ms "
            f"-> ratio {ours / theirs:.2f}x"
        )
    return lines


def bench_relevance(tmp: Path, repeats: int = 200) -> list[str]:
    from survey.runtime import FormState
    from survey.xlsform import read_xlsform

    definition = read_xlsform(generated_form(tmp / "generated_300.xlsx", 300)).definition
    state = FormState(definition)
    values = iter(["yes", "no", "5", "1"] * repeats)
    incremental = median_seconds(lambda: state.set("q150", next(values)), repeats)
    full = median_seconds(state.refresh, repeats)
    return [
        f"relevance after one answer, 300-question survey: {incremental * 1000:.2f} ms (goal <= 5 ms); "
        f"full re-evaluation {full * 1000:.2f} ms -> ratio {incremental / full:.2f}x"
    ]
