#include "io/gnuclad_import.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "base/text.h"
#include "io/atomic_file.h"
#include "io/dates.h"

namespace lineage::io {
namespace {

constexpr std::size_t kMostProblems = 20;

// The fields of one CSV row (RFC 4180 quoting, one row a line: gnuclad's
// own reader never lets a field span lines). nullopt when a quote is not
// closed.
std::optional<std::vector<std::string>> SplitRow(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return std::nullopt;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(line[i++]);
      }
      // Text after the closing quote (`"a" b`) is kept, as spreadsheets do.
      while (i < line.size() && line[i] != ',') field.push_back(line[i++]);
    } else {
      // Spaces around an unquoted field are no part of it.
      const std::size_t end = std::min(line.find(',', i), line.size());
      std::string_view bare = line.substr(i, end - i);
      while (!bare.empty() && bare.back() == ' ') bare.remove_suffix(1);
      while (!bare.empty() && bare.front() == ' ') bare.remove_prefix(1);
      field.assign(bare);
      i = end;
    }
    // Inside quotes they are data: the Linux timeline tells two works
    // apart as "Hiweed Linux" and "Hiweed Linux " (and "MAX", "MAX ").
    fields.push_back(std::move(field));
    if (i >= line.size()) break;
    ++i;  // The comma.
  }
  return fields;
}

bool IsComment(std::string_view first) {
  return first.empty() || first.front() == '#' || first.substr(0, 2) == "//";
}

struct Row {
  std::vector<std::string> fields;
  int line = 0;
};

class Reader {
 public:
  Reader(const std::string& path, ImportReport* report)
      : path_(path), report_(report) {}

  base::Result<AttributedGraph> Run(std::string_view text) {
    std::vector<Row> nodes, connectors;
    int line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view row = text.substr(start, end - start);
      start = end + 1;
      ++line;
      if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
      if (std::size_t bad = base::FindInvalidText(row);
          bad != std::string_view::npos) {
        Note(line,
             fmt::format("byte 0x{:02x} at column {} is not UTF-8 text",
                         static_cast<unsigned char>(row[bad]), bad + 1),
             "save the file as UTF-8");
        continue;
      }
      auto fields = SplitRow(row);
      if (!fields) {
        Note(line, "a quoted field is not closed on its line",
             "close the quote (gnuclad rows are one line each)");
        continue;
      }
      const std::string& type = fields->front();
      if (IsComment(type)) {
        if (!type.empty()) ++report_->comment_lines;
        continue;
      }
      if (type == "N") {
        nodes.push_back({std::move(*fields), line});
      } else if (type == "C") {
        connectors.push_back({std::move(*fields), line});
      } else if (type != "D" && type != "SVG" && type != "PNG") {
        Note(line,
             fmt::format("a row of unknown type '{}'", type.substr(0, 20)),
             "gnuclad rows begin with N (a node), C (a connector), D, SVG, "
             "PNG, or # and // (comments)");
      }
    }
    for (const Row& r : nodes) Node(r);
    // Names are looked up only once every node is known: gnuclad's rows
    // may come in any order.
    for (const Row& r : nodes) {
      if (r.fields.size() > 3 && !r.fields[3].empty() && !r.fields[1].empty())
        Link(Find(r.fields[3], r.line), r.fields[1], "builds_on");
    }
    for (const Row& r : connectors) Connector(r);
    if (problems_ > 0) {
      return base::Status::InvalidData(
          fmt::format("the gnuclad file cannot be imported: {} problem{}",
                      problems_, problems_ == 1 ? "" : "s"),
          std::move(diags_), problems_);
    }
    if (g_.nodes.empty()) {
      return ImportProblem("gnuclad", path_, 1, "the file holds no N rows",
                           "is it a gnuclad CSV file?");
    }
    g_.forward = true;  // Parent -> child, From -> To.
    return std::move(g_);
  }

 private:
  void Note(int line, std::string message, std::string fix) {
    if (problems_++ < kMostProblems)
      diags_.push_back({{path_, line, 0}, std::move(message), std::move(fix)});
  }

  // A date field, read for the note or checked only: coarsened and
  // unreadable dates are counted as BuildAttributed counts the start dates.
  std::string Date(const std::string& text, int line, const std::string& of) {
    if (text.empty()) return "";
    auto d = ParseLooseDate(text);
    if (!d) {
      if (report_->unreadable_dates++ == 0)
        report_->examples.try_emplace(
            "unreadable dates", fmt::format("{}:{}: '{}' of '{}' is no date",
                                            path_, line, text, of));
      return "";
    }
    if (d->coarsened && report_->coarsened_dates++ == 0)
      report_->examples.try_emplace(
          "coarsened dates", fmt::format("{}:{}: '{}' is read as {}", path_,
                                         line, text, d->date.ToString()));
    return d->date.ToString();
  }

  void Node(const Row& r) {
    const auto& f = r.fields;
    auto at = [&](std::size_t i) -> const std::string& {
      static const std::string kEmpty;
      return i < f.size() ? f[i] : kEmpty;
    };
    if (at(1).empty()) {
      Note(r.line, "an N row without a name",
           "write N,Name,Color,Parent,Start,Stop,Icon,Description");
      return;
    }
    AttributedGraph::Node n{at(1), {}, r.line};
    n.data["kind"] = "software";
    // The start date is read (and counted) by BuildAttributed.
    n.data["date"] = at(4);
    if (std::string stop = Date(at(5), r.line, at(1)); !stop.empty())
      n.data["note"] = "stopped " + stop;
    const std::string& description = at(7);
    const bool url = description.starts_with("http://") ||
                     description.starts_with("https://") ||
                     description.starts_with("www.");
    n.data[url ? "url" : "summary"] = description;
    std::string aliases;
    for (std::size_t i = 8; i < f.size(); i += 3) {
      if (f[i].empty()) continue;
      Date(at(i + 1), r.line, f[i]);
      if (f[i] == at(1)) continue;
      aliases += (aliases.empty() ? "" : "; ") + f[i];
      // A later name leads to its work unless two works have had it.
      auto [it, fresh] = later_.try_emplace(f[i], at(1));
      if (!fresh && it->second != at(1)) it->second.clear();
    }
    n.data["aliases"] = std::move(aliases);
    // A repeated name is BuildAttributed's to merge and count.
    index_.insert(at(1));
    g_.nodes.push_back(std::move(n));
  }

  // The work a parent or connector names: its first name, else a later
  // name of one work, else a work known only by this name.
  std::string Find(const std::string& name, int line) {
    if (index_.count(name)) return name;
    if (auto it = later_.find(name); it != later_.end() && !it->second.empty())
      return it->second;
    index_.insert(name);
    g_.nodes.push_back({name, {{"kind", "software"}}, line});
    if (report_->parents_without_row++ == 0) {
      report_->examples.try_emplace(
          "parents without a row",
          fmt::format("{}:{}: '{}' is named but has no N row (kept as an "
                      "undated work)",
                      path_, line, name));
    }
    return name;
  }

  void Link(const std::string& parent, const std::string& child,
            const char* relation) {
    g_.edges.push_back({parent, child, {{"relation", relation}}});
  }

  void Connector(const Row& r) {
    const auto& f = r.fields;
    if (f.size() < 5 || f[2].empty() || f[4].empty()) {
      Note(r.line, "a C row without both ends",
           "write C,FromWhen,From,ToWhen,To,Thickness,Color");
      return;
    }
    Date(f[1], r.line, f[2]);
    Date(f[3], r.line, f[4]);
    Link(Find(f[2], r.line), Find(f[4], r.line), "influenced_by");
  }

  const std::string& path_;
  ImportReport* report_;
  AttributedGraph g_;
  std::set<std::string> index_;               // First names (and stand-ins).
  std::map<std::string, std::string> later_;  // Later name -> first ("": 2+).
  std::vector<base::Diagnostic> diags_;
  std::size_t problems_ = 0;
};

}  // namespace

bool LooksLikeGnuclad(std::string_view head) {
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t end = head.find('\n', start);
    // A row cut by the end of `head` is not judged.
    if (end == std::string_view::npos) return false;
    std::string_view line = head.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto fields = SplitRow(line);
    if (!fields) return false;
    if (IsComment(fields->front())) continue;
    return (fields->front() == "N" || fields->front() == "C") &&
           fields->size() >= 5;
  }
  return false;
}

base::Result<AttributedGraph> ParseGnuclad(std::string_view text,
                                           const std::string& path,
                                           ImportReport* report) {
  ImportReport local;
  return Reader(path, report != nullptr ? report : &local).Run(text);
}

base::Result<model::Graph> ImportGnuclad(const std::string& path,
                                         const ImportOptions& options,
                                         ImportReport* report) {
  ImportReport local;
  report = FreshReport(report, &local, path);
  auto text = ReadFile(path, options.max_file_bytes);
  if (!text.ok()) return text.status();
  auto g = ParseGnuclad(*text, path, report);
  if (!g.ok()) return g.status();
  return BuildAttributed(std::move(g).value(), path, options, report);
}

}  // namespace lineage::io
