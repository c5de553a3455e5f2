"""The command line: ``python -m pure linear|logistic|softmax --data FILE [options]``.

Training on the bundled data sets, every option, the pictures, one-line errors with
exit status 2 for bad input, and ``python -m vectorized`` printing exactly the same
text. Most runs call ``pure.tools.cli.main`` in this process (fast); a few run
``python -m pure`` for real. Only the twin comparison needs NumPy.
"""

import configparser
import doctest
import fnmatch
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import pure
from pure.tools import cli, datasets, plot

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pure" / "tools" / "data"
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
HAVE_SOFTMAX = hasattr(pure, "SoftmaxRegression")
needs_softmax = pytest.mark.skipif(not HAVE_SOFTMAX, reason="pure has no SoftmaxRegression yet")
SVG = "{http://www.w3.org/2000/svg}"


def run_main(capsys, *args, backend="pure"):
    """``python -m <backend> *args`` in this process: (exit status, stdout, stderr)."""
    status = cli.main([str(arg) for arg in args], backend=backend)
    out, err = capsys.readouterr()
    return status, out, err


def value_of(out, label):
    """The number printed after ``label`` at the start of a line of the report."""
    for line in out.splitlines():
        if line.strip().startswith(label + " ") and not line.strip().startswith(label + " ("):
            return float(line.split()[-1])
    raise AssertionError(f"no line {label!r} in:\n{out}")


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


# Training and reporting

def test_linear_on_stackloss_reports_weights_by_column_bias_cost_and_r2(capsys):
    status, out, err = run_main(capsys, "linear", "--data", "stackloss", "--standardize")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Linear regression on stackloss: 21 rows, 3 features, target 'stack_loss'"
    assert "standardized" in lines[1]
    assert lines[2].startswith("model: LinearRegression(learning_rate=0.01, n_iters=1000,")
    assert [line for line in lines if line.startswith("iteration ")] == \
        [line for line in lines if re.fullmatch(r"iteration (\d+)00: cost \S+", line)]
    assert sum(line.startswith("iteration ") for line in lines) == 10
    assert "weights, per standard deviation of each feature:" in lines
    for name in ("air_flow", "water_temp", "acid_conc"):
        assert any(line.split()[:1] == [name] for line in lines), name
    assert value_of(out, "R^2") == pytest.approx(0.913, abs=1e-3)
    assert value_of(out, "final cost") > 0 and "bias" in out


def test_stackloss_weights_mapped_back_are_the_published_least_squares_fit(capsys):
    """Brownlee's data has a well-known least-squares fit: stack_loss = -39.9197 +
    0.7156 air_flow + 1.2953 water_temp - 0.1521 acid_conc (R^2 = 0.9136). Undo the
    standardization of the printed weights (w / std) and compare."""
    status, out, _ = run_main(capsys, "linear", "--data", "stackloss", "--standardize",
                              "--learning-rate", "0.5", "--n-iters", "3000", "--every", "0")
    assert status == 0
    table = datasets.open_csv(DATA / "stackloss.csv", "stackloss.csv")
    data = datasets.to_xy(table, "stackloss.csv")
    columns = list(zip(*data.X))
    weights = [value_of(out, name) / statistics.pstdev(column)
               for name, column in zip(data.features, columns)]
    bias = value_of(out, "bias") - sum(w * statistics.fmean(c) for w, c in zip(weights, columns))
    assert weights == pytest.approx([0.7156, 1.2953, -0.1521], abs=1e-4)
    assert bias == pytest.approx(-39.9197, abs=1e-3)
    assert value_of(out, "R^2") == pytest.approx(0.9136, abs=1e-4)


def test_logistic_with_a_hold_out_split_prints_train_and_test_scores(capsys):
    status, out, _ = run_main(capsys, "logistic", "--data", "breast_cancer", "--standardize",
                              "--test-fraction", "0.25", "--n-iters", "200", "--every", "50")
    assert status == 0
    assert "hold-out split (seed 0): 427 rows to train on, 142 to test on" in out
    assert sum(line.startswith("iteration ") for line in out.splitlines()) == 4
    assert value_of(out, "train accuracy") > 0.9 and value_of(out, "test accuracy") > 0.85
    assert "\naccuracy " not in out


def test_the_split_depends_on_the_seed_and_only_on_it(capsys):
    args = ["logistic", "--data", "breast_cancer", "--test-fraction", "0.3", "--n-iters", "2",
            "--learning-rate", "1e-4"]
    first = run_main(capsys, *args)[1]
    assert run_main(capsys, *args)[1] == first
    assert run_main(capsys, *args, "--seed", "1")[1] != first


def test_the_options_reach_the_model(capsys):
    status, out, _ = run_main(capsys, "linear", "--data", "stackloss", "--standardize",
                              "--learning-rate", "0.05", "--n-iters", "40", "--l2", "0.5",
                              "--tol", "1e-9", "--batch-size", "5", "--seed", "3", "--every", "0")
    assert status == 0
    assert ("model: LinearRegression(learning_rate=0.05, n_iters=40, l2=0.5, tol=1e-09, "
            "batch_size=5, seed=3, solver='gd', record_params=False)") in out
    assert "iteration" not in out
    assert "cost per update (200 updates):" in out  # 40 epochs of ceil(21 / 5) = 5 batches


def test_target_picks_any_column_and_the_others_become_features(capsys):
    status, out, _ = run_main(capsys, "linear", "--data", "stackloss", "--target", "air_flow",
                              "--standardize", "--n-iters", "10")
    assert status == 0
    assert "target 'air_flow'" in out
    report = out.split("weights, per standard deviation of each feature:\n")[1].split("bias")[0]
    assert [line.split()[0] for line in report.splitlines()] == ["water_temp", "acid_conc", "stack_loss"]


@needs_softmax
def test_softmax_on_iris_learns_named_classes(capsys):
    status, out, _ = run_main(capsys, "softmax", "--data", "iris", "--standardize",
                              "--n-iters", "300", "--test-fraction", "0.2")
    assert status == 0
    header = [line for line in out.splitlines() if "setosa" in line]
    assert header and header[0].split() == ["setosa", "versicolor", "virginica"]
    bias = next(line for line in out.splitlines() if line.startswith("bias"))
    assert len(bias.split()) == 4  # one bias per class
    assert value_of(out, "test accuracy") > 0.9


@needs_softmax
def test_softmax_takes_whole_numbers_as_class_labels(capsys, tmp_path):
    path = write(tmp_path, "three.csv", "x,label\n0,0\n1,0\n2,1\n3,1\n4,2\n5,2\n")
    status, out, _ = run_main(capsys, "softmax", "--data", path, "--n-iters", "5")
    assert status == 0
    assert re.search(r"^\s+0\s+1\s+2$", out, re.M)


def test_every_prints_the_cost_every_k_updates_and_the_last(capsys):
    status, out, _ = run_main(capsys, "linear", "--data", "stackloss", "--standardize",
                              "--n-iters", "25", "--every", "10")
    assert status == 0
    steps = [int(line.split()[1].rstrip(":")) for line in out.splitlines()
             if line.startswith("iteration ")]
    assert steps == [10, 20, 25]


def test_the_output_ends_with_a_text_chart_of_the_cost(capsys):
    status, out, _ = run_main(capsys, "logistic", "--data", "breast_cancer", "--standardize",
                              "--n-iters", "120")
    assert status == 0
    lines = out.splitlines()
    assert lines[-11] == "cost per update (120 updates):"
    chart = lines[-10:]
    assert chart[0].startswith("0.693147 |*")  # log 2 at zero weights, the top left
    assert chart[-2].strip().startswith("+---") and chart[-1].split() == ["1", "120"]
    stars = [row.index("*") for row in chart[:-2] if "*" in row]
    assert stars == sorted(stars)  # a falling curve: lower rows start further right


def test_svg_is_xml_with_one_path_point_per_update(capsys, tmp_path):
    svg = tmp_path / "curve.svg"
    status, out, _ = run_main(capsys, "linear", "--data", "stackloss", "--standardize",
                              "--n-iters", "30", "--batch-size", "4", "--learning-rate", "0.03",
                              "--svg", svg)
    assert status == 0 and f"cost curve written to {svg}" in out
    root = ET.parse(str(svg)).getroot()
    assert root.tag == SVG + "svg"
    assert "Linear regression on stackloss (standardized), learning rate 0.03" in root.find(SVG + "title").text
    paths = root.findall(".//" + SVG + "path")
    assert len(paths) == 1
    points = re.findall(r"(-?\d+\.\d+),(-?\d+\.\d+)", paths[0].get("d"))
    assert len(points) == 30 * 6  # 30 epochs of ceil(21 / 4) = 6 batches: one point per update
    xs = [float(x) for x, _ in points]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    labels = [text.text for text in root.iter(SVG + "text")]
    assert "update" in labels and "cost J" in labels and "0" in labels  # axis labels, tick labels


def test_svg_is_deterministic(capsys, tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    for path in (a, b):
        assert run_main(capsys, "logistic", "--data", "breast_cancer", "--n-iters", "20",
                        "--learning-rate", "1e-5", "--svg", path)[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_text_chart_and_svg_of_a_flat_and_a_single_cost():
    assert plot.text_chart([]) == []
    assert plot.text_chart([2.0])[-1].split() == ["1"]
    flat = plot.text_chart([3.0] * 10, height=3)
    assert flat[-3].endswith("|" + "*" * 10)
    for values in ([5.0], [1.0, 1.0, 1.0], [1e-300, 1e300]):
        root = ET.fromstring(plot.svg_chart(values, "t"))
        d = root.find(SVG + "path").get("d")
        assert len(re.findall(r"-?\d+\.\d+,-?\d+\.\d+", d)) == len(values)
        assert "nan" not in d and "inf" not in d


@pytest.mark.parametrize("module", [datasets, plot])
def test_docstring_examples_hold(module):
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


# Bad input: one line on standard error, exit status 2, no traceback

def errors_of(capsys, *args):
    status, out, err = run_main(capsys, *args)
    assert status == 2, out + err
    assert err.count("\n") == 1 and err.startswith("python -m pure: error: "), err
    assert "Traceback" not in out + err
    return err


@pytest.mark.parametrize("name, content, words", [
    ("empty.csv", "", ["empty.csv is empty", "header row"]),
    ("blank.csv", "\n\n  \n", ["is empty"]),
    ("noheader.csv", "1,2,3\n4,5,6\n", ["no header row", "line 1 is all numbers"]),
    ("onlyheader.csv", "x,y\n", ["header row but no data rows"]),
    ("word.csv", "x1,x2,y\n1,2,3\n4,abc,6\n", ["line 3", "column 2 ('x2')", "'abc' is not a number"]),
    ("missing.csv", "x1,x2,y\n1,,3\n", ["line 2", "column 2 ('x2')", "empty"]),
    ("nan.csv", "x,y\n1,2\nnan,3\n", ["line 3", "'nan' is not a finite number"]),
    ("ragged.csv", "x1,x2,y\n1,2,3\n4,5\n", ["line 3", "2 values", "header has 3 columns"]),
    ("textlabel.csv", "x,y\n1,2\n2,yes\n", ["line 3", "'yes' is not a number", "softmax"]),
    ("onecolumn.csv", "y\n1\n2\n", ["only one column", "feature"]),
    ("pipes.csv", "x|y\n1|2\n", ["only one column", "--delimiter"]),
    ("unnamed.csv", "x,,y\n1,2,3\n", ["column 2", "no name"]),
    ("unnamed1.csv", ",x,y\n7,2,3\n9,3,4\n", ["column 1", "no name"]),  # not an index: 7, 9
    ("twice.csv", "x,x,y\n1,2,3\n", ["two columns are named 'x'"]),
    ("binary.csv", "x,y\n1,2\n".encode() + b"\x81,1\n",  # no byte 0x81 in cp1252
     ["neither UTF-8 nor Windows-1252 (cp1252)", "byte 8", "save it as UTF-8 CSV"]),
    ("sheet.xlsx", b"PK\x03\x04\x14\x00\x06\x00", ["not a text file", ".xlsx", "CSV"]),
])
def test_bad_files_get_one_line_naming_the_problem(capsys, tmp_path, name, content, words):
    path = write(tmp_path, name, content)
    err = errors_of(capsys, "linear", "--data", path)
    for word in words:
        assert word in err, (word, err)


def test_a_missing_file_says_so_and_lists_the_bundled_data(capsys, tmp_path):
    err = errors_of(capsys, "linear", "--data", tmp_path / "nope.csv")
    assert "nope.csv: no such file" in err and "breast_cancer, iris, stackloss" in err


def test_a_folder_is_not_a_file(capsys, tmp_path):
    assert "is a folder" in errors_of(capsys, "linear", "--data", tmp_path)


def test_an_unknown_target_lists_the_columns(capsys):
    err = errors_of(capsys, "linear", "--data", "stackloss", "--target", "speed")
    assert "no column named 'speed'" in err and "air_flow, water_temp, acid_conc, stack_loss" in err


def test_logistic_targets_must_be_0_or_1(capsys, tmp_path):
    path = write(tmp_path, "three.csv", "x,y\n1,0\n2,1\n3,2\n")
    err = errors_of(capsys, "logistic", "--data", path)
    assert "line 4" in err and "the target is 2" in err and "0 or 1" in err and "softmax" in err


def test_logistic_on_class_names_suggests_softmax(capsys):
    err = errors_of(capsys, "logistic", "--data", "iris")
    assert "'setosa' is not a number" in err and "softmax" in err


@needs_softmax
def test_softmax_refuses_fractional_class_numbers(capsys, tmp_path):
    path = write(tmp_path, "frac.csv", "x,y\n1,0\n2,1.5\n")
    assert "line 3" in errors_of(capsys, "softmax", "--data", path)


def test_a_diverging_run_is_one_line_with_the_hint(capsys):
    err = errors_of(capsys, "linear", "--data", "stackloss")  # unscaled: the default step is too big
    assert "diverged" in err and "iteration" in err and "learning_rate=0.01" in err
    assert "--standardize" in err and "smaller --learning-rate" in err


@pytest.mark.parametrize("args, words", [
    (["--learning-rate", "-1"], "--learning-rate: must be more than 0"),
    (["--learning-rate", "nan"], "--learning-rate: must be a finite number"),
    (["--n-iters", "0"], "--n-iters: must be 1 or more"),
    (["--l2", "-2"], "--l2: must be 0 or more"),
    (["--tol", "inf"], "--tol: must be a finite number"),
    (["--batch-size", "0"], "--batch-size: must be 1 or more"),
    (["--test-fraction", "0.01"], "test rows"),
])
def test_bad_option_values_are_one_line(capsys, args, words):
    assert words in errors_of(capsys, "linear", "--data", "stackloss", "--standardize", *args)


def test_an_unwritable_svg_is_one_line(capsys, tmp_path):
    err = errors_of(capsys, "linear", "--data", "stackloss", "--standardize", "--n-iters", "2",
                    "--svg", tmp_path / "no" / "such" / "folder.svg")
    assert "cannot write" in err


@pytest.mark.parametrize("args", [
    ["linear"],                                      # --data is required
    ["fit", "--data", "stackloss"],                  # no such model
    ["linear", "--data", "stackloss", "--test-fraction", "1.5"],
    ["linear", "--data", "stackloss", "--every", "-1"],
    ["linear", "--data", "stackloss", "--n-iters", "ten"],
    ["--data", "stackloss"],
])
def test_usage_errors_are_one_line_with_exit_2(capsys, args):
    status, out, err = run_main(capsys, *args)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("python -m pure: error: "), err
    assert "usage:" not in err and "Traceback" not in err and "--help" in err


def test_help_lists_the_models_and_the_bundled_data(capsys):
    status, out, _ = run_main(capsys, "--help")
    assert status == 0
    for word in ("linear", "logistic", "softmax", "stackloss", "show"):
        assert word in out
    status, out, _ = run_main(capsys, "logistic", "--help")
    assert status == 0
    for flag in ("--data", "--target", "--learning-rate", "--n-iters", "--l2", "--tol",
                 "--batch-size", "--seed", "--standardize", "--test-fraction", "--every", "--svg"):
        assert flag in out


def test_show_is_still_handed_to_the_side_by_side_view(capsys, monkeypatch):
    seen = []
    fake = types.ModuleType("pure.tools.sidebyside")
    fake.main = lambda argv: seen.append(argv) or 0
    monkeypatch.setitem(sys.modules, "pure.tools.sidebyside", fake)
    assert cli.main(["show", "logistic", "--data", "x"]) == 0
    assert seen == [["logistic", "--data", "x"]]


# Data that travels with the package

def test_the_bundled_data_sets_are_found_by_name_from_any_folder(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "pure", "linear", "--data", "stackloss.csv",
                             "--standardize", "--n-iters", "5"],
                            cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Linear regression on stackloss.csv: 21 rows")


def test_each_bundled_file_is_described_and_installed():
    files = sorted(path.name for path in DATA.glob("*.csv"))
    assert files == ["breast_cancer.csv", "iris.csv", "stackloss.csv"]
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    config = configparser.ConfigParser()
    config.read(str(ROOT / "setup.cfg"))
    patterns = [p.strip() for p in config["options.package_data"]["pure.tools"].split(",")]
    for name in files + ["README.md"]:
        assert any(fnmatch.fnmatch("data/" + name, pattern) for pattern in patterns), name
    for name in files:
        assert f"## {name}" in readme and "Licen" in readme.split(f"## {name}")[1]


@pytest.mark.parametrize("name, rows, columns", [
    ("stackloss", 21, 4), ("breast_cancer", 569, 11), ("iris", 150, 5)])
def test_the_bundled_files_are_whole(name, rows, columns):
    table = datasets.open_csv(datasets.find(name), name)
    assert len(table.rows) == rows and len(table.columns) == columns
    assert table.lines == list(range(2, rows + 2))  # no blank or skipped lines


def test_csv_reading_tolerates_a_bom_spaces_quotes_and_trailing_blank_lines(capsys, tmp_path):
    path = write(tmp_path, "loose.csv", '\ufeff x ,"y"\n 1 ,2\n"2", 4\n3,6\n\n\n')
    status, out, _ = run_main(capsys, "linear", "--data", path, "--learning-rate", "0.1",
                              "--n-iters", "3000", "--every", "0")
    assert status == 0 and "3 rows, 1 feature, target 'y'" in out
    assert value_of(out, "x") == pytest.approx(2.0, abs=1e-6)
    assert value_of(out, "R^2") == pytest.approx(1.0, abs=1e-9)


# The twins print the same text

TWIN_RUNS = [
    ["linear", "--data", "stackloss", "--standardize"],
    ["linear", "--data", "stackloss", "--standardize", "--batch-size", "4", "--tol", "1e-6",
     "--l2", "0.3", "--seed", "5", "--every", "7"],
    ["logistic", "--data", "breast_cancer", "--standardize", "--test-fraction", "0.3",
     "--n-iters", "300"],
    ["logistic", "--data", "breast_cancer", "--learning-rate", "1e-5", "--n-iters", "50"],
    ["softmax", "--data", "iris", "--standardize", "--n-iters", "200", "--test-fraction", "0.2"],
    ["linear", "--data", "stackloss"],  # diverges: the same error line
    ["logistic", "--data", "iris"],
]


@pytest.mark.parametrize("args", TWIN_RUNS, ids=lambda args: " ".join(args[:3]))
def test_python_m_vectorized_prints_the_same_lines_as_python_m_pure(capsys, tmp_path, args):
    pytest.importorskip("numpy")
    import vectorized
    if args[0] == "softmax" and not (HAVE_SOFTMAX and hasattr(vectorized, "SoftmaxRegression")):
        pytest.skip("no SoftmaxRegression in both twins yet")
    runs = []
    for backend in ("pure", "vectorized"):
        svg = tmp_path / f"{backend}.svg"
        status, out, err = run_main(capsys, *args, "--svg", svg, backend=backend)
        runs.append((status, out.replace(str(svg), "FILE"),
                     err.replace(f"python -m {backend}", "python -m twin"),
                     svg.read_text(encoding="utf-8") if svg.exists() else None))
    (p_status, p_out, p_err, p_svg), (v_status, v_out, v_err, v_svg) = runs
    assert p_status == v_status
    assert p_out.splitlines() == v_out.splitlines()
    assert p_err == v_err
    assert p_svg == v_svg


def test_python_m_pure_runs_for_real_with_numpy_blocked(tmp_path):
    code = ("import sys, runpy; sys.modules['numpy'] = None; "
            "sys.argv = ['pure', 'logistic', '--data', 'breast_cancer', '--standardize', "
            "'--n-iters', '20', '--svg', 'c.svg']; runpy.run_module('pure', run_name='__main__')")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], cwd=str(tmp_path), env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "accuracy" in result.stdout and (tmp_path / "c.svg").is_file()
    bad = subprocess.run([sys.executable, "-m", "pure", "linear", "--data", "stackloss"],
                         cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
