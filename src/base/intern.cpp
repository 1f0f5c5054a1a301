#include "base/intern.h"

#include <cstring>

namespace lineage::base {

bool StringPool::Adopt(std::string bytes, std::vector<std::uint64_t> ends) {
  std::uint64_t last = 0;
  for (std::uint64_t end : ends) {
    if (end < last || end > bytes.size()) return false;
    last = end;
  }
  bytes_ = std::move(bytes);
  ends_ = std::move(ends);
  return true;
}

// Eight bytes at a time through a multiply-xorshift mix: ids are short, so
// the loop runs once or twice, and the mix spreads consecutive numbers
// ("1001", "1002") over the whole table.
std::uint64_t InternTable::Hash(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 32);
}

namespace {

std::uint64_t Entry(std::uint64_t hash, std::uint32_t index) {
  return (hash & 0xFFFFFFFF00000000ull) | (std::uint64_t{index} + 1);
}
std::uint32_t IndexOf(std::uint64_t entry) {
  return static_cast<std::uint32_t>(entry) - 1;
}

}  // namespace

std::size_t InternTable::Slot(std::string_view s, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
  std::size_t i = h & mask;
  while (slots_[i] != 0 && ((slots_[i] & 0xFFFFFFFF00000000ull) != tag ||
                            pool_.Get(IndexOf(slots_[i])) != s))
    i = (i + 1) & mask;
  return i;
}

void InternTable::Grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t entry : old) {
    if (entry == 0) continue;
    std::size_t i = Hash(pool_.Get(IndexOf(entry))) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = entry;
  }
}

std::pair<std::uint32_t, bool> InternTable::Intern(std::string_view s) {
  if ((pool_.size() + 1) * 2 > slots_.size()) Grow();
  const std::uint64_t h = Hash(s);
  std::size_t i = Slot(s, h);
  if (slots_[i] != 0) return {IndexOf(slots_[i]), false};
  std::uint32_t index = pool_.Add(s);
  slots_[i] = Entry(h, index);
  return {index, true};
}

std::optional<std::uint32_t> InternTable::Find(std::string_view s) const {
  if (slots_.empty()) return std::nullopt;
  std::size_t i = Slot(s, Hash(s));
  if (slots_[i] == 0) return std::nullopt;
  return IndexOf(slots_[i]);
}

bool InternTable::Reindex() {
  if (!unindexed_) return true;
  return Adopt(std::move(pool_));
}

bool InternTable::Adopt(StringPool pool) {
  pool_ = std::move(pool);
  unindexed_ = false;
  std::size_t size = 1024;
  while (size < pool_.size() * 2) size *= 2;
  slots_.assign(size, 0);
  const std::size_t mask = size - 1;
  const auto n = static_cast<std::uint32_t>(pool_.size());
  // The hashes are computed kAhead strings early and their slots fetched
  // then, so that the cache misses of kAhead inserts overlap instead of
  // following one another: this loop is half of loading a big graph.
  constexpr std::uint32_t kAhead = 16;
  std::uint64_t ahead[kAhead];
  auto fetch = [&](std::uint32_t k) {
    const std::uint64_t h = Hash(pool_.Get(k));
    __builtin_prefetch(&slots_[h & mask], 1);
    ahead[k % kAhead] = h;
  };
  for (std::uint32_t k = 0; k < n && k < kAhead; ++k) fetch(k);
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint64_t h = ahead[k % kAhead];
    if (k + kAhead < n) fetch(k + kAhead);
    std::size_t i = Slot(pool_.Get(k), h);
    if (slots_[i] != 0) {
      *this = InternTable();
      return false;
    }
    slots_[i] = Entry(h, k);
  }
  return true;
}

}  // namespace lineage::base
