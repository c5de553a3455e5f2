"""The side-by-side reading view (``python -m pure show``): both twins, every line once,
step k beside step k, in the terminal and in the committed HTML pages.

Standard library only: these tests run in the tox env without NumPy too.
"""

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
        if tag == "td" and ("pure" in classes or "vectorized" in classes):
            self.column = "pure" if "pure" in classes else "vectorized"
        elif tag == "td" and ("n" in classes or "c" in classes):
            self.field, self.buffer = classes[0], ""

    def handle_endtag(self, tag):
        if tag == "td" and self.field == "n":
            self.number = int(self.buffer)
        elif tag == "td" and self.field == "c":
            self.lines.append((self.column, self.tbody, self.number, self.buffer))
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
    expected = sorted(path.name[:-len("_regression.py")] for path in (ROOT / "pure").glob("*_regression.py")
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
    assert any(line.rstrip().endswith("\\") for line in output.split("\n") if line[:1] in " 0123456789")


def test_show_works_through_a_pipe_with_numpy_blocked():
    code = BLOCK_NUMPY + ("import runpy; sys.argv = ['pure', 'show', 'logistic', '--width', '100']; "
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
    text = pure_path.read_text(encoding="utf-8").replace("Linear regression trained", "Linear regression (\u03bb) trained")
    pure_path.write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    result = run(["-m", "pure", "show", str(pure_path), str(vectorized_path), "--width", "90"], env=env)
    assert result.returncode == 0, result.stderr
    assert "Linear regression (?) trained" in result.stdout


@pytest.mark.skipif(not HAVE_NUMPY, reason="python -m vectorized imports NumPy")
def test_python_m_vectorized_show_prints_the_same_view():
    a = run(["-m", "pure", "show", "logistic", "--width", "120"])
    b = run(["-m", "vectorized", "show", "logistic", "--width", "120"])
    assert a.returncode == b.returncode == 0, a.stderr + b.stderr
    assert a.stdout == b.stdout


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
    for k, ((left, _), (right, _)) in enumerate(zip(markers(pure_path), markers(vectorized_path)), 1):
        step = [(side, number) for side, tbody, number, _ in parsed.lines if tbody == f"step-{k}"]
        assert step[0] == ("pure", left)
        assert [n for side, n in step if side == "vectorized"][0] == right


def test_html_escapes_code(tmp_path):
    pure_path, vectorized_path = copy_pair(tmp_path, "logistic")
    nasty = '    # </td></table><script>alert("x")</script> a < b && c > d'
    lines = pure_path.read_text(encoding="utf-8").split("\n")
    lines.insert(lines.index('if __name__ == "__main__":') + 1, nasty)
    pure_path.write_text("\n".join(lines), encoding="utf-8")
    page = sidebyside.render_html(sidebyside.align(pure_path, vectorized_path))
    assert "<script" not in page and "&lt;script&gt;" in page and "a &lt; b &amp;&amp; c &gt; d" in page
    texts = [text for side, _, _, text in parse_html(page).lines if side == "pure"]
    assert nasty.strip() in [text.strip() for text in texts]


def test_html_option_writes_the_page(tmp_path, capsys):
    target = tmp_path / "page.html"
    assert sidebyside.main(["logistic", "--html", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == sidebyside.render_html(sidebyside.align(*pair("logistic")))
    assert sidebyside.main(["--all", "--html-dir", str(tmp_path / "pages")]) == 0
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == [f"{m}_regression.html" for m in MODELS]
    capsys.readouterr()


@pytest.mark.parametrize("name", MODELS)
def test_the_committed_page_is_up_to_date(name):
    committed = ROOT / "docs" / f"{name}_regression.html"
    fresh = sidebyside.render_html(sidebyside.align(*pair(name)))
    stale = not committed.is_file() or committed.read_text(encoding="utf-8") != fresh
    assert not stale, (f"docs/{committed.name} is missing or out of date; refresh the pages with: "
                       f"{sidebyside.REFRESH_COMMAND}")


def test_the_readme_links_every_page_and_the_refresh_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in MODELS:
        assert f"(docs/{name}_regression.html)" in readme, f"README does not link docs/{name}_regression.html"
    assert sidebyside.REFRESH_COMMAND in readme and "python -m pure show logistic" in readme


def test_the_readme_screenshot_command_renders_a_committed_page_at_laptop_width():
    """The Chromium command cannot run in the suite (tests/test_readme.py runs the ```sh
    blocks; this one is in a plain block): check what it would do instead."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("chromium --headless")]
    assert len(commands) == 1, "the README's developer notes quote one headless Chromium command"
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
    return tmp_path / "pure" / f"{name}_regression.py", tmp_path / "vectorized" / f"{name}_regression.py"


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
    for args in ([str(pure_path), str(vectorized_path)], [str(pure_path), str(vectorized_path), "--html",
                                                           str(tmp_path / "x.html")]):
        result = run(["-c", BLOCK_NUMPY + "from pure.tools.sidebyside import main; sys.exit(main(sys.argv[1:]))",
                      *args])
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

TOY = '''"""A toy lesson."""


class Toy:
    """The toy class."""

    def fit(self):
        for i in range(3):
            # Step 1: first  a = 1
            a = 1
            # Step 2: second  b = 2
            text = """
not indented
"""
            b = (1 +
  2)

        # A comment about what follows the loop.
        return self

    @property
    def size(self):
        return 1


def helper():
    return 2
'''


def test_the_last_step_ends_where_its_block_ends(tmp_path):
    for folder in ("pure", "vectorized"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "toy_regression.py").write_text(TOY, encoding="utf-8")
    alignment = sidebyside.align(tmp_path / "pure" / "toy_regression.py",
                                 tmp_path / "vectorized" / "toy_regression.py")
    assert [n for n, _ in alignment.header.left] == [4, 5]
    assert [step.title for step in alignment.steps] == ["Step 1: first", "Step 2: second"]
    assert alignment.steps[1].formula == "b = 2"
    # The multi-line string and the bracket at column 0 and 2 do not end Step 2; the
    # blank line and the less indented comment after it are not part of it.
    assert [n for n, _ in alignment.steps[1].left] == list(range(11, 17))
    titles = [block.title for _, blocks in alignment.outside for block in blocks]
    assert titles == ["module docstring and imports", "Toy.fit()", "Toy.fit() continued",
                      "Toy.size()", "helper()"]
    size = [block for _, blocks in alignment.outside for block in blocks if block.title == "Toy.size()"][0]
    assert size.left[0] == (21, "@property") and size.left[-1][0] == 25
