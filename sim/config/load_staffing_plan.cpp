// `staffing_plan`: backfill of leavers and planned recruitment intakes.

#include "config/load_staff_scale.hpp"
#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

void read_backfill(FieldReader& plan, BackfillPolicy& backfill) {
  auto bf = plan.optional_map("backfill");
  if (!bf) return;
  Diagnostics& d = plan.diagnostics();
  if (auto enabled = bf->boolean("enabled", true)) backfill.enabled = *enabled;
  backfill.grades.fill(true);
  if (const ConfigNode* list = bf->node("grades", false)) {
    const std::string path = bf->child_path("grades");
    backfill.grades.fill(false);
    if (list->kind != ConfigNode::Kind::sequence) {
      d.error(list->anchor(), path, "expected a list of grades, found " + list->describe_value());
    } else {
      for (std::size_t i = 0; i < list->items.size(); ++i)
        if (auto grade = read_grade(list->items[i], path + "[" + std::to_string(i) + "]", d))
          at(backfill.grades, *grade) = true;
    }
  }
  if (auto lag = read_distribution(*bf, "recruitment_lag_weeks", true, "WEEKS", 0.0, 520.0))
    backfill.recruitment_lag_weeks = *lag;
  if (auto by_trainees = bf->boolean("po_leavers_replaced_by_trainees", false))
    backfill.po_leavers_replaced_by_trainees = *by_trainees;
  report_problems(*bf->map_node(), bf->path(), backfill.check(), d, true);
  bf->reject_unknown_keys();
}

void read_intakes(FieldReader& plan, Scenario& s) {
  const ConfigNode* list = plan.node("intakes", false);
  if (list == nullptr) return;
  Diagnostics& d = plan.diagnostics();
  const std::string path = plan.child_path("intakes");
  if (list->kind != ConfigNode::Kind::sequence) {
    d.error(list->anchor(), path, "expected a list of intakes, found " + list->describe_value());
    return;
  }
  // Intakes before report_start: the first is reported in full, the rest counted in one line, so that
  // moving report_start past a long plan gives one message, not hundreds.
  std::size_t early = 0;
  CalendarDate last_early{};
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    FieldReader item(&list->items[i], path + "[" + std::to_string(i) + "]", d);
    if (!item.ok()) continue;
    RecruitmentIntake intake;
    if (auto date = item.date("date", true)) {
      intake.date = *date;
      const RuleProblems problems = intake.check(s.window);
      const bool is_early = !problems.empty() && problems.front().key == "date";
      if (is_early) ++early;
      if (is_early && early > 1) {
        if (last_early < intake.date) last_early = intake.date;
      } else if (!problems.empty()) {
        report_problems(list->items[i], item.path(), problems, d);
      }
    }
    const ConfigNode* pdu = item.node("pdu", false);
    const ConfigNode* region = item.node("region", false);
    if ((pdu == nullptr) == (region == nullptr))
      d.error(list->items[i].anchor(), item.path(), "give exactly one of 'pdu' or 'region'");
    else if (pdu != nullptr)
      intake.pdu = find_pdu(s, *pdu, item.child_path("pdu"), d);
    else
      intake.region = find_region(s, *region, item.child_path("region"), d);
    if (const ConfigNode* grade = item.node("grade", true))
      if (auto g = read_grade(*grade, item.child_path("grade"), d)) intake.grade = *g;
    if (auto count = item.integer("count", true, 1, 100000)) intake.count = *count;
    if (auto fte = item.number("fte_each", false, 0.1, 1.0)) intake.fte_each = *fte;
    if (const ConfigNode* months = item.node("training_months_completed", false)) {
      if (intake.grade != Grade::pqip)
        d.error(months->anchor(), item.child_path("training_months_completed"),
                "applies only to grade pqip (trainees)");
      else if (auto m = item.integer("training_months_completed", false, 0,
                                     s.workforce.trainee_pipeline.training_months - 1))
        intake.training_months_completed = *m;
    }
    item.reject_unknown_keys();
    s.staffing_plan.intakes.push_back(intake);
  }
  if (early > 1)
    d.error(list->anchor(), path,
            std::to_string(early - 1) + " more intake" + (early > 2 ? "s are" : " is") +
                " dated before simulation.report_start, " + s.window.report_start.iso() + " (the latest on " +
                last_early.iso() + "); each is refused like the first");
}

}  // namespace

// Optional: without it, nobody is recruited and leavers leave vacancies.
void read_staffing_plan(FieldReader& root, Scenario& s) {
  auto plan = root.optional_map("staffing_plan");
  if (!plan) return;
  read_backfill(*plan, s.staffing_plan.backfill);
  read_intakes(*plan, s);
  read_staff_scale(*plan, s);  // after read_regions: it scales the staff lists read there
  plan->reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
