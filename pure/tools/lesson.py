"""One reader of lesson files, shared by the side-by-side view (``python -m pure show``) and
the exercise generator (``python -m pure exercise``).

A lesson file is parsed with ``ast`` and ``tokenize``, never imported, so no NumPy is needed.
``Source`` reads one file and, if it has step markers (``# Step N: title  formula`` comments on
a line of their own), cuts it into the parts the side-by-side view shows: the docstring, the
loop the steps run in, the steps, and everything else cut at each definition.
"""

import ast
import io
import re
import tokenize
from pathlib import Path
from typing import List, NamedTuple, Optional, Sequence, Tuple

MARKER = re.compile(r"#\s*Step\s+(\d+[a-z]?)\s*:\s*(.*)$")
# A marker's formula may go on over comment lines right below it, at its indentation and with
# at least two spaces after the "#" (the formula's column), as in
#     # Step 3: gradient  dJ/dW = 1/m (P - Y)^T X + (lambda/m) W
#     #                   dJ/db = 1/m (P - Y)^T 1, the bias unpenalized
CONTINUATION = re.compile(r"#\s{2,}\S")
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)

Line = NamedTuple("Line", [("number", int), ("text", str)])  # text less its block's indentation
Loop = NamedTuple("Loop", [("line", int), ("header", str)])  # "for i in b:", joined on one line
# The heading of a step marker is "Step 3: gradient"; the formula after it is the twin's own.
Marker = NamedTuple("Marker", [("line", int), ("heading", str)])
# A function "Model.fit()", a class "class Model" or the main guard, from its first decorator
Definition = NamedTuple("Definition", [("name", str), ("first", int), ("last", int)])

class LessonError(ValueError):
    """A lesson file that cannot be read or parsed, said in one line."""


# --- Reading one file -----------------------------------------------------------------------
def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


class _Source:
    """One twin file, read, parsed and (if it has step markers) cut into its parts."""

    def __init__(self, path: Path) -> None:
        self.name, self.folder = f"{path.parent.name}/{path.name}", path.parent.name
        try:
            text = path.read_text(encoding="utf-8")  # universal newlines: \r\n becomes \n
            self.tree = ast.parse(text)
            tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
        except (OSError, UnicodeDecodeError) as error:
            raise LessonError(f"cannot read {self.name}: {error}") from None
        except (SyntaxError, tokenize.TokenError) as error:
            raise LessonError(f"cannot parse {self.name}: {error}") from None
        # Split on "\n" only, as the parser counts lines (str.splitlines also splits on \f).
        self.lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
        self.markers = [  # comments on a line of their own: not after code, not in a string
            Marker(t.start[0], f"Step {m.group(1)}: {m.group(2).partition('  ')[0]}".strip())
            for t in tokens for m in [MARKER.match(t.string)]
            if t.type == tokenize.COMMENT and m and not t.line[:t.start[1]].strip()]
        self.definitions = self._definitions(self.tree.body, "")
        if not self.markers:
            return  # nothing to cut; align says so
        # The parts, in the order shown: ``doc``, ``loop``, ``steps`` (each its marker, then its
        # lines), the ``loops`` each step runs inside, and the ``rest`` as (name, lines).
        starts = [m.line for m in self.markers]
        # The last step ends with the statement list holding the first statement after its
        # marker (the outermost one, if several start on that line).
        after = [(s.lineno, -s.end_lineno, body[-1].end_lineno) for node in ast.walk(self.tree)
                 for body in (getattr(node, f, None) for f in ("body", "orelse", "finalbody"))
                 if isinstance(body, list) for s in body if s.lineno > starts[-1]]
        stop = min(after, key=lambda s: s[:2])[2] + 1 if after else len(self.lines) + 1
        self.loops = [self._loops_around(first) for first in starts]
        start = self.loops[0][0].line if self.loops[0] else starts[0]
        margin = _indent(self.lines[start - 1])  # one margin for all the steps: nesting shows
        doc = self.tree.body[0].end_lineno if ast.get_docstring(self.tree) is not None else 0
        self.doc = self._shown(range(1, doc + 1), 0)
        self.loop = self._shown(range(start, starts[0]), margin)
        self.heads = [self._heading_lines(first) for first in starts]
        self.steps = [[Line(k, self.lines[k - 1].strip()) for k in range(first, first + head)]
                      + self._shown(range(first + head, end), margin)
                      for first, end, head in zip(starts, starts[1:] + [stop], self.heads)]
        rest = [n for n in range(doc + 1, len(self.lines) + 1) if not start <= n < stop]
        self.rest = [(name, self._shown(lines)) for name, lines in self._chunks(rest, start, stop)]

    def _heading_lines(self, first: int) -> int:
        """How many lines the marker on line ``first`` takes: itself and the comment lines
        under it, at its indentation, that continue its formula (CONTINUATION)."""
        indent = self.lines[first - 1][:_indent(self.lines[first - 1])]
        last = first
        while (last < len(self.lines) and CONTINUATION.match(self.lines[last].strip())
               and self.lines[last].startswith(indent + "#")
               and not MARKER.search(self.lines[last])):
            last += 1
        return last - first + 1

    def _definitions(self, body: List[ast.stmt], prefix: str) -> List[Definition]:
        """The functions and classes at module and class level, and the main guard."""
        found = []
        for node in body:
            first = min([d.lineno for d in getattr(node, "decorator_list", [])] + [node.lineno])
            if isinstance(node, FUNCTIONS):
                found.append(Definition(f"{prefix}{node.name}()", first, node.end_lineno))
            elif isinstance(node, ast.ClassDef):
                found.append(Definition(f"class {prefix}{node.name}", first, node.end_lineno))
                found += self._definitions(node.body, prefix + node.name + ".")
            elif isinstance(node, ast.If) and not prefix and "__name__" in ast.dump(node.test):
                found.append(Definition('if __name__ == "__main__"', first, node.end_lineno))
        return found

    def _loops_around(self, line: int) -> Tuple[Loop, ...]:
        """The loop headers, outermost first, around ``line`` in its own function."""
        nodes = sorted((n for n in ast.walk(self.tree) if isinstance(n, ast.stmt)),
                       key=lambda node: node.lineno)
        start = max([n.lineno for n in nodes if isinstance(n, FUNCTIONS)
                     and n.lineno < line <= n.end_lineno] or [0])
        return tuple(Loop(n.lineno, " ".join(text.strip() for text in self.lines[
            n.lineno - 1:(n.test if isinstance(n, ast.While) else n.iter).end_lineno]))
            for n in nodes if isinstance(n, (ast.For, ast.AsyncFor, ast.While))
            and start < n.lineno < line <= n.end_lineno)

    def _shown(self, numbers: Sequence[int], margin: Optional[int] = None) -> List[Line]:
        """The lines ``numbers``, less their common indentation (or ``margin``)."""
        texts = [self.lines[n - 1].expandtabs(8).rstrip() for n in numbers]
        if margin is None:
            margin = min([_indent(t) for t in texts if t] or [0])
        return [Line(n, t[min(margin, _indent(t)):]) for n, t in zip(numbers, texts)]

    def _chunks(self, numbers: List[int], start: int, stop: int) -> List[Tuple[str, List[int]]]:
        """``numbers`` cut at each definition, which takes along the comments just above it,
        and after each gap; ``start`` and ``stop`` bound the steps, which are taken out."""
        rest, names, chunks = set(numbers), {}, []
        for name, first, _ in self.definitions:
            top = first  # climb over the comments and the blank lines between them...
            while top - 1 in rest and self.lines[top - 2].lstrip()[:1] in ("", "#"):
                top -= 1  # ... but the blank lines above the comments stay with what precedes
            if first in rest:
                names[next(k for k in range(top, first + 1) if self.lines[k - 1].strip())] = name
        for n in numbers:
            if n in names or n - 1 not in rest:
                code = next((k for k in numbers if k >= n and self.lines[k - 1].strip()), n)
                chunks.append((names.get(n) or self._around(code, start, stop), []))
            chunks[-1][1].append(n)
        return chunks

    def _around(self, line: int, start: int, stop: int) -> str:
        """The innermost definition holding ``line``, named by where it stands to the steps."""
        inside = [d for d in self.definitions if d.first <= line <= d.last]
        if not inside:
            return "module level"
        name, first, last = max(inside, key=lambda d: d.first)
        if first < start and stop <= last:
            return name + ", after the steps" if line >= stop else name
        return name + ", continued"


Source = _Source  # the public name; the view still says _Source


# --- The steps as an exercise sees them ------------------------------------------------------
SECTION = re.compile(r"# ---- (.*?)\s*-*\s*$")  # "# ---- Input checks ----...", at column 0


class Step(NamedTuple):
    """One numbered step of ``fit`` as code to write: its marker (with the continuation lines
    of its formula) and its body, the statements that compute the step."""
    number: int
    heading: str  # "Step 3: gradient"
    marker: int  # the marker's line
    marker_last: int  # its last continuation line (``marker`` if none)
    first: int  # the body's first and last lines
    last: int
    indent: str  # the marker's indentation, the body's too
    outputs: Tuple[str, ...]  # the names it sets that the code after it reads, in order


class Section(NamedTuple):
    """Lines under a ``# ---- Title ----`` heading, up to the next heading or the main guard."""
    title: str
    first: int  # the heading's line
    last: int  # the last line that is not blank


def _statement_lists(tree: ast.AST) -> List[List[ast.stmt]]:
    lists = []
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                lists.append(body)
        for handler in getattr(node, "handlers", []) or []:
            lists.append(handler.body)
    return lists


def _assigned(statement: ast.stmt) -> List[str]:
    """The names a top-level assignment statement binds (``a, b = ...`` binds both)."""
    targets = (statement.targets if isinstance(statement, ast.Assign) else
               [statement.target] if isinstance(statement, (ast.AugAssign, ast.AnnAssign))
               else [])
    return [n.id for t in targets for n in ast.walk(t)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)]


def steps(source: _Source) -> List[Step]:
    """The steps of ``source`` with the lines of their bodies; LessonError if a marker has no
    statement after it. A body runs from the line after the marker's formula to the next
    marker or the end of the statements the marker stands among, and stops before the first
    bare call there (``history.add(cost, w, b)``: bookkeeping the exercise keeps)."""
    lists = _statement_lists(source.tree)
    functions = [n for n in ast.walk(source.tree) if isinstance(n, FUNCTIONS)]
    starts = sorted(m.line for m in source.markers)
    found = []
    for marker, head in zip(source.markers, source.heads):
        last = marker.line + head - 1
        indent = source.lines[marker.line - 1][:_indent(source.lines[marker.line - 1])]
        after = [(s.lineno, -s.end_lineno, k, body) for body in lists
                 for k, s in enumerate(body) if s.lineno > last]
        if not after:
            raise LessonError(f"{source.name} line {marker.line}: no statement after the "
                              f"marker of {marker.heading}")
        _, _, k, body = min(after, key=lambda a: a[:2])
        stop = min([s for s in starts if s > marker.line] or [len(source.lines) + 1])
        statements = []
        for s in body[k:]:
            if s.lineno >= stop or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Call)):
                break
            statements.append(s)
        if not statements:
            raise LessonError(f"{source.name} line {marker.line}: {marker.heading} has no "
                              f"statement of its own before the next step or bare call")
        first, end = statements[0].lineno, statements[-1].end_lineno
        around = [f for f in functions if f.lineno < marker.line <= f.end_lineno]
        read = {n.id for f in around[-1:] for n in ast.walk(f) if isinstance(n, ast.Name)
                and isinstance(n.ctx, ast.Load) and not first <= n.lineno <= end}
        outputs = []
        for s in statements:
            outputs += [name for name in _assigned(s) if name in read and name not in outputs]
        number = int(re.match(r"Step (\d+)", marker.heading).group(1))
        found.append(Step(number, marker.heading, marker.line, last, first, end, indent,
                          tuple(outputs)))
    return found


def sections(source: _Source) -> List[Section]:
    """The ``# ---- Title ----`` sections of ``source``, in order."""
    heads = [n for n, text in enumerate(source.lines, 1) if SECTION.match(text)]
    guard = [d.first for d in source.definitions if d.name.startswith("if __name__")]
    found = []
    for first, following in zip(heads, heads[1:] + [min(guard or [len(source.lines) + 1])]):
        last = following - 1
        while last > first and not source.lines[last - 1].strip():
            last -= 1
        found.append(Section(SECTION.match(source.lines[first - 1]).group(1), first, last))
    return found
