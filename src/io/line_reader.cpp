#include "io/line_reader.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

namespace lineage::io {
namespace {

constexpr std::size_t kBlock = std::size_t{4} << 20;

constexpr std::size_t kGzipBlock = std::size_t{1} << 18;
// Blocks inflated ahead of the reader: enough to keep both cores busy.
constexpr std::size_t kBlocksAhead = 3;

}  // namespace

// Decompression runs on a thread of its own, a few blocks ahead of the
// lines being parsed: inflating costs about as much as parsing a JSON
// line, so the second core halves the time of a gzip dump.
struct LineReader::Gzip {
  std::FILE* file = nullptr;  // The reader's.
  std::string path;
  z_stream stream{};
  std::string in;       // Compressed bytes read from the file.
  bool in_eof = false;  // The file has no more.
  bool done = false;    // The last member ended, or the data is broken.
  std::uint64_t produced = 0;
  std::atomic<std::uint64_t> read{0};  // Compressed bytes read.
  // The hand-over from the thread to the reader.
  std::mutex mutex;
  std::condition_variable changed;
  // Blocks of text and how much of each is filled; the emptied ones come
  // back as `spare`, so that no block is allocated (and zeroed) twice.
  std::deque<std::pair<std::string, std::size_t>> ready;
  std::vector<std::string> spare;
  bool finished = false, stop = false;
  base::Status error;
  std::thread worker;

  // Decompresses up to `capacity` bytes into `out`; fewer only at the end
  // of the data or on an error (kept in `error`).
  std::size_t Inflate(char* out, std::size_t capacity) {
    z_stream& z = stream;
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = static_cast<uInt>(capacity);
    while (z.avail_out > 0 && !done) {
      if (z.avail_in == 0 && !in_eof) {
        const std::size_t got = std::fread(in.data(), 1, in.size(), file);
        read += got;
        if (got < in.size()) {
          in_eof = true;
          if (std::ferror(file)) {
            error = base::Status::IoError(fmt::format(
                "cannot read '{}': {}", path, std::strerror(errno)));
            done = true;
            break;
          }
        }
        z.next_in = reinterpret_cast<Bytef*>(in.data());
        z.avail_in = static_cast<uInt>(got);
      }
      const int ret = inflate(&z, Z_NO_FLUSH);
      if (ret == Z_STREAM_END) {
        // Another member may follow (`cat a.gz b.gz`, pigz, bgzip).
        if (z.avail_in == 0 && in_eof) {
          done = true;
        } else {
          inflateReset(&z);
        }
      } else if (ret == Z_BUF_ERROR && z.avail_in == 0 && in_eof) {
        error = base::Status::InvalidData(fmt::format(
            "'{}' is cut short: its gzip data ends in the middle (after {} "
            "bytes of text); download it again",
            path, produced + (capacity - z.avail_out)));
        done = true;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        error = base::Status::InvalidData(fmt::format(
            "'{}' is not valid gzip data{}{}; is it whole, and is it gzip?",
            path, z.msg != nullptr ? ": " : "", z.msg != nullptr ? z.msg : ""));
        done = true;
      }
    }
    produced += capacity - z.avail_out;
    return capacity - z.avail_out;
  }

  void Run() {
    while (true) {
      std::string block;
      {
        std::lock_guard lock(mutex);
        if (!spare.empty()) {
          block = std::move(spare.back());
          spare.pop_back();
        }
      }
      if (block.empty()) block.resize(kBlock);
      const std::size_t got = Inflate(block.data(), block.size());
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return stop || ready.size() < kBlocksAhead; });
      if (stop) return;
      if (got > 0) ready.emplace_back(std::move(block), got);
      finished = done;
      changed.notify_all();
      if (done) return;
    }
  }

  // Appends the next block to `buffer` at `end`; 0 at the end of the data.
  std::size_t Take(std::string* buffer, std::size_t end) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return !ready.empty() || finished; });
    if (ready.empty()) return 0;
    auto [block, size] = std::move(ready.front());
    ready.pop_front();
    changed.notify_all();
    lock.unlock();
    if (buffer->size() < end + size + kPadding)
      buffer->resize(end + size + kPadding);
    std::memcpy(buffer->data() + end, block.data(), size);
    lock.lock();
    spare.push_back(std::move(block));
    return size;
  }
};

void LineReader::GzipCloser::operator()(Gzip* gz) const {
  if (gz->worker.joinable()) {
    {
      std::lock_guard lock(gz->mutex);
      gz->stop = true;
    }
    gz->changed.notify_all();
    gz->worker.join();
  }
  inflateEnd(&gz->stream);
  delete gz;
}

LineReader::LineReader(std::size_t max_line_bytes, bool gunzip)
    : max_line_(max_line_bytes), gunzip_(gunzip) {}

LineReader::~LineReader() = default;

std::uint64_t LineReader::file_bytes_read() const {
  return gz_ ? gz_->read.load() : file_read_;
}

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
  if (gunzip_) {
    unsigned char magic[2] = {0, 0};
    const std::size_t got = std::fread(magic, 1, 2, file_.get());
    std::rewind(file_.get());
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
      gz_.reset(new Gzip);
      // 16 + MAX_WBITS: a gzip header and trailer around the deflate data.
      if (inflateInit2(&gz_->stream, 16 + MAX_WBITS) != Z_OK) {
        gz_.reset();
        return base::Status::IoError(
            fmt::format("cannot start decompressing '{}'", path));
      }
      gz_->in.resize(kGzipBlock);
      gz_->file = file_.get();
      gz_->path = path;
      gz_->worker = std::thread([gz = gz_.get()] { gz->Run(); });
    }
  }
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
      size_ > 0 && !gz_
          ? std::min(kBlock, std::max<std::size_t>(size_ + 1, 64 << 10))
          : kBlock;
  if (buffer_.size() < end_ + block + kPadding)
    buffer_.resize(end_ + block + kPadding);
  if (gz_) {
    const std::size_t got = gz_->Take(&buffer_, end_);
    end_ += got;
    if (got == 0) {
      eof_ = true;
      if (!gz_->error.ok()) status_ = gz_->error;
    }
    return got > 0;
  }
  std::size_t got = std::fread(buffer_.data() + end_, 1, block, file_.get());
  file_read_ += got;
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
