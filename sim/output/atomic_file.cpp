#include "output/atomic_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace probsim {

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temporary_path_(path_ + ".tmp." + std::to_string(::getpid())) {
  out_.open(temporary_path_, std::ios::binary | std::ios::trunc);
  if (!out_) throw std::runtime_error("cannot create " + temporary_path_);
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_path_, ignored);
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_) throw std::runtime_error("cannot write " + temporary_path_);
  out_.close();
  // fsync before rename, so a crash after the rename cannot expose an empty file.
  if (FILE* f = std::fopen(temporary_path_.c_str(), "rb")) {
    ::fsync(::fileno(f));
    std::fclose(f);
  }
  if (std::rename(temporary_path_.c_str(), path_.c_str()) != 0)
    throw std::runtime_error("cannot rename " + temporary_path_ + " to " + path_);
  committed_ = true;
}

void write_file_atomically(const std::string& path, const std::string& content) {
  AtomicFile file(path);
  file.stream() << content;
  file.commit();
}

}  // namespace probsim
