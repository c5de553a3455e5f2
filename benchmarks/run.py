"""How fast is each twin, measured against what its form of code cannot avoid.

Run from the root of a clone (no install needed):

    python benchmarks/run.py            # the full run behind the README table, about a minute
    python benchmarks/run.py --quick    # tiny sizes in about a second: checks the script still works

Standard library and NumPy only. Each model fits by full-batch gradient descent; each
time is the median of several repeats. The columns of the table:

- ms / update: the time of one gradient-descent update, measured by difference:
  (time of a fit with 1 + T updates - time of a fit with 1 update) / T. What a fit does
  once (checking and converting its input) drops out; it is the "setup ms" column.
- floor ms: the least work one update can do in that twin's form of code, on the same
  data and timed in the same repeat:
    vectorized: the two matrix-vector products X w and X^T r, nothing else;
    pure: one bare pass of explicit loops over the samples and features computing only
    z_i and the gradient sums, in the same loop style as the lessons.
- x floor: the median over the repeats of (ms / update) / (floor ms) of that repeat.
- growth: ms / update divided by that of the base size (the first row of the twin),
  when m or n is doubled; in brackets the same ratio for the floor. Linear cost gives 2.
- peak extra / X: the peak memory that fit allocates (tracemalloc), over the memory X
  takes; "m-vectors" is the same peak counted in vectors of m float64.
- pure / vectorized: how many times longer one update takes in the pure twin than in
  the vectorized twin, on the same data.

Without NumPy only the pure twin is measured.
"""

import argparse
import gc
import math
import os
import platform
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runs from a clone without an install
    sys.path.insert(0, str(ROOT))

import pure  # noqa: E402

try:
    import numpy as np
    import vectorized
except ImportError:
    np = None
    vectorized = None

# (label, class name, learning rate): steps that are stable on standardized features.
MODELS = (("linear", "LinearRegression", 0.1), ("logistic", "LogisticRegression", 0.5))

# Sizes (m, n) of each twin: the base size, then m doubled, then n doubled.
FULL = {"pure": [(2000, 50), (4000, 50), (2000, 100)], "pure_updates": 10,
        "vectorized": [(200_000, 50), (400_000, 50), (200_000, 100)], "vectorized_updates": 100,
        "repeats": 5}
QUICK = {"pure": [(60, 5), (120, 5), (60, 10)], "pure_updates": 3,
         "vectorized": [(2000, 5), (4000, 5), (2000, 10)], "vectorized_updates": 5,
         "repeats": 3}

# Upper bounds on "x floor" at each twin's base size.
TARGETS = {("linear", "vectorized"): 1.15, ("logistic", "vectorized"): 1.3,
           ("linear", "pure"): 1.3, ("logistic", "pure"): 1.3}


# ---------------------------------------------------------------------------------
# Data: standardized features, and weights that put z = X w + b around N(0.5, 1), so
# the logits have mixed signs, as they do while a real model trains.

def pure_data(m, n, seed=0):
    """X as a list of m rows, the targets of each model, and the bytes X takes."""
    rng = random.Random(seed)
    X, x_bytes = traced(lambda: [[rng.gauss(0.0, 1.0) for _ in range(n)] for _ in range(m)])
    true_w = [rng.gauss(0.0, 1.0) / math.sqrt(n) for _ in range(n)]
    z = [sum(w_j * x_ij for w_j, x_ij in zip(true_w, x_i)) + 0.5 for x_i in X]
    y_linear = [z_i + rng.gauss(0.0, 0.1) for z_i in z]
    y_logistic = [1.0 if rng.random() < 1.0 / (1.0 + math.exp(-z_i)) else 0.0 for z_i in z]
    return X, {"linear": y_linear, "logistic": y_logistic}, x_bytes


def vectorized_data(m, n, seed=0):
    """The same kind of data as a C-contiguous float64 array, which fit must not copy."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((m, n))
    z = X @ (rng.standard_normal(n) / math.sqrt(n)) + 0.5
    y_linear = z + 0.1 * rng.standard_normal(m)
    y_logistic = (rng.random(m) < 1.0 / (1.0 + np.exp(-z))).astype(np.float64)
    return X, {"linear": y_linear, "logistic": y_logistic}, X.nbytes


def traced(build):
    """Call build() under tracemalloc; return its result and the memory the result holds."""
    gc.collect()
    tracemalloc.start()
    try:
        result = build()
        size = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return result, size


# ---------------------------------------------------------------------------------
# Floors: the work one update cannot avoid in each twin's form of code.

def pure_floor(X, y, n_updates):
    """Seconds per update of a bare loop pass computing z_i and the gradient sums only."""
    m, n = len(X), len(X[0])
    w = [0.01] * n
    b = 0.5
    start = time.perf_counter()
    for _ in range(n_updates):
        grad_w = [0.0] * n
        grad_b = 0.0
        for i in range(m):
            x_i = X[i]
            z_i = b
            for j in range(n):
                z_i += w[j] * x_i[j]
            r_i = z_i - y[i]
            grad_b += r_i
            for j in range(n):
                grad_w[j] += r_i * x_i[j]
    return (time.perf_counter() - start) / n_updates


def vectorized_floor(X, y, n_updates):
    """Seconds per update of the two matrix-vector products X w and X^T r alone."""
    m, n = X.shape
    w = np.full(n, 0.01)
    r = np.full(m, 0.01)
    z = np.empty(m)
    g = np.empty(n)
    start = time.perf_counter()
    for _ in range(n_updates):
        np.matmul(X, w, out=z)  # the forward pass
        np.matmul(X.T, r, out=g)  # the gradient sums
    return (time.perf_counter() - start) / n_updates


# ---------------------------------------------------------------------------------
# Measuring

def fit_seconds(package, name, learning_rate, X, y, n_updates):
    model = getattr(package, name)(learning_rate=learning_rate, n_iters=n_updates)
    start = time.perf_counter()
    model.fit(X, y)
    return time.perf_counter() - start


def peak_extra_bytes(package, name, learning_rate, X, y, n_updates=3):
    """The peak memory a fit allocates on top of what exists before it (X and y)."""
    model = getattr(package, name)(learning_rate=learning_rate, n_iters=n_updates)
    return traced(lambda: model.fit(X, y) and tracemalloc.get_traced_memory()[1])[0]


def measure(package, floor, X, y_by_model, x_bytes, n_updates, repeats):
    """Time both models and the floor on one data set; one dict of results per model."""
    m = len(X)
    times = {label: {"update": [], "ratio": [], "setup": []} for label, _, _ in MODELS}
    floors = []
    gc.disable()  # as timeit does: the collector's pauses would only add noise
    try:
        for _ in range(repeats):
            floors.append(floor(X, y_by_model["linear"], n_updates))
            for label, name, learning_rate in MODELS:
                y = y_by_model[label]
                one = fit_seconds(package, name, learning_rate, X, y, 1)
                many = fit_seconds(package, name, learning_rate, X, y, 1 + n_updates)
                update = (many - one) / n_updates
                times[label]["update"].append(update)
                times[label]["ratio"].append(update / floors[-1])
                times[label]["setup"].append(one - update)
    finally:
        gc.enable()
    results = {}
    for label, name, learning_rate in MODELS:
        peak = peak_extra_bytes(package, name, learning_rate, X, y_by_model[label])
        results[label] = {key: statistics.median(values) for key, values in times[label].items()}
        results[label].update(floor=statistics.median(floors), peak_x=peak / x_bytes, peak_m=peak / (8 * m))
    return results


def run(config):
    """Measure every size of both twins; return the rows of the table."""
    rows = []  # (model label, twin, m, n, results)
    twins = [("pure", pure, pure_data, pure_floor)]
    if np is not None:
        twins.append(("vectorized", vectorized, vectorized_data, vectorized_floor))
    same_data = {}  # the vectorized twin on the pure twin's base data: pure / vectorized
    for twin, package, make_data, floor in twins:
        sizes, n_updates = config[twin], config[twin + "_updates"]
        by_size = {}
        for m, n in sizes:
            X, y_by_model, x_bytes = make_data(m, n)
            by_size[(m, n)] = measure(package, floor, X, y_by_model, x_bytes, n_updates, config["repeats"])
            if twin == "pure" and (m, n) == sizes[0] and np is not None:
                X_array = np.array(X)
                y_arrays = {label: np.array(y) for label, y in y_by_model.items()}
                same_data = measure(vectorized, vectorized_floor, X_array, y_arrays, X_array.nbytes,
                                    n_updates, config["repeats"])
            del X, y_by_model
        base = by_size[sizes[0]]
        for m, n in sizes:
            for label, _, _ in MODELS:
                result = by_size[(m, n)][label]
                if (m, n) != sizes[0]:
                    result["growth"] = (result["update"] / base[label]["update"],
                                        result["floor"] / base[label]["floor"])
                if twin == "pure" and (m, n) == sizes[0] and same_data:
                    result["speed"] = result["update"] / same_data[label]["update"]
                rows.append((label, twin, m, n, result))
        if twin == "pure" and same_data:
            m, n = sizes[0]
            rows.extend((label, "vectorized", m, n, same_data[label]) for label, _, _ in MODELS)
    return rows


# ---------------------------------------------------------------------------------
# Reporting

COLUMNS = ["model", "twin", "m", "n", "ms / update", "floor ms", "x floor", "growth (floor)",
           "setup ms", "peak extra / X", "m-vectors", "pure / vectorized"]


def table(rows):
    """The rows as a Markdown table, readable as plain text too."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for label, twin, m, n, r in rows:
        growth = f"{r['growth'][0]:.2f} ({r['growth'][1]:.2f})" if "growth" in r else ""
        cells = [label, twin, f"{m:,}", str(n), f"{r['update'] * 1e3:.3g}", f"{r['floor'] * 1e3:.3g}",
                 f"{r['ratio']:.2f}", growth, f"{r['setup'] * 1e3:.3g}", f"{r['peak_x']:.3f}",
                 f"{r['peak_m']:.1f}", f"{r['speed']:.0f}" if "speed" in r else ""]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary(rows, config):
    """One line per target of the performance issue, read off the table."""
    lines = []
    for label, twin, m, n, r in rows:
        if (m, n) == config[twin][0] and (label, twin) in TARGETS:
            limit = TARGETS[(label, twin)]
            verdict = "holds" if r["ratio"] <= limit else "MISSED"
            lines.append(f"- {label} {twin}, m={m:,} n={n}: {r['ratio']:.2f} x floor, "
                         f"target <= {limit}: {verdict}")
        if (m, n) == config[twin][0] and twin == "vectorized":
            verdict = "no copy of X" if r["peak_x"] < 0.5 else "X IS COPIED"
            lines.append(f"- {label} {twin}, m={m:,} n={n}: peak extra memory {r['peak_m']:.1f} "
                         f"vectors of length m ({r['peak_x']:.3f} of X): {verdict}")
        if "growth" in r:
            lines.append(f"- {label} {twin}: m={m:,} n={n} takes {r['growth'][0]:.2f} x the time per "
                         f"update of the base size (its floor: {r['growth'][1]:.2f} x)")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time both twins against their floors.")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a check that the script runs")
    parser.add_argument("--repeats", type=int, help="repeats of every measurement (the median is kept)")
    args = parser.parse_args(argv)
    config = dict(QUICK if args.quick else FULL)
    if args.repeats:
        config["repeats"] = args.repeats
    start = time.perf_counter()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = run(config)
    numpy_version = f"NumPy {np.__version__}" if np is not None else "no NumPy (pure twin only)"
    print(f"Python {platform.python_version()}, {numpy_version}, {os.cpu_count()} CPUs; "
          f"median of {config['repeats']} repeats; timed fits of 1 + {config['pure_updates']} (pure) "
          f"and 1 + {config['vectorized_updates']} (vectorized) updates" + (" [--quick]" if args.quick else ""))
    print()
    print(table(rows))
    print()
    if args.quick:
        print("(--quick: sizes too small for the targets, which hold at the full sizes only)")
    else:
        print("\n".join(summary(rows, config)))
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Finished in {time.perf_counter() - start:.0f} s; 1-minute load average "
          f"{load_before:.1f} before, {load_after:.1f} after.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
