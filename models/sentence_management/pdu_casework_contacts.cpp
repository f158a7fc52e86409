// PduCasework's contacts (docs/model.md): each case's next contact window, under the RAG measures in
// force (RAG-2, RAG-6, G-3, G-4) unless the case is exempt, its holder is a trainee on BAU guidance
// (RAG-12) or the practitioner keeps to BAU practice anyway (G-29); and shorter after a court asked for
// more contact (issue 24); and a home visit, a face-to-face appointment, under the same cut (§10.25). The
// rest of the casework rules are pdu_casework.cpp.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/random_stream.hpp"
#include "sentence_management/pdu_casework.hpp"
#include "sentence_management/task_draw.hpp"

namespace probsim {

bool PduCasework::contact_on_bau_rules(const CaseTasks& ct, std::uint32_t ordinal,
                                       bool holder_is_trainee) const {
  if (contact_measures_ == nullptr || rag_rules_ == nullptr ||
      contact_measures_->contacts_as_usual(rules_.contacts.face_to_face_share))
    return true;
  CaseExemptions exemptions = ct.exemptions;
  if (ordinal == 0 && ct.licence) exemptions |= exemption_bit(RagExemption::first_appointment_after_release);
  if ((exemptions & rag_rules_->exempt) != 0) return true;
  if (holder_is_trainee && rag_rules_->trainee_cases_on_bau) return true;  // RAG-12
  if (rag_rules_->non_compliance_probability <= 0.0) return false;
  // G-29: the practitioner keeps to BAU practice for this contact anyway. Drawn only here, from a stream
  // of its own, so BAU runs make exactly the draws they made before the framework existed.
  RandomStream draw(replication_seed_, stream::kRagNonCompliance, combine_seed(ct.id, ordinal));
  return draw.uniform01() < rag_rules_->non_compliance_probability;
}

void PduCasework::open_contact_window(std::uint32_t slot, Day day, bool holder_is_trainee) {
  CaseTasks& ct = store_.case_at(slot);
  ContactWindow window = schedule_.contact_window(ct.rosh, ct.start, day);
  const std::uint32_t ordinal = ct.contact_ordinal++;
  double face_to_face_share = rules_.contacts.face_to_face_share;
  if (!contact_on_bau_rules(ct, ordinal, holder_is_trainee)) {
    // RAG-2, G-3: fewer contacts (a longer window), and fewer of them face to face (RAG-6, G-4).
    const ContactMeasures& m = *contact_measures_;
    const double bau_days = static_cast<double>(window.last - window.first + 1);
    Day days = std::max<Day>(1, static_cast<Day>(std::lround(bau_days / m.contact_frequency_multiplier)));
    if (m.contact_interval_weeks_min > 0.0)
      days = std::max(days, SentenceManagementRules::interval_days(m.contact_interval_weeks_min));
    window.last = window.first + days - 1;
    face_to_face_share = m.face_to_face_share;
  }
  // A court that continued the order with more requirements asked for more contact (issue 24): the
  // window, as practice would set it, is shorter from the decision day on.
  if (const double more = enforcement_.contact_frequency_multiplier(slot, day); more != 1.0) {
    const double days = static_cast<double>(window.last - window.first + 1) / more;
    window.last = window.first + std::max<Day>(1, static_cast<Day>(std::lround(days))) - 1;
  }
  RandomStream draw(replication_seed_, stream::kContactMode, combine_seed(ct.id, ordinal));
  const bool face_to_face = draw.uniform01() < face_to_face_share;
  const double hours = face_to_face ? rules_.contacts.hours_face_to_face : rules_.contacts.hours_remote;
  if (hours > 0.0) {
    create_case_task(slot, TaskKind::contact, hours, day, window.last);
    ct.face_to_face = face_to_face;
  }
  schedule(window.last + 1, slot, AgendaKind::contact_window);
}

bool PduCasework::home_visit_not_made_under_face_to_face_cut(const CaseTasks& ct, Day due_day,
                                                             std::optional<bool> holder_is_trainee) const {
  if (rag_rules_ == nullptr || !rag_rules_->home_visits_follow_face_to_face_cut ||
      contact_measures_ == nullptr)
    return false;
  const double bau_share = rules_.contacts.face_to_face_share;
  const double kept_share = contact_measures_->face_to_face_share;
  if (!(kept_share < bau_share)) return false;  // green, or a status that cuts no face-to-face contact
  if ((ct.exemptions & rag_rules_->exempt) != 0) return false;  // RAG-7 (RAG-3: DA alone is not exempt)
  // RAG-12 needs the holder's grade; a default would take a trainee's case for anyone's, so a caller
  // that omits it is a programming error.
  if (!holder_is_trainee)
    throw std::logic_error(
        "casework: a home visit under the face-to-face cut was created without its "
        "holder's grade");
  if (*holder_is_trainee && rag_rules_->trainee_cases_on_bau) return false;  // RAG-12
  // G-29: the practitioner keeps to BAU practice anyway, drawn apart from the contacts' (keyed on the
  // task, not the contact number) so that switching visits on leaves every contact's draw as it was.
  if (rag_rules_->non_compliance_probability > 0.0 &&
      task_draw(replication_seed_, stream::kHomeVisitKeptOnBauPractice, ct.id, TaskKind::home_visit,
                due_day) < rag_rules_->non_compliance_probability)
    return false;
  // Made with the share of face-to-face contact the status keeps (G-4: 0.5 / 0.9 amber, 0.25 / 0.9 red):
  // one draw per visit, so a visit made under red is made under amber too (common random numbers).
  return task_draw(replication_seed_, stream::kHomeVisitFaceToFaceCut, ct.id, TaskKind::home_visit,
                   due_day) >= kept_share / bau_share;
}

}  // namespace probsim
