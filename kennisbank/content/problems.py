"""A problem in contributed content, and the wording helpers every check shares."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(order=True)
class Problem:
    """One thing a contributor must fix, printed as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def suggestion(value: object, allowed: list[str]) -> str:
    """' Bedoelde u 'x'?' for a near miss, else ''."""
    if not isinstance(value, str):
        return ""
    lowered = {option.lower(): option for option in allowed}
    if value.lower() in lowered:
        return f" Bedoelde u '{lowered[value.lower()]}'?"
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f" Bedoelde u '{lowered[close[0]]}'?" if close else ""


def allowed_values(allowed: list[str], limit: int = 25) -> str:
    """The allowed values, quoted, shortened when the list is long."""
    shown = ", ".join(f"'{option}'" for option in allowed[:limit])
    if len(allowed) > limit:
        shown += f" (en {len(allowed) - limit} meer)"
    return shown
