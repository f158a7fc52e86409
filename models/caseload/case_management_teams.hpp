#pragma once
// Case-management teams within a PDU (docs/sources.md, "The service in brief": a PDU "has case-management
// teams under senior probation officers"). A new case goes to the team that covers where the person lives,
// and within it to the least-loaded eligible practitioner; only when nobody in that team may hold the case
// does it go to the least-loaded eligible practitioner of the whole PDU. So a team's load follows its own
// inflow and its own vacancies and absences (a leaver's or a long-term sick practitioner's cases stay
// in the team), which a single least-loaded pool over the PDU would smooth away. This is what gives
// the upper tail of practitioners' WMT % that the published snapshots show (PUB-13: some officers at
// about twice capacity). No source gives team sizes: `team_size` is [Assume].
//
// Which team covers a case is a property of the person (where they live), drawn from the case id, so
// it is the same in two scenarios that differ in staffing (common random numbers). A practitioner's
// team is fixed by their staff slot (slot index mod team count), so a recruit fills the team of the
// vacancy they fill.

#include <cstddef>
#include <cstdint>

#include "caseload/case.hpp"
#include "core/random_stream.hpp"

namespace probsim {

struct CaseManagementTeams {
  std::uint32_t count = 1;  // 1: the PDU is one pool (no teams)

  // Teams of about `team_size` case holders among `case_holders` in post; 0 means no teams.
  [[nodiscard]] static CaseManagementTeams of_size(std::size_t case_holders, int team_size) {
    if (team_size <= 0 || case_holders == 0) return {};
    const auto n =
        (case_holders + static_cast<std::size_t>(team_size) / 2) / static_cast<std::size_t>(team_size);
    return CaseManagementTeams{static_cast<std::uint32_t>(n < 1 ? 1 : n)};
  }
  [[nodiscard]] std::uint32_t team_of_practitioner(PractitionerIndex who) const {
    return static_cast<std::uint32_t>(who) % count;
  }
  [[nodiscard]] std::uint32_t team_of_case(CaseId id) const {
    return count <= 1 ? 0 : static_cast<std::uint32_t>(combine_seed(kLocality, id) % count);
  }

 private:
  static constexpr std::uint64_t kLocality = purpose_key("case_locality");
};

}  // namespace probsim
