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

// `path` without a trailing separator or "." ("out/run/" and "out/run/." are "out/run"), so that the lock
// file and the staging directory sit beside the directory, not inside it, however the user typed its name.
[[nodiscard]] std::filesystem::path without_trailing_separator(const std::filesystem::path& path);

class OutputLock {
 public:
  // exclusive: a run replacing `target`. shared: a command that reads a run or writes into it beside
  // the run's own files (snapshot, report, compare); several may hold it at once, and while any does, a
  // run into `target` is refused, so it cannot delete what they write.
  enum class Mode { exclusive, shared };

  // Locks `target` (through the file `target` + ".lock", removed on release by the last holder).
  // Returns nothing, with `why` set, if another process holds it in a mode that excludes this one, or
  // the lock file can be neither made nor opened.
  // `held_elsewhere`, if given, is set to whether the failure was another process's lock (as opposed
  // to a lock file that could not be made).
  static std::optional<OutputLock> acquire(const std::filesystem::path& target, std::string& why,
                                           Mode mode = Mode::exclusive, bool* held_elsewhere = nullptr);
  ~OutputLock();
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;

 private:
  OutputLock(std::filesystem::path path, int fd, Mode mode) : path_(std::move(path)), fd_(fd), mode_(mode) {}
  std::filesystem::path path_;
  int fd_ = -1;
  Mode mode_ = Mode::exclusive;
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
