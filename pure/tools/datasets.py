"""Reading a CSV file of numbers into X and y, and the small real data sets shipped in ``data/``.

Standard library only: the command line (cli.py) uses this for both twins. Every
problem in a file becomes one ``DataError`` whose message says where (the line in
the file and the column) and what is wrong, so the command line can print it on
one line instead of a traceback.

The format: a header row of column names, then one row per sample, one number per
column. The target y is the last column unless another is named.

>>> import io
>>> table = read_csv(io.StringIO("x1,x2,y\\n1,2,3\\n4,5,6\\n"), "example.csv")
>>> data = to_xy(table, "example.csv")
>>> data.features, data.target, data.X, data.y
(['x1', 'x2'], 'y', [[1.0, 2.0], [4.0, 5.0]], [3.0, 6.0])
"""

import csv
import io
import math
from pathlib import Path
from typing import List, NamedTuple, Optional, TextIO, Union

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataError(ValueError):
    """Bad input data; the message is one line that says where and what is wrong."""


class Table(NamedTuple):
    """The cells of a CSV file, as text."""
    columns: List[str]      # the header row
    rows: List[List[str]]   # the data rows, blank lines left out
    lines: List[int]        # the line in the file of each row, for messages


class Dataset(NamedTuple):
    """Features and target taken from a Table."""
    features: List[str]     # the names of the feature columns, in file order
    target: str             # the name of the target column
    X: List[List[float]]    # one row of feature values per sample
    y: list                 # one target per sample: floats, or text for class names
    lines: List[int]        # the line in the file of each sample


def bundled() -> List[str]:
    """The names of the data sets shipped with the package, e.g. ['breast_cancer', 'iris', ...]."""
    return sorted(path.stem for path in DATA_DIR.glob("*.csv"))


def find(name: str) -> Path:
    """The file ``name``; or, if there is no such file, the bundled data set of that name.

    A bundled data set can be named without a folder, with or without ``.csv``:
    ``iris`` and ``iris.csv`` both find ``data/iris.csv`` from any folder.
    """
    path = Path(name)
    if not path.exists() and path.name == name:
        stem = name[:-4] if name.endswith(".csv") else name
        if stem in bundled():
            return DATA_DIR / (stem + ".csv")
    return path


def open_csv(path: Path, source: str) -> Table:
    """Read the file at ``path`` (named ``source`` in messages) into a Table."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            return read_csv(file, source)
    except FileNotFoundError:
        raise DataError(f"{source}: no such file. The bundled data sets, usable by name "
                        f"from any folder, are: {', '.join(bundled())}.") from None
    except IsADirectoryError:
        raise DataError(f"{source} is a folder, not a CSV file.") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{source} is not UTF-8 text (byte {error.start} cannot be decoded); "
                        f"save it as UTF-8 CSV.") from None
    except OSError as error:
        raise DataError(f"cannot read {source}: {error.strerror or error}.") from None


def read_csv(file: Union[TextIO, io.StringIO], source: str) -> Table:
    """Read an open CSV file: a header row, then rows with one cell per column."""
    reader = csv.reader(file)
    header = None  # type: Optional[List[str]]
    rows, lines = [], []
    try:
        for row in reader:
            if all(cell.strip() == "" for cell in row):
                continue  # blank lines, often at the end of a file, are no samples
            if header is None:
                header = [cell.strip() for cell in row]
                _check_header(header, source, reader.line_num)
                continue
            if len(row) != len(header):
                raise DataError(f"{source}, line {reader.line_num}: {len(row)} values, but the "
                                f"header has {len(header)} columns. Every row needs one value "
                                f"per column.")
            rows.append(row)
            lines.append(reader.line_num)
    except csv.Error as error:
        raise DataError(f"{source}, line {reader.line_num}: not valid CSV ({error}).") from None
    if header is None:
        raise DataError(f"{source} is empty: a CSV file needs a header row of column names, "
                        f"then one row per sample.")
    if not rows:
        raise DataError(f"{source} has a header row but no data rows.")
    return Table(header, rows, lines)


def to_xy(table: Table, source: str, target: Optional[str] = None,
          numeric_target: bool = True, hint: str = "") -> Dataset:
    """Split a Table into features X (numbers) and target y (the last column, or ``target``).

    With ``numeric_target=False`` the targets stay text (class names such as 'setosa'),
    unless every one of them is a number. ``hint`` ends the message of a target that
    is not a number.
    """
    columns = table.columns
    if target is None:
        t = len(columns) - 1
    elif target in columns:
        t = columns.index(target)
    else:
        raise DataError(f"{source} has no column named {target!r}; its columns are: "
                        f"{', '.join(columns)}.")
    if len(columns) < 2:
        separated = " If its values are separated by ';' or tabs, save it with commas." \
            if ";" in columns[0] or "\t" in columns[0] else ""
        raise DataError(f"{source} has only one column, {columns[t]!r}: it needs at least one "
                        f"feature column besides the target.{separated}")
    feature_columns = [j for j in range(len(columns)) if j != t]
    X = []
    for row, line in zip(table.rows, table.lines):
        X.append([_number(row[j], source, line, j, columns[j]) for j in feature_columns])
    raw = [row[t].strip() for row in table.rows]
    if numeric_target or all(_is_number(cell) for cell in raw):
        y = [_number(row[t], source, line, t, columns[t], hint)
             for row, line in zip(table.rows, table.lines)]  # type: list
    else:
        for cell, line in zip(raw, table.lines):
            if cell == "":
                raise DataError(f"{source}, line {line}, column {t + 1} ({columns[t]!r}): the "
                                f"target is empty (a missing value); fill or drop that row.")
        y = raw
    return Dataset([columns[j] for j in feature_columns], columns[t], X, y, list(table.lines))


def _check_header(header: List[str], source: str, line: int) -> None:
    if all(_is_number(cell) for cell in header):
        raise DataError(f"{source} has no header row: line {line} is all numbers. Add a first "
                        f"line with a name for each column, such as x1,x2,y.")
    for j, name in enumerate(header):
        if name == "":
            raise DataError(f"{source}, line {line}: column {j + 1} of the header has no name.")
        if name in header[:j]:
            raise DataError(f"{source}, line {line}: two columns are named {name!r}; "
                            f"column names must be different.")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _number(cell: str, source: str, line: int, j: int, name: str, hint: str = "") -> float:
    where = f"{source}, line {line}, column {j + 1} ({name!r})"
    if cell.strip() == "":
        raise DataError(f"{where} is empty (a missing value); fill or drop that row first.")
    try:
        value = float(cell)
    except ValueError:
        raise DataError(f"{where}: {cell.strip()!r} is not a number.{hint}") from None
    if not math.isfinite(value):
        raise DataError(f"{where}: {cell.strip()!r} is not a finite number.")
    return value
