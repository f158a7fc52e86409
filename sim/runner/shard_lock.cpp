#include "runner/shard_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

namespace fs = std::filesystem;

namespace probsim {

namespace {

fs::path shard_file(const fs::path& out, const Shard& shard) {
  return out / (".shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count));
}

std::string running_shard(const fs::path& out, const Shard& shard) {
  return "another probsim batch is running shard " + shard.describe() + " of " + out.string() +
         " now, and would run every replication this one would; wait for it to finish";
}

}  // namespace

std::variant<std::optional<OutputLock>, std::string> acquire_shard_lock(const fs::path& out,
                                                                        const Shard& shard,
                                                                        std::ostream& log) {
  std::string why;
  bool elsewhere = false;
  std::optional<OutputLock> lock =
      OutputLock::acquire(shard_file(out, shard), why, OutputLock::Mode::exclusive, &elsewhere);
  if (!lock && elsewhere) return running_shard(out, shard);
  if (!lock)
    log << "probsim batch: warning: cannot lock shard " << shard.describe() << " of " << out.string()
        << ", so another process running it meanwhile would not be stopped: " << why << "\n";
  return lock;
}

std::optional<std::string> shard_lock_conflict(const fs::path& out, const Shard& shard) {
  // Opened for writing where it can be: NFS emulates flock with fcntl locks, for which an exclusive
  // request needs a file open for writing. A file that is not there holds nothing.
  const fs::path file = shard_file(out, shard).string() + ".lock";
  int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // releases the probe's own lock, if it took one
  if (held) return running_shard(out, shard);
  return std::nullopt;
}

}  // namespace probsim
