#include "io/line_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace lineage::io {
namespace {

constexpr std::size_t kBlock = std::size_t{4} << 20;

}  // namespace

base::Status LineReader::Open(const std::string& path,
                              std::size_t max_file_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return base::Status::NotFound(fmt::format("'{}' does not exist", path));
  if (!std::filesystem::is_regular_file(status))
    return base::Status::IoError(
        fmt::format("'{}' is not a regular file", path));
  size_ = std::filesystem::file_size(path, ec);
  if (!ec && size_ > max_file_bytes) {
    return base::Status::InvalidData(fmt::format(
        "'{}' is {} bytes, more than the limit of {}; is it the right file?",
        path, size_, max_file_bytes));
  }
  file_.reset(std::fopen(path.c_str(), "rb"));
  if (!file_)
    return base::Status::IoError(
        fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  path_ = path;
  return base::Status::Ok();
}

bool LineReader::Fill() {
  if (eof_ || !file_) {
    eof_ = true;
    return false;
  }
  // Keep the unread bytes, then read a block after them.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // A small file needs no 4 MiB block: the buffer is sized to the file
  // (a few bytes more, to see its end), at least 64 KiB.
  const std::size_t block =
      size_ > 0 ? std::min(kBlock, std::max<std::size_t>(size_ + 1, 64 << 10))
                : kBlock;
  if (buffer_.size() < end_ + block) buffer_.resize(end_ + block);
  std::size_t got = std::fread(buffer_.data() + end_, 1, block, file_.get());
  if (got < block) {
    eof_ = true;
    if (std::ferror(file_.get()))
      status_ = base::Status::IoError(
          fmt::format("cannot read '{}': {}", path_, std::strerror(errno)));
  }
  end_ += got;
  return got > 0;
}

bool LineReader::Next(TextLine* line) {
  bool overlong = false;
  std::uint64_t dropped = 0;  // Bytes of an overlong line already skipped.
  std::size_t scanned = 0;    // Unread bytes known to hold no newline.
  while (true) {
    const char* start = buffer_.data() + begin_;
    const std::size_t avail = end_ - begin_;
    const void* nl = std::memchr(start + scanned, '\n', avail - scanned);
    if (nl != nullptr || eof_) {
      std::size_t len =
          nl != nullptr
              ? static_cast<std::size_t>(static_cast<const char*>(nl) - start)
              : avail;
      if (nl == nullptr && len == 0 && !overlong) return false;
      std::size_t advance = len + (nl != nullptr ? 1 : 0);
      begin_ += advance;
      consumed_ += advance;
      std::string_view text(start, len);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      line->text = overlong ? std::string_view(head_) : text;
      line->overlong = overlong;
      line->length = dropped + text.size();
      line->number = ++number_;
      return true;
    }
    // No newline yet: an overlong line keeps its head and drops the rest,
    // so a 10 GB line costs no more memory than a short one.
    if (!overlong && avail > max_line_) {
      head_.assign(start, max_line_);
      overlong = true;
    }
    if (overlong) {
      dropped += avail;
      consumed_ += avail;
      begin_ = end_;
      scanned = 0;
    } else {
      scanned = avail;
    }
    Fill();
  }
}

}  // namespace lineage::io
