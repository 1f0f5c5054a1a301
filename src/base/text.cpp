#include "base/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
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

// One code point of a name as it counts in its key: case-folded with the
// compatibility mappings of NFKC (fullwidth "Ｄ" is "d", "²" is "2"), then
// only letters, marks and numbers kept: punctuation, spaces and symbols of
// every script drop out ("·", "、", "《" as much as "-").
void AppendKeyOf(utf8proc_int32_t cp, std::string* key) {
  utf8proc_int32_t mapped[16];
  int boundclass = 0;
  const utf8proc_ssize_t n = utf8proc_decompose_char(
      cp, mapped, 16,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD),
      &boundclass);
  if (n <= 0 || n > 16) return;
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    switch (utf8proc_category(mapped[k])) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_MN:
      case UTF8PROC_CATEGORY_MC:
      case UTF8PROC_CATEGORY_ME:
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO: {
        utf8proc_uint8_t bytes[4];
        const auto len = utf8proc_encode_char(mapped[k], bytes);
        key->append(reinterpret_cast<const char*>(bytes),
                    static_cast<std::size_t>(len));
        break;
      }
      default:
        break;
    }
  }
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// The code point at text[i] and its length; a length of 0 for bytes that
// are not valid UTF-8.
std::size_t Next(std::string_view text, std::size_t i, utf8proc_int32_t* cp) {
  const utf8proc_ssize_t len = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
      static_cast<utf8proc_ssize_t>(text.size() - i), cp);
  return len > 0 ? static_cast<std::size_t>(len) : 0;
}

}  // namespace

std::string NormalizeKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  bool wide = false;  // Beyond ASCII: compose the key at the end.
  std::size_t i = 0;
  while (i < name.size()) {
    const char c = name[i];
    if ((c == '+' || c == '#') && i > 0 && IsAsciiAlnum(name[i - 1])) {
      std::size_t end = i;
      while (end < name.size() && name[end] == c) ++end;
      if (end == name.size() || !IsAsciiAlnum(name[end])) {
        for (std::size_t k = i; k < end; ++k)
          key += c == '+' ? "plus" : "sharp";
        i = end;
        continue;
      }
    }
    // ASCII, most of every name, without a table lookup.
    if (static_cast<unsigned char>(c) < 0x80) {
      if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const std::size_t len = Next(name, i, &cp);
    if (len == 0) {  // Keep stray bytes: they still distinguish names.
      key += name[i++];
      continue;
    }
    AppendKeyOf(cp, &key);
    wide = true;
    i += len;
  }
  if (!wide) return key;
  // Composed again (NFC), so that "ö" typed as one character or as "o" and
  // a combining mark gives one key.
  utf8proc_uint8_t* composed =
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(key.c_str()));
  if (composed == nullptr) return key;
  std::string out(reinterpret_cast<const char*>(composed));
  std::free(composed);
  return out;
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp = 0;
    const std::size_t len = Next(text, i, &cp);
    if (len == 0) {
      ++width, ++i;  // A stray byte shows as one replacement character.
      continue;
    }
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    i += len;
  }
  return width;
}

std::string Wrap(std::string_view text, std::size_t width) {
  // Units that stay whole: a run of characters without spaces, except that
  // a wide (CJK) character is a unit of its own, as CJK text breaks
  // between any two characters; closing punctuation stays with the unit
  // before it, so that no line starts with "”" or "，".
  auto at = [&](std::size_t i, utf8proc_int32_t* cp) {
    const std::size_t len = Next(text, i, cp);
    if (len == 0) *cp = static_cast<unsigned char>(text[i]);
    return len == 0 ? std::size_t{1} : len;
  };
  auto columns = [](utf8proc_int32_t cp) {
    return static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
  };
  auto closing = [](utf8proc_int32_t cp) {
    const auto c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF ||
           c == UTF8PROC_CATEGORY_PO;
  };
  std::string out;
  std::size_t line = 0;
  bool space_before = false;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      space_before = !out.empty();
      ++i;
      continue;
    }
    std::size_t end = i, unit = 0;
    while (end < text.size() && text[end] != ' ') {
      utf8proc_int32_t cp = 0;
      const std::size_t len = at(end, &cp);
      const std::size_t w = columns(cp);
      if (w == 2 && end > i && !closing(cp)) break;
      unit += w;
      end += len;
      if (w == 2 && !closing(cp)) break;  // A wide character ends its unit.
    }
    // Closing punctuation right after stays on the same line.
    while (end < text.size() && text[end] != ' ') {
      utf8proc_int32_t cp = 0;
      const std::size_t len = at(end, &cp);
      if (!closing(cp)) break;
      unit += columns(cp);
      end += len;
    }
    const std::size_t gap = space_before ? 1 : 0;
    if (line > 0 && line + gap + unit > width) {
      out += '\n';
      line = 0;
    } else if (line > 0 && space_before) {
      out += ' ';
      ++line;
    }
    out.append(text.substr(i, end - i));
    line += unit;
    space_before = false;
    i = end;
  }
  return out;
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

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c != 0 && c < 0x80) {
      ++i;
      continue;
    }
    if (c == 0) return i;
    char32_t cp = 0;
    std::size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t FindControl(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string_view> SplitJoined(std::string_view text,
                                          std::string_view separator) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = text.find(separator, at);
    if (end == std::string_view::npos) end = text.size();
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + separator.size();
  }
  return out;
}

}  // namespace lineage::base
