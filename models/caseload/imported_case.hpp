#pragma once
// A case imported from a snapshot (warm_start: snapshot): what the analyst's row says, plus the draws a
// row cannot hold, each from the stream keyed by the imported case's own key (common random numbers).

#include <cstdint>

#include "caseload/case_mix.hpp"

namespace probsim {

// Imported cases have ids with the top bit set. Generated ids (make_case_id) put the PDU index in bits
// 44..63, and a scenario has far fewer than 2^19 PDUs, so their top bit is always clear: the two can
// never collide, and a referral's id (so its draws) is the same whether or not a snapshot was imported.
inline constexpr CaseId kImportedCaseBit = CaseId{1} << 63;
inline constexpr std::uint32_t kMaxPdusForCaseIds = 1u << 19;

// The `ordinal`-th imported case of the PDU at `pdu_index` (in file order within the PDU).
[[nodiscard]] constexpr CaseId make_imported_case_id(std::uint32_t pdu_index, std::uint64_t ordinal) {
  return kImportedCaseBit | (static_cast<std::uint64_t>(pdu_index) << 44) |
         (ordinal & ((CaseId{1} << 44) - 1));
}
[[nodiscard]] constexpr bool is_imported_case_id(CaseId id) {
  return (id & kImportedCaseBit) != 0;
}

// What a snapshot row gives: the sentence, its dates and the person's attributes.
struct ImportedCaseRow {
  SentenceType sentence_type = SentenceType::community_order;
  Day sentence_start_day = 0;
  Day expected_end_day = 1;
  RoshLevel rosh = RoshLevel::low;
  Tier tier;
  bool domestic_abuse_flag = false;
  Sex sex = Sex::male;
};

// The case on `first_day` (the snapshot day). It started on its sentence start and ends at its expected
// end unless an early exit (revocation, breach, recall, activation) comes first: the same competing
// hazards as a referral, drawn from `first_day` on (exponential, so having lasted until the snapshot
// changes nothing). RAG exemptions, which a row does not carry, are drawn from the scenario's shares.
[[nodiscard]] Case make_imported_case(const ImportedCaseRow& row, CaseId id, CaseId draw_key, Day first_day,
                                      const CaseMix& mix, const EarlyTerminationHazards& hazards,
                                      std::uint64_t replication_seed);

}  // namespace probsim
