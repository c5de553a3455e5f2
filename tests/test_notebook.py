"""The notebooks of ``python -m pure exercise --notebook``: valid nbformat 4.5 with nbgrader's
cell metadata (schema version 3), and run in a real Jupyter kernel: the instructor's passes its
self-check, the student's reports each step "not written yet". Needs nbformat (and nbclient
with ipykernel to run them): tox -e notebook, or .ci/run; skipped in the main suite."""

import json
import re

import pytest

from pure.tools import exercise

nbformat = pytest.importorskip("nbformat")
POINTS = (1, 2, 3, 2)
GRADE_ID = re.compile(r"^[a-zA-Z0-9_\-]*$")
NBGRADER_KEYS = {"schema_version", "grade", "solution", "locked", "grade_id", "points"}


@pytest.mark.parametrize("model, twin", [(m, t) for t in ("pure", "vectorized")
                                         for m in exercise.MODELS])
def test_valid_notebooks_with_nbgrader_metadata(model, twin):
    for text in exercise.notebooks(model, twin, exercise.OFFERED, POINTS):
        book = nbformat.reads(text, as_version=4)
        nbformat.validate(book)
        assert (book.nbformat, book.nbformat_minor) == (4, 5)
        assert book.metadata.kernelspec.name == "python3"
        ids = [cell.metadata.nbgrader.grade_id for cell in book.cells]
        assert len(set(ids)) == len(ids) and all(GRADE_ID.match(i) for i in ids)
        for cell in book.cells:
            meta = cell.metadata.nbgrader
            assert set(meta) <= NBGRADER_KEYS and meta.schema_version == 3
            assert ("points" in meta) == meta.grade
            assert meta.locked != meta.solution
        solutions = [c for c in book.cells if c.metadata.nbgrader.solution]
        assert len(solutions) == 1 and solutions[0].cell_type == "code"
        graded = [c.metadata.nbgrader.points for c in book.cells if c.metadata.nbgrader.grade]
        assert graded == list(POINTS)
        maths = book.cells[1].source
        assert maths.count("$$") == 2 * len(exercise.OFFERED)
        for formula in re.findall(r"\$\$(.*?)\$\$", maths):
            assert formula.count("{") == formula.count("}")
            assert not re.search(r"(?<!\\)\b(sum_|lambda|alpha|dJ/d|y_hat)", formula), formula
    student, solution = (json.loads(t) for t in exercise.notebooks(model, twin, (2, 3), (1, 1)))
    assert "### BEGIN SOLUTION" in solution["cells"][3]["source"]
    assert 'raise NotImplementedError("Step 3: gradient")' in student["cells"][3]["source"]


def test_notebooks_run_in_a_kernel(tmp_path):
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    runs = {}
    for name, text in zip(("student", "instructor"),
                          exercise.notebooks("logistic", "pure", exercise.OFFERED, POINTS)):
        book = nbformat.reads(text, as_version=4)
        nbclient.NotebookClient(book, timeout=120, allow_errors=True,
                                resources={"metadata": {"path": str(tmp_path)}}).execute()
        runs[name] = book

    def text(cell):
        return "".join(o.get("text", "") + o.get("evalue", "") for o in cell.outputs)
    student, instructor = runs["student"], runs["instructor"]
    for book in (student, instructor):  # the code cells run without an error
        assert not [o for c in book.cells[2:5] for o in c.outputs if o.output_type == "error"]
    assert "Score: 8/8" in text(instructor.cells[5])
    assert not [o for c in instructor.cells for o in c.get("outputs", [])
                if o.output_type == "error"]
    assert text(student.cells[5]).count("not written yet") == 4
    assert "Score: 0/8" in text(student.cells[5])
    for cell in student.cells[6:]:  # each graded cell fails: nbgrader gives it 0
        assert [o.ename for o in cell.outputs if o.output_type == "error"] == ["AssertionError"]


def test_nbgrader_validates_them_and_clears_the_instructors_into_the_students():
    """nbgrader's own metadata validator accepts both notebooks, and its ClearSolutions (what
    generate_assignment runs) turns the instructor's into the student's, but for the stub's
    message."""
    pytest.importorskip("nbgrader")
    from nbgrader.nbgraderformat import MetadataValidator
    from nbgrader.preprocessors import ClearSolutions
    for model in exercise.MODELS:
        student, solution = (nbformat.reads(text, as_version=4) for text in
                             exercise.notebooks(model, "pure", exercise.OFFERED, POINTS))
        for book in (student, solution):
            MetadataValidator().validate_nb(book)
        cleared, _ = ClearSolutions().preprocess(solution, {})
        assert [c.source for c in cleared.cells] == [
            re.sub(r'raise NotImplementedError\("Step \d: [a-z ]+"\)',
                   "raise NotImplementedError()", c.source) for c in student.cells]


def test_readme_shows_the_rendered_notebook():
    """The course-staff section of the README shows the student's notebook as Jupyter renders
    it: a PNG (its signature, a sensible size) under docs/, referenced from that section."""
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    picture = root / "docs" / "exercise_notebook.png"
    data = picture.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and 20_000 < len(data) < 300_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1600)
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For course staff", 1)[1].split("\n## ", 1)[0]
    assert "](docs/exercise_notebook.png)" in section and "nbconvert" in section


def test_nbgrader_generate_assignment_yields_the_students_code(tmp_path):
    """nbgrader's own command, generate_assignment, run on the instructor's notebook in a
    course folder, releases the student's notebook: the same cells, the same code, but for
    the stub's message."""
    pytest.importorskip("nbgrader")
    import subprocess
    import sys
    student, solution = exercise.notebooks("softmax", "pure", exercise.OFFERED, POINTS)
    (tmp_path / "source" / "ps1").mkdir(parents=True)
    (tmp_path / "source" / "ps1" / "softmax.ipynb").write_text(solution, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", "ps1",
                          "--force"], cwd=str(tmp_path), capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    released = nbformat.read(str(tmp_path / "release" / "ps1" / "softmax.ipynb"), as_version=4)
    expected = nbformat.reads(student, as_version=4)
    assert [c.cell_type for c in released.cells] == [c.cell_type for c in expected.cells]
    assert [c.source for c in released.cells] == [
        re.sub(r'raise NotImplementedError\("Step \d: [a-z ]+"\)', "raise NotImplementedError()",
               c.source) for c in expected.cells]


def test_notebook_self_check_without_processes(tmp_path):
    """In a kernel where no process can start (JupyterLite, Pyodide; simulated here by a first
    cell that makes Popen fail), the self-check grades the class of the notebook itself, in
    the kernel, and says so."""
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    _, solution = exercise.notebooks("linear", "pure", exercise.OFFERED, POINTS)
    book = nbformat.reads(solution, as_version=4)
    book.cells.insert(0, nbformat.v4.new_code_cell(
        "import subprocess\n\ndef refused(*args, **kwargs):\n"
        "    raise OSError('no processes in this kernel')\n\nsubprocess.Popen = refused"))
    nbclient.NotebookClient(book, timeout=120, allow_errors=True,
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    check = book.cells[6]
    assert check.metadata.nbgrader.grade_id == "self_check"
    said = " ".join("".join(o.get("text", "") for o in check.outputs).split())
    assert "Score: 8/8" in said and "ran in this process, with a cap of" in said
    assert not [o for c in book.cells for o in c.get("outputs", []) if o.output_type == "error"]
