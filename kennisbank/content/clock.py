"""Today's date for the checks and the moment of a build, both fixable for tests and reproducible runs.

A date in the future is refused for fields that record something that already happened
(``bijgewerkt``, the dates in ``historie``, ``gecontroleerd``). What "today" is comes from
here, never from ``date.today()`` directly, so that a test (or a rebuild of an old state)
can fix it with the environment variable ``KENNISBANK_VANDAAG=JJJJ-MM-DD``.

The moment a build is stamped with (the exports' ``gebouwd``, "gebouwd op" on /data/, MkDocs'
sitemap) is not "now": two builds of one commit must be byte-identical. It is
``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention), else the date of the last
commit, and only outside Git the clock.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

FIXED_TODAY = "KENNISBANK_VANDAAG"
SOURCE_DATE = "SOURCE_DATE_EPOCH"


def today() -> date:
    """The fixed date when ``KENNISBANK_VANDAAG`` holds one, else the system's date."""
    fixed = os.environ.get(FIXED_TODAY, "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass  # a wrong value in a test environment: fall back to the real date
    return date.today()


def last_commit(root: str | Path) -> datetime | None:
    """The committer date of the last commit of the repository at ``root`` (None outside Git)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                                check=False)
    except OSError:  # no git installed
        return None
    stamp = result.stdout.strip()
    return datetime.fromtimestamp(int(stamp), UTC) if result.returncode == 0 and stamp.isdigit() else None


def build_moment(root: str | Path | None = None) -> datetime:
    """When this build counts as made (UTC, whole seconds): SOURCE_DATE_EPOCH, else the last commit, else now."""
    epoch = os.environ.get(SOURCE_DATE, "").strip()
    if epoch.lstrip("-").isdigit():
        moment = datetime.fromtimestamp(int(epoch), UTC)
    else:
        moment = (last_commit(root) if root is not None else None) or datetime.now(UTC)
    return moment.replace(microsecond=0)


def reference_day(root: str | Path | None = None) -> date:
    """The day a page that depends on the date is written for: ``KENNISBANK_VANDAAG``, else the build's day.

    Not the clock: the staff page of stale legal bases must come out the same in two builds of one
    commit. A scheduled publication that should judge "stale" by the day it runs sets
    SOURCE_DATE_EPOCH to now.
    """
    if os.environ.get(FIXED_TODAY, "").strip():
        return today()
    return build_moment(root).date()
