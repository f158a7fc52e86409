"""The 2004 samples of cases under supervision on a day, read from a run's events.csv: what
case_managers_so_far.py (§11.18) and reassessments_so_far.py (§11.19) share, so that the two samples
cannot drift apart (validation/11-national-standards.md).

A case is under supervision at the end of DAY if it has a `referral` row (a warm-start case, begun before
the run, has none and is left out) and no `terminated` row on or before DAY; it is in the sample if its
supervision began 122 to 365 days before DAY (both ends in; 2a.17's [D]: about 8 months in).
"""

import csv
from datetime import date

SAMPLE_DAYS = (122, 365)


class CaseHistory:
    """What the samples need of every case; a script's subclass adds what it reads from its own rows."""

    def __init__(self):
        self.start = None      # the referral's date; None for a warm-start case (began before the run)
        self.ended = False     # a terminated row on or before the day
        self.rosh = ""         # as of its last row on or before the day
        self.domestic_abuse = False


def read_cases(events_csv, day, new_case, on_row=None):
    """{replication: {case_id: case}} from events.csv's rows on or before `day`; `new_case()` makes a
    case (a CaseHistory), and `on_row(case, event, row, row_day)` reads what else a script needs."""
    cases = {}
    with open(events_csv, newline="") as f:
        for row in csv.DictReader(f):
            row_day = date.fromisoformat(row["date"])
            if row_day > day:
                continue
            case = cases.setdefault(row["replication"], {}).get(row["case_id"])
            if case is None:
                case = cases[row["replication"]][row["case_id"]] = new_case()
            case.rosh = row["rosh"]
            case.domestic_abuse = row["domestic_abuse_flag"] == "1"
            event = row["event"]
            if event == "referral":
                case.start = row_day
            elif event == "terminated":
                case.ended = True
            if on_row:
                on_row(case, event, row, row_day)
    return cases


def under_supervision(case, day, oldest_days=SAMPLE_DAYS[1]):
    """Begun in the run, not ended by the day, and at most `oldest_days` in."""
    return case.start is not None and not case.ended and 0 <= (day - case.start).days <= oldest_days


def in_sample(case, day):
    return under_supervision(case, day) and SAMPLE_DAYS[0] <= (day - case.start).days


def replication_rows(cases_by_replication, day, figures, sample_size_key, script, events, what):
    """One dict of `figures(cases, day)` per replication, in replication order; a replication whose
    `sample_size_key` is 0 is refused, naming `what` it lacks (a run too short or too small)."""
    rows = []
    for replication, cases in sorted(cases_by_replication.items(), key=lambda kv: int(kv[0])):
        row = figures(cases, day)
        if not row[sample_size_key]:
            raise SystemExit(f"{script}: {events}: replication {replication} has no {what} in the sample on {day}")
        rows.append({"replication": replication, **row})
    if not rows:
        raise SystemExit(f"{script}: {events}: no rows")
    return rows


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
