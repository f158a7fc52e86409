#pragma once
// The readers of the scenario's top-level blocks, one file each (internal to sim/config; the public
// interface is scenario_loader.hpp). read_scenario (scenario_loader.cpp) calls them in the order below,
// which is the order of the error messages and matters where a block reads what an earlier one set.
// A new block gets a load_<block>.cpp of its own and a call in read_scenario.

#include "config/field_reader.hpp"
#include "scenario/scenario.hpp"

namespace probsim::scenario_loading {

// load_simulation.cpp: `simulation` (report window, warm-up, warm start).
void read_simulation(FieldReader& root, Scenario& s);
// load_referrals.cpp: `referrals`, the trend and seasonality every PDU's rate shares.
ReferralRate read_referral_pattern(FieldReader& root);
// load_case_mix.cpp: `case_mix`.
void read_case_mix(FieldReader& root, CaseMix& mix);
// Every key of one case_mix map, under whatever path `cm` names (the national block or an override).
void read_case_mix_map(FieldReader& cm, CaseMix& mix);
// load_case_mix_overrides.cpp: `case_mix` under a region or a PDU, over the national one; after
// `regions`, and only when the national `case_mix` had no errors (they would repeat for every PDU).
void read_case_mix_overrides(FieldReader& root, Scenario& s);
// load_early_termination.cpp: `early_termination_per_year`.
void read_early_termination(FieldReader& root, EarlyTerminationHazards& hazards);
// load_allocation.cpp: `allocation`.
void read_allocation(FieldReader& root, AllocationRule& rule);
// load_workload.cpp: `workload`.
void read_workload(FieldReader& root, WorkloadPointsTable& table);
// load_workforce.cpp: `workforce`.
void read_workforce(FieldReader& root, WorkforceRules& rules);
// load_regions.cpp: `regions`, after `workforce` (a trainee's months) and `simulation` (a snapshot's staff).
void read_regions(FieldReader& root, Scenario& s, const ReferralRate& pattern);
// load_staffing_plan.cpp: `staffing_plan`, after `regions`, which intakes name.
void read_staffing_plan(FieldReader& root, Scenario& s);
// load_calendar.cpp: `calendar`.
void read_calendar(FieldReader& root, Scenario& s);
// load_sentence_management.cpp: `sentence_management`.
void read_sentence_management(FieldReader& root, SentenceManagementRules& rules);
// load_enforcement.cpp: `enforcement`, after `sentence_management` (appointments are its contacts).
void read_enforcement(FieldReader& root, SentenceManagementRules& rules);
// load_prioritisation.cpp: `prioritisation`, after `sentence_management` (BAU measures) and `regions`.
void read_prioritisation(FieldReader& root, Scenario& s);
// load_interventions.cpp (with load_intervention_programmes.cpp and load_intervention_routing.cpp):
// `interventions`.
void read_interventions(FieldReader& root, const SimulationWindow& window, InterventionRules& rules);
// load_interventions_teams.cpp: `interventions_teams`, after `interventions` and `regions`.
void read_interventions_teams(FieldReader& root, Scenario& s);

}  // namespace probsim::scenario_loading
