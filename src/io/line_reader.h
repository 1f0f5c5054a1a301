// Reading a text file line by line in large blocks, for tables of millions
// of lines: the file is never held whole in memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace lineage::io {

struct TextLine {
  // Without "\n" or "\r\n"; valid until Next. Unless the line is
  // overlong, at least LineReader::kPadding readable bytes follow it (the
  // next lines, or spare room): what SIMD parsers such as simdjson read
  // past the end of their input.
  std::string_view text;
  std::size_t number = 0;  // 1-based.
  // The line was longer than the limit; `text` then holds its first
  // `max_line_bytes` bytes only.
  bool overlong = false;
  std::uint64_t length = 0;  // Bytes of the whole line, ending excluded.
};

class LineReader {
 public:
  static constexpr std::size_t kPadding = 64;

  // With `gunzip`, a file that starts with gzip's magic bytes is
  // decompressed as it is read (zlib, streaming, on a second thread a few
  // blocks ahead; several gzip members one after the other are one text),
  // and any other file is read as it is.
  explicit LineReader(std::size_t max_line_bytes, bool gunzip = false);
  ~LineReader();

  // Fails with kNotFound when the file does not exist, kIoError when it is
  // not a regular file or cannot be opened, kInvalidData when it is larger
  // than `max_file_bytes` (compressed, for gzip).
  base::Status Open(const std::string& path, std::size_t max_file_bytes);
  // The next line, accepting LF and CRLF endings and a missing final
  // newline; false at the end of the file. An error while reading ends the
  // file early and is kept in status().
  bool Next(TextLine* line);
  const base::Status& status() const { return status_; }
  std::uint64_t size() const { return size_; }
  // Bytes of text handed out as lines (decompressed, for gzip).
  std::uint64_t consumed() const { return consumed_; }
  // Bytes of the file read so far, to compare with size() for progress.
  std::uint64_t file_bytes_read() const;
  bool gzipped() const { return gz_ != nullptr; }

 private:
  bool Fill();  // Reads another block after the unread bytes.

  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  struct Gzip;  // zlib's stream and its input block.
  struct GzipCloser {
    void operator()(Gzip* gz) const;
  };
  std::unique_ptr<std::FILE, Closer> file_;
  // Declared after file_, so destroyed (its thread stopped) before it.
  std::unique_ptr<Gzip, GzipCloser> gz_;
  std::uint64_t file_read_ = 0;
  std::string path_;
  std::size_t max_line_;
  bool gunzip_ = false;
  std::string buffer_;
  std::string head_;                 // The kept head of an overlong line.
  std::size_t begin_ = 0, end_ = 0;  // Unread bytes of buffer_.
  bool eof_ = false;
  std::size_t number_ = 0;
  std::uint64_t size_ = 0, consumed_ = 0;
  base::Status status_;
};

}  // namespace lineage::io
