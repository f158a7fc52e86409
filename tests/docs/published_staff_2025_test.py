#!/usr/bin/env python3
"""Checks scripts/published_staff_2025.py (docs/validation/10-workload.md §10.19) on two planted runs.

The planted national month ends give known answers: a WMT % that is 110 in every month of one run and
118 in the other, +/-1 by replication, gives the first half of 2024 as 110.0 and 118.0 and a paired
difference of exactly -8.0 with a zero-width CI (the replications move together); band 3 is the sum of
PSO and PQiP FTE; a figure over several month ends is averaged within each replication before the CI; a
month at or below 100% is not counted above it; a run missing a month the table needs is refused by name.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "published_staff_2025.py"
sys.path.insert(0, str(ROOT / "scripts"))
from wmt_loss import month_ends  # noqa: E402
from published_staff_2025 import main_sample_holders  # noqa: E402

METRICS = ["in_post_fte_po", "in_post_fte_pso", "in_post_fte_pqip", "workload_pct_mean", "caseload",
           "reviews_on_time_share", "home_visits_on_time_share", "practitioners_over_110pct_share"]


def write_run(directory, wmt, po=4400.0, drop_month=None, low_month=None):
    directory.mkdir()
    rows = ["replication,date,level,unit,metric,value"]
    for r, shift in ((1, -1.0), (2, 0.0), (3, 1.0)):
        for date in month_ends("2022-06", "2025-06"):
            if date == drop_month:
                continue
            values = {"in_post_fte_po": po + 10 * shift, "in_post_fte_pso": 5500.0, "in_post_fte_pqip": 500.0 + shift,
                      "workload_pct_mean": (99.0 if date == low_month else wmt + shift), "caseload": 240000.0,
                      "reviews_on_time_share": 0.9, "home_visits_on_time_share": 0.95,
                      "practitioners_over_110pct_share": 0.5}
            for metric in METRICS:
                rows.append(f"{r},{date},national,national,{metric},{values[metric]}")
            rows.append(f"{r},{date},pdu,A PDU,workload_pct_mean,500")  # not national: ignored
    (directory / "timeseries.csv").write_text("\n".join(rows) + "\n")


def run(published, held):
    return subprocess.run([sys.executable, str(SCRIPT), str(published), str(held)], capture_output=True, text=True)


def row(out, label):
    for line in out.splitlines():
        if line.startswith(f"| {label} |"):
            return [c.strip() for c in line.strip("|").split("|")]
    raise AssertionError(f"no row {label!r} in:\n{out}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_run(tmp / "pub", wmt=110.0, po=5000.0, low_month="2023-03-31")
        write_run(tmp / "held", wmt=118.0)
        result = run(tmp / "pub", tmp / "held")
        assert result.returncode == 0, result.stderr
        out = result.stdout

        h1 = row(out, "WMT %, Jan–Jun 2024 (31 Dec 2023 – 31 May 2024)")
        assert h1[1] == "117 (PUB-15)", h1
        assert h1[2] == "110.0 [107.5, 112.5]", h1  # mean 110, sd 1 over 3 replications: t(2) 4.303 / sqrt 3
        assert h1[3] == "118.0 [115.5, 120.5]", h1
        assert h1[4] == "-8.0 [-8.0, -8.0]", h1  # paired: the replications' shifts cancel

        band3 = row(out, "band 3, 30 Jun 2023, not fed")
        assert band3[2].startswith("6,000 ["), band3  # 5,500 PSO + 500 PQiP

        po = row(out, "PO FTE, 30 Jun 2024")
        assert po[4] == "+600 [+600, +600]", po

        # 2023's twelve month ends include the planted 99 of 31 Mar 2023: (11 x 110 + 99) / 12.
        y2023 = row(out, "WMT %, 2023 (month ends 31 Dec 2022 – 30 Nov 2023)")
        assert y2023[2].startswith("109.1 ["), y2023

        assert "published staff, per replication: [19, 19, 19]" in out, out
        assert "held, per replication: [20, 20, 20]" in out, out

        write_run(tmp / "gap", wmt=118.0, drop_month="2024-06-30")
        refused = run(tmp / "pub", tmp / "gap")
        assert refused.returncode != 0 and "2024-06-30" in (refused.stderr + refused.stdout), refused
        # WF-11's main sample: DA cases begun 182 to 210 days before the snapshot day, by holder grade.
        snap = tmp / "snap"
        snap.mkdir()
        (snap / "staff.csv").write_text("staff_id,grade\nA/po-1,po\nA/pso-1,pso\nA/pqip-1,pqip\n")
        # RoSH varies so that the counts are seen to add across the levels the shared reader keeps apart.
        rows = ["person_id,sentence_start_date,domestic_abuse,rosh,practitioner",
                "1,2022-08-09,true,high,A/po-1",      # 182 days before 2023-02-07: in
                "2,2022-07-12,true,medium,A/pso-1",   # 210 days: in
                "3,2022-08-10,true,high,A/pqip-1",    # 181 days: out
                "4,2022-07-11,true,low,A/pqip-1",     # 211 days: out
                "5,2022-08-01,false,low,A/pqip-1",    # not DA: out
                "6,2022-08-01,true,low,"]             # no holder: counted apart
        (snap / "caseload.csv").write_text("\n".join(rows) + "\n")
        shares = main_sample_holders(snap, "2023-02-07")
        assert shares == {"po": 1 / 3, "pqip": 0.0, "pso": 1 / 3, "none": 1 / 3}, shares
    print("published_staff_2025_test: ok")


if __name__ == "__main__":
    main()
