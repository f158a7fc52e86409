#include "office/report_points.hpp"

#include <algorithm>

namespace probsim {

void ReportPoints::credit(std::span<Practitioner> staff, PractitionerIndex writer, Day day) {
  if (!enabled() || writer == kUnallocated) return;
  staff[static_cast<std::size_t>(writer)].report_points += points_per_report_;
  credits_.push_back(Credit{day + counted_days_, writer});
}

void ReportPoints::expire(std::span<Practitioner> staff, Day day) {
  while (!credits_.empty() && credits_.front().expires <= day) {
    Practitioner& p = staff[static_cast<std::size_t>(credits_.front().writer)];
    // Whole numbers of points: the sum returns exactly to 0 with the last report.
    p.report_points = std::max(0.0, p.report_points - points_per_report_);
    credits_.pop_front();
  }
}

void ReportPoints::forget(std::span<Practitioner> staff, PractitionerIndex who) {
  std::erase_if(credits_, [&](const Credit& c) { return c.writer == who; });
  staff[static_cast<std::size_t>(who)].report_points = 0.0;
}

}  // namespace probsim
