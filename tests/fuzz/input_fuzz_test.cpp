// Malformed inputs made from the shipped ones (issue 23): scenario files, sweep files and --set
// overrides, each with one defect (a key deleted, a type changed, a negative or huge number, an unknown
// key, the file cut short, a bad date, a duplicate key, an alias, a second document, ...), generated
// from a fixed seed so that every run tries the same cases. For each, probsim must
//   - not die by a signal (no abort on bad_alloc, no segfault) and not hang (a timeout per command);
//   - either accept it, or refuse it with a located message: FILE:LINE or the key (key '...');
//   - leave no output behind when it refuses (no --out directory, no DIR.partial-*, no *.tmp.*).
// Scenarios it accepts are run for one replication of one month where the scenario is small. The test
// prints how many cases of each kind were tried, refused and accepted.

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_test_support.hpp"
#include "fuzz/yaml_mutator.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

// The first line of `after` that differs from `before`, for the log of accepted mutants.
std::string first_change(const std::string& before, const std::string& after) {
  const auto a = split_lines(before), b = split_lines(after);
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i)
    if (i >= a.size() || i >= b.size() || a[i] != b[i])
      return "line " + std::to_string(i + 1) + " '" + (i < a.size() ? a[i] : "") + "' -> '" +
             (i < b.size() ? b[i] : "") + "'";
  return "no change";
}

struct Source {
  std::string name;
  std::string text;
  bool sweep;
  bool runnable;  // small enough to run a month of once accepted
};

std::string read_shipped(const std::string& relative) {
  std::string text = read_file(source_path(relative));
  const std::string scenarios = source_path("scenarios") + "/";
  // The mutants live elsewhere: the paths they name are made absolute.
  auto lines = split_lines(text);
  for (auto& line : lines) {
    if (line.rfind("extends: ", 0) == 0) line = "extends: " + scenarios + line.substr(9);
    line = std::regex_replace(line, std::regex(R"(\.\./)"), scenarios);
  }
  return join_lines(lines);
}

// Dotted --set paths of every scalar in a resolved scenario: regions.0.pdus.1.referrals_per_week, ...
void scalar_paths(const YAML::Node& node, const std::string& prefix, std::vector<std::string>& out) {
  if (node.IsMap()) {
    for (const auto& entry : node)
      scalar_paths(entry.second, (prefix.empty() ? "" : prefix + ".") + entry.first.as<std::string>(), out);
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      scalar_paths(node[i], prefix + "." + std::to_string(i), out);
  } else if (!prefix.empty()) {
    out.push_back(prefix);
  }
}

#ifdef PROBSIM_FUZZ_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
// Every case is generated (the same sequence either way); under the sanitizers every third is run.
constexpr std::size_t kStride = kSanitized ? 3 : 1;

struct Tally {
  std::size_t tried = 0, refused = 0, accepted = 0, ran = 0;
};

class Checker {
 public:
  explicit Checker(fs::path work) : work_(std::move(work)) {}

  // Runs probsim with `arguments`; checks the outcome and returns whether it was accepted.
  bool check(const std::string& label, const std::string& arguments, const fs::path& out, Tally& tally) {
    ++tally.tried;
    // A bound on memory and time, so that a regression fails this test rather than the machine (no
    // memory bound under AddressSanitizer, whose shadow memory needs terabytes of address space).
    const CommandResult result =
        run_shell(std::string(kSanitized ? "timeout -k 2 60 " : "ulimit -v 6000000; timeout -k 2 20 ") +
                  probsim_binary() + " " + arguments);
    const std::string where = label + "\n  probsim " + arguments + "\n" + result.output;
    EXPECT_NE(result.exit_status, 124) << "hung (timed out): " << where;
    EXPECT_TRUE(result.exit_status >= 0 && result.exit_status < 124) << "died by a signal: " << where;
    for (const char* crash : {"terminate called", "bad_alloc", "Segmentation", "Aborted", "AddressSanitizer"})
      EXPECT_EQ(result.output.find(crash), std::string::npos) << crash << ": " << where;
    for (const auto& entry : fs::directory_iterator(out.parent_path())) {
      const std::string name = entry.path().filename().string();
      EXPECT_TRUE(name.find(".partial-") == std::string::npos && name.find(".tmp.") == std::string::npos)
          << "left " << name << ": " << where;
    }
    if (result.exit_status == 0) {
      ++tally.accepted;
      std::error_code ignored;
      fs::remove_all(out, ignored);
      return true;
    }
    ++tally.refused;
    EXPECT_TRUE(std::regex_search(result.output, kLocated)) << "refused without FILE:LINE or key: " << where;
    EXPECT_FALSE(fs::exists(out)) << "refused but left " << out << ": " << where;
    return false;
  }

 private:
  const std::regex kLocated{R"((\.ya?ml:[0-9]+)|(key '[^']+'))"};
  fs::path work_;
};

TEST(InputFuzz, MalformedScenariosSweepsAndOverridesAreRefusedWithALocatedMessageAndLeaveNothing) {
  const auto started = std::chrono::steady_clock::now();
  const fs::path work = fresh_directory("input-fuzz");
  fs::create_directories(work / "in");
  fs::create_directories(work / "out");
  Random random(23);  // issue 23
  Checker checker(work);
  std::map<std::string, Tally> tallies;      // by input kind
  std::map<std::string, Tally> by_mutation;  // by defect

  const std::vector<Source> sources = {
      {"example_pdu", read_shipped("scenarios/example_pdu.yaml"), false, true},
      {"bbr_capacity", read_shipped("scenarios/bbr_capacity.yaml"), false, true},
      {"rag_example", read_shipped("scenarios/rag_example.yaml"), false, false},
      {"rag_protect_da", read_shipped("scenarios/rag_protect_da.yaml"), false, false},
      {"staffing_plan_baseline", read_shipped("scenarios/staffing_plan_baseline.yaml"), false, false},
      {"staffing_plan_recruit", read_shipped("scenarios/staffing_plan_recruit.yaml"), false, false},
      {"england_wales_2022", read_shipped("scenarios/england_wales_2022.yaml"), false, false},
      {"bench_national", read_shipped("scenarios/bench_national.yaml"), false, false},
      {"england_wales_defaults", read_shipped("scenarios/base/england_wales_defaults.yaml"), false, false},
      {"southbridge_staffing", read_shipped("scenarios/sweeps/southbridge_staffing.yaml"), true, false},
      {"bbr_facilitators", read_shipped("scenarios/sweeps/bbr_facilitators.yaml"), true, false},
      {"bbr_sensitivity", read_shipped("scenarios/sweeps/bbr_sensitivity.yaml"), true, false},
      {"england_wales_2022_enforcement", read_shipped("scenarios/sweeps/england_wales_2022_enforcement.yaml"),
       true, false},
  };
  const std::string tiny_run =
      " --reps 1 --jobs 1 --quiet --set simulation.report_start=2023-01-01 --set "
      "simulation.report_end=2023-01-31 "
      "--set simulation.warm_up_weeks=0";

  // Scenario and sweep files: one mutant of each of the 13 files per round, each with a defect drawn at
  // random.
  std::size_t n = 0;
  for (std::size_t round = 0; round < 26; ++round) {
    for (const Source& source : sources) {
      Mutator mutator(source.text, random);
      const Mutant mutant = mutator.make(random.below(20));
      // (Shifted by the round, so that with a stride of 3 every source is still tried.)
      if ((++n + round) % kStride != 0) continue;
      const fs::path file =
          work / "in" / ("m" + std::to_string(n) + (source.sweep ? "-sweep.yaml" : ".yaml"));
      write_file(file, mutant.text);
      const fs::path out = work / "out" / ("m" + std::to_string(n));
      const std::string label = source.name + ", " + mutant.kind + " (" + file.string() + ")";
      Tally& kind = tallies[source.sweep ? "sweep file" : "scenario file"];
      if (source.sweep) {
        checker.check(label, "batch '" + file.string() + "' --dry-run --quiet --out '" + out.string() + "'",
                      out, kind);
        EXPECT_FALSE(fs::exists(out)) << "--dry-run wrote " << out;
        continue;
      }
      Tally& mutation = by_mutation[mutant.kind];
      const bool accepted = checker.check(label, "validate '" + file.string() + "'", out, kind);
      ++mutation.tried;
      (accepted ? mutation.accepted : mutation.refused)++;
      if (accepted)
        std::cout << "accepted: " << label << ": " << first_change(source.text, mutant.text) << "\n";
      if (accepted && source.runnable) {
        ++kind.ran;
        checker.check(label + ", run",
                      "run '" + file.string() + "'" + tiny_run + " --out '" + out.string() + "'", out,
                      tallies["scenario file, run"]);
      }
    }
  }

  // --set overrides on example_pdu: a defect in the value of a scalar the scenario has, or a path it
  // has not.
  {
    const fs::path base = work / "out" / "resolved";
    const CommandResult made =
        run_probsim("run scenarios/example_pdu.yaml" + tiny_run + " --out '" + base.string() + "'");
    ASSERT_EQ(made.exit_status, 0) << made.output;
    std::vector<std::string> paths;
    scalar_paths(YAML::LoadFile((base / "scenario.resolved.yaml").string()), "", paths);
    fs::remove_all(base);
    ASSERT_GT(paths.size(), 100u);
    const std::vector<std::string> values = {
        "-1",     "1e300",     "many",  "[1",         "{a: 1}",
        "",       ".nan",      "-.inf", "2023-02-30", "*a",
        "&a [1]", "1613x",     "null",  "0",          "99999999999999999999",
        "true",   "\"\\x01\"", "[]",    "&a [*a]"};  // the last: an alias inside itself
    for (std::size_t i = 0; i < 120; ++i) {
      std::string path = random.pick(paths);
      std::string value = random.pick(values);
      switch ((i / kStride) % 6) {
        case 4:
          path += "x";
          value = "1";
          break;  // a key the scenario has not
        case 5:
          path = path.substr(0, path.rfind('.')) + ".99.x";
          break;  // an index past the end
        default:
          break;
      }
      const fs::path out = work / "out" / ("s" + std::to_string(i));
      if (i % kStride != 0) continue;
      const std::string setting = "'" + path + "=" + value + "'";
      // Accepted overrides are run: a month of example_pdu.
      if (checker.check("--set " + setting,
                        "run scenarios/example_pdu.yaml" + tiny_run + " --set " + setting + " --out '" +
                            out.string() + "'",
                        out, tallies["--set override, run"]))
        std::cout << "accepted: --set " << setting << "\n";
    }
  }

  std::size_t total = 0;
  std::cout << "input fuzz: cases by input (tried / refused with a located message / accepted):\n";
  for (const auto& [kind, t] : tallies) {
    std::cout << "  " << kind << ": " << t.tried << " / " << t.refused << " / " << t.accepted << "\n";
    total += t.tried;
  }
  std::cout << "scenario defects (tried / refused / accepted):\n";
  for (const auto& [kind, t] : by_mutation)
    std::cout << "  " << kind << ": " << t.tried << " / " << t.refused << " / " << t.accepted << "\n";
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "input fuzz: " << total << " probsim commands in " << seconds << " s\n";
  EXPECT_GE(total, 300u / kStride);
}

}  // namespace
}  // namespace probsim::testing
