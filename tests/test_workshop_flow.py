"""A whole workshop on the page, at the size the issue names: 40 participants, 300 cards,
12 scenarios; captured from the keyboard, clustered, judged, scored and exported."""

from __future__ import annotations

import random

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop import ops
from desktop.main_window import MainWindow
from workshop.scoring import set_score
from workshop.suggest import suggest_for_unassigned
from workspace import create_project, open_project

from test_workshop_gui import settle, type_in

DEPARTMENTS = ["交通运输局", "卫生健康委员会", "公安局", "民政局", "政务服务中心", "大数据管理局", "生态环境局", "教育局"]
THEMES = {
    "traffic_congestion": ["信号灯配时不合理", "早高峰路口拥堵", "左转排队过长"],
    "traffic_parking": ["停车位不够", "智慧停车找车位难", "停车收费不透明"],
    "health_appointment": ["预约挂号难", "专家号一号难求", "分时段就诊"],
    "gov_one_network": ["一网通办材料重复提交", "办事跑多次", "证明材料多"],
    "gov_data_sharing": ["部门数据共享难", "数据口径不统一", "共享审批周期长"],
    "gov_hotline": ["12345热线派单慢", "热线工单重复", "热线督办不到位"],
    "safety_community_access": ["小区门禁老旧", "夜间巡防不足", "外来人员管理难"],
    "env_air": ["空气质量监测点少", "污染预警不及时", "扬尘监测缺失"],
    "elderly_digital": ["老人不会用智能手机", "适老化改造慢", "数字助老培训少"],
    "edu_enrolment": ["入学报名材料多", "学位信息不透明", "入学一网办"],
    "comm_grid": ["网格员负担重", "网格化管理数据不通", "网格事件上报慢"],
    "emg_flood": ["内涝监测点少", "暴雨预警慢", "积水点信息不公开"],
}


@pytest.fixture
def window(app, qtbot, clean_settings, tmp_path):
    path = tmp_path / "flow.huizhi"
    create_project(path, title="临江市研讨会").close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.open_project(path)
    qtbot.waitUntil(lambda: win.view is not None and ops.running() == 0, timeout=30_000)
    win.show_page("workshops")
    yield win
    win.close()
    ops.wait_idle()


def test_a_forty_person_workshop_from_capture_to_minutes(qtbot, window, tmp_path):
    page = window.pages["workshops"]
    rng = random.Random(5)
    assert page.empty.isVisible() and not page.tabs.isVisible()
    page.create_session(title="临江市智慧城市跨部门研讨会", held_on="2026-12-01", place="市民中心", facilitator="周慧")
    qtbot.waitUntil(lambda: page.state is not None and page.tabs.isVisible(), timeout=10_000)
    # set-up: 40 participants pasted from Excel, the agenda typed
    groups = ["部门"] * 28 + ["市民"] * 6 + ["企业"] * 4 + ["合作伙伴"] * 2
    people = [f"参会者{i:02d}\t{DEPARTMENTS[i % 8] if g == '部门' else ''}\t{g}\t代表" for i, g in enumerate(groups)]
    page.add_people_text("姓名\t部门\t相关方\t角色\n" + "\n".join(people))
    settle(qtbot)
    assert len(page.state.people) == 40
    for title in ("痛点征集", "场景归类", "现场评分"):
        type_in(qtbot, page.setup.agenda_title, title)
        qtbot.keyClick(page.setup.agenda_title, Qt.Key.Key_Return)
    settle(qtbot)
    assert [a.title for a in page.state.agenda] == ["痛点征集", "场景归类", "现场评分"]
    # capture: 20 cards typed, 280 pasted
    page.tabs.setCurrentIndex(0)
    page.capture.setFocus()
    texts = [(code, text) for code, items in THEMES.items() for text in items]
    for n in range(20):
        _, text = texts[n % len(texts)]
        type_in(qtbot, page.capture, f"@参会者{n:02d} #痛点 {text}（{n}）")
        qtbot.keyClick(page.capture, Qt.Key.Key_Return)
    settle(qtbot)
    pasted = [f"@参会者{rng.randrange(40):02d} #{rng.choice(['痛点', '需求', '创意', '风险'])} "
              f"{texts[n % len(texts)][1]}（{n}）" for n in range(20, 300)]
    page.add_lines(pasted)
    settle(qtbot)
    assert len(page.state.cards) == 300
    # clustering: the keyword suggestions accepted, one theme made a cluster by hand
    with open_project(window.lane.path) as project:
        suggestions = suggest_for_unassigned(project, page.session_id)
    assert len(suggestions) >= 250
    page.accept_suggestions(suggestions)
    settle(qtbot)
    scenarios = page.state.board_scenarios()
    assert set(THEMES) <= set(scenarios)
    loose = [c.id for c in page.state.cards if c.scenario_code is None and c.cluster_id is None]
    if loose:
        page.make_cluster("其他意见", loose)
        settle(qtbot)
    # judging: SWOT items typed and linked from the keyboard
    page.open_swot("gov_data_sharing")
    settle(qtbot)
    page.swot.cards.setFocus()
    page.swot.cards.setCurrentRow(0)
    qtbot.keyClick(page.swot.cards, Qt.Key.Key_2)
    type_in(qtbot, page.swot.panels["O"].entry, "省级数据共享试点")
    qtbot.keyClick(page.swot.panels["O"].entry, Qt.Key.Key_Return)
    settle(qtbot)
    assert sum(map(len, page.state.swot["gov_data_sharing"].values())) == 2
    # scoring: 12 scenarios x 3 criteria; two people type their rows, the rest is in the file already
    page.tabs.setCurrentWidget(page.scoring)
    shortlist = list(THEMES)
    page.create_round(title="价值与紧迫性", scenarios=shortlist, method="scores")
    settle(qtbot)
    round_id = page.scoring.round_id
    people = page.state.people
    with open_project(window.lane.path) as project:
        for person in people[2:]:
            for code in shortlist:
                for criterion in ("value", "urgency", "feasibility"):
                    set_score(project, round_id, person.id, code, criterion, rng.randint(2, 5))
    page.reload_session()
    settle(qtbot)
    grid = page.scoring.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.grid.index(0, 0))
    for _ in range(2 * len(shortlist) * 3):
        qtbot.keyClick(grid, str(rng.randint(1, 5)))
    settle(qtbot)
    results = page.state.round(round_id).results
    assert results.participants == 40
    assert all(r.stats["value"].n == 40 for r in results.scenarios)
    assert page.scoring.results.rowCount() == 12 and len(page.scoring.matrix.points) == 12
    # records typed on the Records tab
    page.tabs.setCurrentWidget(page.records)
    type_in(qtbot, page.records.decision_text, "先做数据共享与一网通办")
    qtbot.keyClick(page.records.decision_text, Qt.Key.Key_Return)
    type_in(qtbot, page.records.action_text, "梳理共享目录")
    qtbot.keyClick(page.records.action_text, Qt.Key.Key_Return)
    settle(qtbot)
    assert [d.text for d in page.state.decisions] == ["先做数据共享与一网通办"]
    assert [a.text for a in page.state.actions] == ["梳理共享目录"]
    # minutes
    out = tmp_path / "纪要.xlsx"
    page.write_minutes(out)
    settle(qtbot)
    book = load_workbook(out, read_only=True)
    rows = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    assert len(rows["参会者"]) == 41 and len(rows["卡片"]) == 301
    assert len(rows["评分原始"]) == 1 + 40 * 12 * 3
    assert len(rows["决议"]) == 2 and len(rows["行动"]) == 2
    assert {r[6] for r in rows["卡片"][1:]} >= {page.state.scenario(c).name.zh for c in THEMES}
