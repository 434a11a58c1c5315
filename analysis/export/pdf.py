"""The PDF brief for decision makers: cover, participation, what citizens wrote.

reportlab embeds (a subset of) the bundled TrueType CJK font, so the PDF shows Chinese
on any machine. Paragraphs use reportlab's CJK line breaking.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import resources
from workspace.files import atomic_output
from workspace.progress import Progress, no_progress

from ..charts import ACCENT, bar_chart_png, word_cloud_png
from ..overview import ProjectSummary

FONT = "HuizhiCJK"
_INK = "#1F2933"
_MUTED = "#5F6B7A"
_RULE = "#C9D1DB"
_TOP_WORDS = 20
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the bundled font with reportlab once; returns its reportlab name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(resources.FONT_FILE), subfontIndex=0))
    return FONT


def write_pdf(
    summary: ProjectSummary,
    citizen_words: Counter[str],
    dest: Path,
    *,
    progress: Progress = no_progress,
) -> Path:
    """Write the brief from a project summary and the citizens' word counts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    register_font()
    styles = _styles()
    story = _cover(summary, styles)
    story.append(PageBreak())
    progress(0.2, "绘制参与情况图表")
    story += _participation(summary, styles)
    story.append(PageBreak())
    progress(0.5, "绘制词云")
    story += _citizen_voice(citizen_words, styles)
    generated = dt.date.today().isoformat()

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(_MUTED)
        canvas.drawString(18 * mm, 10 * mm, f"{summary.title} · 汇智 Huizhi · {generated}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    def cover_band(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, A4[1] - 70 * mm, A4[0], 70 * mm, stroke=0, fill=1)
        canvas.setFillColor("#FFFFFF")
        canvas.setFont(FONT, 12)
        canvas.drawString(18 * mm, A4[1] - 22 * mm, "汇智 Huizhi · 智慧城市需求调研")
        canvas.setFont(FONT, 26)
        canvas.drawString(18 * mm, A4[1] - 42 * mm, "需求调研简报")
        canvas.setFont(FONT, 12)
        canvas.drawString(18 * mm, A4[1] - 54 * mm, "Requirements brief")
        canvas.restoreState()
        footer(canvas, doc)

    with atomic_output(dest) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=f"{summary.title} — 需求调研简报",
            author="汇智 Huizhi",
            subject="智慧城市需求调研简报",
            initialFontName=FONT,
        )
        doc.build(story, onFirstPage=cover_band, onLaterPages=footer)
    progress(1.0, "PDF 已生成")
    return dest


# -- sections --------------------------------------------------------------------------


def _styles() -> dict:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=17, textColor=_INK, wordWrap="CJK")
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, fontSize=9, leading=14, textColor=_MUTED),
        "h1": ParagraphStyle("h1", parent=base, fontSize=18, leading=26, spaceAfter=8, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, fontSize=13, leading=20, spaceBefore=10, spaceAfter=4),
        "project": ParagraphStyle("project", parent=base, fontSize=20, leading=28),
        "figure": ParagraphStyle("figure", parent=base, fontSize=22, leading=26, textColor=ACCENT),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=13),
        "num": ParagraphStyle("num", parent=base, fontSize=9.5, leading=13, alignment=TA_RIGHT),
    }


def _cover(summary: ProjectSummary, styles: dict) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    figures = [
        ("有效答卷", summary.responses, "份"),
        ("问卷", summary.surveys, "套"),
        ("研讨会", summary.sessions, "场"),
        ("研讨会参与者", summary.participants, "人"),
        ("研讨会卡片", summary.cards, "张"),
        ("候选应用场景", summary.scenarios, "个"),
    ]
    cells = [
        [Paragraph(f"{value:,}<font size=10 color='{_MUTED}'> {unit}</font>", styles["figure"]),
         Paragraph(label, styles["muted"])]
        for label, value, unit in figures
    ]
    grid = Table(
        [[cells[0], cells[1], cells[2]], [cells[3], cells[4], cells[5]]],
        colWidths=[58 * mm] * 3,
    )
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, _RULE),
                ("LINEABOVE", (0, 1), (-1, 1), 0.6, _RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return [
        Spacer(1, 62 * mm),
        Paragraph(_escape(summary.title), styles["project"]),
        Spacer(1, 4 * mm),
        Paragraph(f"生成日期：{dt.date.today():%Y 年 %m 月 %d 日}", styles["muted"]),
        Spacer(1, 14 * mm),
        Paragraph("调研概况", styles["h2"]),
        grid,
        Spacer(1, 10 * mm),
        Paragraph(
            "本简报由汇智根据项目文件中的问卷答卷与研讨会记录自动生成，"
            "数字均可在配套的 Excel 台账中追溯到每一份答卷。",
            styles["muted"],
        ),
    ]


def _participation(summary: ProjectSummary, styles: dict) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    groups = [g for g in summary.groups if g.responses or g.participants]
    total = sum(g.responses for g in groups) or 1
    story = [Paragraph("一、各相关方参与情况", styles["h1"])]
    shares = "，".join(f"{g.name.zh} {g.responses:,} 份（{g.responses / total:.0%}）" for g in groups if g.responses)
    story.append(
        Paragraph(
            f"共收到有效答卷 {summary.responses:,} 份，来自 {summary.surveys} 套问卷：{shares or '暂无答卷'}。"
            f"研讨会 {summary.sessions} 场，参与者 {summary.participants} 人，记录卡片 {summary.cards:,} 张。",
            styles["body"],
        )
    )
    story.append(Spacer(1, 4 * mm))
    if groups:
        png = bar_chart_png([g.name.zh for g in groups], [g.responses for g in groups], unit=" 份")
        story.append(_image(png, 150 * mm))
    header = ["相关方群体", "答卷（份）", "占比", "研讨会参与者（人）"]
    rows = [header] + [
        [g.name.zh, f"{g.responses:,}", f"{g.responses / total:.1%}", f"{g.participants:,}"] for g in groups
    ]
    rows.append(["合计", f"{sum(g.responses for g in groups):,}", "100%", f"{sum(g.participants for g in groups):,}"])
    table = Table(_cells(rows, styles), colWidths=[50 * mm, 38 * mm, 30 * mm, 52 * mm])
    table.setStyle(_table_style(len(rows)))
    story += [Spacer(1, 4 * mm), Paragraph("按相关方群体统计", styles["h2"]), table]
    story += [Spacer(1, 4 * mm), Paragraph("按问卷统计", styles["h2"]), _survey_table(summary, styles)]
    return story


def _survey_table(summary: ProjectSummary, styles: dict):
    from reportlab.lib.units import mm
    from reportlab.platypus import Table

    codes = [g.code for g in summary.groups if g.responses]
    names = {g.code: g.name.zh for g in summary.groups}
    rows = [["问卷", *(names[c] for c in codes), "合计"]]
    rows += [[p.title.zh, *(f"{p.by_group.get(c, 0):,}" for c in codes), f"{p.total:,}"] for p in summary.participation]
    first = 70 * mm
    rest = (170 * mm - first) / (len(codes) + 1)
    table = Table(_cells(rows, styles), colWidths=[first] + [rest] * (len(codes) + 1))
    table.setStyle(_table_style(len(rows), total_row=False))
    return table


def _citizen_voice(words: Counter[str], styles: dict) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    story = [Paragraph("二、市民在开放题中说了什么", styles["h1"])]
    if not words:
        story.append(Paragraph("市民问卷尚无开放题回答，收集答卷后这里会显示词云与高频词。", styles["body"]))
        return story
    story.append(
        Paragraph(
            "下图汇总了市民在开放题中的原话：字越大，提到的人越多。"
            "分词使用 jieba，并加入了场景目录中的专业词汇；“希望”“建议”等无实际含义的词已过滤。",
            styles["body"],
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(_image(word_cloud_png(words), 170 * mm))
    story.append(Paragraph(f"图：市民开放题词云（{sum(words.values()):,} 个词次）", styles["muted"]))
    top = words.most_common(_TOP_WORDS)
    half = (len(top) + 1) // 2
    rows = [["排名", "词语", "出现次数", "排名", "词语", "出现次数"]]
    for i in range(half):
        left = [str(i + 1), top[i][0], f"{top[i][1]:,}"]
        j = i + half
        right = [str(j + 1), top[j][0], f"{top[j][1]:,}"] if j < len(top) else ["", "", ""]
        rows.append(left + right)
    widths = [14 * mm, 38 * mm, 26 * mm] * 2
    table = Table(_cells(rows, styles), colWidths=widths)
    table.setStyle(_table_style(len(rows), total_row=False))
    story += [Spacer(1, 4 * mm), Paragraph(f"高频词前 {len(top)} 位", styles["h2"]), table]
    return story


def _cells(rows: list[list], styles: dict) -> list[list]:
    """Table cells as paragraphs; numbers (and their header) right-aligned."""
    from reportlab.platypus import Paragraph

    numeric = [
        all(_NUMBER.match(str(row[c])) for row in rows[1:] if str(row[c])) and any(str(row[c]) for row in rows[1:])
        for c in range(len(rows[0]))
    ]
    return [
        [Paragraph(_escape(str(value)), styles["num" if numeric[c] else "cell"]) for c, value in enumerate(row)]
        for row in rows
    ]


def _table_style(n_rows: int, *, total_row: bool = True):
    from reportlab.platypus import TableStyle

    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), "#DCE6F5"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_row and n_rows > 1:
        commands.append(("BACKGROUND", (0, n_rows - 1), (-1, n_rows - 1), "#F1F4F8"))
    return TableStyle(commands)


def _image(png: bytes, width: float):
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    return Image(io.BytesIO(png), width=width, height=width * h / w)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
