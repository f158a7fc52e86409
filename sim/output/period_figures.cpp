#include "output/period_figures.hpp"

#include <algorithm>

#include "output/workload_distribution.hpp"

namespace probsim {

void PeriodFigures::add(const PeriodFigures& other) {
  caseload += other.caseload;
  referrals += other.referrals;
  terminations_sentence_end += other.terminations_sentence_end;
  terminations_early += other.terminations_early;
  unallocated += other.unallocated;
  workload_pct_sum += other.workload_pct_sum;
  practitioners += other.practitioners;
  practitioners_over_110pct += other.practitioners_over_110pct;
  workload_pcts.insert(workload_pcts.end(), other.workload_pcts.begin(), other.workload_pcts.end());
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    in_post_fte[g] += other.in_post_fte[g];
    establishment_fte[g] += other.establishment_fte[g];
  }
  vacant_fte += other.vacant_fte;
  practitioner_establishment_fte += other.practitioner_establishment_fte;
  leavers += other.leavers;
  joiners += other.joiners;
  tasks.add(other.tasks);
  for (std::size_t k = 0; k < kRagStatusCount; ++k) {
    pdus_by_status[k] += other.pdus_by_status[k];
    rag_days[k] += other.rag_days[k];
  }
}

PeriodFigures period_figures_of(const PduOffice& office, const OfficeCounters& before,
                                const StaffCounters& staff_before) {
  const OfficeCounters& now = office.counters();
  const StaffCounters& staff_now = office.staff_counters();
  PeriodFigures f;
  f.caseload = static_cast<double>(office.caseload());
  f.referrals = static_cast<double>(now.referrals - before.referrals);
  f.terminations_sentence_end =
      static_cast<double>(now.terminations_by_reason[0] - before.terminations_by_reason[0]);
  f.terminations_early = static_cast<double>(now.early_terminations() - before.early_terminations());
  f.unallocated = static_cast<double>(office.unallocated());
  f.pdus_by_status[static_cast<std::size_t>(office.rag_status())] = 1.0;
  for (std::size_t k = 0; k < kRagStatusCount; ++k)
    f.rag_days[k] = static_cast<double>(now.rag_days[k] - before.rag_days[k]);
  for (const Practitioner& p : office.staff()) {
    if (p.in_post) at(f.in_post_fte, p.grade) += p.fte;
    if (!p.can_take_cases()) continue;
    f.workload_pct_sum += p.workload_pct();
    f.workload_pcts.push_back(p.workload_pct());
    f.practitioners += 1;
    if (p.workload_pct() > kExcessiveWorkloadPct) f.practitioners_over_110pct += 1;
  }
  for (std::size_t g = 0; g < kGradeCount; ++g)
    f.establishment_fte[g] = office.establishment_fte(static_cast<Grade>(g));
  for (Grade g : kCaseHoldingGrades) {
    // A surplus in one PDU or grade does not fill a vacancy in another.
    f.vacant_fte += std::max(0.0, at(f.establishment_fte, g) - at(f.in_post_fte, g));
    f.practitioner_establishment_fte += at(f.establishment_fte, g);
    f.leavers += static_cast<double>(at(staff_now.left, g).headcount - at(staff_before.left, g).headcount);
    f.joiners +=
        static_cast<double>(at(staff_now.joined, g).headcount - at(staff_before.joined, g).headcount);
  }
  return f;
}

}  // namespace probsim
