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

std::optional<OutputLock> OutputLock::acquire(const fs::path& target, std::string& why) {
  const fs::path path = target.string() + ".lock";
  // The file may be removed by the holder as it finishes, between our open and our lock: then the lock
  // we got is on a file nobody else will find, so check that the name still refers to it, and retry.
  for (int attempt = 0; attempt < 10; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      // Said of the results directory as given: the lock file beside it meant nothing to the user.
      why = "cannot write the results directory " + target.string() + " (--out): cannot create files in " +
            (target.has_parent_path() ? target.parent_path().string() : std::string(".")) + ": " +
            std::strerror(errno);
      return std::nullopt;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd);
      why = error == EWOULDBLOCK ? "another probsim is writing " + target.string() +
                                       " now; wait for it to finish, or choose another --out"
                                 : "cannot lock " + path.string() + ": " + std::strerror(error);
      return std::nullopt;
    }
    struct stat held {};
    struct stat named {};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      const std::string pid = std::to_string(::getpid()) + "\n";
      if (::ftruncate(fd, 0) == 0 && ::write(fd, pid.data(), pid.size()) < 0) {
        // The pid in the file is for a person looking; the lock works without it.
      }
      return OutputLock(path, fd);
    }
    ::close(fd);
  }
  why = "cannot lock " + path.string() + ": it keeps being replaced";
  return std::nullopt;
}

OutputLock::OutputLock(OutputLock&& other) noexcept : path_(std::move(other.path_)), fd_(other.fd_) {
  other.fd_ = -1;
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  std::error_code ignored;
  fs::remove(path_, ignored);  // while still held, so no other process can be holding this file
  ::close(fd_);
}

fs::path staging_directory_for(const fs::path& target) {
  return target.string() + ".partial-" + host_name() + "-" + std::to_string(::getpid());
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
