#include "io/table_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <ctime>
#include <tuple>
#include <unordered_map>

#include "base/parallel.h"
#include "base/text.h"
#include "io/dates.h"
#include "io/line_reader.h"

namespace lineage::io {
namespace {

using model::VertexId;

constexpr std::size_t kMaxDiagnostics = 20;

// The fields of a line. Reused from line to line, so that splitting
// allocates only when a line has more fields than any before it (a node
// table with many attribute columns, an octopus merge with dozens of
// parents).
struct Fields {
  std::vector<std::string_view> at;
  std::size_t size = 0;
  void Clear() {
    at.clear();
    size = 0;
  }
  void Push(std::string_view field) {
    at.push_back(field);
    ++size;
  }
};

std::string_view Trim(std::string_view field) {
  while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
  while (!field.empty() && field.back() == ' ') field.remove_suffix(1);
  return field;
}

// Splits on `sep`, or on runs of spaces and tabs when sep is ' '. A field
// that starts with '"' is quoted as in CSV (RFC 4180): separators inside it
// are text and "" is a quote; its unquoted text goes to `scratch`, which the
// views then point into. False when a quote is not closed on the line.
bool Split(std::string_view line, char sep, Fields* out,
           std::string* scratch = nullptr) {
  out->Clear();
  if (sep == ' ') {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) out->Push(line.substr(i, j - i));
      i = j;
    }
    return true;
  }
  if (scratch != nullptr && line.find('"') != std::string_view::npos) {
    scratch->clear();
    scratch->reserve(line.size());  // Views stay valid: no reallocation.
    std::size_t i = 0;
    while (true) {
      while (i < line.size() && line[i] == ' ') ++i;
      const std::size_t begin = scratch->size();
      if (i < line.size() && line[i] == '"') {
        ++i;
        while (true) {
          if (i >= line.size()) return false;
          if (line[i] == '"') {
            if (i + 1 < line.size() && line[i + 1] == '"') {
              scratch->push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          scratch->push_back(line[i++]);
        }
        while (i < line.size() && line[i] != sep) ++i;  // Text after quote.
      } else {
        std::size_t end = line.find(sep, i);
        if (end == std::string_view::npos) end = line.size();
        scratch->append(Trim(line.substr(i, end - i)));
        i = end;
      }
      out->Push(
          std::string_view(*scratch).substr(begin, scratch->size() - begin));
      if (i >= line.size()) break;
      ++i;  // The separator.
    }
    return true;
  }
  std::size_t start = 0;
  while (true) {
    std::size_t end = line.find(sep, start);
    out->Push(Trim(line.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

bool SameDate(const model::Date& a, const model::Date& b) {
  return std::tie(a.year, a.month, a.day) == std::tie(b.year, b.month, b.day);
}

// Ids written as plain decimal numbers ("1001", not "01001") of up to
// eight digits are looked up in an array indexed by their value instead of
// the hash table: most real edge lists use them, and it is the hot path.
constexpr std::uint32_t kDenseLimit = 1u << 24;
constexpr VertexId kNone = 0xFFFFFFFF;

bool DenseNumber(std::string_view id, std::uint32_t* value) {
  if (id.empty() || id.size() > 8 || (id[0] == '0' && id.size() > 1))
    return false;
  std::uint32_t v = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint32_t>(c - '0');
  }
  *value = v;
  return v < kDenseLimit;
}

class Importer {
 public:
  Importer(const ImportOptions& o, ImportReport* r) : opt_(o), report_(r) {}

  base::Status ReadEdges(const std::string& path) {
    std::size_t lines = 0;
    const std::size_t errors = diags_.size();
    auto each = [&](const TextLine& line, Fields& fields) {
      ++lines;
      if (opt_.parent_lists) {
        ParentRow(path, line, fields);
        return;
      }
      if (fields.size < 2 || fields.at[0].empty() || fields.at[1].empty()) {
        Error(
            path, line.number,
            fmt::format("an edge needs two ids, found {}", Describe(line.text)),
            "is the line cut short? check the separator ([[separator]])");
        return;
      }
      VertexId a = Node(fields.at[0]), b = Node(fields.at[1]);
      bool cites = opt_.edges != ImportOptions::Edges::kInfluences;
      AddEdge(path, line.number, cites ? b : a, cites ? a : b);
    };
    if (auto s = ForEachDataLine(path, /*count=*/true, each); !s.ok()) return s;
    if (lines == 0 && diags_.size() == errors)
      Error(path, 1, "the file holds no edges", "is it the right file?");
    return base::Status::Ok();
  }

  base::Status ReadNodes(const std::string& path) {
    std::size_t matched = 0, well_formed = 0;
    auto each = [&](const TextLine& line, Fields& fields) {
      ++report_->node_rows;
      if (fields.size < 2 || fields.at[0].empty()) {
        Error(path, line.number,
              fmt::format("a node row needs an id and a date, found {}",
                          Describe(line.text)),
              "write 'id SEP date [SEP label]'");
        return;
      }
      auto when = ReadDate(path, line.number, fields.at[1]);
      if (!when) return;
      ++well_formed;
      // Conflicts are looked for over the whole table, whether or not the
      // id is in an edge: they say how far the table can be trusted.
      std::string_view key = Key(fields.at[0]);
      VertexId v = Find(key);
      std::pair<model::Date, std::size_t> first;
      bool repeated = false, conflict_counted = false;
      if (v != kNone) {
        if (first_row_[v] != 0) {
          first = {dates_[v], first_row_[v]};
          repeated = true;
          conflict_counted = conflicted_[v];
          if (!SameDate(first.first, *when)) conflicted_[v] = true;
        }
      } else {
        auto [it, fresh] =
            unmatched_.try_emplace(std::string(key), *when, line.number, false);
        if (!fresh) {
          first = {std::get<0>(it->second), std::get<1>(it->second)};
          repeated = true;
          conflict_counted = std::get<2>(it->second);
          if (!SameDate(first.first, *when)) std::get<2>(it->second) = true;
        }
      }
      if (repeated) {
        if (!conflict_counted && !SameDate(first.first, *when)) {
          ++report_->conflicting_node_ids;
          Note("conflicting node rows", path, line.number,
               fmt::format("'{}' dated {} here but {} on line {}; the first "
                           "is kept",
                           fields.at[0], when->ToString(),
                           first.first.ToString(), first.second));
        }
        return;
      }
      if (v == kNone) {
        Note("node-table ids in no edge", path, line.number,
             fmt::format("'{}' appears in no edge", fields.at[0]));
        ++report_->unmatched_node_rows;
        return;
      }
      ++matched;
      dates_[v] = *when;
      first_row_[v] = line.number;
      if (fields.size >= 3 && !fields.at[2].empty()) SetLabel(v, fields.at[2]);
      // Columns after the label are kept as attributes, named by the
      // header (else "column4", ...).
      for (std::size_t i = 3; i < fields.size; ++i) {
        if (fields.at[i].empty()) continue;
        model::AttributeColumn& a = Attribute(i);
        if (a.of.size() < dates_.size())
          a.of.resize(dates_.size(), model::AttributeColumn::kNone);
        a.of[v] = a.values.Add(fields.at[i]);
      }
    };
    dates_.resize(ids_.size());
    first_row_.assign(ids_.size(), 0);
    conflicted_.assign(ids_.size(), false);
    if (auto s = ForEachDataLine(path, /*count=*/false, each); !s.ok())
      return s;
    // Only when some row could be read: a table of broken rows has had its
    // errors already.
    if (matched == 0 && well_formed > 0) {
      Error(path, 1, "no id of the node table appears in the edges",
            opt_.numeric_ids ? "is it the node table of this edge list?"
                             : "are the ids zero-padded? compare them as "
                               "numbers ([[numeric_ids]])");
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
    const std::size_t n = ids_.size();
    dates_.resize(n);
    for (const model::Date& d : dates_)
      if (!d.known()) ++report_->undated_works;
    if (opt_.parent_lists) {
      // Parents that have no row of their own: base models outside the
      // table, or names that match no id (try --match key).
      std::vector<bool> has_row(n, false);
      for (VertexId v : rows_) has_row[v] = true;
      for (VertexId v = 0; v < n; ++v) {
        if (has_row[v]) continue;
        if (report_->parents_without_row++ == 0) {
          const bool labelled =
              v < label_of_.size() && label_of_[v] != model::BulkSpec::kNoLabel;
          report_->examples["parents without a row"] = fmt::format(
              "{}: '{}' is named as a parent but has no row", report_->source,
              labelled ? labels_.Get(label_of_[v]) : ids_.Get(v));
        }
      }
    }
    model::BulkSpec spec;
    spec.ids = std::move(ids_);
    spec.labels = std::move(labels_);
    spec.label_of = std::move(label_of_);
    if (!spec.label_of.empty())
      spec.label_of.resize(n, model::BulkSpec::kNoLabel);
    spec.dates = std::move(dates_);
    spec.parents = std::move(parents_);
    spec.children = std::move(children_);
    spec.relation = opt_.parent_lists ? model::Relation::kBuildsOn
                                      : model::Relation::kCites;
    spec.attributes = std::move(attributes_);
    spec.kind = opt_.kind;
    std::vector<std::unique_ptr<VertexId[]>>().swap(dense_);
    model::BulkReport dropped;
    model::Graph g = model::Graph::FromBulk(std::move(spec), &dropped);
    report_->duplicate_edges += dropped.duplicate_links;
    if (dropped.first_duplicate) {
      auto [p, c] = *dropped.first_duplicate;
      report_->examples.try_emplace(
          "duplicate edges", fmt::format("{}: {} -> {} more than once",
                                         report_->source, g.id(p), g.id(c)));
    }
    CountTimeInconsistent(g);
    return g;
  }

 private:
  // Links from a work to one dated earlier, at the precision both dates
  // have. Dates are packed YYYYMMDD into a 4-byte column so that the look-ups
  // of ten million children stay in cache, and the links are split over two
  // cores.
  void CountTimeInconsistent(const model::Graph& g) {
    const std::size_t n = g.num_works();
    std::vector<std::uint32_t> packed(n);
    for (VertexId v = 0; v < n; ++v) {
      const model::Date& d = g.date(v);
      packed[v] =
          static_cast<std::uint32_t>(d.year * 10000 + d.month * 100 + d.day);
    }
    auto later = [](std::uint32_t p, std::uint32_t c) {
      if (p == 0 || c == 0 || p / 10000 != c / 10000)
        return p != 0 && c != 0 && p / 10000 > c / 10000;
      std::uint32_t pm = p / 100 % 100, cm = c / 100 % 100;
      if (pm == 0 || cm == 0 || pm != cm) return pm != 0 && cm != 0 && pm > cm;
      std::uint32_t pd = p % 100, cd = c % 100;
      return pd != 0 && cd != 0 && pd > cd;
    };
    const model::RowView out = g.out_rows();
    std::size_t count[2] = {0, 0};
    std::optional<std::pair<VertexId, VertexId>> first[2];
    base::OnTwoHalves(
        n, model::MidRow(out, n),
        [&](int half, std::size_t begin, std::size_t end) {
          for (auto u = static_cast<VertexId>(begin); u < end; ++u) {
            const std::uint32_t p = packed[u];
            if (p == 0) continue;
            for (model::EdgeId e = out.start[u]; e < out.start[u + 1]; ++e) {
              const VertexId c = out.vertex[e];
              if (!later(p, packed[c])) continue;
              if (count[half]++ == 0) first[half] = {u, c};
            }
          }
        });
    report_->time_inconsistent = count[0] + count[1];
    auto example = first[0] ? first[0] : first[1];
    if (example) {
      auto [p, c] = *example;
      report_->examples["time-inconsistent links"] =
          fmt::format("{} ({}) draws on {}, dated later ({})", g.id(c),
                      g.date(c).ToString(), g.id(p), g.date(p).ToString());
    }
  }

  // Calls each(line, fields) for every data line of `path`: comments, blank
  // lines and the header line skipped; binary bytes and overlong lines
  // reported (binary bytes end the file: it is no table).
  template <typename Each>
  base::Status ForEachDataLine(const std::string& path, bool count,
                               Each&& each) {
    LineReader reader(opt_.max_line_bytes);
    if (auto s = reader.Open(path, opt_.max_file_bytes); !s.ok()) return s;
    // An edge line takes ten bytes or more ("1001\t2002\n"): reserving for
    // that many spares the edge columns their growth copies. Pages never
    // written are never resident.
    if (count && !opt_.parent_lists) {
      const std::size_t guess = parents_.size() + reader.size() / 10;
      parents_.reserve(guess);
      children_.reserve(guess);
    }
    bool header_skipped = !opt_.header;
    sep_ = opt_.separator;
    Fields fields;
    TextLine line;
    while (reader.Next(&line)) {
      if (line.overlong) {
        Error(path, line.number,
              fmt::format("the line is {} bytes long, over the limit of {}",
                          line.length, opt_.max_line_bytes),
              "is this a table?");
        continue;
      }
      if (std::size_t bad = base::FindInvalidText(line.text);
          bad != std::string_view::npos) {
        diags_.push_back(
            {{path, static_cast<int>(line.number), static_cast<int>(bad + 1)},
             fmt::format("byte 0x{:02x} is not UTF-8 text; this is not a table",
                         static_cast<unsigned char>(line.text[bad])),
             "give a text edge list, or convert it to UTF-8"});
        return base::Status::Ok();
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
        if (sep_ == 0) sep_ = GuessSeparator(line.text);
        header_.clear();
        if (Split(line.text, sep_, &fields, &scratch_))
          for (std::size_t i = 0; i < fields.size; ++i)
            header_.emplace_back(fields.at[i]);
        continue;
      }
      if (count) ++report_->data_lines;
      if (sep_ == 0) sep_ = GuessSeparator(line.text);
      if (!Split(line.text, sep_, &fields, &scratch_)) {
        Error(path, line.number, "a quoted field is not closed on its line",
              "close the quote; fields cannot span lines");
        continue;
      }
      each(line, fields);
      if (opt_.progress && (line.number & 0xFFFF) == 0)
        opt_.progress("reading", reader.consumed(), reader.size());
    }
    return reader.status();
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

  // From the first data line: a tab-separated file with one column of
  // space-separated parents keeps its tabs, an edge list with stray spaces
  // too; then commas; else runs of spaces.
  static char GuessSeparator(std::string_view first) {
    if (first.find('\t') != std::string_view::npos) return '\t';
    if (first.find(',') != std::string_view::npos) return ',';
    return ' ';
  }

  // The key an id is matched by: as written, without leading zeros
  // (--numeric-ids), or its NormalizeKey (--match key). The view is valid
  // until the next call.
  std::string_view Key(std::string_view id) {
    if (opt_.match == ImportOptions::Match::kKey) {
      key_ = base::NormalizeKey(id);
      return key_;
    }
    if (opt_.numeric_ids && AllDigits(id)) {
      std::size_t nz = id.find_first_not_of('0');
      return nz == std::string_view::npos ? std::string_view("0")
                                          : id.substr(nz);
    }
    return id;
  }

  // The vertex of an already keyed id, or kNone.
  VertexId Find(std::string_view key) const {
    std::uint32_t value;
    if (DenseNumber(key, &value)) {
      const auto& page = dense_[value >> kPageBits];
      return page ? page[value & kPageMask] : kNone;
    }
    auto v = ids_.Find(key);
    return v ? *v : kNone;
  }

  VertexId Node(std::string_view id) {
    std::string_view key = Key(id);
    std::uint32_t value;
    if (DenseNumber(key, &value)) {
      // Pages are made as ids reach them, so that one large id costs a page,
      // not an array up to its value.
      auto& page = dense_[value >> kPageBits];
      if (!page) {
        page = std::make_unique<VertexId[]>(kPageSize);
        std::fill_n(page.get(), kPageSize, kNone);
      }
      // Numbers are deduplicated by dense_, and never equal a non-numeric
      // key: the hash index is built once at the end (Graph::FromBulk).
      VertexId& v = page[value & kPageMask];
      if (v == kNone) v = ids_.AddUnindexed(key);
      return v;
    }
    auto [v, added] = ids_.Intern(key);
    // Matched by key, a work keeps the first spelling met as its name.
    if (added && key != id) SetLabel(v, id);
    return v;
  }

  // The attribute column of node-table column `i` (0-based, 3 or more).
  model::AttributeColumn& Attribute(std::size_t i) {
    while (attributes_.size() <= i - 3) {
      const std::size_t column = attributes_.size() + 3;
      std::string name = column < header_.size() && !header_[column].empty()
                             ? header_[column]
                             : fmt::format("column{}", column + 1);
      attributes_.push_back({std::move(name), {}, {}});
    }
    return attributes_[i - 3];
  }

  void SetLabel(VertexId v, std::string_view label) {
    if (label_of_.size() <= v)
      label_of_.resize(std::max<std::size_t>(v + 1, ids_.size()),
                       model::BulkSpec::kNoLabel);
    label_of_[v] = labels_.Add(label);
  }

  void ParentRow(const std::string& path, const TextLine& line,
                 const Fields& fields) {
    if (fields.size == 0 || fields.at[0].empty()) {
      Error(path, line.number, "a row needs an id",
            "check the separator ([[separator]])");
      return;
    }
    if (Key(fields.at[0]).empty()) {
      Error(path, line.number,
            fmt::format("id '{}' has no letters or digits to match by",
                        fields.at[0]),
            "fix the id, or match names exactly ([[match]] exact)");
      return;
    }
    VertexId child = Node(fields.at[0]);
    if (opt_.date_column > 0) {
      if (fields.size < opt_.date_column) {
        Error(path, line.number,
              fmt::format("no column {} for the date, found {}",
                          opt_.date_column, Describe(line.text)),
              "is the line cut short? check the date column ([[date_column]])");
        return;
      }
      std::string_view text = fields.at[opt_.date_column - 1];
      auto when = ReadDate(path, line.number, text);
      if (!when) return;
      if (dates_.size() <= child) dates_.resize(child + 1);
      dates_[child] = *when;
    }
    rows_.push_back(child);
    const std::size_t column = opt_.parent_column;
    if (fields.size < column) return;  // A root: no parents.
    if (sep_ == ' ' && opt_.list_separator == ' ') {
      // `git log --format='%H %P'`: the row was split on the spaces that
      // also separate its parents, so they are every field from the parent
      // column on (but a date column there).
      parent_list_.Clear();
      for (std::size_t i = column - 1; i < fields.size; ++i)
        if (i + 1 != opt_.date_column) parent_list_.Push(fields.at[i]);
    } else {
      Split(fields.at[column - 1], opt_.list_separator, &parent_list_);
    }
    for (std::size_t i = 0; i < parent_list_.size; ++i) {
      std::string_view parent = Trim(parent_list_.at[i]);
      if (parent.empty()) continue;
      if (Key(parent).empty()) {
        Error(path, line.number,
              fmt::format("parent '{}' has no letters or digits to match by",
                          parent),
              "fix the name, or match names exactly ([[match]] exact)");
        continue;
      }
      AddEdge(path, line.number, Node(parent), child);
    }
  }

  // The date of a cell: unknown for an empty one (an undated work), nullopt
  // after reporting one that is no date.
  std::optional<model::Date> ReadDate(const std::string& path, std::size_t line,
                                      std::string_view text) {
    if (Trim(text).empty()) return model::Date{};
    auto d = ParseLooseDate(text);
    if (!d) {
      Error(path, line, fmt::format("'{}' is not a date", text),
            std::string(kDateForms));
      return std::nullopt;
    }
    if (d->coarsened && report_->coarsened_dates++ == 0) {
      Note("coarsened dates", path, line,
           fmt::format("'{}' is read as {}", Trim(text), d->date.ToString()));
    }
    return d->date;
  }

  void AddEdge(const std::string& path, std::size_t line, VertexId parent,
               VertexId child) {
    if (parent == child) {
      ++report_->self_loops;
      Note("self-loops", path, line,
           fmt::format("{} links to itself", ids_.Get(child)));
      return;
    }
    parents_.push_back(parent);
    children_.push_back(child);
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
  base::InternTable ids_;
  // Decimal id value -> vertex, in pages of 4,096 made on first use.
  static constexpr unsigned kPageBits = 12;
  static constexpr std::uint32_t kPageSize = 1u << kPageBits;
  static constexpr std::uint32_t kPageMask = kPageSize - 1;
  std::vector<std::unique_ptr<VertexId[]>> dense_ =
      std::vector<std::unique_ptr<VertexId[]>>(kDenseLimit >> kPageBits);
  std::vector<VertexId> parents_, children_;
  std::vector<model::Date> dates_;
  base::StringPool labels_;
  std::vector<std::uint32_t> label_of_;
  // Node-table rows: the line of each work's first row (0: none yet), the
  // works whose rows disagree, and the rows of ids in no edge.
  std::vector<std::size_t> first_row_;
  std::vector<bool> conflicted_;
  std::unordered_map<std::string, std::tuple<model::Date, std::size_t, bool>>
      unmatched_;
  std::vector<base::Diagnostic> diags_;
  std::string scratch_;              // Unquoted CSV fields of the current line.
  std::string key_;                  // The last NormalizeKey.
  std::vector<VertexId> rows_;       // Parent lists: the work of each row.
  Fields parent_list_;               // ParentRow's list, reused.
  char sep_ = 0;                     // The current file's field separator.
  std::vector<std::string> header_;  // The last file's header fields.
  std::vector<model::AttributeColumn> attributes_;
};

}  // namespace

base::Result<model::Graph> ImportTables(const std::vector<std::string>& paths,
                                        const ImportOptions& options,
                                        ImportReport* report) {
  ImportReport local;
  report =
      FreshReport(report, &local, fmt::format("{}", fmt::join(paths, ", ")));
  Importer importer(options, report);
  for (const std::string& path : paths)
    if (auto s = importer.ReadEdges(path); !s.ok()) return s;
  if (!options.nodes.empty()) {
    if (auto s = importer.ReadNodes(options.nodes); !s.ok()) return s;
  }
  return importer.Finish();
}

}  // namespace lineage::io
