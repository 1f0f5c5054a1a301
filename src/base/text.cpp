#include "base/text.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace lineage::base {
namespace {

// Decodes one UTF-8 sequence at text[i]. Returns its length, or 0 when the
// bytes there are not a valid, shortest-form sequence.
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t* cp) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t value = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, value = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, value = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, value = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  *cp = value;
  return len;
}

// Unicode punctuation and spaces that people type in names interchangeably
// with ASCII ones: Latin-1 punctuation (· « »), General Punctuation (– — ‘ ’
// “ ” …), CJK punctuation (、。「」) and the fullwidth ASCII punctuation.
bool IsUnicodePunctuation(char32_t cp) {
  if (cp == 0xA0 || cp == 0xAB || cp == 0xB7 || cp == 0xBB) return true;
  if (cp >= 0x2000 && cp <= 0x206F) return true;
  if (cp >= 0x3000 && cp <= 0x303F) return true;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;
  return false;
}

}  // namespace

namespace {
bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}
}  // namespace

std::string NormalizeKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  std::size_t i = 0;
  while (i < name.size()) {
    char32_t cp = 0;
    std::size_t len = DecodeUtf8(name, i, &cp);
    if (len == 0) {  // Keep stray bytes: they still distinguish names.
      key += name[i++];
      continue;
    }
    if (cp == '+' && i > 0 && IsAsciiAlnum(name[i - 1])) {
      std::size_t end = i;
      while (end < name.size() && name[end] == '+') ++end;
      if (end == name.size() || !IsAsciiAlnum(name[end])) {
        for (std::size_t k = i; k < end; ++k) key += "plus";
        i = end;
        continue;
      }
    }
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    } else if (!IsUnicodePunctuation(cp)) {
      key.append(name.substr(i, len));
    }
    i += len;
  }
  return key;
}

std::size_t EditDistance(std::string_view a, std::string_view b,
                         std::size_t limit) {
  std::size_t diff =
      a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  // Optimal string alignment: Levenshtein plus adjacent transpositions, the
  // commonest typo ("dcgna" for "dcgan" is one edit, not two).
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1),
      cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], limit + 1);
}

TextPosition PositionOf(std::string_view text, std::size_t offset) {
  TextPosition pos;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

std::size_t FindInvalidText(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Tables are almost all printable ASCII: take it a byte at a time
    // without decoding.
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    char32_t cp = 0;
    std::size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) return i;
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return i;
    if (cp == 0x7F) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace lineage::base
