#pragma once
// A case: one person under supervision in one PDU, from referral to termination.

#include <cstdint>

#include "caseload/case_attributes.hpp"
#include "caseload/case_exemptions.hpp"
#include "core/calendar_date.hpp"
#include "workforce/practitioner.hpp"

namespace probsim {

// Identifies a case across scenarios: built from the PDU's index, the referral day and the referral's
// position within that day, so the same person has the same id whatever the staffing (common random
// numbers key every draw about the person on this id).
using CaseId = std::uint64_t;

[[nodiscard]] constexpr CaseId make_case_id(std::uint32_t pdu_index, Day referral_day,
                                            std::uint32_t ordinal_in_day) {
  // 20 bits of PDU, 24 bits of day (offset so pre-history days are positive), 20 bits of ordinal.
  const auto day_field = static_cast<std::uint64_t>(static_cast<std::int64_t>(referral_day) + (1 << 23));
  return (static_cast<std::uint64_t>(pdu_index) << 44) | (day_field << 20) | ordinal_in_day;
}

struct Case {
  CaseId id = 0;
  Day referral_day = 0;
  SentenceType sentence_type = SentenceType::community_order;
  // Drawn attributes that exempt the case from RAG contact cuts (RAG-7): bits of kDrawnRagExemptions,
  // from a stream of their own, so adding them changed no other draw. Here, it fills padding: the struct
  // stays 40 bytes (250,000 cases in the national bench).
  CaseExemptions rag_exemptions = 0;
  Day sentence_length_days = 0;
  RoshLevel rosh = RoshLevel::low;
  Tier tier;
  bool domestic_abuse_flag = false;
  Sex sex = Sex::male;
  // The day the case leaves the caseload (it is on the caseload on days [referral_day, end_day)), and why.
  Day end_day = 0;
  TerminationReason end_reason = TerminationReason::sentence_end;
  PractitionerIndex practitioner = kUnallocated;
  bool allocated_before = false;  // a later allocation is a change of practitioner
  std::uint16_t practitioner_changes = 0;
};

}  // namespace probsim
