"""mwbe_match: find NYC-certified minority- and women-owned suppliers (M/WBEs).

Load the City's certified-business directory (NYC Open Data dataset
``ci93-uc8s``), describe what a company needs in English or Korean, and get
ranked, explainable shortlists of certified suppliers.

    >>> import mwbe_match
    >>> directory = mwbe_match.load_directory()          # newest snapshot, else the bundled sample
    >>> mwbe_match.validation_report(directory)          # cells that did not parse
"""

from ._version import __version__
from .batch import BatchSummary, VerifiedVendor, VerifySummary, run_shortlist, run_verify
from .changes import diff_directories
from .display import show
from .directory import (
    DirectoryWarning,
    SampleDataWarning,
    bundled_sample_path,
    directory_metadata,
    directory_summary,
    load_directory,
    normalize_directory,
    unique_firms,
    validation_report,
)
from .engine import SHORTLIST_COLUMNS, MatchConfig, Matcher
from .engine.need import Need, NeedError
from .participation import ParticipationPlan, PlanConfig, Scope, plan_participation, utilization_report
from .readers import read_table
from .schema import BOROUGHS, CERTIFICATION_TYPES, DIRECTORY_COLUMNS, DIRECTORY_SCHEMA
from .live import FetchError, RetryPolicy, fetch_directory
from .verify import NameIndex, VerifyConfig, match_names, name_candidates

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
