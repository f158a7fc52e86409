#!/usr/bin/env python3
"""How many case managers a DA case has had so far (2a.17: one 55%, two 31%, three 11%, four or more 3% of
the 2004 DV thematic's 152 sampled cases; 2d.7: 56% in Gwent had more than one), read from a run's
events.csv as validation/11-national-standards.md §11.18 states:

    python3 scripts/case_managers_so_far.py RUN_DIR DAY [--csv OUT]   # RUN_DIR run with --events

The sample, as §10.20's addendum: DA cases under supervision at the end of DAY whose supervision began
122 to 365 days before (the `referral` row's date), with no `terminated` row on or before DAY. A case's
case managers are the distinct practitioners of its `allocated` rows on or before DAY. Each class's share
is taken within each RoSH level (the case's last row on or before DAY) and weighted by the sample's RoH
mix (2a.12/2a.13), as dv_sample_holders_2004.py does for the grades. The same share over every case in the
age window, unweighted, is given beside it, because 2d.7 does not say which cases it counted.
Prints one line per replication; --csv writes them as a table for scripts/validation_summary.py.
"""

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_sample import CaseHistory, in_sample, read_cases, replication_rows, write_csv  # noqa: E402
from replication_ci import mean_ci, wilson_interval  # noqa: E402  (the page's CIs)

ROH_MIX = {"very_high": 0.06, "high": 0.33, "medium": 0.48, "low": 0.14}  # 2a.12/2a.13 (sums to 1.01)
CLASSES = ("1", "2", "3", "4+")
CLASS_WORDS = {"1": "one", "2": "two", "3": "three", "4+": "four or more"}
PUBLISHED = {"1": 0.55, "2": 0.31, "3": 0.11, "4+": 0.03}  # 2a.17
MORE_THAN_ONE = (68, 152)  # 2a.17: 45% of 152 is 68.4, read as 68 (69 also rounds to 45%; its Wilson is [37.7, 53.3])
GWENT_MORE_THAN_ONE = 0.56  # 2d.7, no sample size given


def manager_class(n):
    return "4+" if n >= 4 else str(n)


class Case(CaseHistory):
    def __init__(self):
        super().__init__()
        self.managers = set()


def note_manager(case, event, row, _row_day):
    if event == "allocated" and row["practitioner"]:
        case.managers.add(row["practitioner"])


def replication_figures(cases, day):
    """The figures of one replication: the DA sample's classes weighted to ROH_MIX, its mean changes, its
    size; and the share of all cases in the age window with more than one case manager."""
    counts = {}  # rosh -> class -> DA cases
    changes = {}  # rosh -> total changes
    everyone = [c for c in cases.values() if in_sample(c, day) and c.managers]
    for c in everyone:
        if not c.domestic_abuse:
            continue
        by_class = counts.setdefault(c.rosh, {})
        by_class[manager_class(len(c.managers))] = by_class.get(manager_class(len(c.managers)), 0) + 1
        changes[c.rosh] = changes.get(c.rosh, 0) + len(c.managers) - 1
    weight_total = sum(w for rosh, w in ROH_MIX.items() if counts.get(rosh))
    shares = dict.fromkeys(CLASSES, 0.0)
    mean_changes = 0.0
    for rosh, weight in ROH_MIX.items():
        by_class = counts.get(rosh)
        if not by_class:
            continue
        total = sum(by_class.values())
        for cls, n in by_class.items():
            shares[cls] += weight / weight_total * n / total
        mean_changes += weight / weight_total * changes[rosh] / total
    all_more = sum(1 for c in everyone if len(c.managers) > 1) / len(everyone) if everyone else float("nan")
    return {"da_cases": sum(sum(b.values()) for b in counts.values()), "all_cases": len(everyone),
            **{f"da_share_{cls}": shares[cls] for cls in CLASSES},
            "da_more_than_one": 1.0 - shares["1"] if weight_total else float("nan"),
            "da_mean_changes": mean_changes, "all_more_than_one": all_more}


def page_line(runs):
    """The summary page's line for §11.18 from scripts/validation_summary.sh's runs, or None when its files
    are not there: the average area against 2a.17, Gwent against 2d.7, County Durham beside them."""
    files = {area: runs / directory / "case_managers.csv" for area, directory in
             (("average", "ns2004_case_managers"), ("gwent", "ns2004_gwent_cohort"),
              ("county_durham", "ns2004_county_durham_cohort"))}
    if not all(f.exists() for f in files.values()):
        return None
    rows = {area: list(csv.DictReader(open(f, newline=""))) for area, f in files.items()}

    def ci(area, key, share=True):
        mean, low, high = mean_ci(float(r[key]) for r in rows[area])
        spec = ".1%" if share else ".2f"
        return f"{mean:{spec}} [{low:{spec}}, {high:{spec}}]"

    average_more = mean_ci(float(r["da_more_than_one"]) for r in rows["average"])[0]
    wilson_low, wilson_high = wilson_interval(*MORE_THAN_ONE)
    inside = "inside" if wilson_low <= average_more <= wilson_high else "**outside**"
    classes = "; ".join(f"{CLASS_WORDS[cls]} {ci('average', 'da_share_' + cls)} ({PUBLISHED[cls]:.0%})" for cls in CLASSES)
    return (f"- 2a.17, case managers per DV case so far (§11.18; the DA cases 4-12 months in on 30 Mar 2004, "
            f"weighted to the sample's RoH mix): average area ({len(rows['average'])} replications) more than one "
            f"{ci('average', 'da_more_than_one')} (45%, Wilson [{wilson_low:.1%}, {wilson_high:.1%}]: {inside}); "
            f"{classes}; changes per case {ci('average', 'da_mean_changes', share=False)} (about 0.6). 2d.7, Gwent "
            f"({len(rows['gwent'])} replications): more than one {ci('gwent', 'da_more_than_one')} of its DA "
            f"cases, {ci('gwent', 'all_more_than_one')} of all its cases 4-12 months in "
            f"({GWENT_MORE_THAN_ONE:.0%}; the source gives neither the sample nor its age). County Durham "
            f"({len(rows['county_durham'])}): {ci('county_durham', 'da_more_than_one')} (no figure).")


def run_rows(run_dir, day):
    """One dict of replication_figures per replication of run_dir's events.csv, in replication order."""
    events = run_dir / "events.csv"
    if not events.exists():
        raise SystemExit(f"case_managers_so_far.py: {events}: missing (run with --events)")
    return replication_rows(read_cases(events, day, Case, note_manager), day, replication_figures, "da_cases",
                            "case_managers_so_far.py", events, "DA case")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("day", type=date.fromisoformat)
    parser.add_argument("--csv", type=Path, help="write one row per replication here")
    parser.add_argument("--paired-with", type=Path, metavar="OTHER_RUN_DIR",
                        help="also print the paired differences OTHER - RUN_DIR, replication by replication "
                             "(§11.18's decomposition: the same seed with one setting changed)")
    args = parser.parse_args()
    rows = run_rows(args.run_dir, args.day)
    for r in rows:
        print(" ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in r.items()))
    if args.csv:
        write_csv(args.csv, rows)
    if args.paired_with:
        other = {r["replication"]: r for r in run_rows(args.paired_with, args.day)}
        pairs = [(r, other[r["replication"]]) for r in rows if r["replication"] in other]
        if not pairs:
            raise SystemExit(f"case_managers_so_far.py: {args.paired_with}: no replication in common")
        for key in ("da_more_than_one", "da_mean_changes", "all_more_than_one"):
            mean, low, high = mean_ci(o[key] - r[key] for r, o in pairs)
            print(f"paired {key}: {mean:+.4f} [{low:+.4f}, {high:+.4f}] over {len(pairs)} replications")


if __name__ == "__main__":
    main()
