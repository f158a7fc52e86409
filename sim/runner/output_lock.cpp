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
  // lexically_normal makes "run/." "run/", and "a/../run" "run"; the loop drops what is left after the
  // last name ("run/" is "run").
  fs::path trimmed = path.lexically_normal();
  while (!trimmed.has_filename() && trimmed.has_relative_path()) trimmed = trimmed.parent_path();
  return trimmed;
}

namespace {

// The lock file of `target`: one however the directory is named (relative, absolute, through a symbolic
// link in its parents), so that a run and a snapshot naming it differently still exclude each other.
fs::path lock_file_of(const fs::path& target) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(target, error);
  return (error ? target : canonical).string() + ".lock";
}

// Opens the lock file read-write, made if need be, or, where it exists but cannot be written (another
// user's run made it), read-only: flock works on either. -1 (errno set) when neither can.
int open_lock_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0 || (errno != EACCES && errno != EPERM && errno != EROFS)) return fd;
  const int cannot_create = errno;
  const int read_only = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  // No file to read: the reason to give is why it could not be made, not that it is not there.
  if (read_only < 0 && errno == ENOENT) errno = cannot_create;
  return read_only;
}

std::string held_by_another(OutputLock::Mode mode, const fs::path& target) {
  if (mode == OutputLock::Mode::exclusive)
    return "another probsim is writing or reading " + target.string() +
           " now (a run, snapshot, report or compare); wait for it to finish, or choose another --out";
  return "a run into " + target.string() +
         " is in progress; it will replace the directory when it ends, so wait for it to finish";
}

// Whether `fd` is still the file named `path`: a holder that finished may have removed it between our
// open and our lock, and a lock on a file nobody else will find excludes no one.
bool still_named(int fd, const fs::path& path) {
  struct stat held {};
  struct stat named {};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
         held.st_dev == named.st_dev;
}

}  // namespace

std::optional<OutputLock> OutputLock::acquire(const fs::path& named_target, std::string& why, Mode mode,
                                              bool* held_elsewhere) {
  const fs::path target = without_trailing_separator(named_target);
  const fs::path path = lock_file_of(target);
  why.clear();
  if (held_elsewhere != nullptr) *held_elsewhere = false;
  // A shared holder releasing takes the lock exclusively for a moment to remove the file (see the
  // destructor), and a batch's dry run probes a shard's lock the same way (shard_lock.cpp), so a request
  // refused is tried again for up to 0.1 s before it is put down to another holder.
  int waits_left = 20;
  for (int replaced = 0; replaced < 10;) {
    const int fd = open_lock_file(path);
    if (fd < 0) {
      // For a shared lock, nothing can be made beside the directory by this user: said (`why` names it)
      // but not refused, since the write it guards may still be possible.
      why = mode == Mode::shared
                ? "cannot make " + path.string() + " (" + std::strerror(errno) + "), so a run into " +
                      target.string() + " meanwhile would not be stopped"
                // Said of the results directory as given: the lock file beside it meant nothing to the user.
                : "cannot write the results directory " + target.string() +
                      " (--out): cannot create files in " +
                      (target.has_parent_path() ? target.parent_path().string() : std::string(".")) + ": " +
                      std::strerror(errno);
      return std::nullopt;
    }
    if (::flock(fd, (mode == Mode::exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd);
      if (error == EWOULDBLOCK && waits_left-- > 0) {
        ::usleep(5000);
        continue;
      }
      if (held_elsewhere != nullptr) *held_elsewhere = error == EWOULDBLOCK;
      why = error == EWOULDBLOCK ? held_by_another(mode, target)
                                 : "cannot lock " + path.string() + ": " + std::strerror(error);
      return std::nullopt;
    }
    if (still_named(fd, path)) {
      const std::string pid = std::to_string(::getpid()) + "\n";
      if (mode == Mode::exclusive && ::ftruncate(fd, 0) == 0 && ::write(fd, pid.data(), pid.size()) < 0) {
        // The pid in the file is for a person looking; the lock works without it (or a read-only file).
      }
      return OutputLock(path, fd, mode);
    }
    ::close(fd);
    ++replaced;
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
