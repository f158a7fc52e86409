#pragma once
// A region's workforce over time (docs/architecture.md: one workforce actor per region): leavers, backfill
// recruitment, dated intakes, the PQiP pipeline, PSO-to-PQiP progression and sickness, as an agenda of
// dated staff events applied to the region's PDU offices before each day's casework.
//
// Staff in post are as the scenario describes them on the report start: during the warm-up only
// sickness runs (the warm-up settles caseloads, not staffing), and leaving, recruitment and training
// begin on the first report day.

#include <cstdint>
#include <optional>
#include <queue>
#include <vector>

#include "core/simulation_window.hpp"
#include "workforce/new_staff.hpp"
#include "workforce/staff_roster.hpp"
#include "workforce/staffing_plan.hpp"
#include "workforce/workforce_rules.hpp"

namespace probsim {

class RegionWorkforce {
 public:
  // `offices` are the region's PDUs (the scenario's `regions[region_index]`); `pdu_indices[k]` is
  // offices[k]'s index in the scenario. `rules`, `plan` and `window` are the scenario's `workforce`,
  // `staffing_plan` and `simulation` (they must outlive the model); from the WMT settings
  // (`caseload.workload`), a joiner's default contracted hours and the day the responsive weighting
  // starts, if any (WMT-7).
  RegionWorkforce(const WorkforceRules& rules, const StaffingPlan& plan, const SimulationWindow& window,
                  double default_contracted_hours_per_week,
                  std::optional<CalendarDate> responsive_weighting_from, std::size_t region_index,
                  std::vector<StaffRoster*> offices, std::vector<std::size_t> pdu_indices,
                  std::uint64_t replication_seed);

  // Schedules the events of everyone in post and the plan's intakes for this region.
  void start();

  [[nodiscard]] std::optional<Day> next_event_day() const;
  // Applies every event due on `day`, in the order they were scheduled.
  void run_events_on(Day day);

 private:
  enum class EventKind : std::uint8_t {
    leave,
    progression,
    pipeline_step,
    sickness_onset,
    sickness_end,
    reduction_end,  // a reduction imported from a snapshot ends on the day its row gives
    backfill_arrival,
    intake,
    responsive_weighting  // the WMT refresh (WMT-7) takes effect in every office of the region
  };
  struct Event {
    Day day = 0;
    std::uint64_t sequence = 0;
    EventKind kind = EventKind::leave;
    std::uint32_t office = 0;  // local index into offices_
    PractitionerIndex who = kUnallocated;
    StaffId id = 0;
    std::uint16_t epoch = 0;
    Grade grade = Grade::po;     // backfill_arrival
    double fte = 0.0;            // backfill_arrival
    bool fills_po_post = false;  // backfill_arrival: a trainee recruited to a PO leaver's post
    std::size_t intake = 0;      // intake: index into the plan's intakes
    bool operator>(const Event& other) const {
      return day != other.day ? day > other.day : sequence > other.sequence;
    }
  };

  void schedule(Event event);
  // The end of something a snapshot gave a member of staff (long-term sickness, a reduction) on `day`.
  void schedule_end_of(EventKind kind, Day day, std::uint32_t office, PractitionerIndex who, StaffId id);
  // Schedules a person's leaving, progression, pipeline steps (from `career_from`) and first sickness
  // onset (from `sickness_from`).
  void schedule_person(std::uint32_t office, PractitionerIndex who, Day career_from, Day sickness_from);
  // The stage changes of a trainee's (or NQO's) pipeline after `from`.
  void schedule_pipeline_steps(std::uint32_t office, PractitionerIndex who, Day from);
  // Leaving, and for a PSO the move to PQiP, each at its yearly rate (exponential times).
  void schedule_leaving(std::uint32_t office, PractitionerIndex who, Day from);
  // `kind` for the person after an exponential time at `rate_per_year` from `from`, drawn from the
  // person's own stream `stream_key` for their grade (the grade epoch), if it falls within the run.
  void schedule_at_exponential_time(EventKind kind, std::uint64_t stream_key, double rate_per_year,
                                    std::uint32_t office, PractitionerIndex who, Day from);
  void schedule_sickness_onset(std::uint32_t office, PractitionerIndex who, Day from);
  [[nodiscard]] bool still_in_post(const Event& event);

  void on_leave(const Event& event);
  void on_progression(const Event& event);
  void on_pipeline_step(const Event& event);
  void on_sickness_onset(const Event& event);
  void on_sickness_end(const Event& event);
  void on_reduction_end(const Event& event);
  void on_backfill_arrival(const Event& event);
  void on_intake(const Event& event);
  void on_responsive_weighting();

  // A replacement for a post left on `day` (leaving, or a PSO starting PQiP), if the policy says so.
  void request_backfill(std::uint32_t office, const Practitioner& leaver, Day day);
  PractitionerIndex recruit(std::uint32_t office, const NewStaffMember& spec, Day day);
  [[nodiscard]] std::uint32_t office_with_largest_vacancy(Grade grade) const;
  [[nodiscard]] Day day_of(const CalendarDate& date) const;

  const WorkforceRules& rules_;
  const StaffingPlan& plan_;
  const SimulationWindow& window_;
  double default_contracted_hours_per_week_;
  std::optional<CalendarDate> responsive_weighting_from_;
  std::size_t region_index_;
  std::vector<StaffRoster*> offices_;
  std::vector<std::size_t> pdu_indices_;
  std::uint64_t seed_;
  Day first_report_day_;
  Day last_day_;
  double onsets_per_well_day_;
  std::uint64_t next_sequence_ = 0;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> agenda_;
};

}  // namespace probsim
