#pragma once
// How much memory a replication of a scenario will need, estimated from the scenario alone before
// anything is allocated (issue 23): on a shared node or a cluster, a run that does not fit would set off
// the operating system's out-of-memory killer against other people's work, or die of bad_alloc after
// minutes. The estimate is checked against the memory available (or --max-memory); a run over it is
// refused with the figures and the key that drives them, a run over half of it is warned about.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include "runner/memory_sizes.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// Resident memory of one replication: a fixed part plus a part per open case and per member of staff
// (below). The cases were measured with
// /usr/bin/time -v (maximum resident set size), one replication each (docs/performance.md):
//   example_pdu, 3 months, Northgate at 0 / 1,000 / 3,000 referrals a week:
//     35 / 90 / 223 MiB for 700 / 76,300 / 228,000 open cases: 0.74 and 0.90 KiB a case between them;
//   england_wales_2022 (110 PDUs, 3,160 referrals a week): 172 MiB for 240,000 open cases.
// (After merging main at 7faf0ca: 231 MiB at 3,000 a week and 176 MiB nationally.)
// The figures below are above every measurement, and Little's law with the mean sentence counts some
// 17% more open cases than there are: the estimate errs high, by about a third for one crowded PDU
// (301 MiB for 223) and by about four fifths nationally (314 MiB for 172).
inline constexpr double kBytesPerOpenCase = 1024.0;
inline constexpr double kFixedBytes = 40.0 * 1024 * 1024;
// A practitioner: `probsim bench` of example_pdu to 2023-03-31 with Northgate's PSOs at 10,000 and 100,000
// peaked at 20.5 and 104.2 MiB, 0.95 KiB a person between them (docs/performance.md). A scenario has
// a few thousand, but headcount is bounded per group, not per scenario, so a mistyped one can be millions.
inline constexpr double kBytesPerStaffMember = 1024.0;

struct MemoryEstimate {
  double open_cases = 0.0;      // the most cases open at once, summed over PDUs (Little's law)
  double imported_cases = 0.0;  // rows of a snapshot caseload (warm_start: snapshot), summed over PDUs
  double staff = 0.0;  // people in post at the start (a snapshot's staff rows) and recruited by the plan
  double bytes = 0.0;  // one replication's resident memory
  // The PDU with the most open cases, and why it has them.
  std::string pdu_key;  // regions[r].pdus[p].referrals_per_week
  std::string pdu_name;
  double pdu_per_week = 0.0, pdu_peak_season = 1.0, pdu_peak_trend = 1.0, pdu_open_cases = 0.0;
  double pdu_imported_cases = 0.0;
  double weeks_open = 0.0;  // that PDU's mean time a case stays open: its case mix's mean sentence length
  // The PDU with the most staff, and the largest single entry (a staff group's headcount, a snapshot's
  // staff rows, an intake's count), for when the staff, not the cases, drive the memory.
  std::string staff_pdu_name;
  double staff_pdu_count = 0.0;
  std::string staff_key;
  double staff_key_count = 0.0;
  std::size_t staff_key_as_large = 0;  // other entries of staff_key's size

  // Whether the staff are a tenth of the estimate or more, and so worth naming: in a real scenario
  // they are not (11,514 people against 281,000 open cases nationally).
  [[nodiscard]] bool staff_notable() const { return kBytesPerStaffMember * staff >= 0.1 * bytes; }
};

// Open cases by Little's law: each PDU's referral rate at its highest (the seasonal peak, and the trend
// compounded to the end of the report window when it grows) times the mean sentence length of the PDU's
// own case mix (a `case_mix` override, else the national one), which is at least the time a case stays
// open (cases also end early). From a snapshot, each PDU's most on any day of the window of its imported
// rows not yet at their expected end plus its referrals since day 0 (at most Little's law's figure).
// Staff: every person in post at the start and every recruit of an intake dated within the window, 1 KiB
// each (leavers are replaced one for one at most, so the stock does not grow past that).
[[nodiscard]] MemoryEstimate estimate_replication_memory(const Scenario& scenario);

struct MemoryVerdict {
  enum class Kind { fits, warn, refuse } kind = Kind::fits;
  std::string message;  // for warn and refuse
};

// What the command's own process already holds while the replications run, counted against
// --max-memory beside them: a batch's built points. Not against the memory available, which was read
// after they were built and so already leaves them out.
struct MemoryHeld {
  double bytes = 0.0;
  std::string what;  // "the sweep's 400 built points"
};

// `replications_at_once` replications of `scenario` against `limit_bytes` (--max-memory) less what is
// `held`, or, without it, against `available_bytes` (nothing: no check). Over the limit: refuse; over
// half of it: warn.
[[nodiscard]] MemoryVerdict check_memory(const Scenario& scenario, std::size_t replications_at_once,
                                         std::optional<double> limit_bytes,
                                         std::optional<double> available_bytes, const MemoryHeld& held = {});

// For the CLI: reads --max-memory's text (if given), checks, prints a warning or the refusal to `err`
// prefixed by "probsim COMMAND: ". Returns the exit status to stop with (1 refused, 2 a bad size), or
// nothing to go on.
[[nodiscard]] std::optional<int> refuse_if_memory_short(const std::string& command, const Scenario& scenario,
                                                        std::size_t replications_at_once,
                                                        const std::optional<std::string>& max_memory,
                                                        std::ostream& err, const MemoryHeld& held = {});

}  // namespace probsim
