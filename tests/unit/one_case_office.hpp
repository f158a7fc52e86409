#pragma once
// An office of one full-time PO, no referrals, and one community order of 365 days imported on Monday day
// 0 (2024-01-08, no bank holidays) held by the PO: the setting of the exact-day tests of enforcement
// (enforcement_test.cpp, court_extension_test.cpp, attendance_by_case_test.cpp). The caseload rules are
// the caller's, with contacts of `contact_hours` every `contact_interval_weeks` and `enforcement`.

#include <memory>
#include <span>
#include <vector>

#include "office/pdu_office.hpp"
#include "unit/test_rules.hpp"

namespace probsim::fixtures {

// Fixed-length caseload rules with only contacts, face to face, and the enforcement rules given.
inline CaseloadRules contacts_and_enforcement(double contact_interval_weeks,
                                              const EnforcementRules& enforcement) {
  CaseloadRules caseload = fixed_length_rules(12.0);
  SentenceManagementRules& sm = caseload.sentence_management;
  sm.enabled = true;
  sm.contacts.hours_face_to_face = 1.0;
  sm.contacts.face_to_face_share = 1.0;
  for (auto& steps : sm.contacts.schedule_by_rosh) steps = {ContactScheduleStep{1e9, contact_interval_weeks}};
  sm.enforcement = enforcement;
  return caseload;
}

inline constexpr CalendarDate kOneCaseDayZero{2024, 1, 8};  // a Monday

struct OneCaseOffice {
  static constexpr CaseId kCaseId = 5;
  CaseloadRules caseload;
  WorkingCalendar calendar{kOneCaseDayZero};
  std::unique_ptr<PduOffice> office;
  std::uint32_t slot = 0;

  // `early_end_day` > 0: the case already has an early ending (revocation) drawn for that day.
  explicit OneCaseOffice(CaseloadRules rules, Day early_end_day = 0) : caseload(std::move(rules)) {
    ReferralRate none;
    none.per_week = 0.0;
    std::vector<Practitioner> staff{practitioner(Grade::po, caseload.workload)};
    office = std::make_unique<PduOffice>(PduIdentity{0, 0, "PDU"}, caseload,
                                         ReferralProcess(none, kOneCaseDayZero, 0, 0, 1), 1, std::move(staff),
                                         calendar, 120);
    PduOffice::ImportedCase imported;
    imported.c.id = kCaseId;
    imported.c.referral_day = 0;
    imported.c.sentence_length_days = 365;
    imported.c.end_day = early_end_day > 0 ? early_end_day : 365;
    imported.c.end_reason =
        early_end_day > 0 ? TerminationReason::revocation : TerminationReason::sentence_end;
    imported.c.rosh = RoshLevel::medium;
    imported.practitioner = 0;
    slot = office->place_imported_caseload(std::span<const PduOffice::ImportedCase>(&imported, 1), 0).at(0);
  }
};

}  // namespace probsim::fixtures
