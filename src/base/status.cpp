#include "base/status.h"

#include <fmt/format.h>

#include <algorithm>

namespace lineage::base {

std::string SourceLocation::ToString() const {
  if (file.empty()) return "";
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string Diagnostic::ToString() const {
  std::string where_str = where.ToString();
  std::string out = where_str.empty() ? "error: " : where_str + ": error: ";
  out += message;
  if (!fix.empty()) out += fmt::format(" (fix: {})", fix);
  return out;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = message_;
  for (const Diagnostic& d : diagnostics_) {
    out += '\n';
    out += d.ToString();
  }
  return out;
}

std::string OptionRef(std::string_view name) {
  return "[[" + std::string(name) + "]]";
}

std::string SpellOptions(
    std::string_view text,
    const std::function<std::string(std::string_view name)>& spell) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find("[[", at);
    const std::size_t close =
        open == std::string_view::npos ? open : text.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    out += spell(text.substr(open + 2, close - open - 2));
    at = close + 2;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

Status SpellOptions(
    const Status& status,
    const std::function<std::string(std::string_view name)>& spell) {
  Status out = status;
  out.message_ = SpellOptions(status.message_, spell);
  for (Diagnostic& d : out.diagnostics_) {
    d.message = SpellOptions(d.message, spell);
    d.fix = SpellOptions(d.fix, spell);
  }
  return out;
}

}  // namespace lineage::base
