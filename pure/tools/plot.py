"""Pictures of a cost curve with the standard library only: a text chart and an SVG file.

``text_chart`` draws a few rows of characters for the terminal, so convergence (a
falling curve that flattens) or trouble (a curve that climbs) shows at a glance.
``svg_chart`` writes a standalone SVG line chart, with axes, tick labels and a
title, that any browser opens. Both are deterministic: the same costs always give
the same text, so a committed picture can be checked against a fresh one.

>>> print("\\n".join(text_chart([4.0, 2.0, 1.0, 0.5, 0.25], width=5, height=3)))
   4 |*
     | *
0.25 |  ***
     +-----
      1   5
"""

import html
import math
from typing import List, Sequence

DIGITS = 6  # significant digits of the numbers printed, as in cli.py


def _fmt(x: float) -> str:
    return f"{float(x):.{DIGITS}g}"


def text_chart(values: Sequence[float], width: int = 60, height: int = 8) -> List[str]:
    """Rows of text plotting ``values`` (one per update) from left to right.

    With more values than ``width`` columns, each column shows the value at an evenly
    spaced update, the first and the last included. The top row is the largest value,
    the bottom row the smallest; both are labelled.
    """
    n = len(values)
    if n == 0:
        return []
    columns = min(width, n)
    picks = [values[round(c * (n - 1) / (columns - 1))] if columns > 1 else values[0]
             for c in range(columns)]
    lo, hi = min(values), max(values)
    grid = [[" "] * columns for _ in range(height)]
    for c, value in enumerate(picks):
        row = round((hi - value) / (hi - lo) * (height - 1)) if hi > lo else height - 1
        grid[row][c] = "*"
    labels = [""] * height
    labels[0], labels[-1] = _fmt(hi), _fmt(lo)
    pad = max(len(label) for label in labels)
    rows = [f"{label:>{pad}} |{''.join(cells).rstrip()}" for label, cells in zip(labels, grid)]
    rows.append(" " * pad + " +" + "-" * columns)
    last = str(n)
    rows.append(" " * pad + "  1" + (last.rjust(max(columns - 1, len(last) + 1)) if n > 1 else ""))
    return rows


def nice_step(span: float, count: int) -> float:
    """A round step (1, 2 or 5 times a power of ten) that cuts ``span`` into about ``count`` parts."""
    raw = span / count
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 5.0, 10.0):
        if raw <= factor * power:
            return factor * power
    return 10.0 * power


def ticks(lo: float, hi: float, count: int = 5) -> List[float]:
    """Round tick values from at most ``lo`` to at least ``hi``, about ``count`` intervals apart."""
    if not hi > lo:  # a flat curve: give it some room around its one value
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = nice_step(hi - lo, count)
    first, last = math.floor(lo / step), math.ceil(hi / step)
    return [k * step for k in range(first, last + 1)]


def svg_chart(values: Sequence[float], title: str, x_label: str = "update",
              y_label: str = "cost J", width: int = 640, height: int = 400) -> str:
    """A standalone SVG line chart of ``values`` against 1, 2, ..., n: one path point per value."""
    left, right, top, bottom = 80, 24, 44, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(values)
    y_ticks = ticks(min(values), max(values))
    y_lo, y_hi = y_ticks[0], y_ticks[-1]
    x_step = max(1, int(nice_step(max(n, 1), 5)))
    x_ticks = list(range(0, -(-n // x_step) * x_step + 1, x_step))
    x_hi = x_ticks[-1]

    def x_of(k: float) -> float:
        return left + plot_w * k / x_hi

    def y_of(v: float) -> float:
        return top + plot_h * (y_hi - v) / (y_hi - y_lo)

    def text(x: float, y: float, content: str, extra: str = "") -> str:
        return f'<text x="{x:.2f}" y="{y:.2f}"{extra}>{html.escape(content)}</text>'

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{html.escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
        text(width / 2, 26, title, ' text-anchor="middle" font-size="15"'),
        '<g stroke="#dddddd" stroke-width="1">',
    ]
    for v in y_ticks[1:]:
        out.append(f'<line x1="{left}" y1="{y_of(v):.2f}" x2="{left + plot_w}" y2="{y_of(v):.2f}"/>')
    for k in x_ticks[1:]:
        out.append(f'<line x1="{x_of(k):.2f}" y1="{top}" x2="{x_of(k):.2f}" y2="{top + plot_h}"/>')
    out.append("</g>")
    out.append(f'<g stroke="black" stroke-width="1">'
               f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}"/>'
               f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}"/></g>')
    out.append('<g text-anchor="end">')
    for v in y_ticks:
        out.append(text(left - 6, y_of(v) + 4, _fmt(v)))
    out.append("</g>")
    out.append('<g text-anchor="middle">')
    for k in x_ticks:
        out.append(text(x_of(k), top + plot_h + 18, str(k)))
    out.append("</g>")
    out.append(text(left + plot_w / 2, height - 12, x_label, ' text-anchor="middle"'))
    out.append(text(18, top + plot_h / 2, y_label,
                    f' text-anchor="middle" transform="rotate(-90 18 {top + plot_h / 2:.2f})"'))
    points = [f"{x_of(k):.2f},{y_of(v):.2f}" for k, v in enumerate(values, start=1)]
    out.append(f'<path d="M {" L ".join(points)}" fill="none" stroke="#1f5fa8" stroke-width="1.5"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
