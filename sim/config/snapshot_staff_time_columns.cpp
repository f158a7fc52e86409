// A snapshot staff row's reductions and long-term sickness (see the header).
#include "config/snapshot_staff_time_columns.hpp"

#include <array>

namespace probsim {

namespace {

namespace column {
constexpr std::string_view long_term_sick = "long_term_sick";
constexpr std::string_view reduction_end_date = "reduction_end_date";
constexpr std::string_view reduction_pct = "reduction_pct";
constexpr std::string_view reduction_reason = "reduction_reason";
constexpr std::string_view sickness_end_date = "sickness_end_date";
}  // namespace column

// Why a reduction is given (WMT-5). The model treats them alike; the reason is checked so that a
// trainee's or NQO's reduction, which the pipeline sets, is not given twice.
constexpr std::array<std::string_view, 4> kReductionReasons = {"health", "trade_union", "management_duties",
                                                               "other"};

}  // namespace

bool read_staff_time_columns(RowReader& row, const Scenario& s, bool in_pipeline, bool ok,
                             SnapshotStaffMember& m) {
  if (row.given(column::reduction_pct)) {
    auto pct = row.number(column::reduction_pct, 0.0, 99.0, "%");
    if (!pct) ok = false;
    if (pct && *pct > 0.0 && in_pipeline) {
      row.error(column::reduction_pct,
                "a trainee's or NQO's reduction follows from the training pipeline "
                "(pqip_training_month, nqo_months_completed); leave it empty");
      ok = false;
    } else if (pct) {
      m.reduction_share = *pct / 100.0;
    }
    if (pct && *pct > 0.0 && !row.choice(column::reduction_reason, kReductionReasons)) ok = false;
  }
  if (row.given(column::reduction_reason) && m.reduction_share == 0.0 && ok) {
    row.error(column::reduction_reason, "is given without a reduction_pct above 0");
    ok = false;
  }
  if (row.given(column::reduction_end_date)) {
    auto until = row.date(column::reduction_end_date);
    if (!until) {
      ok = false;
    } else if (m.reduction_share == 0.0) {
      if (ok) row.error(column::reduction_end_date, "is given without a reduction_pct above 0");
      ok = false;
    } else if (*until <= 0) {
      row.error(column::reduction_end_date, "is on or before the snapshot day " + s.window.day_zero().iso() +
                                                "; a reduction that has ended is not in force");
      ok = false;
    } else {
      m.reduction_until = *until;
    }
  }
  auto sick = row.boolean(column::long_term_sick, false);
  if (!sick) ok = false;
  if (sick && *sick) {
    if (auto until = row.date(column::sickness_end_date)) {
      if (*until <= 0) {
        row.error(column::sickness_end_date, "is on or before the snapshot day " + s.window.day_zero().iso() +
                                                 "; a person back at work is not long-term sick");
        ok = false;
      }
      m.long_term_sick_until = *until;
    } else {
      ok = false;
    }
  } else if (row.given(column::sickness_end_date)) {
    row.error(column::sickness_end_date, "is given but long_term_sick is not true");
    ok = false;
  }
  return ok;
}

}  // namespace probsim
