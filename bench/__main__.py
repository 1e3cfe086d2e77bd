"""``python -m bench [N ...]``: generate corpora of N cases and measure builds (see bench/run.py)."""

import sys

from .run import main

sys.exit(main())
