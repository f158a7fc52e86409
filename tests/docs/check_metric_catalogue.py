#!/usr/bin/env python3
"""The metric catalogue against what probsim writes and what the docs say (issues 20 and 22).

Runs three shipped scenarios for one replication (example_pdu: one PDU with interventions;
rag_example: the prioritisation framework; national_standards_2004: an enforcement block), and
example_pdu's 2023 again with both cohort reports on (their KPIs are written only then), then fails
  - on a KPI or series name written that the catalogue (sim/output/metric_catalogue*.cpp, read through
    the metric_catalogue_dump tool) lacks, or written at a level its entry does not list;
  - on a name in the catalogue that the metric tables of docs/reference/outputs.md do not list, a name
    they list that the catalogue lacks, or a unit that differs.
A metric table is a table whose first header cell is `kpi`/`KPI` (kpis.csv) or `metric`
(timeseries.csv); its first column names metrics in backticks, its second gives the unit, one for all
names of the row, one per name separated by "; ", or "as the KPIs".
--self-test removes a written metric from the catalogue and a row from the docs and fails unless each
fault is reported.
"""
import argparse
import csv
import re
import subprocess
import sys
from pathlib import Path

# (output directory, scenario, --set overrides)
COHORT = "{requirements_from: 2023-01-01, requirements_to: 2023-06-30, status_on: 2023-12-31}"
RUNS = [("example_pdu", "example_pdu", []), ("rag_example", "rag_example", []),
        ("national_standards_2004", "national_standards_2004", []),
        ("example_pdu_cohorts", "example_pdu",
         ["simulation.report_end=2023-12-31", f"interventions.cohort_report={COHORT}",
          f"interventions.si_cohort_report={COHORT}"])]
NAME = re.compile(r"^[a-z0-9_<>]+$")


def read_catalogue(dump):
    rows = []
    for line in subprocess.run([dump], check=True, capture_output=True, text=True).stdout.splitlines():
        file, name, unit, levels, aggregation, group, description = line.split("\t")
        rows.append({"file": file, "name": name, "unit": unit, "levels": set(levels.split(","))})
    return rows


def pattern_regex(name):
    # `<placeholder>` stands for one or more of [a-z0-9_] (metric_name_matches in C++).
    return re.compile("^" + re.sub(r"<[a-z]+>", "[a-z0-9_]+", re.escape(name).replace(r"\<", "<").replace(r"\>", ">")) + "$")


def find(catalogue, file, name):
    exact = [r for r in catalogue if r["file"] == file and r["name"] == name]
    if exact:
        return exact[0]
    for r in catalogue:
        if r["file"] == file and "<" in r["name"] and pattern_regex(r["name"]).match(name):
            return r
    return None


def run_scenarios(root, probsim, out):
    written = {}  # (file, name) -> set of levels
    for directory, scenario, overrides in RUNS:
        target = Path(out) / directory
        sets = [arg for assignment in overrides for arg in ("--set", assignment)]
        subprocess.run([probsim, "run", str(Path(root) / "scenarios" / f"{scenario}.yaml"), "--reps", "1",
                        "--jobs", "1", "--out", str(target)] + sets, check=True, capture_output=True)
        for file, column in (("kpis", "kpi"), ("timeseries", "metric")):
            with open(target / f"{file}.csv", newline="") as f:
                for row in csv.DictReader(f):
                    written.setdefault((file, row[column]), set()).add(row["level"])
    return written


def check_written(catalogue, written):
    problems = []
    for (file, name), levels in sorted(written.items()):
        entry = find(catalogue, file, name)
        if entry is None:
            problems.append(f"{file}.csv writes `{name}`, which the metric catalogue lacks")
        elif not levels <= entry["levels"]:
            problems.append(f"{file}.csv writes `{name}` at level(s) {sorted(levels - entry['levels'])}, "
                            f"which its catalogue entry does not list")
    return problems


def read_docs_tables(text):
    """(file, name, unit) for every name of every metric table, and any rows it cannot read."""
    entries, problems = [], []
    file = None
    for line in text.splitlines():
        if not line.startswith("|"):
            file = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if file is None:
            head = cells[0].lower()
            file = "kpis" if head == "kpi" else "timeseries" if head == "metric" else ""
            continue
        if not file or set(cells[0]) <= set("-: "):
            continue
        names = [n for n in re.findall(r"`([^`]+)`", cells[0]) if NAME.match(n)]
        units = [u.strip() for u in cells[1].split(";")] if len(cells) > 1 else []
        if len(units) == 1:
            units = units * len(names)
        if len(units) != len(names):
            problems.append(f"outputs.md: row {cells[0]!r} has {len(names)} names but units {cells[1]!r}")
            continue
        entries.extend((file, n, u) for n, u in zip(names, units))
    return entries, problems


def check_docs(catalogue, text):
    entries, problems = read_docs_tables(text)
    documented = {}
    for file, name, unit in entries:
        if unit == "as the KPIs":
            kpi = find(catalogue, "kpis", name)
            unit = kpi["unit"] if kpi else unit
        documented[(file, name)] = unit
    listed = {(r["file"], r["name"]): r["unit"] for r in catalogue}
    for key, unit in sorted(listed.items()):
        if key not in documented:
            problems.append(f"outputs.md's {key[0]} tables lack `{key[1]}` (in the catalogue)")
        elif documented[key] != unit:
            problems.append(f"`{key[1]}` ({key[0]}): outputs.md gives unit {documented[key]!r}, "
                            f"the catalogue {unit!r}")
    for key in sorted(documented):
        if key not in listed:
            problems.append(f"outputs.md's {key[0]} tables list `{key[1]}`, which the catalogue lacks")
    return problems


def main():
    parser = argparse.ArgumentParser()
    for option in ("--root", "--probsim", "--dump", "--out"):
        parser.add_argument(option, required=True)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    catalogue = read_catalogue(args.dump)
    docs = (Path(args.root) / "docs" / "reference" / "outputs.md").read_text()
    written = run_scenarios(args.root, args.probsim, args.out)
    if args.self_test:
        failures = []
        victim = ("kpis", "caseload_mean")
        if victim not in written:
            failures.append(f"the runs no longer write {victim}; choose another")
        without = [r for r in catalogue if (r["file"], r["name"]) != victim]
        if not any("caseload_mean" in p for p in check_written(without, written)):
            failures.append("a written KPI missing from the catalogue was not reported")
        lines = [l for l in docs.splitlines() if not l.startswith("| `caseload_mean`")]
        if not any("caseload_mean" in p for p in check_docs(catalogue, "\n".join(lines))):
            failures.append("a catalogue metric missing from the docs was not reported")
        wrong_unit = docs.replace("| `caseload_mean` | cases |", "| `caseload_mean` | people |")
        if wrong_unit == docs or not any("caseload_mean" in p for p in check_docs(catalogue, wrong_unit)):
            failures.append("a unit differing between docs and catalogue was not reported")
        extra = docs.replace("| `caseload_mean` | cases |", "| `caseload_mean`, `caseload_median` | cases |")
        if not any("caseload_median" in p for p in check_docs(catalogue, extra)):
            failures.append("a docs metric missing from the catalogue was not reported")
        for f in failures:
            print("self-test:", f)
        print("self-test", "FAILED" if failures else "passed")
        return 1 if failures else 0
    problems = check_written(catalogue, written) + check_docs(catalogue, docs)
    for p in problems:
        print(p)
    print(f"{len(catalogue)} catalogue entries; {len(written)} names written by {', '.join(run[0] for run in RUNS)}; "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
