#include "runner/output_lock.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace fs = std::filesystem;

namespace probsim {

namespace {

std::string host_name() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return "host";
  std::string name = host;
  for (char& c : name)
    if (c == '-' || c == '/') c = '_';  // the pid is what follows the last '-'
  return name;
}

bool process_is_gone(long pid) {
  return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

fs::path without_trailing_separator(const fs::path& path) {
  fs::path trimmed = path;
  while (!trimmed.has_filename() && trimmed.has_relative_path()) trimmed = trimmed.parent_path();
  return trimmed;
}

std::optional<OutputLock> OutputLock::acquire(const fs::path& named_target, std::string& why, Mode mode) {
  const fs::path target = without_trailing_separator(named_target);
  // One lock file however the directory is named (relative, absolute, through a symbolic link): a run
  // and a snapshot that name it differently must still exclude each other.
  std::error_code canonical_error;
  const fs::path canonical = fs::weakly_canonical(target, canonical_error);
  const fs::path path = (canonical_error ? target : canonical).string() + ".lock";
  // The file may be removed by the holder as it finishes, between our open and our lock: then the lock
  // we got is on a file nobody else will find, so check that the name still refers to it, and retry.
  // A shared holder releasing takes the lock exclusively for a moment to remove the file (below), so a
  // shared request refused is tried again for a while before it is put down to a run.
  int shared_waits = 0;
  for (int attempt = 0; attempt < 10; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 && mode == Mode::shared) {
      // Nothing beside the directory can be created, so no run can stage its replacement there either:
      // the shared lock is not needed, and its absence is no refusal (`why` stays empty).
      why.clear();
      return std::nullopt;
    }
    if (fd < 0) {
      // Said of the results directory as given: the lock file beside it meant nothing to the user.
      why = "cannot write the results directory " + target.string() + " (--out): cannot create files in " +
            (target.has_parent_path() ? target.parent_path().string() : std::string(".")) + ": " +
            std::strerror(errno);
      return std::nullopt;
    }
    if (::flock(fd, (mode == Mode::exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd);
      if (error == EWOULDBLOCK && mode == Mode::shared && shared_waits < 20) {
        ++shared_waits;
        --attempt;
        ::usleep(5000);
        continue;
      }
      why = error != EWOULDBLOCK ? "cannot lock " + path.string() + ": " + std::strerror(error)
            : mode == Mode::exclusive
                ? "another probsim is writing or reading " + target.string() +
                      " now (a run, snapshot, report or compare); wait for it to finish, or choose another "
                      "--out"
                : "a run into " + target.string() +
                      " is in progress; it will replace the directory when it ends, so wait for it to finish";
      return std::nullopt;
    }
    struct stat held {};
    struct stat named {};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      const std::string pid = std::to_string(::getpid()) + "\n";
      if (mode == Mode::exclusive && ::ftruncate(fd, 0) == 0 && ::write(fd, pid.data(), pid.size()) < 0) {
        // The pid in the file is for a person looking; the lock works without it.
      }
      return OutputLock(path, fd, mode);
    }
    ::close(fd);
  }
  why = "cannot lock " + path.string() + ": it keeps being replaced";
  return std::nullopt;
}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), mode_(other.mode_) {
  other.fd_ = -1;
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  // The file is removed only while held exclusively, so that no other process holds it: a shared holder
  // removes it only if it can take it exclusively now (it is the last), and otherwise leaves it to the
  // last. (flock converts a lock by releasing it first, so a run may take it in between: then this
  // holder simply closes.)
  std::error_code ignored;
  if (mode_ == Mode::exclusive || ::flock(fd_, LOCK_EX | LOCK_NB) == 0) fs::remove(path_, ignored);
  ::close(fd_);
}

RunDirectoryHold hold_run_directory_of(const fs::path& written) {
  std::error_code error;
  const fs::path absolute = fs::absolute(without_trailing_separator(written), error).lexically_normal();
  if (error) return {};
  for (fs::path dir = absolute.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "scenario.resolved.yaml", error)) {
      std::string refused;
      auto lock = OutputLock::acquire(dir, refused, OutputLock::Mode::shared);
      return {std::move(lock), refused};
    }
    if (dir == dir.root_path()) break;
  }
  return {};
}

fs::path staging_directory_for(const fs::path& target) {
  return without_trailing_separator(target).string() + ".partial-" + host_name() + "-" +
         std::to_string(::getpid());
}

void reclaim_stale_staging(const fs::path& target, std::ostream& log) {
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = target.filename().string() + ".partial-" + host_name() + "-";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::stol(pid_text);
    if (!process_is_gone(pid)) continue;
    std::error_code removed;
    fs::remove_all(entry.path(), removed);
    if (!removed)
      log << "probsim: removed " << entry.path().string() << ", left unfinished by process " << pid
          << ", which is no longer running\n";
  }
}

void reclaim_stale_temporaries(const fs::path& dir, std::ostream& log) {
  char host_buffer[256] = {};
  if (::gethostname(host_buffer, sizeof host_buffer - 1) != 0 || host_buffer[0] == '\0')
    std::snprintf(host_buffer, sizeof host_buffer, "host");
  const std::string marker = std::string(".tmp.") + host_buffer + ".";  // as temporary_suffix() writes it
  std::size_t removed = 0;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(dir, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    const std::size_t at = name.rfind(marker);
    if (at == std::string::npos) continue;
    const std::string pid_text = name.substr(at + marker.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code ignored;
    if (process_is_gone(std::stol(pid_text)) && fs::remove(it->path(), ignored)) ++removed;
  }
  if (removed > 0)
    log << "probsim: removed " << removed << " temporary file" << (removed == 1 ? "" : "s") << " under "
        << dir.string() << " left by processes that are no longer running\n";
}

}  // namespace probsim
