"""The command line on real files: outputs never clobber an input, the CSV dialects people
have, one-line errors for every bad input, progress on a terminal.

Every case runs through both twins' command lines, ``python -m pure`` and ``python -m
vectorized``, in this process: bad input gives one line on standard error and exit status 2
and changes no file; good input prints the same text from both. A few runs are real
subprocesses (a broken pipe, a pseudo-terminal).
"""

import importlib.util
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pure.tools import cli, datasets

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pure" / "tools" / "data"
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
BACKENDS = ["pure", "vectorized"] if HAVE_NUMPY else ["pure"]
STACKLOSS = (DATA / "stackloss.csv").read_text(encoding="utf-8")


def run(capsys, backend, *args):
    status = cli.main([str(arg) for arg in args], backend=backend)
    out, err = capsys.readouterr()
    return status, out, err.replace(f"python -m {backend}", "python -m TWIN")


def snapshot(folder):
    """Every file under ``folder``: its bytes and its mode, to prove nothing changed."""
    return {str(path.relative_to(folder)): (path.read_bytes(), stat.S_IMODE(path.lstat().st_mode))
            for path in sorted(folder.rglob("*")) if path.is_file() and not path.is_symlink()}


def fails_alike(capsys, folder, *args):
    """Run both twins; each must print one error line, exit 2 and leave every file as it was.
    Returns the error line."""
    before = snapshot(folder)
    errors = set()
    for backend in BACKENDS:
        status, out, err = run(capsys, backend, *args)
        assert status == 2, (backend, out, err)
        assert err.count("\n") == 1 and err.startswith("python -m TWIN: error: "), (backend, err)
        assert "Traceback" not in out + err
        assert snapshot(folder) == before, f"{backend} changed a file"
        errors.add(err)
    assert len(errors) == 1, errors  # the same message from both twins
    return errors.pop()


def works_alike(capsys, *args):
    """Run both twins; both must exit 0, print nothing on stderr and the same stdout."""
    outputs = []
    for backend in BACKENDS:
        status, out, err = run(capsys, backend, *args)
        assert status == 0 and err == "", (backend, err)
        outputs.append(out)
    assert len(set(outputs)) == 1, "the twins printed different text"
    return outputs[0]


def value_of(out, label):
    for line in out.splitlines():
        if line.strip().startswith(label + " "):
            return float(line.split()[-1])
    raise AssertionError(f"no line {label!r} in:\n{out}")


def weights_of(out):
    report = re.split(r"\nweights[^\n]*:\n", out)[1].split("\nbias")[0]
    return {line.split()[0]: float(line.split()[1]) for line in report.splitlines()}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "d.csv").write_text(STACKLOSS, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    return tmp_path


# 1. Output files are safe

def test_an_output_that_is_the_data_file_is_refused_by_path_link_and_identity(capsys, folder):
    data = folder / "d.csv"
    os.link(str(data), str(folder / "hard.csv"))
    os.symlink("d.csv", str(folder / "link.svg"))
    for target in (data, folder / "sub" / ".." / "d.csv", folder / "hard.csv",
                   folder / "link.svg"):
        err = fails_alike(capsys, folder, "linear", "--data", data, "--standardize",
                          "--svg", target)
        assert "is the data file" in err and "--svg" in err, err


def test_a_bundled_data_set_is_an_input_too(capsys, folder):
    err = fails_alike(capsys, folder, "linear", "--data", "stackloss", "--standardize",
                      "--svg", DATA / "stackloss.csv")
    assert "is the data file stackloss" in err


@pytest.mark.parametrize("where, words", [
    ("no/such/folder.svg", "there is no folder no/such"),
    ("sub", "it is a folder"),
])
def test_an_unwritable_output_is_refused_before_the_data_is_read(capsys, folder, monkeypatch,
                                                                 where, words):
    monkeypatch.chdir(folder)
    (folder / "bad.csv").write_text("x,y\n1,abc\n", encoding="utf-8")
    for data in ("bad.csv", "d.csv"):  # a bad cell, and a run that would diverge
        err = fails_alike(capsys, folder, "linear", "--data", data, "--svg", where)
        assert words in err and "cannot write --svg" in err, err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root may write anywhere")
def test_a_read_only_output_or_folder_is_refused(capsys, folder):
    locked = folder / "locked.svg"
    locked.write_text("old", encoding="utf-8")
    locked.chmod(0o444)
    assert "read-only" in fails_alike(capsys, folder, "linear", "--data", folder / "d.csv",
                                      "--standardize", "--svg", locked)
    (folder / "sub").chmod(0o555)
    try:
        err = fails_alike(capsys, folder, "linear", "--data", folder / "d.csv",
                          "--standardize", "--svg", folder / "sub" / "new.svg")
        assert "cannot write --svg" in err and "ermission denied" in err
    finally:
        (folder / "sub").chmod(0o755)


def test_an_output_replaces_an_old_file_whole_and_leaves_no_temporary_file(capsys, folder):
    old = folder / "curve.svg"
    old.write_text("an old picture", encoding="utf-8")
    old.chmod(0o640)
    out = works_alike(capsys, "linear", "--data", folder / "d.csv", "--standardize",
                      "--n-iters", "20", "--svg", old)
    assert f"cost curve written to {old}" in out
    assert old.read_text(encoding="utf-8").startswith("<?xml") and \
        old.read_text(encoding="utf-8").rstrip().endswith("</svg>")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640  # the old file's permissions are kept
    assert sorted(path.name for path in folder.iterdir()) == ["curve.svg", "d.csv", "sub"]


def test_a_new_output_gets_the_permissions_open_would_give(capsys, folder):
    umask = os.umask(0o027)
    try:
        works_alike(capsys, "linear", "--data", folder / "d.csv", "--standardize",
                    "--n-iters", "5", "--svg", folder / "new.svg")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((folder / "new.svg").stat().st_mode) == 0o640


def test_a_symbolic_link_output_writes_the_file_it_points_to(capsys, folder):
    os.symlink("sub/real.svg", str(folder / "link.svg"))
    works_alike(capsys, "linear", "--data", folder / "d.csv", "--standardize",
                "--n-iters", "5", "--svg", folder / "link.svg")
    assert (folder / "link.svg").is_symlink()
    assert "<svg" in (folder / "sub" / "real.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("option, name", [("--svg", "curve.svg"), ("--save", "model.json")])
def test_the_temporary_file_is_made_beside_the_target_not_in_the_system_temp_folder(
        capsys, folder, monkeypatch, option, name):
    """A rename is atomic only within one file system: the temporary file must be made in
    the target's own folder (here a sub-folder, which is no temp folder)."""
    made = []
    mkstemp = cli.tempfile.mkstemp

    def spy(*args, **kwargs):
        descriptor, path = mkstemp(*args, **kwargs)
        made.append(path)
        return descriptor, path

    monkeypatch.setattr(cli.tempfile, "mkstemp", spy)
    monkeypatch.setattr(cli.tempfile, "tempdir", str(folder))  # as if the temp folder were here
    target = folder / "sub" / name
    works_alike(capsys, "linear", "--data", folder / "d.csv", "--standardize", "--n-iters", "5",
                option, target)
    assert made and all(os.path.dirname(path) == str(folder / "sub") for path in made), made
    assert [path for path in made if path.endswith(".part")]  # the written file's, not a probe
    assert sorted(path.name for path in (folder / "sub").iterdir()) == [name]


@pytest.mark.parametrize("broken", ["draw", "write", "rename"])
def test_a_failure_while_writing_leaves_the_old_file_as_it_was(capsys, folder, monkeypatch,
                                                              broken):
    old = folder / "curve.svg"
    old.write_text("an old picture", encoding="utf-8")

    def fail(*args, **kwargs):
        raise {"draw": ZeroDivisionError("float division by zero"),
               "write": OSError(28, "No space left on device"),
               "rename": OSError(13, "Permission denied")}[broken]

    if broken == "draw":
        monkeypatch.setattr(cli.plot, "svg_chart", fail)
    elif broken == "write":
        monkeypatch.setattr(cli.os, "fsync", fail)
    else:
        monkeypatch.setattr(cli.os, "replace", fail)
    err = fails_alike(capsys, folder, "linear", "--data", folder / "d.csv", "--standardize",
                      "--n-iters", "5", "--svg", old)
    assert "curve.svg" in err
    assert old.read_text(encoding="utf-8") == "an old picture"
    assert sorted(path.name for path in folder.iterdir()) == ["curve.svg", "d.csv", "sub"]


def test_ctrl_c_is_one_line_and_leaves_no_file(capsys, folder, monkeypatch):
    old = folder / "curve.svg"
    old.write_text("an old picture", encoding="utf-8")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "fit_with_progress", interrupt)
    status, out, err = run(capsys, "pure", "linear", "--data", folder / "d.csv", "--svg", old)
    assert status == 130 and err == "python -m TWIN: interrupted.\n"
    assert old.read_text(encoding="utf-8") == "an old picture"
    assert sorted(path.name for path in folder.iterdir()) == ["curve.svg", "d.csv", "sub"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_data_is_refused_without_opening_it(capsys, folder):
    fifo = folder / "pipe.csv"
    os.mkfifo(str(fifo))  # opening it for reading would wait for a writer forever
    err = fails_alike(capsys, folder, "linear", "--data", fifo)
    assert "is a FIFO (named pipe), not a CSV file" in err


@pytest.mark.skipif(not os.path.exists(os.devnull) or os.name != "posix", reason="no /dev/null")
def test_a_device_and_a_folder_as_data_are_refused(capsys, folder):
    assert "is a device, not a CSV file" in fails_alike(capsys, folder, "linear", "--data",
                                                        os.devnull)
    assert "is a folder" in fails_alike(capsys, folder, "linear", "--data", folder / "sub")


# 2. The CSV files people have

EURO = "air;water;acid;loss\n" + "".join(
    ";".join(cell.replace(".", ",") for cell in line.split(",")) + "\n"
    for line in STACKLOSS.splitlines()[1:])


def test_a_european_export_reads_like_the_comma_file(capsys, folder):
    """Semicolons and decimal commas: the same numbers as the plain file, and the first line
    says how the file was read."""
    euro = folder / "euro.csv"
    euro.write_text(EURO.replace("\n", "\r\n").replace(";80;", ";80,0;"), encoding="utf-8-sig")
    plain = works_alike(capsys, "linear", "--data", folder / "d.csv", "--standardize",
                        "--n-iters", "50", "--every", "0")
    read = works_alike(capsys, "linear", "--data", euro, "--standardize", "--n-iters", "50",
                       "--every", "0")
    assert read.splitlines()[0] == ("Linear regression on euro.csv (separator ';' and decimal "
                                    "comma, detected): 21 rows, 3 features, target 'loss'")
    assert list(weights_of(read).values()) == list(weights_of(plain).values())
    assert value_of(read, "R^2") == value_of(plain, "R^2")


def test_decimal_commas_need_not_appear_in_the_first_row(capsys, folder):
    path = folder / "late.csv"
    path.write_text("x;y\n1;2\n2;4\n3,5;7\n", encoding="utf-8")
    table = datasets.open_csv(path, "late.csv")
    assert (table.delimiter, table.decimal) == (";", ",")
    assert datasets.to_xy(table, "late.csv").X == [[1.0], [2.0], [3.5]]
    out = works_alike(capsys, "linear", "--data", path, "--n-iters", "5")
    assert "(separator ';' and decimal comma, detected)" in out.splitlines()[0]


def test_thousands_points_with_decimal_commas(capsys, folder):
    path = folder / "big.csv"
    path.write_text('x;y\n"1.000,5";1\n2,5;2\n"3.000,5";3\n', encoding="utf-8")
    data = datasets.to_xy(datasets.open_csv(path, "big.csv"), "big.csv")
    assert data.X == [[1000.5], [2.5], [3000.5]]


def test_tabs_are_detected_and_the_options_override(capsys, folder):
    tabbed = folder / "t.tsv"
    tabbed.write_text(STACKLOSS.replace(",", "\t"), encoding="utf-8")
    out = works_alike(capsys, "linear", "--data", tabbed, "--standardize", "--n-iters", "5")
    assert out.splitlines()[0].startswith("Linear regression on t.tsv (separator tab, detected): "
                                          "21 rows, 3 features")
    out = works_alike(capsys, "linear", "--data", tabbed, "--delimiter", "tab", "--decimal", ".",
                      "--standardize", "--n-iters", "5")
    assert "(separator tab and decimal point, given)" in out.splitlines()[0]
    # Given a comma, the tab file is one column named with tabs: the reader says so.
    err = fails_alike(capsys, folder, "linear", "--data", tabbed, "--delimiter", ",")
    assert "only one column" in err


def test_decimal_commas_are_detected_in_tab_separated_files_too(capsys, folder):
    """A spreadsheet's "Text (tab-delimited)" export in a European language: tabs and
    decimal commas. "1,5" is the number 1.5, not a refused cell."""
    path = folder / "euro.tsv"
    path.write_text("x\ty\n1,5\t3\n2\t4,25\n3,5\t7\n", encoding="utf-8")
    table = datasets.open_csv(path, "euro.tsv")
    assert (table.delimiter, table.decimal) == ("\t", ",")
    assert datasets.to_xy(table, "euro.tsv").X == [[1.5], [2.0], [3.5]]
    out = works_alike(capsys, "linear", "--data", path, "--solver", "normal")
    assert out.splitlines()[0] == ("Linear regression on euro.tsv (separator tab and decimal "
                                   "comma, detected): 3 rows, 1 feature, target 'y'")
    assert value_of(out, "R^2") < 1.0 and weights_of(out)["x"] > 0


# Encodings: what spreadsheets write

ACID = "Säurekonzentration,Temperatur,Ausbeute\r\n1.5,20,3.1\r\n2.5,25,4.9\r\n3.5,22,7.2\r\n" \
       "4.0,30,8.1\r\n"


@pytest.mark.parametrize("name, data, said", [
    ("excel.csv", ACID.encode("cp1252"), " (encoding cp1252, detected)"),  # Excel's "CSV"
    ("utf8.csv", ACID.encode("utf-8"), ""),
    ("bom.csv", b"\xef\xbb\xbf" + ACID.encode("utf-8"), ""),  # Excel's "CSV UTF-8"
    ("unicode.txt", ACID.replace(",", "\t").encode("utf-16"),  # Excel's "Unicode Text"
     " (encoding UTF-16 and separator tab, detected)"),
    ("excel_de.csv", ACID.replace(",", ";").replace(".", ",").encode("cp1252"),
     " (encoding cp1252, separator ';' and decimal comma, detected)"),
])
def test_the_encodings_spreadsheets_write_are_read_and_named(capsys, folder, name, data, said):
    path = folder / name
    path.write_bytes(data)
    if name == "excel.csv":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")  # the real thing: these bytes are not UTF-8
        assert data.startswith(b"S\xe4ure")
    out = works_alike(capsys, "linear", "--data", path, "--solver", "normal")
    assert out.splitlines()[0] == (f"Linear regression on {name}{said}: 4 rows, 2 features, "
                                   f"target 'Ausbeute'")
    assert list(weights_of(out)) == ["Säurekonzentration", "Temperatur"]
    plain = folder / "plain.csv"
    plain.write_text(ACID, encoding="utf-8")
    assert weights_of(out) == weights_of(works_alike(capsys, "linear", "--data", plain,
                                                     "--solver", "normal"))


def test_bytes_in_no_encoding_of_a_spreadsheet_are_one_line(capsys, folder):
    path = folder / "odd.csv"
    path.write_bytes(b"x,y\n1,2\n\xe9\x81,3\n")  # 0x81 is in neither UTF-8 nor cp1252
    err = fails_alike(capsys, folder, "linear", "--data", path)
    assert "neither UTF-8 nor Windows-1252 (cp1252) text (byte 8 is not UTF-8, byte 9 not " \
           "cp1252)" in err
    (folder / "book.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00")
    err = fails_alike(capsys, folder, "linear", "--data", folder / "book.xlsx")
    assert "not a text file (byte 5 is zero)" in err and "Save it as CSV" in err


def test_a_plain_file_prints_its_first_line_as_before(capsys):
    out = works_alike(capsys, "linear", "--data", "stackloss", "--standardize", "--n-iters", "5")
    assert out.splitlines()[0] == \
        "Linear regression on stackloss: 21 rows, 3 features, target 'stack_loss'"


def test_a_saved_pandas_index_is_left_out_and_said(capsys, folder):
    lines = STACKLOSS.splitlines()
    indexed = folder / "indexed.csv"
    indexed.write_text("," + lines[0] + "\n" + "".join(
        f"{i},{line}\n" for i, line in enumerate(lines[1:])), encoding="utf-8")
    out = works_alike(capsys, "linear", "--data", indexed, "--standardize", "--n-iters", "30")
    plain = works_alike(capsys, "linear", "--data", folder / "d.csv", "--standardize",
                        "--n-iters", "30")
    first, note, *rest = out.splitlines()
    assert first == "Linear regression on indexed.csv: 21 rows, 3 features, target 'stack_loss'"
    assert note.startswith("column 1 has no name and counts 0, 1, ...: a saved row index")
    assert rest == plain.splitlines()[1:]


def test_one_hot_adds_indicator_columns_without_the_baseline(capsys, folder):
    path = folder / "pets.csv"
    rows = [("cat", 1.0, 3.0), ("dog", 2.0, 7.5), ("emu", 0.5, 4.0), ("dog", 1.5, 6.0),
            ("cat", 3.0, 5.5), ("emu", 2.5, 8.0)]
    path.write_text("pet,x,y\n" + "".join(f"{p},{x},{y}\n" for p, x, y in rows), encoding="utf-8")
    # With all three indicators the columns would sum to the bias's: no unique solution.
    out = works_alike(capsys, "linear", "--data", path, "--one-hot", "pet", "--solver", "normal")
    lines = out.splitlines()
    assert lines[0] == "Linear regression on pets.csv: 6 rows, 3 features, target 'y'"
    assert lines[1] == ("one-hot 'pet': 2 columns, pet=dog, pet=emu; baseline 'cat' is all zeros")
    assert list(weights_of(out)) == ["pet=dog", "pet=emu", "x"]
    # The weights are the least-squares fit of y on [dog, emu, x, 1], solved here by hand.
    data = datasets.to_xy(datasets.open_csv(path, "pets.csv"), "pets.csv", one_hot=["pet"])
    assert data.X[0] == [0.0, 0.0, 1.0] and data.X[1] == [1.0, 0.0, 2.0]
    w = least_squares([row + [1.0] for row in data.X], data.y)
    for name, expected in zip(["pet=dog", "pet=emu", "x"], w):
        assert weights_of(out)[name] == pytest.approx(expected, rel=1e-5, abs=1e-5)


def least_squares(A, b):
    """Solve the normal equations A^T A w = A^T b by Gauss-Jordan elimination (small, exact)."""
    n = len(A[0])
    M = [[sum(r[i] * r[j] for r in A) for j in range(n)] + [sum(r[i] * v for r, v in zip(A, b))]
         for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(M[r][col]))
        M[col], M[pivot] = M[pivot], M[col]
        for r in range(n):
            if r != col:
                f = M[r][col] / M[col][col]
                M[r] = [a - f * c for a, c in zip(M[r], M[col])]
    return [M[i][n] / M[i][i] for i in range(n)]


def test_drop_leaves_columns_out_and_says_so(capsys, folder):
    path = folder / "people.csv"
    path.write_text("id,name,x,y\n1,ann,1,2.1\n2,bob,2,3.8\n3,cy,3,6.3\n", encoding="utf-8")
    out = works_alike(capsys, "linear", "--data", path, "--drop", "id,name",
                      "--learning-rate", "0.1", "--n-iters", "3000", "--every", "0")
    assert out.splitlines()[:2] == ["Linear regression on people.csv: 3 rows, 1 feature, "
                                    "target 'y'", "left out (--drop): id, name"]
    assert value_of(out, "x") == pytest.approx(2.1, abs=1e-4)  # the least-squares slope


def test_numeric_one_hot_values_sort_as_numbers(capsys, folder):
    path = folder / "grades.csv"
    path.write_text("grade,y\n10,1\n2,0\n1,1\n2,1\n", encoding="utf-8")
    data = datasets.to_xy(datasets.open_csv(path, "g.csv"), "g.csv", one_hot=["grade"])
    assert data.features == ["grade=2", "grade=10"]


# 2. ... and what is wrong with them, in one line that says how to fix it

@pytest.mark.parametrize("content, args, words", [
    ("x,sex,y\n1,male,3\n2,female,4\n", [],
     ["column 2 ('sex')", "'male' is not a number", "--one-hot sex", "--drop sex"]),
    ("x,y,name\n1,3,a\n2,4,b\n", [],
     ["'a' is not a number", "the last column, 'name'", "--target"]),
    ("x,y\n1,3\n2,\n", [], ["line 3", "empty", "the last column, 'y'", "--target"]),
    ("x,y\n1,3\n2,x\n", ["--target", "y"], ["'x' is not a number"]),
    ("x;y\n1,5;3\n2.5;4\n", [], ["'2.5' has a decimal point", "--decimal ."]),
    ("x\ty\n1\t3\n2,5\t4\n", ["--decimal", "."], ["'2,5' is not a number", "--decimal ,"]),
    ("x,y\n1,3\n2,4\n", ["--drop", "z"], ["--drop z", "no column named 'z'", "x, y"]),
    ("x,y\n1,3\n2,4\n", ["--one-hot", "y"], ["'y' is the target", "--target"]),
    ("x,c,y\n1,a,3\n2,a,4\n", ["--one-hot", "c"], ["one value only", "--drop"]),
    ("x,c,y\n1,a,3\n2,b,4\n", ["--one-hot", "c", "--drop", "c"], ["both --drop and --one-hot"]),
    ("x,c,y\n1,,3\n2,b,4\n", ["--one-hot", "c"], ["line 2", "empty"]),
    ("c=b,c,y\n1,a,3\n2,b,4\n", ["--one-hot", "c"], ["'c=b'", "already"]),
    ("x,y\n1,3\n2,4\n", ["--drop", "x"], ["no column left besides the target"]),
    (",x,y\n0,1,3\n2,2,4\n", [], ["column 1 of the header has no name"]),
])
def test_bad_columns_get_one_line_naming_the_fix(capsys, folder, content, args, words):
    path = folder / "bad.csv"
    path.write_text(content, encoding="utf-8")
    err = fails_alike(capsys, folder, "linear", "--data", path, *args)
    for word in words:
        assert word in err, (word, err)


@pytest.mark.parametrize("model, content, words", [
    ("logistic", "x,y\n1,0\n2,3\n", ["the target is 3", "the last column, 'y'", "--target"]),
    ("softmax", "x,y\n1,0\n2,1.5\n", ["class label is 1.5", "the last column, 'y'", "--target"]),
    ("softmax", "x,y\n1,a\n2,\n", ["target is empty", "the last column, 'y'", "--target"]),
])
def test_every_target_error_says_the_last_column_was_taken(capsys, folder, model, content, words):
    path = folder / "bad.csv"
    path.write_text(content, encoding="utf-8")
    err = fails_alike(capsys, folder, model, "--data", path)
    for word in words:
        assert word in err, (word, err)
    named = fails_alike(capsys, folder, model, "--data", path, "--target", "y")
    assert "--target" not in named  # named: nothing to explain


def test_the_duplicate_header_check_handles_50000_columns(capsys, folder):
    names = [f"c{j}" for j in range(50000)]
    path = folder / "wide.csv"
    path.write_text(",".join(names + ["c49999"]) + "\n" + ",".join(["1"] * 50001) + "\n",
                    encoding="utf-8")
    err = fails_alike(capsys, folder, "linear", "--data", path)
    assert "two columns are named 'c49999'" in err


# 3. Every error is one line, and every option is checked before the data is read

@pytest.mark.parametrize("args, words", [
    (["linear"], "the following arguments are required: --data"),
    (["fit"], "invalid choice: 'fit'"),
    (["--data", "x.csv"], "name a model first"),
    (["linear", "--data", "MISSING", "--test-fraction", "1.5"], "--test-fraction"),
    (["linear", "--data", "MISSING", "--n-iters", "ten"], "--n-iters: must be a whole number"),
    (["linear", "--data", "MISSING", "--n-iters", "0"], "--n-iters: must be 1 or more"),
    (["linear", "--data", "MISSING", "--learning-rate", "0"], "--learning-rate"),
    (["linear", "--data", "MISSING", "--l2", "-1"], "--l2: must be 0 or more"),
    (["linear", "--data", "MISSING", "--tol", "nan"], "--tol: must be a finite number"),
    (["linear", "--data", "MISSING", "--batch-size", "0"], "--batch-size"),
    (["linear", "--data", "MISSING", "--every", "-1"], "--every"),
    (["linear", "--data", "MISSING", "--solver", "bogus"], "invalid choice: 'bogus'"),
    (["softmax", "--data", "MISSING", "--solver", "normal"], "unrecognized arguments"),
    (["linear", "--data", "MISSING", "--delimiter", "ab"], "--delimiter"),
    (["linear", "--data", "MISSING", "--decimal", ";"], "--decimal"),
    (["linear", "--data", "MISSING", "--drop", "a,,b"], "--drop"),
    (["linear", "--data", "MISSING", "--bogus"], "unrecognized arguments: --bogus"),
    (["linear", "--data", "MISSING", "--solver", "normal", "--batch-size", "4"],
     "--batch-size works with gradient descent only"),
    (["logistic", "--data", "FIFO"], "FIFO"),  # refused from os.stat: the test cannot hang
])
def test_option_errors_are_one_line_before_the_data_is_read(capsys, folder, args, words):
    """MISSING names no file: an option error must come first, so the options were checked
    before the data was looked for."""
    if hasattr(os, "mkfifo"):
        os.mkfifo(str(folder / "FIFO"))
    elif "FIFO" in args:
        pytest.skip("no FIFOs here")
    args = [str(folder / arg) if arg in ("MISSING", "FIFO") else arg for arg in args]
    err = fails_alike(capsys, folder, *args)
    assert words in err and "usage:" not in err, err
    assert "no such file" not in err


def test_help_is_still_the_full_help_and_lists_every_command(capsys):
    status, out, err = run(capsys, "pure", "--help")
    assert status == 0 and err == ""
    assert " ".join(out.split()).startswith("usage: python -m pure [-h] "
                                            "{linear,logistic,softmax,show,trace,check,predict,"
                                            "exercise} ...")
    commands = out.split("positional arguments")[1]
    assert all(name in commands for name in ("show", "trace", "check", "predict", "exercise"))
    for model, solver in (("logistic", "--solver newton"), ("linear", "--solver normal")):
        status, out, _ = run(capsys, "pure", model, "--help")
        assert status == 0 and solver in " ".join(out.split()), out
        for option in ("--drop", "--one-hot", "--delimiter", "--decimal", "--solver"):
            assert option in out


def test_the_readme_option_table_lists_every_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Command line\n")[1].split("\n## ")[0]
    table = "\n".join(line for line in section.splitlines() if line.startswith("| `"))
    for model in cli.MODELS:
        sub = cli.build_parser("pure")._subparsers._group_actions[0].choices[model]
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert f"`{option}" in table, f"the README option table lacks {option}"


@pytest.mark.parametrize("content", [
    "x,y\n1,1e-300\n2,2e-300\n3,3e-300\n",  # R^2 of targets near the smallest floats
    "x,y\n1,1e-162\n2,2e-162\n3,1e-162\n",  # costs near 1e-324 for the picture
    "x,y\n1,1e300\n2,-1e300\n3,1e300\n",
])
def test_data_at_the_edge_of_floating_point_works_or_is_one_line(capsys, folder, content):
    """No traceback and no half file: either a report and a whole picture, or one line."""
    path = folder / "edge.csv"
    path.write_text(content, encoding="utf-8")
    for backend in BACKENDS:
        status, out, err = run(capsys, backend, "linear", "--data", path, "--n-iters", "50",
                               "--svg", folder / "edge.svg")
        assert "Traceback" not in out + err
        if status == 0:
            assert err == "" and (folder / "edge.svg").read_text(encoding="utf-8").endswith(
                "</svg>\n")
        else:
            assert status == 2 and err.count("\n") == 1, err
            assert not (folder / "edge.svg").exists()
        if (folder / "edge.svg").exists():
            (folder / "edge.svg").unlink()
        assert sorted(p.name for p in folder.iterdir()) == ["d.csv", "edge.csv", "sub"]


def test_a_broken_pipe_ends_quietly(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = [("pure", ""), ("pure", "--help"), ("pure", "linear --data stackloss --standardize")]
    if HAVE_NUMPY:
        runs.append(("vectorized", "logistic --data breast_cancer --standardize"))
    for backend, args in runs:
        result = subprocess.run(f"{sys.executable} -m {backend} {args} | head -1", shell=True,
                                cwd=str(tmp_path), env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.stderr == "" and len(result.stdout.splitlines()) == 1, result.stderr
    # A reader that never reads: every write fails, deterministically, with EPIPE.
    process = subprocess.Popen([sys.executable, "-m", "pure"], cwd=str(tmp_path), env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # gone before the first line
    assert process.wait(timeout=120) == 1
    assert process.stderr.read() == b""
    process.stderr.close()


# 5. The small things

def test_setup_cfg_describes_all_three_models_and_declares_only_markers_in_use():
    import configparser
    config = configparser.ConfigParser()
    config.read(str(ROOT / "setup.cfg"))
    assert "softmax" in config["metadata"]["description"].lower()
    declared = [line.split(":")[0].strip() for line in
                config["tool:pytest"].get("markers", "").splitlines() if line.strip()]
    tests = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("*.py"))
    for marker in declared:
        assert f"mark.{marker}" in tests, f"the marker {marker!r} is declared but never used"


def test_tox_ini_tells_course_staff_how_to_see_skipped_interpreters():
    tox = (ROOT / "tox.ini").read_text(encoding="utf-8")
    assert "skip_missing_interpreters = true" in tox
    assert "SKIP" in tox and "tox --skip-missing-interpreters false" in tox


# 4. Progress on a terminal

class FakeClock:
    """Each reading is ``step`` seconds after the last."""

    def __init__(self, step):
        self.now, self.step = 0.0, step

    def __call__(self):
        self.now += self.step
        return self.now


@pytest.mark.parametrize("backend", BACKENDS)
def test_on_a_terminal_progress_lines_carry_the_time_and_an_estimate(capsys, monkeypatch,
                                                                     backend):
    args = ["linear", "--data", "stackloss", "--standardize", "--n-iters", "25", "--every", "10"]
    piped = run(capsys, backend, *args)[1].splitlines()
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(cli, "clock", FakeClock(0.01))  # fast: no heartbeat lines
    status, out, _ = run(capsys, backend, *args)
    assert status == 0
    lines = out.splitlines()
    progress = [line for line in lines if line.startswith("iteration ")]
    assert [line.split("  (")[0] for line in progress] == \
        [line for line in piped if line.startswith("iteration ")]
    assert re.fullmatch(r"iteration 10: cost \S+  \(\d\.\d s, about \d\.\d s left\)", progress[0])
    assert progress[-1].endswith(", done)")
    # Everything else is the piped output, byte for byte (the model line says verbose=10).
    assert [line for line in lines if not line.startswith("iteration ")] == \
        [line for line in piped if not line.startswith("iteration ")]


def test_a_slow_run_prints_a_line_every_few_seconds_even_with_every_0(capsys, monkeypatch):
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(cli, "clock", FakeClock(1.0))  # every update takes a second
    status, out, _ = run(capsys, "pure", "linear", "--data", "stackloss", "--standardize",
                         "--n-iters", "40", "--every", "0", "--tol", "0")
    assert status == 0
    steps = [int(line.split()[1].rstrip(":")) for line in out.splitlines()
             if line.startswith("iteration ")]
    assert steps and all(b - a <= cli.HEARTBEAT for a, b in zip([0] + steps, steps))
    assert "at most" in out  # with --tol the run may stop early: the estimate is a bound


def test_an_exact_solver_on_a_terminal_shows_the_time_but_no_estimate(capsys, monkeypatch):
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(cli, "clock", FakeClock(0.5))
    status, out, _ = run(capsys, "pure", "logistic", "--data", "breast_cancer", "--standardize",
                         "--solver", "newton")
    assert status == 0
    assert re.search(r"^iteration 1: cost \S+  \(\d\.\d s\)$", out, re.M), out
    assert "left" not in out and "done" not in out


def test_durations_read_as_a_person_reads_them():
    assert [cli.duration(s) for s in (0.04, 9.94, 12.4, 59.4, 61, 3599, 7260)] == \
        ["0.0 s", "9.9 s", "12 s", "59 s", "1 min 01 s", "59 min 59 s", "2 h 01 min"]


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_a_real_terminal_gets_the_timed_lines_and_a_pipe_does_not(tmp_path):
    import pty
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "pure", "linear", "--data", "stackloss", "--standardize",
               "--n-iters", "30", "--every", "10"]
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=follower, stderr=follower, cwd=str(tmp_path),
                               env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    shown = b"".join(chunks).decode().replace("\r\n", "\n")
    assert re.search(r"^iteration 10: cost \S+  \(\d+\.\d s, about \d+\.\d s left\)$", shown, re.M)
    piped = subprocess.run(command, cwd=str(tmp_path), env=env, capture_output=True, text=True,
                           timeout=60).stdout
    assert re.search(r"^iteration 10: cost \S+$", piped, re.M) and "left)" not in piped
