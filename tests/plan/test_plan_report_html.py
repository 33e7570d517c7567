"""report.html is one self-contained file, readable on a phone (issue 19).

Checked by parsing the HTML: no browser is needed in CI. (A one-off check in headless Chromium
at 1280 and 390 px wide found every computed font size >= 14 px, no sideways scroll of the page
itself, and the wide tables scrolling in their own boxes.)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from llmswitch.plan import Workload, compare, report, scan
from llmswitch.plan._doc import Section, Table, to_html
from llmswitch.plan._plot import money_tick

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.tables_outside_scroll = 0
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "table" and not any(t.startswith("div.scroll") for t in self.stack):
            self.tables_outside_scroll += 1
        self._in_style = tag == "style"
        if tag not in ("meta", "br", "img", "link", "path", "use", "rect", "stop"):
            self.stack.append(f"{tag}.{attributes.get('class') or ''}")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        while self.stack:
            if self.stack.pop().split(".")[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("matplotlib")
    result = scan(EXAMPLES / "support_bot")
    workload = Workload.from_toml(EXAMPLES / "support_bot" / "workload.toml")
    rep = report(result, compare(workload))
    return rep.write(tmp_path_factory.mktemp("plan"))


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_html_is_one_file_with_the_plot_inline(written: dict[str, Path]) -> None:
    page = _page(written["html"])
    names = [tag for tag, _ in page.tags]
    assert "img" not in names and "script" not in names and "link" not in names
    assert "svg" in names and "figure" in names  # the burn-down plot, inline
    for tag, attrs in page.tags:  # nothing loads from beside the file
        for key in ("src", "href"):
            value = attrs.get(key)
            if value and tag != "a":
                assert value.startswith(("#", "data:")), (tag, key, value)
            if value and tag == "a":
                assert value.startswith(("http://", "https://", "#")), value
    # nothing names the PNG beside it: the file alone keeps the plot
    assert "burn_down.png" not in written["html"].read_text(encoding="utf-8")


def test_html_reads_on_a_phone(written: dict[str, Path]) -> None:
    page = _page(written["html"])
    viewport = [a for t, a in page.tags if t == "meta" and a.get("name") == "viewport"]
    assert viewport and "width=device-width" in (viewport[0].get("content") or "")
    assert page.tables_outside_scroll == 0  # wide tables scroll sideways in their own box
    assert re.search(r"\.scroll\{[^}]*overflow-x:auto", page.style)
    assert re.search(r"figure svg\{[^}]*max-width", page.style)
    # no font size under 12 px anywhere in the stylesheet (rem/em against a 16 px body)
    for value, unit in re.findall(r"font(?:-size)?:\s*([\d.]+)(px|rem|em)", page.style):
        px = float(value) * (1 if unit == "px" else 16)
        assert px >= 12, (value, unit)
    assert "font:16px" in page.style


def test_markdown_keeps_the_png_beside_it(written: dict[str, Path]) -> None:
    md = written["markdown"].read_text(encoding="utf-8")
    assert "](burn_down.png)" in md and written["plot"].stat().st_size > 1000


def test_image_without_markup_is_not_linked() -> None:
    page = to_html("t", [Section("s", ["![plot](x.png)", Table(["a"], [[1]])])])
    assert "<img" not in page and "x.png" not in page and "not drawn" in page


def test_plot_marks_target_and_fallback_on_a_log_scale() -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    from llmswitch.plan._plot import plot_comparison

    cmp = compare(Workload.from_toml(EXAMPLES / "support_bot" / "workload.toml"))
    rows = cmp.best(6)
    fig = Figure()
    ax = fig.subplots()
    plot_comparison(cmp.baseline, rows, currency="CNY", title="t", ax=ax,
                    target=rows[0].model, fallback=rows[1].model)  # fmt: skip
    assert ax.get_yscale() == "log"
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("TARGET ") and "CNY" in t for t in texts)
    assert any(t.startswith("FALLBACK ") for t in texts)
    assert any(t.startswith("BASELINE ") and "," in t for t in texts)  # 36,299 CNY
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0].startswith(cmp.baseline.months[0].start.strftime("%b"))
    assert money_tick(12000.0) == "12,000"
    # the cheapest line ends well above the bottom of the axis: visible, not flat on zero
    low, _ = ax.get_ylim()
    first_year = rows[0].first_year or 0.0
    assert first_year > low * 10
