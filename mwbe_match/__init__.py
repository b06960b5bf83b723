"""mwbe_match: find NYC-certified minority- and women-owned suppliers (M/WBEs).

Load the City's certified-business directory (NYC Open Data dataset
``ci93-uc8s``), describe what a company needs in English or Korean, and get
ranked, explainable shortlists of certified suppliers.

    >>> import mwbe_match
    >>> directory = mwbe_match.load_directory()          # newest snapshot, else the bundled sample
    >>> mwbe_match.validation_report(directory)          # cells that did not parse

The modules are stages (README, "How it is built"); every file the library writes
as a result goes through one of them, :mod:`mwbe_match.outputs` (formats, checks,
metadata document, atomic writers).
"""

from ._version import __version__

# Public names and the module each lives in. They are imported on first use (PEP 562), so that
# ``import mwbe_match`` and ``mwbe-match --help`` do not load pandas, scipy and requests up front.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(("BatchSummary", "VerifiedVendor", "VerifySummary", "run_shortlist", "run_verify"), "batch"),
    "diff_directories": "changes",
    "show": "display",
    **dict.fromkeys(("DirectoryWarning", "SampleDataWarning", "bundled_sample_path", "directory_metadata",
                     "directory_summary", "load_directory", "normalize_directory", "unique_firms",
                     "validation_report"), "directory"),
    **dict.fromkeys(("SHORTLIST_COLUMNS", "MatchConfig", "Matcher"), "engine"),
    **dict.fromkeys(("Need", "NeedError"), "engine.need"),
    **dict.fromkeys(("ParticipationPlan", "PlanConfig", "Scope", "plan_participation", "utilization_report"),
                    "participation"),
    "read_table": "readers",
    **dict.fromkeys(("DIRECTORY_COLUMNS", "DIRECTORY_SCHEMA"), "schema"),
    **dict.fromkeys(("BOROUGHS", "CERTIFICATION_TYPES"), "vocabulary"),
    **dict.fromkeys(("FetchError", "RetryPolicy", "fetch_directory"), "live"),
    **dict.fromkeys(("NameIndex", "VerifyConfig", "match_names", "name_candidates"), "verify"),
}


def __getattr__(name: str):
    import importlib

    module = _EXPORTS.get(name)
    if module is None:  # a submodule (``mwbe_match.batch``) is imported on first use too
        if name.startswith("_"):
            raise AttributeError(f"module 'mwbe_match' has no attribute {name!r}")
        try:
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module 'mwbe_match' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


__all__ = [
    "show",
    "__version__",
    "load_directory",
    "normalize_directory",
    "validation_report",
    "directory_metadata",
    "directory_summary",
    "unique_firms",
    "bundled_sample_path",
    "fetch_directory",
    "FetchError",
    "RetryPolicy",
    "run_shortlist",
    "run_verify",
    "BatchSummary",
    "VerifySummary",
    "VerifiedVendor",
    "diff_directories",
    "read_table",
    "plan_participation",
    "utilization_report",
    "ParticipationPlan",
    "PlanConfig",
    "Scope",
    "Need",
    "NeedError",
    "Matcher",
    "MatchConfig",
    "SHORTLIST_COLUMNS",
    "match_names",
    "name_candidates",
    "NameIndex",
    "VerifyConfig",
    "DirectoryWarning",
    "SampleDataWarning",
    "DIRECTORY_SCHEMA",
    "DIRECTORY_COLUMNS",
    "CERTIFICATION_TYPES",
    "BOROUGHS",
]
