#include "output/task_timeliness_metrics.hpp"

#include "output/metric_names.hpp"
#include "output/recorded_ratios.hpp"

namespace probsim {

void emit_task_timeliness(const TaskFigures& t, const std::function<void(const std::string&, double)>& emit) {
  const CaseTaskTimeliness& c = t.all_cases;
  emit(metric_name::reviews_due, static_cast<double>(c.reviews_due()));
  emit(metric_name::reviews_on_time_share, share(c.reviews_on_time(), c.reviews_due()));
  emit(metric_name::review_days_late_mean, mean_of(t.review_days_late));
  emit(metric_name::review_days_late_p90, p90_of(t.review_days_late));
  emit(metric_name::assessments_due, static_cast<double>(c.assessments_due));
  emit(metric_name::assessments_on_time_share, share(c.assessments_on_time, c.assessments_due));
  emit(metric_name::home_visits_due, static_cast<double>(t.home_visits_due));
  emit(metric_name::home_visits_on_time_share, share(t.home_visits_on_time, t.home_visits_due));
  emit(metric_name::contacts_required, static_cast<double>(c.contacts_required));
  emit(metric_name::contacts_delivered_share, share(c.contacts_delivered, c.contacts_required));
  emit(metric_name::contacts_missed, static_cast<double>(c.contacts_required - c.contacts_delivered));
}

void emit_review_kinds(const TaskFigures& t, const std::function<void(const std::string&, double)>& emit) {
  auto kind = [&](const char* due_name, const char* share_name, std::int64_t due, std::int64_t on_time) {
    emit(due_name, static_cast<double>(due));
    emit(share_name, share(on_time, due));
  };
  const CaseTaskTimeliness& c = t.all_cases;
  kind(metric_name::periodic_reviews_due, metric_name::periodic_reviews_on_time_share, c.periodic_reviews_due,
       c.periodic_reviews_on_time);
  kind(metric_name::event_reviews_due, metric_name::event_reviews_on_time_share, c.event_reviews_due,
       c.event_reviews_on_time);
  const CaseTaskTimeliness& da = t.domestic_abuse;
  kind(metric_name::periodic_reviews_domestic_abuse_due,
       metric_name::periodic_reviews_domestic_abuse_on_time_share, da.periodic_reviews_due,
       da.periodic_reviews_on_time);
  kind(metric_name::event_reviews_domestic_abuse_due, metric_name::event_reviews_domestic_abuse_on_time_share,
       da.event_reviews_due, da.event_reviews_on_time);
}

void emit_domestic_abuse_timeliness(const TaskFigures& t, bool risk_management_plans,
                                    const std::function<void(const std::string&, double)>& emit) {
  const CaseTaskTimeliness& da = t.domestic_abuse;
  emit(metric_name::reviews_domestic_abuse_due, static_cast<double>(da.reviews_due()));
  emit(metric_name::reviews_domestic_abuse_on_time_share, share(da.reviews_on_time(), da.reviews_due()));
  emit(metric_name::assessments_domestic_abuse_due, static_cast<double>(da.assessments_due));
  emit(metric_name::assessments_domestic_abuse_on_time_share,
       share(da.assessments_on_time, da.assessments_due));
  emit(metric_name::contacts_domestic_abuse_required, static_cast<double>(da.contacts_required));
  emit(metric_name::contacts_domestic_abuse_delivered_share,
       share(da.contacts_delivered, da.contacts_required));
  if (!risk_management_plans) return;
  emit(metric_name::risk_management_plans_domestic_abuse_due,
       static_cast<double>(da.risk_management_plans_due));
  emit(metric_name::risk_management_plans_domestic_abuse_on_time_share,
       share(da.risk_management_plans_on_time, da.risk_management_plans_due));
}

}  // namespace probsim
