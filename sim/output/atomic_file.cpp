#include "output/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace probsim {

std::string os_reason(int error_number) {
  // A stream can fail without a system call failing (errno 0): say so rather than print "Success".
  return error_number == 0 ? std::string("the stream failed") : std::string(std::strerror(error_number));
}

void append_stream(std::ostream& out, std::istream& in) {
  // `out << in.rdbuf()` sets failbit on `out` when `in` is empty (nothing was inserted), which a later
  // commit() would report as a write error: an empty part (a replication with no case events) is fine.
  if (in.peek() == std::char_traits<char>::eof()) return;
  out << in.rdbuf();
}

std::string temporary_suffix() {
  return temporary_suffix(static_cast<long>(::getpid()));
}

std::string temporary_suffix(long pid) {
  // Host and process: shards of a batch on different machines may write the same shared file (each
  // with the same content) into one directory on a shared file system, and their process ids may
  // coincide; their temporary files must not.
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') std::snprintf(host, sizeof host, "host");
  return std::string(".tmp.") + host + "." + std::to_string(pid);
}

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temporary_path_(path_ + temporary_suffix()) {
  errno = 0;
  out_.open(temporary_path_, std::ios::binary | std::ios::trunc);
  if (!out_) throw std::runtime_error("cannot create " + temporary_path_ + ": " + os_reason(errno));
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_path_, ignored);
}

void AtomicFile::commit() {
  errno = 0;
  out_.flush();
  if (!out_) throw std::runtime_error("cannot write " + temporary_path_ + ": " + os_reason(errno));
  out_.close();
  // fsync before rename, so a crash after the rename cannot expose an empty file.
  if (FILE* f = std::fopen(temporary_path_.c_str(), "rb")) {
    ::fsync(::fileno(f));
    std::fclose(f);
  }
  if (std::rename(temporary_path_.c_str(), path_.c_str()) != 0)
    throw std::runtime_error("cannot rename " + temporary_path_ + " to " + path_ + ": " + os_reason(errno));
  committed_ = true;
}

void write_file_atomically(const std::string& path, const std::string& content) {
  AtomicFile file(path);
  file.stream() << content;
  file.commit();
}

bool write_file_if_absent(const std::string& path, const std::string& content) {
  const std::string temporary = path + temporary_suffix();
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    errno = 0;
    out << content;
    out.flush();
    if (!out) {
      const int why = errno;
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw std::runtime_error("cannot write " + temporary + ": " + os_reason(why));
    }
  }
  if (FILE* f = std::fopen(temporary.c_str(), "rb")) {
    ::fsync(::fileno(f));
    std::fclose(f);
  }
  // link() fails if the name exists, where rename() would replace it: of several processes racing to
  // create the file, exactly one succeeds and the others see the winner's whole file.
  const int linked = ::link(temporary.c_str(), path.c_str());
  const int link_error = errno;
  std::error_code ignored;
  if (linked != 0 && link_error != EEXIST && !std::filesystem::exists(path, ignored)) {
    // A file system without hard links: rename instead. Two processes may then both "create" the
    // file, one after the other; they write the same content, so either result is right.
    if (std::rename(temporary.c_str(), path.c_str()) == 0) return true;
  }
  std::filesystem::remove(temporary, ignored);
  if (linked == 0) return true;
  if (link_error == EEXIST || std::filesystem::exists(path, ignored)) return false;
  throw std::runtime_error("cannot create " + path + ": " + std::strerror(link_error));
}

}  // namespace probsim
