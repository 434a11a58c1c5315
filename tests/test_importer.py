"""Responses from other tools: encodings, column matching, choices by label, problems by row and column."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from openpyxl import Workbook

from survey.capture import dump_responses
from survey.importer import check_rows, propose_mapping, read_table
from survey.store import create_survey, load_definition
from survey.templates import load_template
from workspace import create_project, open_project

# A 问卷星-style export: numbered labels, multiple choices joined with ┋, a submit time.
WJX_HEADER = ["序号", "提交答卷时间", "1、您是否同意参与本次调查？", "2、您以哪种身份参与本次调查？", "3、您居住在哪个区？",
              "4、您的年龄段", "5、您是否需要经常通勤（上班、上学或接送孩子）？", "6、单程通勤大约需要多少分钟？",
              "7、如果只能先做三件事，您选哪三项？（最多三项）", "8、在日常生活中，您遇到的最大不便是什么？"]
WJX_ROWS = [
    ["1", "2026/10/8 09:12:33", "同意参与", "本市居民", "东城区", "30–44 岁", "是", "35", "缓解交通拥堵┋智慧停车", "早高峰堵得厉害"],
    ["2", "2026/10/8 10:01:02", "同意参与", "企业经营者或员工", "高新区", "18–29 岁", "否", "", "一网通办", "办事要跑好几趟"],
    ["3", "2026/10/8 11:40:00", "同意参与", "本市居民", "火星区", "60 岁及以上", "是", "999", "实时公交", "等车太久"],
]


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "p.huizhi"
    with create_project(path) as project:
        create_survey(project, load_template("citizen"))
    return path


def write_csv(path, encoding, header=WJX_HEADER, rows=WJX_ROWS):
    lines = [",".join(header)] + [",".join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def answers_of(path):
    with open_project(path) as project:
        return sorted(json.dumps(r["answers"], ensure_ascii=False, sort_keys=True) for r in dump_responses(project))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_every_chinese_encoding_imports_identically(tmp_path, project_file, encoding, capsys):
    source = write_csv(tmp_path / f"wjx-{encoding}.csv", encoding)
    assert read_table(source).headers == WJX_HEADER
    assert run_cli("responses", "import", str(project_file), "--survey", "1", str(source), "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["imported"] == 2
    assert {(p["row"], p["column"]) for p in result["rejected"]} == {
        (4, "3、您居住在哪个区？"), (4, "6、单程通勤大约需要多少分钟？")
    }
    reasons = {p["column"]: (p["value"], p["reason"]) for p in result["rejected"]}
    assert reasons["3、您居住在哪个区？"] == ("火星区", "不是可选的选项")
    assert "240" in reasons["6、单程通勤大约需要多少分钟？"][1]
    assert answers_of(project_file) == sorted([
        json.dumps({"consent": "yes", "identity": "citizen", "district": "dongcheng", "age": "30_44", "commutes": "yes",
                    "commute_minutes": "35", "top_scenarios": "traffic_congestion traffic_parking", "pain": "早高峰堵得厉害"},
                   ensure_ascii=False, sort_keys=True),
        json.dumps({"consent": "yes", "identity": "enterprise", "district": "gaoxin", "age": "18_29", "commutes": "no",
                    "top_scenarios": "gov_one_network", "pain": "办事要跑好几趟"}, ensure_ascii=False, sort_keys=True),
    ])


def test_importing_the_same_file_twice_adds_nothing(tmp_path, project_file, capsys):
    source = write_csv(tmp_path / "wjx.csv", "gbk")
    run_cli("responses", "import", str(project_file), "--survey", "1", str(source), "--json")
    capsys.readouterr()
    run_cli("responses", "import", str(project_file), "--survey", "1", str(source), "--json")
    assert json.loads(capsys.readouterr().out)["imported"] == 0
    assert len(answers_of(project_file)) == 2


def test_kobo_xlsx_with_group_paths_and_one_column_per_choice(tmp_path, project_file):
    book = Workbook()
    sheet = book.active
    sheet.append(["start", "consent", "about/identity", "about/district", "about/age", "commuting/commutes",
                  "priorities/top_scenarios/traffic_congestion", "priorities/top_scenarios/emg_flood", "_uuid"])
    sheet.append(["2026-10-08T09:00:00", "yes", "citizen", "beihu", "45_59", "no", 1, 1, "b2c6f2f0-1c8a-4e0e-9d7a-2f3b6f0a9c11"])
    sheet.append(["2026-10-08T09:30:00", "yes", "partner", "xicheng", "18_29", "no", 0, 1, "c3d7a3a1-2d9b-4f1f-8e8b-3a4c7a1b0d22"])
    source = tmp_path / "kobo.xlsx"
    book.save(source)
    with open_project(project_file) as project:
        definition = load_definition(project, 1)
        table = read_table(source)
        mapping = propose_mapping(definition, table.headers)
        assert mapping["priorities/top_scenarios/emg_flood"].choice == "emg_flood"
        assert mapping["_uuid"].name == "_uuid"
        checked = check_rows(definition, table, mapping)
        assert not checked.problems
        assert [a["top_scenarios"] for _, a, _ in checked.good] == ["traffic_congestion emg_flood", "emg_flood"]


def test_a_saved_mapping_is_reused(tmp_path, project_file, capsys):
    source = write_csv(tmp_path / "odd.csv", "utf-8", ["同意", "年龄"], [["同意参与", "30–44 岁"]])
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {"同意": "consent", "年龄": "age"}}, ensure_ascii=False), "utf-8")
    assert run_cli("responses", "import", str(project_file), "--survey", "1", str(source), "--mapping", str(mapping), "--json") == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    assert answers_of(project_file) == [json.dumps({"age": "30_44", "consent": "yes"}, ensure_ascii=False, sort_keys=True)]


def write_workbook(path):
    """The 问卷星 rows as an XLSX (openpyxl) or an old-format XLS (xlwt), numbers as numbers."""
    rows = [WJX_HEADER] + [[int(cell) if cell.isdigit() else cell for cell in row] for row in WJX_ROWS]
    if path.suffix == ".xls":
        import xlwt

        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("Sheet1")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        book.save(str(path))
    else:
        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_workbooks_import_like_the_csv(tmp_path, project_file, suffix, capsys):
    csv_project = tmp_path / "csv.huizhi"
    with create_project(csv_project) as project:
        create_survey(project, load_template("citizen"))
    run_cli("responses", "import", str(csv_project), "--survey", "1", str(write_csv(tmp_path / "w.csv", "gbk")), "--json")
    from_csv = json.loads(capsys.readouterr().out)
    source = write_workbook(tmp_path / f"wjx{suffix}")
    assert read_table(source).headers == WJX_HEADER
    assert run_cli("responses", "import", str(project_file), "--survey", "1", str(source), "--json") == 0
    from_workbook = json.loads(capsys.readouterr().out)
    assert from_workbook["imported"] == from_csv["imported"] == 2
    assert from_workbook["rejected"] == from_csv["rejected"]
    assert answers_of(project_file) == answers_of(csv_project)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", "序号,姓名\n".encode("utf-8")])
def test_a_file_that_is_not_a_workbook_is_refused_by_name(tmp_path, project_file, content, capsys):
    source = tmp_path / "broken.xlsx"
    source.write_bytes(content)
    before = answers_of(project_file)
    assert run_cli("responses", "import", str(project_file), "--survey", "1", str(source), "--json") == 2
    assert "broken.xlsx" in capsys.readouterr().err
    assert answers_of(project_file) == before


def test_a_constraint_that_reads_another_answer_is_checked_row_by_row():
    from survey.importer import Table, Target
    from survey.model import Question, SurveyDefinition, Text

    definition = SurveyDefinition(title=Text.of("家庭"), items=(
        Question("household", "integer", Text.of("家庭人口")),
        Question("children", "integer", Text.of("其中儿童"), constraint=". <= ${household}",
                 constraint_message=Text.of("儿童人数不能多于家庭人口")),
        Question("age", "integer", Text.of("年龄"), constraint=". >= 18", constraint_message=Text.of("须年满 18 岁")),
    ))
    table = Table(["人口", "儿童", "年龄"], [(2, ["4", "2", "30"]), (3, ["2", "3", "30"]), (4, ["3", "3", "16"]),
                                           (5, ["5", "5", "16"])])
    mapping = {"人口": Target("household"), "儿童": Target("children"), "年龄": Target("age")}
    checked = check_rows(definition, table, mapping)
    assert [row for row, _, _ in checked.good] == [2]
    assert [(p.row, p.column, p.value, p.reason) for p in checked.problems] == [
        (3, "儿童", "3", "儿童人数不能多于家庭人口"),
        (4, "年龄", "16", "须年满 18 岁"),
        (5, "年龄", "16", "须年满 18 岁"),
    ]
