"""Reading a CSV file of numbers into X and y, and the small real data sets shipped in ``data/``.

Standard library only: the command line (cli.py) uses this for both twins. Every
problem in a file becomes one ``DataError`` whose message says where (the line in
the file and the column) and what is wrong, so the command line can print it on
one line instead of a traceback.

The format: a header row of column names, then one row per sample, one number per
column. The target y is the last column unless another is named. The files people
have come in more than one dialect, and each is read as it is:

- the encoding is UTF-8, with or without the byte order mark spreadsheets put first;
  UTF-16 with its byte order mark (Excel's "Unicode Text"); or, when the bytes are not
  UTF-8, Windows-1252 (cp1252: Excel's "CSV (Comma delimited)" on a Western Windows),
  which ``Table.encoding`` then names (``decode``);
- the separator is a comma, a semicolon or a tab, found from the header and the
  first rows (``sniff``), or given;
- the decimal mark is a point, or a comma (a European spreadsheet export:
  ``1,5;2,25``), found the same way, or given;
- an unnamed first column that counts 0, 1, 2, ... is a row index saved with the
  data (pandas' ``to_csv`` writes one): it is left out, and ``Table.notes`` says so;
- a text column can be left out (``drop``) or turned into 0/1 indicator columns
  (``one_hot``), one per value but the first, the baseline.

>>> import io
>>> table = read_csv(io.StringIO("x1,x2,y\\n1,2,3\\n4,5,6\\n"), "example.csv")
>>> data = to_xy(table, "example.csv")
>>> data.features, data.target, data.X, data.y
(['x1', 'x2'], 'y', [[1.0, 2.0], [4.0, 5.0]], [3.0, 6.0])
>>> euro = read_csv(io.StringIO("x;y\\n1,5;3\\n2,5;5\\n"), "euro.csv")
>>> euro.delimiter, euro.decimal, to_xy(euro, "euro.csv").X
(';', ',', [[1.5], [2.5]])
>>> pets = read_csv(io.StringIO("pet,y\\ncat,1\\ndog,2\\nemu,3\\n"), "pets.csv")
>>> coded = to_xy(pets, "pets.csv", one_hot=["pet"])
>>> coded.features, coded.X
(['pet=dog', 'pet=emu'], [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
>>> print(coded.notes[0])
one-hot 'pet': 2 columns, pet=dog, pet=emu; baseline 'cat' is all zeros
"""

import csv
import io
import math
import os
import re
import stat
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, TextIO, Tuple, Union

DATA_DIR = Path(__file__).resolve().parent / "data"
SEPARATORS = (",", ";", "\t")  # the separators ``sniff`` tells apart, in order of preference
SNIFF_ROWS = 50                 # the header and this many rows decide the dialect
# A number written with a decimal comma, perhaps with points between groups of three digits
# (1.234,5) and an exponent: a European spreadsheet's way of writing 1234.5.
DECIMAL_COMMA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d*),\d+([eE][+-]?\d+)?")
THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d*([eE][+-]?\d+)?")
INTEGER = re.compile(r"[+-]?\d+")


class DataError(ValueError):
    """Bad input data; the message is one line that says where and what is wrong."""


class Table(NamedTuple):
    """The cells of a CSV file, as text."""
    columns: List[str]      # the header row
    rows: List[List[str]]   # the data rows, blank lines left out
    lines: List[int]        # the line in the file of each row, for messages
    delimiter: str = ","    # the separator the file was read with
    decimal: str = "."      # the decimal mark of its numbers
    notes: Tuple[str, ...] = ()  # what reading it decided, for the report (a left-out index)
    encoding: str = "UTF-8"  # how its bytes were read as text (``decode``)


class Dataset(NamedTuple):
    """Features and target taken from a Table."""
    features: List[str]     # the names of the feature columns, in file order
    target: str             # the name of the target column
    X: List[List[float]]    # one row of feature values per sample
    y: list                 # one target per sample: floats, or text for class names
    lines: List[int]        # the line in the file of each sample
    notes: Tuple[str, ...] = ()  # what was left out or encoded, for the report


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


def check_regular_file(path: Path, source: str) -> None:
    """Raise DataError unless ``path`` is a regular file (or a link to one).

    Asked of the file system with ``os.stat`` before anything opens it: opening a FIFO
    for reading waits for a writer, forever if none comes.
    """
    try:
        mode = os.stat(str(path)).st_mode
    except FileNotFoundError:
        raise DataError(f"{source}: no such file. The bundled data sets, usable by name "
                        f"from any folder, are: {', '.join(bundled())}.") from None
    except OSError as error:
        raise DataError(f"cannot read {source}: {error.strerror or error}.") from None
    if stat.S_ISDIR(mode):
        raise DataError(f"{source} is a folder, not a CSV file.")
    if not stat.S_ISREG(mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else
                "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
                "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
        raise DataError(f"{source} is {kind}, not a CSV file: save the data to a file "
                        f"and give that file.")


def open_csv(path: Path, source: str, delimiter: Optional[str] = None,
             decimal: Optional[str] = None) -> Table:
    """Read the file at ``path`` (named ``source`` in messages) into a Table.

    ``delimiter`` and ``decimal`` override what ``sniff`` finds in the file.
    """
    check_regular_file(path, source)
    try:
        with open(str(path), "rb") as file:
            data = file.read()
    except FileNotFoundError:  # removed between the check and the open
        raise DataError(f"{source}: no such file.") from None
    except OSError as error:
        raise DataError(f"cannot read {source}: {error.strerror or error}.") from None
    text, encoding = decode(data, source)
    table = read_csv(io.StringIO(text, newline=""), source, delimiter, decimal)
    return table._replace(encoding=encoding)


def decode(data: bytes, source: str) -> Tuple[str, str]:
    """The text of a file's bytes, and the name of the encoding it was read with.

    UTF-8 first (a byte order mark, which Excel's "CSV UTF-8" writes, is dropped): the
    bytes of text in any other encoding are almost never valid UTF-8, so a file that
    decodes is UTF-8. UTF-16 when the file starts with its byte order mark. Otherwise
    Windows-1252, the code page of Excel's plain "CSV" on Windows in Western Europe and
    the Americas; it is a superset of Latin-1's letters, and only five bytes are not in it.

    >>> decode("Säure".encode("utf-8"), "f.csv"), decode("Säure".encode("cp1252"), "f.csv")
    (('Säure', 'UTF-8'), ('Säure', 'cp1252'))
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as error:
            raise DataError(f"{source} starts like UTF-16 text but is not (byte {error.start} "
                            f"cannot be decoded); save it as UTF-8 CSV.") from None
    zero = data.find(b"\x00")
    if zero >= 0:  # no text file holds a zero byte; a spreadsheet's own file format does
        raise DataError(f"{source} is not a text file (byte {zero} is zero): "
                        f"a spreadsheet file such as .xlsx or .ods cannot be read. Save it "
                        f"as CSV (CSV UTF-8 in Excel).")
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        first_error = error.start
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise DataError(f"{source} is neither UTF-8 nor Windows-1252 (cp1252) text (byte "
                        f"{first_error} is not UTF-8, byte {error.start} not cp1252); save "
                        f"it as UTF-8 CSV.") from None


def sniff(sample: Sequence[str]) -> Tuple[str, str]:
    """The separator and the decimal mark of a CSV file, from its first lines.

    A separator fits when it splits the header into two or more columns and every
    row of the sample into as many; of those that fit, the one giving the most
    columns wins (a comma file has no semicolons to split on, a semicolon file's
    decimal commas split its rows unevenly). When none fits, the one splitting the
    header most, so that the reader's message about the uneven row is about the
    right separator. Decimal commas are possible only when the separator is not a
    comma, and are the decimal mark when a data cell of the sample is written so.

    >>> sniff(["a;b;y", "1,5;2;3,25"])
    (';', ',')
    >>> sniff(["a\\tb", "1.5\\t2"])
    ('\\t', '.')
    >>> sniff(["a,b", "1.5,2"])
    (',', '.')
    """
    best, best_key = ",", (False, 0)
    for separator in SEPARATORS:
        try:
            rows = [row for row in csv.reader(sample, delimiter=separator)
                    if any(cell.strip() for cell in row)]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        fits = width > 1 and all(len(row) == width for row in rows)
        if (fits, width) > best_key:
            best, best_key = separator, (fits, width)
    decimal = "."
    if best != ",":
        for row in csv.reader(sample[1:], delimiter=best):
            if any(DECIMAL_COMMA.fullmatch(cell.strip()) for cell in row):
                decimal = ","
                break
    return best, decimal


def read_csv(file: Union[TextIO, io.StringIO], source: str, delimiter: Optional[str] = None,
             decimal: Optional[str] = None) -> Table:
    """Read an open CSV file: a header row, then rows with one cell per column.

    The separator and decimal mark are found by ``sniff`` unless given.
    """
    text = file.read()
    lines = text.splitlines()
    sample = [line for line in lines[:SNIFF_ROWS * 2] if line.strip()][:SNIFF_ROWS + 1]
    found_delimiter, found_decimal = sniff(sample)
    delimiter = delimiter or found_delimiter
    decimal = decimal or found_decimal
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = None  # type: Optional[List[str]]
    rows, row_lines = [], []
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
            row_lines.append(reader.line_num)
    except csv.Error as error:
        raise DataError(f"{source}, line {reader.line_num}: not valid CSV ({error}).") from None
    if header is None:
        raise DataError(f"{source} is empty: a CSV file needs a header row of column names, "
                        f"then one row per sample.")
    if not rows:
        raise DataError(f"{source} has a header row but no data rows.")
    notes = ()  # type: Tuple[str, ...]
    if header[0] == "":
        first = [row[0].strip() for row in rows]
        if not (all(INTEGER.fullmatch(cell) for cell in first)
                and all(int(b) - int(a) == 1 for a, b in zip(first, first[1:]))):
            raise DataError(f"{source}, line {row_lines[0] - 1}: column 1 of the header has no "
                            f"name. Name it in the header row, or remove the column.")
        # pandas' to_csv without index=False: the row numbers, not a feature.
        header = header[1:]
        rows = [row[1:] for row in rows]
        notes = (f"column 1 has no name and counts {first[0]}, {int(first[0]) + 1}, ...: "
                 f"a saved row index (as pandas' to_csv writes), left out",)
        if not header:
            raise DataError(f"{source} has only a row index and no data columns.")
    return Table(header, rows, row_lines, delimiter, decimal, notes)


def to_xy(table: Table, source: str, target: Optional[str] = None,
          numeric_target: bool = True, hint: str = "", drop: Sequence[str] = (),
          one_hot: Sequence[str] = ()) -> Dataset:
    """Split a Table into features X (numbers) and target y (the last column, or ``target``).

    With ``numeric_target=False`` the targets stay text (class names such as 'setosa'),
    unless every one of them is a number. ``hint`` ends the message of a target that
    is not a number. The columns named in ``drop`` are left out; each column named in
    ``one_hot`` becomes one 0/1 column per distinct value but the first in sorted
    order, the baseline, which is all zeros (with every value as a column, the
    columns would sum to 1, the bias's column, and the exact solvers would have no
    unique solution).
    """
    columns = table.columns
    implicit = target is None
    if implicit:
        t = len(columns) - 1
    elif target in columns:
        t = columns.index(target)
    else:
        raise DataError(f"{source} has no column named {target!r}; its columns are: "
                        f"{', '.join(columns)}.")
    note = target_note(columns, target)  # every message about the target says how it was chosen
    for option, names in (("--drop", drop), ("--one-hot", one_hot)):
        for name in names:
            if name not in columns:
                raise DataError(f"{option} {name}: {source} has no column named {name!r}; its "
                                f"columns are: {', '.join(columns)}.")
            if name == columns[t]:
                raise DataError(f"{option} {name}: {name!r} is the target. Name another target "
                                f"with --target, or leave {name!r} out of {option}.")
    both = [name for name in drop if name in one_hot]
    if both:
        raise DataError(f"{both[0]!r} is named by both --drop and --one-hot; give it to one.")
    if len(columns) - len(set(drop)) < 2:
        separated = " If its values are separated by another character, give it with " \
                    "--delimiter." if len(columns) == 1 and any(
                        mark in columns[0] for mark in ";\t|:") else ""
        left = "only one column" if len(columns) < 2 else "no column left besides the target"
        raise DataError(f"{source} has {left}, {columns[t]!r}: it needs at least one "
                        f"feature column besides the target.{separated}")
    features = []  # type: List[str]
    getters = []   # one function per feature column: (row, line) -> value
    notes = list(table.notes)
    if drop:
        notes.append(f"left out (--drop): {', '.join(dict.fromkeys(drop))}")
    for j, name in enumerate(columns):
        if j == t or name in drop:
            continue
        if name in one_hot:
            values, names = _indicators(table, source, j)
            count = f"{len(names)} column{'s' if len(names) > 1 else ''}"
            notes.append(f"one-hot {name!r}: {count}, {', '.join(names)}; "
                         f"baseline {values[0]!r} is all zeros")
            for value, indicator in zip(values[1:], names):
                features.append(indicator)
                getters.append(lambda row, line, j=j, value=value:
                               1.0 if row[j].strip() == value else 0.0)
        else:
            features.append(name)
            getters.append(lambda row, line, j=j, name=name: _number(
                row[j], source, line, j, name, table.decimal, _text_hint(name)))
    taken = set()
    for name in features:
        if name in taken:
            raise DataError(f"--one-hot makes a column named {name!r}, but {source} has one "
                            f"already; rename that column.")
        taken.add(name)
    X = [[get(row, line) for get in getters] for row, line in zip(table.rows, table.lines)]
    raw = [row[t].strip() for row in table.rows]
    if numeric_target or all(_is_number(cell, table.decimal) for cell in raw):
        y = [_number(row[t], source, line, t, columns[t], table.decimal, hint, note)
             for row, line in zip(table.rows, table.lines)]  # type: list
    else:
        for cell, line in zip(raw, table.lines):
            if cell == "":
                raise DataError(f"{source}, line {line}, column {t + 1} ({columns[t]!r}): the "
                                f"target is empty (a missing value); fill or drop that row.{note}")
        y = raw
    return Dataset(features, columns[t], X, y, list(table.lines), tuple(notes))


def target_note(columns: Sequence[str], target: Optional[str]) -> str:
    """What ends a message about the target: how it was chosen, when it was not named."""
    if target is not None:
        return ""
    return (f" (The target is the last column, {columns[-1]!r}, as no --target was given; "
            f"name another with --target NAME.)")


def one_hot_values(table: Table, source: str, names: Sequence[str]) -> Dict[str, List[str]]:
    """The values of each ``--one-hot`` column, the baseline first, as ``to_xy`` coded them."""
    return {name: _indicators(table, source, table.columns.index(name))[0] for name in names}


def _indicators(table: Table, source: str, j: int) -> Tuple[List[str], List[str]]:
    """The sorted distinct values of column j and the names of their indicator columns."""
    name = table.columns[j]
    seen = {}  # type: Dict[str, int]
    for row, line in zip(table.rows, table.lines):
        value = row[j].strip()
        if value == "":
            raise DataError(f"{source}, line {line}, column {j + 1} ({name!r}) is empty (a "
                            f"missing value); fill or drop that row first.")
        seen.setdefault(value, line)
    if all(_is_number(value, table.decimal) for value in seen):  # 1, 2, 10 in numeric order
        values = sorted(seen, key=lambda value: _parse(value, table.decimal))
    else:
        values = sorted(seen)
    if len(values) < 2:
        raise DataError(f"--one-hot {name}: column {name!r} has one value only, {values[0]!r}, "
                        f"so it tells the samples nothing apart; --drop it instead.")
    return values, [f"{name}={value}" for value in values[1:]]


def _text_hint(name: str) -> str:
    option = f" {name}" if re.fullmatch(r"[\w.=-]+", name) else f" '{name}'"
    return (f" A text column can be turned into 0/1 columns with --one-hot{option}, "
            f"or left out with --drop{option}.")


def _check_header(header: List[str], source: str, line: int) -> None:
    if all(_is_number(cell, ".") or _is_number(cell, ",") for cell in header):
        raise DataError(f"{source} has no header row: line {line} is all numbers. Add a first "
                        f"line with a name for each column, such as x1,x2,y.")
    seen = set()  # a set, so 50,000 columns take milliseconds, not seconds
    for j, name in enumerate(header):
        if name == "" and j > 0:  # an unnamed column 1 may be a saved index: read_csv decides
            raise DataError(f"{source}, line {line}: column {j + 1} of the header has no name. "
                            f"Name it in the header row, or remove the column.")
        if name in seen:
            raise DataError(f"{source}, line {line}: two columns are named {name!r}; "
                            f"column names must be different.")
        seen.add(name)


def _parse(cell: str, decimal: str) -> float:
    """The number written in ``cell`` with decimal mark ``decimal``; ValueError if none."""
    text = cell.strip()
    if decimal == ",":
        if THOUSANDS.fullmatch(text):
            text = text.replace(".", "")  # 1.234,5: the points group the digits
        elif "." in text:
            raise ValueError("a point in a decimal-comma number")
        text = text.replace(",", ".")
    return float(text)


def _is_number(cell: str, decimal: str = ".") -> bool:
    try:
        _parse(cell, decimal)
    except ValueError:
        return False
    return True


def _number(cell: str, source: str, line: int, j: int, name: str, decimal: str = ".",
            hint: str = "", note: str = "") -> float:
    """The number in a cell, or a DataError naming it; ``hint`` ends the message of a cell that
    is no number, ``note`` every message."""
    where = f"{source}, line {line}, column {j + 1} ({name!r})"
    text = cell.strip()
    if text == "":
        raise DataError(f"{where} is empty (a missing value); fill or drop that row first.{note}")
    try:
        value = _parse(text, decimal)
    except ValueError:
        if decimal == "," and _is_number(text, "."):
            raise DataError(f"{where}: {text!r} has a decimal point, but this file's numbers "
                            f"are read with decimal commas; give --decimal . if its decimal "
                            f"mark is the point.{note}") from None
        if decimal == "." and _is_number(text, ","):
            raise DataError(f"{where}: {text!r} is not a number with a decimal point; if the "
                            f"file writes decimals with commas, give --decimal , (comma).{note}"
                            ) from None
        raise DataError(f"{where}: {text!r} is not a number.{hint}{note}") from None
    if not math.isfinite(value):
        raise DataError(f"{where}: {text!r} is not a finite number.{note}")
    return value
