// The court's decisions on breach, the PduOffice side (sentence_management/enforcement_process.hpp): an
// order ended (revoked, SSO activated, licence recalled) closes the case; an order continued with more
// requirements is lengthened (EnforcementRules::continued_extension_weeks, issue 24).
#include <algorithm>

#include "office/pdu_office.hpp"

namespace probsim {

void PduOffice::end_orders_the_court_ended(Day day) {
  // Today's closings are done, so an ending decided for today takes effect tomorrow.
  for (const OrderEnding& e : casework_.enforcement().take_decisions())
    end_order_early(e.slot, e.case_id, std::max(e.day, day + 1), termination_reason_of(e.outcome));
  for (const OrderExtension& x : casework_.enforcement().take_extensions()) pending_extensions_.push_back(x);
  if (pending_extensions_.empty()) return;
  // An extension takes effect on the court's day; the order may have ended before it.
  std::vector<OrderExtension> later;
  for (const OrderExtension& x : pending_extensions_) {
    if (x.day <= day)
      extend_order(x.slot, x.case_id, x.days);
    else
      later.push_back(x);
  }
  pending_extensions_ = std::move(later);
}

void PduOffice::extend_order(std::uint32_t slot, CaseId id, Day days) {
  if (slot >= slots_.size() || !slots_[slot].open || slots_[slot].c.id != id || days <= 0) return;
  Case& c = slots_[slot].c;
  const Day sentence_end = c.referral_day + c.sentence_length_days;
  c.sentence_length_days += days;
  // An early ending already drawn (a hazard, or a court's ending) comes before the old sentence end,
  // so before the new one too: it stands. Otherwise the case now ends at the new sentence end; the
  // planned ending left in the queue no longer matches the case's end day and is skipped.
  if (c.end_reason != TerminationReason::sentence_end || c.end_day != sentence_end) return;
  c.end_day = sentence_end + days;
  endings_.push(Ending{c.end_day, id, slot});
  counters_.orders_extended += 1;
}

}  // namespace probsim
