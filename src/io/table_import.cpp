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
#include "base/problems.h"
#include "base/text.h"
#include "io/dates.h"
#include "io/line_reader.h"

namespace lineage::io {
namespace {

using model::VertexId;

// The fields of a record. Reused from record to record, so that splitting
// allocates only when a record has more fields than any before it (a node
// table with many attribute columns, an octopus merge with dozens of
// parents).
struct Fields {
  std::vector<std::string_view> at;
  std::vector<bool> padded;  // Unquoted, with spaces trimmed around it.
  std::size_t size = 0;
  void Clear() {
    at.clear();
    padded.clear();
    size = 0;
  }
  void Push(std::string_view field, bool was_padded = false) {
    at.push_back(field);
    padded.push_back(was_padded);
    ++size;
  }
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view field) {
  while (!field.empty() && IsBlank(field.front())) field.remove_prefix(1);
  while (!field.empty() && IsBlank(field.back())) field.remove_suffix(1);
  return field;
}

// Whether a CSV record is inside a quoted field after `text`, given whether
// it was before (RFC 4180: a field that starts with '"', after any spaces,
// is quoted; "" inside it is a quote; line breaks inside it are text). O(n).
bool QuoteOpenAfter(std::string_view text, char sep, bool open) {
  bool field_start = !open;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (open) {
      if (c != '"') continue;
      if (i + 1 < text.size() && text[i + 1] == '"') {
        ++i;
        continue;
      }
      open = false;
    } else if (c == sep) {
      field_start = true;
    } else if (c == '"' && field_start) {
      open = true;
      field_start = false;
    } else if (c != ' ') {
      field_start = false;
    }
  }
  return open;
}

// Splits a record on `sep`, or on runs of spaces and tabs when sep is ' '.
// A field that starts with '"' is quoted as in CSV (RFC 4180): separators
// and line breaks inside it are text, "" is a quote, and spaces inside the
// quotes are data; its unquoted text goes to `scratch`, which the views
// then point into. Unquoted fields are trimmed. The record must hold no
// open quote (QuoteOpenAfter).
void Split(std::string_view line, char sep, Fields* out,
           std::string* scratch = nullptr) {
  out->Clear();
  if (sep == ' ') {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && IsBlank(line[i])) ++i;
      std::size_t j = i;
      while (j < line.size() && !IsBlank(line[j])) ++j;
      if (j > i) out->Push(line.substr(i, j - i));
      i = j;
    }
    return;
  }
  if (scratch != nullptr && line.find('"') != std::string_view::npos) {
    scratch->clear();
    scratch->reserve(line.size());  // Views stay valid: no reallocation.
    std::size_t i = 0;
    while (true) {
      std::size_t lead = i;
      while (i < line.size() && line[i] == ' ') ++i;
      const std::size_t begin = scratch->size();
      bool padded = false;
      if (i < line.size() && line[i] == '"') {
        ++i;
        while (i < line.size()) {
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
        i = lead;
        std::size_t end = line.find(sep, i);
        if (end == std::string_view::npos) end = line.size();
        std::string_view raw = line.substr(i, end - i);
        std::string_view trimmed = Trim(raw);
        padded = trimmed.size() != raw.size();
        scratch->append(trimmed);
        i = end;
      }
      out->Push(
          std::string_view(*scratch).substr(begin, scratch->size() - begin),
          padded);
      if (i >= line.size()) break;
      ++i;  // The separator.
    }
    return;
  }
  std::size_t start = 0;
  while (true) {
    std::size_t end = line.find(sep, start);
    std::string_view raw = line.substr(start, end - start);
    std::string_view trimmed = Trim(raw);
    out->Push(trimmed, trimmed.size() != raw.size());
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
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

// Links from a work to one dated earlier, at the precision both dates
// have. Dates are packed YYYYMMDD into a 4-byte column so that the look-ups
// of ten million children stay in cache, and the links are split over two
// cores.
void CountTimeInconsistent(const model::Graph& g, ImportReport* report) {
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
  report->time_inconsistent = count[0] + count[1];
  auto example = first[0] ? first[0] : first[1];
  if (example) {
    auto [p, c] = *example;
    report->examples["time-inconsistent links"] =
        fmt::format("{} ({}) draws on {}, dated later ({})", g.id(c),
                    g.date(c).ToString(), g.id(p), g.date(p).ToString());
  }
}

// The 0-based columns of one file's parent-list or node-table rows, from
// ImportOptions' columns and the file's header.
struct Columns {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t id = 0, date = kNone, parent = kNone, label = kNone, kind = kNone;
  std::vector<std::size_t> aliases;
  // Whether column i holds one of the above (else it is an attribute).
  bool Used(std::size_t i) const {
    return i == id || i == date || i == parent || i == label || i == kind ||
           std::find(aliases.begin(), aliases.end(), i) != aliases.end();
  }
};

class Importer {
 public:
  Importer(const ImportOptions& o, ImportReport* r) : opt_(o), report_(r) {}

  base::Status ReadEdges(const std::string& path) {
    std::size_t records = 0;
    const std::size_t errors = problems_.total();
    auto each = [&](std::size_t line, Fields& fields) {
      ++records;
      if (opt_.parent_lists) {
        ParentRow(path, line, fields);
        return;
      }
      if (fields.size < 2 || fields.at[0].empty() || fields.at[1].empty()) {
        Error("edges without two ids", path, line,
              fmt::format("an edge needs two ids, found {}", Describe(fields)),
              "is the line cut short? check the separator ([[separator]])");
        return;
      }
      CountPadded(path, line, fields, 0);
      CountPadded(path, line, fields, 1);
      VertexId a = Node(fields.at[0]), b = Node(fields.at[1]);
      bool cites = opt_.edges != ImportOptions::Edges::kInfluences;
      AddEdge(path, line, cites ? b : a, cites ? a : b);
    };
    if (auto s = ForEachRecord(path, /*count=*/true, /*nodes=*/false, each);
        !s.ok())
      return s;
    if (records == 0 && problems_.total() == errors)
      Error("empty files", path, 1, "the file holds no edges",
            "is it the right file?");
    return base::Status::Ok();
  }

  base::Status ReadNodes(const std::string& path) {
    std::size_t matched = 0, well_formed = 0;
    auto each = [&](std::size_t line, Fields& fields) {
      ++report_->node_rows;
      const std::size_t needed = std::max(cols_.id, cols_.date) + 1;
      if (fields.size < needed || fields.at[cols_.id].empty()) {
        Error("node rows without an id and a date", path, line,
              fmt::format("a node row needs an id (column {}) and a date "
                          "(column {}), found {}",
                          cols_.id + 1, cols_.date + 1, Describe(fields)),
              "write 'id SEP date [SEP label]', or name the columns "
              "([[id_column]], [[date_column]])");
        return;
      }
      if (!CheckId(path, line, fields, cols_.id)) return;
      auto when = ReadDate(path, line, fields.at[cols_.date]);
      if (!when) return;
      ++well_formed;
      // Repeats are looked for over the whole table, whether or not the id
      // is in an edge: they say how far the table can be trusted.
      std::string_view key = Key(fields.at[cols_.id]);
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
            unmatched_.try_emplace(std::string(key), *when, line, false);
        if (!fresh) {
          first = {std::get<0>(it->second), std::get<1>(it->second)};
          repeated = true;
          conflict_counted = std::get<2>(it->second);
          if (!SameDate(first.first, *when)) std::get<2>(it->second) = true;
        }
      }
      if (repeated) {
        Repeated(path, line, fields.at[cols_.id], first.second);
        if (!conflict_counted && !SameDate(first.first, *when)) {
          ++report_->conflicting_node_ids;
          Note("conflicting node rows", path, line,
               fmt::format("'{}' dated {} here but {} on line {}; the first "
                           "is kept",
                           fields.at[cols_.id], when->ToString(),
                           first.first.ToString(), first.second));
        }
        return;
      }
      if (v == kNone) {
        Note("node-table ids in no edge", path, line,
             fmt::format("'{}' appears in no edge", fields.at[cols_.id]));
        ++report_->unmatched_node_rows;
        return;
      }
      ++matched;
      dates_[v] = *when;
      first_row_[v] = line;
      RowDetails(path, line, fields, v);
    };
    dates_.resize(ids_.size());
    first_row_.assign(ids_.size(), 0);
    conflicted_.assign(ids_.size(), false);
    if (auto s = ForEachRecord(path, /*count=*/false, /*nodes=*/true, each);
        !s.ok())
      return s;
    // Only when some row could be read: a table of broken rows has had its
    // errors already.
    if (matched == 0 && well_formed > 0) {
      Error("node tables matching no edge", path, 1,
            "no id of the node table appears in the edges",
            opt_.numeric_ids ? "is it the node table of this edge list?"
                             : "are the ids zero-padded? compare them as "
                               "numbers ([[numeric_ids]])");
    }
    return base::Status::Ok();
  }

  base::Result<model::Graph> Finish() {
    if (!usage_.ok()) return usage_;
    if (!problems_.empty())
      return problems_.ToStatus("the imported data", report_->source);
    if (opt_.parent_lists) ResolveParents();
    const std::size_t n = ids_.size();
    dates_.resize(n);
    for (const model::Date& d : dates_)
      if (!d.known()) ++report_->undated_works;
    if (opt_.parent_lists) {
      report_->split_name = SplitName();
      // Parents that have no row of their own: base models outside the
      // table, or names that match no id (try --match key). They are kept,
      // undated, with their links.
      for (VertexId v = 0; v < n; ++v) {
        if (v < row_line_.size() && row_line_[v] != 0) continue;
        if (report_->parents_without_row++ == 0) {
          report_->examples["parents without a row"] =
              fmt::format("{}: '{}' is named as a parent but has no row",
                          report_->source, NameOf(v));
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
    spec.kinds = std::move(kinds_);
    std::vector<std::unique_ptr<VertexId[]>>().swap(dense_);
    return BuildBulkGraph(std::move(spec), report_);
  }

 private:
  // Calls each(line, fields) for every data record of `path`, where `line`
  // is the line it starts on: comments, blank lines and the header skipped;
  // quoted fields may span lines (RFC 4180); bytes that are not UTF-8 and
  // overlong records reported (such bytes end the file: it is no table).
  template <typename Each>
  base::Status ForEachRecord(const std::string& path, bool count, bool nodes,
                             Each&& each) {
    // gzip files (edges.tsv.gz) read as their text.
    LineReader reader(opt_.max_line_bytes, /*gunzip=*/true);
    if (auto s = reader.Open(path, opt_.max_file_bytes); !s.ok()) return s;
    // An edge line takes ten bytes or more ("1001\t2002\n"): reserving for
    // that many spares the edge columns their growth copies. Pages never
    // written are never resident.
    if (count && !opt_.parent_lists) {
      const std::size_t guess = parents_.size() + reader.size() / 10;
      parents_.reserve(guess);
      children_.reserve(guess);
    }
    const bool header = opt_.header || NamesAColumn(nodes);
    bool header_skipped = !header, columns_set = false;
    sep_ = opt_.separator;
    Fields fields;
    TextLine line;
    std::string record;           // A record that spans lines.
    std::size_t record_line = 0;  // Where it starts; 0: none open.
    while (reader.Next(&line)) {
      if (line.overlong) {
        Error("overlong lines", path, line.number,
              fmt::format("the line is {} bytes long, over the limit of {}",
                          line.length, opt_.max_line_bytes),
              "is this a table?");
        record_line = 0;
        continue;
      }
      if (std::size_t bad = base::FindInvalidUtf8(line.text);
          bad != std::string_view::npos) {
        problems_.Add(
            "bytes that are not text",
            {{path, static_cast<int>(line.number), static_cast<int>(bad + 1)},
             fmt::format("byte 0x{:02x} is not UTF-8 text; this is not a table",
                         static_cast<unsigned char>(line.text[bad])),
             "give a text table, or convert it to UTF-8"});
        return base::Status::Ok();
      }
      std::string_view text = line.text;
      std::size_t number = line.number;
      if (record_line != 0) {
        record += '\n';
        record.append(line.text);
        if (record.size() > opt_.max_line_bytes) {
          Error("unclosed quotes", path, record_line,
                fmt::format("a quoted field opened on this line runs on for "
                            "over {} bytes",
                            opt_.max_line_bytes),
                "close the quote with '\"' (a quote inside a quoted field is "
                "written twice: \"\")");
          record_line = 0;
          continue;
        }
        // The record was inside a quoted field when this line began.
        if (QuoteOpenAfter(line.text, sep_, /*open=*/true)) continue;
        text = record;
        number = record_line;
        record_line = 0;
      } else {
        std::string_view t = text;
        while (!t.empty() && IsBlank(t.front())) t.remove_prefix(1);
        if (t.empty()) continue;
        if (!opt_.comment.empty() &&
            t.substr(0, opt_.comment.size()) == opt_.comment) {
          if (count) {
            ++report_->comment_lines;
            HeaderClaim(t);
          }
          continue;
        }
        if (sep_ == 0) sep_ = GuessSeparator(text);
        if (sep_ != ' ' && text.find('"') != std::string_view::npos &&
            QuoteOpenAfter(text, sep_, false)) {
          record.assign(text);
          record_line = number;
          continue;
        }
      }
      Split(text, sep_, &fields, &scratch_);
      if (!header_skipped) {
        header_skipped = true;
        header_.clear();
        for (std::size_t i = 0; i < fields.size; ++i)
          header_.emplace_back(fields.at[i]);
        if (!SetColumns(path, number, nodes)) return base::Status::Ok();
        columns_set = true;
        continue;
      }
      if (!columns_set) {
        header_.clear();
        if (!SetColumns(path, number, nodes)) return base::Status::Ok();
        columns_set = true;
      }
      if (count) ++report_->data_lines;
      each(number, fields);
      if (opt_.progress && (line.number & 0xFFFF) == 0)
        opt_.progress("reading", reader.consumed(), reader.size());
    }
    if (record_line != 0) {
      Error("unclosed quotes", path, record_line,
            "a quoted field opened on this line is never closed",
            "close the quote with '\"' (a quote inside a quoted field is "
            "written twice: \"\")");
    }
    return reader.status();
  }

  // Whether a column is given by its header name, which needs a header row.
  bool NamesAColumn(bool nodes) const {
    if (!nodes && !opt_.parent_lists) return false;
    for (const auto* c :
         {&opt_.id_column, &opt_.date_column, &opt_.parent_column,
          &opt_.label_column, &opt_.kind_column})
      if (!c->name.empty()) return true;
    for (const auto& c : opt_.alias_columns)
      if (!c.name.empty()) return true;
    return false;
  }

  // Resolves the columns of the file whose header (maybe none) is header_,
  // for node tables (`nodes`) or parent lists. False after reporting a
  // column name the header does not have.
  bool SetColumns(const std::string& path, std::size_t line, bool nodes) {
    bool ok = true;
    auto resolve = [&](const ImportOptions::Column& c, std::size_t fallback,
                       std::string_view option) {
      if (c.number > 0) return c.number - 1;
      if (c.name.empty()) return fallback;
      for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == c.name) return i;
      for (std::size_t i = 0; i < header_.size(); ++i)
        if (base::NormalizeKey(header_[i]) == base::NormalizeKey(c.name))
          return i;
      // Wrong usage, not bad data: said as such (exit 2), each column once.
      usage_ = base::Status::InvalidArgument(fmt::format(
          "{}{}{}:{}: the header has no column named '{}'; its columns are "
          "{} (name one of them, or give its number: [[{}]])",
          usage_.message(), usage_.ok() ? "" : "\n", path, line, c.name,
          fmt::join(header_, ", "), option));
      ok = false;
      return Columns::kNone;
    };
    const std::size_t none = Columns::kNone;
    cols_ = Columns{};
    cols_.id = resolve(opt_.id_column, 0, "id_column");
    cols_.date = resolve(opt_.date_column, nodes ? 1 : none, "date_column");
    cols_.parent =
        nodes ? none : resolve(opt_.parent_column, 1, "parent_column");
    cols_.label = resolve(opt_.label_column, nodes ? 2 : none, "label_column");
    cols_.kind = resolve(opt_.kind_column, none, "kind_column");
    for (const auto& c : opt_.alias_columns)
      cols_.aliases.push_back(resolve(c, none, "alias_column"));
    attribute_of_.clear();
    return ok;
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
  // (--numeric-ids), or, for an edge list, its NormalizeKey (--match key).
  // The view is valid until the next call.
  std::string_view Key(std::string_view id) {
    if (opt_.match == ImportOptions::Match::kKey && !opt_.parent_lists) {
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

  // The attribute column of column `i` of the current file: named by its
  // header (else "columnN"), one column per name across files.
  model::AttributeColumn& Attribute(std::size_t i, bool names = false) {
    if (attribute_of_.size() <= i) attribute_of_.resize(i + 1, Columns::kNone);
    std::size_t& at = attribute_of_[i];
    if (at == Columns::kNone) {
      std::string name = i < header_.size() && !header_[i].empty()
                             ? header_[i]
                             : fmt::format("column{}", i + 1);
      at = attributes_.size();
      for (std::size_t a = 0; a < attributes_.size(); ++a)
        if (attributes_[a].name == name) at = a;
      if (at == attributes_.size()) attributes_.push_back({name, {}, {}});
      attributes_[at].names |= names;
    }
    return attributes_[at];
  }

  void SetAttribute(model::AttributeColumn& a, VertexId v,
                    std::string_view value) {
    if (a.of.size() <= v)
      a.of.resize(std::max<std::size_t>(v + 1, ids_.size()),
                  model::AttributeColumn::kNone);
    a.of[v] = a.values.Add(value);
  }

  void SetLabel(VertexId v, std::string_view label) {
    if (label_of_.size() <= v)
      label_of_.resize(std::max<std::size_t>(v + 1, ids_.size()),
                       model::BulkSpec::kNoLabel);
    label_of_[v] = labels_.Add(label);
  }

  std::string_view NameOf(VertexId v) const {
    const bool labelled =
        v < label_of_.size() && label_of_[v] != model::BulkSpec::kNoLabel;
    return labelled ? labels_.Get(label_of_[v]) : ids_.Get(v);
  }

  // The label, kind, aliases and attributes of row `fields`, for work v.
  void RowDetails(const std::string& path, std::size_t line,
                  const Fields& fields, VertexId v) {
    auto cell = [&](std::size_t i) {
      return i < fields.size ? fields.at[i] : std::string_view();
    };
    if (!cell(cols_.label).empty()) SetLabel(v, cell(cols_.label));
    if (std::string_view kind = cell(cols_.kind); !kind.empty()) {
      if (auto k = model::ParseKind(base::NormalizeKey(kind))) {
        if (kinds_.size() <= v)
          kinds_.resize(std::max<std::size_t>(v + 1, ids_.size()), opt_.kind);
        kinds_[v] = *k;
      } else if (report_->unknown_kinds++ == 0) {
        Note("unknown kinds", path, line,
             fmt::format("'{}' is no kind of work ({}); '{}' stays a {}", kind,
                         model::KindNames(), fields.at[cols_.id],
                         model::KindName(opt_.kind)));
      }
    }
    for (std::size_t i : cols_.aliases)
      if (!cell(i).empty())
        SetAttribute(Attribute(i, true), v, AliasList(cell(i)));
    // Space-separated rows have no columns of their own beyond the parents.
    if (opt_.parent_lists && sep_ == ' ') return;
    for (std::size_t i = 0; i < fields.size; ++i) {
      if (cols_.Used(i) || fields.at[i].empty()) continue;
      SetAttribute(Attribute(i), v, fields.at[i]);
    }
  }

  // Whether the id in column `i` can name a work: control characters
  // (text elsewhere) are refused in ids, which people type.
  bool CheckId(const std::string& path, std::size_t line, const Fields& fields,
               std::size_t i) {
    std::string_view id = fields.at[i];
    if (std::size_t bad = base::FindControl(id);
        bad != std::string_view::npos) {
      Error("ids with control characters", path, line,
            fmt::format("the id in column {} holds control character 0x{:02x}",
                        i + 1, static_cast<unsigned char>(id[bad])),
            "remove it from the id");
      return false;
    }
    CountPadded(path, line, fields, i);
    return true;
  }

  void CountPadded(const std::string& path, std::size_t line,
                   const Fields& fields, std::size_t i) {
    if (!fields.padded[i]) return;
    if (report_->trimmed_ids++ == 0)
      Note("trimmed ids", path, line,
           fmt::format("'{}' has spaces around it, trimmed", fields.at[i]));
  }

  void Repeated(const std::string& path, std::size_t line, std::string_view id,
                std::size_t first_line) {
    if (report_->repeated_rows++ == 0)
      Note("repeated rows", path, line,
           fmt::format("'{}' has a row on line {} already; line {} is kept", id,
                       first_line, first_line));
  }

  void ParentRow(const std::string& path, std::size_t line,
                 const Fields& fields) {
    if (fields.size <= cols_.id || fields.at[cols_.id].empty()) {
      Error("rows without an id", path, line,
            fmt::format("a row needs an id in column {}", cols_.id + 1),
            "check the separator ([[separator]]) and the id column "
            "([[id_column]])");
      return;
    }
    if (!CheckId(path, line, fields, cols_.id)) return;
    const std::string_view id = fields.at[cols_.id];
    VertexId child = Node(id);
    if (row_line_.size() <= child) row_line_.resize(child + 1, 0);
    if (row_line_[child] != 0) {
      Repeated(path, line, id, row_line_[child]);
      return;
    }
    model::Date when;
    if (cols_.date != Columns::kNone) {
      if (fields.size <= cols_.date) {
        Error("rows without a date column", path, line,
              fmt::format("no column {} for the date, found {}", cols_.date + 1,
                          Describe(fields)),
              "is the line cut short? check the date column ([[date_column]])");
        return;
      }
      auto parsed = ReadDate(path, line, fields.at[cols_.date]);
      if (!parsed) return;
      when = *parsed;
    }
    row_line_[child] = line;
    if (dates_.size() <= child) dates_.resize(child + 1);
    dates_[child] = when;
    RowDetails(path, line, fields, child);
    const std::size_t column = cols_.parent;
    if (fields.size <= column) return;  // A root: no parents.
    parent_list_.Clear();
    if (sep_ == ' ') {
      // `git log --format='%H %P'`: the row was split on the spaces that
      // also separate its parents, so they are every field from the parent
      // column on (but a date column there).
      for (std::size_t i = column; i < fields.size; ++i)
        if (i != cols_.date) parent_list_.Push(fields.at[i]);
    } else {
      std::string_view cell = fields.at[column];
      const char list_sep = ListSeparator(cell);
      Split(cell, list_sep, &parent_list_);
      // Kept to tell, at the end, whether the separator split a name.
      if (parent_list_.size > 1 && split_cells_.size() < kSplitCellsKept)
        split_cells_.emplace_back(std::string(cell), list_sep);
    }
    for (std::size_t i = 0; i < parent_list_.size; ++i) {
      std::string_view parent = Trim(parent_list_.at[i]);
      if (parent.empty()) continue;
      if (DeferParents()) {
        pending_.push_back({child, names_.Add(parent), line});
      } else {
        AddEdge(path, line, Node(parent), child);
      }
    }
  }

  // A run of two or more names of a split parent cell that is, whole, the
  // id of a row: the sign of a list separator that splits names. "" if none.
  std::string SplitName() {
    Fields pieces;
    for (const auto& [cell, sep] : split_cells_) {
      Split(cell, sep, &pieces);
      const std::size_t n = std::min<std::size_t>(pieces.size, 16);
      for (std::size_t i = 0; i + 1 < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
          const char* begin = pieces.at[i].data();
          const char* end = pieces.at[j].data() + pieces.at[j].size();
          std::string_view run(begin, static_cast<std::size_t>(end - begin));
          VertexId v = Find(Key(run));
          if (v != kNone && v < row_line_.size() && row_line_[v] != 0)
            return std::string(run);
        }
      }
    }
    return "";
  }

  // The first of ';', '|' and ',' (unless the fields are comma-separated)
  // that `cell` holds; 0 for none.
  char ListMark(std::string_view cell) const {
    for (char c : {';', '|', ','})
      if ((c != ',' || sep_ != ',') && cell.find(c) != std::string_view::npos)
        return c;
    return 0;
  }

  // An alias cell as a names column holds it: one name, or several
  // ("Llama-2; Llama2") split as a parent list is (never on spaces: names
  // have them) and joined by AttributeColumn::kNameSeparator.
  std::string AliasList(std::string_view cell) const {
    const char given = opt_.list_separator;
    const char sep = given != 0 && given != ' ' ? given : ListMark(cell);
    if (sep == 0) return std::string(cell);
    std::string out;
    Fields names;
    Split(cell, sep, &names);
    for (std::string_view name : names.at) {
      name = Trim(name);
      if (name.empty()) continue;
      if (!out.empty()) out += model::AttributeColumn::kNameSeparator;
      out += name;
    }
    return out;
  }

  // The separator of the parents in `cell` (ImportOptions::list_separator).
  char ListSeparator(std::string_view cell) const {
    if (opt_.list_separator != 0) return opt_.list_separator;
    if (char mark = ListMark(cell)) return mark;
    // "a1b2c3d e4f5a6b" (hashes, numbers) are several ids; "Damn Small
    // Linux" is one name.
    Fields words;
    Split(cell, ' ', &words);
    if (words.size < 2) return ';';
    for (std::string_view w : words.at) {
      const bool hex =
          w.size() >= 7 && std::all_of(w.begin(), w.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
          });
      if (!hex && !AllDigits(w)) return ';';  // ';' is in no cell here.
    }
    return ' ';
  }

  // Parents are matched once every row is known when they may name a row by
  // its label or alias, or by key: a row later in the file must be found.
  bool DeferParents() const {
    return opt_.match == ImportOptions::Match::kKey ||
           cols_.label != Columns::kNone || !cols_.aliases.empty();
  }

  // Matches the deferred parent names to works: a row with that id; else
  // the one row with that label or alias; else (--match key) the one row
  // whose id, label or alias has that key; else a work known only by that
  // name. A name or key that fits several rows matches none of them.
  void ResolveParents() {
    if (pending_.empty()) return;
    constexpr VertexId kAmbiguous = kNone - 1;
    std::unordered_map<std::string, VertexId> by_name, by_key;
    std::unordered_map<std::string, std::vector<VertexId>> candidates;
    const bool keyed = opt_.match == ImportOptions::Match::kKey;
    auto add = [&](std::unordered_map<std::string, VertexId>& map,
                   std::string name, VertexId v) {
      auto [it, fresh] = map.try_emplace(name, v);
      if (!fresh && it->second != v) {
        it->second = kAmbiguous;
        auto& list = candidates[name];
        if (list.empty()) list.push_back(v);
        if (list.size() < 4) list.push_back(v);
      } else if (fresh) {
        candidates.erase(name);
        candidates[name].push_back(v);
      }
    };
    for (VertexId v = 0; v < row_line_.size(); ++v) {
      if (row_line_[v] == 0) continue;
      std::vector<std::string_view> names{ids_.Get(v)};
      if (v < label_of_.size() && label_of_[v] != model::BulkSpec::kNoLabel)
        names.push_back(labels_.Get(label_of_[v]));
      for (const model::AttributeColumn& a : attributes_)
        if (a.names && v < a.of.size() &&
            a.of[v] != model::AttributeColumn::kNone)
          for (std::string_view n :
               model::AttributeColumn::NamesIn(a.values.Get(a.of[v])))
            names.push_back(n);
      for (std::size_t i = 1; i < names.size(); ++i)
        add(by_name, std::string(names[i]), v);
      if (keyed)
        for (std::string_view name : names)
          add(by_key, base::NormalizeKey(name), v);
    }
    for (const Pending& p : pending_) {
      std::string_view name = names_.Get(p.name);
      VertexId parent = Find(Key(name));
      if (parent == kNone || parent >= row_line_.size() ||
          row_line_[parent] == 0) {
        VertexId found = kNone;
        std::string looked_up;
        if (auto it = by_name.find(std::string(name)); it != by_name.end()) {
          found = it->second;
          looked_up = it->first;
        } else if (keyed) {
          looked_up = base::NormalizeKey(name);
          if (auto k = by_key.find(looked_up); k != by_key.end())
            found = k->second;
        }
        if (found == kAmbiguous) {
          if (report_->ambiguous_names++ == 0) {
            std::vector<std::string> fits;
            for (VertexId v : candidates[looked_up])
              fits.push_back(fmt::format("'{}'", ids_.Get(v)));
            Note("ambiguous names", report_->source, p.line,
                 fmt::format("parent '{}' fits {}; it is kept as a work of "
                             "its own",
                             name, fmt::join(fits, " and ")));
          }
          found = kNone;
        }
        parent = found != kNone ? found : Node(name);
      }
      AddEdge(report_->source, p.line, parent, p.child);
    }
    std::vector<Pending>().swap(pending_);
  }

  // The date of a cell: unknown for an empty one (an undated work), nullopt
  // after reporting one that is no date.
  std::optional<model::Date> ReadDate(const std::string& path, std::size_t line,
                                      std::string_view text) {
    if (Trim(text).empty()) return model::Date{};
    auto d = ParseLooseDate(text);
    if (!d) {
      Error("malformed dates", path, line,
            fmt::format("'{}' is not a date", text), std::string(kDateForms));
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

  void Error(std::string_view kind, const std::string& path, std::size_t line,
             std::string message, std::string fix) {
    problems_.Add(kind, {{path, static_cast<int>(line), 0},
                         std::move(message),
                         std::move(fix)});
  }

  static std::string Describe(const Fields& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size && line.size() <= 60; ++i) {
      if (i > 0) line += " | ";
      line += fields.at[i];
    }
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
  std::vector<model::Kind> kinds_;  // Per work, from a kind column.
  // Node-table rows: the line of each work's first row (0: none yet), the
  // works whose rows disagree, and the rows of ids in no edge.
  std::vector<std::size_t> first_row_;
  std::vector<bool> conflicted_;
  std::unordered_map<std::string, std::tuple<model::Date, std::size_t, bool>>
      unmatched_;
  base::ProblemList problems_;
  base::Status usage_;   // Column options the header cannot meet.
  std::string scratch_;  // Unquoted CSV fields of the current record.
  std::string key_;      // The last NormalizeKey.
  // Parent lists: the line of each work's row (0: none), and the parent
  // names matched once every row is read (DeferParents).
  std::vector<std::size_t> row_line_;
  struct Pending {
    VertexId child;
    std::uint32_t name;  // In names_.
    std::size_t line;
  };
  std::vector<Pending> pending_;
  base::StringPool names_;
  // Parent cells split in several names (the first kSplitCellsKept).
  static constexpr std::size_t kSplitCellsKept = 10000;
  std::vector<std::pair<std::string, char>> split_cells_;
  Fields parent_list_;               // ParentRow's list, reused.
  char sep_ = 0;                     // The current file's field separator.
  std::vector<std::string> header_;  // The current file's header fields.
  Columns cols_;                     // The current file's columns.
  // The current file's column -> index into attributes_ (kNone: not yet).
  std::vector<std::size_t> attribute_of_;
  std::vector<model::AttributeColumn> attributes_;
};

}  // namespace

model::Graph BuildBulkGraph(model::BulkSpec spec, ImportReport* report) {
  model::BulkReport dropped;
  model::Graph g = model::Graph::FromBulk(std::move(spec), &dropped);
  report->duplicate_edges += dropped.duplicate_links;
  if (dropped.first_duplicate) {
    auto [p, c] = *dropped.first_duplicate;
    report->examples.try_emplace("duplicate edges",
                                 fmt::format("{}: {} -> {} more than once",
                                             report->source, g.id(p), g.id(c)));
  }
  CountTimeInconsistent(g, report);
  return g;
}

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
