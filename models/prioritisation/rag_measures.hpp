#pragma once
// What one RAG status switches on (RAG-2..12, G-3, G-4, LV-5..7), from the scenario's
// `prioritisation.measures`. Green is business as usual (RAG-17): every measure at its neutral value.
//
// Sentence management reads the contact and time measures; the interventions code reads the programme,
// BBR, DASO and toolkit flags through PduOffice::rag_measures().

#include <array>
#include <cstdint>
#include <string_view>

namespace probsim {

struct RagMeasures {
  // --- Supervision contacts of non-exempt cases (RAG-2, RAG-6, G-3, G-4). ---
  // Contacts per unit time relative to BAU: a contact window lasts the BAU interval ÷ this (0.5 halves
  // the rate, G-3 amber). 1 = BAU.
  double contact_frequency_multiplier = 1.0;
  // A floor on the interval between contacts, weeks (G-3 red: "monthly" = 4). 0 = no floor.
  double contact_interval_weeks_min = 0.0;
  // Share of contacts delivered face to face (G-4: BAU 90%, amber 50%, red 25%). Filled with the BAU
  // share (sentence_management.contacts.face_to_face_share) where the scenario does not set it.
  double face_to_face_share = 1.0;
  // Share of practitioners' hours that goes to work other than tasks (team meetings, training,
  // partnership work). Under red only statutory partnership meetings are attended (RAG-9, RAG-10,
  // LV-28), which frees hours for casework. Filled with the BAU share where the scenario does not set it.
  double non_task_time_share = 0.0;

  // --- Interventions and partnership work (read by the interventions code). ---
  bool bbr_new_starts_suspended = false;          // RAG-5, G-13: no BBR starts while in force
  bool programme_delivery_paused = false;         // RAG-4: running groups pause
  double facilitator_hours_redeployed_share = 0;  // RAG-4: share of facilitator hours moved to casework
  bool daso_new_cases_offered = true;             // RAG-5: false = no DASO liaison for new cases
  bool toolkit_delivery_stopped = false;          // RAG-9, RAG-11: Skills for Relationships Toolkit

  // True when contacts follow BAU rules under these measures (green, or measures that cut nothing).
  [[nodiscard]] bool contacts_as_usual(double bau_face_to_face_share) const {
    return contact_frequency_multiplier == 1.0 && contact_interval_weeks_min == 0.0 &&
           face_to_face_share == bau_face_to_face_share;
  }
};

// Why a case keeps BAU contact rules whatever its PDU's status (RAG-7, LV-7). A case's drawn
// attributes are a bit set (`CaseExemptions`); high RoSH, the first appointment after release and the
// DA flag follow from the case itself.
enum class RagExemption : std::uint8_t {
  high_rosh,                        // high or very high RoSH (RAG-7)
  first_appointment_after_release,  // the first contact of a licence case (RAG-7, G-4)
  integrated_offender_management,   // drawn at a share (RAG-7)
  very_vulnerable,                  // drawn at a share (RAG-7)
  terrorism,                        // drawn at a share (RAG-7)
  no_telephone,                     // drawn at a share (RAG-7)
  domestic_abuse,                   // LV-7: not exempt by default (RAG-3)
};
inline constexpr std::size_t kRagExemptionCount = 7;
inline constexpr std::array<std::string_view, kRagExemptionCount> kRagExemptionNames = {
    "high_rosh",
    "first_appointment_after_release",
    "integrated_offender_management",
    "very_vulnerable",
    "terrorism",
    "no_telephone",
    "domestic_abuse"};

inline std::string_view to_string(RagExemption e) {
  return kRagExemptionNames[static_cast<std::size_t>(e)];
}

// The exemptions that are drawn per case at a share, in the order of their bits in CaseExemptions.
inline constexpr std::array<RagExemption, 4> kDrawnRagExemptions = {
    RagExemption::integrated_offender_management, RagExemption::very_vulnerable, RagExemption::terrorism,
    RagExemption::no_telephone};

// One bit per RagExemption (bit i = exemption i), so a case carries them in one byte and a rule's set of
// exemptions is the same type: a case is exempt when (case bits & rule bits) != 0.
using CaseExemptions = std::uint8_t;
[[nodiscard]] constexpr CaseExemptions exemption_bit(RagExemption e) {
  return static_cast<CaseExemptions>(1U << static_cast<unsigned>(e));
}

}  // namespace probsim
