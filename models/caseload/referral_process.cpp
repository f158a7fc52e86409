#include "caseload/referral_process.hpp"

#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "caseload/case.hpp"
#include "core/random_stream.hpp"

namespace probsim {

double ReferralProcess::expected_on(Day day) const {
  const CalendarDate date = CalendarDate::from_days_since_epoch(day_zero_epoch_ + day);
  const double years_from_reference = (day - trend_reference_day_) / kDaysPerYear;
  return rate_.per_week / kDaysPerWeek * std::pow(1.0 + rate_.trend_fraction_per_year, years_from_reference) *
         rate_.seasonality_multiplier[static_cast<std::size_t>(date.month - 1)];
}

std::uint32_t ReferralProcess::count_on(Day day) const {
  const double mean = expected_on(day);
  if (mean <= 0.0) return 0;
  RandomStream stream(replication_seed_, stream::kReferralCount, make_case_id(pdu_index_, day, 0));
  boost::random::poisson_distribution<std::uint32_t, double> count(mean);
  return count(stream);
}

}  // namespace probsim
