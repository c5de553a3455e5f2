"""The checker of a learner's own implementation (pure/tools/check.py, issue 14).

Every file in tests/gallery/ is learner code whose docstring says what the checker must
find: "Expected: pass", or "Expected: CODE" for a file that must fail with exactly that
slip code and no other. The project's own lesson files must pass as convention 1.
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
    found = re.search(r"^Expected: (\S+)$", path.read_text(encoding="utf-8"), re.M)
    assert found, f"{path.name} does not say what the checker must find"
    return found.group(1)


def uses_numpy(path):
    return re.search(r"^import numpy|^from numpy", path.read_text(encoding="utf-8"), re.M)


def needs(path):
    if uses_numpy(path) and not HAVE_NUMPY:
        pytest.skip("learner code that uses NumPy")


GALLERY_FILES = sorted(GALLERY.glob("*.py"))
LESSONS = sorted(ROOT.glob("pure/*_regression.py")) + sorted(
    ROOT.glob("vectorized/*_regression.py"))


def test_the_gallery_has_a_correct_file_per_convention_and_a_file_per_slip():
    codes = [expected(path) for path in GALLERY_FILES]
    slips = set(check.SLIPS)
    assert slips <= set(codes), f"no gallery file for {sorted(slips - set(codes))}"
    assert set(codes) <= slips | {"pass"}
    found = {path.name.split("_")[0] for path in GALLERY_FILES if expected(path) == "pass"}
    assert {"conv1", "conv2", "conv3"} <= found


@pytest.mark.parametrize("path", GALLERY_FILES, ids=lambda path: path.name)
def test_gallery_file(path):
    needs(path)
    want = expected(path)
    report = check.check(str(path), **({"timeout": TIMEOUT} if want == "timeout" else {}))
    if want == "pass":
        assert report.status == 0, report.text()
        assert report.codes() == []
    else:
        assert report.status == 1, report.text()
        assert report.codes() == [want], report.text()
        assert f"[{want}]" in report.text()


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_lesson_files_pass_as_convention_1(path):
    needs(path)
    report = check.check(str(path))
    assert report.status == 0, report.text()
    assert any("convention 1" in line for line in report.found)
    checked = dict(report.functions)
    fits = [c for c in checked[path.stem.title().replace("_", "")] if "fit" in c.what]
    assert any("l2=" in c.what for c in fits), "the regularized fit was not checked"
    assert len(fits) >= 8  # parameters and history, two cases, with and without l2


def test_assert_passes_raises_assertion_error_with_the_report():
    needs(GALLERY / "factor_2.py")
    with pytest.raises(AssertionError) as raised:
        check.assert_passes(str(GALLERY / "factor_2.py"))
    assert "[factor-2]" in str(raised.value) and "compute_gradient" in str(raised.value)
    report = check.assert_passes(str(GALLERY / "conv3_logistic_correct.py"))
    assert report.passed


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
    """A class whose name does not say its model is checked with --model only."""
    source = (ROOT / "pure" / "logistic_regression.py").read_text(encoding="utf-8")
    path = tmp_path / "my_model.py"
    path.write_text(re.sub(r"\bLogisticRegression\b", "Classifier", source), encoding="utf-8")
    assert check.check(str(path)).status == 2
    assert check.check(str(path), model="logistic").status == 0
    with pytest.raises(ValueError, match="model must be one of"):
        check.check(str(path), model="ridge")
