#include "base/status.h"

#include <fmt/format.h>

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

}  // namespace lineage::base
