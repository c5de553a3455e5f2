"""The side-by-side reading view behind ``python -m pure show``.

``python -m pure show logistic`` prints ``pure/logistic_regression.py`` beside its NumPy twin
``vectorized/logistic_regression.py``; ``--html FILE`` writes the same view as one standalone
page (inline CSS, no script, nothing fetched), and ``python -m pure show --all --html-dir docs``
refreshes the pages kept in the repository. Standard library only: both files are parsed with
``ast`` and ``tokenize``, never imported, so the view needs no NumPy.

The view follows the order a learner reads in:

1. the mathematics: the two module docstrings, index form beside matrix form;
2. gradient descent: the loop the steps run in, then one block per ``# Step N: title  formula``
   comment (a comment on a line of its own). Steps pair on number and title; each twin keeps its
   own formula. Step N runs from its marker to the next one, the last to the end of the
   statements its marker stands among, and names the innermost loop it runs inside;
3. everything else, cut at each function and class and paired by name.

Every line of both files is shown exactly once. Twins whose steps differ in number or title
raise ``StepMismatchError`` with a one-line message; the command then exits with status 2.
"""

import argparse
import ast
import difflib
import html
import io
import os
import re
import shutil
import sys
import textwrap
import tokenize
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from . import plot

# Both packages sit side by side, in a clone and after ``pip install .``.
PURE_DIR = Path(__file__).resolve().parent.parent
VECTORIZED_DIR = PURE_DIR.parent / "vectorized"
SUFFIX = "_regression.py"
REFRESH_COMMAND = "python -m pure show --all --html-dir docs"
MIN_WIDTH = 40  # two columns of line number + at least a dozen characters of code
MARKER = re.compile(r"#\s*Step\s+(\d+[a-z]?)\s*:\s*(.*)$")


class ShowError(ValueError):
    """A problem the ``show`` command reports in one line (exit status 2)."""


class StepMismatchError(ShowError):
    """The twins' steps differ: one is missing, renamed or out of order."""


class Line(NamedTuple):
    number: int  # in the source file
    text: str  # as shown: without the indentation its block's lines share


class Marker(NamedTuple):
    line: int
    heading: str  # "Step 3: gradient"; the formula after it (two spaces on) is the twin's own


class Loop(NamedTuple):
    line: int
    header: str  # "for i in batch:"


class Block(NamedTuple):
    """Two runs of lines shown side by side, under a title."""
    title: str
    left: List[Line]
    right: List[Line]
    left_loops: Tuple[Loop, ...] = ()  # the loops a step runs inside
    right_loops: Tuple[Loop, ...] = ()


class Alignment(NamedTuple):
    """Both twins cut into blocks, built by ``align``."""
    model: str  # "Logistic regression"
    left_name: str  # "pure/logistic_regression.py": no absolute path, the pages are committed
    right_name: str
    left_count: int  # lines in each file
    right_count: int
    docstrings: Optional[Block]  # the mathematics
    loop: Optional[Block]  # from the outermost loop around Step 1 to the line before it
    steps: List[Block]  # steps[k] holds step k + 1 of both files, its marker first
    rest: List[Block]  # everything else, paired by name

    def blocks(self) -> List[Block]:
        """Every block in the order shown."""
        return [b for b in (self.docstrings, self.loop) if b] + self.steps + self.rest


def models(pure_dir: Path = PURE_DIR, vectorized_dir: Path = VECTORIZED_DIR) -> List[str]:
    """Names (``"linear"``, ...) of the ``pure/*_regression.py`` files with a twin, sorted."""
    return sorted(path.name[:-len(SUFFIX)] for path in pure_dir.glob("*" + SUFFIX)
                  if (vectorized_dir / path.name).is_file())


def model_name(name: str) -> str:
    """``"logistic"`` from ``logistic``, ``logistic_regression`` or ``logistic_regression.py``."""
    name = Path(name).name
    name = name[:-3] if name.endswith(".py") else name
    return name[:-len("_regression")] if name.endswith("_regression") else name


def twin_paths(model: str) -> Tuple[Path, Path]:
    """The pure and vectorized files of ``model``; ShowError if either is missing."""
    filename = model_name(model) + SUFFIX
    pure_path, vectorized_path = PURE_DIR / filename, VECTORIZED_DIR / filename
    if not pure_path.is_file():
        raise ShowError(f"no model {model!r}; the models are: "
                        f"{', '.join(models()) or 'none found'}")
    if not vectorized_path.is_file():
        raise ShowError(f"pure/{filename} has no twin: vectorized/{filename} does not exist")
    return pure_path, vectorized_path


# ---------------------------------------------------------------------------------
# Reading one file

def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


class _Source:
    """One twin file: its lines, step markers, definitions, loops and statements."""

    def __init__(self, path: Path) -> None:
        self.name, self.folder = f"{path.parent.name}/{path.name}", path.parent.name
        try:
            text = path.read_text(encoding="utf-8")  # universal newlines: \r\n becomes \n
            tree = ast.parse(text)
            comments = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                        if t.type == tokenize.COMMENT]
        except (OSError, UnicodeDecodeError) as error:
            raise ShowError(f"cannot read {self.name}: {error}") from None
        except (SyntaxError, tokenize.TokenError) as error:
            raise ShowError(f"cannot parse {self.name}: {error}") from None
        # Split on "\n" only, as the parser counts lines (str.splitlines also splits on \f).
        self.lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
        self.markers = [Marker(t.start[0], f"Step {m.group(1)}: {m.group(2).partition('  ')[0]}"
                               .strip()) for t in comments for m in [MARKER.match(t.string)]
                        if m and not t.line[:t.start[1]].strip()]  # a comment of its own line
        first = tree.body[0] if tree.body else None
        is_docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str)
        self.docstring_end = first.end_lineno if is_docstring else 0
        nodes = list(ast.walk(tree))
        self.functions = [n for n in nodes
                          if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        self.loops = [n for n in nodes if isinstance(n, (ast.For, ast.AsyncFor, ast.While))]
        self.statements = sorted((n for n in nodes if isinstance(n, ast.stmt)),
                                 key=lambda s: (s.lineno, -s.end_lineno))
        self.siblings = {id(s): body for n in nodes for field in ("body", "orelse", "finalbody")
                         for body in [getattr(n, field, None)] if isinstance(body, list)
                         for s in body}  # the statement list each statement stands in
        self.definitions: List[Tuple[str, int, int]] = []  # (name, first line, last line)
        self._collect(tree.body, "")

    def _collect(self, body: List[ast.stmt], prefix: str) -> None:
        """The functions and classes at module and class level, and the main guard."""
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                first = min([d.lineno for d in node.decorator_list] + [node.lineno])
                is_class = isinstance(node, ast.ClassDef)
                name = f"class {prefix}{node.name}" if is_class else f"{prefix}{node.name}()"
                self.definitions.append((name, first, node.end_lineno))
                if is_class:
                    self._collect(node.body, prefix + node.name + ".")
            elif isinstance(node, ast.If) and not prefix and "__name__" in ast.dump(node.test):
                self.definitions.append(
                    ('if __name__ == "__main__"', node.lineno, node.end_lineno))

    def loops_around(self, line: int) -> Tuple[Loop, ...]:
        """The loop headers, outermost first, around ``line`` in its own function."""
        start = max([f.lineno for f in self.functions if f.lineno < line <= f.end_lineno] or [0])
        return tuple(Loop(loop.lineno, " ".join(  # a header may run over several lines
            self.lines[n - 1].strip() for n in range(loop.lineno, (
                loop.test if isinstance(loop, ast.While) else loop.iter).end_lineno + 1)))
            for loop in sorted(self.loops, key=lambda node: node.lineno)
            if start < loop.lineno < line <= loop.end_lineno)

    def step_spans(self) -> List[Tuple[int, int]]:
        """Lines [first, stop) of each step: from its marker to the next marker; the last
        one to the end of the statement list that its first statement stands in."""
        starts = [m.line for m in self.markers]
        after = [s for s in self.statements if s.lineno > starts[-1]]
        stop = self.siblings.get(id(after[0]), after[:1])[-1].end_lineno + 1 if after \
            else len(self.lines) + 1
        return list(zip(starts, starts[1:] + [stop]))

    def shown(self, numbers: Sequence[int], margin: Optional[int] = None) -> List[Line]:
        """The lines ``numbers``, less their common indentation (or ``margin``)."""
        texts = [self.lines[n - 1].expandtabs(8).rstrip() for n in numbers]
        if margin is None:
            margin = min([_indent(t) for t in texts if t] or [0])
        return [Line(n, t[min(margin, _indent(t)):]) for n, t in zip(numbers, texts)]

    def chunks(self, numbers: List[int], steps: Tuple[int, int]) -> List[Tuple[str, List[int]]]:
        """(name, line numbers) of the lines ``numbers`` cut at each definition, which takes
        along the comments just above it; ``steps``, the span taken out, names fit's halves."""
        rest = set(numbers)
        starts: Dict[int, str] = {}
        for name, first, _ in self.definitions:
            start = first  # climb over the comments (and blank lines between them) above
            while start - 1 in rest and (not self.lines[start - 2].strip()
                                         or self.lines[start - 2].lstrip().startswith("#")):
                start -= 1
            while start < first and not self.lines[start - 1].strip():
                start += 1  # blank lines before the comments stay with what precedes
            if first in rest:
                starts[start] = name
        result: List[Tuple[str, List[int]]] = []
        for n in numbers:
            if n in starts or not result or n - 1 not in rest:
                code = next((k for k in numbers if k >= n and self.lines[k - 1].strip()), n)
                result.append((starts.get(n) or self._around(code, steps), []))
            result[-1][1].append(n)
        return result

    def _around(self, line: int, steps: Tuple[int, int]) -> str:
        inside = [d for d in self.definitions if d[1] <= line <= d[2]]
        if not inside:
            return "module level"
        name, first, last = max(inside, key=lambda d: d[1])
        if first < steps[0] and steps[1] <= last:
            return name + ", after the steps" if line >= steps[1] else name
        return name + ", continued"


# ---------------------------------------------------------------------------------
# Pairing the twins

def _check_markers(left: _Source, right: _Source) -> None:
    """Raise StepMismatchError naming the first step where the twins differ."""
    if not left.markers and not right.markers:
        raise StepMismatchError(
            f"no step markers ('# Step 1: ...') in {left.name} or {right.name}")

    def says(source: _Source, k: int) -> str:
        if k >= len(source.markers):
            return f"{source.name} has no step {k + 1} (it has {len(source.markers)} step markers)"
        return f'{source.name} line {source.markers[k].line} has "{source.markers[k].heading}"'

    for k in range(max(len(left.markers), len(right.markers))):
        if k >= min(len(left.markers), len(right.markers)) or \
                left.markers[k].heading != right.markers[k].heading:
            raise StepMismatchError(f"step markers differ at step {k + 1}: "
                                    f"{says(left, k)} but {says(right, k)}")


def _pair(left: List[Tuple[str, List[Line]]], right: List[Tuple[str, List[Line]]],
          folders: Tuple[str, str]) -> List[Block]:
    """Blocks pairing two lists of (name, lines) by name, in order; what has no partner
    stands on rows of its own."""
    blocks = []
    matcher = difflib.SequenceMatcher(None, [k for k, _ in left], [k for k, _ in right], False)
    for tag, i, i_end, j, j_end in matcher.get_opcodes():
        if tag == "equal":
            blocks += [Block(a[0], a[1], b[1]) for a, b in zip(left[i:i_end], right[j:j_end])]
            continue
        names = [", ".join(k for k, _ in gap) for gap in (left[i:i_end], right[j:j_end])]
        title = (f"{folders[0]}: {names[0]}  /  {folders[1]}: {names[1]}" if all(names)
                 else f"only in {folders[0 if names[0] else 1]}: {names[0] or names[1]}")
        blocks.append(Block(title, [x for _, ls in left[i:i_end] for x in ls],
                            [x for _, ls in right[j:j_end] for x in ls]))
    return blocks


def align(pure_path: Path, vectorized_path: Path) -> Alignment:
    """Cut two twin files into blocks that stand side by side (see the module docstring).

    Raises StepMismatchError if the steps differ in number or title, ShowError if a file
    cannot be read or parsed.
    """
    sources = _Source(Path(pure_path)), _Source(Path(vectorized_path))
    _check_markers(*sources)
    parts = []
    for source in sources:
        spans = source.step_spans()
        loops = source.loops_around(spans[0][0])
        start, stop = loops[0].line if loops else spans[0][0], spans[-1][1]
        margin = _indent(source.lines[start - 1])  # one margin for all the steps: nesting shows
        parts.append({
            "doc": source.shown(range(1, source.docstring_end + 1), 0),
            "loop": source.shown(range(start, spans[0][0]), margin),
            # each step opens with its marker, shown unindented as the step's heading
            "steps": [[Line(first, source.lines[first - 1].strip())]
                      + source.shown(range(first + 1, end), margin) for first, end in spans],
            "loops": [source.loops_around(first) for first, _ in spans],
            "rest": [(name, source.shown(numbers)) for name, numbers in source.chunks(
                [n for n in range(source.docstring_end + 1, len(source.lines) + 1)
                 if not start <= n < stop], (start, stop))]})
    left, right = parts
    return Alignment(
        model_name(str(pure_path)).replace("_", " ").capitalize() + " regression",
        sources[0].name, sources[1].name, len(sources[0].lines), len(sources[1].lines),
        Block("The mathematics", left["doc"], right["doc"])
        if left["doc"] or right["doc"] else None,
        Block("The loop the steps run in", left["loop"], right["loop"])
        if left["loop"] or right["loop"] else None,
        [Block(marker.heading, *sides, *loops) for marker, sides, loops in zip(
            sources[0].markers, zip(left["steps"], right["steps"]),
            zip(left["loops"], right["loops"]))],
        _pair(left["rest"], right["rest"], (sources[0].folder, sources[1].folder)))


# ---------------------------------------------------------------------------------
# The terminal view

def _cells(lines: List[Line], width: int, digits: int) -> List[str]:
    """One column: each line numbered and cut into pieces that fit (after a space when one
    is near), every piece but the last ending in a backslash. Nothing is lost."""
    room, cells = width - digits - 1, []
    for number, text in lines:
        pieces = []
        while len(text) > room:
            cut = text.rfind(" ", room // 2, room - 1) + 1 or room - 1
            pieces.append(text[:cut] + "\\")
            text = text[cut:]
        cells += [f"{n:>{digits}} {piece}".ljust(width)
                  for n, piece in zip([number] + [""] * len(pieces), pieces + [text])]
    return cells


def render_text(alignment: Alignment, width: int = 80) -> str:
    """The side-by-side view as plain text, no line wider than ``width`` (>= MIN_WIDTH).

    Headings and rules start with ``#``, ``=`` or ``-``; code rows start with a line number
    or a space and hold the pure line, `` | ``, then the vectorized line, the left column
    ``(width - 3) // 2`` wide. Long lines continue on the next row after a backslash.
    """
    if width < MIN_WIDTH:
        raise ValueError(f"width must be at least {MIN_WIDTH}, got {width}")
    a, out = alignment, []
    digits = len(str(max(a.left_count, a.right_count)))
    widths = ((width - 3) // 2, width - 3 - (width - 3) // 2)

    def heading(text: str, prefix: str = "# ") -> None:
        out.extend(textwrap.wrap(text, width, initial_indent=prefix,
                                 subsequent_indent=prefix + "  ", break_on_hyphens=False)
                   or [prefix.rstrip()])

    def block(b: Block, rule: str, title: bool = True) -> None:
        out.append(rule * width)
        if title:
            heading(b.title)
        for name, loops in ((a.left_name, b.left_loops), (a.right_name, b.right_loops)):
            if loops:  # "pure: inside 113 for batch in minibatches(...):", the innermost
                folder, (line, header) = name.split("/")[0], loops[-1]
                heading(f"{folder}: inside {line} {header}", "#   ")
        left, right = _cells(b.left, widths[0], digits), _cells(b.right, widths[1], digits)
        for k in range(max(len(left), len(right))):
            row = (left[k] if k < len(left) else " " * widths[0]) + " | "
            out.append((row + (right[k] if k < len(right) else "")).rstrip())

    heading(f"{a.model}: {a.left_name} on the left, {a.right_name} on the right. "
            f"Line numbers are those of the files.")
    out.append(f"{('# ' + a.left_name)[:widths[0]]:<{widths[0]}} | {a.right_name[:widths[1]]}")
    for b in [x for x in (a.docstrings, a.loop) if x]:
        block(b, "=")
    for b in a.steps:
        block(b, "=", title=False)  # the markers, first in each column, are the headings
    if a.rest:
        out.append("#" * width)
        heading("Everything else: set-up, other methods, solvers, input checks, demo")
        for b in a.rest:
            block(b, "-")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------
# The HTML page

MONO = 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace'
CSS = f"""
* {{ box-sizing: border-box; }}
body {{ margin: 0; padding: 1rem 1.25rem 2rem; color: #1d1d1f; background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }}
h1 {{ font-size: 1.4rem; margin: 0 0 .3rem; }} h2 {{ font-size: 1.2rem; margin: 1.6rem 0 .3rem; }}
p {{ margin: 0 0 .6rem; max-width: 62rem; }} nav a {{ margin-right: .9rem; white-space: nowrap; }}
code, table.src, tr.title h3, div.inside span.n {{ font-family: {MONO}; }}
table.twins {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
table.twins > thead th {{ position: sticky; top: 0; z-index: 1; background: #e9eef5;
  border-bottom: 2px solid #8fa3bf; padding: .35rem .6rem; text-align: left; font-size: .95rem; }}
table.twins > thead th span {{ font-weight: normal; color: #4a4a4a; }}
table.twins td {{ vertical-align: top; padding: 0 .5rem 0 0; }}
table.twins td + td {{ border-left: 1px solid #d5d9df; padding: 0 0 0 .5rem; }}
tr.title > th {{ text-align: left; padding: 1rem .6rem .3rem; border-top: 1px solid #bbb; }}
tr.title h3 {{ margin: 0; font-size: .95rem; }} tr.code > td {{ padding-bottom: .6rem; }}
tbody.step tr.head > td {{ border-top: 3px solid #3d6fb6; padding-top: .7rem; }}
div.inside {{ margin: .1rem 0 .3rem 3.4em; font-size: 12.5px; color: #5f6670; }}
table.src {{ width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12.5px;
  line-height: 1.4; }}
table.src td.n {{ width: 3.4em; padding: 0 .7em 0 0; text-align: right; vertical-align: top;
  user-select: none; }}
table.src td.n, div.inside span.n {{ color: #8a8f98; }} table.src tr.cm td.c {{ color: #5b6b4f; }}
table.src td.c {{ white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 0 0 4ch;
  text-indent: -4ch; }}
table.src.mk {{ font-size: 14px; }} table.src.mk td.c {{ color: #18457e; font-weight: bold; }}
table.src.mk span.f {{ display: block; font-weight: normal; font-size: 13px; color: #0b3a75;
  background: #eef3fa; border-radius: 3px; padding: .1rem .3rem .1rem 4ch; }}
details {{ margin-top: 1.6rem; }}
summary {{ cursor: pointer; font-size: 1.2rem; font-weight: bold; }}
footer {{ margin-top: 2rem; font-size: .85rem; color: #555; }}
@media (max-width: 1000px) {{ body {{ padding: .6rem .5rem 1rem; }}
  table.src {{ font-size: 11.5px; }}
  table.src td.n {{ width: 3em; padding-right: .5em; }} div.inside {{ margin-left: 3em; }} }}
@media print {{ table.twins > thead th {{ position: static; }} }}
"""


def _src(lines: List[Line], kind: str = "") -> str:
    """A column's lines as rows of a ``table.src``: number in ``td.n``, text in ``td.c``;
    ``kind="mk"`` shows a step marker as a heading, its formula on a line of its own."""
    rows = []
    for number, text in lines:
        body, match = html.escape(text, quote=False), MARKER.search(text)
        if kind and match and "  " in match.group(2):
            cut = match.start(2) + match.group(2).index("  ")
            body = f'{html.escape(text[:cut])}<span class="f">{html.escape(text[cut:])}</span>'
        row = ' class="cm"' if text.lstrip().startswith("#") and not kind else ""
        # A wrapped line goes on 4 columns right of its indentation (deep ones count as 20).
        hang = min(_indent(text), 20) + 4
        style = f' style="padding-left:{hang}ch;text-indent:-{hang}ch"' if hang > 4 else ""
        rows.append(f'<tr{row}><td class="n">{number}</td><td class="c"{style}>{body}</td></tr>')
    return f'<table class="src{" " + kind if kind else ""}">\n' + "\n".join(rows) + "\n</table>"


def _loops(loops: Tuple[Loop, ...], other: Tuple[Loop, ...]) -> str:
    """The innermost loop a step runs inside: "inside 113 for batch in ...:"."""
    if not loops:
        return '<div class="inside">not inside a loop</div>' if other else ""
    return (f'<div class="inside">inside <span class="n">{loops[-1].line}</span> '
            f"<code>{html.escape(loops[-1].header)}</code></div>")


def render_html(alignment: Alignment) -> str:
    """The side-by-side view as one standalone page: no script, no network, inline CSS.

    It depends on the two files alone (no dates, no absolute paths), so a committed copy can
    be checked by regenerating it. Each code line is a row of a ``table.src`` in the
    ``td.pure`` (left) or ``td.vectorized`` (right) cell, its number in ``td.n``, its text in
    ``td.c``; step k is ``tbody#step-k``, its first row the two markers.
    """
    e, a = html.escape, alignment

    def row(left: str, right: str, kind: str = "code") -> str:
        return (f'<tr class="{kind}"><td class="pure">{left}</td>'
                f'<td class="vectorized">{right}</td></tr>')

    def table(*body: str) -> List[str]:
        return ['<table class="twins"><colgroup><col><col></colgroup><thead><tr>'
                f'<th scope="col">{e(a.left_name)} <span>(plain Python, index form)</span></th>'
                f'<th scope="col">{e(a.right_name)} <span>(NumPy, matrix form)</span></th>'
                "</tr></thead>", *body, "</table>"]

    def titled(b: Block, tbody: str = "<tbody>") -> str:
        return (f'{tbody}<tr class="title"><th colspan="2"><h3>{e(b.title)}</h3></th></tr>'
                + row(_src(b.left), _src(b.right)) + "</tbody>")

    steps = []
    for k, step in enumerate(a.steps, 1):
        steps += [f'<tbody id="step-{k}" class="step">',
                  row(_src(step.left[:1], "mk"), _src(step.right[:1], "mk"), "head")]
        if step.left_loops or step.right_loops:
            steps.append(row(_loops(step.left_loops, step.right_loops),
                             _loops(step.right_loops, step.left_loops), "inside"))
        steps += [row(_src(step.left[1:]), _src(step.right[1:])), "</tbody>"]
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(a.model)}: the two twins side by side</title>",
           f"<style>{CSS}</style>", "</head>", "<body>", "<header>",
           f"<h1>{e(a.model)}: the two twins side by side</h1>",
           f"<p>Left: <code>{e(a.left_name)}</code>, plain Python with explicit loops over "
           f"samples i and features j. Right: <code>{e(a.right_name)}</code>, the same model in "
           f"NumPy matrix form. First the mathematics of both, then gradient descent step by step "
           f"(each step starts level in both columns, with its formula in each twin's notation), "
           f"then everything else. Line numbers are those of the source files.</p>",
           "<nav>" + " ".join(['<a href="#mathematics">The mathematics</a>'] * bool(a.docstrings)
                              + [f'<a href="#step-{k}">{e(s.title)}</a>'
                                 for k, s in enumerate(a.steps, 1)]
                              + ['<a href="#everything-else">Everything else</a>'] * bool(a.rest))
           + "</nav>", "</header>"]
    if a.docstrings:
        out += ['<h2 id="mathematics">The mathematics</h2>',
                "<p>The module docstrings: the model, the cost, the gradient and the update, "
                "in index form on the left and in matrix form on the right.</p>",
                *table(row(_src(a.docstrings.left), _src(a.docstrings.right)))]
    out += ['<h2 id="steps">Gradient descent, step by step</h2>',
            "<p>Each step computes its formula; under it stands the loop it runs inside.</p>",
            *table(*([titled(a.loop, '<tbody id="loop">')] if a.loop else []), *steps)]
    if a.rest:
        out += ['<details id="everything-else"><summary>Everything else</summary>',
                "<p>The rest of both files, so that no line is left out: the imports and "
                "helpers, the class and its parameters, the set-up of <code>fit</code>, the other "
                "methods, the exact solvers, the input checks and the demo. Definitions with the "
                "same name stand side by side.</p>", *table(*map(titled, a.rest)), "</details>"]
    out += plot.lesson_html(Path(a.left_name).stem.replace("_regression", ""))  # issue 13
    out += [f"<footer>Generated from <code>{e(a.left_name)}</code> and <code>{e(a.right_name)}"
            f"</code> by <code>{e(REFRESH_COMMAND)}</code>; do not edit by hand.</footer>",
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


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run ``python -m pure show ...`` with ``argv`` (default ``sys.argv[2:]``); return the
    exit status: 0 on success, 2 on a usage error or when the twins' steps differ."""
    parser = argparse.ArgumentParser(
        prog=_prog(), description="Show a model's two twins side by side, aligned step by step.",
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
    width = args.width if args.width is not None else shutil.get_terminal_size().columns
    problem = (f"give one model ({', '.join(models())}), two files, or --all"
               if args.all == bool(args.what) or len(args.what) > 2 else
               "--html writes one page; use --html-dir with --all"
               if args.html and (args.html_dir or args.all) else
               f"the width must be at least {MIN_WIDTH} columns, got {width}"
               if width < MIN_WIDTH else "")
    if problem:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: {problem}", file=sys.stderr)
        return 2
    try:
        pairs = ([(name, *twin_paths(name)) for name in models()] if args.all
                 else [(model_name(args.what[0]), Path(args.what[0]), Path(args.what[1]))]
                 if len(args.what) == 2
                 else [(model_name(args.what[0]), *twin_paths(args.what[0]))])
        alignments = [(name, align(p, v)) for name, p, v in pairs]
    except ShowError as error:
        print(error, file=sys.stderr)
        return 2
    if args.html or args.html_dir:
        for name, alignment in alignments:
            target = Path(args.html) if args.html else Path(args.html_dir) / html_name(name)
            if args.html_dir:
                target.parent.mkdir(parents=True, exist_ok=True)
            # newline="\n": the same bytes on every platform, so committed pages compare equal
            with open(target, "w", encoding="utf-8", newline="\n") as page:
                page.write(render_html(alignment))
            print(f"wrote {target}")
        return 0
    text = "\n".join(render_text(alignment, width) for _, alignment in alignments)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:  # through a pipe of any encoding: one '?' for a character it cannot encode
        sys.stdout.write(text.encode(encoding, "replace").decode(encoding))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        except (OSError, ValueError, AttributeError):
            pass
        return 1
    return 0
