// Text helpers shared by every layer: the lookup key under which works are
// found by name, and the edit distance behind "did you mean".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lineage::base {

// The key a name is looked up by: ASCII letters lower-cased, digits kept,
// spaces and punctuation (ASCII and the common Unicode ones such as "·", "–",
// "“", "、") dropped, other characters kept as written. So "DALL·E 2",
// "dall-e-2" and "DALLE2" share the key "dalle2". A run of '+' right after
// a letter or digit that ends a word marks a successor and counts, as
// "plus": "DPM-Solver++" is "dpmsolverplusplus" (like its id
// "dpm-solver-plus-plus"), not "DPM-Solver"; a '+' joining two words
// ("VQGAN+CLIP") or standing alone ("A + B") does not. Invalid UTF-8 bytes
// are kept as they are. O(n).
std::string NormalizeKey(std::string_view name);

// Edit distance between two byte strings, counting insertions, deletions,
// substitutions and swaps of adjacent bytes (optimal string alignment),
// stopping early once it exceeds `limit` (then returns limit + 1).
// O(|a|·|b|) time, O(|b|) memory.
std::size_t EditDistance(std::string_view a, std::string_view b,
                         std::size_t limit);

// The position (1-based line and column, counting bytes) of byte `offset`.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition PositionOf(std::string_view text, std::size_t offset);

// Offset of the first byte that is not part of valid UTF-8 text (or is a NUL
// or a C0 control other than tab, CR and LF), or npos when the text is clean.
std::size_t FindInvalidText(std::string_view text);

}  // namespace lineage::base
