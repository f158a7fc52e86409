#pragma once
// Report points in the WMT measure (WMT-2, WMT-4). The WMT adds to a practitioner's case points the
// points of the court reports (SDRs) they wrote in the last 30 days: 138 points each in the seed's
// points configuration. So a report weighs on its writer's WMT % for 30 days after it is written,
// although the hours it took were spent before. This is the measure as the WMT defines it; the work
// itself (the report's hours) is modelled as a task (sentence_management/pdu_casework.hpp).

#include <deque>
#include <span>

#include "core/calendar_date.hpp"
#include "workforce/practitioner.hpp"

namespace probsim {

class ReportPoints {
 public:
  ReportPoints(double points_per_report, int counted_days)
      : points_per_report_(points_per_report), counted_days_(counted_days) {}

  [[nodiscard]] bool enabled() const { return points_per_report_ > 0.0; }

  // The writer's points rise by one report's for the `counted_days` from `day` (today included).
  void credit(std::span<Practitioner> staff, PractitionerIndex writer, Day day);
  // Takes off the points of reports written `counted_days` or more days before `day`.
  void expire(std::span<Practitioner> staff, Day day);
  // The practitioner left (their slot may go to a newcomer): their reports stop counting.
  void forget(std::span<Practitioner> staff, PractitionerIndex who);

 private:
  struct Credit {
    Day expires;  // the first day the report no longer counts
    PractitionerIndex writer;
  };
  double points_per_report_;
  int counted_days_;
  std::deque<Credit> credits_;  // in the order written, so in order of expiry
};

}  // namespace probsim
