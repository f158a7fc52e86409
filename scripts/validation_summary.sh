#!/usr/bin/env bash
# Makes the runs the validation tests make and prints docs/validation-summary.md from them:
#   scripts/validation_summary.sh RUNS_DIR > docs/validation-summary.md
# PROBSIM: the binary (default build-release/sim/probsim, else build/sim/probsim). About 25 minutes on 2
# cores (measured in parts: the 2022 baseline's 77 replications 4.2 minutes and the CT-6 run's 220 9.8
# minutes in sessions 25 and 26, the rest about 10 minutes in session 24). RUNS_DIR keeps the runs
# (replace it to re-run).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:?usage: scripts/validation_summary.sh RUNS_DIR > docs/validation-summary.md}"
probsim="${PROBSIM:-}"
if [[ -z "$probsim" ]]; then
  for candidate in "$here/build-release/sim/probsim" "$here/build/sim/probsim"; do
    [[ -x "$candidate" ]] && { probsim="$candidate"; break; }
  done
fi
[[ -x "$probsim" ]] || { echo "validation_summary.sh: no probsim binary; build first or set PROBSIM" >&2; exit 1; }
mkdir -p "$runs"
run() {  # run DIR ARGS...: a fresh run into RUNS_DIR/DIR unless it is there already
  local dir="$runs/$1"; shift
  [[ -f "$dir/summary.csv" ]] && return 0
  echo "validation_summary.sh: $dir" >&2
  "$probsim" run "$@" --jobs 2 --quiet --out "$dir" >&2
}
cd "$here"
# CT-4's completed count varies by whole groups between replications (sd about 31 of 142), so this run goes
# on from the validation test's 6 replications until its 95% CI is within 5% of the mean (M-2; 77 with
# seed 1, about 4 minutes; validation/09-bbr-delivery.md §9.20).
run ew2022 scenarios/england_wales_2022.yaml --reps 6 --seed 1 \
  --precision 0.05 --precision-kpis bbr_cohort_starters_completed --max-reps 100
# CT-6's SI completions come in lumps of 7-143 (median 82) per interventions team (a team runs an SI group in the
# window or not), so this run too goes on until their 95% CI is within 5% of the mean (M-2; 220 with
# seed 1, about 10 minutes; validation/09-bbr-delivery.md §9.21).
run ew2022_feb2023 scenarios/england_wales_2022.yaml --reps 4 --seed 1 \
  --set simulation.report_end=2023-02-13 --set simulation.workload_snapshot_on=2023-02-07 \
  --set 'interventions.si_cohort_report={requirements_from: 2022-04-01, requirements_to: 2023-02-13, status_on: 2023-02-13}' \
  --precision 0.05 --precision-kpis si_period_completions --max-reps 400
run ew2023 scenarios/england_wales_2023.yaml --reps 4 --seed 1
run ew2023_rag_off scenarios/england_wales_2023.yaml --reps 4 --seed 1 --set prioritisation.enabled=false
# CT-14 and CT-5 by region (validation/09-bbr-delivery.md §9.12): the baseline run on past 2022. CT-5's waits
# are read from events.csv (about 1 GB), which is reduced to two small files and not kept.
run ew_to_2025 scenarios/england_wales_2022.yaml --reps 4 --seed 1 --set simulation.report_end=2025-03-31
if [[ ! -f "$runs/ew_to_2024/waits_2024.csv" ]]; then
  rm -rf "$runs/ew_to_2024"
  run ew_to_2024 scenarios/england_wales_2022.yaml --reps 4 --seed 1 --set simulation.report_end=2024-04-30 --events
  python3 -B "$here/scripts/bbr_start_waits.py" "$runs/ew_to_2024" 2022-01-01 2022-12-31 --csv "$runs/ew_to_2024/waits_2022.csv"
  python3 -B "$here/scripts/bbr_start_waits.py" "$runs/ew_to_2024" 2024-01-01 2024-04-30 --csv "$runs/ew_to_2024/waits_2024.csv"
  rm -f "$runs/ew_to_2024/events.csv"
fi
# PUB-15 with PUB-2/3's 2023-25 staff taken in (validation/10-workload.md §10.19; the baseline's since
# §10.22), and the counterfactual that holds 2022's staff.
run ew_published_staff scenarios/england_wales_2025_published_staff.yaml --reps 4 --seed 1
run ew_held_staff scenarios/england_wales_2025_published_staff.yaml --reps 4 --seed 1 --set 'staffing_plan.intakes=[]'
# WF-11's holders of the main sample (§10.19's addendum): each replication of both runs replayed to 7 Feb 2023.
for dir in ew_published_staff ew_held_staff; do
  for r in 1 2 3 4; do
    snap="$runs/$dir/snapshot-2023-02-07-r$r"
    [[ -f "$snap/caseload.csv" ]] || "$probsim" snapshot "$runs/$dir" --date 2023-02-07 --replication "$r" --out "$snap" >&2
  done
done
# The 2004 files run by M-2 on every KPI the 2004 targets compare for their area (validation/
# 11-national-standards.md §11.16; 28-46 replications with seed 2004, about a second for the three).
area_kpis() {  # area_kpis AREA: the KPIs tests/validation/national_standards_2004_targets.csv compares there
  python3 -B - "$here/tests/validation/national_standards_2004_targets.csv" "$1" <<'PY'
import csv, sys
rows = csv.DictReader(line for line in open(sys.argv[1]) if not line.startswith("#"))
kpis = []
for row in rows:
    if row["area"] == sys.argv[2] and row["kpi"] not in kpis:
        kpis.append(row["kpi"])
print(",".join(kpis))
PY
}
run ns2004 scenarios/national_standards_2004.yaml --reps 10 --seed 2004 \
  --precision 0.05 --precision-kpis "$(area_kpis average)" --max-reps 2000
national_replications() {  # national_replications RUN_DIR: the replications its summary.csv was made from
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
           $col["level"] == "national" { print $col["n"]; exit }' "$1/summary.csv"
}
# 2a.17/2a.18's holders of the 2004 DV sample (§10.20's addendum): every replication of the M-2 run
# replayed to 30 Mar 2004 (§11.17).
for r in $(seq 1 "$(national_replications "$runs/ns2004")"); do
  snap="$runs/ns2004/snapshot-2004-03-30-r$r"
  [[ -f "$snap/caseload.csv" ]] || "$probsim" snapshot "$runs/ns2004" --date 2004-03-30 --replication "$r" --out "$snap" >&2
done
# 2a.17's case managers per DV case so far (§11.18): the average area's M-2 replications run again with
# --events (replication r is the page's replication r), reduced to case_managers.csv (events.csv is not kept).
reps="$(national_replications "$runs/ns2004")"
if [[ ! -f "$runs/ns2004_case_managers/case_managers.csv" || "$(national_replications "$runs/ns2004_case_managers")" != "$reps" ]]; then
  rm -rf "${runs:?}/ns2004_case_managers"
  run ns2004_case_managers scenarios/national_standards_2004.yaml --reps "$reps" --seed 2004 --events
  python3 -B "$here/scripts/case_managers_so_far.py" "$runs/ns2004_case_managers" 2004-03-30 \
    --csv "$runs/ns2004_case_managers/case_managers.csv" >/dev/null
  rm -f "$runs/ns2004_case_managers/events.csv"
fi
run ns2004_gwent scenarios/national_standards_2004_gwent.yaml --reps 10 --seed 2004 \
  --precision 0.05 --precision-kpis "$(area_kpis gwent)" --max-reps 2000
run ns2004_county_durham scenarios/national_standards_2004_county_durham.yaml --reps 10 --seed 2004 \
  --precision 0.05 --precision-kpis "$(area_kpis county_durham)" --max-reps 2000
# 2d.6's OASys re-assessments so far (§11.19): County Durham's M-2 replications run again with --events-tasks
# (which only adds rows, so replication r is the page's replication r), reduced to reassessments.csv
# (events.csv is not kept).
reps="$(national_replications "$runs/ns2004_county_durham")"
if [[ ! -f "$runs/ns2004_county_durham_reassessments/reassessments.csv" ||
      "$(national_replications "$runs/ns2004_county_durham_reassessments")" != "$reps" ]]; then
  rm -rf "${runs:?}/ns2004_county_durham_reassessments"
  run ns2004_county_durham_reassessments scenarios/national_standards_2004_county_durham.yaml --reps "$reps" \
    --seed 2004 --events-tasks
  python3 -B "$here/scripts/reassessments_so_far.py" "$runs/ns2004_county_durham_reassessments" 2004-03-30 \
    --csv "$runs/ns2004_county_durham_reassessments/reassessments.csv" >/dev/null
  rm -f "$runs/ns2004_county_durham_reassessments/events.csv"
fi
# The option only writes rows: were the KPIs to differ, the rows would describe other replications.
if ! cmp -s "$runs/ns2004_county_durham/kpis.csv" "$runs/ns2004_county_durham_reassessments/kpis.csv"; then
  echo "validation_summary.sh: $runs/ns2004_county_durham_reassessments/kpis.csv differs from" \
    "$runs/ns2004_county_durham/kpis.csv: --events-tasks changed the simulation" >&2
  exit 1
fi
# CT-15 read as written (validation/11-national-standards.md §11.14): each area's 2003/04 starters of its DV
# programme followed to 31 Mar 2005, reduced from events.csv to cohort.csv (events.csv is not kept). As many
# replications as the area's M-2 run, so replication r is the same man-by-man in both (§11.17). The same
# events give 2d.7's case managers per case on 30 Mar 2004 (§11.18), reduced to case_managers.csv.
for area in gwent county_durham; do
  dir="ns2004_${area}_cohort"
  reps="$(national_replications "$runs/ns2004_${area}")"
  if [[ ! -f "$runs/$dir/cohort.csv" || ! -f "$runs/$dir/case_managers.csv" ||
        "$(national_replications "$runs/$dir")" != "$reps" ]]; then
    rm -rf "${runs:?}/$dir"
    run "$dir" "scenarios/national_standards_2004_${area}.yaml" --reps "$reps" --seed 2004 \
      --set simulation.report_end=2005-03-31 --events
    python3 -B "$here/scripts/bbr_starter_cohort.py" "$runs/$dir" 2003-04-01 2004-03-31 2005-03-31 \
      --csv "$runs/$dir/cohort.csv" >&2
    python3 -B "$here/scripts/case_managers_so_far.py" "$runs/$dir" 2004-03-30 \
      --csv "$runs/$dir/case_managers.csv" >/dev/null
    rm -f "$runs/$dir/events.csv"
  fi
done
commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cat <<HEADER
# Validation at a glance

Every published figure the shipped scenarios are compared with, beside the model's mean and 95% CI over
replications, on one page. Generated, not typed: \`scripts/validation_summary.sh RUNS_DIR >
docs/validation-summary.md\` (about 25 minutes on 2 cores), here at commit $commit on $(date -u +%Y-%m-%d). How each
figure is read, what was calibrated to what, and why a gap remains: [validation.md](validation.md) and
the files its map lists (the section column) and [national_standards.md](national_standards.md).

HEADER
python3 "$here/scripts/validation_summary.py" "$runs"
