"""The pictures of pure/tools/plot.py, checked by their geometry, not only by their presence.

Every SVG is parsed with the standard library's XML parser. Pixels are mapped back to
data with the picture's own scale, read from its round tick labels (each sits exactly at
its value's pixel), and compared with the numbers the picture claims to show.
"""

import importlib.util
import math
from pathlib import Path
import random
import re
import xml.etree.ElementTree as ET

import pytest

import pure
from pure.tools import plot

SVG = "{http://www.w3.org/2000/svg}"
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None


# ---- Reading a picture back ----

def parse(svg):
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == SVG + "svg"
    return root


def by_class(root, name):
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def axis_map(root, axis):
    """pixel -> data for axis 'x' or 'y', from the first and the last numeric tick label."""
    labels = by_class(root, f"{axis}tick")
    assert len(labels) >= 2, f"no {axis} ticks"
    pairs = [(float(e.get(axis)), float(e.text)) for e in labels]
    (p0, v0), (p1, v1) = pairs[0], pairs[-1]
    for p, v in pairs:  # the ticks are evenly spaced on a linear scale
        assert abs((v0 + (p - p0) / (p1 - p0) * (v1 - v0)) - v) <= 3e-5 * abs(v1 - v0)
    return lambda pixel: v0 + (pixel - p0) / (p1 - p0) * (v1 - v0)


def path_points(d):
    """The vertices of an SVG path made of M and L commands."""
    numbers = re.findall(r"[ML] (-?[\d.]+),(-?[\d.]+)", d)
    return [(float(x), float(y)) for x, y in numbers]


def check_readable(svg, series=1):
    """What every chart promises: <title>, a title line, labelled axes, round ticks, nothing
    fetched from outside, a legend with distinct shapes when there is more than one series."""
    root = parse(svg)
    title = root.find(SVG + "title")
    assert title is not None and title.text.strip()
    assert by_class(root, "title")[0].text == title.text
    labels = by_class(root, "xlabel") + by_class(root, "ylabel")
    assert len(labels) == 2 and all(label.text.strip() for label in labels)
    for tick in by_class(root, "xtick") + by_class(root, "ytick"):
        value = float(tick.text)
        assert math.isfinite(value) and float(f"{value:.3g}") == value, \
            f"tick {tick.text} is not round"
    lowered = svg.lower()
    for outside in ("href", "url(", "<script", "<image", "@import", "@font-face", "http://www.w3.org/1999"):
        assert outside not in lowered, outside
    assert lowered.count("http") == 1  # the SVG namespace, never fetched
    if series > 1:
        keys = by_class(root, "key")
        shapes = {(key.tag, len(path_points(key.get("d") or ""))) for key in keys}
        colours = {key.get("stroke") for key in keys}
        assert len(keys) >= series and len(shapes) >= series and len(colours) >= series, \
            "legend markers must differ in shape as well as colour"
    return root


# ---- Data and fitted models ----

def rows(seed, m, n, scale=1.0):
    rng = random.Random(seed)
    return [[scale * rng.gauss(0, 1) + 3 * j for j in range(n)] for _ in range(m)]


def linear_data(m=30, n=1, seed=0):
    X = rows(seed, m, n)
    rng = random.Random(seed + 1)
    y = [2 * sum(x) - 1 + rng.gauss(0, 0.3) for x in X]
    return X, y


def logistic_data(m=40, n=2, seed=0):
    X = rows(seed, m, n, 1.5)
    y = [1 if sum(x) - 3 * n * (n - 1) / 2 + random.Random(seed + i).gauss(0, 1) > 0 else 0
         for i, x in enumerate(X)]
    return X, y


def softmax_data(m=45, n=2, seed=0):
    rng = random.Random(seed)
    X, y = [], []
    for i in range(m):
        k = i % 3
        X.append([rng.gauss(2.0 * k, 0.7) + j for j in range(n)])
        y.append(["setosa", "versicolor", "virginica"][k])
    return X, y


def fit_recorded(Model, X, y, **options):
    """A model fitted with record_params=True, so it has param_history."""
    return Model(record_params=True, **options).fit(X, y)


def names(n):
    return [f"x{j + 1}" for j in range(n)]


# ---- The fit over the data ----

@pytest.mark.parametrize("n", [1, 3])
def test_linear_fit_draws_one_marker_per_row_and_the_fitted_line(n):
    X, y = linear_data(n=n)
    model = pure.LinearRegression(learning_rate=0.02, n_iters=2000).fit(X, y)
    svg = plot.fit_chart("linear", model, X, y, names(n), "y", "data.csv")
    root = check_readable(svg)
    points = by_class(root, "point")
    assert len(points) == len(X)
    to_x, to_y = axis_map(root, "x"), axis_map(root, "y")
    if n == 1:  # each marker is at its sample; the line is y = w x + b
        for e, x_i, y_i in zip(points, X, y):
            assert abs(to_x(float(e.get("cx"))) - x_i[0]) < 0.02
            assert abs(to_y(float(e.get("cy"))) - y_i) < 0.05
        line = path_points(by_class(root, "fitline")[0].get("d"))
        for px, py in line:
            x = to_x(px)
            assert abs(to_y(py) - (model.weights[0] * x + model.bias)) < 0.05
    else:  # predicted against actual, and the diagonal
        predicted = model.predict(X)
        for e, y_i, p_i in zip(points, y, predicted):
            assert abs(to_x(float(e.get("cx"))) - y_i) < 0.05
            assert abs(to_y(float(e.get("cy"))) - p_i) < 0.05
        for px, py in path_points(by_class(root, "diagonal")[0].get("d")):
            assert abs(to_x(px) - to_y(py)) < 0.05


def test_logistic_decision_boundary_ends_satisfy_the_model_equation():
    X, y = logistic_data()
    model = pure.LogisticRegression(learning_rate=0.5, n_iters=200).fit(X, y)
    svg = plot.fit_chart("logistic", model, X, y, ["x1", "x2"], "y", "data.csv")
    root = check_readable(svg, series=2)
    assert len(by_class(root, "point")) == len(X)
    to_x, to_y = axis_map(root, "x"), axis_map(root, "y")
    ends = path_points(by_class(root, "boundary")[0].get("d"))
    assert len(ends) == 2
    (w1, w2), b = model.weights, model.bias
    scale = abs(w1) + abs(w2)
    for px, py in ends:
        x1, x2 = to_x(px), to_y(py)
        assert abs(w1 * x1 + w2 * x2 + b) < 2e-3 * scale * max(1.0, abs(x1), abs(x2))
    # the classes get different shapes, not only different colours
    shapes = {(e.tag, len(path_points(e.get("d") or ""))) for e in by_class(root, "point")}
    assert len(shapes) == 2


def test_standardized_boundary_is_mapped_back_to_the_original_units():
    X, y = logistic_data()
    X = [[100 + 50 * x1, 0.01 * x2] for x1, x2 in X]
    scaler = pure.StandardScaler().fit(X)
    model = pure.LogisticRegression(learning_rate=0.5, n_iters=300).fit(scaler.transform(X), y)
    svg = plot.fit_chart("logistic", model, X, y, ["x1", "x2"], "y", "data.csv", scaler=scaler)
    root = check_readable(svg, series=2)
    assert "original units" in by_class(root, "xlabel")[0].text
    to_x, to_y = axis_map(root, "x"), axis_map(root, "y")
    for px, py in path_points(by_class(root, "boundary")[0].get("d")):
        # the model's own prediction at the end point, in its standardized units, is 0.5
        z = sum(w * v for w, v in zip(model.weights, scaler.transform([[to_x(px), to_y(py)]])[0]))
        assert abs(z + model.bias) < 0.01


@pytest.mark.parametrize("n", [1, 4])
def test_logistic_other_feature_counts_draw_every_sample(n):
    X, y = logistic_data(n=n)
    model = pure.LogisticRegression(learning_rate=0.3, n_iters=100).fit(X, y)
    root = check_readable(plot.fit_chart("logistic", model, X, y, names(n), "y", "d.csv"),
                          series=2)
    points = by_class(root, "point")
    assert len(points) == len(X)
    if n > 2:  # each sample at its predicted probability on the x axis
        to_x = axis_map(root, "x")
        for e, p in zip(points, model.predict_proba(X)):
            cx = float(e.get("cx")) if e.get("cx") else None
            if cx is not None:
                assert abs(to_x(cx) - p) < 0.002


def legend_texts(root):
    return [e.text for e in by_class(root, "legend")[0].iter(SVG + "text")]


@pytest.mark.parametrize("n", [1, 2, 4])
def test_the_bundled_classes_are_named_in_words(n):
    X, y = logistic_data(n=n)
    model = pure.LogisticRegression(learning_rate=0.3, n_iters=50).fit(X, y)
    root = parse(plot.fit_chart("logistic", model, X, y, names(n), "benign", "breast_cancer.csv"))
    assert legend_texts(root)[:2] == ["malignant (benign = 0)", "benign (benign = 1)"]
    if n > 2:  # the strips are named by their class too
        assert [e.text for e in by_class(root, "yname")] == ["malignant", "benign"]
    # a file the tools know nothing about keeps its target's values
    root = parse(plot.fit_chart("logistic", model, X, y, names(n), "benign", "mine.csv"))
    assert legend_texts(root)[:2] == ["benign = 0", "benign = 1"]


def test_the_committed_logistic_fit_says_which_class_is_which():
    root = parse((Path(__file__).resolve().parent.parent / "docs" / "fit_logistic.svg")
                 .read_text(encoding="utf-8"))
    assert legend_texts(root)[:2] == ["malignant (benign = 0)", "benign (benign = 1)"]


@pytest.mark.parametrize("n", [1, 2])
def test_softmax_fit_marks_every_sample_with_its_class_shape(n):
    X, y = softmax_data(n=n)
    model = pure.SoftmaxRegression(learning_rate=0.3, n_iters=200).fit(X, y)
    root = check_readable(plot.fit_chart("softmax", model, X, y, names(n), "species", "d.csv"),
                          series=3)
    points = by_class(root, "point")
    assert len(points) == len(X)
    assert len({(e.tag, len(path_points(e.get("d") or ""))) for e in points}) == 3
    if n == 2:  # the tinted cells take the colour of the class with the largest score
        to_x, to_y = axis_map(root, "x"), axis_map(root, "y")
        cells = list(root.iter(SVG + "rect"))[2:]
        colours = {plot.COLOURS[k]: k for k in range(3)}
        checked = 0
        for cell in cells:
            if cell.get("fill") not in colours or cell.get("class"):
                continue
            x = to_x(float(cell.get("x")) + float(cell.get("width")) / 2 - 0.15)
            y_c = to_y(float(cell.get("y")) + float(cell.get("height")) / 2 - 0.15)
            z = [w[0] * x + w[1] * y_c + b for w, b in zip(model.weights, model.bias)]
            winner = max(range(3), key=lambda k: z[k])
            if sorted(z)[-1] - sorted(z)[-2] > 0.05:  # not on a border between regions
                assert colours[cell.get("fill")] == winner
                checked += 1
        assert checked > 1000


def test_softmax_with_more_features_draws_a_confusion_table_of_every_sample():
    X, y = softmax_data(n=4)
    model = pure.SoftmaxRegression(learning_rate=0.3, n_iters=100).fit(X, y)
    svg = plot.fit_chart("softmax", model, X, y, names(4), "species", "d.csv")
    root = parse(svg)
    counts = [int(e.text) for e in by_class(root, "count")]
    assert len(counts) == 9 and sum(counts) == len(X)
    predicted = model.predict(X)
    assert sum(counts[k * 4] for k in range(3)) == sum(p == t for p, t in zip(predicted, y))


# ---- The descent path ----

@pytest.mark.parametrize("solver, options", [("gd", {"learning_rate": 0.1, "n_iters": 40}),
                                             ("sgd", {"learning_rate": 0.05, "n_iters": 3,
                                                      "batch_size": 7}),
                                             ("normal", {"solver": "normal"})])
def test_linear_path_has_a_vertex_per_update_at_the_recorded_parameters(solver, options):
    X, y = linear_data(m=30, n=1)
    model = fit_recorded(pure.LinearRegression, X, y, **options)
    svg = plot.path_chart("linear", model, X, y, ["x1"], "data.csv")
    root = check_readable(svg)
    vertices = path_points(by_class(root, "descent")[0].get("d"))
    assert len(vertices) == len(model.param_history)
    if solver != "normal":
        assert len(vertices) == len(model.cost_history) + 1
    to_b, to_w = axis_map(root, "x"), axis_map(root, "y")  # the bias across, the weight up
    b_span = abs(to_b(plot.LEFT + plot.PLOT_W) - to_b(plot.LEFT))
    w_span = abs(to_w(plot.TOP) - to_w(plot.TOP + plot.PLOT_H))
    for (px, py), (weights, bias) in zip(vertices, model.param_history):
        assert abs(to_b(px) - bias) <= 1e-4 * b_span
        assert abs(to_w(py) - weights[0]) <= 1e-4 * w_span
    start = by_class(root, "start")[0]
    assert abs(to_b(float(start.get("cx")))) <= 1e-4 * b_span  # from zero


def test_contour_levels_increase_outwards_on_a_convex_bowl():
    X, y = linear_data(m=25, n=1)
    model = fit_recorded(pure.LinearRegression, X, y, learning_rate=0.05, n_iters=60)
    root = parse(plot.path_chart("linear", model, X, y, ["x1"], "data.csv"))
    to_b, to_w = axis_map(root, "x"), axis_map(root, "y")
    star = by_class(root, "minimum")[0]
    centre = path_points(star.get("d"))
    cx = sum(p[0] for p in centre) / len(centre)
    cy = sum(p[1] for p in centre) / len(centre)
    # the exact least-squares minimum, marked where it is
    exact = pure.LinearRegression(solver="normal").fit(X, y)
    assert abs(to_b(cx) - exact.bias) < 0.02 and abs(to_w(cy) - exact.weights[0]) < 0.02
    contours = by_class(root, "contour")
    assert len(contours) >= 6
    levels = [float(c.get("data-level")) for c in contours]
    assert levels == sorted(levels) and len(set(levels)) == len(levels)
    nearest = []
    m = len(X)
    for contour, level in zip(contours, levels):
        points = path_points(contour.get("d"))
        for px, py in points:  # each contour point lies on its level of J
            b, w = to_b(px), to_w(py)
            J = sum((w * x[0] + b - t) ** 2 for x, t in zip(X, y)) / (2 * m)
            assert abs(J - level) <= 0.02 * (levels[-1] - levels[0])
        nearest.append(min(math.hypot(px - cx, py - cy) for px, py in points))
    assert nearest == sorted(nearest) and nearest[0] < nearest[-1]


def end_shows_the_minimum_through_it(root):
    """The end marker is an unfilled outline around the whole star of the minimum."""
    star = path_points(by_class(root, "minimum")[0].get("d"))
    end = by_class(root, "end")[0]
    x, y = float(end.get("x")), float(end.get("y"))
    width, height = float(end.get("width")), float(end.get("height"))
    assert end.get("fill") == "none"
    assert all(x + 1 < px < x + width - 1 and y + 1 < py < y + height - 1 for px, py in star)


def test_a_path_that_reached_the_minimum_shows_both_its_end_and_the_minimum():
    X, y = linear_data(m=25, n=1)
    model = fit_recorded(pure.LinearRegression, X, y, learning_rate=0.5, n_iters=200)
    root = parse(plot.path_chart("linear", model, X, y, ["x1"], "data.csv"))
    end_shows_the_minimum_through_it(root)
    committed = Path(__file__).resolve().parent.parent / "docs" / "path_linear.svg"
    end_shows_the_minimum_through_it(parse(committed.read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", ["logistic", "softmax"])
def test_classifier_paths_with_many_parameters_show_the_two_that_moved_most(kind):
    if kind == "logistic":
        X, y = logistic_data(n=3)
        model = fit_recorded(pure.LogisticRegression, X, y, learning_rate=0.3, n_iters=30)
    else:
        X, y = softmax_data(n=2)
        model = fit_recorded(pure.SoftmaxRegression, X, y, learning_rate=0.3, n_iters=30)
    root = check_readable(plot.path_chart(kind, model, X, y, names(len(X[0])), "d.csv"))
    flat = [plot.flat_params(kind, entry) for entry in model.param_history]
    moved = sorted(range(len(flat[0])), key=lambda t: -abs(flat[-1][t] - flat[0][t]))[:2]
    labels = plot.param_names(kind, names(len(X[0])), getattr(model, "classes", []))
    axes = [by_class(root, "xlabel")[0].text, by_class(root, "ylabel")[0].text]
    assert sorted(axes) == sorted(labels[t] for t in moved)
    assert "held at" in by_class(root, "subtitle")[0].text
    p, q = (labels.index(axes[0]), labels.index(axes[1]))
    to_x, to_y = axis_map(root, "x"), axis_map(root, "y")
    vertices = path_points(by_class(root, "descent")[0].get("d"))
    assert len(vertices) == len(flat) == len(model.cost_history) + 1
    x_span = abs(to_x(plot.LEFT + plot.PLOT_W) - to_x(plot.LEFT))
    y_span = abs(to_y(plot.TOP) - to_y(plot.TOP + plot.PLOT_H))
    for (px, py), params in zip(vertices, flat):
        assert abs(to_x(px) - params[p]) <= 1e-4 * x_span
        assert abs(to_y(py) - params[q]) <= 1e-4 * y_span


def test_newton_path_has_one_vertex_per_step():
    X, y = logistic_data(m=40, n=1)
    model = fit_recorded(pure.LogisticRegression, X, y, solver="newton")
    root = check_readable(plot.path_chart("logistic", model, X, y, ["x1"], "d.csv"))
    assert "Newton" in root.find(SVG + "title").text
    vertices = path_points(by_class(root, "descent")[0].get("d"))
    assert len(vertices) == len(model.cost_history) + 1 == len(model.param_history)


def test_path_needs_recorded_parameters():
    X, y = linear_data()
    model = pure.LinearRegression(n_iters=5).fit(X, y)
    with pytest.raises(ValueError, match="record_params=True"):
        plot.path_chart("linear", model, X, y, ["x1"], "d.csv")


# ---- Learning rates compared, and the cost curve ----

@pytest.mark.parametrize("n", [15, 300])
def test_rates_chart_draws_each_rate_and_marks_the_diverged_one(n):
    runs = [(0.01, [1.0 / (1 + 0.01 * t) for t in range(n)], None),
            (0.1, [1.0 / (1 + 0.1 * t) for t in range(n)], None),
            (3.0, [1.0 * 3 ** t for t in range(12)], 13)]
    root = check_readable(plot.rates_chart(runs, "rates"), series=3)
    lines = by_class(root, "rate")
    assert len(lines) == 3
    to_y = axis_map(root, "y")
    if n <= 20:
        to_x = axis_map(root, "x")
    else:  # a logarithmic update axis: its tick labels are 1, 10, 100, ...
        decades = [(float(e.get("x")), float(e.text)) for e in by_class(root, "xname")]
        assert [v for _, v in decades] == [1, 10, 100, 1000]
        (p0, _), (p1, _) = decades[0], decades[1]
        to_x = lambda pixel: 10 ** ((pixel - p0) / (p1 - p0))  # noqa: E731
    for line, (_, costs, stop) in zip(lines, runs):
        vertices = path_points(line.get("d"))
        if stop is None:  # every update, at its cost
            assert len(vertices) == len(costs)
            for t, (px, py) in enumerate(vertices, start=1):
                assert abs(to_x(px) - t) < 0.02 * t and abs(to_y(py) - costs[t - 1]) < 0.01
        else:  # drawn up to where it leaves the chart, within the plot area
            assert all(plot.TOP - 0.01 <= py <= plot.TOP + plot.PLOT_H for _, py in vertices)
    crosses = by_class(root, "diverged")
    assert len(crosses) == 1
    cross = path_points(crosses[0].get("d"))
    assert abs(sum(py for _, py in cross) / len(cross) - plot.TOP) < 0.1  # at the top edge
    # at the update where the run diverged, the one the legend names, not where it left the
    # chart (update 2 here); dotted along the top edge from there
    assert abs(to_x(sum(px for px, _ in cross) / len(cross)) - 13) < 0.02 * 13
    dotted = path_points(by_class(root, "offchart")[0].get("d"))
    assert all(abs(py - plot.TOP) < 0.1 for _, py in dotted)
    assert to_x(dotted[0][0]) < 3 and abs(to_x(dotted[-1][0]) - 13) < 0.02 * 13
    legend = " ".join(e.text or "" for e in by_class(root, "legend")[0].iter(SVG + "text"))
    assert "diverged at update 13" in legend and "rate 0.01" in legend
    marks = by_class(root, "ratemark")  # shape markers along each line
    assert len({(e.tag, len(path_points(e.get("d") or ""))) for e in marks}) == 3


@pytest.mark.parametrize("n", [8, 40])
def test_a_cross_after_the_last_recorded_cost_stays_on_the_chart(n):
    """With mini-batches the costs kept are those of whole epochs, so a run can diverge
    several updates after its last recorded cost: its cross still stands at that update."""
    runs = [(0.01, [1.0 / (1 + 0.01 * t) for t in range(n)], None),
            (3.0, [1.0 * 3 ** t for t in range(4)], n + 5)]
    root = check_readable(plot.rates_chart(runs, "rates"), series=2)
    cross = path_points(by_class(root, "diverged")[0].get("d"))
    x = sum(px for px, _ in cross) / len(cross)
    assert plot.LEFT <= x <= plot.LEFT + plot.PLOT_W
    if n + 5 <= 20:
        assert abs(axis_map(root, "x")(x) - (n + 5)) < 0.02 * (n + 5)


@pytest.mark.parametrize("costs", [[0.5], [2.0] * 10, [1e-301, 1e-302], [1e-320] * 3,
                                   [5e-324, 0.0], [1.7e308, 1.7e308], [1e-162, 1e-162 * 0.9]])
def test_degenerate_cost_curves_still_give_a_readable_picture(costs):
    root = check_readable(plot.svg_chart(costs, "degenerate"))
    to_y = axis_map(root, "y")
    first = path_points(by_class(root, "cost")[0].get("d"))[0][1]
    if len(costs) == 1:
        assert float(by_class(root, "single")[0].get("cy")) == first
    assert abs(to_y(first) - costs[0]) <= 1e-3 * max(abs(costs[0]), 1.0)


def test_degenerate_data_gives_readable_fit_and_path_pictures():
    X, y = [[2.0]], [3.0]  # one sample
    model = fit_recorded(pure.LinearRegression, X, y, n_iters=20)
    check_readable(plot.fit_chart("linear", model, X, y, ["x"], "y", "one.csv"))
    check_readable(plot.path_chart("linear", model, X, y, ["x"], "one.csv"))
    X = [[1.0, 5.0] for _ in range(6)]  # constant features
    y = [0, 1, 0, 1, 0, 1]
    model = fit_recorded(pure.LogisticRegression, X, y, n_iters=20)
    check_readable(plot.fit_chart("logistic", model, X, y, ["a", "b"], "y", "c.csv"), series=2)
    check_readable(plot.path_chart("logistic", model, X, y, ["a", "b"], "c.csv"))


# ---- The same bytes every time, from both twins ----

def all_pictures(models):
    X, y = linear_data(n=1)
    lin = fit_recorded(models.LinearRegression, X, y, learning_rate=0.05, n_iters=50)
    Xl, yl = logistic_data()
    log = fit_recorded(models.LogisticRegression, Xl, yl, learning_rate=0.5, n_iters=50)
    Xs, ys = softmax_data()
    soft = fit_recorded(models.SoftmaxRegression, Xs, ys, learning_rate=0.3, n_iters=30)
    return [plot.fit_chart("linear", lin, X, y, ["x"], "y", "d.csv"),
            plot.path_chart("linear", lin, X, y, ["x"], "d.csv"),
            plot.fit_chart("logistic", log, Xl, yl, ["a", "b"], "y", "d.csv"),
            plot.path_chart("logistic", log, Xl, yl, ["a", "b"], "d.csv"),
            plot.fit_chart("softmax", soft, Xs, ys, ["a", "b"], "y", "d.csv"),
            plot.path_chart("softmax", soft, Xs, ys, ["a", "b"], "d.csv"),
            plot.svg_chart(lin.cost_history, "cost")]


def test_pictures_are_the_same_bytes_on_every_run():
    assert all_pictures(pure) == all_pictures(pure)


def test_pictures_are_the_same_bytes_from_both_twins():
    pytest.importorskip("numpy")
    import vectorized
    for mine, theirs in zip(all_pictures(pure), all_pictures(vectorized)):
        assert mine == theirs


# ---- The pictures in the lesson ----

def test_every_committed_picture_is_shown_in_the_readme_beside_its_command():
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"!\[[^\]]+\]\((docs/[\w.-]+\.svg)\)", readme))
    committed = {f"docs/{path.name}" for path in (root / "docs").glob("*.svg")}
    assert committed == shown, committed ^ shown
    kinds = {"fit over the data": "--plot-fit docs/fit_", "descent path": "--plot-path docs/path_",
             "learning rates": "--learning-rates", "cost curve": "--svg docs/cost_curve"}
    for kind, option in kinds.items():
        assert option in readme, f"the README shows no {kind} with its command"
    for name in committed:  # each parses, with its <title>
        check_readable((root / name).read_text(encoding="utf-8"),
                       series=3 if "learning_rates" in name or "softmax" in name else 1)


def test_each_lesson_gets_its_cost_curve_fit_and_path_inline():
    kinds = []
    for model in ("linear", "logistic", "softmax"):
        figures = plot.lesson_figures(model)
        assert [caption.split(":")[0] for caption, _ in figures] == [
            "The cost J at each of the 1000 updates", "The fit over the data",
            "The descent path on the cost surface"]
        for caption, svg in figures:
            assert not svg.startswith("<?xml")  # inline in a page: no declaration
            root = parse(svg)
            assert root.find(SVG + "title").text
            assert f"--data {plot.LESSONS[model][1]}" in caption
        kinds.append(len(by_class(parse(figures[2][1]), "descent")))
    assert kinds == [1, 1, 1]
    assert plot.lesson_figures("no_such_model") == []
