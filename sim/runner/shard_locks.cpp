#include "runner/shard_locks.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

namespace fs = std::filesystem;

namespace probsim {

namespace {

fs::path split_file(const fs::path& out, std::uint64_t count) {
  return out / (".shards-of-" + std::to_string(count));
}

fs::path shard_file(const fs::path& out, const Shard& shard) {
  return out / (".shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count));
}

// Whether another process holds any lock on `target`'s lock file: an exclusive request that would block.
// Read only (a file that is not there, or cannot be opened or locked, holds nothing this can see).
bool held(const fs::path& target) {
  const fs::path file = target.string() + ".lock";
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool blocked = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // releases the probe's lock, if it took one
  return blocked;
}

std::string running_shard(const fs::path& out, const Shard& shard) {
  return "another probsim batch is running shard " + shard.describe() + " of " + out.string() +
         " now, and would run every replication this one would; wait for it to finish" +
         (shard.count > 1 ? ", or run another shard" : "");
}

// Another split's file held: the first found, in the directory's order.
std::optional<std::string> other_split_running(const fs::path& out, const Shard& shard) {
  std::error_code error;
  const std::string own = split_file(out, shard.count).filename().string() + ".lock";
  for (const auto& entry : fs::directory_iterator(out, error)) {
    const std::string name = entry.path().filename().string();
    if (name == own || name.rfind(".shards-of-", 0) != 0 || !name.ends_with(".lock")) continue;
    const std::string count = name.substr(11, name.size() - 11 - 5);
    if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos) continue;
    if (held(out / name.substr(0, name.size() - 5)))
      return "another probsim batch split into " + count + (count == "1" ? " shard (unsharded)" : " shards") +
             " is running into " + out.string() + " now; its shards share out the replications differently " +
             "from --shard " + shard.describe() +
             ", so the two would run some twice. Wait for it to finish, " +
             "or run this batch with --shard i/" + count;
  }
  return std::nullopt;
}

}  // namespace

std::variant<ShardLocks, std::string> acquire_shard_locks(const fs::path& out, const Shard& shard,
                                                          std::ostream& log) {
  std::string why;
  bool elsewhere = false;
  std::optional<OutputLock> split =
      OutputLock::acquire(split_file(out, shard.count), why, OutputLock::Mode::shared, &elsewhere);
  // Only another split's probe takes this file exclusively, for a moment: that batch is starting.
  if (!split && elsewhere)
    return "another probsim batch is starting into " + out.string() +
           " with another --shard split; wait for it to finish";
  std::optional<OutputLock> own =
      split ? OutputLock::acquire(shard_file(out, shard), why, OutputLock::Mode::exclusive, &elsewhere)
            : std::optional<OutputLock>();
  if (split && !own && elsewhere) return running_shard(out, shard);
  if (!split || !own) {
    log << "probsim batch: warning: cannot lock shard " << shard.describe() << " of " << out.string() << " ("
        << why << "): another process running it meanwhile would not be stopped\n";
    return ShardLocks{};
  }
  if (auto other = other_split_running(out, shard)) return *other;
  return ShardLocks{std::move(split), std::move(own)};
}

std::optional<std::string> shard_lock_conflict(const fs::path& out, const Shard& shard) {
  if (held(shard_file(out, shard))) return running_shard(out, shard);
  return other_split_running(out, shard);
}

}  // namespace probsim
