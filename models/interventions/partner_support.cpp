#include "interventions/partner_support.hpp"

#include <algorithm>
#include <cstddef>

#include "core/random_stream.hpp"

namespace probsim {

namespace {

constexpr Day kDaysInSixMonths = 183;

}  // namespace

void PartnerSupport::refer(std::uint32_t participant, Day day, bool offered, TeamCounters& counters) {
  if (!rules_.enabled) return;
  counters.daso_referrals += 1;
  if (!offered) {
    counters.daso_not_offered += 1;  // RAG-5: no liaison for new cases
    return;
  }
  const auto index = static_cast<std::uint32_t>(partners_.size());
  partners_not_ended_.push_back(index);
  partners_.push_back(Partner{participant, day});
  partner_queue_.push_back(index);
  partner_of_participant_[participant] = index;
}

void PartnerSupport::order_ended(std::uint32_t participant, TeamCounters& counters) {
  if (auto partner = partner_of_participant_.find(participant); partner != partner_of_participant_.end()) {
    Partner& who = partners_[partner->second];
    if (!who.contacted) counters.daso_not_offered += 1;  // the order ended first
    end_support(who);
    partner_of_participant_.erase(partner);
  }
}

void PartnerSupport::participant_moved(std::uint32_t from, std::uint32_t to) {
  if (auto partner = partner_of_participant_.find(from); partner != partner_of_participant_.end()) {
    partners_[partner->second].participant = to;
    partner_of_participant_[to] = partner->second;
    partner_of_participant_.erase(partner);
  }
}

void PartnerSupport::work_day(Day day, double hours, const std::vector<Participant>& participants,
                              TeamCounters& counters) {
  counters.daso_hours_available += hours;

  // Support of the partners engaged comes first; what is left goes to first contacts, oldest first.
  // Added once per partner supported, as a scan of every partner ever referred did (the same sum to
  // the last bit), without the scan: it grew with the run and was 3% of a national year.
  // The sum of k equal terms added one at a time is kept for every k reached, so the same bits come
  // from a lookup instead of a loop as long as the number supported (a daily loop of thousands of
  // dependent additions, 1% of a national run on the serial thread).
  while (support_sums_.size() <= partners_supported_)
    support_sums_.push_back(
        support_sums_.empty() ? 0.0 : support_sums_.back() + rules_.support_hours_per_week / 5.0);
  const double support = support_sums_[partners_supported_];
  const double used_on_support = std::min(support, hours);
  double left = hours - used_on_support;
  counters.daso_hours_used += used_on_support;

  while (partner_queue_head_ < partner_queue_.size()) {
    Partner& partner = partners_[partner_queue_[partner_queue_head_]];
    if (partner.ended) {
      ++partner_queue_head_;
      continue;
    }
    const double needed = rules_.hours_per_first_contact - daso_hours_into_next_contact_;
    if (left < needed) {
      daso_hours_into_next_contact_ += left;
      counters.daso_hours_used += left;
      break;
    }
    left -= needed;
    counters.daso_hours_used += needed;
    daso_hours_into_next_contact_ = 0.0;
    ++partner_queue_head_;
    partner.contacted = true;
    const Participant& man = participants[partner.participant];
    const Day delay = day - man.requirement_day;
    counters.daso_first_contacts += 1;
    daso_contacts_.push_back(DasoContact{day, delay});
    // Acceptance falls with the time since sentence (VIC-4): linear to six months, flat after.
    const double t = std::clamp(static_cast<double>(delay) / kDaysInSixMonths, 0.0, 1.0);
    const double accept = rules_.acceptance_at_sentence +
                          t * (rules_.acceptance_after_6_months - rules_.acceptance_at_sentence);
    RandomStream draw(replication_seed_, stream::kDasoAcceptance, man.draw_key);
    if (draw.uniform01() < accept) {
      partner.engaged = true;
      partners_supported_ += 1;  // not ended: ended partners leave the queue unconsidered
    } else {
      counters.daso_declined += 1;
    }
  }
  // Partners stop needing support when the man's requirement ends. Only partners not yet ended are
  // looked at (a scan of partner_of_participant_, which keeps them after, grew with the run: 4% of
  // the national benchmark); partners_[i].participant follows the man as the map does.
  std::erase_if(partners_not_ended_, [&](std::uint32_t i) {
    Partner& partner = partners_[i];
    if (!partner.ended && is_final(participants[partner.participant].state)) end_support(partner);
    return partner.ended;
  });
  if (partner_queue_head_ > 4096 && partner_queue_head_ * 2 > partner_queue_.size()) {
    partner_queue_.erase(partner_queue_.begin(),
                         partner_queue_.begin() + static_cast<std::ptrdiff_t>(partner_queue_head_));
    partner_queue_head_ = 0;
  }
}

void PartnerSupport::end_support(Partner& partner) {
  if (partner.engaged && !partner.ended) partners_supported_ -= 1;
  partner.ended = true;
}

}  // namespace probsim
