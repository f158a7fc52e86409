#pragma once
// Common random numbers (docs/architecture.md, M-3): every draw comes from a stream keyed by
// (replication seed, purpose, entity id). Two scenarios that differ only in, say, staffing then see the
// same people arrive with the same attributes, because no draw depends on how many draws came before
// it in some other part of the model.
//
// The generator is SplitMix64 (Steele, Lea & Flood 2014): 8 bytes of state, so a stream per case is
// free to create, and it passes BigCrush. Distributions come from Boost.Random, whose output is the same
// on every platform (the std:: distributions are implementation-defined).

#include <cstdint>
#include <limits>
#include <string_view>

namespace probsim {

// Mixes one 64-bit word (the SplitMix64 finaliser); used to derive seeds from keys.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

[[nodiscard]] constexpr std::uint64_t combine_seed(std::uint64_t seed, std::uint64_t key) {
  return mix64(seed ^ mix64(key));
}

// FNV-1a of a purpose name, evaluated at compile time, so purposes are named in code, not numbered.
[[nodiscard]] constexpr std::uint64_t purpose_key(std::string_view purpose) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : purpose) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// The seed of replication `index` of a run with `base_seed`. It depends on nothing else (not on the
// worker, shard or job count that runs the replication).
[[nodiscard]] constexpr std::uint64_t replication_seed(std::uint64_t base_seed, std::uint64_t index) {
  return combine_seed(combine_seed(base_seed, purpose_key("replication")), index);
}

// A UniformRandomBitGenerator for Boost.Random distributions.
class RandomStream {
 public:
  using result_type = std::uint64_t;

  RandomStream(std::uint64_t replication_seed, std::uint64_t purpose, std::uint64_t entity)
      : state_(combine_seed(combine_seed(replication_seed, purpose), entity)) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // A uniform draw on [0, 1) with 53 random bits; used where a Boost distribution would be overkill.
  double uniform01() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// The purposes draws are made for. Each names one stream family; never reuse a name for another purpose.
namespace stream {
inline constexpr std::uint64_t kReferralCount = purpose_key("referral_count");          // entity: pdu-day
inline constexpr std::uint64_t kReferralAttributes = purpose_key("referral");           // entity: case id
inline constexpr std::uint64_t kEarlyTermination = purpose_key("early_termination");    // entity: case id
inline constexpr std::uint64_t kComplexAllocation = purpose_key("complex_allocation");  // entity: case id
// Staff draws; the entity combines the staff id with a counter (grade epoch, episode number).
inline constexpr std::uint64_t kStaffLeaving = purpose_key("staff_leaving");          // id, grade epoch
inline constexpr std::uint64_t kStaffProgression = purpose_key("staff_progression");  // id, grade epoch
inline constexpr std::uint64_t kSickness = purpose_key("sickness");                   // id, episode
inline constexpr std::uint64_t kRecruitmentLag = purpose_key("recruitment_lag");      // leaver id, epoch
// Sentence management.
inline constexpr std::uint64_t kContactMode = purpose_key("contact_mode");  // case id, contact number
inline constexpr std::uint64_t kSignificantEvent = purpose_key("significant_event");  // case id, event number
inline constexpr std::uint64_t kCourtReports = purpose_key("court_reports");          // entity: pdu-day
// Enforcement (issue 24): whether an appointment is kept, and the court's decision on a breach.
inline constexpr std::uint64_t kAppointmentAttendance =
    purpose_key("appointment_attendance");                                      // case id, appointment
inline constexpr std::uint64_t kCourtDecision = purpose_key("court_decision");  // case id, breach number
// Whether a case is a poor attender (EnforcementRules::poor_attenders), once per case (entity: case id).
inline constexpr std::uint64_t kAttendanceClass = purpose_key("attendance_class");
// A warm start that carries enforcement state: whether a case of the stock survived the breach-driven
// endings before day 0 (entity: its draw key), and its unacceptable failures counted so far (case id).
inline constexpr std::uint64_t kWarmStartBreachEnding = purpose_key("warm_start_breach_ending");
inline constexpr std::uint64_t kWarmStartFailures = purpose_key("warm_start_failures");
// The prioritisation framework.
inline constexpr std::uint64_t kRagExemptions = purpose_key("rag_exemptions");  // entity: case id
// G-29: whether a contact under amber/red is kept on BAU practice anyway.
inline constexpr std::uint64_t kRagNonCompliance =
    purpose_key("rag_non_compliance");  // case id, contact number
// RAG-6 with RAG-3/7 (§10.25): whether a DA home visit under a face-to-face cut is made, and whether
// the practitioner keeps it on BAU practice anyway (G-29); entity: case id, kind, due day (task_draw).
inline constexpr std::uint64_t kHomeVisitFaceToFaceCut = purpose_key("home_visit_face_to_face_cut");
inline constexpr std::uint64_t kHomeVisitKeptOnBauPractice = purpose_key("home_visit_kept_on_bau_practice");
// RAG-5/13: whether a PDU entering a status takes up the suggested BBR suspension.
inline constexpr std::uint64_t kRagSuspensionFollowed =
    purpose_key("rag_suspension_followed");  // pdu index, day of the status change
// Interventions.
inline constexpr std::uint64_t kInterventionRouting = purpose_key("intervention_routing");  // case id
inline constexpr std::uint64_t kProgrammeAttendance = purpose_key("programme_attendance");  // case id, draw
inline constexpr std::uint64_t kRemovalEnforcement = purpose_key("removal_enforcement");  // case id, removal
inline constexpr std::uint64_t kDasoAcceptance = purpose_key("daso_acceptance");          // case id
inline constexpr std::uint64_t kGroupPace = purpose_key("group_pace");  // team-programme, group serial
inline constexpr std::uint64_t kSessionCancelled = purpose_key("session_cancelled");  // group serial, slot
inline constexpr std::uint64_t kCompletionRecorded = purpose_key("completion_recorded");  // case id
}  // namespace stream

}  // namespace probsim
