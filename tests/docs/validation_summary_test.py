#!/usr/bin/env python3
"""Checks scripts/validation_summary.py on planted runs, and that docs/validation-summary.md has a row for
every target of tests/validation/*_targets.csv (so a target added later cannot be missing from the page).

The planted runs give known means: a share inside its ±5 points is "yes", one outside is "**no**", a
count is judged relative (±15%), a KPI not in any run is "not produced", PUB-15 is the mean over
replications of the 12 month-end national WMT % values, and the 2004 gaps are model minus published.
"""

import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/ of a clean clone
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "validation_summary.py"
sys.path.insert(0, str(ROOT / "scripts"))
from validation_summary import AREAS, PUB15_SINCE_2023_DATES, TARGETS_2004, TARGETS_2022, read_rows  # noqa: E402
from wmt_loss import PUB15_DATES  # noqa: E402


def write_summary(directory, national, regions=None):
    directory.mkdir(parents=True)
    with open(directory / "summary.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["level", "unit", "kpi", "n", "mean", "sd", "ci95_low", "ci95_high", "p5", "p50", "p95"])
        for kpi, mean in national.items():
            w.writerow(["national", "national", kpi, 2, mean, 0, mean - 0.01, mean + 0.01, mean, mean, mean])
        for region, mean in (regions or {}).items():
            w.writerow(["region", region, "workload_snapshot_pct_mean", 2, mean, 0, mean, mean, mean, mean, mean])


def planted_runs(root):
    write_summary(root / "ew2022", {"bbr_cohort_commenced_share": 0.45, "bbr_cohort_waiting_share": 0.47,
                                    "caseload_mean": 240674 * 1.2, "po_in_post_fte": 4464 * 1.1})
    with open(root / "ew2022" / "precision.csv", "w", newline="") as f:
        f.write("kpi,n,mean,ci95_half_width,relative_half_width,target_relative_half_width,met\n"
                "bbr_cohort_starters_completed,100,140,10.22,0.073,0.05,false\n")
    regions = {f"Region {i}": 100.0 + i for i in range(11)}
    regions["London"] = 120.0
    write_summary(root / "ew2022_feb2023", {"workload_snapshot_pct_mean": 113.0}, regions)
    write_summary(root / "ew2023", {"workload_snapshot_over_200_share": 0.02, "workload_snapshot_pct_max": 250.0})
    with open(root / "ew2023" / "timeseries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["replication", "date", "level", "unit", "metric", "value"])
        for replication, value in (("1", 110.0), ("2", 114.0)):
            for date in PUB15_DATES:
                w.writerow([replication, date, "national", "national", "workload_pct_mean", value])
        # §10.18, RAG on: 80 of 100 hours and 90 of 100 (mean 0.85); staff 1,000 and 1,200 FTE.
        for replication, demanded, staff in (("1", 80.0, 1000.0), ("2", 90.0, 1200.0)):
            pso = staff - 600.0
            for metric, value in (("hours_demanded", demanded), ("task_hours_available", 100.0),
                                  ("in_post_fte_po", 500.0), ("in_post_fte_pso", pso), ("in_post_fte_pqip", 100.0)):
                w.writerow([replication, "2023-09-30", "national", "national", metric, value])
            w.writerow([replication, "2023-08-31", "national", "national", "hours_demanded", 999.0])
    write_summary(root / "ew2023_rag_off", {})
    with open(root / "ew2023_rag_off" / "timeseries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["replication", "date", "level", "unit", "metric", "value"])
        for replication, demanded in (("1", 95.0), ("2", 97.0)):  # mean 0.960
            for metric, value in (("hours_demanded", demanded), ("task_hours_available", 100.0),
                                  ("in_post_fte_po", 500.0), ("in_post_fte_pso", 400.0), ("in_post_fte_pqip", 100.0)):
                w.writerow([replication, "2023-09-30", "national", "national", metric, value])
    for area, directory in AREAS:
        write_summary(root / directory, {"periodic_reviews_on_time_share": 0.9, "sickness_days_per_fte_year": 12.0,
                                         "periodic_reviews_domestic_abuse_on_time_share": 0.6,
                                         "event_reviews_on_time_share": 0.9})
    # 2a.17/2a.18 (§10.20's addendum), two identical replications: high RoSH 2 POs; medium 3 POs and a PSO;
    # low 2 PSOs; no very high. Weighted by 0.33, 0.48, 0.14 over 0.95: PSO (0.48/4 + 0.14)/0.95 = 27.4%.
    # A case 100 days in and a non-DA case are not in the sample.
    for r in (1, 2):
        snap = root / "ns2004" / f"snapshot-2004-03-30-r{r}"
        snap.mkdir()
        with open(snap / "staff.csv", "w", newline="") as f:
            csv.writer(f).writerows([["staff_id", "pdu", "grade"], ["A/po-1", "A", "po"], ["A/pso-1", "A", "pso"]])
        with open(snap / "caseload.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["person_id", "sentence_start_date", "rosh", "domestic_abuse", "practitioner"])
            cases = ([("high", "po")] * 2 + [("medium", "po")] * 3 + [("medium", "pso")] + [("low", "pso")] * 2)
            for k, (rosh, grade) in enumerate(cases):
                w.writerow([k, "2003-09-30", rosh, "true", f"A/{grade}-1"])  # 182 days before
            w.writerow([98, "2003-12-21", "low", "true", "A/po-1"])  # 100 days: out
            w.writerow([99, "2003-09-30", "low", "false", "A/po-1"])  # not DA: out
    # CT-15 (§11.14): Gwent's cohort 7 of 10 and 8 of 20 starters completed (the mean of the shares 55.0%,
    # gap -16.0 points against 71%; pooled it would be 50.0%), its year's completions ÷ starts 6 of 10 and
    # 8 of 20 (50.0%; pooled 46.7%). Durham has no cohort run, so no part.
    cohort = root / "ns2004_gwent_cohort"
    cohort.mkdir()
    # Drop-outs breached or revoked: 1 of 3 and 8 of 11 (mean 53.0%).
    (cohort / "cohort.csv").write_text("replication,starters,completed,ended,removed,in_programme,"
                                       "breached_or_revoked,recalled\n1,10,7,3,0,0,1,0\n2,20,8,10,1,1,8,1\n")
    with open(root / "ns2004_gwent" / "kpis.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["replication", "level", "unit", "kpi", "value"])
        for replication, starts, completions in (("1", 10, 6), ("2", 20, 8)):
            w.writerow([replication, "national", "national", "bbr_starts", starts])
            w.writerow([replication, "national", "national", "bbr_completions", completions])
            w.writerow([replication, "region", "Area", "bbr_completions", 99])
    # CT-14 and CT-5 (§9.12): Apr 2023-Mar 2024 has 3 of 4 and 1 of 2 started (mean 62.5%); the months
    # outside both periods count for neither.
    write_summary(root / "ew_to_2025", {"bbr_orders_ended_successfully_started_share": 0.6})
    with open(root / "ew_to_2025" / "timeseries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["replication", "date", "level", "unit", "metric", "value"])
        for replication, ended, started in (("1", 4, 3), ("2", 2, 1)):
            for date in ("2023-04-30", "2022-12-31"):
                w.writerow([replication, date, "national", "national", "bbr_orders_ended_successfully", ended])
                w.writerow([replication, date, "national", "national", "bbr_orders_ended_successfully_started",
                            started])
        # §10.15: replication 1 at 115% every month but one at 99% (June 2023), replication 2 at 121%; so
        # Jan-Jun 2024 averages 118, and 19 to 20 of 20 months are above 100%. Regions on the two January
        # month ends: both above 100 on 31 Dec; on 31 Jan, A is 102 and 97 (mean 99.5, not above), B 105.
        for replication, level in (("1", 115.0), ("2", 121.0)):
            for date in PUB15_SINCE_2023_DATES + ["2024-08-31"]:
                value = 99.0 if (replication, date) == ("1", "2023-06-30") else level
                w.writerow([replication, date, "national", "national", "workload_pct_mean", value])
            for unit, dec, jan in (("A", 101.0, 102.0 if replication == "1" else 97.0), ("B", 101.0, 105.0)):
                w.writerow([replication, "2022-12-31", "region", unit, "workload_pct_mean", dec])
                w.writerow([replication, "2023-01-31", "region", unit, "workload_pct_mean", jan])
    # §10.19, the published staff: PO 5,100 and 5,500 in June 2024 and 2025; WMT % 112 in every month of
    # replication 1 and 110 of replication 2, so 2023 and early 2024 both average 111 (a gap of -9 and -6).
    write_summary(root / "ew_published_staff", {})
    with open(root / "ew_published_staff" / "timeseries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["replication", "date", "level", "unit", "metric", "value"])
        for replication, level in (("1", 112.0), ("2", 110.0)):
            for date in PUB15_SINCE_2023_DATES:
                w.writerow([replication, date, "national", "national", "workload_pct_mean", level])
            for date, po in (("2024-06-30", 5100.0), ("2025-06-30", 5500.0)):
                w.writerow([replication, date, "national", "national", "in_post_fte_po", po])
            for date in ("2022-12-31", "2023-06-30", "2025-06-30"):  # band 3: 5,000 PSO + 1,000 PQiP
                w.writerow([replication, date, "national", "national", "in_post_fte_pso", 5000.0])
                w.writerow([replication, date, "national", "national", "in_post_fte_pqip", 1000.0])
    # The held staff's run: WMT % 118 in every month of both replications (2023's gap -2, 2024's +1).
    (root / "ew_held_staff").mkdir()
    with open(root / "ew_held_staff" / "timeseries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["replication", "date", "level", "unit", "metric", "value"])
        for replication in ("1", "2"):
            for date in PUB15_SINCE_2023_DATES:
                w.writerow([replication, date, "national", "national", "workload_pct_mean", 118.0])
            for date in ("2022-12-31", "2023-06-30", "2025-06-30"):  # band 3: 5,000 PSO + 400 PQiP
                w.writerow([replication, date, "national", "national", "in_post_fte_pso", 5000.0])
                w.writerow([replication, date, "national", "national", "in_post_fte_pqip", 400.0])
    # WF-11's holders (§10.19's addendum): published staff, 10 sampled DA cases in each of 2 replications,
    # trainee 1 and 1, PO 6 and 7, PSO 3 and 2 (means 10%, 65%, 25%: all met); held staff PSO 6 of 10
    # (60%: not met). A case begun 181 days before and a non-DA case are not in the sample.
    for directory, holders in (("ew_published_staff", [["pqip"] + ["po"] * 6 + ["pso"] * 3,
                                                       ["pqip"] + ["po"] * 7 + ["pso"] * 2]),
                               ("ew_held_staff", [["pqip"] + ["po"] * 3 + ["pso"] * 6] * 2)):
        for r, grades in enumerate(holders, start=1):
            snap = root / directory / f"snapshot-2023-02-07-r{r}"
            snap.mkdir(parents=True)
            with open(snap / "staff.csv", "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(["staff_id", "pdu", "grade"])
                for k, grade in enumerate(grades):
                    w.writerow([f"P/{grade}-{k}", "P", grade])
            with open(snap / "caseload.csv", "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(["person_id", "sentence_start_date", "rosh", "domestic_abuse", "practitioner"])
                for k, grade in enumerate(grades):  # RoSH alternates: WF-11's shares are over all levels
                    w.writerow([k, "2022-07-31", ("high", "medium")[k % 2], "true", f"P/{grade}-{k}"])  # 191 days
                w.writerow([98, "2022-08-10", "high", "true", "P/po-1"])  # 181 days: out
                w.writerow([99, "2022-07-31", "low", "false", "P/pso-9"])  # not DA: out
    (root / "ew_to_2024").mkdir()
    for name, north in (("waits_2022.csv", 10.0), ("waits_2024.csv", 30.0)):
        with open(root / "ew_to_2024" / name, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["unit", "starts_per_replication", "mean_weeks", "ci95_low", "ci95_high"])
            w.writerow(["North", 50, north, north - 1, north + 1])
            w.writerow(["South", 50, 20.0, 19, 21])  # 20 weeks: inside 1-5 months (21.7 weeks)
            w.writerow(["national", 100, (north + 20) / 2, 0, 99])


def row_of(text, *cells):
    lines = [line for line in text.splitlines() if all(f"| {c} |" in line for c in cells)]
    assert len(lines) == 1, f"expected one row with {cells}, found {lines}"
    return [c.strip() for c in lines[0].strip("|").split("|")]


def main():
    failures = []

    def expect(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        runs = Path(tmp)
        planted_runs(runs)
        out = subprocess.run([sys.executable, str(SCRIPT), str(runs)], capture_output=True, text=True)
        expect(out.returncode == 0, f"the script runs on planted runs ({out.stderr.strip()[:200]})")
        text = out.stdout
        commenced = row_of(text, "CT-2", "`bbr_cohort_commenced_share`")
        expect(commenced[4].startswith("45.0%") and commenced[5] == "-3.9 pts" and commenced[6] == "yes",
               f"a share 3.9 points off matches: {commenced}")
        waiting = row_of(text, "CT-2", "`bbr_cohort_waiting_share`")
        expect(waiting[5] == "+6.0 pts" and waiting[6] == "**no**", f"a share 6 points off does not: {waiting}")
        caseload = row_of(text, "CT-8", "`caseload_mean`")
        expect(caseload[5] == "+20.0%" and caseload[6] == "**no**", f"a count 20% off does not: {caseload}")
        po = row_of(text, "CT-10", "`po_in_post_fte`")
        expect(po[5] == "+10.0%" and po[6] == "yes", f"a count 10% off matches: {po}")
        produced = row_of(text, "CT-1", "`bbr_cohort_requirements`")
        expect(produced[4] == "not produced", f"a KPI in no run is not produced: {produced}")
        pub15 = row_of(text, "CT-17", "`workload_2023_monthly_snapshots_pct_mean`")
        expect(pub15[4].startswith("112.0") and pub15[6] == "**no**", f"PUB-15 is the replications' mean: {pub15}")
        expect("London ranks **1**" in text and "**1 of 12**" in text, "the regions' count (110.0 is not above) and London's rank")
        sickness = row_of(text, "SDA-8", "gwent")
        expect(sickness[5] == "-5.4", f"a 2004 gap is model minus published: {sickness}")
        # M-2's rule on the 2022 baseline (§9.20): a planted precision.csv that missed its target is said so.
        expect("(M-2; §9.20; **not met**: bbr_cohort_starters_completed 7.3% at n = 100)" in text,
               "a precision rule that stopped at its maximum is reported as not met")
        review = row_of(text, "AUD-2", "`periodic_reviews_on_time_share`", "county durham")
        expect(review[5] == "+8.0 pts", f"a 2004 share's gap in points: {review}")
        # §11.12: 11 of 21 has the Wilson interval [32.4%, 71.7%], so 60% is inside; 6 of 19's is
        # [15.4%, 54.0%], so 60% is outside; the DV thematic's 27% gives no sample.
        dv = row_of(text, "AUD-2", "`periodic_reviews_domestic_abuse_on_time_share`", "county durham")
        expect(dv[5] == "+7.6 pts; Wilson [32.4%, 71.7%]: inside", f"a DV sample's Wilson interval: {dv}")
        dv = row_of(text, "AUD-2", "`periodic_reviews_domestic_abuse_on_time_share`", "gwent")
        expect(dv[5] == "+28.4 pts; Wilson [15.4%, 54.0%]: **outside**", f"a mean outside it: {dv}")
        # AUD-3 (§11.13): Durham's 21 of 36 has the interval [42.2%, 72.9%]; Gwent's words have no gap.
        aud3 = row_of(text, "AUD-3", "`event_reviews_on_time_share`", "county durham")
        expect(aud3[5] == "+31.7 pts; Wilson [42.2%, 72.9%]: **outside**", f"AUD-3's sample: {aud3}")
        aud3 = row_of(text, "AUD-3", "`event_reviews_on_time_share`", "gwent")
        expect(aud3[4].startswith("90.0%") and aud3[5] == "", f"a figure in words has no gap: {aud3}")
        dv = row_of(text, "AUD-2", "`periodic_reviews_domestic_abuse_on_time_share`", "average")
        expect(dv[5] == "+33.0 pts", f"no sample, no interval: {dv}")

        expect("5,100 on 30 Jun 2024 (5,160: -1.2%) and 5,500 on 30 Jun 2025 (5,519: -0.3%)" in text
               and "PUB-15, 2023 (about 120%): published staff (the baseline) 111.0 [" in text
               and "gap -9.0 pts, **outside**" in text
               and "Jan-Jun 2024 (117%): published staff (the baseline) 111.0 [" in text
               and "gap -6.0 pts, **outside**" in text,
               "§10.19: the published staff's PO input and PUB-15 under it, per replication then over them")
        expect("; held staff 118.0 [118.0, 118.0], gap -2.0 pts, within ±5 pts." in text
               and "; held staff 118.0 [118.0, 118.0], gap +1.0 pts, within ±5 pts." in text,
               "§10.22: PUB-15 under the held staff beside the baseline's")
        # 6,000 against 6,801 is -11.8% (within 15%), against 5,213 +15.1% (outside); 5,400 against 6,801 -20.6%.
        expect("band 3 (PSO + PQiP) FTE on 2023-06-30, not fed (6,801 published): published staff 6,000 "
               "(-11.8%, within ±15%); held staff 5,400 (-20.6%, **outside** ±15%)." in text
               and "on 2025-06-30, not fed (5,213 published): published staff 6,000 (+15.1%, **outside** ±15%)"
               in text, "§10.22: band 3 (PSO + PQiP) under both staffings, with its verdict")
        expect("published staff: trainee 10.0% [" in text and "(12%: met); PO 65.0% [" in text
               and "(22%: met)." in text and "held staff: trainee 10.0% [" in text
               and "PSO 60.0% [60.0%, 60.0%] (22%: **not met**, fitted (§10.20))" in text
               and "PSO 25.0% [" in text and "(22%: met)." in text,
               "WF-11: each grade's mean over the snapshots against its Wilson interval, for both staffings; the "
               "held run's PSO share marked as §10.20's fit")
        expect("BBR 60.0% [" in text and "Apr 2023-Mar 2024: 62.5%" in text,
               "CT-14: the window's share, and a period's mean over replications from the monthly series")
        expect("2022: regions 10.0-20.0 weeks, **2 of 2** inside" in text
               and "Jan-Apr 2024: regions 20.0-30.0 weeks, **1 of 2** inside" in text,
               "CT-5: the regions' range and how many lie inside PUB-6's 1-5 months")

        expect("Jan-Jun 2024 (117%): 118.0 [" in text and "gap +1.0 pts, within" in text,
               "PUB-15 2024: the six month ends' mean, over replications")
        expect("**19 to 20 of 20** months above 100%" in text, "PUB-15: months above 100% counted per replication")
        expect("**2 of 2** on 2022-12-31 and **1 of 2** on 2023-01-31" in text,
               "PUB-13: regions above 100% by their mean over replications")

        expect("**0.960** [" in text and "0.850 [" in text and "2023, 1,100 [" in text,
               "PUB-16: September's hours demanded over available, RAG off and on; the staff of the RAG-on run")

        expect("PSO 27.4% [27.4%, 27.4%] (14%, Wilson [9.2%, 20.2%]: **not met**); PO 72.6% [" in text
               and "holders (2 replications of the average area" in text,
               "2a.17/2a.18: each grade's share within each RoSH level, weighted to the 2004 sample's RoH mix")

        expect("Gwent (2 replications) 55.0% [" in text and "gap -16.0 pts (the year's completions ÷ starts 50.0% [" in text
               and "of its drop-outs, breached or revoked 53.0% [" in text
               and "County Durham" not in text.split("CT-15 (PUB-8")[-1],
               "CT-15: the mean of each replication's share and ratio with the gap, and no part for a missing run")
        with tempfile.TemporaryDirectory() as other:
            mismatch = Path(other) / "runs"
            shutil.copytree(runs, mismatch)
            (mismatch / "ns2004_gwent_cohort" / "cohort.csv").write_text(
                "replication,starters,completed,ended,removed,in_programme,breached_or_revoked,recalled\n"
                "1,11,7,4,0,0,1,0\n2,20,8,10,1,1,8,1\n")
            refused = subprocess.run([sys.executable, str(SCRIPT), str(mismatch)], capture_output=True, text=True)
        expect(refused.returncode != 0 and "replication 1 has 11 starters" in refused.stderr,
               f"CT-15: a cohort whose starters are not the shipped run's starts is refused ({refused.stderr[-200:]})")
        missing = subprocess.run([sys.executable, str(SCRIPT), str(runs / "nowhere")], capture_output=True, text=True)
        expect(missing.returncode != 0 and "summary.csv: missing" in missing.stderr,
               "a missing run is refused, naming the file")

    page = (ROOT / "docs" / "validation-summary.md").read_text()
    for t in read_rows(TARGETS_2022):
        expect(f"| {t['id']} | `{t['kpi']}` |" in page, f"validation-summary.md has {t['id']} {t['kpi']}")
    for t in read_rows(TARGETS_2004):
        area = t["area"].replace("_", " ")
        expect(f"| {t['id']} | `{t['kpi']}` | {area} |" in page,
               f"validation-summary.md has {t['id']} {t['kpi']} {area}")
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
