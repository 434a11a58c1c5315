"""Workshop benchmarks (issue 5), on real widgets offscreen.

A session with 60 participants, 500 cards over 15 scenarios (plus clusters and unassigned
cards), SWOT items and a full scoring round (60 x 15 x 3 scores):

* adding a card: Enter in the capture line until the card is on the board and the board
  is repainted (goal <= 50 ms), against a bare SQLite INSERT + COMMIT of one card row on
  the same file;
* opening the session: switching to it until its board is drawn (goal <= 0.5 s);
* reading the session (``load_session``), the part of both that is the project file's.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path

PARTICIPANTS, CARDS, SCENARIOS = 60, 500, 15


def build(path: Path, *, seed: int = 1) -> tuple[int, int]:
    """The benchmark project: the big session and a small one to switch from."""
    from workshop.cards import Place, create_cluster, move_cards
    from workshop.scoring import create_round
    from workshop.store import CardRecord, ParticipantRecord, add_cards, add_participants, create_session, participants
    from workshop.swot import add_item
    from workspace.catalogue import list_scenarios
    from workspace.project import create_project

    rng = random.Random(seed)
    groups = ["department", "citizen", "enterprise", "partner"]
    with create_project(path, title="研讨会基准") as project:
        big = create_session(project, "大型跨部门研讨会", held_on="2026-12-01")
        add_participants(project, big, [ParticipantRecord(f"参会者{i:02d}", f"部门{i % 12:02d}",
                                                          stakeholder_group=groups[i % 4]) for i in range(PARTICIPANTS)])
        people = participants(project, big)
        codes = [s.code for s in list_scenarios(project)][:SCENARIOS]
        words = "信号灯 拥堵 停车 公交 挂号 就诊 数据 共享 一网通办 审批 门禁 巡防 监测 养老 社区 垃圾 分类 照明".split()
        records = [CardRecord(text="".join(rng.sample(words, 3)) + f"问题{i}", kind=rng.choice(["pain", "need", "idea", "risk"]),
                              participant_uuid=rng.choice(people).uuid,
                              scenario_code=rng.choice(codes) if rng.random() < 0.8 else None) for i in range(CARDS)]
        add_cards(project, big, records)
        ids = [row[0] for row in project.db.conn.execute("SELECT id FROM cards WHERE scenario_code IS NULL")]
        for n in range(2):
            create_cluster(project, big, f"分组{n + 1}", ids[n * 10:(n + 1) * 10])
        move_cards(project, ids[40:45], Place(scenario_code=codes[0]))
        for code in codes[:3]:
            for quadrant in "SWOT":
                add_item(project, big, quadrant, text=f"{quadrant} 条目", scenario_code=code)
        round_id = create_round(project, big, "评分", codes)
        rows = [(round_id, p.id, code, criterion, rng.randint(1, 5)) for p in people for code in codes
                for criterion in ("value", "urgency", "feasibility")]
        with project.transaction() as db:
            db.conn.executemany("INSERT INTO scores(round_id, participant_id, scenario_code, criterion, value) "
                                "VALUES (?, ?, ?, ?, ?)", rows)
        small = create_session(project, "小型座谈", held_on="2026-12-02")
        add_participants(project, small, [ParticipantRecord("张伟", "交通局", stakeholder_group="department")])
    return big, small


def bench_workshop(tmp: Path, repeats: int = 7, adds: int = 40) -> list[str]:
    from desktop import ops
    from desktop.app import create_application
    from desktop.main_window import MainWindow
    from workshop.session import load_session
    from workspace.project import open_project

    path = tmp / "workshop.huizhi"
    big, small = build(path)
    with open_project(path) as project:
        load_session(project, big)
        loads = []
        for _ in range(repeats):
            start = time.perf_counter()
            load_session(project, big)
            loads.append(time.perf_counter() - start)
    create_application()
    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    window.open_project(path)
    ops.wait_idle()
    window.show_page("workshops")
    page = window.pages["workshops"]
    ops.wait_idle()

    from PySide6.QtCore import QEventLoop, Qt, QTimer

    def until(condition, timeout: float = 10.0) -> None:
        """Run the event loop until ``condition()``, checked every millisecond. The UI thread
        waits in Qt's loop (GIL released) as it does in use; a Python busy-wait would starve
        the project lane's thread of the GIL and measure itself."""
        if condition():
            return
        loop = QEventLoop()
        deadline = time.perf_counter() + timeout
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1)

        def check() -> None:
            if condition() or time.perf_counter() > deadline:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()
        if not condition():
            raise RuntimeError(f"the workshop page did not update: {page.message.text()}")

    opens = []
    for n in range(repeats + 1):
        page.open_session(small)
        until(lambda: page.state is not None and page.state.id == small and ops.running() == 0)
        start = time.perf_counter()
        page.open_session(big)
        until(lambda: page.state is not None and page.state.id == big)
        window.repaint()
        if n:  # the first switch warms caches (tile sizes, fonts)
            opens.append(time.perf_counter() - start)
    column = page.board.column_for("u")
    add_times = []
    for n in range(adds):
        text = f"@参会者{n % PARTICIPANTS:02d} #痛点 新增卡片第{n}张"
        page.capture.setText(text)
        start = time.perf_counter()
        page.capture.submitted.emit(text)
        until(lambda: any(c.text == f"新增卡片第{n}张" for c in column.model.cards))
        page.board.repaint()
        add_times.append(time.perf_counter() - start)
        ops.wait_idle()
    window.close()
    ops.wait_idle()
    bare = _bare_insert(path, adds)
    add_times.sort()
    median_add = statistics.median(add_times)
    p95 = add_times[int(len(add_times) * 0.95) - 1]
    return [
        f"workshop session ({PARTICIPANTS} participants, {CARDS} cards, {SCENARIOS} scenarios, 2 700 scores): "
        f"load_session {statistics.median(loads) * 1000:.1f} ms",
        f"open the session in the window: {statistics.median(opens) * 1000:.0f} ms (goal <= 500 ms, median of {repeats})",
        f"add a card and redraw the board: median {median_add * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
        f"(goal <= 50 ms); bare SQLite INSERT+COMMIT {bare * 1000:.2f} ms -> {median_add / bare:.0f}x",
    ]


def _bare_insert(path: Path, count: int) -> float:
    """The floor under adding a card: one row inserted and committed on the same file."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    times = []
    for n in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO cards(uuid, session_id, kind, text, tags, created_at, department, position) "
                     "VALUES (?, 1, 'pain', ?, '[]', '2026-12-01', '', ?)", [f"bare-{n}", f"基线卡片{n}", 10_000 + n])
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(times)
