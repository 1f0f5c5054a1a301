// Text helpers shared by every layer: the lookup key under which works are
// found by name, and the edit distance behind "did you mean".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lineage::base {

// The key a name is looked up by (utf8proc): case-folded with NFKC's
// compatibility mappings, letters, marks and numbers of every script kept,
// spaces, punctuation and symbols dropped. So "DALL·E 2", "dall-e-2",
// "ＤＡＬＬＥ２" and "DALLE2" share the key "dalle2", and "《变分自动编码器》"
// is "变分自动编码器". A run of '+' right after
// a letter or digit that ends a word marks a successor and counts, as
// "plus": "DPM-Solver++" is "dpmsolverplusplus" (like its id
// "dpm-solver-plus-plus"), not "DPM-Solver"; a '+' joining two words
// ("VQGAN+CLIP") or standing alone ("A + B") does not. A '#' ending a word
// counts the same way, as "sharp": "C#" is not "C". Invalid UTF-8 bytes
// are kept as they are. O(n).
std::string NormalizeKey(std::string_view name);

// The columns `text` takes on a terminal: CJK and other wide characters two,
// combining marks none (utf8proc's character widths). O(n).
std::size_t DisplayWidth(std::string_view text);

// `text` broken into lines of at most about `width` columns: at spaces, and
// between any two wide (CJK) characters, as CJK text breaks. A word longer
// than a line stays whole. O(n).
std::string Wrap(std::string_view text, std::size_t width);

// Edit distance between two byte strings, counting insertions, deletions,
// substitutions and swaps of adjacent bytes (optimal string alignment),
// stopping early once it exceeds `limit` (then returns limit + 1).
// O(|a|·|b|) time, O(|b|) memory.
std::size_t EditDistance(std::string_view a, std::string_view b,
                         std::size_t limit);

// The non-empty items of a list joined by `separator` ("a; b; c"), as
// views into `text`. O(length).
std::vector<std::string_view> SplitJoined(std::string_view text,
                                          std::string_view separator);

// The position (1-based line and column, counting bytes) of byte `offset`.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition PositionOf(std::string_view text, std::size_t offset);

// Offset of the first byte that is not part of valid UTF-8 text (or is a NUL
// or a C0 control other than tab, CR and LF), or npos when the text is clean.
std::size_t FindInvalidText(std::string_view text);
// Offset of the first byte that is not part of valid UTF-8 or is a NUL (the
// marks of a binary file), or npos: control characters count as text.
std::size_t FindInvalidUtf8(std::string_view text);
// Offset of the first C0 control character other than tab, or DEL, or npos.
std::size_t FindControl(std::string_view text);

}  // namespace lineage::base
