"""The side-by-side reading view (``python -m pure show``): both twins, every line once,
step k beside step k, in the terminal and in the committed HTML pages.

Standard library only: these tests run in the tox env without NumPy too.
"""

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pure.tools import sidebyside

ROOT = Path(__file__).resolve().parent.parent
MODELS = sidebyside.models()
HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
BLOCK_NUMPY = "import sys; sys.modules['numpy'] = None; "


def pair(name):
    return ROOT / "pure" / f"{name}_regression.py", ROOT / "vectorized" / f"{name}_regression.py"


def source_lines(path):
    text = Path(path).read_text(encoding="utf-8")
    lines = text.split("\n")
    return lines[:-1] if text.endswith("\n") else lines


def markers(path):
    return [(number, line.strip()) for number, line in enumerate(source_lines(path), 1)
            if re.match(r"#\s*Step\s+\d+[a-z]?\s*:", line.strip())]


def run(args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, *args], cwd=str(cwd), env=env,
                          capture_output=True, text=True, timeout=120)


def assert_every_line_once(shown, path):
    """``shown`` maps line number -> list of texts shown for it: each line of the file
    must be shown exactly once, as the source line less some leading whitespace."""
    lines = source_lines(path)
    assert sorted(shown) == list(range(1, len(lines) + 1)), f"{path.name}: lines missing or extra"
    for number, texts in shown.items():
        assert len(texts) == 1, f"{path.name} line {number} is shown {len(texts)} times"
        source, text = lines[number - 1].expandtabs(8).rstrip(), texts[0].rstrip()
        assert source.endswith(text) and not source[:len(source) - len(text)].strip(), \
            f"{path.name} line {number}: shown as {text!r}, source {source!r}"


# ---------------------------------------------------------------------------------
# Parsing the two views back


def parse_text(output, width, digits):
    """{side: {line number: [texts]}} and {side: {line number: output row}} from the
    terminal view, rebuilding wrapped lines from their pieces."""
    left_width = (width - 3) // 2
    right_width = width - 3 - left_width
    shown = {"left": {}, "right": {}}
    rows = {"left": {}, "right": {}}
    last = {"left": None, "right": None}
    for row, line in enumerate(output.split("\n")):
        if not line or line[0] not in " 0123456789":
            continue  # a heading or a rule
        assert line[left_width:left_width + 2] == " |", f"no column separator in {line!r}"
        cells = {"left": line[:left_width], "right": line[left_width + 3:].ljust(right_width)}
        for side, cell in cells.items():
            number, text = cell[:digits].strip(), cell[digits + 1:].rstrip()
            if number:
                shown[side].setdefault(int(number), []).append(text)
                rows[side].setdefault(int(number), row)
                last[side] = int(number)
            elif text:  # a continuation piece: the previous piece ends in a backslash
                previous = shown[side][last[side]]
                assert previous[-1].endswith("\\"), f"continuation without a mark: {line!r}"
                previous[-1] = previous[-1][:-1] + text
    return shown, rows


class PageParser(HTMLParser):
    """Collects every code line of the page with its column and its step."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []  # (column, tbody id, line number, text)
        self.sections = []  # (line number, column, section) of each code line, in page order
        self.section = "top"  # the last <h2> id, or "details" inside <details>
        self.links, self.scripts, self.outside_text = [], 0, []
        self.column = self.tbody = self.field = None
        self.number, self.buffer = None, ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
        for name in ("href", "src", "action", "data"):
            if attrs.get(name) is not None:
                self.links.append(attrs[name])
        if tag == "tbody":
            self.tbody = attrs.get("id")
        if tag == "h2" and attrs.get("id"):
            self.section = attrs["id"]
        if tag == "details":
            self.section = "details"
        if tag == "td" and ("pure" in classes or "vectorized" in classes):
            self.column = "pure" if "pure" in classes else "vectorized"
        elif tag == "td" and ("n" in classes or "c" in classes):
            self.field, self.buffer = classes[0], ""

    def handle_endtag(self, tag):
        if tag == "td" and self.field == "n":
            self.number = int(self.buffer)
        elif tag == "td" and self.field == "c":
            self.lines.append((self.column, self.tbody, self.number, self.buffer))
            self.sections.append((self.number, self.column, self.section))
        if tag == "td":
            self.field = None

    def handle_data(self, data):
        if self.field:
            self.buffer += data
        else:
            self.outside_text.append(data)


def parse_html(page):
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


# ---------------------------------------------------------------------------------
# Every model pair is found and aligns


def test_every_pure_model_with_a_twin_is_shown():
    expected = sorted(path.name[:-len("_regression.py")]
                      for path in (ROOT / "pure").glob("*_regression.py")
                      if (ROOT / "vectorized" / path.name).is_file())
    assert MODELS == expected
    assert "linear" in MODELS and "logistic" in MODELS


@pytest.mark.parametrize("name", MODELS)
def test_the_twins_align_step_by_step(name):
    pure_path, vectorized_path = pair(name)
    try:
        alignment = sidebyside.align(pure_path, vectorized_path)
    except sidebyside.StepMismatchError as error:
        pytest.fail(str(error))
    pure_markers, vectorized_markers = markers(pure_path), markers(vectorized_path)
    assert len(alignment.steps) == len(pure_markers) >= 1
    for k, step in enumerate(alignment.steps):  # row k holds step k of both files
        assert step.left[0][0] == pure_markers[k][0]
        assert step.right[0][0] == vectorized_markers[k][0]
        assert step.title.startswith(f"Step {k + 1}:") or step.title.startswith("Step ")
        assert pure_markers[k][1].lstrip("# ").startswith(step.title)


@pytest.mark.parametrize("name", MODELS)
def test_the_blocks_hold_every_line_of_both_files_once(name):
    alignment = sidebyside.align(*pair(name))
    for side, path in zip(("left", "right"), pair(name)):
        shown = {}
        for block in alignment.blocks():
            for number, text in getattr(block, side):
                shown.setdefault(number, []).append(text)
        assert_every_line_once(shown, path)


# ---------------------------------------------------------------------------------
# The terminal view


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("name", MODELS)
def test_text_view_fits_the_width_and_shows_every_line_once(name, width):
    pure_path, vectorized_path = pair(name)
    output = sidebyside.render_text(sidebyside.align(pure_path, vectorized_path), width)
    too_wide = [line for line in output.split("\n") if len(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}: {too_wide[0]!r}"
    digits = len(str(max(len(source_lines(pure_path)), len(source_lines(vectorized_path)))))
    shown, rows = parse_text(output, width, digits)
    assert_every_line_once(shown["left"], pure_path)
    assert_every_line_once(shown["right"], vectorized_path)
    # Blank padding makes each step start on the same row in both columns.
    previous = -1
    for (left, _), (right, _) in zip(markers(pure_path), markers(vectorized_path)):
        assert rows["left"][left] == rows["right"][right], f"step at pure line {left} is not level"
        assert rows["left"][left] > previous
        previous = rows["left"][left]


def test_long_lines_wrap_with_a_visible_mark():
    output = sidebyside.render_text(sidebyside.align(*pair("logistic")), 80)
    assert any(line.rstrip().endswith("\\") for line in output.split("\n")
               if line[:1] in " 0123456789")


def test_show_works_through_a_pipe_with_numpy_blocked():
    code = BLOCK_NUMPY + ("import runpy; "
                          "sys.argv = ['pure', 'show', 'logistic', '--width', '100']; "
                          "runpy.run_module('pure', run_name='__main__')")
    result = run(["-c", code])
    assert result.returncode == 0, result.stderr
    assert "Step 1:" in result.stdout and "Step 5:" in result.stdout
    assert max(len(line) for line in result.stdout.split("\n")) <= 100


def test_show_defaults_to_80_columns_through_a_pipe():
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    result = run(["-m", "pure", "show", "linear"], env=env)
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.split("\n")) <= 80


def test_a_pipe_that_cannot_encode_a_character_gets_a_question_mark(tmp_path):
    pure_path, vectorized_path = copy_pair(tmp_path, "linear")
    text = pure_path.read_text(encoding="utf-8").replace(
        "Linear regression trained", "Linear regression (\u03bb) trained")
    pure_path.write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    result = run(["-m", "pure", "show", str(pure_path), str(vectorized_path), "--width", "90"],
                 env=env)
    assert result.returncode == 0, result.stderr
    assert "Linear regression (?) trained" in result.stdout


def test_python_m_vectorized_show_prints_the_same_view_with_or_without_numpy(tmp_path):
    blocker = tmp_path / "numpy"  # shadows NumPy for a real `python -m vectorized` run
    blocker.mkdir()
    (blocker / "__init__.py").write_text('raise ImportError("NumPy is blocked here")\n')
    without = dict(os.environ, PYTHONPATH=str(tmp_path))
    a = run(["-m", "pure", "show", "logistic", "--width", "120"])
    b = run(["-m", "vectorized", "show", "logistic", "--width", "120"], env=without)
    assert a.returncode == b.returncode == 0, a.stderr + b.stderr
    assert a.stdout == b.stdout and "Step 5:" in a.stdout
    if HAVE_NUMPY:
        c = run(["-m", "vectorized", "show", "logistic", "--width", "120"])
        assert c.returncode == 0 and c.stdout == a.stdout, c.stderr
    # Anything else of the NumPy twin still says how to get NumPy.
    for args in (["-m", "vectorized", "linear"], ["-c", "import vectorized"]):
        result = run(args, env=without)
        assert result.returncode != 0 and "pip install numpy" in result.stderr, result.stderr


# ---------------------------------------------------------------------------------
# The HTML page


@pytest.mark.parametrize("name", MODELS)
def test_html_page_is_standalone_and_shows_every_line_once(name):
    pure_path, vectorized_path = pair(name)
    page = sidebyside.render_html(sidebyside.align(pure_path, vectorized_path))
    parsed = parse_html(page)
    assert parsed.scripts == 0 and "<script" not in page.lower()
    assert all(link.startswith("#") for link in parsed.links), parsed.links
    outside = "".join(parsed.outside_text)  # the page's own text and CSS, code excluded
    assert "://" not in outside and "url(" not in outside and "@import" not in outside
    for column, path in (("pure", pure_path), ("vectorized", vectorized_path)):
        shown = {}
        for side, _, number, text in parsed.lines:
            if side == column:
                shown.setdefault(number, []).append(text)
        assert_every_line_once(shown, path)
    # One tbody per step, in order, each starting with the step's marker in both columns.
    for k, ((left, _), (right, _)) in enumerate(
            zip(markers(pure_path), markers(vectorized_path)), 1):
        step = [(side, number) for side, tbody, number, _ in parsed.lines if tbody == f"step-{k}"]
        assert step[0] == ("pure", left)
        assert [n for side, n in step if side == "vectorized"][0] == right


def docstring_end(path):
    return ast.parse(Path(path).read_text(encoding="utf-8")).body[0].end_lineno


def loops_around(path, line):
    """The for/while headers around ``line`` inside the innermost function holding it."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    function = max((node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
                    and node.lineno < line <= node.end_lineno), key=lambda node: node.lineno)
    return sorted(node.lineno for node in ast.walk(function)
                  if isinstance(node, (ast.For, ast.While))
                  and node.lineno < line <= node.end_lineno)


@pytest.mark.parametrize("name", MODELS)
def test_the_page_reads_mathematics_then_steps_then_everything_else(name):
    paths = dict(zip(("pure", "vectorized"), pair(name)))
    page = sidebyside.render_html(sidebyside.align(*pair(name)))
    parsed = parse_html(page)
    assert page.index('id="mathematics"') < page.index('id="step-1"') < page.index("<details")
    for column, path in paths.items():
        steps = [m for m, _ in markers(path)]
        order = [(number, section) for number, side, section in parsed.sections if side == column]
        sections = [section for _, section in order]
        # The docstring comes first, then the steps, then the rest, each in one stretch.
        assert sections == sorted(sections, key=["mathematics", "steps", "details"].index)
        assert {n for n, section in order if section == "mathematics"} == \
            set(range(1, docstring_end(path) + 1))
        in_steps = [n for n, section in order if section == "steps"]
        assert in_steps == list(range(in_steps[0], in_steps[-1] + 1)) and steps[0] in in_steps
        assert in_steps[0] == (loops_around(path, steps[0]) or steps)[0]


@pytest.mark.parametrize("name", MODELS)
def test_each_step_shows_its_formula_once_and_the_loop_it_runs_inside(name):
    paths = dict(zip(("pure", "vectorized"), pair(name)))
    page = sidebyside.render_html(sidebyside.align(*pair(name)))
    parsed = parse_html(page)
    steps_view = page[page.index('id="steps"'):page.index("<details")]
    for column, path in paths.items():
        lines = source_lines(path)
        other = markers(paths["vectorized" if column == "pure" else "pure"])
        for k, (line, marker) in enumerate(markers(path), 1):
            formula = marker.partition(":")[2].strip().partition("  ")[2]
            in_steps = [text for (_, side, section), (_, _, _, text)
                        in zip(parsed.sections, parsed.lines)
                        if side == column and section == "steps" and formula in text]
            assert in_steps == [marker], f"{column} Step {k}: its formula is in {in_steps}"
            twice = formula in other[k - 1][1]  # the same formula in both twins: once in each
            assert steps_view.count(sidebyside.html.escape(formula, quote=False)) == 1 + twice
            tbody = page[page.index(f'id="step-{k}"'):].split("</tbody>")[0]
            inside = re.findall(r'<div class="inside">.*?</div>', tbody)
            for header in loops_around(path, line)[-1:]:  # the innermost loop
                named = (f'<span class="n">{header}</span> '
                         f'<code>{sidebyside.html.escape(lines[header - 1].strip())}</code>')
                assert named in "".join(inside), \
                    f"{column} Step {k} does not show the loop of line {header} it runs inside"


def continuations(path, marker_line):
    """The comment lines right under a step marker that carry its formula on: '#' then an
    indent, as in '#                   dJ/db_k = ...'."""
    lines, found = source_lines(path), []
    for number in range(marker_line + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if not re.match(r"#\s{2,}\S", text) or re.match(r"#\s*Step\s", text):
            break
        found.append(number)
    return found


def step_rows(page, k):
    """The HTML of step k's heading row and of its code row."""
    tbody = page[page.index(f'id="step-{k}"'):].split("</tbody>")[0]
    return tbody.split('<tr class="head">')[1].split("</tr>\n<tr class=")[0], \
        tbody.split('<tr class="code">')[1]


def line_numbers(html_text):
    return [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', html_text)]


def test_a_formula_continued_under_its_marker_exists_to_be_tested():
    softmax = pair("softmax")
    assert [continuations(path, line) for path in softmax for line, _ in markers(path)
            if continuations(path, line)], "no marker continues its formula on a second line"


@pytest.mark.parametrize("page_of", ["rendered", "committed"])
@pytest.mark.parametrize("name", MODELS)
def test_a_formula_continued_under_its_marker_is_in_the_steps_heading(name, page_of):
    page = (sidebyside.render_html(sidebyside.align(*pair(name))) if page_of == "rendered"
            else (ROOT / "docs" / f"{name}_regression.html").read_text(encoding="utf-8"))
    alignment = sidebyside.align(*pair(name))
    for k, step in enumerate(alignment.steps, 1):
        head, code = step_rows(page, k)
        for path, column, lines, count in zip(pair(name), ("pure", "vectorized"),
                                              (step.left, step.right), step.heads):
            marker_line = lines[0].number
            heading = [marker_line] + continuations(path, marker_line)
            assert [number for number, _ in lines[:count]] == heading
            shown = head.split(f'<td class="{column}">')[1]
            assert line_numbers(shown.split("</table>")[0]) == heading
            column_code = code.split(f'<td class="{column}">')[1].split("</table>")[0]
            first = column_code.split("</tr>")[0]
            assert not re.search(r'<td class="c"[^>]*>\s*#\s{2,}\S', first), (
                f"{path.name} step {k}: its code starts with a continuation of the formula")
        # the continued formula reads as one: the text after its '#' and indent is shown
        for number in continuations(pair(name)[0], step.left[0].number):
            formula = source_lines(pair(name)[0])[number - 1].strip().lstrip("#").strip()
            assert sidebyside.html.escape(formula, quote=False) in head


@pytest.mark.parametrize("name", MODELS)
def test_each_step_block_holds_its_own_twins_loops(name):
    """Step k's left loops are the pure file's loops around its marker, the right ones the
    vectorized file's: the headers are those files' lines, in both views."""
    alignment = sidebyside.align(*pair(name))
    page = sidebyside.render_html(alignment)
    text = sidebyside.render_text(alignment, 200)
    for k, step in enumerate(alignment.steps, 1):
        inside = page[page.index(f'id="step-{k}"'):].split('<tr class="inside">')[1]
        inside = inside.split("</tr>")[0]
        for path, column, loops, lines in zip(pair(name), ("pure", "vectorized"),
                                              (step.left_loops, step.right_loops),
                                              (step.left, step.right)):
            source = source_lines(path)
            assert [loop.line for loop in loops] == loops_around(path, lines[0].number)
            for loop in loops:
                assert loop.header.startswith(source[loop.line - 1].strip())
            innermost = loops[-1]
            cell = inside.split(f'<td class="{column}">')[1].split("</td>")[0]
            assert f'<span class="n">{innermost.line}</span> ' \
                   f'<code>{sidebyside.html.escape(innermost.header)}</code>' in cell
            assert f"{column}: inside {innermost.line} {innermost.header}" in " ".join(
                line.lstrip("# ") for line in text.split("\n"))


@pytest.mark.parametrize("name", MODELS)
def test_the_terminal_view_reads_in_the_same_order(name):
    pure_path, vectorized_path = pair(name)
    output = sidebyside.render_text(sidebyside.align(pure_path, vectorized_path), 120)
    digits = len(str(max(len(source_lines(pure_path)), len(source_lines(vectorized_path)))))
    _, rows = parse_text(output, 120, digits)
    rest = output.split("\n").index(next(line for line in output.split("\n")
                                          if line.startswith("# Everything else")))
    for side, path in (("left", pure_path), ("right", vectorized_path)):
        steps = [m for m, _ in markers(path)]
        docstring = range(1, docstring_end(path) + 1)
        first_step = (loops_around(path, steps[0]) or steps)[0]
        in_steps = range(first_step, max(n for n in rows[side] if rows[side][n] < rest) + 1)
        assert max(rows[side][n] for n in docstring) < rows[side][first_step]
        assert all(rows[side][n] > rest for n in rows[side]
                   if n not in docstring and n not in in_steps)
        for line in steps:  # the loop it runs inside is named in the heading lines above
            above, row = [], rows[side][line] - 1
            while output.split("\n")[row][:1] in "#=":
                above.append(output.split("\n")[row].lstrip("#= "))
                row -= 1
            for header in loops_around(path, line)[-1:]:
                named = " ".join(f"{header} {source_lines(path)[header - 1].strip()}".split())
                assert named in " ".join(" ".join(reversed(above)).split()), (side, line, header)


def test_html_escapes_code(tmp_path):
    pure_path, vectorized_path = copy_pair(tmp_path, "logistic")
    nasty = '    # </td></table><script>alert("x")</script> a < b && c > d'
    lines = pure_path.read_text(encoding="utf-8").split("\n")
    lines.insert(lines.index('if __name__ == "__main__":') + 1, nasty)
    pure_path.write_text("\n".join(lines), encoding="utf-8")
    page = sidebyside.render_html(sidebyside.align(pure_path, vectorized_path))
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "a &lt; b &amp;&amp; c &gt; d" in page
    texts = [text for side, _, _, text in parse_html(page).lines if side == "pure"]
    assert nasty.strip() in [text.strip() for text in texts]


def test_html_option_writes_the_page(tmp_path, capsys):
    target = tmp_path / "page.html"
    assert sidebyside.main(["logistic", "--html", str(target)]) == 0
    expected = sidebyside.render_html(sidebyside.align(*pair("logistic")))
    assert target.read_text(encoding="utf-8") == expected
    assert sidebyside.main(["--all", "--html-dir", str(tmp_path / "pages")]) == 0
    written = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert written == [f"{m}_regression.html" for m in MODELS]
    capsys.readouterr()


def stale(page, pure_path, vectorized_path):
    """Whether ``page`` differs from the page the two files make now."""
    fresh = sidebyside.render_html(sidebyside.align(pure_path, vectorized_path))
    return not page.is_file() or page.read_text(encoding="utf-8") != fresh


@pytest.mark.parametrize("name", MODELS)
def test_the_committed_page_is_up_to_date(name):
    committed = ROOT / "docs" / f"{name}_regression.html"
    assert not stale(committed, *pair(name)), (
        f"docs/{committed.name} is missing or out of date; refresh the pages with: "
        f"{sidebyside.REFRESH_COMMAND}")


def test_a_page_goes_stale_when_a_line_of_a_model_changes(tmp_path):
    pure_path, vectorized_path = copy_pair(tmp_path, "linear")
    page = tmp_path / "linear_regression.html"
    shutil.copy(ROOT / "docs" / page.name, page)
    assert not stale(page, pure_path, vectorized_path)
    text = vectorized_path.read_text(encoding="utf-8")
    vectorized_path.write_text(text.replace("\n\n", "\n\n# a new comment\n", 1), encoding="utf-8")
    assert stale(page, pure_path, vectorized_path)
    assert stale(tmp_path / "missing.html", pure_path, vectorized_path)


def test_the_readme_links_every_page_and_the_refresh_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in MODELS:
        assert f"(docs/{name}_regression.html)" in readme, \
            f"README does not link docs/{name}_regression.html"
    assert sidebyside.REFRESH_COMMAND in readme and "python -m pure show logistic" in readme


def test_the_screenshot_command_of_the_developer_notes_renders_a_committed_page():
    """The Chromium command of docs/development.md cannot run in the suite
    (tests/test_readme.py runs the ```sh blocks; this one is in a plain block): check what
    it would do instead."""
    notes = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    assert "(docs/development.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in notes.splitlines() if line.startswith("chromium --headless")]
    assert len(commands) == 1, "the developer notes quote one headless Chromium command"
    command = commands[0]
    width = int(re.search(r"--window-size=(\d+),\d+", command).group(1))
    assert 1280 <= width <= 1440, "render at a laptop width"
    assert "--screenshot=" in command and "--user-data-dir=" in command
    page = re.search(r'file://\$PWD/(docs/\w+\.html)', command).group(1)
    assert (ROOT / page).is_file() and page[len("docs/"):-len("_regression.html")] in MODELS


def test_the_pages_are_deterministic():
    alignment = sidebyside.align(*pair("linear"))
    page = sidebyside.render_html(alignment)
    assert page == sidebyside.render_html(sidebyside.align(*pair("linear")))
    assert str(ROOT) not in page and str(Path.home()) not in page


# ---------------------------------------------------------------------------------
# Twins that do not match


def copy_pair(tmp_path, name):
    for folder in ("pure", "vectorized"):
        (tmp_path / folder).mkdir(exist_ok=True)
        shutil.copy(ROOT / folder / f"{name}_regression.py", tmp_path / folder)
    return (tmp_path / "pure" / f"{name}_regression.py",
            tmp_path / "vectorized" / f"{name}_regression.py")


def edit_lines(path, change):
    lines = path.read_text(encoding="utf-8").split("\n")
    change(lines, [k for k, line in enumerate(lines) if line.strip().startswith("# Step ")])
    path.write_text("\n".join(lines), encoding="utf-8")


def missing_step_3(lines, at):
    del lines[at[2]]


def swapped_steps_2_and_3(lines, at):
    i, j = at[1], at[2]
    indent_i, indent_j = lines[i][:-len(lines[i].lstrip())], lines[j][:-len(lines[j].lstrip())]
    lines[i], lines[j] = indent_i + lines[j].lstrip(), indent_j + lines[i].lstrip()


def renamed_step_4(lines, at):
    lines[at[3]] = lines[at[3]].replace("update", "step")


@pytest.mark.parametrize("doctor, side, step", [
    (missing_step_3, "vectorized", 3),
    (swapped_steps_2_and_3, "pure", 2),
    (renamed_step_4, "vectorized", 4),
])
def test_mismatched_steps_stop_with_one_line_and_status_2(tmp_path, doctor, side, step):
    pure_path, vectorized_path = copy_pair(tmp_path, "logistic")
    edit_lines(pure_path if side == "pure" else vectorized_path, doctor)
    with pytest.raises(sidebyside.StepMismatchError) as caught:
        sidebyside.align(pure_path, vectorized_path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"step markers differ at step {step}: pure/logistic_regression.py")
    assert "vectorized/logistic_regression.py" in message and str(tmp_path) not in message
    files = [str(pure_path), str(vectorized_path)]
    for args in (files, files + ["--html", str(tmp_path / "x.html")]):
        result = run(["-c", BLOCK_NUMPY + "from pure.tools.sidebyside import main; "
                      "sys.exit(main(sys.argv[1:]))", *args])
        assert result.returncode == 2
        assert result.stdout == "" and result.stderr == message + "\n"
    assert not (tmp_path / "x.html").exists()


def test_usage_errors_exit_2(capsys):
    assert sidebyside.main([]) == 2
    assert sidebyside.main(["no_such_model"]) == 2
    assert "no model 'no_such_model'" in capsys.readouterr().err
    assert sidebyside.main(["logistic", "--width", "20"]) == 2
    assert sidebyside.main(["--help"]) == 0
    assert "--html" in capsys.readouterr().out


# ---------------------------------------------------------------------------------
# The twin folder is found from the package itself


def test_show_finds_the_twins_when_installed_elsewhere(tmp_path):
    """After ``pip install .`` both packages sit side by side in site-packages; a copy
    of the two folders on PYTHONPATH stands for that, run from an unrelated directory."""
    site = tmp_path / "site"
    for folder in ("pure", "vectorized"):
        shutil.copytree(ROOT / folder, site / folder, ignore=shutil.ignore_patterns("__pycache__"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(site))
    code = BLOCK_NUMPY + ("import pure.tools.sidebyside as s; "
                          f"assert s.VECTORIZED_DIR == s.PURE_DIR.parent / 'vectorized'; "
                          f"assert str(s.PURE_DIR).startswith({str(site)!r}), s.PURE_DIR; "
                          "sys.exit(s.main(['linear', '--width', '100']))")
    result = run(["-c", code], cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    assert "pure/linear_regression.py" in result.stdout and "Step 1:" in result.stdout


# ---------------------------------------------------------------------------------
# How blocks are cut, on a small made-up pair

TOY = '''"""A toy lesson.

J = sum_i a_i
"""

import math


class Toy:
    """The toy class."""

    def fit(self):
        self.n = 0
        for epoch in range(2):
            total = 0
            for i in range(3):
                # Step 1: first  a_i = 1
                a = 1
                # Step 2: second  b_i = 2
                text = """
not indented
"""
                b = (1 +
  2)

            # Step 3: third  c_i = 3
            c = 3  # Step 9: after code, not a marker
            # Not a marker either: # Step 9: inside a comment
            s = "# Step 8: inside a string"

        # A comment about what follows the loop.
        return self

    @property
    def size(self):
        return 1


def helper():
    return 2
'''


def toy_pair(tmp_path, vectorized=None):
    for folder, text in (("pure", TOY), ("vectorized", vectorized or TOY)):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / "toy_regression.py").write_text(text, encoding="utf-8")
    return tmp_path / "pure" / "toy_regression.py", tmp_path / "vectorized" / "toy_regression.py"


def numbers(lines):
    return [number for number, _ in lines]


def test_how_a_toy_pair_is_cut(tmp_path):
    alignment = sidebyside.align(*toy_pair(tmp_path))
    assert numbers(alignment.docstrings.left) == [1, 2, 3, 4]
    # The loop the steps run in: from the outermost loop around Step 1 to the line before it.
    assert numbers(alignment.loop.left) == [14, 15, 16]
    assert [step.title for step in alignment.steps] == ["Step 1: first", "Step 2: second",
                                                        "Step 3: third"]
    # A marker is a comment on a line of its own: not one in a string or after a hash.
    # The multi-line string and the bracket at column 0 and 2 do not end Step 2; the last
    # step ends with the statements its marker stands among (the body of the epoch loop).
    assert [numbers(step.left) for step in alignment.steps] == [
        [17, 18], list(range(19, 26)), [26, 27, 28, 29]]
    assert alignment.steps[0].left[0].text == "# Step 1: first  a_i = 1"
    # One margin for all the steps, so the nesting shows: Step 1 sits two loops deep.
    assert alignment.loop.left[0].text == "for epoch in range(2):"
    assert alignment.steps[0].left[1].text == "        a = 1"
    assert alignment.steps[2].left[1].text == "    c = 3  # Step 9: after code, not a marker"
    assert [(loop.line, loop.header) for loop in alignment.steps[0].left_loops] == [
        (14, "for epoch in range(2):"), (16, "for i in range(3):")]
    assert [loop.line for loop in alignment.steps[2].left_loops] == [14]
    titles = [block.title for block in alignment.rest]
    assert titles == ["module level", "class Toy", "Toy.fit()", "Toy.fit(), after the steps",
                      "Toy.size()", "helper()"]
    size = [block for block in alignment.rest if block.title == "Toy.size()"][0]
    assert size.left[0] == (34, "@property") and size.left[-1][0] == 38
    after = [block for block in alignment.rest if block.title.endswith("after the steps")][0]
    assert numbers(after.left) == [30, 31, 32, 33]


def test_steps_pair_on_number_and_title_each_twin_keeping_its_formula(tmp_path):
    matrix = TOY.replace("a_i = 1", "a = 1 (all of them)").replace("c_i = 3", "c = 3 1")
    alignment = sidebyside.align(*toy_pair(tmp_path, matrix))
    first, _, third = alignment.steps
    assert first.left[0].text.endswith("a_i = 1")
    assert first.right[0].text.endswith("a = 1 (all of them)")
    assert third.right[0].text == "# Step 3: third  c = 3 1"
    page = sidebyside.render_html(alignment)
    for formula in ("a_i = 1", "a = 1 (all of them)", "c_i = 3", "c = 3 1"):
        assert page.count(formula) == 1, f"{formula!r} is shown {page.count(formula)} times"
    text = sidebyside.render_text(alignment, 120)
    for formula in ("a_i = 1", "a = 1 (all of them)", "c_i = 3", "c = 3 1"):
        assert text.count(formula) == 1, f"{formula!r} is printed {text.count(formula)} times"


def test_a_title_that_differs_is_a_mismatch_a_formula_is_not(tmp_path):
    renamed = TOY.replace("# Step 2: second  b_i = 2", "# Step 2: secnd  b = 2")
    with pytest.raises(sidebyside.StepMismatchError) as caught:
        sidebyside.align(*toy_pair(tmp_path, renamed))
    assert str(caught.value) == ('step markers differ at step 2: pure/toy_regression.py line 19 '
                                 'has "Step 2: second" but vectorized/toy_regression.py line 19 '
                                 'has "Step 2: secnd"')
