#pragma once
// The DASOs' work with the partners of men with a BBR requirement (VIC-1..4, G-25), one part of an
// interventions team: each partner is referred with the man, waits for a first contact (in referral
// order, from the DASO hours left after supporting the partners already engaged), accepts support with a
// probability that falls with the time since sentence, and is supported until the man's requirement ends.

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/calendar_date.hpp"
#include "interventions/intervention_counters.hpp"
#include "interventions/intervention_rules.hpp"
#include "interventions/participant.hpp"

namespace probsim {

class PartnerSupport {
 public:
  PartnerSupport(const DasoRules& rules, std::uint64_t replication_seed)
      : rules_(rules), replication_seed_(replication_seed) {}

  // The man `participant` (an index into the team's participants) was referred to BBR on `day`.
  // `offered` is false while a RAG measure stops DASO liaison for new cases (RAG-5).
  void refer(std::uint32_t participant, Day day, bool offered, TeamCounters& counters);
  // The man's order ended: his partner's support ends with it (counted as not offered if the partner
  // was never contacted).
  void order_ended(std::uint32_t participant, TeamCounters& counters);
  // The man was diverted to another programme, where he is participant `to`: the support goes on.
  void participant_moved(std::uint32_t from, std::uint32_t to);
  // A working day of the team's DASOs, with `hours` available after the non-delivery share: support of
  // the partners engaged first, then first contacts, oldest first.
  void work_day(Day day, double hours, const std::vector<Participant>& participants, TeamCounters& counters);

  [[nodiscard]] const std::vector<DasoContact>& contacts() const { return daso_contacts_; }

 private:
  struct Partner {  // a BBR man's partner, referred to the DASOs (VIC-1)
    std::uint32_t participant = 0;
    Day referred_day = 0;
    bool contacted = false;
    bool engaged = false;
    bool ended = false;
  };
  // The partner no longer needs support (the man's order or programme ended).
  void end_support(Partner& partner);

  const DasoRules& rules_;
  std::uint64_t replication_seed_;
  std::vector<Partner> partners_;
  std::vector<std::uint32_t> partner_queue_;  // awaiting first contact, FIFO
  std::size_t partner_queue_head_ = 0;
  std::vector<std::uint32_t> partners_not_ended_;  // in referral order
  std::size_t partners_supported_ = 0;  // engaged and not ended: each takes support hours every working day
  std::vector<double> support_sums_;    // [k]: k partners' daily support hours, added one at a time
  double daso_hours_into_next_contact_ = 0.0;
  std::unordered_map<std::uint32_t, std::uint32_t> partner_of_participant_;
  std::vector<DasoContact> daso_contacts_;
};

}  // namespace probsim
