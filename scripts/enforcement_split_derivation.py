#!/usr/bin/env python3
"""The unacceptable-absence shares of scenarios/england_wales_2022_enforcement.yaml (docs/validation/11-national-standards.md
§11.3), derived before any run: a Monte Carlo of one case over its order, outside the simulator, giving
the enforcement path's order endings per case-year alive for a uniform share u of appointments missed
without an acceptable reason. The shares were read off where this meets the breach-driven hazard each
replaces (community order 0.04, SSO 0.04, licence 0.10 a case-year).

Inputs as the base file: sentence lengths, RoSH mix and contact schedules (G-3); 89% of contacts
delivered (§10.3); 70% of unacceptable absences acted on (AR-15); breach on the second failure; the
court's shares and lags of §11.3; the remaining hazards competing. It ignores staffing, RAG and the
warm start, which the simulator has.
    python3 scripts/enforcement_split_derivation.py 0.015 0.022 0.025

With `--poor-attenders Q M` (session 8, docs/validation/11-national-standards.md §11.8) each case is a poor attender with
probability Q, whose unacceptable share is M times the mean u; the others' is (1 - Q M) / (1 - Q) times it,
so the mean share per case stays u. It also prints the median day of a breach ending from the order's start, and the share of breach endings in
the order's first 182 days, beside the same share for the constant hazard it replaces.
    python3 scripts/enforcement_split_derivation.py --poor-attenders 0.3 3 0.02 0.03 0.04
Cases per point: 8,000 unless DERIVATION_CASES says otherwise; at 8,000 the rates are not monotone in u,
so the shipped shares were read at 60,000 (§11.8).
"""
import os, random, math, sys
random.seed(1)
poor_share, poor_multiplier = 0.0, 1.0
if len(sys.argv) > 3 and sys.argv[1] == '--poor-attenders':
    poor_share, poor_multiplier = float(sys.argv[2]), float(sys.argv[3])
    del sys.argv[1:4]
good_multiplier = (1 - poor_share * poor_multiplier) / (1 - poor_share)
ending_days = []
rosh=[('low',.172),('medium',.589),('high',.202),('vh',.037)]
def lengths(t):
    if t=='licence': return random.uniform(12,36)*30.44
    return random.choices([12,18,24],[.4,.3,.3])[0]*30.44
def contacts(r,L):
    days=[];d=0
    while d<L:
        days.append(d)
        w=d/7
        if r in('high','vh'): d+=7
        elif w<12: d+=7
        elif w<26: d+=14
        else: d+=28
    return days
def run(t,u,other_hazard,e,lag_days,j=0.7,deliv=0.89,n=20000):
    ends=0; years=0.0
    for _ in range(n):
        r=random.choices([x for x,_ in rosh],[w for _,w in rosh])[0]
        L=lengths(t)
        # competing non-breach hazard
        hz=random.expovariate(other_hazard)*365.25 if other_hazard>0 else 1e9
        end=min(L,hz); fails=0; pending=None; ended=False
        uc = u * (poor_multiplier if random.random() < poor_share else good_multiplier) if poor_share > 0 else u
        for d in contacts(r,L):
            if d>=end: break
            if pending is not None and d>=pending: pending=None; fails=0
            if random.random()>deliv: continue
            if random.random()<uc and random.random()<j and pending is None:
                fails+=1
                if fails>=2:
                    # breach laid ~ same week; decision after lag
                    if random.random()<e:
                        if d+lag_days<end: end=d+lag_days; ended=True
                        break
                    else: pending=d+lag_days
        ends+=ended; years+=end/365.25
        if ended: ending_days.append(end)
    return ends/years
def hazard_early_share(t, other_hazard, hazard, n=20000):
    """Of the endings by a constant `hazard` (a case-year), the share in the order's first 182 days."""
    early = total = 0
    for _ in range(n):
        L = lengths(t)
        other = random.expovariate(other_hazard) * 365.25 if other_hazard > 0 else 1e9
        own = random.expovariate(hazard) * 365.25
        if own < min(L, other):
            total += 1
            early += own < 182
    return early / total
# Sentence type: (hazards left competing a case-year, court's order-ended share, decision lag in days,
# the breach-driven hazard to replace).
cfg = {'community_order': (0.10, 0.5, 28, 0.04),
       'suspended_sentence_order': (0.05 + 0.04, 1.0, 28, 0.04),
       'licence': (0.10, 0.9, 7, 0.10)}
for t, (oh, e, lag, target) in cfg.items():
    for u in [float(x) for x in sys.argv[1:]]:
        ending_days.clear()
        rate = run(t, u, oh, e, lag, n=int(os.environ.get("DERIVATION_CASES", "8000")))
        median = sorted(ending_days)[len(ending_days) // 2] if ending_days else float('nan')
        early = sum(d < 182 for d in ending_days) / len(ending_days) if ending_days else float('nan')
        print(t, u, round(rate, 4), 'target', target, 'median ending day', round(median),
              'in the first 182 days', round(early, 3), 'hazard', round(hazard_early_share(t, oh, target), 3))
