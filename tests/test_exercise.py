"""The exercise generator (python -m pure exercise) and its grader (python -m pure check on an
exercise file): round trips for every model and twin, slips named on their step only, and the
attacks a submission may try on its grade."""

import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pure.tools import cli, exercise, grade, lesson

COMBOS = [(model, twin) for twin in ("pure", "vectorized") for model in exercise.MODELS]
POINTS = (1, 2, 3, 4)
ROOT = Path(__file__).resolve().parent.parent


def make(tmp_path, model, twin, points=POINTS):
    if twin == "vectorized":  # the grader runs the NumPy lesson for its values
        pytest.importorskip("numpy")
    student, solution = exercise.generate(model, twin, exercise.OFFERED, points)
    names = exercise.file_names(model, twin)
    (tmp_path / names[0]).write_text(student)
    (tmp_path / names[1]).write_text(solution)
    return tmp_path / names[0], tmp_path / names[1]


def region(text, step):
    """(start, end) of the solution of ``step`` in an instructor's file."""
    marker = re.search(rf"^\s*# Step {step}:.*$", text, re.M)
    begin = text.index(exercise.BEGIN, marker.end())
    start = text.index("\n", begin) + 1
    return start, text.index(exercise.END, start)


def with_step(text, step, change):
    """The instructor's file with ``change`` applied to the solution of ``step`` only."""
    start, end = region(text, step)
    changed = change(text[start:end])
    assert changed != text[start:end], "the slip did not apply"
    return text[:start] + changed + text[end:]


def replace_step(text, step, code):
    """The instructor's file with the solution of ``step`` replaced by ``code``."""
    start, end = region(text, step)
    indent = re.match(r"[ ]*", text[start:end]).group(0)
    end_line = text.rindex("\n", 0, end) + 1  # the END line, from its indentation
    return (text[:start] + "".join(indent + line + "\n" for line in code.split("\n"))
            + text[end_line:])


def verdicts(grading):
    return {v.step: (v.status, v.code) for v in grading.verdicts}


@pytest.mark.parametrize("model, twin", COMBOS)
def test_round_trip(tmp_path, model, twin):
    """The instructor's file, and the student's filled with the lesson's code, get full marks;
    the blank one 0, every step "not written yet"."""
    student, solution = make(tmp_path, model, twin)
    text = solution.read_text()
    filled = tmp_path / "filled.py"
    filled.write_text("".join(line for line in text.splitlines(True)
                              if line.strip() not in (exercise.BEGIN, exercise.END)))
    for path in (solution, filled):
        result = grade.grade(str(path))
        assert verdicts(result) == {k: ("passed", "") for k in exercise.OFFERED}, \
            grade.report(result)
        assert result.score == result.max_score == sum(POINTS)
    blank = grade.grade(str(student))
    assert verdicts(blank) == {k: ("not written yet", "") for k in exercise.OFFERED}
    assert blank.score == 0
    assert "Traceback" not in grade.report(blank)


def test_nbgrader_makes_the_same_student_file(tmp_path):
    """nbgrader's ClearSolutions (each region from a BEGIN SOLUTION line to an END SOLUTION
    line replaced, at its indentation, by its stub) turns the instructor's file into the
    student's, but for the stub's message; the grader takes both as "not written yet"."""
    for model, twin in COMBOS:
        student, solution = exercise.generate(model, twin, exercise.OFFERED, POINTS)
        cleared = re.sub(r"^( *)### BEGIN SOLUTION\n.*?^ *### END SOLUTION\n",
                         lambda m: f"{m.group(1)}# YOUR CODE HERE\n"
                                   f"{m.group(1)}raise NotImplementedError()\n",
                         solution, flags=re.M | re.S)
        assert cleared == re.sub(r'raise NotImplementedError\("Step \d: [a-z ]+"\)',
                                 "raise NotImplementedError()", student)
    path = tmp_path / "cleared.py"
    path.write_text(cleared)
    if twin == "vectorized":
        pytest.importorskip("numpy")
    assert {v.status for v in grade.grade(str(path)).verdicts} == {"not written yet"}


@pytest.mark.parametrize("model, twin", COMBOS)
def test_student_file_runs(tmp_path, model, twin):
    """The student's file imports, keeps the markers with their whole formulas, holds no exact
    solver, and once filled its class fits as the lesson's does."""
    student, solution = make(tmp_path, model, twin)
    source = lesson.Source(exercise.lesson_path(model, twin))
    text = student.read_text()
    for step in lesson.steps(source):
        for n in range(step.marker, step.marker_last + 1):  # continuation lines too
            assert source.lines[n - 1] + "\n" in text
    for k in exercise.OFFERED:
        assert f'raise NotImplementedError("Step {k}: ' in text
    assert "BEGIN SOLUTION" not in text
    assert "def _solve_symmetric" not in text and "def _householder" not in text

    def load(path):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    name = grade.class_name(source, lesson.steps(source)[0])
    blank, full = load(student), load(solution)
    reference = importlib.import_module(f"{twin}.{model}_regression")
    case = grade.make_cases(model, 3)[1]
    np = importlib.import_module("numpy") if twin == "vectorized" else None
    X, y = (np.array(case.X), np.array(case.y)) if np else (case.X, case.y)
    with pytest.raises(NotImplementedError, match="Step 1: forward pass"):
        getattr(blank, name)(**case.params).fit(X, y)
    mine = getattr(full, name)(**case.params).fit(X, y)
    theirs = getattr(reference, name)(**case.params).fit(X, y)
    for a, b in ((mine.cost_history, theirs.cost_history), (mine.weights, theirs.weights)):
        a, b = grade.numbers(grade.encode(a))[0], grade.numbers(grade.encode(b))[0]
        assert grade.close(a, b, 1e-9)
    if model != "softmax":  # the exact solver's stand-in says what to do
        solver = "newton" if model == "logistic" else "normal"
        with pytest.raises(NotImplementedError, match='use solver="gd"'):
            getattr(blank, name)(solver=solver).fit(X, y)


SLIPS = [  # (step, the slip's code, the change to the lesson's code of that step)
    (1, "mismatch", lambda code: re.sub(r" \+ b\b(\[k\])?", "", code, count=1)),
    (2, "factor-2", lambda code: re.sub(r"/ (\(2 \* m_b\)|m_b)", r"/ \1 / 2", code, count=1)),
    (3, "missing-1/m", lambda code: code.replace(" / m_b", "")),
    (3, "bias-regularized", lambda code: code.replace(
        "/ m_b for k in range(K)]", "/ m_b + l2 / m * b[k] for k in range(K)]")
        if "for k in range(K)]" in code else  # pure softmax: b is a list
        re.sub(r"(grad_b = .*?/ m_b)", r"\1 + l2 / m * b", code, count=1)),
    (4, "sign", lambda code: code.replace("- learning_rate", "+ learning_rate")),
]


def _appended(line):
    """A change that adds ``line`` after a step's code, at its indentation."""
    def change(code):
        indent = re.match(r"[ ]*", code).group(0)
        body = code.rstrip(" ")  # the region ends with the END line's indentation
        return (body + "".join(indent + part + "\n" for part in line.split("\n"))
                + code[len(body):])
    return change


MORE_SLIPS = [  # the rest of the checker's gallery that a step of the exercise can show
    (1, "raised", lambda code: re.sub(r"^( *)", r"\1raise ValueError('a slip')\n\1", code,
                                      count=1)),
    (2, "penalty-scale", lambda code: code.replace("l2 / (2 * m)", "l2 / m", 1)),
    (3, "wrong-shape", None),  # one more entry in the weights' gradient (below, by twin)
]
# Not applicable to a step of the exercise, each for its reason: "timeout" is an attack below;
# "sequential-update" needs the gradient recomputed between the updates of w and b, which
# Step 3 computes once before Step 4; "cost-gradient-mismatch" is a mismatch of one step here,
# as each step is compared with the lesson alone; "log-of-zero", "sigmoid-overflow" and
# "column-y-broadcast" need data the grader's small cases do not have (saturated sigmoids, a
# column y), so on them the naive code is right.


@pytest.mark.parametrize("model, twin", COMBOS)
def test_more_slips_cost_their_step_only(tmp_path, model, twin):
    """The other slips of the checker's gallery, each on its step: named there, and costing
    that step's points only."""
    _, solution = make(tmp_path, model, twin)
    text = solution.read_text()
    name = exercise.steps_of(exercise.Exercise(model, twin, (3,), (1,)))[3].outputs[0]
    longer = (f"{name} = {name} + {name}[:1]" if twin == "pure" else
              f"{name} = np.concatenate([{name}, {name}[:1]])")
    for step, code, change in MORE_SLIPS:
        path = tmp_path / f"slip_{step}_{code}.py"
        path.write_text(with_step(text, step, change or _appended(longer)))
        result = grade.grade(str(path))
        expected = {k: ("passed", "") for k in exercise.OFFERED}
        expected[step] = ("failed", code)
        assert verdicts(result) == expected, grade.report(result)
        assert result.score == sum(POINTS) - POINTS[step - 1]
        assert f"[{code}]" in grade.report(result)


@pytest.mark.parametrize("model, twin", COMBOS)
def test_slips_cost_their_step_only(tmp_path, model, twin):
    """Each slip applied to one step is named on that step; the others pass."""
    _, solution = make(tmp_path, model, twin)
    text = solution.read_text()
    for step, code, change in SLIPS:
        path = tmp_path / f"slip_{step}_{code.replace('/', '_')}.py"
        path.write_text(with_step(text, step, change))
        result = grade.grade(str(path))
        expected = {k: ("passed", "") for k in exercise.OFFERED}
        expected[step] = ("failed", code)
        assert verdicts(result) == expected, grade.report(result)
        assert result.score == sum(POINTS) - POINTS[step - 1]
        report = grade.report(result)
        assert f"[{code}]" in report and "expected" in report  # public: the numbers shown
        if step == {"linear": 2, "logistic": 3, "softmax": 4}[model]:
            hidden = grade.report(grade.grade(str(path), seed=12345))
            assert f"[{code}]" in hidden and "expected" not in hidden and "hidden case" in hidden


def test_command_line(tmp_path, capsys):
    """exercise writes both files; check grades one, with --points and --gradescope."""
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run([sys.executable, "-m", "pure", "exercise", "logistic", "--steps",
                             "2,3", "--points", "2,3", "--out", str(out)], cwd=str(ROOT),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    student = out / "logistic_pure_exercise.py"
    assert student.read_text().startswith(
        "# Exercise: logistic regression, pure twin, steps 2,3; points 2,3\n")
    assert 'raise NotImplementedError("Step 1' not in student.read_text()  # kept whole
    target = tmp_path / "results" / "results.json"
    assert cli.main(["check", str(student), "--gradescope", str(target)]) == 1
    assert "Step 2: cost:          not written yet" in capsys.readouterr().out
    results = json.loads(target.read_text())
    assert results["score"] == 0 and "Score: 0/5" in results["output"]
    assert [(t["name"], t["score"], t["max_score"], t["status"], t["visibility"])
            for t in results["tests"]] == [("Step 2: cost", 0, 2, "failed", "visible"),
                                           ("Step 3: gradient", 0, 3, "failed", "visible")]
    assert all(t["output"] for t in results["tests"])
    solution = out / "logistic_pure_solution.py"
    assert cli.main(["check", str(solution), "--points", "1,1"]) == 0
    assert "Score: 2/2" in capsys.readouterr().out
    assert cli.main(["exercise", "logistic", "--steps", "1,5", "--out", str(out)]) == 2
    assert "Step 5, stop, is a break" in capsys.readouterr().err
    assert cli.main(["check", str(solution), "--points", "1,2,3"]) == 2
    assert "--points must be 2 numbers" in capsys.readouterr().err


# ---- Attacks: each as a submission; the grader stays alive and gives what it earns ----------

def attack(tmp_path, prelude="", step=None, code=None, timeout=grade.DEFAULT_TIMEOUT):
    """Grade the pure logistic solution with ``prelude`` run at import and ``code`` in place
    of ``step``'s solution."""
    _, solution = make(tmp_path, "logistic", "pure")
    text = solution.read_text()
    if code is not None:
        text = replace_step(text, step, code)
    marker = text.index('"""', text.index('"""') + 3) + 4  # after the module docstring
    text = text[:marker] + prelude + text[marker:]
    path = tmp_path / "attack.py"
    path.write_text(text)
    return grade.grade(str(path), timeout=timeout)


def others_pass(result, step, code):
    expected = {k: ("passed", "") for k in exercise.OFFERED}
    expected[step] = ("failed", code)
    assert verdicts(result) == expected, grade.report(result)
    assert result.score == sum(POINTS) - POINTS[step - 1]


def test_exit_in_a_step(tmp_path):
    others_pass(attack(tmp_path, step=2, code="import os\nos._exit(0)"), 2, "exited")


def test_exit_at_import(tmp_path):
    result = attack(tmp_path, "import os\nos._exit(0)\n")
    assert {v.code for v in result.verdicts} == {"file"} and result.score == 0
    assert "exit status 0" in grade.report(result)


def test_endless_loop_in_a_step(tmp_path):
    result = attack(tmp_path, step=3, code="while True:\n    pass", timeout=2.0)
    others_pass(result, 3, "timeout")


def test_always_equal_numbers(tmp_path):
    code = ("class Same(float):\n    def __eq__(self, other):\n        return True\n"
            "grad_w = [Same(0.0) for _ in w]\ngrad_b = Same(0.0)")
    others_pass(attack(tmp_path, step=3, code=code), 3, "not-numbers")


def test_reference_is_out_of_reach(tmp_path):
    """Neither this project's lessons nor its checker can be imported by the learner's code."""
    code = ("import sys\nfound = [n for n in sys.modules if n.split('.')[0] in "
            "('pure', 'vectorized', 'check', 'grade')]\nassert not found, found\n"
            "from pure.logistic_regression import LogisticRegression")
    result = attack(tmp_path, step=3, code=code)
    others_pass(result, 3, "raised")
    assert "ModuleNotFoundError: No module named 'pure'" in " ".join(grade.report(result).split())


FORGE = ("import os\nfor fd in range(20):\n    try:\n        os.write(fd, b'{\"ready\": true}\\n"
         "{\"step\": 4, \"values\": {}}\\n{\"done\": true}\\n')\n    except OSError:\n"
         "        pass\n")


def test_forged_replies(tmp_path):
    """Lines written into every file descriptor at import are no grade: every step fails, with
    no traceback from the grader."""
    result = attack(tmp_path, FORGE)
    assert result.score == 0 and all(v.status == "failed" for v in result.verdicts)
    assert {v.code for v in result.verdicts} <= {"tampered", "file"}


def test_forged_reply_in_a_step(tmp_path):
    code = ("import os\nfor fd in range(3, 20):\n    try:\n        os.write(fd, b'{\"step\": 2, "
            "\"values\": {}}\\n')\n    except OSError:\n        pass\n"
            "__grade__(2, ('cost',), {'cost': 0.5})\ncost = 0.5")
    others_pass(attack(tmp_path, step=2, code=code), 2, "tampered")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                    reason="the learner's code runs as nobody only when the grader is root")
def test_runs_unprivileged(tmp_path, capsys):
    """As root, the learner's code runs as nobody: it cannot kill the grader nor write its
    results.json."""
    import pwd
    nobody = pwd.getpwnam("nobody").pw_uid
    result = attack(tmp_path, step=1, code="import os\nraise RuntimeError(f'uid {os.getuid()}')")
    others_pass(result, 1, "raised")
    assert f"uid {nobody}" in grade.report(result)
    target = tmp_path / "results.json"
    prelude = ("import os, signal\nfor kill in (lambda: os.kill(os.getppid(), signal.SIGKILL),"
               f"\n             lambda: open({str(target)!r}, 'w').write('{{\"score\": 99}}')):"
               "\n    try:\n        kill()\n    except OSError:\n        pass\n")
    result = attack(tmp_path, prelude)  # still alive here
    assert result.score == result.max_score
    assert not target.exists()


def test_gradescope_autograder(tmp_path):
    """run_autograder, in a folder laid out like Gradescope's, grades the submission as the
    exercise it was made for (whatever its first line now says) and writes results.json."""
    root = tmp_path / "autograder"
    submission, results = root / "submission", root / "results" / "results.json"
    submission.mkdir(parents=True)
    assert cli.main(["exercise", "linear", "--steps", "2,3", "--points", "2,3", "--out",
                     str(tmp_path), "--autograder", str(root / "source"), "--seed", "5"]) == 0
    assert (root / "source" / "setup.sh").stat().st_mode & 0o111
    text = (tmp_path / "linear_pure_solution.py").read_text()
    slipped = with_step(text, 3, SLIPS[2][2]).replace("steps 2,3; points 2,3", "steps 2; points 9")
    (submission / "mine.py").write_text(slipped)
    bin_dir = tmp_path / "bin"  # python3 is the interpreter running these tests
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    env = dict(os.environ, AUTOGRADER_ROOT=str(root),
               PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env,
                         capture_output=True, text=True, cwd=str(tmp_path))
    assert run.returncode == 0, run.stderr
    found = json.loads(results.read_text())
    assert found["score"] == 2 and "Score: 2/5" in found["output"]
    assert "hidden case" in found["output"] and "expected" not in found["output"]
    assert [(t["name"], t["score"], t["max_score"], t["status"]) for t in found["tests"]] == [
        ("Step 2: cost", 2, 2, "passed"), ("Step 3: gradient", 0, 3, "failed")]
    assert all(set(t) == {"name", "score", "max_score", "status", "output", "visibility"}
               for t in found["tests"])
    (submission / "mine.py").unlink()  # nothing to grade: a zero that says why
    subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env,
                   capture_output=True, text=True, cwd=str(tmp_path))
    found = json.loads(results.read_text())
    assert found["score"] == 0 and "upload one: linear_pure_exercise.py" in found["output"]


def test_a_file_that_does_not_run(tmp_path):
    """A syntax error or an exception at import: every step fails with the reason, no
    traceback, the grader alive."""
    student, _ = make(tmp_path, "softmax", "pure")
    text = student.read_text()
    for broken, said in ((text.replace("import math\n", "import math\nif True\n"),
                          "SyntaxError"), (text + "undefined_name\n", "NameError")):
        student.write_text(broken)
        result = grade.grade(str(student))
        assert {(v.status, v.code) for v in result.verdicts} == {("failed", "file")}
        assert said in grade.report(result) and "Traceback" not in grade.report(result)


# ---- In the browser: no worker process, the learner's code in-process with a line cap --------

@pytest.fixture(params=["emscripten", "popen-fails"])
def no_subprocess(request, monkeypatch):
    """A Python where no worker process can start: Pyodide's sys.platform, or a Popen that
    raises OSError as it does where processes are missing. Popen is made to fail in both, so
    a worker started anyway fails the test."""
    def refused(*args, **kwargs):
        if request.param == "emscripten":
            raise AssertionError("a worker process was started on emscripten")
        raise OSError("processes cannot be started here")
    monkeypatch.setattr(subprocess, "Popen", refused)
    if request.param == "emscripten":
        monkeypatch.setattr(sys, "platform", "emscripten")
    return request.param


@pytest.mark.parametrize("model, twin", COMBOS)
def test_in_process_round_trip_and_slips(tmp_path, model, twin, no_subprocess):
    student, solution = make(tmp_path, model, twin)
    full = grade.grade(str(solution))
    assert verdicts(full) == {k: ("passed", "") for k in exercise.OFFERED}, grade.report(full)
    assert "in this process, with a cap of" in " ".join(grade.report(full).split())
    blank = grade.grade(str(student))
    assert verdicts(blank) == {k: ("not written yet", "") for k in exercise.OFFERED}
    text = solution.read_text()
    for step, code, change in SLIPS:
        path = tmp_path / f"slip_{step}.py"
        path.write_text(with_step(text, step, change))
        expected = {k: ("passed", "") for k in exercise.OFFERED}
        expected[step] = ("failed", code)
        assert verdicts(grade.grade(str(path))) == expected


def test_in_process_endless_loop_hits_the_cap(tmp_path, no_subprocess):
    """An endless loop stops at the line cap and fails its step alone; the report says a cap
    stood in for the time limit."""
    loop = "k = 0\nwhile True:\n    k = abs(k) + 1"
    result = attack(tmp_path, step=3, code=loop)
    others_pass(result, 3, "timeout")
    said = " ".join(grade.report(result).split())
    assert "lines ran without a reply" in said and "instead of a time limit" in said


def test_in_process_attacks(tmp_path, no_subprocess):
    """In-process too, numbers whose == is always true stay behind and a forged call to the
    exchange fails its step."""
    code = ("class Same(float):\n    def __eq__(self, other):\n        return True\n"
            "grad_w = [Same(0.0) for _ in w]\ngrad_b = Same(0.0)")
    others_pass(attack(tmp_path, step=3, code=code), 3, "not-numbers")
    code = "__grade__(2, ('cost',), {'cost': 0.5})\ncost = 0.5"
    others_pass(attack(tmp_path, step=2, code=code), 2, "tampered")


STEAL = '''import re, textwrap
with open({lesson!r}, "rb") as handle:  # bytes: no codec to import as nobody
    lesson_text = handle.read().decode("utf-8")
code = re.search(r"# Step 3:[^\\n]*\\n(.*?)\\n[ ]*# Step 4:", lesson_text, re.S).group(1)
space = dict(globals())
space.update(locals())
exec(textwrap.dedent(code), space)
grad_w, grad_b = space["grad_w"], space["grad_b"]'''


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                    reason="the autograder locks the lessons away only when it runs as root "
                           "(as Gradescope's and CI do)")
def test_autograder_lessons_unreadable_to_the_submission(tmp_path):
    """A submission that opens the lesson file by its path and runs its Step 3 code: it
    passes where the file is readable, and fails Step 3 with a PermissionError line under
    run_autograder, which makes the lessons readable by root alone."""
    import tempfile
    root = Path(tempfile.mkdtemp(prefix="autograder-"))  # /tmp: any user may pass through
    try:
        os.chmod(str(root), 0o755)
        source, submission = root / "source", root / "submission"
        submission.mkdir()
        assert cli.main(["exercise", "logistic", "--points", "1,2,3,4", "--out", str(tmp_path),
                         "--autograder", str(source)]) == 0
        os.chmod(str(source), 0o755)  # as an unzipped upload may be
        lesson_file = source / "pure" / "logistic_regression.py"
        text = (tmp_path / "logistic_pure_solution.py").read_text()
        stolen = replace_step(text, 3, STEAL.format(lesson=str(lesson_file)))
        (submission / "mine.py").write_text(stolen)
        readable = grade.grade(str(submission / "mine.py"))  # the lesson still readable
        assert readable.score == sum(POINTS), grade.report(readable)  # the attack works
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        (bin_dir / "python3").symlink_to(sys.executable)
        env = dict(os.environ, AUTOGRADER_ROOT=str(root),
                   PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
        run = subprocess.run(["bash", str(source / "run_autograder")], env=env,
                             capture_output=True, text=True, cwd=str(tmp_path))
        assert run.returncode == 0, run.stderr
        found = json.loads((root / "results" / "results.json").read_text())
        assert found["score"] == sum(POINTS) - POINTS[2], found["output"]
        step_3 = next(t for t in found["tests"] if t["name"] == "Step 3: gradient")
        assert step_3["score"] == 0 and "[raised]" in step_3["output"]
        assert "PermissionError" in " ".join(step_3["output"].split())
        assert "readable by root alone" in run.stdout
    finally:
        import shutil
        shutil.rmtree(str(root), ignore_errors=True)


@pytest.mark.parametrize("model, twin", COMBOS)
def test_nothing_gives_a_blanked_step_away(tmp_path, model, twin):
    """With step k blanked, no line of the student's file is a line of the lesson's Step k
    (whitespace aside); with Step 2 blanked, cost() says it is left out and the end-of-fit
    check still refuses parameters whose scores overflow."""
    if twin == "vectorized":
        np = pytest.importorskip("numpy")
    source = exercise.read_lesson(model, twin)
    for step in lesson.steps(source):
        if step.number not in exercise.OFFERED:
            continue
        student, _ = exercise.generate(model, twin, (step.number,))
        mine = {" ".join(line.split()) for line in student.split("\n")}
        code = [" ".join(source.lines[n - 1].split()) for n in range(step.first, step.last + 1)]
        given = [line for line in code if line and not line.startswith("#") and line in mine]
        assert not given, (step.heading, given)
    student, _ = exercise.generate(model, twin, (2,))
    assert "def _cost(" in student and "return history.finish" in student
    path = tmp_path / "blank_2.py"
    path.write_text(student)
    spec = importlib.util.spec_from_file_location("blank_2", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with pytest.raises(NotImplementedError, match="it is Step 2"):
        module._cost()
    K = 3 if model == "softmax" else None
    X = [[1e300, 2.0], [1.0, -1.0]]
    w = [[1e300, 0.0]] * K if K else [1e300, 0.0]
    b = [0.0] * K if K else 0.0
    small = [[0.5, 0.0]] * K if K else [0.5, 0.0]
    if twin == "vectorized":
        X, w, b, small = np.array(X), np.array(w), np.array(b), np.array(small)
    assert module._end_of_fit(X, None, small, b, 0.0) == 0.0
    assert module._end_of_fit(X, None, w, b, 0.0) != module._end_of_fit(X, None, w, b, 0.0)
