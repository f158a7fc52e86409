#pragma once
// Cumulative staff flows a PDU keeps from day 0, by grade. Like OfficeCounters they only grow, so any
// period's flow is the difference of two snapshots. Stock and flow: for every grade,
//   in post at t0 + joined + moved_in − left − moved_out = in post at t1
// in headcount and in FTE, where a move is a change of grade (PQiP qualifying as PO, PSO starting PQiP).

#include <cstdint>

#include "workforce/grade.hpp"

namespace probsim {

struct StaffFlow {
  std::int64_t headcount = 0;
  double fte = 0.0;
  void add(double person_fte) {
    headcount += 1;
    fte += person_fte;
  }
};

struct StaffCounters {
  PerGrade<StaffFlow> joined{};
  PerGrade<StaffFlow> left{};
  PerGrade<StaffFlow> moved_in{};
  PerGrade<StaffFlow> moved_out{};
  std::int64_t trainees_qualified = 0;
  std::int64_t backfills_not_needed = 0;  // a replacement arrived but the grade was at establishment
  // Σ over days of the FTE in post, by grade (FTE-days), for rates per FTE-year.
  PerGrade<double> fte_days_in_post{};
  // Sickness: hours of episodes as drawn when they began, and hours actually lost day by day (working
  // days absent × daily contracted hours). They agree for every episode that runs its course.
  double sickness_hours_drawn = 0.0;
  double sickness_hours_lost = 0.0;
  std::int64_t sickness_episodes = 0;
};

}  // namespace probsim
