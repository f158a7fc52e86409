#include "output/task_timeliness_metrics.hpp"

#include "output/metric_names.hpp"
#include "output/recorded_ratios.hpp"

namespace probsim {

void emit_task_timeliness(const TaskFigures& t, const std::function<void(const std::string&, double)>& emit) {
  emit(metric_name::reviews_due, static_cast<double>(t.reviews_due));
  emit(metric_name::reviews_on_time_share, share(t.reviews_on_time, t.reviews_due));
  emit(metric_name::review_days_late_mean, mean_of(t.review_days_late));
  emit(metric_name::review_days_late_p90, p90_of(t.review_days_late));
  emit(metric_name::assessments_due, static_cast<double>(t.assessments_due));
  emit(metric_name::assessments_on_time_share, share(t.assessments_on_time, t.assessments_due));
  emit(metric_name::home_visits_due, static_cast<double>(t.home_visits_due));
  emit(metric_name::home_visits_on_time_share, share(t.home_visits_on_time, t.home_visits_due));
  emit(metric_name::contacts_required, static_cast<double>(t.contacts_required));
  emit(metric_name::contacts_delivered_share, share(t.contacts_delivered, t.contacts_required));
  emit(metric_name::contacts_missed, static_cast<double>(t.contacts_required - t.contacts_delivered));
}

}  // namespace probsim
