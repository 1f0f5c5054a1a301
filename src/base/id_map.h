// A hash map from 32-bit ids to 32-bit values, for searches that touch a
// few thousand works of a graph of millions: open addressing in one flat
// array, so an insert or a look-up costs one or two cache misses instead of
// a heap node each (std::unordered_map).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace lineage::base {

class IdMap {
 public:
  // Keys must be below 0xFFFFFFFF.
  // Inserts key -> value unless the key is present; whether it inserted.
  bool Insert(std::uint32_t key, std::int32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    std::size_t i = Home(key);
    while (slots_[i] != 0) {
      if (Key(slots_[i]) == key) return false;
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = Pack(key, value);
    ++size_;
    return true;
  }
  std::optional<std::int32_t> Find(std::uint32_t key) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t i = Home(key); slots_[i] != 0;
         i = (i + 1) & (slots_.size() - 1)) {
      if (Key(slots_[i]) == key) return Value(slots_[i]);
    }
    return std::nullopt;
  }
  // Room for `n` entries without growing.
  void Reserve(std::size_t n) {
    while (slots_.size() < 2 * n) Grow();
  }
  std::size_t size() const { return size_; }

 private:
  static std::uint64_t Pack(std::uint32_t key, std::int32_t value) {
    return (std::uint64_t{key} + 1) << 32 | static_cast<std::uint32_t>(value);
  }
  static std::uint32_t Key(std::uint64_t s) {
    return static_cast<std::uint32_t>((s >> 32) - 1);
  }
  static std::int32_t Value(std::uint64_t s) {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(s));
  }
  std::size_t Home(std::uint32_t key) const {
    return (key * 0x9E3779B97F4A7C15ull >> 20) & (slots_.size() - 1);
  }
  void Grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
    for (std::uint64_t s : old) {
      if (s == 0) continue;
      std::size_t i = Home(Key(s));
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

}  // namespace lineage::base
