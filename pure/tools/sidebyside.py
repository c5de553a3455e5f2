"""The side-by-side reading view behind ``python -m pure show``.

``python -m pure show logistic`` prints ``pure/logistic_regression.py`` and its NumPy
twin ``vectorized/logistic_regression.py`` in two columns, aligned step by step;
``--html FILE`` writes the same view as one standalone HTML page (inline CSS only: no
JavaScript, no fonts or anything else fetched from the network), and
``python -m pure show --all --html-dir docs`` refreshes the pages kept in the repository.

Standard library only, and the vectorized file is read as text, never imported, so
the view works where NumPy is not installed.

How a file is cut into blocks (every source line lands in exactly one block):

- the class and its docstring: from the ``class`` line (or its first decorator) of
  the class that holds the step markers to the end of its docstring;
- one block per step: a step marker is a line whose stripped text starts with
  ``# Step N:``. Step k runs from its marker to the line before marker k + 1; the
  last step runs to the end of the code block its marker sits in (up to the first
  statement indented less than the marker), minus trailing blank lines;
- everything else, "outside the steps": the top of the file, the part between the
  class docstring and Step 1 (``__init__``, the set-up of ``fit``) and the part after
  the last step (the end of ``fit``, the other methods, the input checks, the demo).
  These parts are cut at each function and class definition, and the pieces of the
  two twins are paired by name, so ``predict`` stands beside ``predict``.

The two twins must carry the same step markers (the same stripped text) in the same
order; otherwise ``align`` raises ``StepMismatchError`` with a one-line message naming
the first difference, and the command exits with status 2.
"""

import argparse
import html
import os
import re
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

# Both packages sit side by side: in a clone (the project root) and after
# ``pip install .`` (site-packages), so the twin folder is found from this file.
PURE_DIR = Path(__file__).resolve().parent.parent
VECTORIZED_DIR = PURE_DIR.parent / "vectorized"
SUFFIX = "_regression.py"
REFRESH_COMMAND = "python -m pure show --all --html-dir docs"
MIN_WIDTH = 40  # two columns of line number + at least a dozen characters of code

STEP_MARKER = re.compile(r"#\s*Step\s+(\d+[a-z]?)\s*:")

Line = Tuple[int, str]  # (line number in the source file, text shown)


class ShowError(ValueError):
    """A problem the ``show`` command reports in one line (exit status 2)."""


class StepMismatchError(ShowError):
    """The twins' step markers differ: one is missing, renamed or out of order."""


# ---------------------------------------------------------------------------------
# Finding the twins


def models(pure_dir: Path = PURE_DIR, vectorized_dir: Path = VECTORIZED_DIR) -> List[str]:
    """Names of the models with a file in both folders, sorted.

    Parameters
    ----------
    pure_dir, vectorized_dir : Path
        The two twin folders; by default the installed ``pure`` and ``vectorized``.

    Returns
    -------
    list of str
        ``"linear"`` for ``linear_regression.py`` and so on: every
        ``pure/*_regression.py`` whose twin exists in ``vectorized/``.
    """
    return sorted(path.name[:-len(SUFFIX)] for path in pure_dir.glob("*" + SUFFIX)
                  if (vectorized_dir / path.name).is_file())


def twin_paths(model: str) -> Tuple[Path, Path]:
    """The pure and vectorized files of ``model`` (``"logistic"``, ``"linear"``, ...).

    Raises
    ------
    ShowError
        If either file does not exist.
    """
    name = model[:-3] if model.endswith(".py") else model
    if name.endswith("_regression"):
        name = name[:-len("_regression")]
    filename = name + SUFFIX
    pure_path, vectorized_path = PURE_DIR / filename, VECTORIZED_DIR / filename
    if not pure_path.is_file():
        raise ShowError(f"no model {model!r}; the models are: {', '.join(models()) or 'none found'}")
    if not vectorized_path.is_file():
        raise ShowError(f"pure/{filename} has no twin: vectorized/{filename} does not exist")
    return pure_path, vectorized_path


# ---------------------------------------------------------------------------------
# Reading one file


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _is_comment(text: str) -> bool:
    return text.lstrip().startswith("#")


class _Chunk:
    """A run of source lines outside the steps, named for pairing with its twin."""

    def __init__(self, key: str, label: str, first: int, stop: int) -> None:
        self.key, self.label, self.first, self.stop = key, label, first, stop


DEFINITION = re.compile(r"(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)")
MAIN_GUARD = re.compile(r"if\s+__name__\s*==")
DOCSTRING = re.compile(r"""[rRuU]?["']""")


def _logical_lines(lines: List[str]) -> List[Tuple[int, int]]:
    """(first, last) line numbers of each logical line of code, comments and blank
    lines left out.

    A logical line runs on while a bracket is open, a string is open or a line ends
    in a backslash, as Python's tokenizer reads it. This is a small scanner rather
    than ``ast``/``tokenize``: the view must also cope with a file the running
    interpreter cannot parse (newer syntax, a half-edited lesson).
    """
    result = []
    quote: Optional[str] = None  # the quote of the string open at this point
    depth = 0  # open brackets
    first: Optional[int] = None
    for number, line in enumerate(lines, 1):
        k, n, continued = 0, len(line), False
        while k < n:
            c = line[k]
            if quote:
                if c == "\\":
                    k += 2  # an escaped character (in raw strings too, as the tokenizer reads it)
                elif line.startswith(quote, k):
                    k += len(quote)
                    quote = None
                else:
                    k += 1
                continue
            if c == "#":
                break
            if first is None and not c.isspace():
                first = number
            if c in "\"'":
                quote = c * 3 if line.startswith(c * 3, k) else c
                k += len(quote)
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth = max(depth - 1, 0)
            elif c == "\\" and k == n - 1:
                continued = True
            k += 1
        if quote and len(quote) == 1 and not line.endswith("\\"):
            quote = None  # an unterminated one-line string: a syntax error, do not let it spread
        if first is not None and not quote and depth == 0 and not continued:
            result.append((first, number))
            first = None
    if first is not None:
        result.append((first, len(lines)))
    return result


class _Source:
    """One twin file: its lines, step markers, and where its blocks start and end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = f"{path.parent.name}/{path.name}"  # never an absolute path: pages are committed
        self.folder = path.parent.name
        try:
            text = path.read_text(encoding="utf-8")  # universal newlines: \r\n and \r become \n
        except (OSError, UnicodeDecodeError) as error:
            raise ShowError(f"cannot read {self.name}: {error}") from None
        # Split on "\n" only (str.splitlines also splits on form feeds and other
        # separators), so the numbers are those an editor shows.
        self.lines = text.split("\n")
        if text.endswith("\n"):
            self.lines.pop()
        self.markers = [(number, line.strip()) for number, line in enumerate(self.lines, 1)
                        if STEP_MARKER.match(line.strip())]
        self.logical = _logical_lines(self.lines)
        # Continuation lines of a long expression or a multi-line string are not
        # statement starts, so their indentation cannot end a step early.
        self.statement_starts = {first for first, _ in self.logical}
        self.definitions = self._definitions()

    def _definitions(self) -> List[Tuple[int, int, int, str, str, int]]:
        """(first line, def line, last line, key, label, header end) of each function
        and class at module or class level, and of the ``if __name__ == "__main__"``
        block, in file order. The first line is that of the first decorator."""
        found = []
        open_: List[list] = []  # enclosing definitions: [indent, kind, name, entry or None]
        decorators: List[int] = []
        previous_end = 0
        for first, last in self.logical:
            text = self.lines[first - 1]
            indent, code = _indent(text), text.strip()
            while open_ and open_[-1][0] >= indent:  # a statement at or left of a block's header ends it
                closed = open_.pop()
                if closed[3] is not None:
                    closed[3][2] = previous_end
            if code.startswith("@"):
                decorators.append(first)
                previous_end = last
                continue
            match = DEFINITION.match(code)
            at_top = all(kind == "class" for _, kind, _, _ in open_)
            if match:
                kind, name = match.groups()
                entry = None
                if at_top:
                    key = ".".join([o[2] for o in open_] + [name])
                    label = f"class {key}" if kind == "class" else f"{key}()"
                    entry = [min(decorators + [first]), first, last, key, label, last]
                    found.append(entry)
                open_.append([indent, kind, name, entry])
            elif MAIN_GUARD.match(code) and indent == 0:
                key = 'if __name__ == "__main__"'
                entry = [first, first, last, key, key, last]
                found.append(entry)
                open_.append([indent, "if", "", entry])
            decorators = []
            previous_end = last
        for closed in open_:
            if closed[3] is not None:
                closed[3][2] = previous_end
        return [tuple(entry) for entry in found]

    def marker_class(self) -> Optional[Tuple[int, int]]:
        """Lines [first, stop) of the class header and docstring of the class that holds
        Step 1, or None when there is no such class or it has no docstring."""
        if not self.markers:
            return None
        step1 = self.markers[0][0]
        classes = [d for d in self.definitions if d[4].startswith("class ") and d[1] < step1 <= d[2]]
        if not classes:
            return None
        first, _, _, _, _, header_end = max(classes, key=lambda d: d[1])  # the innermost
        body = [(a, b) for a, b in self.logical if a > header_end]
        if not body or not DOCSTRING.match(self.lines[body[0][0] - 1].strip()) or body[0][1] >= step1:
            return None
        return first, body[0][1] + 1

    def step_ranges(self) -> List[Tuple[int, int]]:
        """Lines [first, stop) of each step block (see the module docstring)."""
        ranges = [(number, following) for (number, _), (following, _)
                  in zip(self.markers, self.markers[1:])]
        last = self.markers[-1][0]
        indent = _indent(self.lines[last - 1])
        stop = len(self.lines) + 1
        for number in range(last + 1, len(self.lines) + 1):
            if number in self.statement_starts and _indent(self.lines[number - 1]) < indent:
                stop = number
                break
        # Blank lines and less indented comments at the end introduce what follows.
        while stop - 1 > last:
            line = self.lines[stop - 2]
            if line.strip() and not (_is_comment(line) and _indent(line) < indent):
                break
            stop -= 1
        ranges.append((last, stop))
        return ranges

    def chunks(self, first: int, stop: int) -> List[_Chunk]:
        """Cut lines [first, stop) at each definition, a definition taking along the
        comment lines just above it."""
        if first >= stop:
            return []
        starts: Dict[int, Tuple[str, str]] = {}
        for start, def_line, _, key, label, _ in self.definitions:
            if not first <= def_line < stop:
                continue
            number = start  # climb over the comments (and blank lines between them) above
            while number - 1 >= first and (not self.lines[number - 2].strip()
                                           or _is_comment(self.lines[number - 2])):
                number -= 1
            while number < start and not _is_comment(self.lines[number - 1]):
                number += 1  # blank lines before the first comment stay with what precedes
            starts[max(number, first)] = (key, label)
        edges = sorted(set([first, stop]) | set(starts))
        chunks = []
        for begin, end in zip(edges, edges[1:]):
            if begin in starts:
                key, label = starts[begin]
            else:
                key, label = self._continued(begin, end)
            chunks.append(_Chunk(key, label, begin, end))
        if len(chunks) > 1 and not any(self.lines[n - 1].strip()
                                       for n in range(chunks[0].first, chunks[0].stop)):
            chunks[1].first = chunks[0].first  # leading blank lines join the first definition
            del chunks[0]
        return chunks

    def _continued(self, begin: int, end: int) -> Tuple[str, str]:
        """Name a chunk that does not start with a definition: the rest of the
        function it sits in, or module-level code."""
        code = [n for n in range(begin, end) if self.lines[n - 1].strip()]
        number = code[0] if code else begin
        inside = [(first, key) for first, _, last, key, _, _ in self.definitions
                  if first <= number <= last]
        if inside:
            key = max(inside)[1]
            return key + " (continued)", f"{key}() continued"
        if begin == 1:
            return "top of the file", "module docstring and imports"
        return "module level", "module level"


# ---------------------------------------------------------------------------------
# Pairing the twins


class Block:
    """Two runs of lines shown side by side.

    Attributes
    ----------
    title : str
        The heading: ``"Step 1: forward pass"``, or the name of the code outside the steps.
    formula : str
        The formula of a step (the marker comment after the title), else "".
    left, right : list of (int, str)
        (source line number, text) of the pure and of the vectorized lines. Each run
        is shown without the indentation common to its lines.
    """

    def __init__(self, title: str, formula: str, left: List[Line], right: List[Line]) -> None:
        self.title, self.formula, self.left, self.right = title, formula, left, right


class Alignment:
    """The twins cut into blocks that stand side by side, built by ``align``.

    Attributes
    ----------
    model : str
        The model's name for headings, e.g. ``"Logistic regression"``.
    left_name, right_name : str
        ``pure/<file>`` and ``vectorized/<file>`` (folder and file name only).
    left_count, right_count : int
        The number of lines of each file.
    header : Block or None
        The class line and docstring of both twins.
    steps : list of Block
        ``steps[k]`` holds step k + 1 of both files.
    outside : list of (str, list of Block)
        The code outside the steps, in three parts: (part heading, blocks).
    """

    def __init__(self, model: str, left: _Source, right: _Source) -> None:
        self.model = model
        self.left_name, self.right_name = left.name, right.name
        self.left_folder, self.right_folder = left.folder, right.folder
        self.left_count, self.right_count = len(left.lines), len(right.lines)
        self.header: Optional[Block] = None
        self.steps: List[Block] = []
        self.outside: List[Tuple[str, List[Block]]] = []

    def blocks(self) -> List[Block]:
        """Every block in the order shown: header, steps, then the parts outside."""
        header = [self.header] if self.header else []
        return header + self.steps + [block for _, blocks in self.outside for block in blocks]


def _shown(source: _Source, first: int, stop: int) -> List[Line]:
    """Lines [first, stop) with their common indentation removed, so deeply nested
    step code does not waste half of a narrow column on leading spaces."""
    texts = [source.lines[n - 1].expandtabs(8).rstrip() for n in range(first, stop)]
    margin = min([_indent(t) for t in texts if t] or [0])
    return [(n, t[margin:]) for n, t in zip(range(first, stop), texts)]


def _check_markers(left: _Source, right: _Source) -> None:
    """Raise StepMismatchError naming the first step where the twins differ."""
    if not left.markers and not right.markers:
        raise StepMismatchError(f"no step markers ('# Step 1: ...') in {left.name} or {right.name}")
    for k in range(max(len(left.markers), len(right.markers))):
        a = left.markers[k] if k < len(left.markers) else None
        b = right.markers[k] if k < len(right.markers) else None
        if a is not None and b is not None and a[1].split("  ")[0] == b[1].split("  ")[0]:
            continue

        def says(source: _Source, marker: Optional[Tuple[int, str]]) -> str:
            if marker is None:
                return f"{source.name} has no step {k + 1} (it has {len(source.markers)} step markers)"
            return f'{source.name} line {marker[0]} has "{marker[1].lstrip("#").strip()}"'

        raise StepMismatchError(f"step markers differ at step {k + 1}: "
                                f"{says(left, a)} but {says(right, b)}")


def _pair_chunks(left: _Source, right: _Source, span_left: Tuple[int, int],
                 span_right: Tuple[int, int]) -> List[Block]:
    """Blocks pairing the definitions of two spans by name: the longest common
    subsequence of the names stands side by side, what lies between on its own rows."""
    a, b = left.chunks(*span_left), right.chunks(*span_right)

    def lines(source: _Source, chunks: List[_Chunk]) -> List[Line]:
        return [line for c in chunks for line in _shown(source, c.first, c.stop)]

    def names(chunks: List[_Chunk]) -> str:
        return ", ".join(c.label for c in chunks)

    # common[i][j]: length of the longest common subsequence of a[i:] and b[j:]
    common = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            common[i][j] = (common[i + 1][j + 1] + 1 if a[i].key == b[j].key
                            else max(common[i + 1][j], common[i][j + 1]))
    blocks = []
    i = j = 0
    while i < len(a) or j < len(b):
        i0, j0 = i, j  # skip to the next pair of equal names on the common subsequence
        while i < len(a) and j < len(b) and not (a[i].key == b[j].key
                                                 and common[i][j] == common[i + 1][j + 1] + 1):
            if common[i + 1][j] >= common[i][j + 1]:
                i += 1
            else:
                j += 1
        if i == len(a) or j == len(b):
            i, j = len(a), len(b)  # no pair left: the rest of both sides is unmatched
        gap_a, gap_b = a[i0:i], b[j0:j]
        if gap_a and gap_b:
            title = f"{left.folder}: {names(gap_a)}  /  {right.folder}: {names(gap_b)}"
        elif gap_a:
            title = f"only in {left.folder}: {names(gap_a)}"
        else:
            title = f"only in {right.folder}: {names(gap_b)}"
        if gap_a or gap_b:
            blocks.append(Block(title, "", lines(left, gap_a), lines(right, gap_b)))
        if i < len(a) and j < len(b):
            blocks.append(Block(a[i].label, "", lines(left, [a[i]]), lines(right, [b[j]])))
            i, j = i + 1, j + 1
    return blocks


def align(pure_path: Path, vectorized_path: Path) -> Alignment:
    """Cut two twin files into blocks that stand side by side, step by step.

    Parameters
    ----------
    pure_path, vectorized_path : Path
        The plain-Python file and its NumPy twin. Both are read as text; neither is
        imported.

    Returns
    -------
    Alignment
        ``steps[k]`` holds step k + 1 of both files; with ``header`` and ``outside``
        every line of both files is in exactly one block.

    Raises
    ------
    StepMismatchError
        If the step markers differ (one missing, renamed or out of order); the
        message is one line naming the first difference.
    ShowError
        If a file cannot be read.
    """
    left, right = _Source(Path(pure_path)), _Source(Path(vectorized_path))
    _check_markers(left, right)
    stem = Path(pure_path).name[:-3]
    stem = stem[:-len("_regression")] if stem.endswith("_regression") else stem
    result = Alignment(stem.replace("_", " ").capitalize() + " regression", left, right)

    spans = {}
    for side, source in (("left", left), ("right", right)):
        steps = source.step_ranges()
        header = source.marker_class()
        step1 = steps[0][0]
        spans[side] = {
            "header": header or (step1, step1),
            "steps": steps,
            "top": (1, header[0] if header else step1),
            "before": (header[1] if header else step1, step1),
            "after": (steps[-1][1], len(source.lines) + 1),
        }
    L, R = spans["left"], spans["right"]
    if L["header"][0] < L["header"][1] or R["header"][0] < R["header"][1]:
        result.header = Block("The class and its docstring", "",
                              _shown(left, *L["header"]), _shown(right, *R["header"]))
    for (marker_number, marker), span_left, span_right in zip(left.markers, L["steps"], R["steps"]):
        text = marker.lstrip("#").strip()
        title, _, formula = text.partition("  ")  # "Step 1: forward pass  y_hat_i = ..."
        result.steps.append(Block(title.strip(), formula.strip(),
                                  _shown(left, *span_left), _shown(right, *span_right)))
    for heading, part in (("Top of the file", "top"),
                          ("Between the class docstring and Step 1", "before"),
                          (f"After Step {len(left.markers)}", "after")):
        blocks = _pair_chunks(left, right, L[part], R[part])
        if blocks:
            result.outside.append((heading, blocks))
    return result


# ---------------------------------------------------------------------------------
# The terminal view


def _cells(lines: List[Line], width: int, digits: int) -> List[str]:
    """One column: each line numbered, cut into pieces that fit (after a space when
    there is one in the second half of the row), every piece but the last ending in a
    backslash; continuation pieces have a blank line number. The pieces are exact
    slices of the line, so nothing is lost."""
    room = width - digits - 1
    cells = []
    for number, text in lines:
        pieces = []
        while len(text) > room:
            cut = text.rfind(" ", room // 2, room - 1) + 1 or room - 1  # after a space if one is near
            pieces.append(text[:cut] + "\\")
            text = text[cut:]
        pieces.append(text)
        cells.append(f"{number:>{digits}} {pieces[0]}".ljust(width))
        cells.extend(f"{'':>{digits}} {piece}".ljust(width) for piece in pieces[1:])
    return cells


def render_text(alignment: Alignment, width: int = 80) -> str:
    """The side-by-side view as plain text, no line wider than ``width``.

    Parameters
    ----------
    alignment : Alignment
        From ``align``.
    width : int, default 80
        Total width in characters, at least ``MIN_WIDTH``.

    Returns
    -------
    str
        Headings and rules start with ``#``, ``=`` or ``-``; code rows start with a line
        number or a space and hold the pure line, `` | ``, then the vectorized line. The left
        column is ``(width - 3) // 2`` characters wide. Lines too long for their
        column continue on the next row after a trailing backslash.
    """
    if width < MIN_WIDTH:
        raise ValueError(f"width must be at least {MIN_WIDTH}, got {width}")
    digits = len(str(max(alignment.left_count, alignment.right_count)))
    left_width = (width - 3) // 2
    right_width = width - 3 - left_width
    out: List[str] = []

    def heading(text: str, prefix: str = "# ") -> None:
        out.extend(textwrap.wrap(text, width, initial_indent=prefix, subsequent_indent=prefix + "  ",
                                 break_on_hyphens=False) or [prefix.rstrip()])

    def block(b: Block, rule: str) -> None:
        out.append(rule * width)
        heading(b.title)
        if b.formula:
            heading(b.formula, "#     ")
        left = _cells(b.left, left_width, digits)
        right = _cells(b.right, right_width, digits)
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else " " * left_width
            c = right[k] if k < len(right) else ""
            out.append(f"{a} | {c}".rstrip())

    heading(f"{alignment.model}: {alignment.left_name} on the left, {alignment.right_name} on the "
            f"right, aligned step by step. Line numbers are those of the files.")
    out.append(f"{('# ' + alignment.left_name)[:left_width]:<{left_width}} | "
               f"{alignment.right_name[:right_width]}".rstrip())
    if alignment.header:
        block(alignment.header, "=")
    for step in alignment.steps:
        block(step, "=")
    if alignment.outside:
        out.append("#" * width)
        heading("Outside the steps: set-up, other methods, input checks and helpers")
        for part, blocks in alignment.outside:
            out.append("=" * width)
            heading(part.upper())
            for b in blocks:
                block(b, "-")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------
# The HTML page

CSS = """
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.25rem 2rem; color: #1d1d1f; background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
p.intro { margin: 0 0 .6rem; max-width: 60rem; }
nav { margin: 0 0 1rem; font-size: .9rem; }
nav a { margin-right: .9rem; white-space: nowrap; }
code, pre, table.src, .formula { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono",
  Menlo, Consolas, monospace; }
table.twins { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.twins > thead th { position: sticky; top: 0; z-index: 1; background: #e9eef5;
  border-bottom: 2px solid #8fa3bf; padding: .35rem .6rem; text-align: left; font-size: .95rem; }
table.twins > thead th span { font-weight: normal; color: #4a4a4a; }
tr.title > th { text-align: left; padding: .9rem .6rem .35rem; background: #fff;
  border-top: 3px solid #3d6fb6; }
tr.title h2, tr.title h3 { margin: 0; font-size: 1.08rem; }
tr.part > th { text-align: left; padding: 1rem .6rem .2rem; border-top: 1px solid #bbb; }
tr.part h3 { margin: 0; font-size: .95rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
tr.section > th { text-align: left; padding: 2rem .6rem .3rem; border-top: 4px double #3d6fb6; }
tr.section h2 { margin: 0; font-size: 1.25rem; }
tr.section p { margin: .2rem 0 0; font-weight: normal; }
tr.subsection > th { text-align: left; padding: 1.2rem .6rem .1rem; }
tr.subsection h3 { margin: 0; font-size: 1.05rem; color: #3d6fb6; }
.formula { margin: .2rem 0 0; font-weight: normal; white-space: pre-wrap; color: #18457e;
  font-size: .88rem; }
tr.code > td { vertical-align: top; padding: .25rem .35rem .6rem 0; }
tr.code > td + td { border-left: 1px solid #d5d9df; padding-left: .35rem; }
table.src { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12.5px;
  line-height: 1.4; }
table.src td.n { width: 3.4em; padding: 0 .7em 0 0; text-align: right; color: #8a8f98;
  vertical-align: top; user-select: none; }
table.src td.c { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 0 0 4ch;
  text-indent: -4ch; }
table.src tr.cm td.c { color: #5b6b4f; }
table.src tr.mk td.c { color: #18457e; font-weight: bold; }
table.src tr.mk { background: #eef3fa; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; }
@media print { table.twins > thead th { position: static; } }
"""


def _html_lines(lines: List[Line], side: str) -> str:
    rows = []
    for number, text in lines:
        stripped = text.strip()
        kind = ' class="mk"' if STEP_MARKER.match(stripped) else (
            ' class="cm"' if stripped.startswith("#") else "")
        # A wrapped line continues 4 columns right of its own indentation, as in an
        # editor's soft wrap; the leading spaces stay in the text, so copying keeps them.
        hang = _indent(text) + 4
        style = f' style="padding-left:{hang}ch;text-indent:-{hang}ch"' if hang > 4 else ""
        rows.append(f'<tr{kind}><td class="n">{number}</td>'
                    f'<td class="c"{style}>{html.escape(text, quote=False)}</td></tr>')
    return f'<td class="{side}"><table class="src">\n' + "\n".join(rows) + "\n</table></td>"


def render_html(alignment: Alignment) -> str:
    """The side-by-side view as one standalone HTML page.

    No JavaScript, no web fonts, no network: the only CSS is inline, the only links
    point inside the page. The output depends on the two files alone (no dates, no
    absolute paths), so a committed copy can be checked by regenerating it.

    Parameters
    ----------
    alignment : Alignment
        From ``align``.

    Returns
    -------
    str
        The page; each code line is a row of a ``table.src`` inside the ``td.pure``
        (left) or ``td.vectorized`` (right) cell, its number in ``td.n``.
    """
    e = html.escape
    model, left, right = alignment.model, alignment.left_name, alignment.right_name
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(model)}: the two twins side by side</title>",
           f"<style>{CSS}</style>", "</head>", "<body>", "<header>",
           f"<h1>{e(model)}: the two twins side by side</h1>",
           f'<p class="intro">Left: <code>{e(left)}</code>, plain Python with explicit loops. '
           f'Right: <code>{e(right)}</code>, the same model in NumPy matrix form. Each numbered '
           f"step starts on the same row in both columns. Line numbers are those of the source "
           f"files; each block is shown without the indentation its lines share.</p>",
           "<nav>" + " ".join(
               [f'<a href="#class">The class</a>'] * bool(alignment.header)
               + [f'<a href="#step-{k}">{e(step.title)}</a>' for k, step in enumerate(alignment.steps, 1)]
               + ['<a href="#outside">Outside the steps</a>'] * bool(alignment.outside)) + "</nav>",
           "</header>",
           '<table class="twins">', '<colgroup><col><col></colgroup>',
           f'<thead><tr><th scope="col">{e(left)} <span>(plain Python)</span></th>'
           f'<th scope="col">{e(right)} <span>(NumPy)</span></th></tr></thead>']

    def code_row(block: Block) -> str:
        return ('<tr class="code">' + _html_lines(block.left, "pure")
                + _html_lines(block.right, "vectorized") + "</tr>")

    if alignment.header:
        out += ['<tbody id="class">',
                f'<tr class="title"><th colspan="2"><h2>{e(alignment.header.title)}</h2></th></tr>',
                code_row(alignment.header), "</tbody>"]
    for k, step in enumerate(alignment.steps, 1):
        formula = f'<p class="formula">{e(step.formula)}</p>' if step.formula else ""
        out += [f'<tbody id="step-{k}" class="step">',
                f'<tr class="title"><th colspan="2"><h2>{e(step.title)}</h2>{formula}</th></tr>',
                code_row(step), "</tbody>"]
    if alignment.outside:
        out += ['<tbody id="outside">',
                '<tr class="section"><th colspan="2"><h2>Outside the steps</h2>'
                "<p>The rest of both files, so that no line is left out: the module docstring "
                "and imports, the set-up before Step 1, the end of <code>fit</code>, the other "
                "methods, the input checks and helpers. Definitions with the same name stand "
                "side by side.</p></th></tr>"]
        for part, blocks in alignment.outside:
            out.append(f'<tr class="subsection"><th colspan="2"><h3>{e(part)}</h3></th></tr>')
            for block in blocks:
                out += [f'<tr class="part"><th colspan="2"><h3>{e(block.title)}</h3></th></tr>',
                        code_row(block)]
        out.append("</tbody>")
    out += ["</table>",
            f"<footer>Generated from <code>{e(left)}</code> and <code>{e(right)}</code> by "
            f"<code>{e(REFRESH_COMMAND)}</code>; do not edit by hand.</footer>",
            "</body>", "</html>"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------
# The command


def html_name(model: str) -> str:
    """The page's file name for ``model``: ``logistic`` gives ``logistic_regression.html``."""
    return model + SUFFIX[:-3] + ".html"


def _prog() -> str:
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path()
    package = argv0.parent.name if argv0.name == "__main__.py" else "pure"
    return f"python -m {package if package in ('pure', 'vectorized') else 'pure'} show"


def _write(text: str) -> None:
    """Print through a pipe whatever its encoding: characters it cannot encode become
    '?', one character for one, so the columns stay aligned."""
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run ``python -m pure show ...``; return the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after ``show``; by default ``sys.argv[2:]``.

    Returns
    -------
    int
        0 on success, 2 on a usage error or when the twins' step markers differ.
    """
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Show a model's two twins side by side, aligned step by step.",
        epilog=f"models: {', '.join(models()) or 'none found'}. Refresh the committed pages "
               f"with: {REFRESH_COMMAND}")
    parser.add_argument("what", nargs="*", metavar="MODEL | PURE_FILE VECTORIZED_FILE",
                        help="a model name (e.g. logistic), or the two files of a pair")
    parser.add_argument("--all", action="store_true", help="every model that has both twins")
    parser.add_argument("--width", type=int, metavar="N",
                        help="width of the terminal view (default: the terminal's)")
    parser.add_argument("--html", metavar="FILE", help="write one HTML page instead of printing")
    parser.add_argument("--html-dir", metavar="DIR",
                        help="write <model>_regression.html pages into DIR instead of printing")
    try:
        args = parser.parse_args(list(sys.argv[2:] if argv is None else argv))
    except SystemExit as exit_:  # argparse exits on --help and usage errors; return instead
        return exit_.code if isinstance(exit_.code, int) else 2

    if args.all == bool(args.what) or len(args.what) > 2:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: give one model ({', '.join(models())}), two files, or --all",
              file=sys.stderr)
        return 2
    if args.html and (args.html_dir or args.all):
        print(f"{parser.prog}: --html writes one page; use --html-dir with --all", file=sys.stderr)
        return 2
    width = args.width if args.width is not None else shutil.get_terminal_size().columns
    if width < MIN_WIDTH:
        print(f"{parser.prog}: the width must be at least {MIN_WIDTH} columns, got {width}",
              file=sys.stderr)
        return 2

    try:
        if args.all:
            pairs = [(name, *twin_paths(name)) for name in models()]
        elif len(args.what) == 2:
            pairs = [(Path(args.what[0]).stem.replace(SUFFIX[:-3], ""), Path(args.what[0]),
                      Path(args.what[1]))]
        else:
            pairs = [(args.what[0].replace(".py", "").replace(SUFFIX[:-3], ""),
                      *twin_paths(args.what[0]))]
        alignments = [(name, align(p, v)) for name, p, v in pairs]
    except ShowError as error:
        print(error, file=sys.stderr)
        return 2

    if args.html or args.html_dir:
        for name, alignment in alignments:
            if args.html:
                target = Path(args.html)
            else:
                Path(args.html_dir).mkdir(parents=True, exist_ok=True)
                target = Path(args.html_dir) / html_name(name)
            # newline="\n": the same bytes on every platform, so the committed pages compare equal
            with open(target, "w", encoding="utf-8", newline="\n") as page:
                page.write(render_html(alignment))
            print(f"wrote {target}")
        return 0
    try:
        _write("\n".join(render_text(alignment, width) for _, alignment in alignments))
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush does not complain
        except (OSError, ValueError, AttributeError):
            pass
        return 1
    return 0
