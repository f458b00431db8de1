"""Rows, their per-round measurements, and the one table scripts/bench prints (medians of the rounds)."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import List, Optional

# Numbers per unit: how many decimals the table shows.
DECIMALS = {"req/s": 0, "tx/s": 0, "MiB/s": 1, "MB": 0, "s": 3, "ms": 2}


@dataclass(frozen=True)
class Goal:
    """What issue 11 or 13 asks of a row: a least ratio to the ceiling, a largest figure, or only words."""
    text: str
    min_ratio: Optional[float] = None
    max_figure: Optional[float] = None

    def verdict(self, figure: float, ratio: Optional[float]) -> str:
        checks = []
        if self.min_ratio is not None and ratio is not None:
            checks.append(ratio >= self.min_ratio)
        if self.max_figure is not None:
            checks.append(figure <= self.max_figure)
        if not checks:
            return ""
        return "meets" if all(checks) else "BELOW"


NO_GOAL = Goal("—")


@dataclass(frozen=True)
class Row:
    key: str
    path: str
    unit: str
    ceiling: str  # what the ceiling (or baseline) is; "" when the row has none
    goal: Goal = NO_GOAL
    lower_is_better: bool = False  # times and sizes: the ratio is then ceiling / figure


@dataclass(frozen=True)
class Measurement:
    figure: float
    ceiling: Optional[float] = None
    note: str = ""


@dataclass(frozen=True)
class Failed:
    """A row that could not be measured in a round, while the experiment's other rows could."""
    reason: str


@dataclass
class RowResult:
    row: Row
    measurements: List[Measurement] = field(default_factory=list)
    skipped: str = ""
    failed: str = ""

    def ratio(self, measurement: Measurement) -> Optional[float]:
        """The fraction of the ceiling reached: 1.0 is at the ceiling, whichever way the unit points."""
        if measurement.ceiling is None or measurement.figure == 0 or measurement.ceiling == 0:
            return None
        if self.row.lower_is_better:
            return measurement.ceiling / measurement.figure
        return measurement.figure / measurement.ceiling

    def median_ratio(self) -> Optional[float]:
        ratios = [r for r in (self.ratio(m) for m in self.measurements) if r is not None]
        return statistics.median(ratios) if ratios else None

    def median_measurement(self) -> Measurement:
        """Median figure and median ceiling; the note of the round whose figure is the median."""
        ordered = sorted(self.measurements, key=lambda m: m.figure)
        middle = ordered[(len(ordered) - 1) // 2]
        ceilings = [m.ceiling for m in self.measurements if m.ceiling is not None]
        return Measurement(statistics.median(m.figure for m in self.measurements),
                           statistics.median(ceilings) if ceilings else None, middle.note)


def number(value: float, unit: str) -> str:
    return f"{value:,.{DECIMALS.get(unit, 2)}f} {unit}"


def table(results: List[RowResult]) -> str:
    header = ["path", "figure", "ceiling, same run", "ratio", "goal", "verdict"]
    lines = [header]
    for result in results:
        row = result.row
        if result.skipped or result.failed or not result.measurements:
            if result.failed:
                why = f"FAILED: {result.failed}"
            else:
                why = f"skipped: {result.skipped}" if result.skipped else "not measured (interrupted)"
            lines.append([row.path, why, "", "", row.goal.text, ""])
            continue
        median = result.median_measurement()
        ratio = result.median_ratio()
        figure = number(median.figure, row.unit) + (f" ({median.note})" if median.note else "")
        ceiling = "—" if median.ceiling is None else f"{number(median.ceiling, row.unit)}: {row.ceiling}"
        lines.append([row.path, figure, ceiling, "—" if ratio is None else f"{ratio:.2f}", row.goal.text,
                      row.goal.verdict(median.figure, ratio)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    rendered = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths)) + " |" for line in lines]
    rendered.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(rendered)


def rounds(results: List[RowResult]) -> str:
    """Every round's figure / ceiling, to show the spread behind each median."""
    lines = []
    for result in results:
        if not result.measurements:
            continue
        unit = result.row.unit
        cells = [(f"{m.figure:,.{DECIMALS.get(unit, 2)}f}"
                  + ("" if m.ceiling is None else f"/{m.ceiling:,.{DECIMALS.get(unit, 2)}f}"))
                 for m in result.measurements]
        lines.append(f"  {result.row.key:<32} {'  '.join(cells)}  {unit}")
    return "\n".join(lines)
