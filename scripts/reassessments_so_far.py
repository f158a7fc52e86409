#!/usr/bin/env python3
"""How many cases have had OASys re-assessed so far, and how old each case was at its first re-assessment
(2d.6: County Durham re-assessed OASys in 51% of cases, 65% of these at 4-6 months and 21% at 7-9 months),
read from a run's events.csv as validation/11-national-standards.md §11.19 states:

    python3 scripts/reassessments_so_far.py RUN_DIR DAY [--csv OUT]   # RUN_DIR run with --events-tasks

A re-assessment is a `periodic_review_done` or `event_review_done` row (a review of the RoH assessment,
3a.10/3a.11 and 3a.13) on or before DAY. The sample, as §11.18: cases under supervision at the end of DAY
whose supervision began 122 to 365 days before (the `referral` row's date), with no `terminated` row on or
before DAY; all cases, unweighted (51% is no share of the 23 DV cases, so 2d.6 is read on the main sample),
with the DA cases beside. A case's age is in completed months, days / (365.25 / 12) rounded down; the
first re-assessment's age is also given rounded to the nearest month. The share re-assessed is also given
by the case's age on DAY (0-3, 4-6, 7-9, 10-12 completed months, every case begun up to 365 days before),
since 2d.6 does not give the sample's age. Prints one line per replication; --csv writes them as a table
for scripts/validation_summary.py.
"""

import argparse
import csv
import math
import sys
from datetime import date
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_sample import CaseHistory, in_sample, read_cases, replication_rows, under_supervision, write_csv  # noqa: E402
from replication_ci import mean_ci, wilson_interval  # noqa: E402  (the page's CIs)

DAYS_PER_MONTH = 365.25 / 12
REVIEW_EVENTS = ("periodic_review_done", "event_review_done")
AGE_BANDS = (("0_3", 0, 3), ("4_6", 4, 6), ("7_9", 7, 9), ("10_12", 10, 12))  # completed months, ends in
TIMING = ("4_6", "7_9", "other")
PUBLISHED_REASSESSED = (51, 100)  # 2d.6: 51% of "about 100" cases (ESI Durham 2004), so the interval is approximate
PUBLISHED_TIMING = {"4_6": 0.65, "7_9": 0.21, "other": 0.14}  # 2d.6: of the cases re-assessed


class Case(CaseHistory):
    def __init__(self):
        super().__init__()
        self.first_review = None    # the first periodic or event review done
        self.first_is_event = False  # that first review was an event review
        self.first_periodic = None  # the first periodic review done


def note_review(case, event, _row, row_day):
    if event not in REVIEW_EVENTS:
        return
    if case.first_review is None:
        case.first_review = row_day
        case.first_is_event = event == "event_review_done"
    if event == "periodic_review_done" and case.first_periodic is None:
        case.first_periodic = row_day


def completed_months(days):
    return math.floor(days / DAYS_PER_MONTH)


def nearest_months(days):
    return math.floor(days / DAYS_PER_MONTH + 0.5)


def timing_class(months):
    return "4_6" if 4 <= months <= 6 else "7_9" if 7 <= months <= 9 else "other"


def has_task_rows(events_csv):
    """Whether the run wrote `--events-tasks`'s rows (a plain --events log would read as nothing re-assessed)."""
    with open(events_csv, newline="") as f:
        return any(row["event"].endswith("_done") for row in csv.DictReader(f))


def replication_figures(cases, day):
    """One replication's figures: the sample's size and share re-assessed (all cases; DA cases), the periodic
    reviews alone, the first re-assessment's age in the timing classes (completed and nearest months), and
    the share re-assessed by the case's age on the day."""
    open_cases = [c for c in cases.values() if under_supervision(c, day)]
    sample = [c for c in open_cases if in_sample(c, day)]
    da = [c for c in sample if c.domestic_abuse]
    reassessed = [c for c in sample if c.first_review is not None]

    def share(part, whole):
        return len(part) / len(whole) if whole else float("nan")

    figures = {"cases": len(sample), "reassessed": share(reassessed, sample),
               "periodic_reviewed": share([c for c in sample if c.first_periodic is not None], sample),
               "da_cases": len(da), "da_reassessed": share([c for c in da if c.first_review is not None], da),
               "first_is_event_review": share([c for c in reassessed if c.first_is_event], reassessed)}
    for reading, months in (("completed", completed_months), ("nearest", nearest_months)):
        classes = [timing_class(months((c.first_review - c.start).days)) for c in reassessed]
        for cls in TIMING:
            figures[f"first_{reading}_{cls}"] = classes.count(cls) / len(classes) if classes else float("nan")
    for band, low, high in AGE_BANDS:
        in_band = [c for c in open_cases if low <= completed_months((day - c.start).days) <= high]
        figures[f"age_{band}_cases"] = len(in_band)
        figures[f"age_{band}_reassessed"] = share([c for c in in_band if c.first_review is not None], in_band)
    return figures


def run_rows(run_dir, day):
    """One dict of replication_figures per replication of run_dir's events.csv, in replication order."""
    events = run_dir / "events.csv"
    if not events.exists():
        raise SystemExit(f"reassessments_so_far.py: {events}: missing (run with --events-tasks)")
    if not has_task_rows(events):
        raise SystemExit(f"reassessments_so_far.py: {events}: no task rows (run with --events-tasks)")
    return replication_rows(read_cases(events, day, Case, note_review), day, replication_figures, "cases",
                            "reassessments_so_far.py", events, "case")


def present(rows, key):
    """The replications' values of a figure, leaving out those that have none (no DA case, none
    re-assessed, no case of an age band)."""
    return [float(r[key]) for r in rows if not math.isnan(float(r[key]))]


def ci(rows, key):
    """Mean [95% CI] over the replications that have the figure."""
    values = present(rows, key)
    if not values:
        return "none"
    mean, low, high = mean_ci(values)
    if len(values) == 1:
        return f"{mean:.1%} (1 replication)"
    return f"{mean:.1%} [{low:.1%}, {high:.1%}]"


def page_line(runs):
    """The summary page's line for §11.19 from scripts/validation_summary.sh's runs, or None when its file is
    not there: County Durham against 2d.6."""
    path = runs / "ns2004_county_durham_reassessments" / "reassessments.csv"
    if not path.exists():
        return None
    rows = list(csv.DictReader(open(path, newline="")))
    mean = mean_ci(float(r["reassessed"]) for r in rows)[0]
    low, high = wilson_interval(*PUBLISHED_REASSESSED)
    inside = "inside" if low <= mean <= high else "**outside**"
    timing = "; ".join(f"{label} {ci(rows, 'first_completed_' + cls)} ({PUBLISHED_TIMING[cls]:.0%})"
                       for cls, label in (("4_6", "at 4-6 months"), ("7_9", "at 7-9"), ("other", "other")))
    # The sample's age is not given: the share of cases under 4 months that would bring the sample to 51%.
    young = present(rows, "age_0_3_reassessed")
    young = sum(young) / len(young) if young else float("nan")
    needed = (mean - PUBLISHED_REASSESSED[0] / PUBLISHED_REASSESSED[1]) / (mean - young) if mean > young else float("nan")
    bands = ", ".join(f"{band.replace('_', '-')} {ci(rows, f'age_{band}_reassessed')}" for band, _, _ in AGE_BANDS)
    return (f"- 2d.6, OASys re-assessed so far (§11.19; a periodic or event review done; all cases 4-12 months in on "
            f"30 Mar 2004): County Durham ({len(rows)} replications) {ci(rows, 'reassessed')} (51% of about 100, "
            f"Wilson [{low:.1%}, {high:.1%}]: {inside}; a sample with {needed:.0%} or more of its cases under 4 months "
            f"would come to 51%); DA cases {ci(rows, 'da_reassessed')}. The first "
            f"re-assessment's age in completed months: {timing}; an event review in {ci(rows, 'first_is_event_review')} of them; in months to the nearest, at 4-6 "
            f"{ci(rows, 'first_nearest_4_6')}, at 7-9 {ci(rows, 'first_nearest_7_9')}. Re-assessed by the case's "
            f"age in completed months (the source does not give it): {bands}.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("day", type=date.fromisoformat)
    parser.add_argument("--csv", type=Path, help="write one row per replication here")
    args = parser.parse_args()
    rows = run_rows(args.run_dir, args.day)
    if args.csv:  # before the printing, so that a reader of the lines who stops early does not lose the table
        write_csv(args.csv, rows)
    for r in rows:
        print(" ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in r.items()))


if __name__ == "__main__":
    main()
