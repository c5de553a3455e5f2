"""How fast is each twin, measured against what its form of code cannot avoid.

Run from the root of a clone (no install needed):

    python benchmarks/run.py            # the full run behind the README table, about a minute
    python benchmarks/run.py --quick    # tiny sizes in about a second: checks the script still works
    python benchmarks/run.py --newton   # only Newton against scikit-learn's lbfgs, some seconds

Standard library and NumPy only. Each model fits by full-batch gradient descent; each
time is the median of several repeats. The columns of the table:

- updates, ms / update: T, and the time of one gradient-descent update, measured by
  difference: (time of a fit with 1 + T updates - time of a fit with 1 update) / T. What
  a fit does once (checking and converting its input) drops out; it is "setup ms".
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

After the table, the normal equation at the vectorized base size: the time of a whole
fit, in units of one gradient-descent update. Last, Newton's method against its floor and
scikit-learn's lbfgs solver, if scikit-learn is installed (--newton: that comparison alone).

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

try:
    import resource  # Unix only: the page-fault counts of the buffered table
except ImportError:
    resource = None

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

# (m, n, T) of each twin: its base size, then m doubled, then n doubled; T updates are
# timed (fewer at the doubled vectorized sizes, which take twice as long per update).
FULL = {"pure": [(2000, 50, 20), (4000, 50, 20), (2000, 100, 20)],
        "vectorized": [(200_000, 50, 100), (400_000, 50, 50), (200_000, 100, 50)],
        "repeats": 5}
QUICK = {"pure": [(60, 5, 20), (120, 5, 20), (60, 10, 20)],
         "vectorized": [(2000, 5, 20), (4000, 5, 20), (2000, 10, 20)],
         "repeats": 3}

# Upper bounds on "x floor" at the vectorized base size: the targets for plain formula code
# (the pure twin's targets are against a fused loop, in the table of SPEED_TARGETS below).
TARGETS = {("linear", "vectorized"): 1.2, ("logistic", "vectorized"): 1.6}


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
    gc.collect()
    tracemalloc.start()
    try:
        model.fit(X, y)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def time_once(case):
    """One repeat on one data set: the floor, then each model; seconds per update."""
    package, floor, X, y_by_model = case["package"], case["floor"], case["X"], case["y"]
    n_updates = case["updates"]
    sample = {"floor": floor(X, y_by_model["linear"], n_updates)}
    for label, name, learning_rate in MODELS:
        one = fit_seconds(package, name, learning_rate, X, y_by_model[label], 1)
        many = fit_seconds(package, name, learning_rate, X, y_by_model[label], 1 + n_updates)
        sample[label] = (many - one) / n_updates
        sample[label + " setup"] = one - sample[label]
    return sample


def measure(cases, repeats):
    """Time every case in turn, repeats times; return the samples of each case.

    Each repeat goes through all the cases, so the ratios between cases (the growth,
    pure / vectorized) compare times taken close together, whatever else the machine
    is doing meanwhile; the medians are then taken over the repeats.
    """
    samples = [[] for _ in cases]
    gc.disable()  # as timeit does: the collector's pauses would only add noise
    try:
        for _ in range(repeats):
            for case, case_samples in zip(cases, samples):
                case_samples.append(time_once(case))
    finally:
        gc.enable()
    return samples


def summarize(case, samples, base_samples, label):
    """The medians of one model on one case: the cells of one row of the table."""
    def median(values):
        return statistics.median(list(values))

    m = case["m"]
    result = {
        "update": median(s[label] for s in samples),
        "floor": median(s["floor"] for s in samples),
        "ratio": median(s[label] / s["floor"] for s in samples),
        "setup": median(s[label + " setup"] for s in samples),
    }
    if base_samples is not samples:
        result["growth"] = (median(s[label] / b[label] for s, b in zip(samples, base_samples)),
                            median(s["floor"] / b["floor"] for s, b in zip(samples, base_samples)))
    name, learning_rate = {label_: (name_, rate) for label_, name_, rate in MODELS}[label]
    peak = peak_extra_bytes(case["package"], name, learning_rate, case["X"], case["y"][label])
    result.update(peak_x=peak / case["x_bytes"], peak_m=peak / (8 * m))
    return result


def run(config):
    """Measure every size of both twins; return the rows of the table."""
    rows = []  # (model label, twin, m, n, result)

    def case(twin, package, floor, data, n_updates):
        X, y_by_model, x_bytes = data
        return {"twin": twin, "package": package, "floor": floor, "X": X, "y": y_by_model,
                "x_bytes": x_bytes, "m": len(X), "n": len(X[0]), "updates": n_updates}

    # The pure twin at its sizes, then the vectorized twin on the pure base data (for
    # the pure / vectorized column), all timed in the same repeats.
    groups = [[case("pure", pure, pure_floor, pure_data(m, n), T) for m, n, T in config["pure"]]]
    if np is not None:
        base = groups[0][0]
        X_array = np.array(base["X"])
        y_arrays = {label: np.array(y) for label, y in base["y"].items()}
        # 10 times the updates: at this size one vectorized update takes microseconds.
        groups[0].append(case("vectorized", vectorized, vectorized_floor,
                              (X_array, y_arrays, X_array.nbytes), 10 * base["updates"]))
        groups.append([case("vectorized", vectorized, vectorized_floor, vectorized_data(m, n), T)
                       for m, n, T in config["vectorized"]])
    for group in groups:
        samples = measure(group, config["repeats"])
        for k, (group_case, case_samples) in enumerate(zip(group, samples)):
            base_samples = samples[0] if group_case["twin"] == group[0]["twin"] else case_samples
            for label, _, _ in MODELS:
                result = summarize(group_case, case_samples, base_samples, label)
                if group is groups[0] and k == 0 and np is not None:
                    result["speed"] = statistics.median(
                        p[label] / v[label] for p, v in zip(case_samples, samples[-1]))
                result["updates"] = group_case["updates"]
                rows.append((label, group_case["twin"], group_case["m"], group_case["n"], result))
    return rows


# ---------------------------------------------------------------------------------
# The speed targets for plain formula code, the buffered update, and Newton against
# scikit-learn: printed after the table, each timed in its own repeats.

EXTRA_FULL = {"vectorized": (200_000, 50, 50), "pure": [(2000, 10, 40), (2000, 50, 20)],
              "buffered": [(2000, 50, 500), (200_000, 50, 50), (400_000, 50, 25),
                           (200_000, 100, 25)],
              "newton": (200_000, 50), "classes": 3}
EXTRA_QUICK = {"vectorized": (500, 5, 5), "pure": [(30, 10, 2), (30, 50, 2)],
               "buffered": [(500, 5, 5), (1000, 5, 5)], "newton": (500, 5), "classes": 3}
# Upper bounds on the lesson's time per update over its floor (plain formula code).
SPEED_TARGETS = {("linear", "vectorized"): 1.2, ("logistic", "vectorized"): 1.6,
                 ("linear", "pure", 10): 1.5, ("logistic", "pure", 10): 1.5,
                 ("linear", "pure", 50): 1.3, ("logistic", "pure", 50): 1.3}


def fused_pure_update(X, y, w, b, learning_rate, logistic):
    """One update as a tight fused explicit loop: every step of the lesson in one pass over
    the samples, with the interpreter tricks the lesson leaves out (local names, zip)."""
    exp, log1p = math.exp, math.log1p
    m = len(X)
    grad_w = [0.0] * len(w)
    grad_b = total = 0.0
    for x_i, y_i in zip(X, y):
        z_i = b
        for w_j, x_ij in zip(w, x_i):
            z_i += w_j * x_ij
        if logistic:
            e_i = exp(-abs(z_i))
            r_i = (1.0 if z_i >= 0 else e_i) / (1.0 + e_i) - y_i
            total += max(z_i, 0.0) - y_i * z_i + log1p(e_i)
        else:
            r_i = z_i - y_i
            total += r_i * r_i
        grad_b += r_i
        for j, x_ij in enumerate(x_i):
            grad_w[j] += r_i * x_ij
    return [w_j - learning_rate * g_j / m for w_j, g_j in zip(w, grad_w)], \
        b - learning_rate * grad_b / m, total / m


def softmax_floor(X, W, n_updates):
    """Seconds per update of the two matrix products X W^T and R^T X alone (K classes)."""
    R = np.full((X.shape[0], W.shape[0]), 0.01)
    start = time.perf_counter()
    for _ in range(n_updates):
        X @ W.T
        R.T @ X
    return (time.perf_counter() - start) / n_updates


def per_update(fit, n_updates):
    """(time of a fit of 1 + T updates - time of a fit of 1 update) / T."""
    return per_update_and_faults(fit, n_updates)[0]


def minor_faults():
    """Page faults so far that the kernel served without reading a disk (Unix; else 0)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt if resource else 0


def per_update_and_faults(fit, n_updates):
    """Seconds and minor page faults per update, each measured by the same difference."""
    faults, start = minor_faults(), time.perf_counter()
    fit(1)
    one, one_faults = time.perf_counter() - start, minor_faults() - faults
    faults, start = minor_faults(), time.perf_counter()
    fit(1 + n_updates)
    return ((time.perf_counter() - start - one) / n_updates,
            (minor_faults() - faults - one_faults) / n_updates)


def speed_rows(extra, repeats):
    """(model, twin, m, n, ms / update, floor ms, x floor): the lesson against its floor."""
    samples = {}

    def add(key, update, floor):
        samples.setdefault(key, []).append((update, floor))

    gc.disable()
    try:
        for _ in range(repeats):
            for m, n, T in extra["pure"]:
                X, y_by_model, _ = pure_data(m, n)
                for label, name, rate in MODELS:
                    fit = lambda k: getattr(pure, name)(learning_rate=rate, n_iters=k).fit(
                        X, y_by_model[label])
                    update = per_update(fit, T)
                    w, b, start = [0.01] * n, 0.5, time.perf_counter()
                    for _ in range(T):
                        w, b, _ = fused_pure_update(X, y_by_model[label], w, b, rate,
                                                    label == "logistic")
                    add((label, "pure", m, n), update, (time.perf_counter() - start) / T)
            if np is None:
                continue
            m, n, T = extra["vectorized"]
            X, y_by_model, _ = vectorized_data(m, n)
            for label, name, rate in MODELS:
                fit = lambda k: getattr(vectorized, name)(learning_rate=rate, n_iters=k).fit(
                    X, y_by_model[label])
                add((label, "vectorized", m, n), per_update(fit, T),
                    vectorized_floor(X, y_by_model[label], T))
            labels = (np.argsort(X[:, :extra["classes"]], axis=1)[:, -1]).astype(np.int64)
            fit = lambda k: vectorized.SoftmaxRegression(learning_rate=0.5, n_iters=k).fit(
                X, labels)
            W = np.full((extra["classes"], n), 0.01)
            add(("softmax", "vectorized", m, n), per_update(fit, T), softmax_floor(X, W, T))
    finally:
        gc.enable()
    rows = []
    for (label, twin, m, n), values in samples.items():
        update = statistics.median(u for u, _ in values)
        floor = statistics.median(f for _, f in values)
        ratio = statistics.median(u / f for u, f in values)
        rows.append((label, twin, m, n, update, floor, ratio))
    return rows


def speed_table(rows, quick):
    lines = ["| model | twin | m | n | ms / update | floor ms | x floor | target |",
             "|---|---|---|---|---|---|---|---|"]
    for label, twin, m, n, update, floor, ratio in rows:
        limit = SPEED_TARGETS.get((label, twin) if twin == "vectorized" else (label, twin, n))
        verdict = "" if limit is None else f"<= {limit}" + (
            "" if quick else (": holds" if ratio <= limit else ": MISSED"))
        lines.append(f"| {label} | {twin} | {m:,} | {n} | {update * 1e3:.3g} | "
                     f"{floor * 1e3:.3g} | {ratio:.2f} | {verdict} |")
    return lines


def buffered_rows(extra, repeats):
    """The lesson's plain logistic update against the buffered one, at each size."""
    if np is None:
        return []
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from buffered_logistic import buffered_update, make_work
    rows = []
    for m, n, T in extra["buffered"]:
        X, y_by_model, _ = vectorized_data(m, n)
        y = y_by_model["logistic"]
        plain, buffered, plain_faults, buffered_faults = [], [], [], []
        gc.disable()
        try:
            for _ in range(repeats):
                seconds, faults = per_update_and_faults(lambda k: vectorized.LogisticRegression(
                    learning_rate=0.5, n_iters=k).fit(X, y), T)
                plain.append(seconds)
                plain_faults.append(faults)
                w, b, work = np.zeros(n), 0.0, make_work(m)
                faults, start = minor_faults(), time.perf_counter()
                for _ in range(T):
                    w, b, _ = buffered_update(X, y, w, b, 0.5, 0.0, work)
                buffered.append((time.perf_counter() - start) / T)
                buffered_faults.append((minor_faults() - faults) / T)
        finally:
            gc.enable()
        rows.append((m, n, statistics.median(plain), statistics.median(buffered),
                     statistics.median(p / q for p, q in zip(plain, buffered)),
                     statistics.median(plain_faults), statistics.median(buffered_faults)))
    return rows


def buffered_table(rows):
    lines = ["| m | n | plain ms / update | buffered ms / update | plain / buffered "
             "| plain faults / update | buffered faults / update |",
             "|---|---|---|---|---|---|---|"]
    for m, n, plain, buffered, ratio, plain_faults, buffered_faults in rows:
        lines.append(f"| {m:,} | {n} | {plain * 1e3:.3g} | {buffered * 1e3:.3g} | {ratio:.2f} "
                     f"| {plain_faults:.0f} | {buffered_faults:.0f} |")
    return lines


def newton_lines(extra, repeats):
    """The vectorized Newton fit against scikit-learn's lbfgs on the same objective.

    Target: Newton / lbfgs <= 1 (the median over the repeats of the ratio within each
    repeat), with both at the same optimum to a relative 1e-6. Newton's floor: the product
    X^T X (m n^2 / 2 multiply-adds) that each step's Hessian needs, whatever else it does.
    """
    if np is None:
        return []
    m, n = extra["newton"]
    X, y_by_model, _ = vectorized_data(m, n)
    y, l2 = y_by_model["logistic"], 1.0
    try:
        from sklearn.linear_model import LogisticRegression as ScikitLogisticRegression
        from threadpoolctl import threadpool_limits  # installed with scikit-learn
    except ImportError:
        return ["- scikit-learn is not installed: the Newton row against its lbfgs solver is "
                "skipped (pip install scikit-learn to measure it; it is not a dependency)"]
    # One BLAS thread for both: the work of each method, whatever the load of the machine.
    with threadpool_limits(limits=1):
        times, reference_times, hessian_times = [], [], []
        for _ in range(repeats):  # alternately, so that both see the same machine
            start = time.perf_counter()
            model = vectorized.LogisticRegression(solver="newton", l2=l2).fit(X, y)
            times.append(time.perf_counter() - start)
            reference = ScikitLogisticRegression(solver="lbfgs", C=1 / l2, tol=1e-8,
                                                 max_iter=10_000)
            start = time.perf_counter()
            reference.fit(X, y)
            reference_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            X.T @ X  # the m n^2 / 2 multiply-adds of one Hessian (symmetric rank-k BLAS)
            hessian_times.append(time.perf_counter() - start)
    ours, theirs = statistics.median(times), statistics.median(reference_times)
    ratio = statistics.median(t / r for t, r in zip(times, reference_times))
    steps, hessian = len(model.cost_history), statistics.median(hessian_times)
    line = (f"- logistic vectorized, m={m:,} n={n}, solver='newton', l2={l2}: whole fit "
            f"{ours * 1e3:.3g} ms ({steps} steps), one BLAS thread; its floor, the product "
            f"X^T X of each step's Hessian alone: {steps} x {hessian * 1e3:.3g} ms = "
            f"{steps * hessian * 1e3:.3g} ms")
    ours_theta = np.append(model.weights, model.bias)
    their_theta = np.append(reference.coef_.ravel(), reference.intercept_)
    gap = np.max(np.abs(ours_theta - their_theta)) / np.max(np.abs(their_theta))
    verdict = "holds" if ratio <= 1 and gap <= 1e-6 else "MISSED"
    return [line, f"- scikit-learn LogisticRegression(solver='lbfgs', C=1/l2, tol=1e-8), the "
                  f"same data: {theirs * 1e3:.3g} ms ({int(reference.n_iter_[0])} iterations); "
                  f"Newton / lbfgs = {ratio:.2f}, the optima differ by {gap:.1e} (relative, "
                  f"largest parameter); target <= 1 at <= 1e-6: {verdict}"]


# ---------------------------------------------------------------------------------
# Reporting

COLUMNS = ["model", "twin", "m", "n", "updates", "ms / update", "floor ms", "x floor",
           "growth (floor)", "setup ms", "peak extra / X", "m-vectors", "pure / vectorized"]


def table(rows):
    """The rows as a Markdown table, readable as plain text too."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for label, twin, m, n, r in rows:
        growth = f"{r['growth'][0]:.2f} ({r['growth'][1]:.2f})" if "growth" in r else ""
        cells = [label, twin, f"{m:,}", str(n), str(r["updates"]),
                 f"{r['update'] * 1e3:.3g}", f"{r['floor'] * 1e3:.3g}", f"{r['ratio']:.2f}", growth,
                 f"{r['setup'] * 1e3:.3g}", f"{r['peak_x']:.3f}", f"{r['peak_m']:.1f}",
                 f"{r['speed']:.0f}" if "speed" in r else ""]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary(rows, config):
    """The targets, read off the table: x floor and memory at the base sizes, growth."""
    lines = []
    for label, twin, m, n, r in rows:
        if (m, n) == config[twin][0][:2] and (label, twin) in TARGETS:
            limit = TARGETS[(label, twin)]
            verdict = "holds" if r["ratio"] <= limit else "MISSED"
            lines.append(f"- {label} {twin}, m={m:,} n={n}: {r['ratio']:.2f} x floor, "
                         f"target <= {limit}: {verdict}")
        if (m, n) == config[twin][0][:2] and twin == "vectorized":
            verdict = "no copy of X" if r["peak_x"] < 0.5 else "X IS COPIED"
            lines.append(f"- {label} {twin}, m={m:,} n={n}: peak extra memory {r['peak_m']:.1f} "
                         f"vectors of length m ({r['peak_x']:.3f} of X): {verdict}")
        if "growth" in r:
            lines.append(f"- {label} {twin}: m={m:,} n={n} takes {r['growth'][0]:.2f} x the time per "
                         f"update of the base size (its floor: {r['growth'][1]:.2f} x)")
    return lines


def solver_lines(rows, config, repeats):
    """The normal equation at the vectorized base size, in units of one gradient-descent
    update (Newton's method is timed against scikit-learn's lbfgs, by newton_lines)."""
    if np is None:
        return []
    m, n, _ = config["vectorized"][0]
    X, y_by_model, _ = vectorized_data(m, n)
    update = {label: r["update"] for label, twin, m_, n_, r in rows
              if twin == "vectorized" and (m_, n_) == (m, n)}
    lines = []
    for label, name, solver in (("linear", "LinearRegression", "normal"),):
        times, steps = [], 0
        for _ in range(repeats):
            model = getattr(vectorized, name)(solver=solver)
            start = time.perf_counter()
            model.fit(X, y_by_model[label])
            times.append(time.perf_counter() - start)
            steps = len(model.cost_history)
        seconds = statistics.median(times)
        lines.append(f"- {label} vectorized, m={m:,} n={n}, solver={solver!r}: whole fit "
                     f"{seconds * 1e3:.3g} ms ({steps} step{'s' if steps > 1 else ''}) = "
                     f"{seconds / update[label]:.0f} gradient-descent updates")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time both twins against their floors.")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a check that the script runs")
    parser.add_argument("--repeats", type=int, help="repeats of every measurement (the median is kept)")
    parser.add_argument("--newton", action="store_true",
                        help="only Newton against scikit-learn's lbfgs (a full run's last lines)")
    args = parser.parse_args(argv)
    config = dict(QUICK if args.quick else FULL)
    if args.repeats:
        config["repeats"] = args.repeats
    start = time.perf_counter()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    if args.newton:
        extra = EXTRA_QUICK if args.quick else EXTRA_FULL
        print("\n".join(newton_lines(extra, config["repeats"])))
        print(finished(start, load_before))
        return 0
    rows = run(config)
    numpy_version = f"NumPy {np.__version__}" if np is not None else "no NumPy (pure twin only)"
    print(f"Python {platform.python_version()}, {numpy_version}, {os.cpu_count()} CPUs; "
          f"median of {config['repeats']} repeats" + (" [--quick]" if args.quick else ""))
    print()
    print(table(rows))
    print()
    if args.quick:
        print("(--quick: sizes too small for the targets, which hold at the full sizes only)")
    else:
        print("\n".join(summary(rows, config)))
    print("\n".join(solver_lines(rows, config, config["repeats"])))
    extra = EXTRA_QUICK if args.quick else EXTRA_FULL
    print()
    print("Targets for plain formula code: each lesson against the least its form of code "
          "must do (vectorized: the floor above; pure: a tight fused explicit loop)")
    print()
    repeats = 1 if args.quick else config["repeats"]
    print("\n".join(speed_table(speed_rows(extra, repeats), args.quick)))
    if np is not None:
        print()
        print("The buffered logistic update (benchmarks/buffered_logistic.py) against the "
              "lesson's plain one")
        print()
        print("\n".join(buffered_table(buffered_rows(extra, repeats))))
        print()
        print("\n".join(newton_lines(extra, repeats)))
    print(finished(start, load_before))
    return 0


def finished(start, load_before):
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"Finished in {time.perf_counter() - start:.0f} s; 1-minute load average "
            f"{load_before:.1f} before, {load_after:.1f} after.")


if __name__ == "__main__":
    sys.exit(main())
