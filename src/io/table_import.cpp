#include "io/table_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <set>
#include <unordered_map>

#include "base/text.h"
#include "io/atomic_file.h"

namespace lineage::io {
namespace {

using model::VertexId;

constexpr std::size_t kMaxDiagnostics = 20;

struct Line {
  std::size_t number;
  std::string_view text;
};

// Splits text into lines, accepting LF and CRLF and a missing final newline.
std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0, number = 1;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({number++, line});
    start = end + 1;
  }
  return lines;
}

std::vector<std::string_view> Split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  if (sep == ' ') {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) out.push_back(line.substr(i, j - i));
      i = j;
    }
    return out;
  }
  std::size_t start = 0;
  while (true) {
    std::size_t end = line.find(sep, start);
    std::string_view field = line.substr(start, end - start);
    while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
    while (!field.empty() && field.back() == ' ') field.remove_suffix(1);
    out.push_back(field);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// YYYY, YYYY-MM, YYYY-MM-DD, or Unix seconds (nine digits or more).
std::optional<model::Date> ParseWhen(std::string_view text) {
  if (AllDigits(text) && text.size() >= 9) {
    long long seconds = 0;
    std::from_chars(text.data(), text.data() + text.size(), seconds);
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (gmtime_r(&t, &tm) == nullptr) return std::nullopt;
    return model::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  }
  auto d = model::Date::Parse(text);
  if (!d.ok()) return std::nullopt;
  return *d;
}

class Importer {
 public:
  Importer(const ImportOptions& o, ImportReport* r) : opt_(o), report_(r) {}

  base::Status ReadEdges(const std::string& path) {
    auto text = Read(path);
    if (!text.ok()) return text.status();
    auto lines = DataLines(path, *text, /*count=*/true);
    if (!lines.ok()) return lines.status();
    if (lines->empty() && diags_.empty())
      Error(path, 1, "the file holds no edges", "is it the right file?");
    const char sep = Separator(*lines);
    for (const Line& line : *lines) {
      auto fields = Split(line.text, sep);
      if (opt_.parent_lists) {
        ParentRow(path, line, fields);
        continue;
      }
      if (fields.size() < 2 || fields[0].empty() || fields[1].empty()) {
        Error(
            path, line.number,
            fmt::format("an edge needs two ids, found {}", Describe(line.text)),
            "is the line cut short? check --sep");
        continue;
      }
      VertexId a = Node(fields[0]), b = Node(fields[1]);
      bool cites = opt_.edges == ImportOptions::Edges::kCites;
      AddEdge(path, line.number, cites ? b : a, cites ? a : b,
              model::Relation::kCites);
    }
    return base::Status::Ok();
  }

  base::Status ReadNodes(const std::string& path) {
    auto text = Read(path);
    if (!text.ok()) return text.status();
    auto lines = DataLines(path, *text, /*count=*/false);
    if (!lines.ok()) return lines.status();
    const char sep = Separator(*lines);
    std::size_t matched = 0;
    for (const Line& line : *lines) {
      auto fields = Split(line.text, sep);
      ++report_->node_rows;
      if (fields.size() < 2 || fields[0].empty()) {
        Error(path, line.number,
              fmt::format("a node row needs an id and a date, found {}",
                          Describe(line.text)),
              "write 'id SEP date [SEP label]'");
        continue;
      }
      auto when = ParseWhen(fields[1]);
      if (!when) {
        Error(path, line.number, fmt::format("'{}' is not a date", fields[1]),
              "write YYYY, YYYY-MM, YYYY-MM-DD or Unix seconds");
        continue;
      }
      // Conflicts are looked for over the whole table, whether or not the
      // id is in an edge: they say how far the table can be trusted.
      std::string key = Key(fields[0]);
      auto [first, fresh] = rows_.try_emplace(key, *when, line.number);
      if (!fresh) {
        if (CompareDates(first->second.first, *when) != 0 &&
            conflicted_.insert(key).second) {
          ++report_->conflicting_node_ids;
          Note("conflicting node rows", path, line.number,
               fmt::format("'{}' dated {} here but {} on line {}; the first "
                           "is kept",
                           fields[0], when->ToString(),
                           first->second.first.ToString(),
                           first->second.second));
        }
        continue;
      }
      auto it = ids_.find(key);
      if (it == ids_.end()) {
        Note("node-table ids in no edge", path, line.number,
             fmt::format("'{}' appears in no edge", fields[0]));
        ++report_->unmatched_node_rows;
        continue;
      }
      ++matched;
      model::Work& w = spec_.works[it->second];
      w.date = *when;
      if (fields.size() >= 3 && !fields[2].empty()) w.name = fields[2];
    }
    if (matched == 0 && report_->node_rows > 0) {
      Error(path, 1, "no id of the node table appears in the edges",
            opt_.numeric_ids ? "is it the node table of this edge list?"
                             : "are the ids zero-padded? try --numeric-ids");
    }
    return base::Status::Ok();
  }

  base::Result<model::Graph> Finish() {
    if (!diags_.empty()) {
      std::string summary =
          fmt::format("{} problem{} in the imported data", diags_.size(),
                      diags_.size() == 1 ? "" : "s");
      return base::Status::InvalidData(std::move(summary), std::move(diags_));
    }
    for (const model::Work& w : spec_.works)
      if (!w.date.known()) ++report_->undated_works;
    auto g = model::Graph::Build(
        std::move(spec_), {.allow_influence_cycles = true, .curated = false});
    if (!g.ok()) return g;
    for (const model::Link& l : g->links()) {
      const model::Date& p = g->work(l.parent).date;
      const model::Date& c = g->work(l.child).date;
      if (p.known() && c.known() && model::CompareAtCommonPrecision(p, c) > 0) {
        if (report_->time_inconsistent++ == 0) {
          report_->examples["time-inconsistent links"] = fmt::format(
              "{} ({}) draws on {}, dated later ({})", g->work(l.child).id,
              c.ToString(), g->work(l.parent).id, p.ToString());
        }
      }
    }
    return g;
  }

 private:
  base::Result<std::string> Read(const std::string& path) {
    return ReadFile(path, opt_.max_file_bytes);
  }

  static int CompareDates(const model::Date& a, const model::Date& b) {
    return std::tie(a.year, a.month, a.day) == std::tie(b.year, b.month, b.day)
               ? 0
               : 1;
  }

  // The data lines of a file: comments, blank lines and the header line
  // skipped; binary bytes and overlong lines reported.
  base::Result<std::vector<Line>> DataLines(const std::string& path,
                                            std::string_view text, bool count) {
    if (std::size_t bad = base::FindInvalidText(text);
        bad != std::string_view::npos) {
      base::TextPosition pos = base::PositionOf(text, bad);
      diags_.push_back(
          {{path, pos.line, pos.column},
           fmt::format("byte 0x{:02x} is not UTF-8 text; this is not a table",
                       static_cast<unsigned char>(text[bad])),
           "point --data at a text edge list, or convert it to UTF-8"});
      return std::vector<Line>{};
    }
    std::vector<Line> out;
    bool header_skipped = !opt_.header;
    for (const Line& line : Lines(text)) {
      if (line.text.size() > opt_.max_line_bytes) {
        Error(path, line.number,
              fmt::format("the line is {} bytes long, over the limit of {}",
                          line.text.size(), opt_.max_line_bytes),
              "is this a table?");
        continue;
      }
      std::string_view t = line.text;
      while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
      if (t.empty()) continue;
      if (!opt_.comment.empty() &&
          t.substr(0, opt_.comment.size()) == opt_.comment) {
        if (count) {
          ++report_->comment_lines;
          HeaderClaim(t);
        }
        continue;
      }
      if (!header_skipped) {
        header_skipped = true;
        continue;
      }
      if (count) ++report_->data_lines;
      out.push_back(line);
    }
    return out;
  }

  // SNAP headers say "# Nodes: 27770 Edges: 352807"; keep the claim to
  // compare with what the file really holds.
  void HeaderClaim(std::string_view comment) {
    auto find = [&](std::string_view key) -> std::string {
      std::size_t at = comment.find(key);
      if (at == std::string_view::npos) return "";
      std::size_t i = at + key.size();
      while (i < comment.size() && comment[i] == ' ') ++i;
      std::size_t j = i;
      while (j < comment.size() && comment[j] >= '0' && comment[j] <= '9') ++j;
      return std::string(comment.substr(i, j - i));
    };
    std::string nodes = find("Nodes:"), edges = find("Edges:");
    if (!nodes.empty() && !edges.empty())
      report_->header_claim = fmt::format("{} nodes, {} edges", nodes, edges);
  }

  char Separator(const std::vector<Line>& lines) const {
    if (opt_.separator != 0) return opt_.separator;
    if (lines.empty()) return '\t';
    std::string_view first = lines.front().text;
    if (first.find('\t') != std::string_view::npos) {
      // A tab-separated file with one column of space-separated parents
      // keeps its tabs; an edge list with stray spaces too.
      return '\t';
    }
    if (first.find(',') != std::string_view::npos) return ',';
    return ' ';
  }

  std::string Key(std::string_view id) const {
    if (opt_.numeric_ids && AllDigits(id)) {
      std::size_t nz = id.find_first_not_of('0');
      return nz == std::string_view::npos ? "0" : std::string(id.substr(nz));
    }
    return std::string(id);
  }

  VertexId Node(std::string_view id) {
    std::string key = Key(id);
    auto [it, inserted] =
        ids_.emplace(key, static_cast<VertexId>(spec_.works.size()));
    if (inserted) {
      model::Work w;
      w.id = key;
      w.name = key;
      spec_.works.push_back(std::move(w));
    }
    return it->second;
  }

  void ParentRow(const std::string& path, const Line& line,
                 const std::vector<std::string_view>& fields) {
    if (fields.empty() || fields[0].empty()) {
      Error(path, line.number, "a row needs an id", "check --sep");
      return;
    }
    VertexId child = Node(fields[0]);
    if (opt_.date_column > 0) {
      if (fields.size() < opt_.date_column) {
        Error(path, line.number,
              fmt::format("no column {} for the date, found {}",
                          opt_.date_column, Describe(line.text)),
              "is the line cut short? check --date-column");
        return;
      }
      auto when = ParseWhen(fields[opt_.date_column - 1]);
      if (!when) {
        Error(path, line.number,
              fmt::format("'{}' is not a date", fields[opt_.date_column - 1]),
              "write YYYY, YYYY-MM, YYYY-MM-DD or Unix seconds");
        return;
      }
      spec_.works[child].date = *when;
    }
    if (fields.size() < 2) return;  // A root: no parents.
    for (std::string_view parent : Split(fields[1], ' '))
      AddEdge(path, line.number, Node(parent), child,
              model::Relation::kBuildsOn);
  }

  void AddEdge(const std::string& path, std::size_t line, VertexId parent,
               VertexId child, model::Relation rel) {
    if (parent == child) {
      ++report_->self_loops;
      Note("self-loops", path, line,
           fmt::format("{} links to itself", spec_.works[child].id));
      return;
    }
    if (!seen_.emplace(parent, child).second) {
      ++report_->duplicate_edges;
      Note("duplicate edges", path, line,
           fmt::format("{} -> {} again", spec_.works[parent].id,
                       spec_.works[child].id));
      return;
    }
    model::LinkSpec l;
    l.parent = spec_.works[parent].id;
    l.child = spec_.works[child].id;
    l.relation = rel;
    spec_.links.push_back(std::move(l));
  }

  void Note(const std::string& kind, const std::string& path, std::size_t line,
            std::string what) {
    report_->examples.try_emplace(kind,
                                  fmt::format("{}:{}: {}", path, line, what));
  }

  void Error(const std::string& path, std::size_t line, std::string message,
             std::string fix) {
    if (diags_.size() < kMaxDiagnostics)
      diags_.push_back({{path, static_cast<int>(line), 0},
                        std::move(message),
                        std::move(fix)});
  }

  static std::string Describe(std::string_view line) {
    if (line.size() > 60) return fmt::format("'{}…'", line.substr(0, 60));
    return fmt::format("'{}'", line);
  }

  const ImportOptions& opt_;
  ImportReport* report_;
  model::GraphSpec spec_;
  std::unordered_map<std::string, VertexId> ids_;
  std::set<std::pair<VertexId, VertexId>> seen_;
  // Node-table rows: the first date and line of every id, and the ids
  // whose rows disagree.
  std::unordered_map<std::string, std::pair<model::Date, std::size_t>> rows_;
  std::set<std::string> conflicted_;
  std::vector<base::Diagnostic> diags_;
};

}  // namespace

bool IsTable(std::string_view path) {
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (path.size() >= ext.size() &&
        path.substr(path.size() - ext.size()) == ext)
      return false;
  }
  return true;
}

base::Result<model::Graph> ImportTable(const std::string& path,
                                       const ImportOptions& options,
                                       ImportReport* report) {
  ImportReport local;
  if (report == nullptr) report = &local;
  *report = ImportReport{};
  report->source = path;
  Importer importer(options, report);
  if (auto s = importer.ReadEdges(path); !s.ok()) return s;
  if (!options.nodes.empty()) {
    if (auto s = importer.ReadNodes(options.nodes); !s.ok()) return s;
  }
  return importer.Finish();
}

}  // namespace lineage::io
