"""The side-by-side reading view behind ``python -m pure show``: ``show logistic`` prints
``pure/logistic_regression.py`` beside its NumPy twin ``vectorized/logistic_regression.py``;
``--html FILE`` writes the view as one standalone page (inline CSS, no script, nothing fetched);
``--all --html-dir docs`` refreshes the committed pages. The files are parsed with ``ast`` and
``tokenize``, never imported, so no NumPy is needed. The view reads in the order a learner does:

1. the mathematics: the two module docstrings, index form beside matrix form;
2. gradient descent: the loop the steps run in, then one block per ``# Step N: title  formula``
   comment on a line of its own. Steps pair on number and title; each twin keeps its own
   formula. Step N runs from its marker to the next one, the last to the end of the statements
   its marker stands among, and names the innermost loop it runs inside;
3. everything else, cut at each function and class and paired by name.

Every line of both files is shown exactly once. Twins whose steps differ in number or title
raise ``StepMismatchError`` with a one-line message; the command then exits with status 2.
"""

import argparse
import contextlib
import difflib
import html
import itertools
import os
import re
import shutil
import sys
import textwrap
from pathlib import Path
from typing import List, NamedTuple, Optional, Sequence, Tuple

from . import plot
from .lesson import MARKER, LessonError, Line, Loop, _indent, _Source

# Both packages sit side by side, in a clone and after ``pip install .``.
PURE_DIR = Path(__file__).resolve().parent.parent
VECTORIZED_DIR = PURE_DIR.parent / "vectorized"
SUFFIX = "_regression.py"
REFRESH_COMMAND = "python -m pure show --all --html-dir docs"
MIN_WIDTH = 40  # two columns of line number + at least a dozen characters of code


class ShowError(ValueError):
    """A problem the ``show`` command reports in one line (exit status 2)."""


class StepMismatchError(ShowError):
    """The twins' steps differ: one is missing, renamed or out of order."""


class Block(NamedTuple):
    """Two runs of lines shown side by side, under a title."""
    title: str
    left: List[Line]
    right: List[Line]
    left_loops: Tuple[Loop, ...] = ()  # the loops a step runs inside, outermost first
    right_loops: Tuple[Loop, ...] = ()
    heads: Tuple[int, int] = (1, 1)  # a step's heading lines: its marker and continuations


class Alignment(NamedTuple):
    """Both twins cut into blocks, built by ``align``."""
    model: str  # "Logistic regression"
    left_name: str  # "pure/logistic_regression.py": no absolute path, the pages are committed
    right_name: str
    docstrings: Optional[Block]  # the mathematics
    loop: Optional[Block]  # from the outermost loop around Step 1 to the line before it
    steps: List[Block]  # steps[k] holds step k + 1 of both files, its marker first
    rest: List[Block]  # everything else, paired by name

    def blocks(self) -> List[Block]:
        """Every block in the order shown."""
        return [b for b in (self.docstrings, self.loop) if b] + self.steps + self.rest


def models() -> List[str]:
    """Names (``"linear"``, ...) of the ``pure/*_regression.py`` files with a twin, sorted."""
    return sorted(path.name[:-len(SUFFIX)] for path in PURE_DIR.glob("*" + SUFFIX)
                  if (VECTORIZED_DIR / path.name).is_file())


def model_name(name: str) -> str:
    """``"logistic"`` from ``logistic``, ``logistic_regression`` or ``logistic_regression.py``."""
    return re.sub(r"(_regression)?(\.py)?$", "", Path(name).name, count=1)


def twin_paths(model: str) -> Tuple[Path, Path]:
    """The pure and vectorized files of ``model``; ShowError if either is missing."""
    name = model_name(model) + SUFFIX
    if not (PURE_DIR / name).is_file():
        raise ShowError(f"no model {model!r}; the models are: "
                        f"{', '.join(models()) or 'none found'}")
    if not (VECTORIZED_DIR / name).is_file():
        raise ShowError(f"pure/{name} has no twin: vectorized/{name} does not exist")
    return PURE_DIR / name, VECTORIZED_DIR / name


# --- Pairing the twins ----------------------------------------------------------------------
def _pair(left: List[Tuple[str, List[Line]]], right: List[Tuple[str, List[Line]]],
          folders: Tuple[str, str]) -> List[Block]:
    """Blocks pairing (name, lines) by name, in order; the unpaired stand on rows of their own."""
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
    """Cut two twin files into blocks that stand side by side (see the module docstring);
    StepMismatchError if their steps differ, ShowError if a file cannot be read or parsed."""
    try:
        left, right = _Source(Path(pure_path)), _Source(Path(vectorized_path))
    except LessonError as error:  # the reader's one-line message, as this command's error
        raise ShowError(str(error)) from None
    if not left.markers and not right.markers:
        raise StepMismatchError(
            f"no step markers ('# Step 1: ...') in {left.name} or {right.name}")
    for k, pair in enumerate(itertools.zip_longest(left.markers, right.markers), 1):
        if None in pair or pair[0].heading != pair[1].heading:
            said = [f'{s.name} line {m.line} has "{m.heading}"' if m else
                    f"{s.name} has no step {k} (it has {len(s.markers)} step markers)"
                    for s, m in zip((left, right), pair)]
            raise StepMismatchError(f"step markers differ at step {k}: {said[0]} but {said[1]}")
    return Alignment(
        model_name(str(pure_path)).replace("_", " ").capitalize() + " regression",
        left.name, right.name,
        Block("The mathematics", left.doc, right.doc) if left.doc or right.doc else None,
        Block("The loop the steps run in", left.loop, right.loop)
        if left.loop or right.loop else None,
        [Block(m.heading, *step) for m, step in zip(left.markers, zip(
            left.steps, right.steps, left.loops, right.loops, zip(left.heads, right.heads)))],
        _pair(left.rest, right.rest, (left.folder, right.folder)))


# --- The terminal view ----------------------------------------------------------------------
def _cells(lines: List[Line], width: int, digits: int) -> List[str]:
    """One column: each line numbered and cut into pieces that fit, all but the last ending in
    a backslash; a cut falls after a space when one is near."""
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
    """The view as text no wider than ``width``: headings and rules start with ``#``, ``=`` or
    ``-``; a code row is the numbered pure line, `` | ``, then the vectorized one."""
    if width < MIN_WIDTH:
        raise ValueError(f"width must be at least {MIN_WIDTH}, got {width}")
    a, out = alignment, []
    digits = len(str(max(line.number for b in a.blocks() for line in b.left + b.right)))
    widths = ((width - 3) // 2, width - 3 - (width - 3) // 2)

    def heading(text: str, prefix: str = "# ") -> None:
        out.extend(textwrap.wrap(text, width, initial_indent=prefix,
                                 subsequent_indent=prefix + "  ", break_on_hyphens=False)
                   or [prefix.rstrip()])

    heading(f"{a.model}: {a.left_name} on the left, {a.right_name} on the right. "
            f"Line numbers are those of the files.")
    out.append(f"{('# ' + a.left_name)[:widths[0]]:<{widths[0]}} | {a.right_name[:widths[1]]}")
    for b in a.blocks():
        if b is (a.rest or [None])[0]:
            out.append("#" * width)
            heading("Everything else: set-up, other methods, solvers, input checks, demo")
        out.append(("-" if b in a.rest else "=") * width)
        if b not in a.steps:  # a step's heading is its markers, first in each column
            heading(b.title)
        for name, loops in ((a.left_name, b.left_loops), (a.right_name, b.right_loops)):
            if loops:  # "pure: inside 113 for batch in minibatches(...):", the innermost
                heading(f"{name.split('/')[0]}: inside {loops[-1].line} {loops[-1].header}",
                        "#   ")
        for row in itertools.zip_longest(_cells(b.left, widths[0], digits),
                                         _cells(b.right, widths[1], digits),
                                         fillvalue=" " * widths[0]):
            out.append(" | ".join(row).rstrip())
    return "\n".join(out) + "\n"


# --- The HTML page --------------------------------------------------------------------------
CSS = """
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.25rem 2rem; color: #1d1d1f; background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .3rem; }
p { margin: 0 0 .6rem; max-width: 62rem; } nav a { margin-right: .9rem; white-space: nowrap; }
code, table.src, tr.title h3, div.inside span.n {
  font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; }
table.twins { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.twins > thead th { position: sticky; top: 0; z-index: 1; background: #e9eef5;
  border-bottom: 2px solid #8fa3bf; padding: .35rem .6rem; text-align: left; font-size: .95rem; }
table.twins > thead th span { font-weight: normal; color: #4a4a4a; }
table.twins td { vertical-align: top; padding: 0 .5rem 0 0; }
table.twins td + td { border-left: 1px solid #d5d9df; padding: 0 0 0 .5rem; }
tr.title > th { text-align: left; padding: 1rem .6rem .3rem; border-top: 1px solid #bbb; }
tr.title h3 { margin: 0; font-size: .95rem; } tr.code > td { padding-bottom: .6rem; }
tbody.step tr.head > td { border-top: 3px solid #3d6fb6; padding-top: .7rem; }
div.inside { margin: .1rem 0 .3rem 3.4em; font-size: 12.5px; color: #5f6670; }
table.src { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12.5px;
  line-height: 1.4; }
table.src td.n { width: 3.4em; padding: 0 .7em 0 0; text-align: right; vertical-align: top;
  user-select: none; }
table.src td.n, div.inside span.n { color: #8a8f98; } table.src tr.cm td.c { color: #5b6b4f; }
table.src td.c { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0 0 0 4ch;
  text-indent: -4ch; }
table.src.mk { font-size: 14px; } table.src.mk td.c { color: #18457e; font-weight: bold; }
table.src.mk span.lead { display: none; }
table.src.mk span.f { display: block; font-weight: normal; font-size: 13px; color: #0b3a75;
  background: #eef3fa; border-radius: 3px; padding: .1rem .3rem .1rem 4ch; }
details { margin-top: 1.6rem; } summary { cursor: pointer; font-size: 1.2rem; font-weight: bold; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; }
@media (max-width: 1000px) { body { padding: .6rem .5rem 1rem; } table.src { font-size: 11.5px; }
  table.src td.n { width: 3em; padding-right: .5em; } div.inside { margin-left: 3em; } }
@media print { table.twins > thead th { position: static; } }
"""


def _src(lines: List[Line], kind: str = "") -> str:
    """A column's lines as rows of a ``table.src``: number in ``td.n``, text in ``td.c``;
    ``kind="mk"`` shows a step marker as a heading, its formula on a line of its own, and
    each continuation of the formula under it."""
    rows = []
    for number, text in lines:
        body, match = html.escape(text, quote=False), MARKER.search(text)
        if kind and match and "  " in match.group(2):
            cut = match.start(2) + match.group(2).index("  ")
            body = f'{html.escape(text[:cut])}<span class="f">{html.escape(text[cut:])}</span>'
        elif kind and not match:  # a continuation: its formula under the marker's, the "#"
            cut = len(text) - len(text.lstrip().lstrip("#").lstrip()) - 2  # and indent hidden
            body = (f'<span class="f"><span class="lead">{html.escape(text[:cut])}</span>'
                    f'{html.escape(text[cut:])}</span>')
        row = ' class="cm"' if text.lstrip().startswith("#") and not kind else ""
        # A wrapped line goes on 4 columns right of its indentation (deep ones count as 20).
        hang = min(_indent(text), 20) + 4
        style = f' style="padding-left:{hang}ch;text-indent:-{hang}ch"' if hang > 4 else ""
        rows.append(f'<tr{row}><td class="n">{number}</td><td class="c"{style}>{body}</td></tr>')
    return f'<table class="src{" " + kind if kind else ""}">\n' + "\n".join(rows) + "\n</table>"


def render_html(alignment: Alignment) -> str:
    """The view as one page made from the two files alone, so a committed copy can be checked
    by regenerating it: a code line is a row of a ``table.src`` in a ``td.pure`` or
    ``td.vectorized`` cell, number in ``td.n``, text in ``td.c``; step k is ``tbody#step-k``."""
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
        left_head, right_head = step.heads
        steps += [f'<tbody id="step-{k}" class="step">',
                  row(_src(step.left[:left_head], "mk"), _src(step.right[:right_head], "mk"),
                      "head")]
        if step.left_loops or step.right_loops:  # the innermost loop each runs inside
            steps.append(row(*[f'<div class="inside">inside <span class="n">{ls[-1].line}</span> '
                               f"<code>{e(ls[-1].header)}</code></div>" if ls else
                               '<div class="inside">not inside a loop</div>'
                               for ls in (step.left_loops, step.right_loops)], "inside"))
        steps += [row(_src(step.left[left_head:]), _src(step.right[right_head:])), "</tbody>"]
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
    out += plot.lesson_html(Path(a.left_name).stem.replace("_regression", ""))  # its pictures
    out += [f"<footer>Generated from <code>{e(a.left_name)}</code> and <code>{e(a.right_name)}"
            f"</code> by <code>{e(REFRESH_COMMAND)}</code>; do not edit by hand.</footer>",
            "</body>", "</html>"]
    return "\n".join(out) + "\n"


# --- The command ----------------------------------------------------------------------------
def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run ``python -m pure show ...`` with ``argv`` (default ``sys.argv[2:]``); return the
    exit status: 0 on success, 2 on a usage error or when the twins' steps differ."""
    script = Path(sys.argv[0] if sys.argv and sys.argv[0] else "")  # the help names the twin run
    twin = "vectorized" if script.parts[-2:] == ("vectorized", "__main__.py") else "pure"
    parser = argparse.ArgumentParser(
        prog=f"python -m {twin} show",
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
        width = args.width if args.width is not None else shutil.get_terminal_size().columns
        problem = (f"give one model ({', '.join(models())}), two files, or --all"
                   if args.all == bool(args.what) or len(args.what) > 2 else
                   "--html writes one page; use --html-dir with --all"
                   if args.html and (args.html_dir or args.all) else
                   f"the width must be at least {MIN_WIDTH} columns, got {width}"
                   if width < MIN_WIDTH else "")
        if problem:
            parser.exit(2, f"{parser.format_usage()}{parser.prog}: {problem}\n")
    except SystemExit as exit_:  # argparse exits on --help and usage errors; return instead
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        pairs = ([(model_name(args.what[0]), Path(args.what[0]), Path(args.what[1]))]
                 if len(args.what) == 2 else [(model_name(name), *twin_paths(name))
                                              for name in (models() if args.all else args.what)])
        alignments = [(name, align(p, v)) for name, p, v in pairs]
    except ShowError as error:
        print(error, file=sys.stderr)
        return 2
    if args.html or args.html_dir:
        for name, alignment in alignments:
            target = Path(args.html or Path(args.html_dir) / (name + "_regression.html"))
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
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly, and at exit too
        with contextlib.suppress(OSError, ValueError, AttributeError):  # stdout has no file
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0
