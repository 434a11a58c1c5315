"""`make bench`: reproducible benchmarks with ratios against a baseline measured in the same run.

Groups (``--only``): surveys (XLSForm import against pyxform, relevance), workshops (adding
a card and redrawing the board, opening a 500-card session), foundation (demo generation,
window start), fieldwork (answer latency, merge, XLSX import against a bare openpyxl pass,
sorting the 100 000-row responses table), text (the jieba pipeline against a bare jieba.lcut
loop; see bench/text.py), priorities (huizhi rank on the 100 000-response demo against the
interpreter's start-up, a weight slider's re-rank, the responses_stamp triggers' cost on
inserts; see bench/priorities.py). Foundation figures:
  * generation of a 100 000-response demo project: time and file size;
  * window-visible time of Huizhi on that project against a bare QApplication with an
    empty QMainWindow, both as fresh processes (interpreter start included), median of
    several runs; plus the time until the project's figures are on screen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "bench" / "window_probe.py"


def timed_run(command: list[str], marks: tuple[str, ...]) -> dict[str, float]:
    """Start ``command`` and return seconds until each mark line appears on its stdout."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    seen: dict[str, float] = {}
    for line in process.stdout:
        mark = line.strip()
        if mark in marks:
            seen[mark] = time.perf_counter() - start
    if process.wait() != 0 or set(seen) != set(marks):
        raise RuntimeError(f"{command} failed or did not report {marks}: {seen}")
    return seen


def bench_generation(path: Path, responses: int) -> tuple[float, int]:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop.cli", "demo", str(path), "--responses", str(responses), "--seed", "1"],
        check=True,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, path.stat().st_size


def bench_window(project: Path, repeats: int) -> dict[str, float]:
    bare, visible, loaded = [], [], []
    # Warm the file cache and jieba-free imports once, then alternate to share noise fairly.
    timed_run([sys.executable, str(PROBE), "bare"], ("visible",))
    timed_run([sys.executable, str(PROBE), "huizhi", str(project)], ("visible", "loaded"))
    for _ in range(repeats):
        bare.append(timed_run([sys.executable, str(PROBE), "bare"], ("visible",))["visible"])
        marks = timed_run([sys.executable, str(PROBE), "huizhi", str(project)], ("visible", "loaded"))
        visible.append(marks["visible"])
        loaded.append(marks["loaded"])
    return {
        "bare": statistics.median(bare),
        "visible": statistics.median(visible),
        "loaded": statistics.median(loaded),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", choices=["foundation", "surveys", "workshops", "fieldwork", "text", "priorities"],
                        help="run one group of benchmarks")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="huizhi-bench-") as tmp:
        tmp = Path(tmp)
        if args.only in (None, "surveys"):
            from bench.surveys import bench_imports, bench_relevance

            report(bench_imports(tmp) + bench_relevance(tmp))
        if args.only in (None, "workshops"):
            from bench.workshops import bench_workshop

            report(bench_workshop(tmp, repeats=args.repeats + 2))
        if args.only in (None, "text"):
            from bench.text import bench_text

            report(bench_text(tmp))
        if args.only in ("surveys", "workshops", "text"):
            return
        project = tmp / "bench.huizhi"
        seconds, size = bench_generation(project, args.responses)
        print(f"demo generation, {args.responses:,} citizen responses: {seconds:.1f} s, file {size / 1e6:.0f} MB", flush=True)
        if args.only in (None, "foundation"):
            report(foundation(project, args))
        if args.only in (None, "fieldwork"):
            from bench.fieldwork import bench_answer_latency, bench_import, bench_merge, bench_sort

            report(bench_answer_latency(tmp))
            report(bench_merge(tmp))
            report(bench_import(tmp))
            report(bench_sort(project))
        if args.only in (None, "priorities"):  # last: it fills the project's text and evidence caches
            from bench.priorities import bench_priorities

            report(bench_priorities(tmp, project))


def foundation(project: Path, args) -> list[str]:
    window = bench_window(project, args.repeats)
    return [
        f"window visible: bare Qt {window['bare'] * 1000:.0f} ms, Huizhi {window['visible'] * 1000:.0f} ms "
        f"-> ratio {window['visible'] / window['bare']:.2f}x  (median of {args.repeats})",
        f"project figures on screen ({args.responses:,} responses): {window['loaded'] * 1000:.0f} ms "
        f"-> {window['loaded'] / window['bare']:.2f}x bare window",
    ]


def report(lines: list[str]) -> None:
    for line in lines:
        print(line, flush=True)


if __name__ == "__main__":
    main()
