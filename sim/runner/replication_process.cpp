// One replication's child process and its files on disk: what the scheduler starts, checks and cleans.
#include "runner/replication_process.hpp"

#include <signal.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>

#include "core/random_stream.hpp"
#include "engine/replication.hpp"
#include "output/atomic_file.hpp"
#include "output/case_event_log.hpp"
#include "output/csv_reader.hpp"
#include "runner/out_of_memory.hpp"
#include "runner/run_files.hpp"
#include "runner/thread_start.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

constexpr const char* kReplicationSuffixes[] = {"timeseries.csv", "events.csv", "kpis.csv"};

}  // namespace

// Runs one replication in this (child) process and writes its files; returns the exit status.
int replicate_in_child(const ReplicationSet& set, std::uint64_t replication, std::size_t threads) {
  // The parent holds stop signals to stop its children and clean up; a child just ends.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  try {
    const std::uint64_t seed = replication_seed(set.base_seed, replication);
    std::unique_ptr<AtomicFile> events_file;
    std::unique_ptr<CaseEventLog> events;
    if (set.events) {
      events_file = std::make_unique<AtomicFile>(replication_file(set.dir, replication, "events.csv"));
      events = std::make_unique<CaseEventLog>(events_file->stream(), replication, set.scenario->window,
                                              OptionalEventRows{set.events_sessions, set.events_tasks});
    }
    const ReplicationResult result =
        run_replication(*set.scenario, ReplicationSpec{replication, seed, events.get(), threads});
    if (events_file) events_file->commit();
    write_replication_files(set.dir, replication, result);
    return 0;
  } catch (const std::bad_alloc&) {
    // Said by the parent, which knows the command's advice; the destructors have removed this
    // process's temporary files, and the parent removes the rest of an incomplete replication.
    return kOutOfMemoryExitStatus;
  } catch (const ThreadStartFailure& e) {
    // Said here, in one line naming the replication, and exit 2 as any failure the child has said: the
    // parent's out-of-memory message (exit 3) would advise a smaller scenario, where a thread's usual
    // cause is a limit on threads (the remedy a smaller --threads) and an actor's stack's a memory limit
    // on the process (the remedy a raised limit), as thread_start.hpp words them.
    std::fprintf(stderr, "probsim: %s: replication %llu %s\n", set.label.c_str(),
                 static_cast<unsigned long long>(replication),
                 describe_thread_start_failure(e, process_thread_limits(), kAdviceOfRun).c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "probsim: %s: replication %llu failed: %s\n", set.label.c_str(),
                 static_cast<unsigned long long>(replication), e.what());
    return 2;
  }
}

// The replication a file in replications/ belongs to ("rep-00012.kpis.csv" → 12), or 0.
std::uint64_t replication_of(const std::string& file_name) {
  unsigned long long r = 0;
  int consumed = 0;
  if (std::sscanf(file_name.c_str(), "rep-%llu.%n", &r, &consumed) != 1 || consumed == 0) return 0;
  return r;
}

bool is_kpis_file(const std::string& file_name) {
  const std::string suffix = ".kpis.csv";
  return file_name.size() > suffix.size() &&
         file_name.compare(file_name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Removes what a stopped or failed replication process left: its temporary files and, unless its kpis
// file made it complete, its other files too.
void remove_unfinished_files(const fs::path& dir, std::uint64_t r, pid_t child) {
  std::error_code error;
  const bool complete = replication_complete(dir, r);
  for (const char* suffix : kReplicationSuffixes) {
    const std::string file = replication_file(dir, r, suffix);
    fs::remove(file + temporary_suffix(static_cast<long>(child)), error);
    if (!complete) fs::remove(file, error);
  }
}

// Removes every file of replication r (one beyond where a precision rule stopped).
void remove_replication(const fs::path& dir, std::uint64_t r) {
  std::error_code error;
  for (const char* suffix : {"kpis.csv", "timeseries.csv", "events.csv"})  // kpis first: incomplete at once
    fs::remove(replication_file(dir, r, suffix), error);
}

bool replication_complete(const fs::path& dir, std::uint64_t replication) {
  std::error_code error;
  return fs::is_regular_file(replication_file(dir, replication, "kpis.csv"), error);
}

std::vector<std::pair<std::string, double>> read_replication_kpis(const fs::path& dir,
                                                                  std::uint64_t replication) {
  CsvReader reader = CsvReader::without_header(replication_file(dir, replication, "kpis.csv"),
                                               {"replication", "level", "unit", "kpi", "value"});
  std::vector<std::pair<std::string, double>> rows;
  while (reader.next()) {
    // The precision rule applies to the national KPIs (the rows by unit would multiply its targets).
    if (reader.field(1) != "national") continue;
    rows.emplace_back(reader.field(3), reader.number(4));
  }
  return rows;
}

void ensure_directory(const fs::path& dir) {
  // mkdir, step by step, treating "exists" as success: std::filesystem::create_directories may
  // report an error when another process creates the same directory between its check and its mkdir.
  fs::path built;
  for (const auto& part : dir) {
    built /= part;
    if (built.empty() || built == built.root_path()) continue;
    if (::mkdir(built.c_str(), 0777) != 0 && errno != EEXIST)
      throw std::runtime_error("cannot create " + built.string() + ": " + std::strerror(errno));
  }
  std::error_code error;
  if (!fs::is_directory(dir, error))
    throw std::runtime_error(dir.string() + " exists and is not a directory");
}

}  // namespace probsim
