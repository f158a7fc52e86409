// DA cases allocated as complex (allocation.domestic_abuse_cases; WF-12, 4.3/4.4) in a running model:
// the same people under supervision, held more by POs and trainees, with no case left unallocated.
#include <gtest/gtest.h>

#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_file;
using probsim::testing::ModelRun;

namespace {

struct Holders {
  long da_cases = 0, da_by_po_or_trainee = 0, other_cases = 0, other_by_pso = 0, unallocated = 0;
  double open_case_ids = 0;  // a checksum of who is under supervision
};

Holders holders_after_a_year(const std::string& share) {
  ModelRun run(load_scenario_file("scenarios/example_pdu.yaml",
                                  {"allocation.domestic_abuse_cases.share_allocated_as_complex=" + share}));
  run.run_through(run.day_of(CalendarDate{2023, 12, 31}));
  Holders h;
  for (std::size_t i = 0; i < run.office_count(); ++i) {
    const PduOffice& office = run.office(i);
    office.for_each_open_case([&](const Case& c) {
      h.open_case_ids += static_cast<double>(c.id % 1000003);
      if (c.practitioner == kUnallocated) {
        ++h.unallocated;
        return;
      }
      const Grade grade = office.staff()[static_cast<std::size_t>(c.practitioner)].grade;
      if (c.domestic_abuse_flag) {
        ++h.da_cases;
        h.da_by_po_or_trainee += grade == Grade::po || grade == Grade::pqip ? 1 : 0;
      } else {
        ++h.other_cases;
        h.other_by_pso += grade == Grade::pso ? 1 : 0;
      }
    });
  }
  return h;
}

}  // namespace

TEST(DomesticAbuseAllocation, AllocatingThemAsComplexMovesDaCasesToPosAndTraineesAndOtherCasesToPsos) {
  const Holders none = holders_after_a_year("0"), all = holders_after_a_year("1");
  ASSERT_GT(none.da_cases, 100);
  // Allocation changes who holds a case, not who is under supervision (common random numbers).
  EXPECT_EQ(none.da_cases, all.da_cases);
  EXPECT_EQ(none.other_cases, all.other_cases);
  EXPECT_DOUBLE_EQ(none.open_case_ids, all.open_case_ids);
  EXPECT_EQ(all.unallocated, none.unallocated);
  const double po_share_none = double(none.da_by_po_or_trainee) / double(none.da_cases);
  const double po_share_all = double(all.da_by_po_or_trainee) / double(all.da_cases);
  EXPECT_GT(po_share_all, 0.95) << "every team has a PO or trainee most of the time";
  EXPECT_LT(po_share_none, 0.80);
  // The PSOs, relieved of DA cases, are the least loaded for more of the others.
  EXPECT_GT(double(all.other_by_pso) / double(all.other_cases),
            double(none.other_by_pso) / double(none.other_cases));
}
