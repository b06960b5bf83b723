"""Sources stage: the published directories the library reads, one :class:`SourceSpec` each, and a generic SODA client.

Data flows one way: a source's rows (a CSV export, the live API) go to the
directory stage (:func:`mwbe_match.normalize_directory`), which makes them the
library's normalized directory. Nothing here knows the normalized schema's
parsers, snapshots or matching.

Adding a directory (New York State's, the Port Authority's) is one new module
holding its :class:`SourceSpec` plus one line in :data:`SOURCES` (or a call
to :func:`register_source`); then ``load_directory(path, spec="its_name")``
and ``fetch_directory(spec=...)`` read it.
"""

from __future__ import annotations

from .nyc_sbs import NYC_SBS
from .spec import DerivedColumn, HeaderMatch, SourceColumn, SourceSpec, header_key

__all__ = [
    "SOURCES",
    "NYC_SBS",
    "SourceSpec",
    "SourceColumn",
    "DerivedColumn",
    "HeaderMatch",
    "header_key",
    "get_source",
    "register_source",
]

#: The directories the library knows, by :attr:`SourceSpec.name`.
SOURCES: dict[str, SourceSpec] = {
    NYC_SBS.name: NYC_SBS,
}


def register_source(spec: SourceSpec) -> SourceSpec:
    """Make ``spec`` known by its name (``get_source(spec.name)``, ``spec="name"``); returns it.

    Raises:
        ValueError: another spec is registered under the same name.
    """
    if not isinstance(spec, SourceSpec):
        raise TypeError(f"register_source() takes a SourceSpec, not {type(spec).__name__}")
    known = SOURCES.get(spec.name)
    if known is not None and known is not spec:
        raise ValueError(f"a source named {spec.name!r} is already registered ({known.title})")
    SOURCES[spec.name] = spec
    return spec


def get_source(spec: SourceSpec | str | None = None) -> SourceSpec:
    """The :class:`SourceSpec` meant by ``spec``: itself, the one registered under that name, or (``None``) NYC SBS.

    Raises:
        ValueError: no source is registered under that name (the message lists the known ones).
    """
    if spec is None:
        return NYC_SBS
    if isinstance(spec, SourceSpec):
        return spec
    if isinstance(spec, str):
        try:
            return SOURCES[spec]
        except KeyError:
            raise ValueError(f"unknown directory source {spec!r} (known: {', '.join(sorted(SOURCES))})") from None
    raise TypeError(f"spec must be a SourceSpec or the name of one, not {type(spec).__name__}")
