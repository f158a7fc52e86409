#!/usr/bin/env python3
"""CT-15 read as written (docs/validation/11-national-standards.md §11.14): of the men whose first session of
the BBR-keyed programme fell between two dates, how many had completed it by a later date, per replication,
from a run's events.csv. PUB-8 gives "71% of 2003/04 starters completed": a group of starters followed
through, which neither a year's completions ÷ starts nor a share of the requirements ended is.

    probsim run scenarios/national_standards_2004_county_durham.yaml --reps 10 --seed 2004 \\
        --set simulation.report_end=2005-03-31 --events --out results/durham_cohort
    python3 scripts/bbr_starter_cohort.py results/durham_cohort 2003-04-01 2004-03-31 2005-03-31
    python3 scripts/bbr_starter_cohort.py results/durham_cohort 2003-04-01 2004-03-31 2005-03-31 --csv c.csv

A starter is a case whose first `bbr_start` row is dated within the first two dates (a rejoin is not a
start). By the third date (inclusive) each starter is in exactly one of:
- completed: a `bbr_completion` row follows his first start;
- ended: not completed, and his order ended (`bbr_ended_after_start` or `terminated`);
- removed: neither, and his last programme row is a removal for missed sessions with no later start:
  back on the list awaiting a rejoin, or out of the programme for good while his order runs on
  (events.csv does not say which);
- in programme: none of these (in a group, or awaiting his next module).
The drop-outs are the ended and the removed. PUB-8's second figure, "about half of those who dropped out
were breached or revoked" (§11.15), counts those of them with a `bbr_removal_breached` row, or whose order
ended by breach, revocation or activation (a suspended sentence's breach ends in its activation); a recall
without a breached removal is the licence's own enforcement and is counted apart (`recalled`).
Prints, per replication and as a mean with a t-based 95% CI, the completed share of starters and the
breached-or-revoked share of drop-outs; --csv writes one row per replication (replication, starters,
completed, ended, removed, in_programme, breached_or_revoked, recalled).
"""

import csv
import datetime
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from replication_ci import mean_ci  # noqa: E402  (the same t-based 95% CI as summary.csv)

ENDINGS = {"bbr_ended_after_start", "terminated"}
STEPS = ENDINGS | {"bbr_start", "bbr_completion", "bbr_removed_non_attendance", "bbr_removal_breached"}
NEEDED = ("replication", "date", "case_id", "event", "termination_reason")
OUTCOMES = ("completed", "ended", "removed", "in_programme")
DROP_OUTS = ("breached_or_revoked", "recalled")
BREACH_ENDINGS = ("breach", "revocation", "activation")


def fail(message):
    print(f"bbr_starter_cohort: {message}", file=sys.stderr)
    sys.exit(2)


def parse_date(text, what):
    try:
        return datetime.date.fromisoformat(text)
    except (TypeError, ValueError):
        fail(f"{what}: expected a date YYYY-MM-DD, found '{text}'")


class Starter:
    """What is kept of one man who started: the days of his starts, removals, completion and ending."""
    __slots__ = ("starts", "removals", "breaches", "completion", "ending", "ending_reason")

    def __init__(self):
        self.starts, self.removals, self.breaches = [], [], []
        self.completion = self.ending = None
        self.ending_reason = ""


def outcome(case, until):
    """One of OUTCOMES for a starter, by `until` (inclusive)."""
    if case.completion is not None and case.completion <= until:
        return "completed"
    if case.ending is not None and case.ending <= until:
        return "ended"
    removals = [d for d in case.removals if d <= until]
    restarts = [d for d in case.starts[1:] if d <= until]
    if removals and (not restarts or max(restarts) < max(removals)):
        return "removed"
    return "in_programme"


def drop_out_kind(case, until):
    """For a drop-out: "breached_or_revoked", "recalled" or "" (neither), by `until` (inclusive)."""
    ended = case.ending is not None and case.ending <= until
    if any(d <= until for d in case.breaches) or (ended and case.ending_reason in BREACH_ENDINGS):
        return "breached_or_revoked"
    return "recalled" if ended and case.ending_reason == "recall" else ""


def cohort(events, first, last, until):
    """{replication: {"starters": n, outcome: n, ...}}, replications as ints in order.

    Rows are in the order events happen within a replication (docs/reference/outputs.md), so a man's
    record begins at his first start and only the men who start are kept."""
    if not events.is_file():
        fail(f"{events}: no such file (run with --events)")
    cases = defaultdict(dict)
    with open(events, newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in NEEDED if c not in (reader.fieldnames or [])]
        if missing:
            fail(f"{events}: no column {', '.join(missing)}")
        for line, r in enumerate(reader, start=2):
            event = r["event"]
            if event is None:
                fail(f"{events}:{line}: the row is short")
            if event not in STEPS:
                continue  # other programmes' rows, sessions, referrals: not needed
            try:
                rep = int(r["replication"])
            except (TypeError, ValueError):
                fail(f"{events}:{line}: replication: expected a whole number, found '{r['replication']}'")
            day = parse_date(r["date"], f"{events}:{line}: date")
            case = cases[rep].get(r["case_id"])
            if event == "bbr_start":
                if case is None:
                    case = cases[rep][r["case_id"]] = Starter()
                case.starts.append(day)
            elif case is None:
                continue  # a step of a man who has not started: an ending before any start
            elif event == "bbr_removed_non_attendance":
                case.removals.append(day)
            elif event == "bbr_removal_breached":
                case.breaches.append(day)
            elif event == "bbr_completion":
                case.completion = case.completion or day
            elif case.ending is None:
                case.ending, case.ending_reason = day, r["termination_reason"] or ""
    result = {}
    for rep in sorted(cases):
        counts = dict.fromkeys(("starters",) + OUTCOMES + DROP_OUTS, 0)
        for case in cases[rep].values():
            if first <= case.starts[0] <= last:
                counts["starters"] += 1
                kind = outcome(case, until)
                counts[kind] += 1
                if kind in ("ended", "removed") and drop_out_kind(case, until):
                    counts[drop_out_kind(case, until)] += 1
        if counts["starters"] == 0:
            fail(f"{events}: replication {rep} has no starter between {first} and {last}")
        result[rep] = counts
    if not result:
        fail(f"{events}: no replication has a BBR start")
    return result


def main(argv):
    args, out = list(argv), None
    if "--csv" in args:
        at = args.index("--csv")
        if at + 1 >= len(args):
            fail("--csv needs a file name")
        out = args[at + 1]
        del args[at:at + 2]
    if len(args) != 4:
        fail("usage: bbr_starter_cohort.py RUN_DIR FROM TO UNTIL [--csv FILE]")
    run_dir = Path(args[0])
    first, last, until = (parse_date(a, w) for a, w in zip(args[1:], ("FROM", "TO", "UNTIL")))
    if not first <= last <= until:
        fail(f"the dates must be in order: FROM {first} <= TO {last} <= UNTIL {until}")
    counts = cohort(run_dir / "events.csv", first, last, until)
    shares = [c["completed"] / c["starters"] for c in counts.values()]
    for rep, c in counts.items():
        print(f"replication {rep}: {c['completed']} of {c['starters']} starters completed; "
              f"{c['ended']} ended, {c['removed']} removed, {c['in_programme']} in the programme; of the "
              f"drop-outs {c['breached_or_revoked']} breached or revoked, {c['recalled']} recalled")
    mean, low, high = mean_ci(shares)
    print(f"completed share of starters: {100 * mean:.1f}% [{100 * low:.1f}, {100 * high:.1f}] "
          f"over {len(shares)} replications")
    dropped = [c for c in counts.values() if c["ended"] + c["removed"] > 0]
    for label, kinds in (("breached or revoked", ("breached_or_revoked",)),
                         ("breached, revoked or recalled", DROP_OUTS)):
        values = [sum(c[k] for k in kinds) / (c["ended"] + c["removed"]) for c in dropped]
        if values:
            mean, low, high = mean_ci(values)
            print(f"drop-outs {label}: {100 * mean:.1f}% [{100 * low:.1f}, {100 * high:.1f}] over "
                  f"{len(values)} replications with a drop-out")
    if out:
        with open(out, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["replication", "starters", *OUTCOMES, *DROP_OUTS])
            for rep, c in counts.items():
                w.writerow([rep, c["starters"], *(c[o] for o in OUTCOMES + DROP_OUTS)])


if __name__ == "__main__":
    main(sys.argv[1:])
