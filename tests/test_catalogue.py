"""The scenario catalogue and stakeholder groups, bundled and per project."""

from __future__ import annotations

import json

import pytest

import resources
from workspace import ValidationError
from workspace.catalogue import (
    Kpi,
    Scenario,
    add_scenario,
    get_scenario,
    list_domains,
    list_scenarios,
    load_bundled_catalogue,
    retire_scenario,
    update_scenario,
    validate_catalogue,
)
from workspace.stakeholders import add_group, get_group, list_groups, retire_group, update_group
from workspace.text import LocalText

REQUIRED_DOMAINS = {
    "traffic", "health", "gov", "safety", "environment", "education", "community",
    "emergency", "water", "energy", "tourism", "elderly", "economy",
}


def test_bundled_catalogue_is_complete():
    catalogue = load_bundled_catalogue()
    domains = {d.code for d in catalogue.domains}
    assert REQUIRED_DOMAINS <= domains
    assert len(catalogue.scenarios) >= 24
    used = {s.domain for s in catalogue.scenarios}
    assert len(used) >= 10 and used <= domains
    for s in catalogue.scenarios:
        assert s.name.zh and s.name.en and s.description.zh, s.code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in s.description.zh), s.code
        assert s.kpis, s.code
        for kpi in s.kpis:
            assert kpi.name.zh and kpi.name.en and kpi.unit, s.code
            assert isinstance(kpi.higher_is_better, bool)
        assert len(s.keywords) >= 5, s.code


def test_validation_names_each_problem():
    data = json.loads(resources.path("catalogue", "scenarios.json").read_text("utf-8"))
    assert validate_catalogue(data) == []
    broken = json.loads(json.dumps(data))
    broken["scenarios"][0]["domain"] = "mars"
    broken["scenarios"][1]["kpis"][0]["higher_is_better"] = "yes"
    broken["scenarios"][2]["code"] = broken["scenarios"][3]["code"]
    problems = validate_catalogue(broken)
    assert any("unknown domain 'mars'" in p for p in problems)
    assert any("higher_is_better" in p for p in problems)
    assert any("duplicate code" in p for p in problems)


def test_new_project_copies_the_catalogue(project):
    bundled = load_bundled_catalogue()
    assert {s.code for s in list_scenarios(project)} == {s.code for s in bundled.scenarios}
    assert [d.code for d in list_domains(project)] == [d.code for d in bundled.domains]
    first = bundled.scenarios[0]
    stored = get_scenario(project, first.code)
    assert stored.kpis == first.kpis
    assert stored.keywords == first.keywords
    assert stored.origin == "catalogue"


def test_add_edit_retire_a_scenario(project):
    new = Scenario(
        code="traffic_bike_lanes",
        domain="traffic",
        name=LocalText("非机动车道改造", "Bike lane redesign"),
        description=LocalText("梳理非机动车道断点。"),
        kpis=(Kpi(LocalText("断点数量", "Gaps"), "处", False),),
        keywords=("自行车道", "电动车", "自行车道", " "),
    )
    added = add_scenario(project, new)
    assert added.origin == "project"
    assert added.keywords == ("自行车道", "电动车")
    changed = update_scenario(project, "traffic_bike_lanes", name={"zh": "慢行系统", "en": "Slow traffic"}, keywords=["慢行"])
    assert changed.name.zh == "慢行系统" and changed.keywords == ("慢行",)
    assert changed.kpis == new.kpis
    retire_scenario(project, "traffic_bike_lanes")
    assert "traffic_bike_lanes" not in {s.code for s in list_scenarios(project)}
    assert get_scenario(project, "traffic_bike_lanes").retired
    retire_scenario(project, "traffic_bike_lanes", retired=False)
    assert "traffic_bike_lanes" in {s.code for s in list_scenarios(project)}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"code": "Bad Code"}, "场景代码"),
        ({"domain": "mars"}, "没有这个领域"),
        ({"name": LocalText("", "no chinese")}, "中文名称"),
    ],
)
def test_bad_scenarios_are_refused(project, change, message):
    base = dict(code="x_ok", domain="gov", name=LocalText("测试", "Test"))
    base.update(change)
    before = len(list_scenarios(project, include_retired=True))
    with pytest.raises(ValidationError, match=message):
        add_scenario(project, Scenario(**base))
    assert len(list_scenarios(project, include_retired=True)) == before


def test_duplicate_scenario_code_is_refused(project):
    code = list_scenarios(project)[0].code
    with pytest.raises(ValidationError, match="已存在"):
        add_scenario(project, Scenario(code=code, domain="gov", name=LocalText("重复")))


def test_default_stakeholder_groups(project):
    groups = {g.code: g for g in list_groups(project)}
    assert list(groups)[:4] == ["citizen", "department", "enterprise", "partner"]
    assert groups["citizen"].name.zh == "市民" and groups["department"].name.zh == "部门"
    assert groups["enterprise"].name.zh == "企业" and groups["partner"].name.zh == "合作伙伴"
    assert all(g.weight == 1.0 and g.builtin for g in groups.values())


def test_custom_stakeholder_group(project):
    add_group(project, "expert", "专家", "Experts", weight=0.5)
    assert get_group(project, "expert").weight == 0.5
    update_group(project, "expert", weight=2.0, name_zh="行业专家")
    assert get_group(project, "expert").name.zh == "行业专家"
    retire_group(project, "expert")
    assert "expert" not in {g.code for g in list_groups(project)}
    with pytest.raises(ValidationError, match="已存在"):
        add_group(project, "expert", "专家")
    with pytest.raises(ValidationError, match="内置群体"):
        retire_group(project, "citizen")
    with pytest.raises(ValidationError, match="权重"):
        update_group(project, "citizen", weight=-1)
    with pytest.raises(ValidationError):
        add_group(project, "Bad-Code", "坏")
