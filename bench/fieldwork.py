"""Fieldwork benchmarks (issue 4).

* answer save latency, p50/p99, each answer one FULL-synchronous transaction (goal p99 <= 10 ms);
* merge of 50 packages x 2 000 responses (goal <= 10 s), and merging them again (goal <= 2 s);
* import of a 100 000-row XLSX against a bare openpyxl read-only pass over the same file (goal <= 1.3x);
* sorting the 100 000-row responses table in SQL (goal <= 0.2 s).
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from pathlib import Path

from openpyxl import Workbook, load_workbook


def bench_answer_latency(tmp: Path, answers: int = 400) -> list[str]:
    from survey.capture import Capture
    from survey.store import create_survey
    from survey.templates import load_template
    from workspace.project import create_project

    with create_project(tmp / "latency.huizhi") as project:
        survey_id = create_survey(project, load_template("department"))
        capture = Capture(project, survey_id, collector="bench")
        rng = random.Random(1)
        times = []
        response = capture.new()
        for i in range(answers):
            if i % 40 == 0:
                response = capture.new()
            name = rng.choice(["staff", "manual_hours", "duplicate_reports", "approval_days", "pain", "kpi"])
            value = str(rng.randint(1, 100)) if name != "pain" and name != "kpi" else f"意见 {i}"
            start = time.perf_counter()
            capture.answer(response, name, value)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50, p99 = times[len(times) // 2], times[int(len(times) * 0.99)]
    return [f"answer save latency ({answers} answers, synchronous=FULL): p50 {p50:.2f} ms, p99 {p99:.2f} ms (goal p99 <= 10 ms)"]


def _records(rng: random.Random, count: int) -> list[dict]:
    records = []
    for _ in range(count):
        answers = {"consent": "yes", "department": rng.choice(["traffic", "health", "police", "civil"]),
                   "role": rng.choice(["leader", "staff", "it"]), "runs_system": "no",
                   "staff": str(rng.randint(3, 80)), "manual_hours": str(rng.randint(0, 40)),
                   "priority_scenarios": "gov_hotline", "pain": "各局数据口径不一致，汇总时对不上。"}
        audit = [{"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "question": q, "old": None, "new": v,
                  "at": "2026-11-24T10:00:00+00:00"} for q, v in answers.items()]
        records.append({"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "survey_version": 1,
                        "status": "submitted", "stakeholder_group": "department", "collector": "bench",
                        "device_id": "laptop", "started_at": "2026-11-24T10:00:00", "ended_at": "2026-11-24T10:09:00",
                        "submitted_at": "2026-11-24T10:09:00", "answers": answers, "audit": audit})
    return records


def bench_merge(tmp: Path, packages: int = 50, per_package: int = 2000) -> list[str]:
    import json

    from survey.package import DATA_FORMAT, _write_package, merge
    from survey.store import create_survey
    from survey.templates import load_template
    from workspace.project import create_project, open_project

    master = tmp / "master.huizhi"
    with create_project(master) as project:
        create_survey(project, load_template("department"))
        project_uuid = project.meta("project_uuid")
        survey_uuid = project.db.conn.execute("SELECT uuid FROM surveys").fetchone()[0]
    rng = random.Random(2)
    paths = []
    for n in range(packages):
        body = "\n".join(json.dumps(r, ensure_ascii=False) for r in _records(rng, per_package)).encode()
        manifest = {"format": DATA_FORMAT, "format_version": 1, "project_uuid": project_uuid,
                    "survey": {"uuid": survey_uuid, "id": 1, "version": 1}, "counts": {"responses": per_package}}
        paths.append(_write_package(tmp / f"laptop{n:02d}.hzdata", manifest, {"responses.jsonl": body}))
    with open_project(master) as project:
        start = time.perf_counter()
        first = merge(project, paths)
        first_seconds = time.perf_counter() - start
        start = time.perf_counter()
        again = merge(project, paths)
        again_seconds = time.perf_counter() - start
    return [
        f"merge {packages} packages x {per_package:,} responses: {first_seconds:.1f} s (goal <= 10 s), added {first.added:,}",
        f"merge them again: {again_seconds:.2f} s (goal <= 2 s), added {again.added}, unchanged {again.unchanged:,}",
    ]


def bench_import(tmp: Path, rows: int = 100_000) -> list[str]:
    from survey.importer import import_file
    from survey.store import create_survey
    from survey.templates import load_template
    from workspace.project import create_project

    path = tmp / "export.xlsx"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sheet1")
    sheet.append(["提交答卷时间", "您是否同意填写本问卷？", "您所在的部门", "您的岗位", "本科室在编人数",
                  "本部门是否在运行业务系统（自建或上级部署）？", "本科室每周用于手工填报、重复录入数据的时间（小时）",
                  "推进跨部门协同的主要障碍（可多选）", "日常工作中最突出的痛点是什么？"])
    rng = random.Random(3)
    departments = ["交通运输局", "卫生健康委员会", "公安局", "民政局", "教育局"]
    barriers = ["部门壁垒", "数据标准不统一", "系统不互通", "资金不足"]
    for i in range(rows):
        sheet.append([f"2026-10-{1 + i % 28:02d} 10:{i % 60:02d}:00", "同意参与", rng.choice(departments), "业务骨干",
                      rng.randint(3, 90), "否", rng.randint(0, 40), "┋".join(rng.sample(barriers, 2)),
                      f"第 {i} 份：各局数据口径不一致"])
    book.save(path)
    start = time.perf_counter()
    book = load_workbook(path, read_only=True)
    cells = sum(len(row) for row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    bare = time.perf_counter() - start
    with create_project(tmp / "import.huizhi") as project:
        survey_id = create_survey(project, load_template("department"))
        start = time.perf_counter()
        result = import_file(project, survey_id, path)
        ours = time.perf_counter() - start
    return [f"import {rows:,}-row XLSX ({cells:,} cells): Huizhi {ours:.1f} s, bare openpyxl read-only pass {bare:.1f} s "
            f"-> ratio {ours / bare:.2f}x (goal <= 1.3x); imported {result.imported:,}, rejected {len(result.rejected)}"]


def bench_sort(project_path: Path, repeats: int = 5) -> list[str]:
    from survey.browse import Filter, read_only_connection, response_ids

    conn = read_only_connection(str(project_path))
    lines = []
    for key in ("collector", "submitted", "minutes"):
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            ids = response_ids(conn, Filter(), sort=key, descending=True)
            times.append(time.perf_counter() - start)
        lines.append(f"sort {len(ids):,}-row responses table by {key}: {statistics.median(times) * 1000:.0f} ms (goal <= 200 ms)")
    conn.close()
    return lines
