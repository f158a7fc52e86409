#pragma once
// The PDU office actor: a long-lived SimGrid actor that wakes once per simulated day and lets its
// office do the day's work (DESIGN.md: few long-lived actors with their own agendas, never one per case).

#include "core/calendar_date.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

class OfficeActor {
 public:
  OfficeActor(PduOffice& office, Day last_day) : office_(office), last_day_(last_day) {}
  void operator()() const;

 private:
  PduOffice& office_;
  Day last_day_;
};

}  // namespace probsim
