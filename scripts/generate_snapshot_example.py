#!/usr/bin/env python3
"""Writes a synthetic, anonymised region snapshot: the caseload and staff CSVs that `warm_start: snapshot`
reads (docs/reference/snapshot-csv.md). No real person or member of staff is in it.

    python3 scripts/generate_snapshot_example.py --out-dir scenarios/data            # the shipped example
    python3 scripts/generate_snapshot_example.py --national --out-dir /tmp/national  # ~240,000 cases

Stated assumptions (each a choice of this script, not a published figure unless it cites an ID):
- The region is example_pdu's three PDUs, with the same staff (grades, FTE, PQiP months, so the same
  vacancies); --national makes bench_national's 110 PDUs, whose referral rates sum to 3,160 a week.
- Each PDU holds referrals_per_week x 76 cases: a case stays about 76 weeks in the default case mix
  (measured for scripts/generate_bench_national.py); nationally that is about 240,000 (CT-8).
- Sentence type, RoSH, tier, DA flag and sex are drawn with the shares of the default case mix
  (scenarios/base/england_wales_defaults.yaml: CL-6, G-17, CL-2, CL-4), read from that file. These are
  shares of referrals; a stock holds more of the longer sentences [Assume: the difference is ignored].
- Sentence lengths are drawn from the same file's distributions; the time already served is uniform
  over the sentence [Assume], so every case is still open on the snapshot day.
- Each case is held by the practitioner of an eligible grade (the default allocation: high and very high
  RoSH to POs) with the lowest WMT % when the case is placed, cases placed in a random order: as the
  model's own allocation rule would leave them [Assume].
- In each PDU the first PO has a 20% trade-union reduction [Assume]; in the second PDU one PSO is on
  long-term sick leave until 8 weeks after the snapshot day [Assume].
The output is the same for the same arguments (a fixed seed).
"""
import argparse
import csv
import datetime
import os
import random

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "scenarios", "base", "england_wales_defaults.yaml")
MEAN_STAY_WEEKS = 76
TIERS = [p + c for p in "ABCD" for c in "3210"]

# example_pdu's region: name, referrals a week, staff as (grade, headcount, fte, pqip months done).
EXAMPLE_PDUS = [
    ("Northgate", 6, [("po", 10, 1.0, None), ("pso", 14, 1.0, None), ("pqip", 1, 1.0, 4), ("pqip", 1, 1.0, 13),
                      ("spo", 2, 1.0, None), ("facilitator", 2, 1.0, None), ("daso", 1, 1.0, None),
                      ("case_administrator", 4, 1.0, None)]),
    ("Eastmoor", 4, [("po", 6, 1.0, None), ("po", 2, 0.6, None), ("pso", 9, 1.0, None), ("spo", 1, 1.0, None),
                     ("case_administrator", 3, 1.0, None)]),
    ("Southbridge", 5, [("po", 5, 1.0, None), ("pso", 10, 1.0, None), ("spo", 1, 1.0, None),
                        ("case_administrator", 2, 1.0, None)]),
]


def national_pdus():
    """bench_national's PDUs (scripts/generate_bench_national.py): names, referral rates and staff."""
    regions = [("North East", 7), ("North West", 10), ("Greater Manchester", 10), ("Yorkshire and the Humber", 10),
               ("East Midlands", 9), ("West Midlands", 12), ("East of England", 9), ("London", 18),
               ("Kent, Surrey and Sussex", 8), ("South Central", 6), ("South West", 5), ("Wales", 6)]
    pattern = [0.6, 1.4, 0.9, 1.1, 0.8, 1.2, 1.0, 0.7, 1.3]
    pdus = []
    for region, count in regions:
        for i in range(count):
            pdus.append((f"{region} PDU {i + 1:02d}", pattern[len(pdus) % len(pattern)]))
    total = sum(w for _, w in pdus)
    out = []
    for name, w in pdus:
        share = w / total
        out.append((name, round(3160 * share, 1), [("po", max(1, round(4464 * share)), 1.0, None),
                                                   ("pso", max(1, round(6209 * share)), 1.0, None),
                                                   ("spo", 1, 1.0, None)]))
    return out


def weighted(rng, shares):
    keys = list(shares)
    return rng.choices(keys, weights=[shares[k] for k in keys])[0]


def sentence_months(rng, spec):
    if "values" in spec:
        return rng.choices(spec["values"], weights=spec["weights"])[0]
    if "uniform" in spec:
        return rng.uniform(*spec["uniform"])
    return spec["fixed"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--prefix", default="example_region_", help="file names: PREFIXcaseload.csv, PREFIXstaff.csv")
    parser.add_argument("--snapshot-date", default="2023-01-01", help="the day the snapshot describes")
    parser.add_argument("--national", action="store_true", help="bench_national's 110 PDUs (~240,000 cases)")
    parser.add_argument("--scenario-out", help="also write a scenario that starts from the files (national only)")
    parser.add_argument("--seed", type=int, default=20230101)
    args = parser.parse_args()

    with open(BASE) as f:
        base = yaml.safe_load(f)
    mix = base["case_mix"]
    eligible = {k: v for k, v in base["allocation"]["eligible_grades_by_rosh"].items()}
    points = base["workload"]["points_per_case_per_week"]
    nominal = base["workload"]["nominal_points_per_week"]
    rng = random.Random(args.seed)
    day = datetime.date.fromisoformat(args.snapshot_date)
    pdus = national_pdus() if args.national else EXAMPLE_PDUS

    os.makedirs(args.out_dir, exist_ok=True)
    staff_rows, case_rows = [], []
    for p, (pdu, per_week, groups) in enumerate(pdus):
        code = "".join(w[0] for w in pdu.split() if w[0].isalnum()).upper() + (f"{p:03d}" if args.national else "")
        staff = []  # [staff_id, grade, available points, held points]
        counts = {}
        for grade, headcount, fte, months in groups:
            for _ in range(headcount):
                counts[grade] = counts.get(grade, 0) + 1
                sid = f"{code}-{grade.upper()}-{counts[grade]:03d}"
                row = {"staff_id": sid, "pdu": pdu, "grade": grade, "fte": fte, "reduction_pct": "",
                       "reduction_reason": "", "pqip_training_month": months if months is not None else "",
                       "long_term_sick": "false", "sickness_end_date": ""}
                reduction = 0.0
                if grade == "po" and counts[grade] == 1:
                    row["reduction_pct"], row["reduction_reason"], reduction = 20, "trade_union", 0.2
                if p == 1 and grade == "pso" and counts[grade] == 1:
                    row["long_term_sick"] = "true"
                    row["sickness_end_date"] = (day + datetime.timedelta(weeks=8)).isoformat()
                staff_rows.append(row)
                if grade in ("po", "pso", "pqip") and row["long_term_sick"] == "false":
                    # A PQiP's available points depend on the training pipeline; for placing cases an
                    # approximate share is enough (the model recomputes them on import).
                    share = 0.5 if grade == "pqip" else 1.0 - reduction
                    staff.append([sid, grade, nominal * fte * share, 0.0])
        for k in range(int(round(per_week * MEAN_STAY_WEEKS))):
            stype = weighted(rng, mix["sentence_type_shares"])
            months = sentence_months(rng, mix["sentence_length_months"][stype])
            length = max(1, round(months * 365.25 / 12))
            served = rng.randrange(0, length)  # days already served, uniform
            start = day - datetime.timedelta(days=served)
            end = start + datetime.timedelta(days=length)
            rosh = weighted(rng, mix["rosh_shares"])
            letter = weighted(rng, mix["tier_protect_level_shares_by_rosh"][rosh])
            digit = weighted(rng, {str(k2): v for k2, v in mix["tier_change_level_shares"].items()})
            tier = letter + digit
            da = rng.random() < mix["domestic_abuse_share"]
            sex = "male" if rng.random() < mix["male_share"] else "female"
            table = points["licence" if stype == "licence" else "community"]
            candidates = [s for s in staff if s[1] in eligible[rosh]]
            holder = ""
            if candidates:
                best = min(candidates, key=lambda s: s[3] / s[2])
                best[3] += table[tier]
                holder = best[0]
            case_rows.append({"person_id": f"{code}-{k + 1:06d}", "pdu": pdu, "sentence_type": stype,
                              "sentence_start_date": start.isoformat(), "expected_end_date": end.isoformat(),
                              "rosh": rosh, "tier": tier, "domestic_abuse": "true" if da else "false", "sex": sex,
                              "practitioner": holder})

    for name, rows in (("staff", staff_rows), ("caseload", case_rows)):
        with open(os.path.join(args.out_dir, f"{args.prefix}{name}.csv"), "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    if args.scenario_out:
        with open(args.scenario_out, "w") as f:
            f.write(f"# Made by scripts/generate_snapshot_example.py --national\n"
                    f"extends: {os.path.relpath(BASE, os.path.dirname(os.path.abspath(args.scenario_out)))}\n"
                    f"name: national_snapshot\nsimulation:\n  report_start: {args.snapshot_date}\n"
                    f"  report_end: {(day + datetime.timedelta(days=364)).isoformat()}\n  warm_up_weeks: 0\n"
                    f"  warm_start: snapshot\n"
                    f"  caseload_csv: {os.path.relpath(os.path.join(args.out_dir, args.prefix + 'caseload.csv'), os.path.dirname(os.path.abspath(args.scenario_out)))}\n"
                    f"  staff_csv: {os.path.relpath(os.path.join(args.out_dir, args.prefix + 'staff.csv'), os.path.dirname(os.path.abspath(args.scenario_out)))}\n"
                    f"interventions: {{enabled: false}}\nregions:\n  - name: England and Wales\n    pdus:\n")
            for pdu, per_week, _ in pdus:
                f.write(f"      - {{name: \"{pdu}\", referrals_per_week: {per_week}}}\n")


if __name__ == "__main__":
    main()
