"""The brief: Excel and PDF files written from the demo project and read back."""

from __future__ import annotations

import pytest
from conftest import run_cli
from openpyxl import load_workbook
from pypdf import PdfReader

from analysis.export import citizen_word_counts, export_brief
from workspace import open_project


@pytest.fixture(scope="module")
def brief(demo_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("brief")
    xlsx, pdf = out / "brief.xlsx", out / "brief.pdf"
    assert run_cli("export", str(demo_file), "--xlsx", str(xlsx), "--pdf", str(pdf)) == 0
    with open_project(demo_file) as project:
        counts = dict(project.db.conn.execute("SELECT stakeholder_group, COUNT(*) FROM responses GROUP BY 1"))
        words = citizen_word_counts(project)
    return xlsx, pdf, counts, words


def test_excel_participation_matches_the_project(brief):
    xlsx, _, counts, _ = brief
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames[:2] == ["概况", "参与情况"]
    rows = list(book["参与情况"].iter_rows(values_only=True))
    header = rows[0]
    assert header[0] == "问卷" and header[-1] == "合计"
    assert {"市民", "部门", "企业", "合作伙伴"} <= set(header)
    total_row = next(r for r in rows if r[0] == "合计")
    assert total_row[-1] == sum(counts.values())
    assert total_row[header.index("市民")] == counts["citizen"]
    assert total_row[header.index("部门")] == counts["department"]


def test_excel_raw_responses_one_row_each(brief):
    xlsx, _, counts, _ = brief
    book = load_workbook(xlsx, read_only=True)
    raw = [name for name in book.sheetnames if name.startswith("原始数据-")]
    assert len(raw) == 2
    citizen = next(book[n] for n in raw if "市民" in n)
    rows = list(citizen.iter_rows(values_only=True))
    header = rows[0]
    assert header[:2] == ("答卷编号", "相关方群体")
    assert "您的年龄段" in header and "在日常生活中，您遇到的最大不便是什么？" in header
    body = rows[1:]
    assert len(body) == counts["citizen"] + counts["enterprise"] + counts["partner"]
    assert len({r[0] for r in body}) == len(body)  # one row per response
    age = header.index("您的年龄段")
    declined = sum(1 for r in body if r[header.index("您是否同意参与本次调查？")] == "不同意")
    assert {r[age] for r in body} - {None} <= {"18 岁以下", "18–29 岁", "30–44 岁", "45–59 岁", "60 岁及以上"}
    assert sum(1 for r in body if r[age] is None) == declined  # only those who declined skipped it
    grid = header.index("拥堵治理与信号灯优化：价值")
    scores = {r[grid] for r in body} - {None}
    assert scores <= {1, 2, 3, 4, 5} and len(scores) >= 3
    minutes = header.index("单程通勤大约需要多少分钟？")
    assert any(isinstance(r[minutes], int) for r in body)
    questions = list(book["题目"].iter_rows(values_only=True))
    assert questions[0][:3] == ("问卷", "题目代码", "题型")


def test_pdf_has_chinese_text_and_embedded_font(brief):
    _, pdf, counts, words = brief
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 3
    text = "".join(page.extract_text() for page in reader.pages)
    for phrase in ("需求调研简报", "各相关方参与情况", "市民", "部门", "词云", f"{sum(counts.values()):,}"):
        assert phrase in text, phrase
    top_word = words.most_common(1)[0][0]
    assert top_word in text
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font["/BaseFont"]))
    assert any("WenQuanYi" in name for name in embedded), embedded


def test_word_counts_drop_filler_and_keep_domain_terms(brief):
    *_, words = brief
    assert words
    for filler in ("希望", "建议", "问题", "我们", "一个"):
        assert filler not in words
    assert all(len(w) > 1 for w in words)


def test_export_without_targets_is_refused(project):
    with pytest.raises(ValueError):
        export_brief(project)


def test_empty_project_exports_honestly(project, tmp_path):
    xlsx, pdf = tmp_path / "e.xlsx", tmp_path / "e.pdf"
    export_brief(project, xlsx=xlsx, pdf=pdf)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "尚无开放题回答" in text
    assert load_workbook(xlsx).sheetnames == ["概况", "参与情况", "题目"]


def test_failed_export_keeps_the_old_file(demo_file, tmp_path, monkeypatch):
    import analysis.export.pdf as pdf_module

    target = tmp_path / "keep.pdf"
    target.write_bytes(b"old brief")

    def boom(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(pdf_module, "word_cloud_png", boom)
    with open_project(demo_file) as project, pytest.raises(RuntimeError):
        export_brief(project, pdf=target)
    assert target.read_bytes() == b"old brief"
    assert not (tmp_path / "keep.pdf.tmp").exists()
