"""Transitional shim (issue 12): the live fetch moved to mwbe_match.live and the SODA client to mwbe_match.sources.socrata; removed when the restructure branches are merged.

``mwbe_match.socrata`` *is* :mod:`mwbe_match.live` (the same module object,
which re-exports the client's public names), so code that reads or patches
``mwbe_match.socrata.DEFAULT_BASE_URL``, ``LIVE_RETRY`` or ``fetch_directory``
keeps working unchanged.
"""

import sys

from . import live as _live

sys.modules[__name__] = _live
