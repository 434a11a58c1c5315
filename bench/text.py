"""Text-analysis benchmarks (issue 6), against a bare ``jieba.lcut`` loop over the same texts.

100 000 generated open answers (~40 characters each, every one distinct: clauses from the
demo phrase bank, each spliced with words drawn from jieba's own dictionary so that runs
between punctuation rarely repeat and the pipeline's clause memo gains little):

* full pipeline in one process (read the answers, hash, look up the cache, segment what is
  missing, store the tokens in the project, filter stopwords and synonyms) against the bare
  loop, both in fresh processes with jieba's start-up included;
* the same with both cores (process pool);
* re-run after adding 1 000 answers, in the same process as a full run (as in the app: the
  segmenter stays loaded and the previous load lends its terms), against that full run;
* ``huizhi text segment`` on a 10 MB file against a bare loop script, both as commands from
  start-up to the last line written;
* peak memory of the pipeline process plus its workers.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = 100_000

_BARE_LOOP = """
import sys, time, json
start = time.perf_counter()
import jieba
jieba.setLogLevel(60)
jieba.initialize()
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for t in texts:
    jieba.lcut(t)
print(time.perf_counter() - start)
"""

_PIPELINE = """
import sys, time, json, resource
start = time.perf_counter()
from analysis.text.corpus import load_corpus
from workspace.project import open_project
with open_project(sys.argv[1]) as project:
    corpus = load_corpus(project, workers=int(sys.argv[2]))
seconds = time.perf_counter() - start
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "segmented": corpus.segmented, "self_kb": me, "child_kb": children}))
"""

_RERUN = """
import sys, time, json
start = time.perf_counter()
from analysis.text.corpus import load_corpus, project_settings
from analysis.text.segment import Segmenter
from bench.text import add_answers
from workspace.project import open_project
with open_project(sys.argv[1]) as project:
    segmenter = Segmenter(project_settings(project))
    corpus = load_corpus(project, segmenter=lambda: segmenter, workers=1)
    full = time.perf_counter() - start
    add_answers(project, 1000, seed=99)
    start = time.perf_counter()
    corpus = load_corpus(project, segmenter=lambda: segmenter, workers=1, previous=corpus)
    again = time.perf_counter() - start
print(json.dumps({"full": full, "again": again, "segmented": corpus.segmented}))
"""

_BARE_SEGMENT = """
import sys, jieba
jieba.setLogLevel(60)
out = sys.stdout
for line in sys.stdin:
    out.write(" ".join(jieba.lcut(line.rstrip("\\n"))) + "\\n")
"""


def generate_texts(count: int, *, seed: int = 1) -> list[str]:
    """``count`` distinct answers of about 40 characters."""
    import jieba

    rng = random.Random(seed)
    bank = json.loads((ROOT / "resources" / "demo" / "phrases.json").read_text("utf-8"))
    clauses = [c for topic in bank["citizen"].values() for key in ("problems", "details", "wishes")
               for c in topic[key]]
    places = bank["places"]
    dictionary = Path(jieba.__file__).with_name("dict.txt").read_text("utf-8").splitlines()
    words = [w for w, freq, tag in (line.split(" ") for line in dictionary)
             if 2 <= len(w) <= 3 and int(freq) > 3000 and tag in ("n", "v", "a", "vn", "an")]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        parts = []
        for _ in range(rng.choice((2, 3, 3))):
            clause = rng.choice(clauses).replace("{place}", rng.choice(places)).replace("{district}", "东城区")
            clause = clause.replace("{n}", str(rng.randint(3, 9)))
            cut = rng.randrange(len(clause) + 1)
            parts.append(clause[:cut] + rng.choice(words) + rng.choice(words) + clause[cut:])
        text = "，".join(parts)[: rng.randint(32, 46)] + "。"
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def add_answers(project, count: int, *, seed: int = 1, texts: list[str] | None = None) -> None:
    """Add ``count`` citizen responses whose only answer is an open text."""
    from survey.store import ResponseRecord, add_responses, create_survey
    from survey.templates import load_template

    row = project.db.conn.execute("SELECT id FROM surveys ORDER BY id LIMIT 1").fetchone()
    survey_id = row[0] if row else create_survey(project, load_template("citizen"))
    texts = texts or generate_texts(count, seed=seed)
    add_responses(project, survey_id, (ResponseRecord({"pain": t}, "citizen", submitted_at="2026-11-01T10:00:00")
                                       for t in texts), total=count)


def _run(code: str, *args: str, stdin=None, stdout=subprocess.PIPE) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, check=True, text=True, stdin=stdin,
                          stdout=stdout)
    return time.perf_counter() - start, done.stdout or ""


def bench_text(tmp: Path) -> list[str]:
    from workspace.project import create_project

    sys.path.insert(0, str(ROOT))
    texts = generate_texts(ANSWERS)
    runs = {r for t in texts for r in t.replace("。", "，").split("，") if r}
    clause_share = len(runs) / sum(len([r for r in t.replace("。", "，").split("，") if r]) for t in texts)
    texts_file = tmp / "texts.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
    projects = []
    for name in ("one", "two", "rerun"):
        path = tmp / f"text-{name}.huizhi"
        with create_project(path, title="文本基准") as project:
            add_answers(project, ANSWERS, texts=texts)
        projects.append(path)
    chars = sum(map(len, texts))
    lines = [(f"text: {ANSWERS:,} answers, {chars / ANSWERS:.0f} characters on average, all distinct, "
              f"{clause_share:.0%} of clauses distinct")]

    bare = float(_run(_BARE_LOOP, str(texts_file))[1])
    one = json.loads(_run(_PIPELINE, str(projects[0]), "1")[1])
    two = json.loads(_run(_PIPELINE, str(projects[1]), "2")[1])
    lines.append(f"bare jieba.lcut loop (start-up included): {bare:.1f} s")
    lines.append(f"pipeline, 1 process: {one['seconds']:.1f} s -> {one['seconds'] / bare:.2f}x  (goal <= 1.0x)")
    lines.append(f"pipeline, 2 processes: {two['seconds']:.1f} s -> {two['seconds'] / bare:.2f}x  (goal <= 0.7x)")
    peak = (two["self_kb"] + 2 * two["child_kb"]) / 1024
    lines.append(f"peak memory, 2 processes: main {two['self_kb'] / 1024:.0f} MB + 2 x worker "
                 f"{two['child_kb'] / 1024:.0f} MB = at most {peak:.0f} MB  (goal <= 1536 MB)")
    rerun = json.loads(_run(_RERUN, str(projects[2]))[1])
    lines.append(f"re-run after adding 1 000 answers: {rerun['again'] * 1000:.0f} ms against a full run of "
                 f"{rerun['full']:.1f} s -> {rerun['again'] / rerun['full']:.1%}  (goal <= 5%, "
                 f"{rerun['segmented']} texts segmented)")

    big = tmp / "ten-mb.txt"
    with big.open("w", encoding="utf-8") as out:
        size, i = 0, 0
        while size < 10_000_000:
            line = texts[i % len(texts)] + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    with big.open() as stdin:
        bare_seg, _ = _run(_BARE_SEGMENT, stdin=stdin, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    with big.open() as stdin:
        subprocess.run([sys.executable, "-m", "desktop.cli", "text", "segment", "--json"], cwd=ROOT, check=True,
                       stdin=stdin, stdout=subprocess.DEVNULL)
    ours = time.perf_counter() - start
    lines.append(f"huizhi text segment --json on 10 MB ({i:,} lines): {ours:.1f} s against a bare loop's "
                 f"{bare_seg:.1f} s -> {ours / bare_seg:.2f}x  (goal <= 1.2x, start-up included)")
    return lines
