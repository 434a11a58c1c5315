"""Pictures for briefs (PNG bytes): participation bars and word clouds, in the bundled font.

Figures are drawn with matplotlib's object API on the Agg canvas (never pyplot), so
drawing works in worker threads and never picks a GUI backend.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from functools import lru_cache

import resources

ACCENT = "#2F6BDE"
GREY = "#5F6B7A"
GROUP_COLOURS = ["#2F6BDE", "#1BA39C", "#F2A03D", "#8E6CD8", "#D9534F", "#6C8EAD"]


@lru_cache(maxsize=1)
def _font_family() -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(resources.FONT_FILE))
    return font_manager.FontProperties(fname=str(resources.FONT_FILE)).get_name()


def bar_chart_png(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str = "",
    unit: str = "",
    width_in: float = 6.4,
    dpi: int = 200,
) -> bytes:
    """A horizontal bar chart, largest first as given, with the value at each bar's end."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = _font_family()
    height = 0.9 + 0.45 * max(len(labels), 1)
    fig = Figure(figsize=(width_in, height), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]
    colours = [GROUP_COLOURS[i % len(GROUP_COLOURS)] for i in range(len(labels))]
    ax.barh(positions, values, color=colours, height=0.6)
    ax.set_yticks(positions, labels, fontfamily=family, fontsize=10)
    top = max(values, default=0) or 1
    for y, v in zip(positions, values):
        ax.text(v + top * 0.01, y, f"{v:,.0f}{unit}", va="center", fontfamily=family, fontsize=9, color=GREY)
    ax.set_xlim(0, top * 1.18)
    ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#C9D1DB")
    ax.tick_params(axis="y", length=0, colors="#1F2933")
    if title:
        ax.set_title(title, fontfamily=family, fontsize=11, loc="left", color="#1F2933")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def word_cloud_png(frequencies: Mapping[str, float], *, width: int = 1600, height: int = 900) -> bytes:
    """A word cloud of the given frequencies in the bundled CJK font."""
    from wordcloud import WordCloud

    if not frequencies:
        raise ValueError("no words to draw")
    cloud = WordCloud(
        font_path=str(resources.FONT_FILE),
        width=width,
        height=height,
        background_color="white",
        colormap="tab10",
        max_words=100,
        prefer_horizontal=0.98,
        relative_scaling=0.6,
        random_state=7,
        margin=4,
    ).generate_from_frequencies(dict(frequencies))
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG")
    return buffer.getvalue()
