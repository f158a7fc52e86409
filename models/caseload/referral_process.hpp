#pragma once
// Referrals to a PDU: a Poisson process whose rate is a weekly base rate, a compound annual trend and a
// calendar-month seasonality multiplier. The count on each day is drawn from a stream keyed by
// (PDU, day), so a day's referrals do not depend on any other day's parameters.

#include <array>
#include <cstdint>

#include "core/calendar_date.hpp"

namespace probsim {

struct ReferralRate {
  double per_week = 0.0;
  // Compound growth per year, relative to the rate at the trend's reference date (the report start).
  double trend_fraction_per_year = 0.0;
  std::array<double, 12> seasonality_multiplier{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // January first
};

class ReferralProcess {
 public:
  // `day_zero` is the calendar date of simulation day 0; `trend_reference_day` the day the trend is 1.
  ReferralProcess(ReferralRate rate, CalendarDate day_zero, Day trend_reference_day, std::uint32_t pdu_index,
                  std::uint64_t replication_seed)
      : rate_(rate),
        day_zero_epoch_(day_zero.days_since_epoch()),
        trend_reference_day_(trend_reference_day),
        pdu_index_(pdu_index),
        replication_seed_(replication_seed) {}

  [[nodiscard]] double expected_on(Day day) const;
  [[nodiscard]] std::uint32_t count_on(Day day) const;

 private:
  ReferralRate rate_;
  std::int64_t day_zero_epoch_;
  Day trend_reference_day_;
  std::uint32_t pdu_index_;
  std::uint64_t replication_seed_;
};

}  // namespace probsim
