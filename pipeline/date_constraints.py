"""Intervals a publication date must lie in, and how several of them combine.

Most evidence bounds the date with one interval ("refers to the Jeddah talks": not before
11 March 2025). Some allows several ("President Donald Trump": either term of office; "Monday,
June 2": any year in which June 2 is a Monday). Those carry their options, and combining keeps
only the options the other evidence leaves open, so a man with two terms does not stretch the
interval over the four years between them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

Span = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True)
class Constraint:
    """An interval the publication date must lie in, and where that came from.

    ``options``, when given, are alternative intervals the date lies in one of;
    ``earliest``/``latest`` are then their hull.
    """

    earliest: dt.date | None
    latest: dt.date | None
    evidence: str
    options: tuple[Span, ...] = ()
    cited_day: dt.date | None = None  # the day of the event or date this evidence cites: news follows it soon


def _hull(spans: list[Span] | tuple[Span, ...]) -> Span:
    """The smallest span holding all of ``spans`` (an open end stays open)."""
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    return (None if None in starts else min(starts)), (None if None in ends else max(ends))


def alternatives(spans: list[Span], evidence: str) -> Constraint:
    """A constraint satisfied by any one of ``spans`` (a single span is a plain constraint)."""
    unique = tuple(dict.fromkeys(spans))
    return Constraint(*_hull(unique), evidence, unique if len(unique) > 1 else ())


def _intersect(a: Span, b: Span) -> Span | None:
    """The overlap of two spans (open ends allowed), or None when they miss each other."""
    low = max(filter(None, [a[0], b[0]]), default=None)
    high = min(filter(None, [a[1], b[1]]), default=None)
    if low and high and low > high:
        return None
    return low, high


def _left_open(current: Span, options: tuple[Span, ...]) -> list[Span]:
    """The parts of the options that the current interval still allows."""
    return [s for o in options if (s := _intersect(current, o)) is not None]


def narrow(current: Span, c: Constraint) -> Span | None:
    """The current interval cut by one constraint: by the hull of the options it leaves open."""
    if not c.options:
        return _intersect(current, (c.earliest, c.latest))
    left = _left_open(current, c.options)
    return _hull(left) if left else None


def combine(constraints: list[Constraint]) -> tuple[dt.date | None, dt.date | None, list[str]]:
    """Intersect constraints; a conflicting one widens the interval and is noted.

    Plain intervals go first, in order, then the ones with options, so each option is judged
    against all the plain evidence. Returns the interval and the evidence that decided it: the
    constraints that set a bound, then any conflicts.
    """
    current: Span = (None, None)
    notes = []
    used: list[Constraint] = []
    for c in sorted(constraints, key=lambda c: bool(c.options)):
        cut = narrow(current, c)
        if cut is None:
            earliest = min(filter(None, [current[0], c.earliest]), default=None)
            latest = max(filter(None, [current[1], c.latest]), default=None) if current[1] and c.latest else None
            current = (earliest, latest)
            notes.append(f"conflict: {c.evidence} (interval widened)")
            continue
        if cut != current or not c.options:
            used.append(c)
        current = cut
    earliest, latest = current
    # Only the constraints that set a bound are worth a reader's time; conflicts always are.
    binding = [
        c.evidence
        for c in used
        if (c.earliest and c.earliest == earliest)
        or (c.latest and c.latest == latest)
        or (c.options and any(earliest in o or latest in o for o in c.options))
    ]
    return earliest, latest, list(dict.fromkeys(binding)) + notes


def open_options(constraints: list[Constraint], earliest: dt.date | None, latest: dt.date | None) -> list[Span]:
    """The alternative spans still open inside the combined interval, from the constraint that
    leaves the fewest: where a best day can lie ("June 2 was a Monday in 2014 and 2025": not 2019)."""
    best: list[Span] = []
    for c in constraints:
        if not c.options:
            continue
        left = _left_open((earliest, latest), c.options)
        if left and (not best or len(left) < len(best)):
            best = left
    return best
