"""Today's date for the checks, fixable for tests and reproducible runs.

A date in the future is refused for fields that record something that already happened
(``bijgewerkt``, the dates in ``historie``, ``gecontroleerd``). What "today" is comes from
here, never from ``date.today()`` directly, so that a test (or a rebuild of an old state)
can fix it with the environment variable ``KENNISBANK_VANDAAG=JJJJ-MM-DD``.
"""

from __future__ import annotations

import os
from datetime import date

FIXED_TODAY = "KENNISBANK_VANDAAG"


def today() -> date:
    """The fixed date when ``KENNISBANK_VANDAAG`` holds one, else the system's date."""
    fixed = os.environ.get(FIXED_TODAY, "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass  # a wrong value in a test environment: fall back to the real date
    return date.today()
