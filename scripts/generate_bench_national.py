#!/usr/bin/env python3
"""Writes scenarios/bench_national.yaml: a synthetic England and Wales of 12 regions and 110 PDUs whose
national totals match the published ones (about 240,000 cases, CT-8; 4,464 PO and 6,209 PSO FTE, CT-10).
PDU sizes vary by a fixed pattern (no randomness), so the file is the same every time it is made.

    python3 scripts/generate_bench_national.py > scenarios/bench_national.yaml
"""

REGIONS = [  # name, PDUs (12 regions of 5-18 PDUs, 110 in all; synthetic split)
    ("North East", 7), ("North West", 10), ("Greater Manchester", 10), ("Yorkshire and the Humber", 10),
    ("East Midlands", 9), ("West Midlands", 12), ("East of England", 9), ("London", 18),
    ("Kent, Surrey and Sussex", 8), ("South Central", 6), ("South West", 5), ("Wales", 6),
]
# In the default case mix a referral stays about 76 weeks (measured: example_pdu's caseload over its
# referral rate), so 240,000 cases need about 3,160 referrals a week.
NATIONAL_REFERRALS_PER_WEEK = 3160
NATIONAL_PO_FTE = 4464   # CT-10, WF-1
NATIONAL_PSO_FTE = 6209  # CT-10, WF-2
NATIONAL_PO_REQUIRED_FTE = 6258  # WF-3: 29% short; the PSO establishment is not published, so = in post
SIZE_PATTERN = [0.6, 1.4, 0.9, 1.1, 0.8, 1.2, 1.0, 0.7, 1.3]

pdus = []
for region, count in REGIONS:
    for i in range(count):
        pdus.append((region, f"{region} PDU {i + 1:02d}", SIZE_PATTERN[len(pdus) % len(SIZE_PATTERN)]))
total_weight = sum(w for _, _, w in pdus)

print("""# Benchmark: a synthetic England and Wales, 12 regions and 110 PDUs, 5 simulated years from a
# steady-state caseload of about 240,000 (CT-8), with 4,464 PO and 6,209 PSO FTE (CT-10) spread in
# proportion to referrals, against 6,258 PO FTE required (WF-3).
# Made by scripts/generate_bench_national.py; edit that, not this file.
#   probsim bench scenarios/bench_national.yaml
extends: base/england_wales_defaults.yaml
name: bench_national
description: Synthetic national scale (110 PDUs, ~240,000 cases) for measuring speed and memory.

simulation:
  report_start: 2022-01-01
  report_end: 2026-12-31
  warm_up_weeks: 0
  warm_start: steady_state

regions:""")
current = None
for region, name, weight in pdus:
    if region != current:
        print(f"  - name: {region}\n    pdus:")
        current = region
    share = weight / total_weight
    po = round(NATIONAL_PO_FTE * share)
    pso = round(NATIONAL_PSO_FTE * share)
    po_required = round(NATIONAL_PO_REQUIRED_FTE * share)
    print(f"      - name: {name}\n"
          f"        referrals_per_week: {NATIONAL_REFERRALS_PER_WEEK * share:.2f}\n"
          f"        establishment_fte: {{po: {po_required}, pso: {pso}}}\n"
          f"        staff: [{{grade: po, headcount: {po}, fte_each: 1.0}}, {{grade: pso, headcount: {pso}, fte_each: 1.0}}]")
