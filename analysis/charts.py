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


def network_png(pairs: Sequence, *, width_in: float = 5.6, height_in: float = 4.0, dpi: int = 190) -> bytes:
    """A co-occurrence network: one node per term, one edge per pair, wider for more texts.

    ``pairs`` are objects with ``a``, ``b`` and ``count`` (``analysis.text.cooccur.Pair``) or
    ``(a, b, count)`` tuples. A node's circle and label grow with the texts its pairs account
    for. Each connected group of terms is laid out on its own by a spring layout
    (Fruchterman & Reingold 1991) started from a circle, labels are pushed apart until none
    overlap, and the groups are packed in rows, largest first: the same pairs always give
    the same picture.
    """
    from matplotlib import patheffects
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    edges = [(p.a, p.b, p.count) if hasattr(p, "a") else tuple(p[:3]) for p in pairs]
    edges = [(a, b, count) for a, b, count in edges if a != b and count > 0]
    if not edges:
        raise ValueError("no pairs to draw")
    layout = network_layout(edges)
    width_pt, height_pt = width_in * 72, height_in * 72
    margin = 10.0
    span_x, span_y = layout.width or 1.0, layout.height or 1.0
    scale = min((width_pt - 2 * margin) / span_x, (height_pt - 2 * margin) / span_y)
    text_scale = min(scale, 1.1)
    spread = min(scale, 1.4)  # a small network is not blown up to fill the picture
    cx, cy = width_pt / 2, height_pt / 2

    def place(x: float, y: float) -> tuple[float, float]:
        return cx + (x - span_x / 2) * spread, cy + (y - span_y / 2) * spread

    family = _font_family()
    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, width_pt)
    ax.set_ylim(0, height_pt)
    top_edge = max(count for _, _, count in edges)
    for a, b, count in sorted(edges, key=lambda e: e[2]):
        share = count / top_edge
        (x1, y1), (x2, y2) = place(*layout.positions[a]), place(*layout.positions[b])
        ax.plot([x1, x2], [y1, y2], color=GREY, alpha=0.25 + 0.45 * share, linewidth=0.8 + 4.0 * share,
                zorder=1, solid_capstyle="round")
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    for term in layout.terms:
        x, y = place(*layout.positions[term])
        size = layout.font_sizes[term] * text_scale
        ax.scatter([x], [y], s=(size * 2.2) ** 2, color=ACCENT, alpha=0.16, edgecolors=ACCENT, linewidths=1.0,
                   zorder=2)
        ax.text(x, y, term, ha="center", va="center", fontfamily=family, fontsize=max(size, 6.5), color="#1F2933",
                zorder=3, path_effects=halo)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor="white")
    return buffer.getvalue()


class NetworkLayout:
    """Positions of a network's terms in points (origin at the bottom left), with the font size
    of each label and the extent of the whole."""

    def __init__(self, terms: list[str], positions: dict[str, tuple[float, float]],
                 font_sizes: dict[str, float], width: float, height: float) -> None:
        self.terms, self.positions, self.font_sizes = terms, positions, font_sizes
        self.width, self.height = width, height


EDGE_LENGTH = 46.0
"""Points between linked terms before labels are pushed apart."""


def network_layout(edges: Sequence[tuple[str, str, float]], *, aspect: float = 1.4) -> NetworkLayout:
    """Lay out a weighted network: components apart, each by a spring layout, labels not
    overlapping, components packed in rows to roughly ``aspect`` (width over height)."""
    import numpy as np

    strength: dict[str, float] = {}
    neighbours: dict[str, set[str]] = {}
    for a, b, count in edges:
        strength[a] = strength.get(a, 0) + count
        strength[b] = strength.get(b, 0) + count
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    terms = sorted(strength, key=lambda t: (-strength[t], t))
    top = strength[terms[0]]
    font_sizes = {t: 10.0 + 8.0 * strength[t] / top for t in terms}
    seen: set[str] = set()
    components: list[list[str]] = []
    for term in terms:  # strongest first, so components come largest-strength first
        if term in seen:
            continue
        group, queue = [], [term]
        seen.add(term)
        while queue:
            t = queue.pop(0)
            group.append(t)
            for n in sorted(neighbours[t], key=lambda u: (-strength[u], u)):
                if n not in seen:
                    seen.add(n)
                    queue.append(n)
        components.append(group)
    boxes = []
    for group in components:
        index = {t: i for i, t in enumerate(group)}
        links = [(index[a], index[b], c) for a, b, c in edges if a in index and b in index]
        pos = _spring_layout(len(group), links)
        if len(group) > 1:
            lengths = [np.linalg.norm(pos[i] - pos[j]) for i, j, _ in links]
            pos = pos * (EDGE_LENGTH / max(float(np.median(lengths)), 1e-9))
        half = np.array([[_label_width(t, font_sizes[t]) / 2 + 5, font_sizes[t] * 0.7 + 3] for t in group])
        pos = _separate(pos, half)
        low = (pos - half).min(axis=0)
        high = (pos + half).max(axis=0)
        boxes.append((group, pos - low, high - low))
    placed, width, height = _pack([size for _, _, size in boxes], aspect=aspect, gap=14.0)
    positions: dict[str, tuple[float, float]] = {}
    for (group, pos, _size), (ox, oy) in zip(boxes, placed):
        for t, (x, y) in zip(group, pos):
            positions[t] = (float(ox + x), float(height - (oy + y)))  # rows go down the picture
    return NetworkLayout(terms, positions, font_sizes, width, height)


def _label_width(text: str, size: float) -> float:
    """The width of a label in points: CJK characters one em, others about half."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.55 for ch in text)


def _spring_layout(n: int, links: Sequence[tuple[int, int, float]], *, iterations: int = 200):
    """Fruchterman–Reingold positions (n × 2, numpy) for ``n`` connected nodes and weighted ``links``.

    Nodes start evenly on a circle in the given order, every node repels every other by
    ``k² / d``, linked nodes attract by ``w · d² / k`` (``w`` between 0.4 and 1 by the link's
    count), and the step shrinks linearly to nothing: no randomness anywhere.
    """
    import numpy as np

    if n == 1:
        return np.zeros((1, 2))
    angles = np.arange(n) * 2 * np.pi / n
    pos = np.column_stack([np.cos(angles), np.sin(angles)])
    weights = np.zeros((n, n))
    top = max(w for _, _, w in links)
    for i, j, w in links:
        weights[i, j] = weights[j, i] = max(weights[i, j], 0.4 + 0.6 * w / top)
    k = 1.0 / np.sqrt(n)
    step = 0.2
    for it in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        np.fill_diagonal(dist, 1.0)
        push = k * k / dist - weights * dist * dist / k
        np.fill_diagonal(push, 0.0)
        force = ((push / dist)[:, :, None] * delta).sum(axis=1)
        length = np.maximum(np.linalg.norm(force, axis=1), 1e-9)
        pos = pos + force / length[:, None] * np.minimum(length, step * (1 - it / iterations))[:, None]
    return pos - pos.mean(axis=0)


def _separate(pos, half, *, iterations: int = 200):
    """Push apart boxes (centres ``pos``, half-sizes ``half``) until none overlap, moving each
    pair along the axis where they overlap least."""
    import numpy as np

    pos = pos.astype(float).copy()
    n = len(pos)
    if n < 2:
        return pos
    order = np.arange(n)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        need = half[:, None, :] + half[None, :, :]
        overlap = need - np.abs(delta)
        hit = (overlap[:, :, 0] > 0) & (overlap[:, :, 1] > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        axis = np.where(overlap[:, :, 0] < overlap[:, :, 1], 0, 1)
        sign = np.sign(delta)
        sign = np.where(sign == 0, np.where(order[:, None] > order[None, :], 1.0, -1.0)[:, :, None], sign)
        move = np.zeros_like(pos)
        for dim in (0, 1):
            amount = np.where(hit & (axis == dim), overlap[:, :, dim] / 2 + 0.5, 0.0)
            move[:, dim] = (amount * sign[:, :, dim]).sum(axis=1)
        pos += move * 0.5
    return pos


def _pack(sizes: Sequence, *, aspect: float, gap: float) -> tuple[list[tuple[float, float]], float, float]:
    """Shelf packing: boxes left to right in rows, largest first as given; the row width is
    chosen among a few so that the whole comes closest to ``aspect``. Returns each box's top
    left corner (y down) and the total width and height."""
    import math

    area = sum((w + gap) * (h + gap) for w, h in sizes)
    widest = max(w for w, _ in sizes)
    best = None
    for factor in (0.8, 1.0, 1.2, 1.5, 2.0, 3.0):
        limit = max(widest, math.sqrt(area * aspect) * factor)
        corners, x, y, row, width = [], 0.0, 0.0, 0.0, 0.0
        for w, h in sizes:
            if x > 0 and x + w > limit:
                x, y, row = 0.0, y + row + gap, 0.0
            corners.append((x, y))
            width = max(width, x + w)
            x += w + gap
            row = max(row, h)
        height = y + row
        fit = min(aspect / (width / height), (width / height) / aspect) if height else 0
        if best is None or fit > best[0]:
            best = (fit, corners, width, height)
    _, corners, width, height = best
    return corners, width, height
