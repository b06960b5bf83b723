"""The quickstart notebook runs top to bottom offline and shows what it promises."""

from __future__ import annotations

import base64
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


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_every_cell_runs_and_the_plots_are_drawn(executed):
    pngs = outputs(executed, "image/png")
    assert len(pngs) >= 3  # certification/borough/ethnicity, NAICS sectors, the location map
    for png in pngs:
        data = base64.b64decode(png["data"]["image/png"])
        assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_shortlists_and_verification_render_as_readable_tables(executed):
    tables = [o["data"]["text/html"] for o in outputs(executed, "text/html") if "mwbe-result" in o["data"]["text/html"]]
    assert len(tables) >= 4  # english, construction, korean shortlists and the verified vendor list
    for table in tables:
        assert "<td" in table  # every one has rows
        assert "reasons" in table or "status" in table
    assert any("<th>understood_terms</th>" in t for t in tables), "the Korean shortlist shows what was understood"


def test_batch_output_is_read_back_with_pandas_and_pyarrow(executed):
    text = "\n".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "shortlisted" in text and "need_id: string" in text
