"""The quickstart notebook runs top to bottom offline and shows what it promises."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook test needs the 'test' or 'notebook' extra")
nbclient = pytest.importorskip("nbclient", reason="the notebook test needs the 'test' or 'notebook' extra")
pytest.importorskip("matplotlib", reason="the notebook test needs the 'test' or 'notebook' extra")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "quickstart.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("MWBE_MATCH_CACHE", str(tmp_path_factory.mktemp("cache")))  # no live snapshot: offline
    monkeypatch_module.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError naming the cell if any cell fails
    return nb


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def outputs(nb, kind):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if kind in o.get("data", {})]


def tagged(nb, tag):
    """The one code cell carrying ``tag`` in its metadata (the notebook names the cells the tests read)."""
    cells = [c for c in nb.cells if c.cell_type == "code" and tag in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}, found {len(cells)}"
    return cells[0]


def cell_png(cell):
    pngs = [o["data"]["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == 1, f"expected one figure, got {len(pngs)}"
    return base64.b64decode(pngs[0])


def cell_html(cell):
    tables = [o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {})]
    assert len(tables) == 1, f"expected one table, got {len(tables)}"
    return tables[0]


def cell_text(cell):
    return "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in cell.outputs)


def table_rows(html):
    """Body rows of an HTML table (mwbe_match.show's or pandas')."""
    return html.split("<tbody>", 1)[1].count("<tr") if "<tbody>" in html else 0


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_every_cell_runs_and_the_plots_are_drawn(executed):
    pngs = outputs(executed, "image/png")
    # certification/borough/ethnicity, NAICS sectors, the location map, the shortlist maps, the certification
    # expiry timeline, supplier depth per need, participation vs goal
    assert len(pngs) >= 7
    for png in pngs:
        data = base64.b64decode(png["data"]["image/png"])
        assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_shortlists_and_verification_render_as_readable_tables(executed):
    html = [o["data"]["text/html"] for o in outputs(executed, "text/html")]
    tables = [t for t in html if "mwbe-result" in t and ("<th>rank</th>" in t or "<th>input_name</th>" in t)]
    assert len(tables) >= 5  # english, construction, korean, near-a-ZIP shortlists and the verified vendor list
    for table in tables:
        assert "<td" in table  # every one has rows
        assert "reasons" in table or "status" in table
    assert any("<th>understood_terms</th>" in t for t in tables), "the Korean shortlist shows what was understood"


def test_batch_output_is_read_back_with_pandas_and_pyarrow(executed):
    text = "\n".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "shortlisted" in text and "need_id: string" in text


@pytest.mark.parametrize("tag", ["map", "timeline", "depth"])
def test_the_map_expiry_timeline_and_supplier_depth_are_drawn(executed, tag):
    png = cell_png(tagged(executed, tag))
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_the_shortlist_near_a_zip_code_is_judged_on_the_fixed_date_and_says_the_distance(executed):
    html = cell_html(tagged(executed, "near-shortlist"))
    assert "mwbe-result" in html and table_rows(html) > 0
    assert "miles from 10001" in html
    assert "2026-12-01" in html  # the notebook's AS_OF, not the day it runs


def test_the_vendors_needing_attention_table_flags_each_lapsed_vendor(executed):
    html = cell_html(tagged(executed, "expiry-table"))
    assert table_rows(html) > 0 and "<th>certification_status</th>" in html
    assert "<td>lapsed</td>" in html and "<td>active</td>" not in html
    assert "2026-12-01" in html
    timeline = cell_text(tagged(executed, "timeline"))
    assert re.search(r"'lapsed': [1-9]", timeline)  # the sample's vendor list has lapsed vendors to show


def test_korean_output_shows_korean_headers_and_reasons(executed):
    html = cell_html(tagged(executed, "korean-output"))
    headers = re.findall(r"<th>([^<]*)</th>", html)
    assert headers and all(not re.fullmatch(r"[a-z_]+", h) for h in headers), headers  # no English column names
    assert any(re.search("[\uac00-\ud7a3]", h) for h in headers)
    assert table_rows(html) > 0
    reasons = re.findall(r'<td class="mwbe-wrap">([^<]*)</td>', html)
    assert any(re.search("[\uac00-\ud7a3]", r) for r in reasons)


def test_the_batch_writes_an_excel_workbook_with_results_needs_and_about_sheets(executed):
    text = cell_text(tagged(executed, "excel"))
    assert "shortlists.xlsx" in text
    for sheet in ("Results", "Needs", "About"):
        assert f"'{sheet}'" in text
    html = cell_html(tagged(executed, "excel"))  # the needs without a shortlist, with their explanation
    assert table_rows(html) > 0 and "no_match" in html


def test_supplier_depth_table_lists_what_eliminated_the_candidates(executed):
    html = cell_html(tagged(executed, "funnel-table"))
    assert "mwbe-result" in html and table_rows(html) == 5
    for column in ("candidates", "eliminated_by", "remaining", "reasons"):
        assert f"<th>{column}</th>" in html
