"""Pictures of training, with the standard library only: text charts for the terminal, SVG files.

What each picture shows, and the function that draws it:

- ``text_chart``: the cost per update as a few rows of characters, for the terminal.
- ``svg_chart``: the cost per update as an SVG line chart (``--svg FILE``).
- ``rates_chart``: the cost curves of several learning rates on one chart, a diverged
  run drawn up to the update where it diverged (``--learning-rates a,b,c --svg FILE``).
- ``fit_chart``: the fit over the data (``--plot-fit FILE``): the fitted line, the
  sigmoid, the decision boundary or regions, predicted against actual, probability
  strips or a confusion table, depending on the model and the number of features.
- ``path_chart``: the path the parameters took on the cost surface, over contour lines
  of J (``--plot-path FILE``), from the model's own recorded parameters.

Every SVG is written by hand: a ``<title>``, a title line, labelled axes with round tick
values, a legend when there is more than one series, markers that differ in shape as
well as colour, and nothing fetched from outside (no fonts, scripts or images). Numbers
are printed with a fixed number of decimals, so the same inputs always give the same
bytes, and the twins, whose parameters agree to about 1e-12, draw the same picture.

>>> print("\\n".join(text_chart([4.0, 2.0, 1.0, 0.5, 0.25], width=5, height=3)))
   4 |*
     | *
0.25 |  ***
     +-----
      1   5
"""

import functools
import html
import math
import random
import re
from pathlib import PurePath
from typing import Callable, List, Optional, Sequence, Tuple

DIGITS = 6  # significant digits of the numbers printed, as in cli.py

# Okabe-Ito colours, told apart by most colour-blind readers; each goes with its own shape.
COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
SHAPES = ["circle", "triangle", "square", "diamond", "cross", "plus", "star"]
WIDTH, HEIGHT = 760, 460                 # every SVG chart
LEFT, TOP, PLOT_W, PLOT_H = 78, 62, 470, 330  # the plot area; the legend is to its right
LEGEND_X = LEFT + PLOT_W + 22


def _fmt(x: float) -> str:
    return f"{float(x):.{DIGITS}g}"


def _px(value: float) -> str:
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


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
        row = round((hi - value) / (hi - lo) * (height - 1)) if hi - lo > 0 else height - 1
        grid[row][c] = "*"
    labels = [""] * height
    labels[0], labels[-1] = _fmt(hi), _fmt(lo)
    pad = max(len(label) for label in labels)
    rows = [f"{label:>{pad}} |{''.join(cells).rstrip()}" for label, cells in zip(labels, grid)]
    rows.append(" " * pad + " +" + "-" * columns)
    last = str(n)
    rows.append(" " * pad + "  1" + (last.rjust(max(columns - 1, len(last) + 1)) if n > 1 else ""))
    return rows


# ---- Round ticks and the data-to-pixel mapping ----

def nice_step(span: float, count: int) -> float:
    """A round step (1, 2 or 5 times a power of ten) that cuts ``span`` into about ``count`` parts."""
    raw = span / count
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 5.0, 10.0):
        if raw <= factor * power:
            return factor * power
    return 10.0 * power


def ticks(lo: float, hi: float, count: int = 5) -> List[float]:
    """Round tick values from at most ``lo`` to at least ``hi``, about ``count`` intervals apart.

    A range too narrow to cut (a flat curve, one sample, values below 1e-290) gets room
    around its one value; a range near the largest float gets its two ends as ticks.
    """
    big = max(abs(lo), abs(hi))
    if not hi - lo > max(big * 1e-12, 1e-290):  # flat, to the precision of the numbers
        middle = lo / 2 + hi / 2
        pad = abs(middle) * 0.1 if abs(middle) > 1e-290 else 1.0
        if not math.isfinite(abs(middle) + pad):  # near the largest float: less room
            pad = abs(middle) * 0.01
        lo, hi = middle - pad, middle + pad
    try:
        step = nice_step(hi - lo, count)
        first, last = math.floor(lo / step), math.ceil(hi / step)
        values = [k * step for k in range(first, last + 1)]
    except (OverflowError, ValueError):
        values = []
    if len(values) < 2 or not all(math.isfinite(v) for v in values):
        return [lo, hi]  # near the largest float: no room for round ticks around it
    # k * step can land a hair off the round number (0.30000000000000004): print-round it
    return [float(f"{v:.12g}") for v in values]


class Frame:
    """A plot area: x from x_ticks[0] to x_ticks[-1] and y likewise, mapped to pixels."""

    def __init__(self, x_ticks: List[float], y_ticks: List[float], left: float = LEFT,
                 top: float = TOP, width: float = PLOT_W, height: float = PLOT_H) -> None:
        self.x_ticks, self.y_ticks = x_ticks, y_ticks
        self.left, self.top, self.width, self.height = left, top, width, height

    def x(self, value: float) -> float:
        lo, hi = self.x_ticks[0], self.x_ticks[-1]
        return self.left + self.width * ((value / 2 - lo / 2) / (hi / 2 - lo / 2))

    def y(self, value: float) -> float:
        lo, hi = self.y_ticks[0], self.y_ticks[-1]
        return self.top + self.height * ((hi / 2 - value / 2) / (hi / 2 - lo / 2))

    def x_data(self, pixel: float) -> float:  # the inverse mappings, for boundaries and grids
        lo, hi = self.x_ticks[0], self.x_ticks[-1]
        return lo + (hi - lo) * (pixel - self.left) / self.width

    def y_data(self, pixel: float) -> float:
        lo, hi = self.y_ticks[0], self.y_ticks[-1]
        return hi - (hi - lo) * (pixel - self.top) / self.height

    def point(self, x: float, y: float) -> str:
        return f"{_px(self.x(x))},{_px(self.y(y))}"


def _span(values: Sequence[float], margin: float = 0.0) -> Tuple[float, float]:
    lo, hi = min(values), max(values)
    pad = (hi - lo) * margin
    return lo - pad, hi + pad


# ---- SVG pieces ----

def _text(x: float, y: float, content: str, extra: str = "") -> str:
    return f'<text x="{_px(x)}" y="{_px(y)}"{extra}>{html.escape(content)}</text>'


def _document(title: str, body: List[str], subtitle: str = "") -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f"<title>{html.escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        _text(WIDTH / 2, 24, title, ' class="title" text-anchor="middle" font-size="15"'),
    ]
    if subtitle:
        out.append(_text(WIDTH / 2, 43, subtitle, ' class="subtitle" text-anchor="middle" '
                                                  'fill="#444444"'))
    return "\n".join(out + body + ["</svg>"]) + "\n"


def _axes(frame: Frame, x_label: str, y_label: str, x_names: Optional[List[str]] = None,
          y_names: Optional[List[str]] = None, grid: bool = True) -> List[str]:
    """Grid lines, the two axis lines, tick labels and axis labels.

    Numeric tick labels carry class xtick/ytick and sit exactly at their value's pixel
    (x for the x axis, y for the y axis), so a reader, or a test, can map pixels back
    to data with the picture's own scale. ``x_names``/``y_names`` name categories instead.
    """
    right, bottom = frame.left + frame.width, frame.top + frame.height
    out = []
    if grid:
        out.append('<g stroke="#e3e3e3" stroke-width="1">')
        for v in frame.y_ticks[1:-1]:
            out.append(f'<line x1="{_px(frame.left)}" y1="{_px(frame.y(v))}" x2="{_px(right)}" '
                       f'y2="{_px(frame.y(v))}"/>')
        for v in frame.x_ticks[1:-1]:
            out.append(f'<line x1="{_px(frame.x(v))}" y1="{_px(frame.top)}" x2="{_px(frame.x(v))}" '
                       f'y2="{_px(bottom)}"/>')
        out.append("</g>")
    out.append(f'<rect x="{_px(frame.left)}" y="{_px(frame.top)}" width="{_px(frame.width)}" '
               f'height="{_px(frame.height)}" fill="none" stroke="#333333" stroke-width="1"/>')
    out.append('<g text-anchor="middle">')
    if x_names is None:
        out += [_text(frame.x(v), bottom + 17, _fmt(v), ' class="xtick"') for v in frame.x_ticks]
    else:
        out += [_text(frame.x(v), bottom + 17, name, ' class="xname"')
                for v, name in zip(frame.x_ticks, x_names) if name]
    out.append("</g>")
    out.append('<g text-anchor="end" dominant-baseline="middle">')
    if y_names is None:
        out += [_text(frame.left - 6, frame.y(v), _fmt(v), ' class="ytick"') for v in frame.y_ticks]
    else:
        out += [_text(frame.left - 6, frame.y(v), name, ' class="yname"')
                for v, name in zip(frame.y_ticks, y_names) if name]
    out.append("</g>")
    out.append(_text(frame.left + frame.width / 2, bottom + 40, x_label,
                     ' class="xlabel" text-anchor="middle"'))
    middle = frame.top + frame.height / 2
    out.append(_text(16, middle, y_label, f' class="ylabel" text-anchor="middle" '
                                          f'transform="rotate(-90 16 {_px(middle)})"'))
    return out


def marker(shape: str, x: float, y: float, colour: str, cls: str = "point", r: float = 4.0,
           extra: str = "") -> str:
    """One marker at pixel (x, y): circle, triangle, square, diamond, cross, plus or star, or
    open-square, an outline that a marker under it shows through."""
    a = f' class="{cls}"{extra}'
    fill = f'fill="{colour}" fill-opacity="0.75" stroke="{colour}"'
    if shape == "open-square":
        return (f'<rect{a} x="{_px(x - r)}" y="{_px(y - r)}" width="{_px(2 * r)}" '
                f'height="{_px(2 * r)}" fill="none" stroke="{colour}" stroke-width="2"/>')
    if shape == "circle":
        return f'<circle{a} cx="{_px(x)}" cy="{_px(y)}" r="{_px(r)}" {fill}/>'
    if shape == "square":
        return (f'<rect{a} x="{_px(x - r * 0.85)}" y="{_px(y - r * 0.85)}" width="{_px(r * 1.7)}" '
                f'height="{_px(r * 1.7)}" {fill}/>')
    if shape in ("cross", "plus"):
        d = r * 1.1
        if shape == "cross":
            path = (f"M {_px(x - d)},{_px(y - d)} L {_px(x + d)},{_px(y + d)} "
                    f"M {_px(x - d)},{_px(y + d)} L {_px(x + d)},{_px(y - d)}")
        else:
            path = (f"M {_px(x - d)},{_px(y)} L {_px(x + d)},{_px(y)} "
                    f"M {_px(x)},{_px(y - d)} L {_px(x)},{_px(y + d)}")
        return f'<path{a} d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
    if shape == "triangle":
        corners = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    elif shape == "diamond":
        corners = [(x, y - r * 1.3), (x + r, y), (x, y + r * 1.3), (x - r, y)]
    else:  # star: five points
        corners = []
        for k in range(10):
            radius = r * 1.6 if k % 2 == 0 else r * 0.7
            angle = math.pi * k / 5
            corners.append((x + radius * math.sin(angle), y - radius * math.cos(angle)))
    path = " L ".join(f"{_px(cx)},{_px(cy)}" for cx, cy in corners)
    return f'<path{a} d="M {path} Z" {fill}/>'


Entry = Tuple[str, str, str, str]  # (label, colour, marker shape or "", line dash or "" or "none")


def _legend(entries: List[Entry], x: float = LEGEND_X, y: float = TOP + 8) -> List[str]:
    """A legend: one row per entry, its line sample and its marker, then its label."""
    out = ['<g class="legend" font-size="11">']
    for k, (label, colour, shape, dash) in enumerate(entries):
        row = y + 20 * k
        if dash != "none":
            style = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<line x1="{_px(x)}" y1="{_px(row)}" x2="{_px(x + 26)}" y2="{_px(row)}" '
                       f'stroke="{colour}" stroke-width="2"{style}/>')
        if shape:
            out.append(marker(shape, x + 13, row, colour, cls="key"))
        out.append(_text(x + 34, row, label, ' dominant-baseline="middle"'))
    out.append("</g>")
    return out


def _polyline(points: List[str], colour: str, cls: str, width: float = 1.8, dash: str = "") -> str:
    style = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<path class="{cls}" d="M {" L ".join(points)}" fill="none" stroke="{colour}" '
            f'stroke-width="{width}" stroke-linejoin="round"{style}/>')


# ---- The cost curve, and learning rates compared ----

def _update_ticks(n: int) -> List[float]:
    step = max(1, int(nice_step(max(n, 1), 5)))
    return [float(k) for k in range(0, -(-max(n, 1) // step) * step + 1, step)]


def svg_chart(values: Sequence[float], title: str, x_label: str = "update",
              y_label: str = "cost J") -> str:
    """A standalone SVG line chart of ``values`` against 1, 2, ..., n: one path point per value."""
    values = [float(v) for v in values]
    finite = [v for v in values if math.isfinite(v)] or [0.0]
    frame = Frame(_update_ticks(len(values)), ticks(min(finite), max(finite)),
                  width=WIDTH - LEFT - 36)  # one series, no legend: the plot takes the width
    body = _axes(frame, x_label, y_label)
    points = [frame.point(k, v) for k, v in enumerate(values, start=1) if math.isfinite(v)]
    if points:
        body.append(_polyline(points, COLOURS[0], "cost"))
    if len(points) == 1:  # a path of one point draws nothing: mark it
        body.append(marker("circle", frame.x(1), frame.y(finite[0]), COLOURS[0], cls="single"))
    return _document(title, body)


def rates_chart(runs: Sequence[Tuple[float, Sequence[float], Optional[int]]], title: str) -> str:
    """Cost curves of several learning rates on one chart, with a legend.

    ``runs`` holds (learning rate, costs, diverged_at): the costs of the updates made,
    and for a run that diverged the update at which it did (None otherwise). The y range
    is set by the runs that trained and by every run's first cost, so a diverging curve
    leaves through the top: it is drawn up to there, dotted along the top edge after, and
    marked with a cross at the update where it diverged, the one the legend names. With more
    than 20 updates the update axis is logarithmic (1, 10, 100, ...), so a fast rate's
    first updates and a slow rate's last ones both show.
    """
    trained = [float(v) for _, costs, stop in runs if stop is None for v in costs]
    firsts = [float(costs[0]) for _, costs, _ in runs if costs]
    shown = [v for v in trained + firsts if math.isfinite(v)] or [0.0, 1.0]
    n = max([len(costs) + (stop is not None) for _, costs, stop in runs]  # every update,
            + [stop for _, _, stop in runs if stop is not None] + [1])  # and each cross
    y_ticks = ticks(min(shown + [0.0] if min(shown) >= 0 else shown), max(shown))
    log = n > 20
    if log:  # the plot's x is log10(update); its ticks are the powers of ten
        decades = math.ceil(math.log10(n) - 1e-12)
        frame = Frame([float(k) for k in range(decades + 1)], y_ticks)
        body = _axes(frame, "update (logarithmic scale)", "cost J",
                     x_names=[str(10 ** k) for k in range(decades + 1)])
    else:
        frame = Frame(_update_ticks(n), y_ticks)
        body = _axes(frame, "update", "cost J")

    def at(t: float) -> float:
        return math.log10(t) if log else t
    top_value = frame.y_ticks[-1]
    entries = []
    for k, (rate, costs, stop) in enumerate(runs):
        colour, shape = COLOURS[k % len(COLOURS)], SHAPES[k % len(SHAPES)]
        values = [float(c) for c in costs]
        points, exit_at, previous = [], None, None
        for t, v in enumerate(values, start=1):
            if not (math.isfinite(v) and v <= top_value):
                if previous is not None:  # where the line crosses the top edge
                    u0, v0 = previous
                    exit_at = (u0 + (at(t) - u0) * (top_value - v0) / (v - v0), top_value)
                    points.append(frame.point(*exit_at))
                else:
                    exit_at = (at(t), top_value)
                break
            points.append(frame.point(at(t), v))
            previous = (at(t), v)
        if stop is not None and exit_at is None:
            exit_at = previous if previous is not None else (at(1), top_value)
        if len(points) > 1:
            body.append(_polyline(points, colour, "rate"))
        # shape markers along the line, so each reads without colour; shifted a little per
        # rate, so that curves which have met do not hide each other's markers
        spots = sorted({max(1, round(10 ** (j / 4 + k / (4 * len(runs))))) if log
                        else 1 + (j + k / len(runs)) * max(1, len(values) // 8)
                        for j in range(4 * 8)})
        for t in spots:
            t = int(t)
            if t > len(values):
                break
            v = values[t - 1]
            if math.isfinite(v) and v <= top_value and (exit_at is None or at(t) <= exit_at[0]):
                body.append(marker(shape, frame.x(at(t)), frame.y(v), colour, cls="ratemark",
                                   r=3.5))
        label = f"rate {_fmt(rate)}"
        if stop is not None:  # the cross at the update where it diverged, on the top edge;
            cross = (at(stop), top_value)  # dotted there from where the curve left the chart
            if cross[0] > exit_at[0]:
                body.append(_polyline([frame.point(*exit_at), frame.point(*cross)], colour,
                                      "offchart", width=1.2, dash="2 3"))
            body.append(marker("cross", frame.x(cross[0]), frame.y(cross[1]), colour,
                               cls="diverged", r=5.0))
            label += f", diverged at update {stop}"
        entries.append((label, colour, shape, ""))
    body += _legend(entries)
    return _document(title, body, "one model per learning rate, all starting from zero; "
                                  "a cross marks the update where a run diverged")


def rate_list(text: str) -> List[float]:
    """argparse type of --learning-rates: positive numbers separated by commas, e.g. 0.01,0.1."""
    import argparse  # only the command line needs it
    try:
        rates = [float(part) for part in text.split(",")]
    except ValueError:
        rates = []
    if not rates or not all(math.isfinite(r) and r > 0 for r in rates):
        raise argparse.ArgumentTypeError(f"must be positive numbers separated by commas, such "
                                         f"as 0.003,0.01,0.03; got {text!r}")
    if len(set(rates)) != len(rates):
        raise argparse.ArgumentTypeError(f"names a learning rate twice: {text!r}")
    return rates


def learning_rate_runs(Model: Callable[..., object], options: dict, X: list, y: list,
                       rates: Sequence[float]) -> List[Tuple[float, List[float], Optional[int],
                                                             Optional[float]]]:
    """Train one model per learning rate, from the same options, on the same data.

    Returns (rate, costs, diverged_at, final cost) per rate. A run that diverges raises
    FloatingPointError at the update whose cost is not finite; its costs are those of the
    updates before (the same model, stopped after the last whole epoch before that update).
    """
    m = len(X)
    batch = options.get("batch_size")
    per_epoch = 1 if batch is None or batch >= m else -(-m // batch)
    runs = []
    for rate in rates:
        settings = dict(options, learning_rate=rate, verbose=0)
        try:
            model = Model(**settings).fit(X, y)
            runs.append((rate, [float(c) for c in model.cost_history], None,
                         float(model.cost(X, y))))
            continue
        except FloatingPointError as error:
            found = re.search(r"iteration (\d+)", str(error))
            stop = int(found.group(1)) if found else None
        epochs = (stop - 1) // per_epoch if stop else None
        costs = _costs_before(Model, settings, X, y, epochs)
        runs.append((rate, costs, stop if stop else len(costs) + 1, None))
    return runs


def _costs_before(Model: Callable[..., object], settings: dict, X: list, y: list,
                  epochs: Optional[int]) -> List[float]:
    """The costs of the longest run of whole epochs that stays finite (at most ``epochs``)."""
    def attempt(n: int) -> Optional[List[float]]:
        if n < 1:
            return []
        try:
            return [float(c) for c in Model(**dict(settings, n_iters=n)).fit(X, y).cost_history]
        except FloatingPointError:
            return None
    if epochs is not None:
        costs = attempt(epochs)
        if costs is not None:
            return costs
    lo, hi = 0, int(settings.get("n_iters", 1000))  # attempt(lo) is finite, attempt(hi) is not
    while hi - lo > 1:
        middle = (lo + hi) // 2
        if attempt(middle) is None:
            hi = middle
        else:
            lo = middle
    return attempt(lo) or []


# ---- The fit over the data ----

def _to_lists(model: object, kind: str) -> Tuple[list, list, list]:
    """(weights, bias, classes) of a fitted model of either twin, as plain lists of floats."""
    classes = list(getattr(model, "classes", [0, 1]) if kind != "linear" else [])
    classes = [c.item() if hasattr(c, "item") else c for c in classes]
    if kind == "softmax":
        weights = [[float(w) for w in row] for row in model.weights]
        bias = [float(b) for b in model.bias]
    else:
        weights = [float(w) for w in model.weights]
        bias = float(model.bias)
    return weights, bias, classes


def original_units(kind: str, weights: list, bias: object, mean: Sequence[float],
                   std: Sequence[float]) -> Tuple[list, object]:
    """The parameters for unscaled features: the model saw x'_j = (x_j - mean_j) / std_j, so
    sum_j w_j x'_j + b = sum_j (w_j / std_j) x_j + (b - sum_j w_j mean_j / std_j)."""
    def one(w: List[float], b: float) -> Tuple[List[float], float]:
        return ([w_j / s_j for w_j, s_j in zip(w, std)],
                b - sum(w_j * m_j / s_j for w_j, m_j, s_j in zip(w, mean, std)))
    if kind == "softmax":
        pairs = [one(w_k, b_k) for w_k, b_k in zip(weights, bias)]
        return [w for w, _ in pairs], [b for _, b in pairs]
    return one(weights, bias)


def _dot(w: Sequence[float], x: Sequence[float]) -> float:
    return sum(w_j * x_j for w_j, x_j in zip(w, x))


def _sigmoid(z: float) -> float:
    e = math.exp(-abs(z))
    return (1.0 if z >= 0 else e) / (1.0 + e)


def _softmax(z: Sequence[float]) -> List[float]:
    top = max(z)
    e = [math.exp(z_k - top) for z_k in z]
    total = sum(e)
    return [e_k / total for e_k in e]


def _argmax(values: Sequence[float]) -> int:
    return max(range(len(values)), key=lambda k: (values[k], -k))


def _data_frame(xs: Sequence[float], ys: Sequence[float]) -> Frame:
    x_lo, x_hi = _span(xs, 0.05)
    y_lo, y_hi = _span(ys, 0.05)
    return Frame(ticks(x_lo, x_hi), ticks(y_lo, y_hi))


def _clip_line(frame: Frame, a: float, c: float, d: float) -> Optional[Tuple[Tuple[float, float],
                                                                             Tuple[float, float]]]:
    """The part inside the frame of the line a x + c y + d = 0, as two data points, or None."""
    x0, x1 = frame.x_ticks[0], frame.x_ticks[-1]
    y0, y1 = frame.y_ticks[0], frame.y_ticks[-1]
    found = []
    if c != 0:
        for x in (x0, x1):
            y = -(a * x + d) / c
            if y0 <= y <= y1:
                found.append((x, y))
    if a != 0:
        for y in (y0, y1):
            x = -(c * y + d) / a
            if x0 <= x <= x1:
                found.append((x, y))
    found = sorted(set(found))
    if len(found) < 2:
        return None
    return found[0], found[-1]


# The 0/1 targets of the bundled data sets in words (pure/tools/data/README.md), so that
# a picture says which class is which; other files' classes are named "target = 0" and "= 1".
CLASS_WORDS = {("breast_cancer", "benign"): ("malignant", "benign")}


def fit_chart(kind: str, model: object, X: Sequence[Sequence[float]], y: Sequence[object],
              features: Sequence[str], target: str, data_name: str,
              scaler: Optional[object] = None) -> str:
    """The fit over the data, drawn from a fitted model of either twin.

    X is in the units of the file. With ``scaler`` (the StandardScaler the model was
    trained after), the parameters are mapped back to those units first, and the axis
    labels say so. Logistic classes are named in words where CLASS_WORDS knows them.
    """
    weights, bias, classes = _to_lists(model, kind)
    if scaler is not None:
        weights, bias = original_units(kind, weights, bias, [float(v) for v in scaler.mean],
                                       [float(v) for v in scaler.std])
    X = [[float(v) for v in row] for row in X]
    n = len(X[0])
    units = " (original units)" if scaler is not None else ""
    title = {"linear": "Linear", "logistic": "Logistic", "softmax": "Softmax"}[kind]
    title = f"{title} regression on {data_name}: the fit over the data"
    if kind == "linear":
        return _linear_fit(X, [float(v) for v in y], weights, bias, features, target, title, units)
    labels = [c.item() if hasattr(c, "item") else c for c in y]
    if kind == "logistic":
        positions = [int(float(v)) for v in labels]
        words = CLASS_WORDS.get((PurePath(data_name).stem, target))
        return _logistic_fit(X, positions, weights, bias, features, target, title, units, words)
    positions = [classes.index(label) for label in labels]
    if n == 1:
        return _class_curves(X, positions, weights, bias, classes, features, target, title, units)
    if n == 2:
        return _softmax_regions(X, positions, weights, bias, classes, features, target, title,
                                units)
    return _confusion(X, positions, weights, bias, classes, target, title)


def _linear_fit(X: List[List[float]], y: List[float], w: List[float], b: float,
                features: Sequence[str], target: str, title: str, units: str) -> str:
    if len(w) == 1:
        xs = [row[0] for row in X]
        frame = _data_frame(xs, y + [w[0] * x + b for x in _span(xs, 0.05)])
        body = _axes(frame, f"{features[0]}{units}", target)
        x0, x1 = frame.x_ticks[0], frame.x_ticks[-1]
        ends = [(x0, w[0] * x0 + b), (x1, w[0] * x1 + b)]
        body.append(_line_in(frame, ends, COLOURS[1], "fitline"))
        body += [marker("circle", frame.x(x), frame.y(t), COLOURS[0]) for x, t in zip(xs, y)]
        body += _legend([(f"the {len(y)} samples", COLOURS[0], "circle", "none"),
                         (f"y = {_fmt(w[0])} x {'-' if b < 0 else '+'} {_fmt(abs(b))}",
                          COLOURS[1], "", "")])
        return _document(title, body, "the data and the fitted line")
    predicted = [_dot(w, row) + b for row in X]
    frame = _data_frame(y + predicted, y + predicted)
    body = _axes(frame, f"actual {target}", f"predicted {target}")
    lo = max(frame.x_ticks[0], frame.y_ticks[0])
    hi = min(frame.x_ticks[-1], frame.y_ticks[-1])
    body.append(_line_in(frame, [(lo, lo), (hi, hi)], COLOURS[1], "diagonal", dash="6 4"))
    body += [marker("circle", frame.x(t), frame.y(p), COLOURS[0]) for t, p in zip(y, predicted)]
    body += _legend([(f"the {len(y)} samples", COLOURS[0], "circle", "none"),
                     ("perfect fit: predicted = actual", COLOURS[1], "", "6 4")])
    return _document(title, body, f"predicted against actual, {len(w)} features")


def _line_in(frame: Frame, ends: List[Tuple[float, float]], colour: str, cls: str,
             dash: str = "") -> str:
    """A straight line between two data points, cut to the frame (it may leave through y)."""
    (xa, ya), (xb, yb) = ends
    y_lo, y_hi = frame.y_ticks[0], frame.y_ticks[-1]
    points = []
    for t in (0.0, 1.0):  # move each end along the line until it is inside
        x, yv = xa + (xb - xa) * t, ya + (yb - ya) * t
        if not y_lo <= yv <= y_hi and yb != ya:
            edge = y_hi if yv > y_hi else y_lo
            s = (edge - ya) / (yb - ya)
            x, yv = xa + (xb - xa) * s, edge
        points.append(frame.point(x, yv))
    return _polyline(points, colour, cls, width=2.2, dash=dash)


def _jitter(i: int) -> float:
    """A spread in [-1, 1) that differs from sample to sample and is the same on every run."""
    return ((i * 0.6180339887498949) % 1.0) * 2.0 - 1.0


def _logistic_fit(X: List[List[float]], y: List[int], w: List[float], b: float,
                  features: Sequence[str], target: str, title: str, units: str,
                  words: Optional[Sequence[str]] = None) -> str:
    shapes = [(COLOURS[0], "circle"), (COLOURS[1], "triangle")]
    names = [f"{words[k]} ({target} = {k})" if words else f"{target} = {k}" for k in range(2)]
    classes = [(names[0], COLOURS[0], "circle", "none"),
               (names[1], COLOURS[1], "triangle", "none")]
    if len(w) == 1:
        xs = [row[0] for row in X]
        frame = Frame(ticks(*_span(xs, 0.05)), [0.0, 0.25, 0.5, 0.75, 1.0])
        frame.top, frame.height = TOP + 8, PLOT_H - 16  # room for the markers at 0 and 1
        body = _axes(frame, f"{features[0]}{units}", f"P({target} = 1)")
        x0, x1 = frame.x_ticks[0], frame.x_ticks[-1]
        curve = [frame.point(x0 + (x1 - x0) * k / 200, _sigmoid(w[0] * (x0 + (x1 - x0) * k / 200)
                                                                 + b)) for k in range(201)]
        body.append(_polyline(curve, COLOURS[2], "sigmoid", width=2.2))
        for x, label in zip(xs, y):
            colour, shape = shapes[label]
            body.append(marker(shape, frame.x(x), frame.y(float(label)), colour))
        body += _legend(classes + [("sigmoid(w x + b)", COLOURS[2], "", "")])
        return _document(title, body, "the samples at 0 and 1 and the fitted probability")
    if len(w) == 2:
        frame = _data_frame([row[0] for row in X], [row[1] for row in X])
        body = _axes(frame, f"{features[0]}{units}", f"{features[1]}{units}")
        line = _clip_line(frame, w[0], w[1], b)
        entries = list(classes)
        if line is not None:
            body.append(_polyline([frame.point(*line[0]), frame.point(*line[1])], COLOURS[2],
                                  "boundary", width=2.2))
            entries.append(("boundary w1 x1 + w2 x2 + b = 0", COLOURS[2], "", ""))
        else:
            entries.append(("(the boundary is outside the plot)", COLOURS[2], "", "none"))
        for row, label in zip(X, y):
            colour, shape = shapes[label]
            body.append(marker(shape, frame.x(row[0]), frame.y(row[1]), colour))
        body += _legend(entries)
        return _document(title, body, "the samples by class and the decision boundary P = 0.5")
    # More features: the predicted probability of each sample, one strip per true class.
    p = [_sigmoid(_dot(w, row) + b) for row in X]
    frame = Frame([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], [0.0, 1.0, 2.0])
    body = _axes(frame, f"predicted probability P({target} = 1)", f"true {target}",
                 y_names=["", "", ""], grid=False)
    for k in range(2):
        centre = frame.y(0.5 + k)
        body.append(_text(frame.left - 6, centre, words[k] if words else f"{target} = {k}",
                          ' class="yname" text-anchor="end" dominant-baseline="middle"'))
        body.append(f'<rect x="{_px(frame.left)}" y="{_px(centre - 45)}" width="{_px(frame.width)}" '
                    f'height="90" fill="{COLOURS[k]}" fill-opacity="0.06"/>')
    body.append(_polyline([frame.point(0.5, 0.0), frame.point(0.5, 2.0)], "#555555", "threshold",
                          width=1.2, dash="5 4"))
    for i, (p_i, label) in enumerate(zip(p, y)):
        colour, shape = shapes[label]
        body.append(marker(shape, frame.x(p_i), frame.y(0.5 + label) + 36 * _jitter(i), colour,
                           r=3.2))
    body += _legend(classes + [("threshold 0.5", "#555555", "", "5 4")])
    return _document(title, body, f"{len(w)} features: the predicted probability of each sample, "
                                  f"a strip per true class")


def _class_entries(classes: Sequence[object], target: str) -> List[Entry]:
    return [(f"{target} = {c}", COLOURS[k % len(COLOURS)], SHAPES[k % len(SHAPES)], "none")
            for k, c in enumerate(classes)]


def _class_curves(X: List[List[float]], y: List[int], W: List[List[float]], b: List[float],
                  classes: Sequence[object], features: Sequence[str], target: str, title: str,
                  units: str) -> str:
    xs = [row[0] for row in X]
    frame = Frame(ticks(*_span(xs, 0.05)), [0.0, 0.25, 0.5, 0.75, 1.0])
    body = _axes(frame, f"{features[0]}{units}", "probability of the class")
    x0, x1 = frame.x_ticks[0], frame.x_ticks[-1]
    grid = [x0 + (x1 - x0) * k / 200 for k in range(201)]
    probabilities = [_softmax([W[k][0] * x + b[k] for k in range(len(b))]) for x in grid]
    for k in range(len(b)):
        body.append(_polyline([frame.point(x, p[k]) for x, p in zip(grid, probabilities)],
                              COLOURS[k % len(COLOURS)], "curve", width=2.0))
    for x, label in zip(xs, y):
        p = _softmax([W[k][0] * x + b[k] for k in range(len(b))])
        body.append(marker(SHAPES[label % len(SHAPES)], frame.x(x), frame.y(p[label]),
                           COLOURS[label % len(COLOURS)]))
    entries = [(label, colour, shape, "") for label, colour, shape, _ in
               _class_entries(classes, target)]
    body += _legend(entries)
    return _document(title, body, "each sample at the predicted probability of its own class")


def _softmax_regions(X: List[List[float]], y: List[int], W: List[List[float]], b: List[float],
                     classes: Sequence[object], features: Sequence[str], target: str, title: str,
                     units: str) -> str:
    frame = _data_frame([row[0] for row in X], [row[1] for row in X])
    body = _axes(frame, f"{features[0]}{units}", f"{features[1]}{units}", grid=False)
    cells = 40
    cell_w, cell_h = frame.width / cells, frame.height / cells
    body.append('<g class="regions" fill-opacity="0.16">')
    for r in range(cells):
        for c in range(cells):
            x = frame.x_data(frame.left + (c + 0.5) * cell_w)
            y_c = frame.y_data(frame.top + (r + 0.5) * cell_h)
            k = _argmax([W[k][0] * x + W[k][1] * y_c + b[k] for k in range(len(b))])
            body.append(f'<rect x="{_px(frame.left + c * cell_w)}" y="{_px(frame.top + r * cell_h)}" '
                        f'width="{_px(cell_w + 0.3)}" height="{_px(cell_h + 0.3)}" '
                        f'fill="{COLOURS[k % len(COLOURS)]}"/>')
    body.append("</g>")
    for row, label in zip(X, y):
        body.append(marker(SHAPES[label % len(SHAPES)], frame.x(row[0]), frame.y(row[1]),
                           COLOURS[label % len(COLOURS)]))
    body += _legend(_class_entries(classes, target))
    return _document(title, body, "the samples by class over the tinted region each class wins")


def _confusion(X: List[List[float]], y: List[int], W: List[List[float]], b: List[float],
               classes: Sequence[object], target: str, title: str) -> str:
    K = len(b)
    counts = [[0] * K for _ in range(K)]
    for row, label in zip(X, y):
        counts[label][_argmax([_dot(W[k], row) + b[k] for k in range(K)])] += 1
    size = min(PLOT_W, PLOT_H) / K
    left, top = LEFT + 40, TOP + 10
    body = []
    largest = max(max(row) for row in counts) or 1
    for a in range(K):
        for p in range(K):
            x, y_px = left + p * size, top + a * size
            share = counts[a][p] / largest
            colour = COLOURS[2] if a == p else COLOURS[1]
            body.append(f'<rect class="cell" x="{_px(x)}" y="{_px(y_px)}" width="{_px(size)}" '
                        f'height="{_px(size)}" fill="{colour}" fill-opacity="{share * 0.7:.3f}" '
                        f'stroke="#333333"/>')
            body.append(_text(x + size / 2, y_px + size / 2, str(counts[a][p]),
                              f' class="count" text-anchor="middle" dominant-baseline="middle" '
                              f'font-size="16"'))
    body.append('<g font-size="11">')
    for k, c in enumerate(classes):
        body.append(_text(left + (k + 0.5) * size, top + K * size + 16, str(c),
                          ' class="xname" text-anchor="middle"'))
        body.append(_text(left - 6, top + (k + 0.5) * size, str(c),
                          ' class="yname" text-anchor="end" dominant-baseline="middle"'))
    body.append("</g>")
    body.append(_text(left + K * size / 2, top + K * size + 38, f"predicted {target}",
                      ' class="xlabel" text-anchor="middle"'))
    middle = top + K * size / 2
    body.append(_text(16, middle, f"true {target}", f' class="ylabel" text-anchor="middle" '
                                                    f'transform="rotate(-90 16 {_px(middle)})"'))
    correct = sum(counts[k][k] for k in range(K))
    body += _legend([("correct (the diagonal)", COLOURS[2], "square", "none"),
                     ("mistaken", COLOURS[1], "square", "none")],
                    x=left + K * size + 30)
    return _document(title, body, f"{len(X[0])} features: the confusion table, {correct} of "
                                  f"{len(X)} samples right")


# ---- The descent path on the cost surface ----

def flat_params(kind: str, entry: Sequence[object]) -> List[float]:
    """One entry of ``param_history`` (either twin) as a flat list: the weights, then the bias
    (softmax: the rows of W one after the other, then the biases)."""
    weights, bias = entry
    if kind == "softmax":
        return [float(w) for row in weights for w in row] + [float(b) for b in bias]
    return [float(w) for w in weights] + [float(bias)]


def param_names(kind: str, features: Sequence[str], classes: Sequence[object]) -> List[str]:
    """The names of the flat parameters, in the order of ``flat_params``."""
    if kind == "softmax":
        return ([f"w[{c}][{f}]" for c in classes for f in features]
                + [f"b[{c}]" for c in classes])
    if len(features) == 1:
        return ["w", "b"]
    return [f"w[{f}]" for f in features] + ["b"]


class CostSlice:
    """J over two of the parameters, p and q, the others held at ``fixed``.

    With n features and K outputs (K = 1 for linear and logistic), flat parameter t is
    the weight of feature t % n in output t // n, or for t >= K n the bias of output
    t - K n. Changing p by d adds d x_ij (or d for a bias) to z_ik of its output k only,
    so each z_ik is a fixed part plus the two changes.
    """

    def __init__(self, kind: str, X: Sequence[Sequence[float]], y: Sequence[int], l2: float,
                 fixed: List[float], p: int, q: int) -> None:
        self.kind, self.l2, self.p, self.q = kind, float(l2), p, q
        self.X = [[float(v) for v in row] for row in X]
        self.y = list(y)
        self.m, n = len(self.X), len(self.X[0])
        self.K = (len(fixed) // (n + 1)) if kind == "softmax" else 1
        self.n, self.fixed = n, list(fixed)
        W = [fixed[k * n:(k + 1) * n] for k in range(self.K)]
        b = fixed[self.K * n:]
        self.base = [[_dot(W[k], row) + b[k] for k in range(self.K)] for row in self.X]
        self.out = [t // n if t < self.K * n else t - self.K * n for t in (p, q)]
        self.coef = [[row[t % n] if t < self.K * n else 1.0 for row in self.X] for t in (p, q)]
        self.is_weight = [t < self.K * n for t in (p, q)]
        self.other_sq = sum(v * v for t, v in enumerate(fixed[:self.K * n]) if t not in (p, q))

    def _z(self, i: int, a: float, c: float) -> List[float]:
        z = list(self.base[i])
        z[self.out[0]] += (a - self.fixed[self.p]) * self.coef[0][i]
        z[self.out[1]] += (c - self.fixed[self.q]) * self.coef[1][i]
        return z

    def cost(self, a: float, c: float) -> float:
        """J(a, c): the model's cost, with parameter p at a and q at c."""
        total = 0.0
        for i in range(self.m):
            z = self._z(i, a, c)
            if self.kind == "linear":
                total += 0.5 * (z[0] - self.y[i]) ** 2
            elif self.kind == "logistic":  # softplus(z) - y z, stable for every z
                total += max(z[0], 0.0) + math.log1p(math.exp(-abs(z[0]))) - self.y[i] * z[0]
            else:  # log sum_l e^(z_l) - z_(y_i), with the row maximum taken out
                top = max(z)
                total += top + math.log(sum(math.exp(z_k - top) for z_k in z)) - z[self.y[i]]
        squares = self.other_sq + sum(v * v for v, w in zip((a, c), self.is_weight) if w)
        return total / self.m + self.l2 / (2 * self.m) * squares

    def minimum(self) -> Optional[Tuple[float, float]]:
        """The minimizer of J over (a, c) by Newton's method with step halving, or None when
        there is none to find (a flat direction, or separable classes pushing it to infinity)."""
        a, c = self.fixed[self.p], self.fixed[self.q]
        J = self.cost(a, c)
        for _ in range(100):
            g, H = self._gradient_hessian(a, c)
            det = H[0][0] * H[1][1] - H[0][1] * H[1][0]
            scale = max(abs(H[0][0]), abs(H[1][1]))
            if not det > 1e-12 * scale * scale:
                return None
            da = -(H[1][1] * g[0] - H[0][1] * g[1]) / det
            dc = -(H[0][0] * g[1] - H[1][0] * g[0]) / det
            step = 1.0
            while step > 1e-9:
                trial = self.cost(a + step * da, c + step * dc)
                if trial <= J:
                    break
                step /= 2
            a, c, J = a + step * da, c + step * dc, self.cost(a + step * da, c + step * dc)
            if abs(step * da) <= 1e-12 * (1 + abs(a)) and abs(step * dc) <= 1e-12 * (1 + abs(c)):
                break
        g, H = self._gradient_hessian(a, c)
        size = math.sqrt(H[0][0] * (1 + a * a) + H[1][1] * (1 + c * c))
        if not (math.isfinite(a) and math.isfinite(c)) or math.hypot(*g) > 1e-6 * (size + 1e-300):
            return None
        return a, c

    def _gradient_hessian(self, a: float, c: float) -> Tuple[List[float], List[List[float]]]:
        g = [0.0, 0.0]
        H = [[0.0, 0.0], [0.0, 0.0]]
        ka, kc = self.out
        for i in range(self.m):
            z = self._z(i, a, c)
            if self.kind == "linear":
                r, s = [z[0] - self.y[i]] * 2, [[1.0, 1.0], [1.0, 1.0]]
            elif self.kind == "logistic":
                p = _sigmoid(z[0])
                r, s = [p - self.y[i]] * 2, [[p * (1 - p)] * 2] * 2
            else:
                p = _softmax(z)
                r = [p[k] - (1.0 if self.y[i] == k else 0.0) for k in (ka, kc)]
                s = [[p[k] * ((1.0 if k == l else 0.0) - p[l]) for l in (ka, kc)]
                     for k in (ka, kc)]
            u = (self.coef[0][i], self.coef[1][i])
            for d in range(2):
                g[d] += r[d] * u[d] / self.m
                for e in range(2):
                    H[d][e] += s[d][e] * u[d] * u[e] / self.m
        for d, v in enumerate((a, c)):
            if self.is_weight[d]:
                g[d] += self.l2 / self.m * v
                H[d][d] += self.l2 / self.m
        return g, H


def contour_segments(xs: List[float], ys: List[float], grid: List[List[float]],
                     level: float) -> List[Tuple[Tuple[float, float], Tuple[float, float]]]:
    """Marching squares: the pieces of the line J = level, cell by cell of the grid
    (grid[r][c] is J at (xs[c], ys[r])), each crossing interpolated along its cell edge."""
    segments = []
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            corners = [(xs[c], ys[r], grid[r][c]), (xs[c + 1], ys[r], grid[r][c + 1]),
                       (xs[c + 1], ys[r + 1], grid[r + 1][c + 1]), (xs[c], ys[r + 1], grid[r + 1][c])]
            points = []
            for k in range(4):  # the four edges, in order around the cell
                (x0, y0, v0), (x1, y1, v1) = corners[k], corners[(k + 1) % 4]
                if (v0 < level) != (v1 < level):
                    t = (level - v0) / (v1 - v0)
                    points.append((x0 + t * (x1 - x0), y0 + t * (y1 - y0)))
            if len(points) == 2:
                segments.append((points[0], points[1]))
            elif len(points) == 4:  # a saddle: the centre says which corners are joined
                centre = sum(v for _, _, v in corners) / 4
                if (centre < level) == (corners[0][2] < level):
                    segments += [(points[0], points[1]), (points[2], points[3])]
                else:
                    segments += [(points[3], points[0]), (points[1], points[2])]
    return segments


def _method(model: object, m: int) -> str:
    solver = getattr(model, "solver", "gd")
    if solver == "normal":
        return "The normal equation"
    if solver == "qr":
        return "The QR solver"
    if solver == "newton":
        return "Newton's method"
    batch = getattr(model, "batch_size", None)
    if batch is not None and batch < m:
        return "SGD" if batch == 1 else f"Mini-batch SGD (batches of {batch})"
    return "Gradient descent"


def path_chart(kind: str, model: object, X: Sequence[Sequence[float]], y: Sequence[object],
               features: Sequence[str], data_name: str, standardized: bool = False,
               cells: int = 40) -> str:
    """The path of this run's parameters over contour lines of its cost J.

    Needs a model fitted with ``record_params=True``. X and y are the data it was fitted
    on. With one feature the two parameters are the bias and the weight; with more, the
    two that moved most from start to end, the others held at their final values.
    """
    history = getattr(model, "param_history", None)
    if not history:
        raise ValueError("the model has no param_history: fit it with record_params=True.")
    weights, bias, classes = _to_lists(model, kind)
    path = [flat_params(kind, entry) for entry in history]
    names = param_names(kind, features, classes)
    if kind == "softmax":
        labels = [c.item() if hasattr(c, "item") else c for c in y]
        targets = [classes.index(label) for label in labels]
    else:
        targets = [float(v) for v in y]
    final = path[-1]
    moved = sorted(range(len(final)), key=lambda t: (-abs(final[t] - path[0][t]), t))
    if len(final) == 2:
        p, q = 1, 0  # the bias across, the weight up, as in the classic course
    else:  # a bias across if one is chosen, else in the parameters' order
        p, q = sorted(moved[:2], key=lambda t: (not names[t].startswith("b"), t))
    surface = CostSlice(kind, X, targets, getattr(model, "l2", 0.0), final, p, q)
    best = surface.minimum()
    xs = [v[p] for v in path] + ([best[0]] if best else [])
    ys = [v[q] for v in path] + ([best[1]] if best else [])
    frame = Frame(ticks(*_span(xs, 0.12)), ticks(*_span(ys, 0.12)))
    def label(t: int) -> str:  # a weight is per standard deviation of its feature
        biases = len(bias) if kind == "softmax" else 1
        return names[t] + (" (standardized features)" if standardized
                           and t < len(final) - biases else "")
    body = _axes(frame, label(p), label(q), grid=False)

    gx = [frame.x_ticks[0] + (frame.x_ticks[-1] - frame.x_ticks[0]) * k / cells
          for k in range(cells + 1)]
    gy = [frame.y_ticks[0] + (frame.y_ticks[-1] - frame.y_ticks[0]) * k / cells
          for k in range(cells + 1)]
    grid = [[surface.cost(a, c) for a in gx] for c in gy]
    low = min(min(row) for row in grid)
    if best:
        low = min(low, surface.cost(*best))
    high = max(max(row) for row in grid)
    levels = []
    if high - low > 1e-12 * max(abs(high), 1e-300) and math.isfinite(high):
        # (k / 13)^2: on a quadratic bowl, J - J_min grows as the square of the distance,
        # so these levels are rings at even steps outwards
        levels = [low + (high - low) * (k / 13) ** 2 for k in range(1, 13)]
    body.append('<g class="contours" fill="none" stroke="#9a9a9a" stroke-width="1">')
    labels, placed = [], []
    for level in levels:
        segments = contour_segments(gx, gy, grid, level)
        if not segments:
            continue
        d = " ".join(f"M {frame.point(*s[0])} L {frame.point(*s[1])}" for s in segments)
        body.append(f'<path class="contour" data-level="{level:.9g}" d="{d}"/>')
        # the level's value at its highest point that leaves room for the text
        room = [(frame.x(pt[0]), frame.y(pt[1])) for s in segments for pt in s
                if frame.left + 24 < frame.x(pt[0]) < frame.left + frame.width - 24
                and frame.y(pt[1]) > frame.top + 12]
        room = [pt for pt in room if all(abs(pt[0] - x) > 40 or abs(pt[1] - y) > 14
                                         for x, y in placed)]  # no label over another
        if room:
            x_px, y_px = min(room, key=lambda pt: (pt[1], pt[0]))
            placed.append((x_px, y_px))
            labels.append(_text(x_px, y_px - 3, f"{level:.3g}", ' text-anchor="middle"'))
    body.append("</g>")
    body.append('<g class="levels" font-size="9" fill="#6b6b6b">')
    body += labels
    body.append("</g>")

    body.append(_polyline([frame.point(v[p], v[q]) for v in path], COLOURS[0], "descent",
                          width=1.6))
    if len(path) <= 60:
        body += [marker("circle", frame.x(v[p]), frame.y(v[q]), COLOURS[0], cls="vertex", r=2.2)
                 for v in path[1:-1]]
    body.append(marker("circle", frame.x(path[0][p]), frame.y(path[0][q]), COLOURS[2],
                       cls="start", r=5))
    updates = len(path) - 1
    entries = [("contour lines of J", "#9a9a9a", "", ""),
               (f"the path, {updates} update{'s' if updates != 1 else ''}", COLOURS[0], "", ""),
               ("start", COLOURS[2], "circle", "none"),
               ("end", COLOURS[1], "open-square", "none")]
    if best:
        body.append(marker("star", frame.x(best[0]), frame.y(best[1]), COLOURS[6],
                           cls="minimum", r=5))
        entries.append((f"minimum, J = {_fmt(surface.cost(*best))}", COLOURS[6], "star", "none"))
    else:
        entries.append(("(no minimum in reach)", COLOURS[6], "", "none"))
    # the end as an outline around where the minimum's star is (r 8), so that a run which
    # reached the minimum shows both
    body.append(marker("open-square", frame.x(final[p]), frame.y(final[q]), COLOURS[1],
                       cls="end", r=10))
    body += _legend(entries)
    model_title = {"linear": "linear", "logistic": "logistic", "softmax": "softmax"}[kind]
    title = f"{_method(model, len(X))} on the cost surface: {model_title} regression on {data_name}"
    if len(final) == 2:
        subtitle = f"J over {names[p]} and {names[q]}, and the parameters after every update"
    else:
        others = ([f"{names[t]} held at its final value" for t in range(3) if t not in (p, q)]
                  if len(final) == 3 else [f"the other {len(final) - 2} held at their final values"])
        subtitle = f"J over {names[p]} and {names[q]}, the two that moved most; {others[0]}"
    return _document(title, body, subtitle)


# ---- The pictures of a side-by-side page ----

LESSONS = {  # model: (class, bundled data set, what the model is called in titles)
    "linear": ("LinearRegression", "stackloss", "Linear regression"),
    "logistic": ("LogisticRegression", "breast_cancer", "Logistic regression"),
    "softmax": ("SoftmaxRegression", "iris", "Softmax regression"),
}


@functools.lru_cache(maxsize=None)  # the same pictures each time: train once per process
def lesson_figures(model: str) -> List[Tuple[str, str]]:
    """(caption, inline SVG) of the cost curve, the fit and the path of ``model`` trained by
    the pure twin on its bundled data set, standardized, with the default hyperparameters:
    what ``python -m pure MODEL --data SET --standardize --svg ... --plot-fit ...
    --plot-path ...`` draws. Empty for a model without a bundled data set."""
    if model not in LESSONS:
        return []
    import importlib
    from . import datasets
    class_name, name, title = LESSONS[model]
    Model = getattr(importlib.import_module("pure"), class_name)
    scaler_class = getattr(importlib.import_module("pure"), "StandardScaler")
    data = datasets.to_xy(datasets.open_csv(datasets.find(name), name), name, None,
                          model != "softmax")
    y = [int(v) for v in data.y] if model == "logistic" else list(data.y)
    scaler = scaler_class().fit(data.X)
    X = scaler.transform(data.X)
    fitted = Model(record_params=True).fit(X, y)
    features = [str(f) for f in data.features]
    command = (f"python -m pure {model} --data {name} --standardize --svg cost.svg "
               f"--plot-fit fit.svg --plot-path path.svg")
    pictures = [
        svg_chart(fitted.cost_history, f"{title} on {name} (standardized), learning rate "
                                       f"{_fmt(fitted.learning_rate)}"),
        fit_chart(model, fitted, data.X, y, features, str(data.target), name, scaler),
        path_chart(model, fitted, X, y, features, name, True, cells=30),
    ]
    captions = [f"The cost J at each of the {len(fitted.cost_history)} updates",
                "The fit over the data", "The descent path on the cost surface"]
    return [(f"{caption}: {command}", picture.split("\n", 1)[1])  # no XML declaration inline
            for caption, picture in zip(captions, pictures)]


def lesson_html(model: str) -> List[str]:
    """The pictures section of a side-by-side page (sidebyside.py): the figures of
    ``lesson_figures`` as inline SVG, each with the command that draws it. No script, no
    link: the page stays one standalone file."""
    figures = lesson_figures(model)
    if not figures:
        return []
    out = ['<h2 id="pictures">Pictures: the lesson at work</h2>',
           "<p>The pure twin trained on the bundled data set of this model, standardized, "
           "with the default hyperparameters: the cost at each update, the fit over the data, "
           "and the path of the parameters over the contour lines of the cost.</p>"]
    for caption, svg in figures:
        text, command = caption.split(": ", 1)
        out.append(f'<figure style="margin: 1rem 0">{svg.rstrip()}<figcaption>{html.escape(text)}'
                   f", drawn by <code>{html.escape(command)}</code></figcaption></figure>")
    return out
