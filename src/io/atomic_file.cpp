#include "io/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

namespace lineage::io {
namespace {

base::Status Errno(std::string_view what, const std::filesystem::path& path) {
  return base::Status::IoError(fmt::format(
      "cannot {} '{}': {}", what, path.string(), std::strerror(errno)));
}

}  // namespace

base::Status WriteFileAtomically(const std::filesystem::path& where,
                                 std::string_view content) {
  // A symlink is written through: its target is replaced (or made, if it
  // dangles), the link stays.
  std::filesystem::path path = where;
  for (int hops = 0;; ++hops) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec)))
      break;
    const std::filesystem::path target =
        std::filesystem::read_symlink(path, ec);
    if (ec || hops == 40) {
      return base::Status::IoError(fmt::format(
          "cannot follow the link '{}': {}", where.string(),
          ec ? ec.message() : std::string("too many levels of links")));
    }
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  // Only a regular file is replaced: renaming over a device or a FIFO would
  // replace the system's own (as root, /dev/null).
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    return base::Status::InvalidArgument(fmt::format(
        "'{}' is not a regular file (a device, a pipe or a folder); give "
        "the name of a file to write",
        where.string()));
  }
  std::filesystem::path dir = path.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      return base::Status::IoError(fmt::format("cannot create folder '{}': {}",
                                               dir.string(), ec.message()));
    }
  }
  // mkstemp replaces the six trailing X with a unique suffix.
  std::string tmp = path.string() + ".tmp-" + std::string(6, 'X');
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return Errno("create a temporary file next to", path);
  // mkstemp creates 0600. A file that is replaced keeps its mode; a new one
  // is an ordinary file, readable like any other.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, exists ? existing.st_mode & 07777 : 0666 & ~mask);

  auto fail = [&](std::string_view what) {
    base::Status s = Errno(what, path);
    ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  };
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("flush");
  if (::close(fd) != 0) {
    base::Status s = Errno("close", path);
    ::unlink(tmp.c_str());
    return s;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    base::Status s = Errno("replace", path);
    ::unlink(tmp.c_str());
    return s;
  }
  return base::Status::Ok();
}

base::Result<std::string> ReadFile(const std::filesystem::path& path,
                                   std::size_t max_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return base::Status::NotFound(
        fmt::format("'{}' does not exist", path.string()));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return base::Status::IoError(
        fmt::format("'{}' is not a regular file", path.string()));
  }
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return base::Status::InvalidData(fmt::format(
        "'{}' is {} bytes, more than the limit of {}; is it the right file?",
        path.string(), size, max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Errno("open", path);
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.gcount() != static_cast<std::streamsize>(text.size()))
    return Errno("read", path);
  return text;
}

}  // namespace lineage::io
