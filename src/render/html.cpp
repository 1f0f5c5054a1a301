#include "render/html.h"

#include <fmt/format.h>

#include <cstdint>

#include "render/explorer_assets.h"

namespace lineage::render {
namespace {

// A nonce for the page's own script, from its content (FNV-1a, 64 bits).
// The Content-Security-Policy allows only scripts carrying it, so markup
// that found its way into the page could run nothing even if it escaped
// its escaping: a label cannot carry the hash of a page that holds it.
std::string Nonce(const ExplorerPage& page) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view text) {
    for (unsigned char c : text) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(page.data);
  for (const auto& [language, svg] : page.svgs) mix(svg);
  return fmt::format("{:016x}", h);
}

}  // namespace

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      // U+2028 and U+2029 end a line in older JavaScript.
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view InlineSvg(std::string_view svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return {};
  return svg.substr(start);
}

bool IsHtmlPath(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      char c = path[path.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  };
  return ends(".html") || ends(".htm");
}

std::string ExplorerHtml(const ExplorerPage& page) {
  const std::string nonce = Nonce(page);
  const std::string lang = EscapeHtml(page.language);
  std::string out;
  out.reserve(page.data.size() + kExplorerJs.size() + kExplorerCss.size() +
              (page.svgs.empty() ? 0 : 2 * page.svgs[0].second.size()) + 4096);
  // No source is allowed but the page itself: no fetch, font, image or
  // script from anywhere, and inline script only with the nonce.
  out += fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; script-src 'nonce-{}'; style-src 'unsafe-inline'; img-src "
      "data:; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"generator\" content=\"lineage\">\n"
      "<title>{}</title>\n<style>\n",
      lang, nonce, EscapeHtml(page.title));
  out += kExplorerCss;
  out += "</style>\n</head>\n<body>\n";
  out += kExplorerBody;
  out += "<div id=\"canvas\" tabindex=\"-1\">\n";
  if (!page.svgs.empty()) out += InlineSvg(page.svgs[0].second);
  out += "</div>\n</main>\n";
  for (std::size_t i = 1; i < page.svgs.size(); ++i) {
    out += fmt::format("<template class=\"diagram\" data-lang=\"{}\">\n",
                       EscapeHtml(page.svgs[i].first));
    out += InlineSvg(page.svgs[i].second);
    out += "</template>\n";
  }
  out += "<script type=\"application/json\" id=\"lineage-data\">";
  out += ScriptSafeJson(page.data);
  out += "</script>\n";
  out += fmt::format("<script nonce=\"{}\">\n", nonce);
  out += kExplorerJs;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace lineage::render
