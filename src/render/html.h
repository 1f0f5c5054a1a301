// The explorer: one self-contained HTML page holding a diagram's SVG, the
// view's works and links as JSON, and the hand-written script and style
// (render/explorer/explorer.{js,css}, compiled in), so that the page opens
// offline from anywhere: no CDN, font or script is fetched. The script
// selects works, traces ancestry and paths, filters, and moves through time
// over the JSON; the SVG only gets classes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lineage::render {

struct ExplorerPage {
  std::string title;     // The page's <title>.
  std::string language;  // "en" or "zh": the language the page opens in.
  // The diagram in each language the graph speaks, as Graphviz writes SVG;
  // the first is the one shown first (in `language`), the others are kept
  // inert in <template>s until the reader switches language.
  std::vector<std::pair<std::string, std::string>> svgs;
  // The works and links (JSON text, as the engine describes them); embedded
  // as a script data block, escaped by ScriptSafeJson.
  std::string data;
};

// The page, as one string of UTF-8 HTML. O(size of the parts).
std::string ExplorerHtml(const ExplorerPage& page);

// JSON text that can sit inside <script type="application/json"> whatever
// its strings hold: '<', '>' and '&' become \u003c, \u003e, \u0026 and the
// line separators U+2028 and U+2029 \u2028 and \u2029, so no "</script>" or
// "<!--" in a label ends or changes the block, and the text parses back to
// the same value. Expects valid JSON (those characters only occur inside
// strings). O(n).
std::string ScriptSafeJson(std::string_view json);

// `text` with &, <, >, " and ' as character references: safe as HTML text
// and inside a quoted attribute. O(n).
std::string EscapeHtml(std::string_view text);

// An SVG document as Graphviz writes it, without what may not stand inside
// HTML: the XML declaration, the doctype and the comments before <svg>.
// Returns the text from "<svg" on; "" when there is none. O(n).
std::string_view InlineSvg(std::string_view svg);

// Whether a file name asks for an explorer page: it ends in ".html" or
// ".htm" (any case).
bool IsHtmlPath(std::string_view path);

}  // namespace lineage::render
