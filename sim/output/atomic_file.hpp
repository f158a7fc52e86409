#pragma once
// Files appear whole or not at all: content goes to a temporary name in the same directory, is flushed
// to disk, and is then renamed over the final name (rename is atomic within a file system). A run that
// is killed leaves at most a ".tmp" file, never a half file under the real name.

#include <fstream>
#include <istream>
#include <ostream>
#include <string>

namespace probsim {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // discards the temporary file if commit() was not called
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ofstream& stream() { return out_; }
  void commit();  // throws std::runtime_error if anything failed

 private:
  std::string path_;
  std::string temporary_path_;
  std::ofstream out_;
  bool committed_ = false;
};

void write_file_atomically(const std::string& path, const std::string& content);

// Appends all of `in` to `out`; an empty `in` appends nothing and leaves `out` good.
void append_stream(std::ostream& out, std::istream& in);

// The operating system's reason for `error_number` (strerror), for messages that name a file.
[[nodiscard]] std::string os_reason(int error_number);

// Creates `path` with `content`, whole, unless it already exists. Returns true if this call created it,
// false if the file was there already (its content is then left as it was). Safe when several
// processes, on one machine or several sharing a file system, race to create the same file.
[[nodiscard]] bool write_file_if_absent(const std::string& path, const std::string& content);

// ".tmp.<host>.<pid>": what AtomicFile appends to a path for its temporary file. A file whose name
// contains ".tmp." is never a finished result.
[[nodiscard]] std::string temporary_suffix();
[[nodiscard]] std::string temporary_suffix(long pid);  // that of another process on this host

}  // namespace probsim
