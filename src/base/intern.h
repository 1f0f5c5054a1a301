// Strings stored end to end in one buffer, and a hash index over them: the
// ids and names of a million works cost their bytes plus 12 bytes each,
// instead of a heap string and a hash node each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lineage::base {

// An append-only column of strings, addressed by their index. Get is O(1);
// views stay valid until the pool is changed.
class StringPool {
 public:
  std::uint32_t Add(std::string_view s) {
    bytes_.append(s);
    ends_.push_back(bytes_.size());
    return static_cast<std::uint32_t>(ends_.size() - 1);
  }
  std::string_view Get(std::uint32_t i) const {
    std::uint64_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }
  std::size_t size() const { return ends_.size(); }
  // Starts fetching where string i lies (see Graph::Prefetch).
  void Prefetch(std::uint32_t i) const { __builtin_prefetch(&ends_[i]); }
  // The raw columns, for the binary graph format.
  const std::string& bytes() const { return bytes_; }
  const std::vector<std::uint64_t>& ends() const { return ends_; }
  // Adopts raw columns; false (and the pool unchanged) when `ends` is not
  // non-decreasing or points past `bytes`.
  bool Adopt(std::string bytes, std::vector<std::uint64_t> ends);

 private:
  std::string bytes_;
  std::vector<std::uint64_t> ends_;  // End offset of each string.
};

// A StringPool whose strings are unique, with O(1) expected lookup by value
// (open addressing, linear probing, load factor at most 1/2).
class InternTable {
 public:
  // The index of `s`, adding it if new; `second` says whether it was added.
  std::pair<std::uint32_t, bool> Intern(std::string_view s);
  std::optional<std::uint32_t> Find(std::string_view s) const;
  std::string_view Get(std::uint32_t i) const { return pool_.Get(i); }
  std::size_t size() const { return pool_.size(); }
  const StringPool& pool() const { return pool_; }
  // Indexes the strings of `pool`; false when two of them are equal (the
  // table is then empty).
  bool Adopt(StringPool pool);

  // Appends `s` without indexing it, for a caller that knows it is new (a
  // bulk import that deduplicates numeric ids itself): Find and Intern do
  // not see it until Reindex. Returns its index.
  std::uint32_t AddUnindexed(std::string_view s) {
    unindexed_ = true;
    return pool_.Add(s);
  }
  // Indexes every string; false (and the table emptied) if two are equal.
  // O(n); nothing to do when no string was added unindexed.
  bool Reindex();

  static std::uint64_t Hash(std::string_view s);

 private:
  void Grow();
  std::size_t Slot(std::string_view s, std::uint64_t h) const;

  StringPool pool_;
  bool unindexed_ = false;
  // 0: empty; else the hash's high 32 bits and the string index + 1 in the
  // low 32, so that a probe compares strings only when the hashes agree.
  std::vector<std::uint64_t> slots_;
};

}  // namespace lineage::base
