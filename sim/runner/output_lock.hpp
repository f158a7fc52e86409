#pragma once
// What keeps a run's output directory whole when more than one process is involved:
// - an exclusive lock on the target, so that two `probsim run` into one --out cannot both report
//   success while only one directory survives;
// - the staging directories (`DIR.partial-<host>-<pid>`) that a process killed by SIGKILL (the one
//   signal it cannot catch) left behind, reclaimed by the next run into the same target.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

namespace probsim {

class OutputLock {
 public:
  // Locks `target` (through the file `target` + ".lock", removed on release). Returns nothing, with
  // `why` set, if another process holds it or the lock file cannot be made.
  static std::optional<OutputLock> acquire(const std::filesystem::path& target, std::string& why);
  ~OutputLock();
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;

 private:
  OutputLock(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::filesystem::path path_;
  int fd_ = -1;
};

// "DIR.partial-<host>-<pid>" for this process.
[[nodiscard]] std::filesystem::path staging_directory_for(const std::filesystem::path& target);

// Removes every staging directory of `target` made on this host by a process that is no longer
// running, saying so on `log`. Those of live processes, and of other hosts (on a shared file system a
// process id says nothing), are left alone.
void reclaim_stale_staging(const std::filesystem::path& target, std::ostream& log);

// Removes every temporary file (`NAME.tmp.<host>.<pid>`, see AtomicFile) under `dir` that a process on
// this host which is no longer running left behind, and says how many on `log`.
void reclaim_stale_temporaries(const std::filesystem::path& dir, std::ostream& log);

}  // namespace probsim
