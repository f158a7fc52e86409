#!/usr/bin/env python3
"""Who holds a snapshot's DA cases: the one reader behind the grade shares that validation.md compares with
an inspection's sample (§10.20's WF-11 main sample in published_staff_2025.py, the 2004 DV thematic's
2a.17/2a.18 in dv_sample_holders_2004.py). Both read `probsim snapshot RUN --date D`'s caseload.csv and
staff.csv the same way; only the sample's age window and the weighting differ, so those stay with them.
"""

import csv
from datetime import date
from pathlib import Path


def da_cases_by_rosh_and_holder(snapshot_dir, snapshot_day, age_days):
    """{rosh: {grade: cases}} of the DA cases under supervision on snapshot_day whose supervision began
    age_days[0] to age_days[1] days before (both ends included). A case with no practitioner, or one whose
    practitioner is not in staff.csv, counts under the grade "none"."""
    snapshot_dir = Path(snapshot_dir)
    with open(snapshot_dir / "staff.csv", newline="") as f:
        grade_of = {row["staff_id"]: row["grade"] for row in csv.DictReader(f)}
    day = date.fromisoformat(snapshot_day)
    counts = {}
    with open(snapshot_dir / "caseload.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["domestic_abuse"] != "true":
                continue
            age = (day - date.fromisoformat(row["sentence_start_date"])).days
            if age_days[0] <= age <= age_days[1]:
                grade = grade_of.get(row["practitioner"], "none") if row["practitioner"] else "none"
                by_grade = counts.setdefault(row["rosh"], {})
                by_grade[grade] = by_grade.get(grade, 0) + 1
    return counts


def snapshot_day_of(snapshot_dir):
    """The day in a `snapshot-YYYY-MM-DD` or `snapshot-YYYY-MM-DD-rN` directory's name (the default names of
    `probsim snapshot`, and the ones scripts/validation_summary.sh gives)."""
    name = Path(snapshot_dir).name
    return name[len("snapshot-"):len("snapshot-") + 10]
