"""Exports of a project: the brief as an Excel register and a PDF."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from survey.store import count_open_text_answers, open_text_answers
from workspace.catalogue import list_scenarios
from workspace.progress import Progress, no_progress, sub_progress
from workspace.project import Project

from ..overview import summarize
from ..text import word_frequencies


def export_brief(
    project: Project,
    *,
    xlsx: str | Path | None = None,
    pdf: str | Path | None = None,
    progress: Progress = no_progress,
) -> list[Path]:
    """Write the brief as Excel and/or PDF; returns the files written.

    Each file is written under a temporary name and moved into place when complete.
    """
    if xlsx is None and pdf is None:
        raise ValueError("nothing to export: give xlsx, pdf or both")
    summary = summarize(project)
    written: list[Path] = []
    xlsx_end = 0.5 if pdf is not None else 1.0
    if xlsx is not None:
        from .xlsx import write_xlsx

        progress(0.0, "正在写入 Excel")
        written.append(write_xlsx(project, summary, Path(xlsx), progress=sub_progress(progress, 0.0, xlsx_end)))
    if pdf is not None:
        from .pdf import write_pdf

        start = xlsx_end if xlsx is not None else 0.0
        words = citizen_word_counts(project, progress=sub_progress(progress, start, start + (1 - start) * 0.7))
        written.append(
            write_pdf(summary, words, Path(pdf), progress=sub_progress(progress, start + (1 - start) * 0.7, 1.0))
        )
    return written


def citizen_word_counts(project: Project, *, progress: Progress = no_progress) -> Counter[str]:
    """Content words of all citizens' open answers, with the catalogue's terms kept whole."""
    terms = [w for s in list_scenarios(project) for w in s.keywords]
    total = count_open_text_answers(project, stakeholder_group="citizen")
    progress(0.0, "正在分词")
    return word_frequencies(
        open_text_answers(project, stakeholder_group="citizen"), extra_words=terms, total=total, progress=progress
    )
