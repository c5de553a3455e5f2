"""The README, and the reference pages docs/*.md it links, cannot drift from the code.

- Every fenced ```sh command and ```python block of the README and of docs/*.md runs, in a
  fresh copy of the project
  (as a newcomer's clone: nothing installed, run from its top folder), and exits 0, or
  with the status its ``# exit status N`` comment names.
- A ```text block right after such a block is its exact output (stdout, then stderr).
- The few commands that install packages or run the test suite cannot run inside the
  test suite; they are listed in NOT_RUN with a real check each instead.
- Every line of code quoted in a table whose column is headed by a file name is a line
  of that file; every file in "Copying into coursework" imports alone.
- The picture in the README is exactly what the command quoted with it draws now.
- The Quick start's test command is the line CI runs; it makes a virtual environment first
  and uses ``python3``, so it works on a system Python that refuses installs.
- The README reads in a learner's order, names no issue numbers, and its links resolve.

Blocks that need NumPy are skipped without it (the tox env that runs without NumPy).
"""

import configparser
import difflib
import importlib.util
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The README and the reference pages it links: {path from the top folder: text}
DOCUMENTS = {"README.md": README, **{
    f"docs/{path.name}": path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "docs").glob("*.md"))}}
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
FENCE = re.compile(r"^```([\w-]*)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
EXPECTED_STATUS = re.compile(r"#\s*exit status (\d+)\s*$")
SHELL_SYNTAX = re.compile(r"[|><;&$`]")


def blocks(name="README.md"):
    """The fenced blocks of a document: dicts with lang, code, line ("README.md line 20")
    and, if a ```text block follows with nothing but blank lines between, its text as
    'output'."""
    text, found = DOCUMENTS[name], []
    for match in FENCE.finditer(text):
        found.append({"lang": match.group(1), "code": match.group(2),
                      "line": f"{name} line {text.count(chr(10), 0, match.start()) + 1}",
                      "start": match.start(), "end": match.end()})
    for block, after in zip(found, found[1:]):
        if after["lang"] == "text" and text[block["end"]:after["start"]].strip() == "":
            block["output"] = after["code"]
    return found


def all_blocks():
    return [block for name in DOCUMENTS for block in blocks(name)]


def commands():
    """(command, expected exit status, expected output or None, line) for each sh command."""
    result = []
    for block in all_blocks():
        if block["lang"] not in ("sh", "bash", "shell", "console"):
            continue
        lines = [line.strip()[2:] if line.strip().startswith("$ ") else line  # a console prompt
                 for line in block["code"].replace("\\\n", " ").splitlines()
                 if line.strip() and not line.strip().startswith("#")]
        for k, line in enumerate(lines):
            status = EXPECTED_STATUS.search(line)
            output = block.get("output") if k == len(lines) - 1 else None
            result.append((line.strip(), int(status.group(1)) if status else 0, output, block["line"]))
    return result


def python_blocks():
    return [block for block in all_blocks() if block["lang"] in ("python", "py")]


def needs_numpy(code):
    """The code uses NumPy, or runs a file of the project that imports it (a gallery file)."""
    files = [ROOT / path for path in re.findall(r"[\w/]+\.py", code)]
    return "numpy" in code or "vectorized" in code or any(
        path.is_file() and "import numpy" in path.read_text(encoding="utf-8") for path in files)


NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def same_output(got, expected):
    """The lines are the same, their numbers to a relative 1e-9: the last digits of a sum
    differ between Python versions (3.12 made sum() compensated) and BLAS kernels, and a
    README shown to everyone cannot promise one machine's last bit."""
    if len(got) != len(expected):
        return False
    for line, want in zip(got, expected):
        if NUMBER.split(line) != NUMBER.split(want):
            return False
        for a, b in zip(NUMBER.findall(line), NUMBER.findall(want)):
            if a != b and not math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12):
                return False
    return True


def missing_library(code):
    """pandas or scikit-learn, if the block uses it and it is not installed (tox -e interop has both)."""
    for name, module in (("pandas", "pandas"), ("scikit-learn", "sklearn")):
        if re.search(rf"\b{module}\b", code) and importlib.util.find_spec(module) is None:
            return name
    return None


# Commands that install packages or run the suite itself: not run here, checked instead.

QUICK_START_TEST = ('python3 -m venv .venv && . .venv/bin/activate && '
                    'python -m pip install -e ".[test]" && python -m pytest')


def check_quick_start_test_command():
    """The Quick start's test command is exactly what CI runs (the rest of the check is
    test_the_quick_start_works_on_a_system_python_that_refuses_installs)."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert QUICK_START_TEST in ci
    config = configparser.ConfigParser()
    config.read(str(ROOT / "setup.cfg"))
    test_extra = config["options.extras_require"]["test"].split()
    assert "numpy" in test_extra and "pytest" in test_extra


def tox_config():
    config = configparser.ConfigParser(interpolation=None)
    config.read(str(ROOT / "tox.ini"))
    return config


def check_tox():
    """tox runs the same suite on Python 3.8 to 3.13 and without NumPy."""
    config = tox_config()
    envs = [env.strip() for env in config["tox"]["envlist"].split(",")]
    assert envs == ["py38", "py39", "py310", "py311", "py312", "py313", "pure", "interop",
                    "notebook", "property"]
    assert "python -m pytest" in config["testenv"]["commands"]
    assert "tests/test_interop.py" in config["testenv:interop"]["commands"]
    assert config["testenv:pure"]["set_env"].replace(" ", "") == "PURE_ONLY=1"


def check_install_tox():
    """tox is installed only to run tox.ini, which exists and is the one check_tox reads."""
    assert "tox" in tox_config()


NOT_RUN = {
    QUICK_START_TEST: check_quick_start_test_command,
    "python -m pip install tox": check_install_tox,
    "tox": check_tox,
}
NOT_RUNNABLE = re.compile(r"\bpip\b|\bpytest\b|^tox\b|\bchromium\b")


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A copy of the project as a fresh clone has it: no caches, no builds, no venvs."""
    target = tmp_path_factory.mktemp("clone") / "project"
    shutil.copytree(str(ROOT), str(target), ignore=shutil.ignore_patterns(
        ".git", ".tox", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache",
        ".benchmarks"))
    return target


def clean_env():
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONWARNINGS"] = "error"
    return env


def run_command(command, cwd):
    """Run a README command with this interpreter standing in for ``python`` and ``python3``."""
    words = shlex.split(command, comments=True)
    if SHELL_SYNTAX.search(" ".join(words)):  # pipes, redirections, &&: let the shell run it
        line = re.sub(r"(?:^|(?<=[\s;&|(]))python3?(?=\s)", shlex.quote(sys.executable),
                      command.split(" #")[0])
        return subprocess.run(line, shell=True, cwd=str(cwd), env=clean_env(),
                              capture_output=True, text=True, timeout=300)
    words = [sys.executable if word in ("python", "python3") else word for word in words]
    return subprocess.run(words, cwd=str(cwd), env=clean_env(), capture_output=True, text=True,
                          timeout=300)


def test_the_readme_has_commands_snippets_and_outputs():
    assert len(commands()) >= 8 and len(python_blocks()) >= 2
    assert {block["line"].split(" line ")[0] for block in python_blocks()} >= {
        "README.md", "docs/scikit-learn.md"}
    assert sum(output is not None for _, _, output, _ in commands()) >= 2


@pytest.mark.parametrize("command, status, output, line", commands(),
                         ids=[command for command, _, _, _ in commands()])
def test_readme_command(command, status, output, line, clone):
    if command in NOT_RUN:
        NOT_RUN[command]()
        return
    assert not NOT_RUNNABLE.search(command), (
        f"{line}: {command!r} installs packages or runs the tests, which cannot "
        f"run inside the test suite: add it to NOT_RUN in tests/test_readme.py with a real check.")
    if needs_numpy(command) and not HAVE_NUMPY:
        pytest.skip("needs NumPy")
    result = run_command(command, clone)
    assert result.returncode == status, f"{line}: {command}\n{result.stdout}\n{result.stderr}"
    if output is not None:
        got, expected = (result.stdout + result.stderr).splitlines(), output.splitlines()
        if not HAVE_NUMPY:  # trace checks its update against the vectorized twin too, if it can
            expected = [re.sub(r"^(vectorized\.\S*(?: \S+)*?\.fit): .*$",
                               r"\1: not run, NumPy is not installed", text) for text in expected]
        assert same_output(got, expected), "\n".join(
            difflib.unified_diff(expected, got, "README", "now", lineterm=""))


@pytest.mark.parametrize("block", python_blocks(), ids=lambda block: block["line"])
def test_readme_python_block(block, clone):
    if needs_numpy(block["code"]) and not HAVE_NUMPY:
        pytest.skip("needs NumPy")
    if missing_library(block["code"]):
        pytest.skip(f"needs {missing_library(block['code'])}, which is not installed")
    result = subprocess.run([sys.executable, "-W", "error", "-c", block["code"]], cwd=str(clone),
                            env=clean_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{block['line']}:\n{result.stderr}"
    if "output" in block:
        assert same_output(result.stdout.splitlines(), block["output"].splitlines())


def quoted_lines():
    """(file, quoted code, README line) for each code span in a table column headed by a file."""
    found = []
    lines = README.splitlines()
    for number, line in enumerate(lines):
        if not line.startswith("|") or number + 1 >= len(lines) or not re.match(r"^\|[-| ]+\|$", lines[number + 1]):
            continue
        headers = [cell.strip() for cell in line.strip("|").split("|")]
        files = {k: header.strip("`") for k, header in enumerate(headers)
                 if re.fullmatch(r"`[\w/]+\.py`", header)}
        if not files:
            continue
        for row_number in range(number + 2, len(lines)):
            row = lines[row_number]
            if not row.startswith("|"):
                break
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip("|"))]
            for k, path in files.items():
                for code in re.findall(r"`([^`]+)`", cells[k] if k < len(cells) else ""):
                    found.append((path, code, row_number + 1))
    return found


def code_lines(path):
    """The lines of a file, stripped, without trailing comments."""
    result = set()
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        result.add(line.strip())
        result.add(line.split("  #")[0].strip())
    return result


def test_the_walkthrough_quotes_real_lines():
    quotes = quoted_lines()
    assert len(quotes) >= 30
    assert {path for path, _, _ in quotes} >= {
        "pure/linear_regression.py", "vectorized/linear_regression.py",
        "pure/logistic_regression.py", "vectorized/logistic_regression.py"}
    missing = [f"README line {line}: {code!r} is not a line of {path}"
               for path, code, line in quotes if code not in code_lines(path)]
    assert not missing, "\n".join(missing)


def coursework_rows():
    """The rows of the table in "Copying into coursework", as lists of cells."""
    section = README.split("## Copying into coursework", 1)[1].split("\n## ", 1)[0]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
            for row in section.splitlines() if row.startswith("|")]


COPIED = r"`(\w+(?:/\w+)*(?:\.py|/))`"  # a file, or a folder (a package) ending in "/"


def coursework_files():
    """Every file or folder the table offers to copy, from any of its cells."""
    return [path for row in coursework_rows()[2:] for cell in row
            for path in re.findall(COPIED, cell)]


def test_the_coursework_table_is_whole():
    header, rule, *rows = coursework_rows()
    assert header == ["task", "copy this one file", "it needs"] and len(rule) == len(header)
    for row in rows:
        assert len(row) == len(header) and all(row), f"a row of {len(row)} cells: {row}"
        assert re.findall(COPIED, row[1]), f"no file to copy in {row}"
        assert not re.findall(COPIED, row[0] + row[2]), row


def test_coursework_lists_every_lesson_file():
    files = coursework_files()
    lessons = [f"{folder}/{path.name}" for folder in ("pure", "vectorized")
               for path in sorted((ROOT / folder).glob("*_regression.py"))]
    assert set(lessons) <= set(files), set(lessons) - set(files)


@pytest.mark.parametrize("path", coursework_files())
def test_each_coursework_file_imports_alone(path, tmp_path):
    if needs_numpy(path) and not HAVE_NUMPY:
        pytest.skip("needs NumPy")
    if path.endswith("/"):  # a package: the folder, copied whole
        shutil.copytree(str(ROOT / path), str(tmp_path / Path(path).name))
    else:
        shutil.copy(str(ROOT / path), str(tmp_path / Path(path).name))
    module = Path(path).stem
    result = subprocess.run([sys.executable, "-W", "error", "-c", f"import {module}"],
                            cwd=str(tmp_path), env=clean_env(), capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


def test_each_readme_picture_is_what_its_command_draws_now(clone):
    pictures = re.findall(r"!\[[^\]]*\]\((docs/[\w.-]+\.svg)\)", README)
    assert pictures, "the README shows a cost curve"
    for picture in pictures:
        quoted = [command for command, _, _, _ in commands()
                  if re.search(rf"--(svg|plot-fit|plot-path) {re.escape(picture)}(\s|$)", command)]
        assert len(quoted) == 1, f"{picture}: the README quotes no single command that draws it"
        drawn = clone / picture
        if drawn.exists():
            drawn.unlink()  # whatever ran before in the clone, this run draws it afresh
        result = run_command(quoted[0], clone)
        assert result.returncode == 0, result.stderr
        committed = (ROOT / picture).read_text(encoding="utf-8")
        assert drawn.read_text(encoding="utf-8") == committed, (
            f"{picture} is out of date: run `{quoted[0]}` and commit the result")


# ---- The Quick start, the order and the words of the README ----

def section(title):
    """The text of the README's section "## title", up to the next "## "."""
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_quick_start_works_on_a_system_python_that_refuses_installs(clone):
    """Two commands: the demo, with no install, and the tests, in a virtual environment
    made first (a Debian or Ubuntu system Python refuses pip install outside one). Both call
    python3, since a system may have no python command; the first runs as written, and the
    second makes and switches to its environment in sh as written (the install and the
    test run are CI's: check_quick_start_test_command)."""
    quick = section("Quick start")
    block = re.search(r"```sh\n(.*?)```", quick, re.S).group(1).splitlines()
    assert block == ["python3 -m pure", QUICK_START_TEST]
    assert not re.search(r"(^|\s)python -m pip", QUICK_START_TEST.split("activate")[0])
    assert "externally-managed-environment" in quick and "Windows" in quick
    assert re.search(r"\d+ s on a 2-core machine", quick), "say how long the tests take"
    make_and_switch = QUICK_START_TEST.split(" && python -m pip")[0]
    probe = 'python -c "import sys; print(sys.prefix)"'
    line = make_and_switch.replace("python3 ", shlex.quote(sys.executable) + " ", 1)
    result = subprocess.run(["sh", "-c", f"{line} && {probe} && python -m pure"],
                            cwd=str(clone), env=clean_env(), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    prefix, *demo = result.stdout.splitlines()
    assert Path(prefix).resolve() == (clone / ".venv").resolve()
    assert demo[0].startswith("Linear regression (pure)")


def test_a_learner_reads_the_quick_start_the_first_lesson_the_api_then_the_command_line():
    titles = re.findall(r"^## (.+)$", README, re.M)
    order = ["Quick start", "The first lesson: one update by hand", "Using the models",
             "Command line"]
    assert titles[:4] == order, titles[:4]
    assert "[the API](#api-identical-in-both-twins)" in section("Command line")
    assert "above" not in " ".join(re.findall(r"as in the \w+ above", README))


def slug(title):
    """The anchor GitHub gives a heading."""
    title = re.sub(r"[^\w\- ]", "", title.strip().lower().replace("`", ""))
    return title.replace(" ", "-")


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_link_resolves(name):
    text = DOCUMENTS[name]
    here = (ROOT / name).parent
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"\w+://", target):
            continue
        path, _, anchor = target.partition("#")
        document = (here / path).resolve() if path else (ROOT / name).resolve()
        assert document.exists(), f"{name}: the link {target!r} leads nowhere"
        if anchor:
            headings = re.findall(r"^#+ (.+)$", document.read_text(encoding="utf-8"), re.M)
            assert anchor in {slug(h) for h in headings}, f"{name}: no heading #{anchor}"


def test_every_reference_page_is_linked_from_the_readme():
    pages = [name for name in DOCUMENTS if name != "README.md"]
    assert pages, "the reference pages in docs/"
    for name in pages:
        assert f"]({name})" in README, f"the README does not link {name}"


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_no_issue_numbers(name):
    found = re.findall(r"\b[Ii]ssues?\s+#?\d+", DOCUMENTS[name])
    assert not found, f"{name} names {found}: a reader has no issue tracker"


def test_the_newton_timing_refers_to_the_performance_table():
    """One number measured once drifts: the mathematics says where the measurement is."""
    newton = section("The mathematics").split("### The normal equation and Newton's method")[1]
    newton = newton.split("\n### ")[0]
    for sentence in re.split(r"(?<=\.)\s", " ".join(newton.split())):
        if "gradient-descent update" in sentence:
            assert not re.search(r"\b\d+ gradient-descent updates", sentence), sentence
    assert "[Performance](#performance)" in newton
