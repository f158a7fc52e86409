#pragma once
// The sentence-management timeliness metrics a unit's TaskFigures give. The eleven of emit_task_timeliness
// are written alike as a month's rows (timeseries.csv) and as the window's KPIs (kpis.csv): reviews,
// assessments, home visits and contacts, due and done on time, and the lateness of reviews. Defined once
// so the two files cannot compute them differently. The review kinds and the DA cases' figures
// (validation/11-national-standards.md §11.12-§11.13) are the window's KPIs only.

#include <functional>
#include <string>

#include "output/task_figures.hpp"

namespace probsim {

// Calls emit(name, value) for each, in the order both files have always had.
void emit_task_timeliness(const TaskFigures& t, const std::function<void(const std::string&, double)>& emit);

// The window's KPIs of the periodic and the event reviews apart, of every case and of DA cases
// (validation/11-national-standards.md §11.13).
void emit_review_kinds(const TaskFigures& t, const std::function<void(const std::string&, double)>& emit);

// The window's KPIs of domestic-abuse cases' tasks (validation/11-national-standards.md §11.12), all reviews
// together (the kinds apart are emit_review_kinds'); the plans' only when the scenario has risk management
// plans.
void emit_domestic_abuse_timeliness(const TaskFigures& t, bool risk_management_plans,
                                    const std::function<void(const std::string&, double)>& emit);

}  // namespace probsim
