"""The committed side-by-side pages, laid out by a real browser: step k starts level in both
columns, and no code line runs out of its column, at a laptop width and at a narrow one.

Debian's ``chromium`` renders a temporary copy of each page with a small measuring script
added before ``</body>`` (the committed pages stay script-free); the script writes what it
measured into the page, and ``--dump-dom`` hands the laid-out page back. Skipped, saying
why, where chromium is not installed (``apt-get install chromium``; ``.ci/run`` does it).
"""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").glob("*_regression.html"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTHS = [1366, 800]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium), "
                             "so the pages cannot be laid out by a real browser here")

# Opens the "Everything else" <details> so its lines are laid out too, then measures.
MEASURE = """
<script>
(function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  function top(row) { return row ? row.getBoundingClientRect().top : null; }
  function first(row, side) { return row && row.querySelector("td." + side + " table.src tr"); }
  var out = {innerWidth: window.innerWidth, pageWidth: document.documentElement.scrollWidth,
             steps: [], overflow: [], lines: 0, columns: []};
  document.querySelectorAll("tbody.step").forEach(function (step) {
    var head = step.querySelector("tr.head"), code = step.querySelector("tr.code");
    out.steps.push({id: step.id,
                    heading: [top(first(head, "pure")), top(first(head, "vectorized"))],
                    code: [top(first(code, "pure")), top(first(code, "vectorized"))]});
  });
  document.querySelectorAll("td.pure, td.vectorized").forEach(function (column) {
    var box = column.getBoundingClientRect();
    out.columns.push([column.className, box.left, box.right]);
    column.querySelectorAll("td.c").forEach(function (cell) {
      var r = cell.getBoundingClientRect();
      out.lines += 1;
      if (r.width === 0 || r.left < box.left - 1 || r.right > box.right + 1
          || cell.scrollWidth > cell.clientWidth + 1) {
        out.overflow.push([column.className, cell.previousElementSibling.textContent,
                           r.left, r.right, box.left, box.right, cell.scrollWidth,
                           cell.clientWidth]);
      }
    });
  });
  var pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium(page, width, tmp_path):
    """Start chromium on a measuring copy of ``page`` laid out ``width`` px wide."""
    folder = tmp_path / f"{page.stem}-{width}"
    folder.mkdir()
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text.lower(), f"{page.name}: the committed page must stay script-free"
    copy = folder / page.name
    copy.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    return subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND",  # a local page: nothing to look up
         "--hide-scrollbars", f"--user-data-dir={folder / 'profile'}",
         f"--window-size={width},900", "--dump-dom", copy.as_uri()],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """{(page name, width): what the script measured}, the browsers run side by side (each
    spends most of its few seconds starting up and shutting down)."""
    tmp_path = tmp_path_factory.mktemp("browser")
    runs = {(page.name, width): chromium(page, width, tmp_path)
            for page in PAGES for width in WIDTHS}
    results = {}
    for key, process in runs.items():
        try:
            stdout, stderr = process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        found = re.search(r'<pre id="measured">(.*?)</pre>', stdout, re.S)
        results[key] = (json.loads(html.unescape(found.group(1))) if found else
                        f"chromium returned no measurements (status {process.returncode}): "
                        f"{stderr[-2000:]}")
    return results


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_steps_start_level_and_lines_stay_in_their_column(page, width, measured):
    m = measured[page.name, width]
    assert isinstance(m, dict), m
    assert m["innerWidth"] == width, f"laid out {m['innerWidth']} px wide, not {width}"
    assert m["pageWidth"] <= width, f"the page is {m['pageWidth']} px wide in a {width} px window"
    steps = len(re.findall(r"^\s*# Step \d", (ROOT / "pure" / page.name.replace(".html", ".py"))
                           .read_text(encoding="utf-8"), re.M))
    assert len(m["steps"]) == steps >= 5
    for step in m["steps"]:
        for what in ("heading", "code"):
            pure, vectorized = step[what]
            assert pure is not None and vectorized is not None, f"{step['id']}: no {what} row"
            assert abs(pure - vectorized) <= 1, \
                f"{page.name} at {width} px, {step['id']}: the {what} starts at {pure:.1f} px " \
                f"on the left but {vectorized:.1f} px on the right"
    # The two columns stand side by side, the pure one on the left, each half the page.
    for name, left, right in m["columns"]:
        assert right - left > width * 0.4 and right <= width, (name, left, right)
        assert (left < width / 2) == (name == "pure"), (name, left, right)
    lines = sum(len(Path(ROOT / folder / page.name.replace(".html", ".py")).read_text(
        encoding="utf-8").splitlines()) for folder in ("pure", "vectorized"))
    assert m["lines"] == lines, "every line of both files is laid out once"
    assert not m["overflow"], f"{len(m['overflow'])} code lines run out of their column at " \
                              f"{width} px, the first: {m['overflow'][0]}"
