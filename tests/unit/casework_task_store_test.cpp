// CaseworkTaskStore and CaseworkAgenda, the casework's storage, on their own: backlogs conserved to the
// second as tasks are given, taken back and moved; stale queue entries never coming back to life when a
// task slot or a case slot is reused; the agenda keeping only the simulated days.
#include "sentence_management/casework_task_store.hpp"

#include <gtest/gtest.h>

#include "sentence_management/casework_agenda.hpp"

namespace probsim {
namespace {

CaseworkTaskStore store_with_sara_mandated() {
  std::array<bool, kTaskKindCount> mandated{};
  mandated[static_cast<std::size_t>(TaskKind::sara)] = true;
  return CaseworkTaskStore(mandated, {PriorityCriterion::earliest_due});
}

Task task_of(TaskKind kind, WorkSeconds seconds, Day due_day, std::uint32_t case_slot = kNoCaseSlot) {
  Task t;
  t.kind = kind;
  t.seconds = seconds;
  t.due_day = due_day;
  t.case_slot = case_slot;
  t.holder = 5;  // whatever the caller says, a new task is held by nobody until given
  return t;
}

TEST(CaseworkTaskStore, ANewTaskIsOpenHeldByNobodyWithAllItsSecondsAndItsKindsMandatedFlag) {
  CaseworkTaskStore store = store_with_sara_mandated();
  const std::uint32_t sara = store.new_task(task_of(TaskKind::sara, 7200, 10));
  const std::uint32_t home_visit = store.new_task(task_of(TaskKind::home_visit, 3600, 10));
  EXPECT_TRUE(store.task(sara).open);
  EXPECT_EQ(store.task(sara).holder, kUnallocated);
  EXPECT_EQ(store.task(sara).seconds_remaining, 7200);
  EXPECT_TRUE(store.task(sara).mandated);
  EXPECT_FALSE(store.task(home_visit).mandated);
  EXPECT_EQ(store.open_tasks(), 2u);
  EXPECT_EQ(store.open_seconds(), 0) << "not yet given to anyone, not even to 'nobody'";
}

TEST(CaseworkTaskStore, GivingTakingBackAndMovingKeepEveryBacklogToTheSecond) {
  CaseworkTaskStore store = store_with_sara_mandated();
  CaseworkTaskStore::CaseTasks& c = store.start_case(0);
  c.id = 42;
  c.case_holder = 1;
  const std::uint32_t contact = store.new_contact(0, 1800, 0, 6);
  ASSERT_TRUE(CaseworkTaskStore::is_contact_index(contact));
  const std::uint32_t sara = store.new_task(task_of(TaskKind::sara, 7200, 10, 0));
  store.link_to_case(sara, 0);
  store.give(contact, 1);
  store.give(sara, 1);
  const std::uint32_t report = store.new_task(task_of(TaskKind::court_report, 900, 3));
  store.give(report, kUnallocated);
  EXPECT_EQ(store.backlog_of(1), 9000);
  EXPECT_EQ(store.unassigned_backlog(), 900);
  EXPECT_EQ(store.open_seconds(), 9900);

  store.move_case_tasks(0, 2);  // the case and both its open tasks go to practitioner 2
  EXPECT_EQ(store.case_at(0).case_holder, 2);
  EXPECT_EQ(store.backlog_of(1), 0);
  EXPECT_EQ(store.backlog_of(2), 9000);
  EXPECT_EQ(store.open_seconds(), 9900) << "moving conserves the open seconds";
  std::size_t live_for_1 = 0;
  store.queue_of(1).for_each_entry([&](const QueuedTask& e) { live_for_1 += store.is_live(e, 1) ? 1 : 0; });
  EXPECT_EQ(live_for_1, 0u) << "practitioner 1's entries went stale when the tasks moved";

  store.take_back(report);
  store.give(report, 2);
  EXPECT_EQ(store.unassigned_backlog(), 0);
  EXPECT_EQ(store.backlog_of(2), 9900);
  EXPECT_EQ(store.queue_of(2).top().task, report) << "due first (earliest_due)";
  EXPECT_EQ(store.case_id_at(contact), 42u);
  EXPECT_EQ(store.kind_at(contact), TaskKind::contact);
  EXPECT_EQ(store.case_slot_at(sara), 0u);
}

TEST(CaseworkTaskStore, AReusedTaskSlotLeavesItsEarlierQueueEntryStale) {
  CaseworkTaskStore store = store_with_sara_mandated();
  const std::uint32_t first = store.new_task(task_of(TaskKind::sara, 3600, 5));
  store.give(first, 0);
  const QueuedTask old_entry = store.queue_of(0).top();
  ASSERT_TRUE(store.is_live(old_entry, 0));
  store.take_back(first);
  store.free_task(first);
  EXPECT_EQ(store.backlog_of(0), 0);
  EXPECT_EQ(store.open_tasks(), 0u);

  const std::uint32_t second = store.new_task(task_of(TaskKind::home_visit, 600, 9));
  EXPECT_EQ(second, first) << "the freed slot is reused";
  store.give(second, 0);
  EXPECT_FALSE(store.is_live(old_entry, 0)) << "same slot and holder, but a later generation";
  std::size_t live = 0;
  store.queue_of(0).for_each_entry([&](const QueuedTask& e) { live += store.is_live(e, 0) ? 1 : 0; });
  EXPECT_EQ(live, 1u);
}

TEST(CaseworkTaskStore, ACaseSlotPassedToAnotherCaseKeepsCountingItsContactsGeneration) {
  CaseworkTaskStore store = store_with_sara_mandated();
  store.start_case(3).id = 1;
  const std::uint32_t contact = store.new_contact(3, 1800, 0, 6);
  store.give(contact, 0);
  const QueuedTask old_entry = store.queue_of(0).top();
  store.take_back(contact);
  store.free_task(contact);

  CaseworkTaskStore::CaseTasks& next = store.start_case(3);
  EXPECT_EQ(next.id, 0u) << "cleared for the new case";
  EXPECT_GT(next.generation, old_entry.generation) << "but its contact's generation kept counting";
  next.id = 2;
  store.give(store.new_contact(3, 1800, 7, 13), 0);
  EXPECT_FALSE(store.is_live(old_entry, 0)) << "the earlier case's contact never comes back to life";
  EXPECT_EQ(store.case_slots(), 4u);
}

TEST(CaseworkAgenda, KeepsItemsOnlyForTheSimulatedDaysInTheOrderScheduled) {
  CaseworkAgenda agenda(10);
  agenda.schedule(4, {7, 0, CaseworkAgenda::Kind::event});
  agenda.schedule(4, {8, 1, CaseworkAgenda::Kind::contact_window});
  agenda.schedule(11, {9, 2, CaseworkAgenda::Kind::periodic_review});  // beyond the simulation: dropped
  agenda.schedule(-1, {9, 2, CaseworkAgenda::Kind::periodic_review});
  EXPECT_FALSE(agenda.covers(11));
  EXPECT_TRUE(agenda.covers(10));
  ASSERT_EQ(agenda.items_on(4).size(), 2u);
  EXPECT_EQ(agenda.items_on(4)[0].case_id, 7u);
  EXPECT_EQ(agenda.items_on(4)[1].kind, CaseworkAgenda::Kind::contact_window);
  agenda.release(4);
  EXPECT_TRUE(agenda.items_on(4).empty());
  EXPECT_EQ(agenda.items_on(4).capacity(), 0u) << "a past day's memory is given back";

  const CaseworkAgenda none(-1);  // sentence management off
  EXPECT_FALSE(none.covers(0));
}

}  // namespace
}  // namespace probsim
