"""Outputs stage, display: readable display of results in Jupyter and in a terminal.

``mwbe_match.show(df)`` wraps a shortlist, a verification result or a batch
output frame so that it renders with the columns an analyst reads first,
lists joined into text, and the explanation columns (``reasons``, terms)
shown whole, never cut at pandas' 50-character default. It changes nothing in
the frame itself.
"""

from __future__ import annotations

import html
from typing import Any, Sequence

import numpy as np
import pandas as pd

from .i18n import check_lang, column_label, translate_values

__all__ = ["show", "ResultView"]

#: Columns shown first, in this order, when present.
KEY_COLUMNS: tuple[str, ...] = (
    "need_id", "company", "status", "rank", "input_name", "account_number", "name", "dba", "matched_name",
    "score", "text_score", "industry_score", "certification_status", "certified_through", "naics_match", "reasons",
    "matched_terms",
    "understood_terms", "unknown_terms", "certifications", "valid_certifications", "certification_expires",
    "contact_name", "phone",
    "website", "address_line_1", "address_line_2", "city", "state", "zip", "borough", "naics_code", "naics_title",
)
#: Columns whose text is never truncated.
WHOLE_TEXT_COLUMNS: frozenset[str] = frozenset({"reasons", "matched_terms", "understood_terms", "unknown_terms", "error"})

_STYLE = (
    "<style>"
    ".mwbe-result td{vertical-align:top;text-align:left;white-space:nowrap}"
    ".mwbe-result td.mwbe-wrap{white-space:normal;min-width:22em;max-width:48em}"
    ".mwbe-result th{text-align:left}"
    "</style>"
)


class ResultView:
    """A result frame arranged for reading; ``.frame`` is the arranged copy.

    Renders as HTML in Jupyter (``_repr_html_``) and as text elsewhere.
    """

    def __init__(self, df: pd.DataFrame, *, columns: Sequence[str] | None = None, max_rows: int = 50,
                 lang: str = "en"):
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"show() takes a DataFrame, not {type(df).__name__}")
        if max_rows < 1:
            raise ValueError(f"max_rows must be at least 1, got {max_rows}")
        if columns is None:
            first = [c for c in KEY_COLUMNS if c in df.columns]
            columns = first + [c for c in df.columns if c not in first]
        else:
            missing = [c for c in columns if c not in df.columns]
            if missing:
                raise KeyError(f"no column(s) {', '.join(map(str, missing))}; the frame has: {', '.join(map(str, df.columns))}")
        self.lang = check_lang(lang)
        self.total_rows = len(df)
        self.max_rows = max_rows
        shown = translate_values(df.head(max_rows)[list(columns)], self.lang)
        self._wrap = [c in WHOLE_TEXT_COLUMNS for c in columns]
        self.frame = pd.DataFrame({column_label(c, self.lang): shown[c].map(_as_text) for c in columns})

    def _footer(self) -> str:
        hidden = self.total_rows - len(self.frame)
        if self.lang == "ko":
            return f"{self.total_rows}행" + (f" 중 처음 {len(self.frame)}행 표시" if hidden > 0 else "")
        return f"{self.total_rows} rows" + (f", first {len(self.frame)} shown" if hidden > 0 else "")

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in self.frame.columns)
        body = []
        for row in self.frame.itertuples(index=False):
            cells = []
            for wrap, value in zip(self._wrap, row):
                css = ' class="mwbe-wrap"' if wrap else ""
                cells.append(f"<td{css}>{html.escape(value)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        return (f'{_STYLE}<table class="mwbe-result"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table><p>{self._footer()}</p>')

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", 250, "display.max_columns", None):
            return f"{self.frame.to_string(index=False)}\n({self._footer()})"


def _as_text(value: Any) -> str:
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, tuple) and len(v) == 2 for v in value):  # a map: requirement -> count
            return "; ".join(f"{_as_text(k)}: {_as_text(v)}" for k, v in value)
        return "; ".join(_as_text(v) for v in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def show(df: pd.DataFrame, *, columns: Sequence[str] | None = None, max_rows: int = 50,
         lang: str = "en") -> ResultView:
    """Display a result frame for reading: key columns first, explanations whole.

    Args:
        df: a shortlist (:meth:`Matcher.shortlist`), a verification result
            (:func:`match_names`), a batch output, or any frame.
        columns: the columns to show, in order (default: the key columns
            first, then the rest).
        max_rows: rows shown at most.
        lang: ``"ko"`` shows Korean headers, status values and reasons
            (:func:`mwbe_match.i18n.localize`); the frame itself is unchanged.

    Returns:
        A :class:`ResultView`; in Jupyter it renders as a table.
    """
    return ResultView(df, columns=columns, max_rows=max_rows, lang=lang)
