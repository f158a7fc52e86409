#!/usr/bin/env python3
"""Checks scripts/bbr_start_waits.py (CT-5 by region, docs/validation/09-bbr-delivery.md §9.12) on a planted events.csv:
known waits give known means per region and nationally, starts outside the dates are left out, other
events are ignored, and a start without its requirement date or a missing file is refused."""

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "bbr_start_waits.py"
COLUMNS = ["replication", "date", "day", "case_id", "pdu", "event", "requirement_date"]


def run(directory, first="2024-01-01", last="2024-04-30"):
    return subprocess.run([sys.executable, "-B", str(SCRIPT), str(directory), first, last],
                          capture_output=True, text=True)


def plant(directory, rows):
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for rep, date, pdu, event, requirement in rows:
            w.writerow([rep, date, 0, 1, pdu, event, requirement])


def line_of(output, unit):
    return next(line for line in output.splitlines() if line.strip().startswith(unit))


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        plant(good, [
            # Replication 1: North 7 and 21 weeks (mean 14), South 10 weeks.
            (1, "2024-01-08", "North PDU 01", "bbr_start", "2023-11-20"),
            (1, "2024-02-05", "North PDU 02", "bbr_start", "2023-09-11"),
            (1, "2024-03-04", "South PDU 01", "bbr_start", "2023-12-25"),
            (1, "2023-12-31", "South PDU 01", "bbr_start", "2022-12-31"),  # before FROM: left out
            (1, "2024-03-04", "South PDU 01", "bbr_completion", "2020-01-01"),  # not a start
            # Replication 2: North 14 weeks, South 20 weeks. National: (12.67 + 17) / 2 = 14.8.
            (2, "2024-04-30", "North PDU 01", "bbr_start", "2024-01-23"),
            (2, "2024-01-01", "South PDU 01", "bbr_start", "2023-08-14"),
        ])
        result = run(good)
        if result.returncode != 0:
            failures.append(f"planted run refused: {result.stderr}")
        else:
            out = result.stdout
            expect = {"North": ("1.5", "14.0"), "South": ("1.0", "15.0"), "national": ("2.5", "14.8")}
            for unit, (starts, mean) in expect.items():
                line = line_of(out, unit)
                if f"starts {float(starts):7.1f}" not in line or f"{float(mean):5.1f} weeks" not in line:
                    failures.append(f"{unit}: expected {starts} starts and {mean} weeks, got: {line}")
        bad = Path(tmp) / "bad"
        plant(bad, [(1, "2024-01-08", "North PDU 01", "bbr_start", "")])
        result = run(bad)
        if result.returncode == 0 or "events.csv:2" not in result.stderr:
            failures.append(f"a start without its requirement date was not refused at its line: {result.stderr}")
        result = run(Path(tmp) / "missing")
        if result.returncode == 0 or "no such file" not in result.stderr:
            failures.append(f"a missing events.csv was not refused: {result.stderr}")
    for f in failures:
        print("FAIL:", f)
    print("bbr_start_waits: %s" % ("ok" if not failures else f"{len(failures)} failure(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
