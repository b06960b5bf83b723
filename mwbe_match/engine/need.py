"""Engine stage 0, the need: what a company is looking for, and the requirements a supplier must meet.

A :class:`Need` is a plain frozen dataclass. Its ``text`` is ranked against
the directory (see :class:`mwbe_match.Matcher`); every other field is a *hard
requirement*: a firm that fails one is never returned.

Values are normalized in ``__post_init__``, so ``Need("n1", "cleaning",
certifications="wbe", boroughs="Staten Is")`` is the same need as
``Need("n1", "cleaning", certifications=("WBE",), boroughs=("STATEN ISLAND",))``.
Batch rows (CSV, Excel, a DataFrame) go through :meth:`Need.from_mapping`.

Invalid input raises :class:`NeedError`, a ``ValueError`` whose ``field``
names the offending field and whose message names the offending value.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from dataclasses import dataclass, fields
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from rapidfuzz import fuzz, process

from ..vocabulary import (
    BOROUGH_ALIASES,
    BOROUGHS,
    CERTIFICATION_ALIASES,
    CERTIFICATION_TYPES,
    ETHNICITIES,
    ETHNICITY_ALIASES,
    NO_WORDS,
    STATE_CODES,
    US_STATES,
    YES_WORDS,
)
from .places import borough_label, find_places
from .readers import text_is_empty
from .readers.korean import borough_from_korean, contains_hangul

__all__ = ["Need", "NeedError", "Near", "ETHNICITIES", "NEED_FIELDS", "REQUIREMENT_FIELDS", "KOREAN_FIELD_ALIASES",
           "zip_location", "misspelled_columns", "need_field", "needs_from_frame"]


class NeedError(ValueError):
    """A need is invalid. ``field`` names the offending field (e.g. ``"certifications"``).

    ``need_id`` and ``row`` (1-based, for batch input) are set when known and
    are part of the message.
    """

    def __init__(self, field: str, message: str, *, need_id: str | None = None, row: int | None = None):
        self.field = field
        self.need_id = need_id
        self.row = row
        self.detail = message
        where = []
        if row is not None:
            where.append(f"row {row}")
        if need_id not in (None, ""):
            where.append(f"need {need_id!r}")
        prefix = f"{' '.join(where)}: " if where else ""
        super().__init__(f"{prefix}{field}: {message}")

    def __reduce__(self) -> tuple:  # pickled as it was built (a need rejected in a worker process, raised here)
        return functools.partial(type(self), need_id=self.need_id, row=self.row), (self.field, self.detail)

    def located(self, *, need_id: str | None = None, row: int | None = None) -> "NeedError":
        """A copy of this error that also names the need and/or the batch row."""
        return NeedError(
            self.field,
            self.detail,
            need_id=need_id if need_id is not None else self.need_id,
            row=row if row is not None else self.row,
        )


@dataclass(frozen=True)
class Near:
    """A radius requirement: the firm's geocoded location within ``radius_miles`` of a point.

    The point is given by coordinates, ``Near(40.7484, -73.9967, 5)``, or by
    the job site's ZIP code, ``Near(zip="10001", radius_miles=5)``: the ZIP is
    resolved offline to its coordinates with the ``zipcodes`` package (an
    unknown ZIP raises :class:`NeedError`), and reasons name it ("2.3 miles
    from 10001").

    Distance is great-circle (haversine) distance. Firms without coordinates
    (about a third of the City's list: addresses outside NYC or not geocoded)
    never pass a radius requirement.
    """

    latitude: float | None = None
    longitude: float | None = None
    radius_miles: float | None = None
    zip: str | None = None

    def __post_init__(self) -> None:
        if self.radius_miles is None or _is_missing(self.radius_miles):
            raise NeedError("near", "a radius in miles is required (e.g. near='10001:5' or "
                                    "Near(zip='10001', radius_miles=5))")
        if not _is_missing(self.zip) and str(self.zip).strip() != "":
            if not (_is_missing(self.latitude) and _is_missing(self.longitude)):
                raise NeedError("near", "give the job site either as a ZIP code or as latitude/longitude, not both")
            code = _zip_code(self.zip)
            lat, lon = zip_location(code)
            object.__setattr__(self, "zip", code)
        else:
            object.__setattr__(self, "zip", None)
            if _is_missing(self.latitude) or _is_missing(self.longitude):
                raise NeedError("near", "give the job site as a ZIP code or as latitude and longitude")
            lat = _float("near", self.latitude, what="latitude")
            lon = _float("near", self.longitude, what="longitude")
        rad = _float("near", self.radius_miles, what="radius")
        if not -90.0 <= lat <= 90.0:
            raise NeedError("near", f"latitude {lat} is outside -90..90")
        if not -180.0 <= lon <= 180.0:
            raise NeedError("near", f"longitude {lon} is outside -180..180")
        if rad <= 0:
            raise NeedError("near", f"radius {rad} miles must be greater than 0")
        object.__setattr__(self, "latitude", lat)
        object.__setattr__(self, "longitude", lon)
        object.__setattr__(self, "radius_miles", rad)

    @property
    def place(self) -> str:
        """How reasons name the job site: its ZIP code, else ``"the job site"``."""
        return self.zip or "the job site"

    @classmethod
    def parse(cls, value: Any) -> "Near":
        """A :class:`Near` from itself, ``"ZIP:radius"`` (``"10001:5"``), ``"lat,lon,radius"``,
        a ``(lat, lon, radius)`` or ``(zip, radius)`` sequence, or a mapping with ``zip`` or
        ``latitude``/``longitude`` and ``radius_miles``."""
        if isinstance(value, Near):
            return value
        if isinstance(value, str):
            parts = [p for p in re.split(r"[,;:\s]+", value.strip()) if p]
        elif isinstance(value, Mapping):
            keys = {_key(k): v for k, v in value.items()}
            radius = keys.get("radius_miles", keys.get("radius"))
            if keys.get("zip") not in (None, ""):
                return cls(zip=keys["zip"], radius_miles=radius)
            try:
                parts = [keys["latitude"], keys["longitude"], radius]
            except KeyError as exc:
                raise NeedError("near", "a mapping needs zip or latitude and longitude, and radius_miles, "
                                        f"got {dict(value)!r}") from exc
        else:
            try:
                parts = list(value)
            except TypeError:
                raise NeedError("near", f"expected (latitude, longitude, radius_miles), got {value!r}") from None
        if len(parts) == 2:
            return cls(zip=parts[0], radius_miles=parts[1])
        if len(parts) != 3:
            raise NeedError("near", f"expected a ZIP code and a radius in miles ('10001:5') or latitude, "
                                    f"longitude and radius in miles, got {value!r}")
        return cls(*parts)


_ZIP_RE = re.compile(r"^(\d{5})(?:-\d{4})?$")


def _zip_code(value: Any) -> str:
    if isinstance(value, bool):
        raise NeedError("near", f"not a ZIP code: {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.isdigit() and 3 <= len(text) < 5:
        text = text.zfill(5)  # a spreadsheet dropped the leading zero (07302 -> 7302)
    m = _ZIP_RE.match(text)
    if not m:
        raise NeedError("near", f"not a ZIP code: {value!r} (expected 5 digits, e.g. 10001)")
    return m.group(1)


def zip_location(zip_code: str) -> tuple[float, float]:
    """``(latitude, longitude)`` of a US ZIP code, offline (the ``zipcodes`` package).

    Raises:
        NeedError: the ZIP code is not a known US ZIP code (or has no coordinates).
    """
    code = _zip_code(zip_code)
    hit = _ZIP_CACHE.get(code)
    if hit is None:
        try:
            import zipcodes
        except ImportError:  # pragma: no cover - a core dependency
            raise NeedError("near", "a job site by ZIP code needs the 'zipcodes' package (pip install zipcodes)") \
                from None
        found = [z for z in zipcodes.matching(code) if z.get("lat") not in (None, "") and z.get("long") not in (None, "")]
        if not found:
            raise NeedError("near", f"unknown ZIP code {code!r}: it is not a US ZIP code with known coordinates")
        hit = _ZIP_CACHE[code] = (float(found[0]["lat"]), float(found[0]["long"]))
    return hit


_ZIP_CACHE: dict[str, tuple[float, float]] = {}


@dataclass(frozen=True)
class Need:
    """One procurement need.

    Attributes:
        need_id: the caller's identifier, echoed in every result row.
        text: what the company needs, in its own words: English, Korean or
            both mixed (Korean is read through the glossary, see
            :meth:`mwbe_match.Matcher.read`). May be empty when ``naics`` is
            given; text without a letter or digit, or Korean that is only
            particles and punctuation (``"을 를?"``), counts as empty.
        naics: NAICS codes or prefixes, 2 to 6 digits: the firm's 6-digit
            code must start with one of them.
        certifications: the firm must hold at least one of these (MBE, WBE,
            LBE, EBE).
        ethnicity: the firm's ethnicity must be one of these
            (:data:`ETHNICITIES`).
        boroughs: the firm's borough must be one of these (:data:`~mwbe_match.BOROUGHS`;
            every spelling the text reader knows is accepted: "Staten Is", "The Bronx",
            "BKLYN" and the Korean names "맨해튼", "맨하턴", "브루클린", "퀸즈",
            "브롱크스", "스태튼 아일랜드", ...; a neighbourhood such as "Flushing" is
            refused, naming its borough). Firms outside NYC have no borough and
            fail. (A place named in ``text`` is not a requirement, and not a search
            word either: it is a soft preference for firms in its borough.)
        states: the firm's state (2-letter code; full names accepted) must be one of these.
        near: :class:`Near`: the job site by ZIP code (``"10001:5"``,
            ``Near(zip="10001", radius_miles=5)``) or ``(latitude, longitude,
            radius_miles)``; firms without coordinates fail.
        min_bonding: aggregate bonding limit at least this (dollars);
            firms without a stated limit fail.
        min_contract_value: largest past contract at least this (dollars).
        union_signatory: ``True``: the firm must be signatory to a union
            contract; ``False``: must not be; ``None``: no requirement.
        passport_enrolled: ``True``/``False``: enrolled in PASSPort or not;
            ``None``: no requirement.
        certified_through: still certified on this date (renewal date on
            or after it). With ``certifications``, at least one certification
            that satisfies them must be valid: a firm whose MBE lapses before
            the date but whose WBE is still valid passes an "MBE or WBE" need
            (it is a valid WBE then, which is what an M/WBE goal counts) and
            fails an "MBE" need. Without ``certifications``, every
            certification the firm holds must be valid. A certification whose
            renewal date is missing is not valid.
        min_years_in_business: years since the date of establishment, as of
            the matcher's reference date, at least this; firms without a date fail.
        exclude: account numbers never to return (e.g. current suppliers).
        company: who the need is for; echoed by the batch job, not used in matching.
    """

    need_id: str
    text: str = ""
    naics: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    ethnicity: tuple[str, ...] = ()
    boroughs: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    near: Near | None = None
    min_bonding: float | None = None
    min_contract_value: float | None = None
    union_signatory: bool | None = None
    passport_enrolled: bool | None = None
    certified_through: _dt.date | None = None
    min_years_in_business: float | None = None
    exclude: tuple[str, ...] = ()
    company: str | None = None

    def __post_init__(self) -> None:
        try:
            self._normalize()
        except NeedError as exc:
            raise exc.located(need_id=str(self.need_id) if self.need_id is not None else None) from None

    def _normalize(self) -> None:
        s = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731
        if self.need_id is None or (isinstance(self.need_id, float) and math.isnan(self.need_id)):
            raise NeedError("need_id", "every need needs an identifier")
        s("need_id", _text_id(self.need_id))
        given = self.text
        s("text", _settle_text(given))
        defaults, empty_is_default = _defaults(), _empty_is_default()
        for name, normalize in _FIELD_NORMALIZERS.items():  # in field order: the first bad field is reported
            value = getattr(self, name)
            # most fields are not set (None, or a tuple field's default: empty)
            unset = value is None or (type(value) is tuple and not value and name in empty_is_default)
            s(name, defaults[name] if unset else normalize(value))
        if not self.text and not self.naics:
            if isinstance(given, str) and given.strip():
                raise NeedError("text", f"a need needs text or NAICS codes (the text {' '.join(given.split())!r} "
                                        "has only particles or punctuation, and NAICS is empty)")
            raise NeedError("text", "a need needs text or NAICS codes (both are empty)")

    @property
    def requirements(self) -> dict[str, Any]:
        """The hard requirements that are set, by field name."""
        return {name: value for name in _REQUIREMENT_NAMES if (value := getattr(self, name)) not in (None, ())}

    @classmethod
    def from_mapping(cls, row: Mapping[str, Any], *, need_id: str | None = None) -> "Need":
        """A need from one batch row (a dict, a CSV row, ``DataFrame.iloc[i]``).

        Keys are matched ignoring case, spaces and hyphens; singular forms
        (``certification``, ``borough``, ``state``, ``naics_code``) are accepted.
        Conventions:

        - empty cells, ``None`` and NaN mean "not set";
        - list fields (``naics``, ``certifications``, ``ethnicity``,
          ``boroughs``, ``states``, ``exclude``) are ``;``- or ``,``-separated
          strings (or real lists);
        - numbers may carry ``$`` and thousands separators (``"$1,000,000"``);
        - booleans: yes/no, true/false, y/n, 1/0;
        - dates: ISO ``YYYY-MM-DD`` or ``M/D/YYYY``;
        - ``near`` is ``"ZIP:radius_miles"`` (``"10001:5"``) or
          ``"latitude,longitude,radius_miles"``, or use the columns
          ``near_zip`` and ``near_radius_miles``, or ``near_latitude``,
          ``near_longitude`` and ``near_radius_miles``;
        - Korean headers and values are accepted too: ``요청ID``, ``회사``,
          ``요청내용``, ``인증`` (``소수민족기업`` = MBE, ``여성기업`` = WBE),
          ``자치구`` (``맨해튼``), ``본딩``, ``현장우편번호`` and ``반경``, ...
          (see :data:`KOREAN_FIELD_ALIASES`); yes/no as ``예``/``아니오``,
          amounts as ``100만`` or ``1억 달러``, dates as ``2027년 6월 30일``.

        Unknown keys are ignored (a batch file may carry notes, owners, ...),
        except keys that look like a misspelled requirement (``certifcations``),
        which raise so a requirement is never silently dropped.

        Args:
            row: the row.
            need_id: identifier to use when the row has no ``need_id`` (or ``id``).

        Raises:
            NeedError: naming the field and value.
        """
        values: dict[str, Any] = {}
        near_parts: dict[str, Any] = {}
        for raw_key, value in row.items():
            key = _key(raw_key)
            if key in _NEAR_PARTS:
                near_parts[_NEAR_PARTS[key]] = value
                continue
            name = _FIELD_ALIASES.get(key)
            if name is None:
                suggestion = _misspelled(key)
                if suggestion:
                    raise NeedError(
                        suggestion,
                        f"unknown column {raw_key!r}; did you mean {suggestion!r}? "
                        "(a misspelled requirement would be silently ignored)",
                        need_id=None if _is_missing(row.get("need_id")) else str(row.get("need_id")),
                    )
                continue
            if _is_blank(value):
                continue
            if name in values:
                raise NeedError(name, f"given twice (columns for {name!r} include {raw_key!r})")
            values[name] = value
        present = {k: v for k, v in near_parts.items() if not _is_missing(v) and str(v).strip() != ""}
        if present:
            if "near" in values:
                raise NeedError("near", "given both as 'near' and as near_latitude/near_longitude/near_radius_miles")
            if "zip" in present:
                if "radius_miles" not in present:
                    raise NeedError("near", "near_zip needs near_radius_miles (the radius in miles around the ZIP code)")
                if "latitude" in present or "longitude" in present:
                    raise NeedError("near", "give the job site either as near_zip or as near_latitude/near_longitude, "
                                            "not both")
                values["near"] = Near(zip=present["zip"], radius_miles=present["radius_miles"])
            else:
                missing = [k for k in ("latitude", "longitude", "radius_miles") if k not in present]
                if missing:
                    raise NeedError("near", "near_latitude, near_longitude and near_radius_miles go together "
                                            f"(or near_zip and near_radius_miles); "
                                            f"missing {', '.join('near_' + m for m in missing)}")
                values["near"] = (present["latitude"], present["longitude"], present["radius_miles"])
        if "need_id" not in values:
            if need_id is None:
                raise NeedError("need_id", "the row has no need_id")
            values["need_id"] = need_id
        for name in _LIST_FIELDS:
            if isinstance(values.get(name), str):
                values[name] = _split_list(values[name])
        return cls(**values)


def needs_from_frame(frame: Any, need_ids: Sequence[str]) -> list["Need | Exception"]:
    """Every row of a needs table as :meth:`Need.from_mapping` reads it, column by column.

    Row ``i`` gives what ``Need.from_mapping(frame.iloc[i].to_dict(), need_id=need_ids[i])``
    returns (an equal :class:`Need`), or the exception it raises (``NeedError``,
    ``TypeError``, ``ValueError``), with the same field and message. Each column is
    normalized once per distinct value, not once per row; a row the columns cannot
    settle alone (a bad value, a job site given in parts, a field given by two
    columns, a value that is not hashable) is read by :meth:`Need.from_mapping`
    itself, so errors are exactly the row-by-row ones.

    Args:
        frame: a pandas DataFrame, one need per row (columns as for :meth:`Need.from_mapping`).
        need_ids: per row, the identifier to use when the row has no ``need_id``.
    """
    n = len(frame)
    if len(need_ids) != n:
        raise ValueError(f"need_ids has {len(need_ids)} ids for {n} rows")
    by_field: dict[str, list[Any]] = {}
    slow = np.zeros(n, dtype=bool)
    whole_frame_slow = not frame.columns.is_unique or bool(misspelled_columns(frame.columns))
    for column in (frame.columns if not whole_frame_slow else ()):
        key = _key(column)
        name = _FIELD_ALIASES.get(key)
        if key in _NEAR_PARTS:
            values = frame[column].tolist()
            slow |= np.fromiter((not _is_blank(v) for v in values), dtype=bool, count=n)
        elif name is not None:
            if name in by_field:  # a field given by two columns: "given twice" is a per-row question
                whole_frame_slow = True
            by_field[name] = frame[column]
    out: list[Any] = [None] * n
    if whole_frame_slow:
        slow[:] = True
    else:
        settled: dict[str, list[Any]] = {}
        for name, column in by_field.items():
            settled[name], bad = _settle_column(name, column)
            slow |= bad
        ids = settled.get("need_id")
        text = settled.get("text")
        defaults = {name: normalize(None) for name, normalize in _FIELD_NORMALIZERS.items()}
        rest = [(name, settled[name]) for name in _FIELD_NORMALIZERS if name in settled]
        new = object.__new__
        for i in range(n):
            if slow[i]:
                continue
            values = dict(defaults)
            for name, column in rest:
                values[name] = column[i]
            need_text = text[i] if text is not None else ""
            if not need_text and not values["naics"]:
                slow[i] = True  # "needs text or NAICS codes": the row path says why
                continue
            need = new(Need)
            need.__dict__.update(need_id=ids[i] if ids is not None and ids[i] is not None else _text_id(need_ids[i]),
                                 text=need_text, **values)
            out[i] = need
    if slow.any():
        positions = np.flatnonzero(slow)
        records = frame.iloc[positions].to_dict("records")
        for i, record in zip(positions.tolist(), records):
            try:
                out[i] = Need.from_mapping(record, need_id=need_ids[i])
            except (NeedError, TypeError, ValueError) as exc:
                out[i] = exc
    return out


def _split_list(text: str) -> tuple[str, ...]:
    """A list cell ("MBE; WBE", "Queens, Brooklyn") as its non-blank items."""
    return tuple(p for p in _LIST_SPLIT.split(text) if p.strip())


def _is_blank(value: Any) -> bool:
    """What :meth:`Need.from_mapping` skips: a missing value or a whitespace-only string."""
    return _is_missing(value) or (isinstance(value, str) and not value.strip())


def _settle_column(name: str, column: Any) -> tuple[list[Any], np.ndarray]:
    """A column (a pandas Series) normalized as the field ``name``, each distinct value once, and which rows
    must take the row path (a bad or unhashable value). ``need_id`` gives None for a blank cell (the default id)."""
    if name == "need_id":
        normalize = lambda v: None if _is_blank(v) else _text_id(v)  # noqa: E731
    elif name == "text":
        normalize = _settle_text
    else:
        field_normalizer = _FIELD_NORMALIZERS[name]
        split = name in _LIST_FIELDS

        def normalize(v: Any) -> Any:
            if _is_blank(v):
                return field_normalizer(None)
            if split and isinstance(v, str):
                v = _split_list(v)
            return field_normalizer(v)
    failed = object()

    def attempt(v: Any) -> Any:
        try:
            return normalize(v)
        except Exception:  # the row path raises it, with the row's own context
            return failed

    if _is_text_column(column):  # distinct values by pandas (missing: code -1, read as not set)
        import pandas as pd

        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        settled = np.empty(len(uniques) + 1, dtype=object)
        for k, value in enumerate(uniques.tolist()):
            settled[k] = attempt(value)
        settled[-1] = attempt(None)
        bad_codes = np.fromiter((v is failed for v in settled), dtype=bool, count=len(settled))
        bad = bad_codes[codes]
        settled[bad_codes] = None
        return settled[codes].tolist(), bad
    values = [record[column.name] for record in column.to_frame().to_dict("records")]  # boxed as a row dict is
    cache: dict[Any, Any] = {}
    out: list[Any] = []
    bad = np.zeros(len(values), dtype=bool)
    for i, value in enumerate(values):
        try:
            key = (type(value), value)  # 1, 1.0 and True are equal keys, and not the same cell
            hit = cache.get(key, cache)
        except TypeError:  # unhashable (a list, a dict): the row path reads it
            bad[i] = True
            out.append(None)
            continue
        if hit is cache:
            hit = attempt(value)
            if not (isinstance(value, float) and math.isnan(value)):
                cache[key] = hit
        if hit is failed:
            bad[i] = True
            hit = None
        out.append(hit)
    return out, bad


def _is_text_column(column: Any) -> bool:
    """A pandas string-dtype column (every value a ``str`` or missing), not an object column."""
    import pandas as pd

    return isinstance(getattr(column, "dtype", None), pd.StringDtype)


def _settle_text(value: Any) -> str:
    """``Need.text`` from a cell: whitespace collapsed, "" for text without words; raises for a non-string."""
    text = "" if _is_blank(value) else value
    if not isinstance(text, str):
        raise NeedError("text", f"expected a string, got {type(text).__name__} {text!r}")
    text = " ".join(text.split())
    return "" if text and _is_empty_text(text) else text


_DEFAULTS: list[dict[str, Any]] = []


def _defaults() -> dict[str, Any]:
    """Each normalized field's value when it is not set (``None``), made once (the values are immutable)."""
    if not _DEFAULTS:
        _DEFAULTS.append({name: normalize(None) for name, normalize in _FIELD_NORMALIZERS.items()})
    return _DEFAULTS[0]


@functools.cache
def _empty_is_default() -> frozenset[str]:
    """The fields whose empty tuple normalizes to their default (:func:`_defaults`): not normalized again."""
    defaults, same = _defaults(), set()
    for name, normalize in _FIELD_NORMALIZERS.items():
        try:
            empty = normalize(())
        except (NeedError, TypeError, ValueError):
            continue
        if type(empty) is type(defaults[name]) and empty == defaults[name]:
            same.add(name)
    return frozenset(same)


#: How ``Need.__post_init__`` normalizes each field after ``need_id`` and ``text``, in field order (one place,
#: shared by the row-by-row and the column-wise paths).
_FIELD_NORMALIZERS: dict[str, Any] = {
    "naics": lambda v: _naics(v),
    "certifications": lambda v: _choices("certifications", v, CERTIFICATION_ALIASES, CERTIFICATION_TYPES,
                                         "certification"),
    "ethnicity": lambda v: _choices("ethnicity", v, ETHNICITY_ALIASES, ETHNICITIES, "ethnicity"),
    "boroughs": lambda v: _boroughs(v),
    "states": lambda v: _states(v),
    "near": lambda v: None if _is_missing(v) else Near.parse(v),
    "min_bonding": lambda v: _amount("min_bonding", v),
    "min_contract_value": lambda v: _amount("min_contract_value", v),
    "union_signatory": lambda v: _bool("union_signatory", v),
    "passport_enrolled": lambda v: _bool("passport_enrolled", v),
    "certified_through": lambda v: _date("certified_through", v),
    "min_years_in_business": lambda v: _amount("min_years_in_business", v),
    "exclude": lambda v: _dedupe(_text_id(x) for x in _items("exclude", v)),
    "company": lambda v: None if _is_missing(v) else " ".join(str(v).split()) or None,
}

#: Names of the fields of :class:`Need`, in order.
NEED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Need))
REQUIREMENT_FIELDS: frozenset[str] = frozenset(NEED_FIELDS) - {"need_id", "text", "company"}
_REQUIREMENT_NAMES: tuple[str, ...] = tuple(name for name in NEED_FIELDS if name in REQUIREMENT_FIELDS)  # in field order
assert tuple(_FIELD_NORMALIZERS) == NEED_FIELDS[2:], "a Need field without its normalizer"

# --------------------------------------------------------------------------- parsing helpers

_LIST_FIELDS = ("naics", "certifications", "ethnicity", "boroughs", "states", "exclude")
_LIST_SPLIT = re.compile(r"\s*[;,·、]\s*")

# batch column spellings accepted for each field
_FIELD_ALIASES: dict[str, str] = {name: name for name in (
    "need_id", "text", "naics", "certifications", "ethnicity", "boroughs", "states", "near",
    "min_bonding", "min_contract_value", "union_signatory", "passport_enrolled",
    "certified_through", "min_years_in_business", "exclude", "company",
)}
_FIELD_ALIASES.update({
    "id": "need_id", "naics_code": "naics", "naics_codes": "naics", "certification": "certifications",
    "borough": "boroughs", "state": "states", "ethnicities": "ethnicity",
    "min_bonding_limit": "min_bonding", "union": "union_signatory", "passport": "passport_enrolled",
    "excluded": "exclude", "exclude_account_numbers": "exclude",
})
_NEAR_PARTS = {"near_latitude": "latitude", "near_lat": "latitude", "near_longitude": "longitude",
               "near_lon": "longitude", "near_lng": "longitude", "near_radius_miles": "radius_miles",
               "near_radius": "radius_miles", "near_zip": "zip", "near_zip_code": "zip", "near_zipcode": "zip",
               "job_site_zip": "zip", "site_zip": "zip"}

#: Korean column headers accepted in needs files, and the field each stands for (spaces, hyphens and
#: underscores in a header are ignored, so ``요청 ID``, ``요청_ID`` and ``요청ID`` are the same).
KOREAN_FIELD_ALIASES: dict[str, str] = {
    "요청id": "need_id", "요청번호": "need_id", "요청_번호": "need_id", "번호": "need_id",
    "회사": "company", "회사명": "company", "요청회사": "company", "발주사": "company", "발주회사": "company",
    "요청내용": "text", "내용": "text", "요청사항": "text", "필요사항": "text", "품목": "text", "구매내용": "text",
    "업종코드": "naics", "naics코드": "naics",
    "인증": "certifications", "인증종류": "certifications", "인증유형": "certifications", "필요인증": "certifications",
    "인종": "ethnicity", "소유주인종": "ethnicity",
    "자치구": "boroughs", "보로": "boroughs", "지역": "boroughs",
    "주": "states",
    "근처": "near", "현장": "near", "현장위치": "near",
    "본딩": "min_bonding", "본딩한도": "min_bonding", "최소본딩": "min_bonding", "최소본딩한도": "min_bonding",
    "보증한도": "min_bonding",
    "최소계약실적": "min_contract_value", "계약실적": "min_contract_value", "최소계약규모": "min_contract_value",
    "노조": "union_signatory", "노조협약": "union_signatory",
    "패스포트": "passport_enrolled", "passport등록": "passport_enrolled",
    "인증유효기간": "certified_through", "인증기한": "certified_through", "인증유효일": "certified_through",
    "유효기간": "certified_through",
    "업력": "min_years_in_business", "최소업력": "min_years_in_business", "업력(년)": "min_years_in_business",
    "제외": "exclude", "제외업체": "exclude", "제외계정번호": "exclude",
}
_KOREAN_NEAR_PARTS = {"현장우편번호": "zip", "현장zip": "zip", "우편번호": "zip", "위도": "latitude", "경도": "longitude",
                      "반경": "radius_miles", "반경마일": "radius_miles", "반경(마일)": "radius_miles"}


@functools.lru_cache(maxsize=4096)  # the same few column names, row after row
def _key(raw: Any) -> str:
    key = re.sub(r"[\s\-]+", "_", str(raw).strip().lower())
    return key.replace("_", "") if contains_hangul(key) else key


_FIELD_ALIASES.update({_key(k): v for k, v in KOREAN_FIELD_ALIASES.items()})
_NEAR_PARTS.update({_key(k): v for k, v in _KOREAN_NEAR_PARTS.items()})


def _misspelled(key: str) -> str | None:
    """The requirement a column name probably meant, if it is a near miss of one."""
    known = list(_FIELD_ALIASES) + list(_NEAR_PARTS)
    hit = process.extractOne(key, known, scorer=fuzz.ratio, score_cutoff=85)
    if hit is None or len(key) < 4:
        return None
    target = _FIELD_ALIASES.get(hit[0])
    return target if target is not None else "near"


def need_field(column: Any) -> str | None:
    """The :class:`Need` field a needs-file column feeds, or None for a column no field reads.

    Column names are matched as :meth:`Need.from_mapping` matches a row's
    keys (case, spaces and hyphens ignored; singular forms and Korean headers
    accepted): ``need_field("Certification")`` is ``"certifications"``,
    ``need_field("요청 내용")`` is ``"text"``, and the parts of a job site
    (``near_zip``, ``near_latitude``, ``near_radius_miles``, ``현장우편번호``,
    ...) give ``"near"``.
    """
    key = _key(column)
    return _FIELD_ALIASES.get(key) or ("near" if key in _NEAR_PARTS else None)


def misspelled_columns(columns: Iterable[Any]) -> dict[str, str]:
    """The column names that look like a misspelled requirement, with the field each probably meant.

    The same rule :meth:`Need.from_mapping` applies to a row's keys, for
    checking a batch file's header once instead of every row.
    """
    out: dict[str, str] = {}
    for column in columns:
        key = _key(column)
        if key in _FIELD_ALIASES or key in _NEAR_PARTS:
            continue
        suggestion = _misspelled(key)
        if suggestion:
            out[str(column)] = suggestion
    return out


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:  # pandas NA / NaT without importing pandas
        return type(value).__name__ in ("NAType", "NaTType")
    except Exception:  # pragma: no cover
        return False


def _text_id(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _items(name: str, value: Any) -> tuple[Any, ...]:
    if _is_missing(value):
        return ()
    if isinstance(value, (str, int, float)):
        if isinstance(value, str) and not value.strip():
            return ()
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise NeedError(name, f"expected a string or a list of strings, got {type(value).__name__} {value!r}") from None
    return tuple(v for v in items if not _is_missing(v) and str(v).strip() != "")


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _choices(name: str, value: Any, aliases: Mapping[str, str], valid: tuple[str, ...], noun: str) -> tuple[str, ...]:
    out = []
    for item in _items(name, value):
        key = " ".join(str(item).upper().replace("_", " ").split())
        if contains_hangul(key):  # 여성 기업 = 여성기업; "WBE(여성기업)" = WBE
            key = key.replace(" ", "")
            inner = re.fullmatch(r"([A-Z -]+)\((.+)\)|(.+)\(([A-Z -]+)\)", key)
            if inner:
                key = next(g for g in inner.groups() if g and not contains_hangul(g)).strip()
        if key not in aliases:
            raise NeedError(name, f"unknown {noun} {item!r}; valid: {', '.join(valid)}")
        out.append(aliases[key])
    return _dedupe(out)


def _boroughs(value: Any) -> tuple[str, ...]:
    """Borough names in English (with aliases: ``Staten Is``, ``BKLYN``) or Korean (``맨해튼``, ``맨하턴``, ``퀸즈``):
    every spelling of a borough that a need's text is read with. A neighbourhood (``Flushing``, ``플러싱``) is
    refused with the borough it lies in: as a field it would silently widen to the whole borough."""
    items = _items("boroughs", value)
    out = []
    for item in items:
        if isinstance(item, str) and contains_hangul(item):
            borough = borough_from_korean(item)
            if borough is None:
                _refuse_place("boroughs", item)
                raise NeedError("boroughs", f"unknown borough {item!r}; valid: {', '.join(BOROUGHS)}"
                                            f"{_KOREAN_BOROUGH_NAMES}")
            out.append(borough)
        else:
            key = " ".join(str(item).upper().replace("_", " ").split())
            if key not in BOROUGH_ALIASES:
                _refuse_place("boroughs", item)
            out.extend(_choices("boroughs", (item,), BOROUGH_ALIASES, BOROUGHS, "borough"))
    return _dedupe(out)


_KOREAN_BOROUGH_NAMES = " (in Korean: 맨해튼, 브루클린, 퀸즈, 브롱크스, 스태튼 아일랜드)"


def _refuse_place(name: str, item: Any) -> None:
    """Raise for a neighbourhood given as a borough, saying which borough it lies in; else return."""
    def bare(text: str) -> str:
        return re.sub(r"[\W_]", "", text).casefold()

    mentions = find_places(str(item))
    if len(mentions) != 1 or bare(mentions[0].surface) != bare(str(item)):
        return
    borough = mentions[0].borough
    if borough is None:
        return  # the whole city, New Jersey, ...: an unknown borough
    raise NeedError(name, f"{item!r} is a neighbourhood in {borough_label(borough)}, not a borough: give "
                          f"boroughs={borough.title()!r} (a place named in the need's text is a soft preference)")


@functools.lru_cache(maxsize=4096)
def _is_empty_text(text: str) -> bool:
    """True for text with no letter or digit, or text its language's reader finds empty (Korean that is only
    particles and punctuation, ``"을 를!!"``). Kept per text (a function of the text alone): a text shortlisted
    again is not looked at again."""
    if not any(ch.isalnum() for ch in text):
        return True
    return text_is_empty(text)


def _states(value: Any) -> tuple[str, ...]:
    out = []
    for item in _items("states", value):
        key = " ".join(str(item).upper().replace(".", "").split())
        code = US_STATES.get(key.replace(" ", "") if contains_hangul(key) else key, key)
        if code not in STATE_CODES:
            raise NeedError("states", f"unknown state {item!r}; use a 2-letter code such as NY, NJ, CT")
        out.append(code)
    return _dedupe(out)


_NAICS_RE = re.compile(r"^\d{2,6}$")


def _naics(value: Any) -> tuple[str, ...]:
    out = []
    for item in _items("naics", value):
        if isinstance(item, bool):
            raise NeedError("naics", f"malformed NAICS code {item!r}: expected 2 to 6 digits")
        if isinstance(item, float) and item.is_integer():
            item = int(item)
        code = str(item).strip()
        if code.endswith(".0") and code[:-2].isdigit():
            code = code[:-2]
        if not _NAICS_RE.match(code):
            raise NeedError("naics", f"malformed NAICS code {str(item)!r}: "
                                     "expected 2 to 6 digits (e.g. 5617 or 561720)")
        out.append(code)
    return _dedupe(out)


def _float(name: str, value: Any, *, what: str | None = None) -> float:
    label = what or name
    if isinstance(value, bool):
        raise NeedError(name, f"{label} must be a number, got {value!r}")
    if isinstance(value, str) and contains_hangul(value):
        return _korean_number(name, label, value)
    if isinstance(value, str):
        cleaned = re.sub(r"[$,\s]", "", value)
        try:
            number = float(cleaned)
        except ValueError:
            raise NeedError(name, f"{label} must be a number, got {value!r}") from None
    else:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise NeedError(name, f"{label} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise NeedError(name, f"{label} must be a finite number, got {value!r}")
    return number


_KOREAN_UNITS = {"억": 100_000_000, "만": 10_000, "천": 1_000}


def _korean_number(name: str, label: str, value: str) -> float:
    """``"100만 달러"`` -> 1,000,000; ``"1억 5천만"`` -> 150,000,000; ``"5년"`` -> 5; ``"3마일"`` -> 3."""
    text = re.sub(r"[,\s]", "", value)
    text = text.replace("천만", "@")  # 5천만 = 5 x 10,000,000
    m = re.fullmatch(r"\$?(\d+(?:\.\d+)?)(억|만|천|@)?(?:(\d+(?:\.\d+)?)(만|천|@))?(?:달러|불|마일|년|usd)?",
                     text, re.IGNORECASE)
    if not m:
        raise NeedError(name, f"{label} must be a number, got {value!r} (e.g. 1000000, $1,000,000 or 100만 달러)")
    units = {**_KOREAN_UNITS, "@": 10_000_000}
    number = float(m.group(1)) * units.get(m.group(2) or "", 1)
    if m.group(3):
        number += float(m.group(3)) * units[m.group(4)]
    return number


def _amount(name: str, value: Any) -> float | None:
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    number = _float(name, value)
    if number < 0:
        raise NeedError(name, f"must not be negative, got {value!r}")
    return number


def _bool(name: str, value: Any) -> bool | None:
    if _is_missing(value):
        return None
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    text = str(value).strip().lower()
    if text == "":
        return None
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise NeedError(name, f"expected yes/no (or true/false, 1/0, 예/아니오), got {value!r}")


def _date(name: str, value: Any) -> _dt.date | None:
    if _is_missing(value):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    text = str(value).strip()
    if not text:
        return None
    korean = re.fullmatch(r"(\d{4})\s*[년.\-/]\s*(\d{1,2})\s*[월.\-/]\s*(\d{1,2})\s*일?\.?", text)
    if korean:
        try:
            return _dt.date(*map(int, korean.groups()))
        except ValueError:
            raise NeedError(name, f"not a date: {value!r}") from None
    for fmt in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return _dt.datetime.strptime(text[:10] if fmt == "%Y-%m-%d" else text, fmt).date()
        except ValueError:
            continue
    raise NeedError(name, f"not a date: {value!r} (use YYYY-MM-DD or 2027년 6월 30일)")
