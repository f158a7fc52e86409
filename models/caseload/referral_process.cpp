#include "caseload/referral_process.hpp"

#include <boost/random/poisson_distribution.hpp>
#include <algorithm>
#include <cmath>

#include "caseload/case.hpp"
#include "core/random_stream.hpp"

namespace probsim {

double ReferralProcess::expected_on(Day day) const {
  const CalendarDate date = CalendarDate::from_days_since_epoch(day_zero_epoch_ + day);
  // The trend compounds from report_start only. Before it (the warm-up, and the pre-history replayed for
  // a steady-state warm start) the rate is flat: applied backwards, a falling trend would make the past
  // exponentially busier (-99% a year over a 12-year look-back is a 10^24-fold rate) and inflate the
  // starting caseload, and the steady state is defined only for a flat rate.
  const double years_from_reference = std::max(0, day - trend_reference_day_) / kDaysPerYear;
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
