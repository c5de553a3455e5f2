"""Each model file is a lesson: it stands alone, imports only what it may, runs its demo,
its docstring examples hold, and the twins carry the same numbered steps in the same order.

Standard library only: these tests run in the tox env without NumPy too.
"""

import ast
import doctest
import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted(path.name for path in (ROOT / "pure").glob("*_regression.py"))
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")
STEP = re.compile(r"#\s*Step\s+(\d+[a-z]?):\s*(.*)$")


def step_markers(path):
    """The ordered '# Step N: title formula' comments of a file, stripped of indentation."""
    markers = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = STEP.search(line)
        if match:
            markers.append(f"Step {match.group(1)}: {match.group(2).strip()}")
    return markers


def run(args, cwd, env=None):
    return subprocess.run([sys.executable, *args], cwd=str(cwd), env=env,
                          capture_output=True, text=True, timeout=120)


def test_there_are_lessons_and_each_has_a_twin():
    assert "linear_regression.py" in LESSONS and "logistic_regression.py" in LESSONS
    for name in LESSONS:
        assert (ROOT / "vectorized" / name).is_file(), f"vectorized/{name} is missing"


def step_titles(path):
    """'Step N: title' of each marker: the title ends where two spaces start the formula."""
    return [re.sub(r"  .*", "", marker).rstrip() for marker in step_markers(path)]


@pytest.mark.parametrize("name", LESSONS)
def test_twins_carry_the_same_steps_in_the_same_order(name):
    pure_steps = step_titles(ROOT / "pure" / name)
    vectorized_steps = step_titles(ROOT / "vectorized" / name)
    assert len(pure_steps) >= 4, f"pure/{name} has too few step markers: {pure_steps}"
    assert [int(re.match(r"Step (\d+)", s).group(1)) for s in pure_steps] == \
        list(range(1, len(pure_steps) + 1)), "steps are numbered 1, 2, 3, ... in order"
    assert pure_steps == vectorized_steps, "the twins match step by step on number and title"


@pytest.mark.parametrize("name", LESSONS)
def test_twins_define_the_same_methods_in_the_same_order(name):
    def methods(path):
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        return {node.name: [(f.name, [a.arg for a in f.args.args + f.args.kwonlyargs])
                            for f in node.body if isinstance(f, ast.FunctionDef)]
                for node in tree.body if isinstance(node, ast.ClassDef)}
    assert methods(ROOT / "pure" / name) == methods(ROOT / "vectorized" / name)


@pytest.mark.parametrize("folder, allowed", [("pure", set()), ("vectorized", {"numpy"})])
def test_lessons_import_only_the_standard_library(folder, allowed):
    stdlib = {"math", "numbers", "random", "typing", "warnings", "sys", "argparse", "csv",
              "importlib", "os", "pathlib", "shutil", "html", "io", "textwrap", "re",
              "xml", "statistics", "itertools", "functools", "collections", "__future__"}
    for path in (ROOT / folder).glob("*.py"):
        if path.name == "sklearn_compat.py":
            continue  # the one adapter that imports scikit-learn, no lesson: tests/test_interop.py
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = {node.module.split(".")[0]}
            else:
                continue
            extra = roots - stdlib - allowed - {"pure"}
            assert not extra, f"{path.name} imports {extra}"


@pytest.mark.parametrize("folder", ["pure", pytest.param("vectorized", marks=needs_numpy)])
@pytest.mark.parametrize("name", LESSONS)
def test_a_lesson_file_copied_alone_imports_and_runs_its_demo(folder, name, tmp_path):
    shutil.copy(ROOT / folder / name, tmp_path / name)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    module = name[:-3]
    classname = "".join(part.title() for part in module.split("_"))
    imported = run(["-c", f"from {module} import {classname}; print({classname}())"], tmp_path, env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(classname + "(")
    demo = run(["-W", "error", name], tmp_path, env)
    assert demo.returncode == 0, demo.stderr
    assert "iteration" in demo.stdout and "weights" in demo.stdout


@pytest.mark.parametrize("folder", ["pure", pytest.param("vectorized", marks=needs_numpy)])
@pytest.mark.parametrize("name", LESSONS)
def test_docstring_examples_hold(folder, name):
    module = importlib.import_module(f"{folder}.{name[:-3]}")
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


BLOCK_NUMPY = "import sys; sys.modules['numpy'] = None; "


def test_pure_fits_both_models_with_numpy_blocked():
    code = BLOCK_NUMPY + (
        "import pure; "
        "a = pure.LinearRegression(learning_rate=0.1, n_iters=200).fit([[0], [1], [2]], [1, 3, 5]); "
        "b = pure.LogisticRegression(n_iters=200).fit([[0], [1], [2], [3]], [0, 0, 1, 1]); "
        "c = pure.SoftmaxRegression(n_iters=300).fit([[0], [1], [4], [5]], ['a', 'a', 'b', 'b']); "
        "d = pure.LinearRegression(solver='normal').fit(pure.StandardScaler().fit_transform([[0], [1]]), [1, 3]); "
        "print(round(a.weights[0], 2), b.predict([[0], [3]]), c.predict([[0], [5]]), round(d.bias, 6))")
    result = run(["-c", code], ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2.0", "[0,", "1]", "['a',", "'b']", "2.0"]


def test_vectorized_without_numpy_says_how_to_install_it():
    result = run(["-c", BLOCK_NUMPY + "import vectorized"], ROOT)
    assert result.returncode != 0
    assert "ImportError" in result.stderr and "pip install numpy" in result.stderr


def test_the_zero_install_demo_runs_with_numpy_blocked():
    result = run(["-c", BLOCK_NUMPY + "import runpy; runpy.run_module('pure', run_name='__main__')"], ROOT)
    assert result.returncode == 0, result.stderr
    assert "R^2:" in result.stdout and "accuracy:" in result.stdout


@needs_numpy
def test_python_m_vectorized_prints_the_same_numbers_as_python_m_pure():
    a = run(["-m", "pure"], ROOT)
    b = run(["-W", "error", "-m", "vectorized"], ROOT)
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    assert a.stdout.replace("(pure)", "(twin)") == b.stdout.replace("(vectorized)", "(twin)")
    assert a.stdout.count("iteration ") == 10
