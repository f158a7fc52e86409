#include "runner/experiment_runner.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/random_stream.hpp"
#include "engine/replication.hpp"
#include "output/atomic_file.hpp"
#include "output/case_event_log.hpp"
#include "output/csv.hpp"
#include "output/summary_statistics.hpp"
#include "runner/run_files.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

volatile sig_atomic_t g_stop_requested = 0;
void request_stop(int) {
  g_stop_requested = 1;
}

// Runs one replication in this (child) process and writes its files; returns the exit status.
int replicate_in_child(const LoadedScenario& loaded, const RunOptions& options, std::uint64_t replication,
                       const fs::path& staging) {
  try {
    const std::uint64_t seed = replication_seed(options.base_seed, replication);
    std::unique_ptr<AtomicFile> events_file;
    std::unique_ptr<CaseEventLog> events;
    if (options.events) {
      events_file = std::make_unique<AtomicFile>(replication_file(staging, replication, "events.csv"));
      events = std::make_unique<CaseEventLog>(events_file->stream(), replication, loaded.scenario.window);
    }
    const ReplicationResult result =
        run_replication(loaded.scenario, ReplicationSpec{replication, seed, events.get()});
    if (events_file) events_file->commit();
    write_replication_files(staging, replication, result);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "probsim: replication %llu failed: %s\n",
                 static_cast<unsigned long long>(replication), e.what());
    return 2;
  }
}

std::string provenance_header(const RunOptions& options) {
  std::ostringstream out;
  out << "# The exact inputs of this run: the scenario after `extends` and --set were applied.\n"
      << "# Re-run it with: probsim run <this file> --reps " << options.replications << " --seed "
      << options.base_seed << "\n"
      << "# program: probsim " << PROBSIM_VERSION << "\n"
      << "# command: " << options.command_line << "\n"
      << "# scenario file: " << options.scenario_path << "\n"
      << "# base_seed: " << options.base_seed << "\n"
      << "# replications: " << options.replications
      << " (replication r uses the seed derived from (base_seed, r); r = 1.." << options.replications
      << ")\n";
  return out.str();
}

std::string safe_directory_name(const std::string& name) {
  std::string out;
  for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return out.empty() ? "run" : out;
}

void kill_children(const std::map<pid_t, std::uint64_t>& running) {
  for (const auto& [pid, replication] : running) ::kill(pid, SIGTERM);
  for (const auto& [pid, replication] : running) ::waitpid(pid, nullptr, 0);
}

std::string format_duration(double seconds) {
  char text[32];
  if (seconds < 60)
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  else
    std::snprintf(text, sizeof text, "%dm%02ds", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  return text;
}

}  // namespace

int run_experiment(const LoadedScenario& loaded, const RunOptions& options) {
  const fs::path out_dir = options.out_dir.empty()
                               ? fs::path("results") / safe_directory_name(loaded.scenario.name)
                               : fs::path(options.out_dir);
  if (fs::exists(out_dir) && !is_replaceable_run_directory(out_dir)) {
    std::cerr << "probsim: " << out_dir.string()
              << " exists and is not a probsim run directory; choose another --out or remove it\n";
    return 1;
  }
  std::error_code error;
  if (out_dir.has_parent_path()) fs::create_directories(out_dir.parent_path(), error);
  const fs::path staging = out_dir.string() + ".partial-" + std::to_string(::getpid());
  fs::create_directories(staging / "replications", error);
  if (error) {
    std::cerr << "probsim: cannot create " << staging.string() << ": " << error.message() << "\n";
    return 1;
  }
  auto abandon = [&](const std::string& why) {
    fs::remove_all(staging, error);
    std::cerr << "probsim: " << why << "; no results were written\n";
    return 1;
  };
  write_file_atomically((staging / "scenario.resolved.yaml").string(),
                        provenance_header(options) + emit_yaml(loaded.resolved));

  struct sigaction on_stop {};
  on_stop.sa_handler = request_stop;  // no SA_RESTART: waitpid returns so the runner can clean up
  sigaction(SIGINT, &on_stop, nullptr);
  sigaction(SIGTERM, &on_stop, nullptr);

  const auto started = std::chrono::steady_clock::now();
  std::map<pid_t, std::uint64_t> running;
  std::uint64_t next = 1, done = 0;
  std::cout.flush();
  std::cerr.flush();
  while (done < options.replications) {
    while (running.size() < options.jobs && next <= options.replications) {
      const pid_t pid = ::fork();
      if (pid < 0) {
        kill_children(running);
        return abandon("cannot start a replication process");
      }
      if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        ::_exit(replicate_in_child(loaded, options, next, staging));
      }
      running.emplace(pid, next++);
    }
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (g_stop_requested) {
      kill_children(running);
      return abandon("interrupted");
    }
    if (pid < 0) continue;
    const std::uint64_t replication = running.at(pid);
    running.erase(pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      kill_children(running);
      return abandon("replication " + std::to_string(replication) + " failed" +
                     (WIFSIGNALED(status) ? " (signal " + std::to_string(WTERMSIG(status)) + ")" : ""));
    }
    ++done;
    if (!options.quiet) {
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      const double eta =
          elapsed / static_cast<double>(done) * static_cast<double>(options.replications - done);
      std::cerr << "[" << done << "/" << options.replications << "] replications done, "
                << format_duration(elapsed) << " elapsed"
                << (done < options.replications ? ", about " + format_duration(eta) + " to go" : "") << "\n";
    }
  }
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);

  std::vector<KpiSummary> summary;
  try {
    merge_replications(staging, options.replications, options.events);
    summary = summarise_kpis(staging / "kpis.csv");
    write_summary(staging / "summary.csv", summary);
  } catch (const std::exception& e) {
    return abandon(e.what());
  }
  if (!publish_run_directory(staging, out_dir))
    return abandon("cannot move the results into " + out_dir.string());

  if (!options.quiet) print_summary_table(std::cout, loaded.scenario, options, summary, out_dir);
  return 0;
}

}  // namespace probsim
