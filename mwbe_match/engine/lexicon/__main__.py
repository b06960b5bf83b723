"""``python -m mwbe_match.engine.lexicon check [FILES]`` (see :func:`mwbe_match.engine.lexicon.main`)."""

import sys

from . import main

sys.exit(main())
