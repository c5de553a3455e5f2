"""The checker of a learner's own implementation (the package pure/tools/check/).

Every file in tests/gallery/ is learner code, written after the idioms of public
implementations, whose docstring says what the checker must find: "Expected: pass";
"Expected: pass, warning CODE" for a file correct on its course's data whose only finding
is a robustness one (exit 0 with the warning, 1 with --strict); or "Expected: CODE" for a
file that must fail with exactly that slip code and no other. Each "Layout: TEXT" line
must appear in the report (what was recognized). The lesson files must pass as classes.
"""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pure.tools import check

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "tests" / "gallery"
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
TIMEOUT = 2.0  # seconds per call for the files that hang; the others use the default


def expected(path):
    found = re.search(r"^Expected: (\S+?)(?:, warning (\S+))?$",
                      path.read_text(encoding="utf-8"), re.M)
    assert found, f"{path.name} does not say what the checker must find"
    return found.group(1)


def expected_warning(path):
    found = re.search(r"^Expected: pass, warning (\S+)$", path.read_text(encoding="utf-8"),
                      re.M)
    return found.group(1) if found else None


def layouts(path):
    return re.findall(r"^Layout: (.+)$", path.read_text(encoding="utf-8"), re.M)


def uses_numpy(path):
    return re.search(r"^\s*import numpy|^\s*from numpy", path.read_text(encoding="utf-8"),
                     re.M)


def needs(path):
    if (uses_numpy(path) or "Needs: NumPy" in path.read_text(encoding="utf-8")) and (
            not HAVE_NUMPY):
        pytest.skip("learner code that uses NumPy")


GALLERY_FILES = sorted(GALLERY.glob("*.py"))
LESSONS = sorted(ROOT.glob("pure/*_regression.py")) + sorted(
    ROOT.glob("vectorized/*_regression.py"))


def test_the_gallery_has_a_correct_file_per_convention_and_a_file_per_slip():
    assert len(GALLERY_FILES) >= 30
    codes = [expected(path) for path in GALLERY_FILES]
    warnings = {expected_warning(path) for path in GALLERY_FILES} - {None}
    slips = set(check.SLIPS)
    assert slips <= set(codes) | warnings, f"no gallery file for {sorted(slips - set(codes))}"
    assert set(codes) <= slips | {"pass"}
    assert warnings <= set(check.report.WARNINGS)
    assert {"sigmoid-overflow", "log-of-zero", "column-y-broadcast"} <= warnings
    found = {path.name.split("_")[0] for path in GALLERY_FILES if expected(path) == "pass"}
    assert {"conv1", "conv2", "conv3"} <= found
    assert sum(expected(path) == "pass" for path in GALLERY_FILES) >= 14


def verdict(path, report):
    """The report against the file's docstring: exit status, codes, warnings, layout."""
    want, warning = expected(path), expected_warning(path)
    if want == "pass":
        assert report.status == 0, report.text()
        assert report.codes() == [], report.text()
        if warning:
            assert warning in report.warnings(), report.text()
            assert f"warning [{warning}]" in report.text()
    else:
        assert report.status == 1, report.text()
        assert report.codes() == [want], report.text()
        assert f"[{want}]" in report.text()
    for layout in layouts(path):
        assert layout in report.text(), report.text()


@pytest.mark.parametrize("path", GALLERY_FILES, ids=lambda path: path.name)
def test_gallery_file(path):
    needs(path)
    want = expected(path)
    report = check.check(str(path), **({"timeout": TIMEOUT} if want == "timeout" else {}))
    verdict(path, report)


@pytest.mark.parametrize("path", [p for p in GALLERY_FILES if expected_warning(p)],
                         ids=lambda path: path.name)
def test_a_robustness_warning_fails_under_strict(path):
    needs(path)
    warning = expected_warning(path)
    report = check.check(str(path), strict=True)
    assert report.status == 1 and warning in report.codes(), report.text()
    assert set(report.codes()) <= set(check.report.WARNINGS), report.text()


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_lesson_files_pass_as_convention_1(path):
    needs(path)
    report = check.check(str(path))
    assert report.status == 0, report.text()
    assert any("convention 1 (this project's API)" in line for line in report.found)
    checked = dict(report.functions)
    fits = [c for c in checked[path.stem.title().replace("_", "")] if "fit" in c.what]
    assert any("l2=" in c.what for c in fits), "the regularized fit was not checked"
    assert len(fits) >= 8  # parameters and history, two cases, with and without l2


def test_assert_passes_raises_assertion_error_with_the_report():
    needs(GALLERY / "factor_2_cost_only.py")
    with pytest.raises(AssertionError) as raised:
        check.assert_passes(str(GALLERY / "factor_2_cost_only.py"))
    assert "[factor-2]" in str(raised.value) and "compute_cost" in str(raised.value)
    report = check.assert_passes(str(GALLERY / "conv3_logistic_correct.py"))
    assert report.passed
    report = check.assert_passes(str(GALLERY / "sigmoid_overflow.py"))  # a warning passes
    assert report.warnings() == ["sigmoid-overflow"]
    with pytest.raises(AssertionError, match=r"\[sigmoid-overflow\]"):
        check.assert_passes(str(GALLERY / "sigmoid_overflow.py"), strict=True)


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pure", "check", *args], cwd=str(cwd),
                          capture_output=True, text=True, timeout=120)


def test_the_command_line_exit_status_and_json():
    ok = run_cli("tests/gallery/conv3_logistic_correct.py")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "PASS  costFunctionReg" in ok.stdout
    failing = run_cli("tests/gallery/timeout.py", "--timeout", "2", "--json")
    assert failing.returncode == 1
    report = json.loads(failing.stdout)  # one JSON object, nothing else on stdout
    assert report["status"] == 1 and report["codes"] == ["timeout"]
    assert "Traceback" not in failing.stdout + failing.stderr
    function = {f["name"]: f for f in report["functions"]}["gradient_descent"]
    assert function["checks"][0]["code"] == "timeout" and function["checks"][0]["case"]["m"] == 3


def test_nothing_recognized_or_unreadable_is_status_2(tmp_path):
    empty = tmp_path / "helpers.py"
    empty.write_text("def mean(values):\n    return sum(values) / len(values)\n")
    result = run_cli(str(empty))
    assert result.returncode == 2
    assert "compute_cost" in result.stderr and "computeCost" in result.stderr  # what it looked for
    assert run_cli(str(tmp_path / "missing.py")).returncode == 2
    broken = tmp_path / "broken.py"
    broken.write_text("import math\n\ndef compute_cost(X, y, w, b)\n    return 0\n")
    result = run_cli(str(broken), "--json")
    assert result.returncode == 2 and "SyntaxError" in json.loads(result.stdout)["message"]
    raising = tmp_path / "raising.py"
    raising.write_text("raise RuntimeError('no data file')\n")
    result = run_cli(str(raising))
    assert result.returncode == 2 and "RuntimeError: no data file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hang_is_stopped_and_the_next_calls_still_run(tmp_path):
    """The process running a hung call is killed; the checks after it get a fresh one."""
    path = tmp_path / "hang_then_fine.py"
    path.write_text(
        "import math\n"
        "print('loading, and some noise on stdout that must not confuse the checker')\n"
        "def sigmoid(z):\n"
        "    print(z)\n"
        "    e = math.exp(-abs(z))\n"
        "    return (1.0 if z >= 0 else e) / (1.0 + e)\n\n"
        "def compute_cost(X, y, w, b):\n"
        "    while True:\n"
        "        pass\n\n"
        "def compute_gradient(X, y, w, b):\n"
        "    m = len(X)\n"
        "    errors = [sum(wj * xj for wj, xj in zip(w, x)) + b - yi for x, yi in zip(X, y)]\n"
        "    return ([sum(e * x[j] for e, x in zip(errors, X)) / m for j in range(len(w))],\n"
        "            sum(errors) / m)\n")
    report = check.check(str(path), model="linear", timeout=TIMEOUT)
    verdicts = {name: [c.code for c in checks] for name, checks in report.functions}
    assert verdicts["compute_cost"] == ["timeout"]
    assert verdicts["sigmoid"] == [None]
    assert verdicts["compute_gradient"] and all(c is None for c in verdicts["compute_gradient"])


def test_the_file_runs_in_its_own_folder(tmp_path):
    """Data read at import time, relative to the file, is found; forced arrays reach a
    sigmoid of one number one number at a time."""
    needs(GALLERY / "conv1_correct.py")
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "ex2data1.txt").write_text("0.5\n")
    (folder / "ex2.py").write_text(
        "import math\n"
        "SCALE = float(open('ex2data1.txt').read())\n"
        + (GALLERY / "conv3_logistic_correct.py").read_text(encoding="utf-8").split(
            "import math", 1)[1])
    report = check.check(str(folder / "ex2.py"), data="arrays")
    assert report.passed, report.text()


def test_lists_and_arrays_can_be_forced():
    """List-based learner code is checked with arrays too; NumPy code with lists is not
    given a column y (a list has no shape)."""
    needs(GALLERY / "conv1_correct.py")
    report = check.check(str(GALLERY / "conv2_linear_lists_correct.py"), data="arrays")
    assert report.passed, report.text()
    assert any("NumPy arrays (forced)" in line for line in report.found)
    report = check.check(str(ROOT / "vectorized" / "linear_regression.py"), data="lists")
    assert report.passed, report.text()
    assert any("plain lists (forced)" in line for line in report.found)
    assert not any("y of shape (m, 1)" in c.what for _, cs in report.functions for c in cs)


def test_model_option_and_name_detection(tmp_path):
    """A class whose name does not say its model is checked as what the file does (it
    defines a sigmoid: logistic); --model is honored over the name and the behaviour."""
    source = (ROOT / "pure" / "logistic_regression.py").read_text(encoding="utf-8")
    path = tmp_path / "my_model.py"
    path.write_text(re.sub(r"\bLogisticRegression\b", "Classifier", source), encoding="utf-8")
    report = check.check(str(path))
    assert report.status == 0 and "model logistic (it defines sigmoid" in report.found[0]
    assert check.check(str(path), model="logistic").status == 0
    assert check.check(str(path), model="linear").status == 1
    with pytest.raises(ValueError, match="model must be one of"):
        check.check(str(path), model="ridge")


# ---- The tolerance and the naming of slips, pinned ----

def relative_difference(check_):
    expected, received = check_.expected, check_.received
    expected = expected if isinstance(expected, list) else [expected]
    received = received if isinstance(received, list) else [received]
    scale = max(abs(v) for v in expected + received)
    return max(abs(e - r) for e, r in zip(expected, received)) / scale


def failures(report):
    return [c for _, checks in report.functions for c in checks if report.fails(c)]


def test_a_cost_off_by_a_few_hundredths_of_a_percent_is_not_accepted():
    """near_miss_cost.py's cost is off by less than 0.1%: a tolerance of 1e-3 would pass
    it, the checker's 1e-6 does not."""
    needs(GALLERY / "near_miss_cost.py")
    report = check.check(str(GALLERY / "near_miss_cost.py"))
    [failed] = failures(report)
    assert failed.code == "mismatch" and "cost" in failed.what
    assert 1e-6 < relative_difference(failed) < 1e-3
    assert check.formulas.close([failed.received], [failed.expected], 1e-3)  # 1e-3: wrong
    assert not check.formulas.close([failed.received], [failed.expected])
    assert check.formulas.RTOL <= 1e-6


def test_final_parameters_of_a_descent_are_compared_tightly():
    """near_miss_descent.py ends a few parts in 10,000 away from the reference."""
    needs(GALLERY / "near_miss_descent.py")
    report = check.check(str(GALLERY / "near_miss_descent.py"))
    [failed] = failures(report)
    assert failed.code == "mismatch" and "final parameters" in failed.what
    assert 1e-6 < relative_difference(failed) < 1e-3


def test_the_cases_tell_every_two_slips_apart():
    """With m = 2, twice the reference is also m times it: a case of 2 samples cannot tell
    [factor-2] from [missing-1/m], and then the checker names neither rather than the
    first row of its table. Every case it uses has an m that tells them apart."""
    from pure.tools.check import cases as cases_module, formulas
    assert not formulas.distinguishes(2)
    X, y, p = [[1.0, 2.0], [-1.0, 0.5]], [1.0, -2.0], [0.3, -0.2, 0.1]
    triple = formulas.parts("linear", X, y, p, 0.0)[0]
    twice = formulas.combine(triple, (2, 2, 0), 2)
    assert formulas.name_slip(twice, triple, 2, 0.0)[0] == "ambiguous"
    X3, y3 = X + [[0.5, 0.5]], y + [0.7]
    triple = formulas.parts("linear", X3, y3, p, 0.0)[0]
    assert formulas.name_slip(formulas.combine(triple, (2, 2, 0), 3), triple, 3, 0.0)[0] == (
        "factor-2")
    assert formulas.name_slip(formulas.combine(triple, ("m", "m", 0), 3), triple, 3,
                              0.0)[0] == "missing-1/m"
    sizes = {case.m for model in ("linear", "logistic", "softmax")
             for case in cases_module.cases(model)}
    sizes |= {3, 8}  # the functions' cases, in every layout but one sample's
    assert all(formulas.distinguishes(m) for m in sizes)
    # one sample (m = 1): a sum is its mean, so only the slips without m are told
    triple = formulas.parts("linear", X[:1], y[:1], p, 0.0)[0]
    assert formulas.name_slip(formulas.combine(triple, (1, 1, 0), 1), triple, 1, 0.0)[0] is None
    assert formulas.name_slip(formulas.combine(triple, (2, 2, 0), 1), triple, 1, 0.0)[0] == (
        "factor-2")


def test_twice_and_m_times_are_named_apart_in_the_gallery():
    for name, code in (("factor_2_cost_only.py", "factor-2"),
                       ("missing_1_over_m.py", "missing-1/m")):
        needs(GALLERY / name)
        report = check.check(str(GALLERY / name))
        assert report.codes() == [code], report.text()


# ---- Recognition ----

def test_the_command_line_strict_option():
    needs(GALLERY / "log_of_zero.py")
    relaxed = run_cli("tests/gallery/log_of_zero.py")
    assert relaxed.returncode == 0 and "warning [log-of-zero]" in relaxed.stdout
    assert "--strict makes it a failure" in relaxed.stdout
    strict = run_cli("tests/gallery/log_of_zero.py", "--strict", "--json")
    assert strict.returncode == 1
    report = json.loads(strict.stdout)
    assert report["codes"] == ["log-of-zero"] and report["strict"] is True


def test_numpy_imported_inside_a_function_means_arrays(tmp_path):
    path = tmp_path / "inside.py"
    path.write_text(
        "def compute_cost(X, y, w, b):\n"
        "    import numpy as np\n"
        "    return np.sum((X.dot(w) + b - y) ** 2) / (2 * X.shape[0])\n")
    needs(GALLERY / "conv3_correct.py")
    report = check.check(str(path))
    assert report.status == 0, report.text()
    assert any("NumPy arrays (the file imports NumPy)" in line for line in report.found)


def test_a_global_read_inside_a_function_is_named(tmp_path):
    """A defined global (the notebook's alpha) read inside a function: a warning naming it;
    an undefined one: a failure, not a bare NameError; a misspelt argument: [raised]."""
    path = tmp_path / "notebook.py"
    path.write_text(
        "alpha = 0.1\n"
        "def gradient_descent(X, y, w, b, learning_rate, num_iters):\n"
        "    m, n = len(X), len(w)\n"
        "    for _ in range(num_iters):\n"
        "        err = [sum(wj * xj for wj, xj in zip(w, x)) + b - t for x, t in zip(X, y)]\n"
        "        g = [sum(e * x[j] for e, x in zip(err, X)) / m for j in range(n)]\n"
        "        w = [wj - alpha * gj for wj, gj in zip(w, g)]\n"
        "        b = b - alpha * sum(err) / m\n"
        "    return w, b\n")
    report = check.check(str(path))
    assert report.status == 0 and report.warnings() == ["uses-global"], report.text()
    assert "gradient_descent reads alpha" in report.text()
    assert check.check(str(path), strict=True).codes() == ["uses-global"]
    needs(GALLERY / "uses_global.py")
    report = check.check(str(GALLERY / "uses_global.py"))
    assert "name 'm' is not defined" in report.text() and "pass the value" in report.text()
    assert check.check(str(GALLERY / "raised.py")).codes() == ["raised"]


def test_model_option_is_honored_for_functions_of_theta():
    needs(GALLERY / "ex2_theta_first_correct.py")
    assert check.check(str(GALLERY / "ex2_theta_first_correct.py")).status == 0
    wrong = check.check(str(GALLERY / "ex2_theta_first_correct.py"), model="linear")
    assert wrong.status == 1 and any("model linear (--model)" in line for line in wrong.found)
    assert check.check(str(GALLERY / "conv3_correct.py"), model="logistic").status == 1


def test_each_function_is_reported_with_its_role_and_layout():
    needs(GALLERY / "ex2_scipy_correct.py")
    found = check.check(str(GALLERY / "ex2_scipy_correct.py")).found
    assert ("costFunction(theta, X, y) -> J; theta as 1-D, bias first (X with a column of "
            "ones first); y as a column") in found
    assert any(line.startswith("gradient(theta, X, y) -> dJ/dtheta;") for line in found)
    report = check.check(str(GALLERY / "class_random_start_summed_gradient.py"))
    assert "Regression" not in dict(report.functions)  # the base class is skipped
    assert any("self.w, bias first" in line for line in report.found), report.found


def test_the_package_is_layered_without_an_import_circle():
    """Each module of pure/tools/check imports only modules below it, and is small enough
    to read in one sitting; the checker imports nothing outside the standard library."""
    import ast
    import sys as system
    folder = ROOT / "pure" / "tools" / "check"
    imports = {}
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports[path.stem] = {node.module for node in ast.walk(tree)
                              if isinstance(node, ast.ImportFrom) and node.level == 1}
        outside = {alias.name.split(".")[0] for node in ast.walk(tree)
                   if isinstance(node, ast.Import) for alias in node.names}
        outside |= {node.module.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.level == 0}
        if hasattr(system, "stdlib_module_names"):
            assert outside <= set(system.stdlib_module_names), (path.name, outside)
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 450, path.name
    order = []
    while len(order) < len(imports):  # a topological order exists only without a circle
        ready = sorted(name for name, needs in imports.items()
                       if name not in order and needs <= set(order) | {name})
        assert ready, f"an import circle among {sorted(set(imports) - set(order))}"
        order += ready
    assert order[-1] == "__init__" and "command" in imports["__init__"]
    for tool in ("cli", "trace"):
        text = (ROOT / "pure" / "tools" / f"{tool}.py").read_text(encoding="utf-8")
        assert "from .parsing import Parser" in text
    assert "from .cli" not in (ROOT / "pure" / "tools" / "trace.py").read_text("utf-8")


def test_idioms_of_real_files_are_judged_on_their_own_terms():
    """math.exp/math.log failing only at |z| = 800 are warnings (failures under --strict);
    a function named linear beside logistic ones is judged as linear, and only it fails;
    a summed run is read from its first update; a notebook's global m is set per case."""
    needs(GALLERY / "neuron_linear_beside_logistic.py")
    strict = check.check(str(GALLERY / "dsfs_logistic_math_correct.py"), strict=True)
    assert {"sigmoid-overflow", "log-of-zero"} <= set(strict.codes()), strict.text()
    report = check.check(str(GALLERY / "neuron_linear_beside_logistic.py"))
    failing = {name: [c.code for c in checks if report.fails(c)]
               for name, checks in report.functions}
    assert failing["linear_propagate"] == ["factor-2"], report.text()
    assert failing["logistic_propagate"] == [] and failing["sigmoid"] == [], report.text()
    report = check.check(str(GALLERY / "summed_run_correct.py"))
    assert "final parameters (the summed loss convention)" in report.text(), report.text()
    report = check.check(str(GALLERY / "notebook_global_m_correct.py"))
    assert "m was set to each case's number of samples" in report.text(), report.text()
