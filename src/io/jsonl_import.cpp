#include "io/jsonl_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>
#include <zlib.h>

#include <cctype>
#include <filesystem>
#include <string_view>

#include "io/dates.h"
#include "io/line_reader.h"

namespace lineage::io {
namespace {

namespace od = simdjson::ondemand;
using model::VertexId;

constexpr std::size_t kMostProblems = 20;
constexpr std::string_view kOpenAlexPrefix = "https://openalex.org/";

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// An id as text: a string as it is, a number as written (Semantic
// Scholar's corpus ids are numbers in one dataset and strings in another);
// "" for null and anything else.
std::string_view IdText(od::value v) {
  od::json_type type;
  if (v.type().get(type) != simdjson::SUCCESS) return {};
  std::string_view out;
  if (type == od::json_type::string) {
    if (v.get_string().get(out) != simdjson::SUCCESS) return {};
    return out;
  }
  if (type == od::json_type::number) return TrimRight(v.raw_json_token());
  return {};
}

// Ids written as a number, bare (Semantic Scholar's corpus ids) or after a
// 'W' (OpenAlex works, once the URL is cut), with no leading zero: their
// key is the number (and whether it had the W), found in one open-addressing
// table of 16-byte slots, one cache miss a look-up. A string table would
// cost three (its slot, the string's end, its bytes); at ten million
// references that is most of the import. Any other id (Semantic Scholar's
// hex paperIds, "W0123") is interned as a string: it can never be written
// the way a keyed id is, so the two never meet.
class NumberIndex {
 public:
  static constexpr VertexId kNone = 0xFFFFFFFF;

  // The key of `id`, or nullopt when it is not such a number.
  static std::optional<std::uint64_t> Key(std::string_view id) {
    std::uint64_t tag = 0;
    if (!id.empty() && id.front() == 'W') {
      id.remove_prefix(1);
      tag = 1;
    }
    if (id.empty() || id.size() > 18 || (id[0] == '0' && id.size() > 1))
      return std::nullopt;
    std::uint64_t n = 0;
    for (char c : id) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return (n << 1) | tag;
  }

  // Starts fetching the slot where `key` would be: a line's references are
  // looked up after all of them are fetched, so that their cache misses
  // overlap.
  void Prefetch(std::uint64_t key) const {
    if (!slots_.empty())
      __builtin_prefetch(&slots_[(key * 0x9E3779B97F4A7C15ull) >> shift_]);
  }

  // The vertex of `key`; `fresh` (and `*added`) when it had none.
  VertexId FindOrAdd(std::uint64_t key, VertexId fresh, bool* added) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    Slot& slot = slots_[Find(key)];
    *added = slot.key == 0;
    if (*added) {
      slot = {key + 1, fresh};
      ++count_;
    }
    return slot.value;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;  // key + 1; 0: empty.
    VertexId value = kNone;
  };

  std::size_t Find(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = (key * 0x9E3779B97F4A7C15ull) >> shift_;
    while (slots_[i].key != 0 && slots_[i].key != key + 1) i = (i + 1) & mask;
    return i;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(slots_.size()));
    for (const Slot& s : old)
      if (s.key != 0) slots_[Find(s.key - 1)] = s;
  }

  std::vector<Slot> slots_;
  unsigned shift_ = 64;
  std::size_t count_ = 0;
};

// What one line says: a work's record, or (Semantic Scholar's citations
// dataset) one citation.
struct Line {
  std::string_view id, date, title;
  std::optional<std::int64_t> year;
  std::vector<std::string_view> refs;
  std::string_view citing, cited;  // A citation line.
  bool citation = false;
  bool null_citation = false;  // A citation whose cited paper S2 lacks.
  void Clear() {
    id = date = title = citing = cited = {};
    year.reset();
    refs.clear();
    citation = null_citation = false;
  }
};

class Builder {
 public:
  Builder(WorksFormat format, const ImportOptions& o, ImportReport* r)
      : format_(format), opt_(o), report_(r) {}

  base::Status Read(const std::string& path) {
    LineReader reader(opt_.max_line_bytes, /*gunzip=*/true);
    if (auto s = reader.Open(path, opt_.max_file_bytes); !s.ok()) return s;
    TextLine text;
    while (reader.Next(&text)) {
      if (text.overlong) {
        Error(path, text.number,
              fmt::format("the line is {} bytes long, over the limit of {}",
                          text.length, opt_.max_line_bytes),
              "is this JSON Lines, one record a line?");
        continue;
      }
      if (TrimRight(text.text).empty()) continue;
      ++report_->data_lines;
      // simdjson reads a few bytes past the end of its input: the reader
      // leaves that many after every line.
      static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING);
      if (auto why = Parse(simdjson::padded_string_view(
              text.text.data(), text.text.size(),
              text.text.size() + LineReader::kPadding));
          !why.empty()) {
        Error(path, text.number, why,
              format_ == WorksFormat::kOpenAlex
                  ? "each line must be one OpenAlex work, a JSON object with "
                    "an \"id\""
                  : "each line must be one Semantic Scholar paper (with a "
                    "\"paperId\" or \"corpusid\") or citation");
        continue;
      }
      Add(path, text.number);
      if (opt_.progress && (text.number & 0x3FFF) == 0)
        opt_.progress("reading", reader.file_bytes_read(), reader.size());
    }
    return reader.status();
  }

  base::Result<model::Graph> Finish() {
    if (problems_ > 0) {
      return base::Status::InvalidData(
          fmt::format("{} problem{} in the imported data", problems_,
                      problems_ == 1 ? "" : "s"),
          std::move(diags_), problems_);
    }
    const std::size_t n = ids_.size();
    if (n == 0) {
      return base::Status::InvalidData("the imported data holds no works",
                                       {{{report_->source, 1, 0},
                                         "no line names a work",
                                         "is it the right file?"}});
    }
    Grow(n - 1);
    // Grow doubles: the columns are cut to one entry a work.
    has_record_.resize(n);
    dates_.resize(n);
    label_of_.resize(n);
    for (VertexId v = 0; v < n; ++v) {
      if (!dates_[v].known()) ++report_->undated_works;
      if (records_ == 0 || has_record_[v]) continue;
      if (report_->parents_without_row++ == 0) {
        report_->examples["parents without a row"] = fmt::format(
            "{}: '{}' is cited but has no record of its own (kept as an "
            "undated work)",
            report_->source, ids_.Get(v));
      }
    }
    model::BulkSpec spec;
    spec.ids = std::move(ids_);
    spec.labels = std::move(labels_);
    spec.label_of = std::move(label_of_);
    spec.dates = std::move(dates_);
    spec.parents = std::move(parents_);
    spec.children = std::move(children_);
    spec.relation = model::Relation::kCites;
    spec.kind = model::Kind::kPaper;
    return BuildBulkGraph(std::move(spec), report_);
  }

 private:
  // Fills line_ from one JSON document; the reason when it is none of the
  // format's records ("" when it is).
  std::string Parse(simdjson::padded_string_view json) {
    line_.Clear();
    od::document doc;
    if (auto e = parser_.iterate(json).get(doc); e != simdjson::SUCCESS)
      return fmt::format("not JSON ({})", simdjson::error_message(e));
    od::object object;
    if (doc.get_object().get(object) != simdjson::SUCCESS)
      return "the line is not a JSON object";
    for (auto item : object) {
      od::field field;
      if (auto e = std::move(item).get(field); e != simdjson::SUCCESS)
        return fmt::format("malformed JSON ({})", simdjson::error_message(e));
      std::string_view key;
      if (field.unescaped_key().get(key) != simdjson::SUCCESS)
        return "malformed JSON (a key)";
      if (auto why = Field(key, field.value()); !why.empty()) return why;
    }
    if (line_.citation) return "";
    if (line_.id.empty()) {
      return format_ == WorksFormat::kOpenAlex
                 ? "the work has no \"id\""
                 : "the paper has no \"paperId\" or \"corpusid\"";
    }
    return "";
  }

  std::string Field(std::string_view key, od::value value) {
    const bool alex = format_ == WorksFormat::kOpenAlex;
    if (alex ? key == "id"
             : key == "paperId" || key == "corpusid" || key == "corpusId" ||
                   key == "id") {
      // The open corpus has "id"; the API's paperId wins over a corpus id.
      if (line_.id.empty() || key == "paperId") line_.id = IdText(value);
    } else if (alex ? key == "publication_date"
                    : key == "publicationDate" || key == "publicationdate") {
      line_.date = IdText(value);
    } else if (alex ? key == "publication_year" : key == "year") {
      std::int64_t year;
      if (value.get_int64().get(year) == simdjson::SUCCESS) line_.year = year;
    } else if (key == "display_name" ||
               (key == "title" && line_.title.empty())) {
      std::string_view title;
      if (value.get_string().get(title) == simdjson::SUCCESS)
        line_.title = title;
    } else if (alex ? key == "referenced_works"
                    : key == "references" || key == "outCitations") {
      return References(value);
    } else if (!alex && (key == "citingcorpusid" || key == "citedcorpusid")) {
      line_.citation = true;
      std::string_view id = IdText(value);
      (key == "citingcorpusid" ? line_.citing : line_.cited) = id;
      if (id.empty()) line_.null_citation = true;
    }
    return "";
  }

  std::string References(od::value value) {
    od::json_type type;
    if (value.type().get(type) != simdjson::SUCCESS)
      return "malformed JSON (the references)";
    if (type == od::json_type::null) return "";
    od::array list;
    if (value.get_array().get(list) != simdjson::SUCCESS)
      return "the references are not a list";
    for (auto item : list) {
      od::value ref;
      if (std::move(item).get(ref) != simdjson::SUCCESS)
        return "malformed JSON (a reference)";
      if (ref.type().get(type) != simdjson::SUCCESS)
        return "malformed JSON (a reference)";
      std::string_view id;
      if (type == od::json_type::object) {
        // The Graph API's {"paperId": ..., "title": ...}.
        od::object object;
        if (ref.get_object().get(object) != simdjson::SUCCESS)
          return "malformed JSON (a reference)";
        for (auto inner : object) {
          od::field field;
          std::string_view key;
          if (std::move(inner).get(field) != simdjson::SUCCESS ||
              field.unescaped_key().get(key) != simdjson::SUCCESS)
            return "malformed JSON (a reference)";
          if (key == "paperId" ||
              (id.empty() && (key == "corpusId" || key == "corpusid")))
            id = IdText(field.value());
        }
      } else {
        id = IdText(ref);
      }
      // A reference the source could not resolve names no work.
      if (!id.empty()) line_.refs.push_back(id);
    }
    return "";
  }

  std::string_view Canonical(std::string_view id) const {
    if (format_ == WorksFormat::kOpenAlex && id.starts_with(kOpenAlexPrefix))
      id.remove_prefix(kOpenAlexPrefix.size());
    return id;
  }

  VertexId Vertex(std::string_view id) {
    id = Canonical(id);
    if (auto key = NumberIndex::Key(id)) {
      bool added = false;
      const auto next = static_cast<VertexId>(ids_.size());
      const VertexId v = numbers_.FindOrAdd(*key, next, &added);
      // Indexed as strings once, by FromBulk.
      if (added) ids_.AddUnindexed(id);
      return v;
    }
    return ids_.Intern(id).first;
  }

  void Grow(VertexId v) {
    if (v < has_record_.size()) return;
    const std::size_t n = std::max<std::size_t>(v + 1, has_record_.size() * 2);
    has_record_.resize(n, 0);
    dates_.resize(n);
    label_of_.resize(n, model::BulkSpec::kNoLabel);
  }

  void Link(const std::string& path, std::size_t line, VertexId parent,
            VertexId child) {
    if (parent == child) {
      if (report_->self_loops++ == 0)
        report_->examples.try_emplace(
            "self-loops",
            fmt::format("{}:{}: {} cites itself", path, line, ids_.Get(child)));
      return;
    }
    parents_.push_back(parent);
    children_.push_back(child);
  }

  std::optional<model::Date> Date(const std::string& path, std::size_t line) {
    if (!line_.date.empty()) {
      if (auto d = ParseLooseDate(line_.date)) {
        if (d->coarsened && report_->coarsened_dates++ == 0)
          report_->examples.try_emplace(
              "coarsened dates",
              fmt::format("{}:{}: '{}' is read as {}", path, line, line_.date,
                          d->date.ToString()));
        return d->date;
      }
      // Counted, and the year is used when there is one.
      Unreadable(path, line, line_.date);
    }
    if (!line_.year) return std::nullopt;
    if (*line_.year < 1000 || *line_.year > 9999) {
      Unreadable(path, line, std::to_string(*line_.year));
      return std::nullopt;
    }
    return model::Date{static_cast<int>(*line_.year), 0, 0};
  }

  void Unreadable(const std::string& path, std::size_t line,
                  std::string_view text) {
    if (report_->unreadable_dates++ == 0)
      report_->examples.try_emplace(
          "unreadable dates", fmt::format("{}:{}: '{}' of '{}' is no date",
                                          path, line, text, line_.id));
  }

  void Add(const std::string& path, std::size_t line) {
    if (line_.citation && line_.id.empty()) {
      if (line_.null_citation || line_.citing.empty()) return;
      const VertexId citing = Vertex(line_.citing);
      const VertexId cited = Vertex(line_.cited);
      Grow(std::max(citing, cited));
      Link(path, line, cited, citing);
      return;
    }
    const VertexId v = Vertex(line_.id);
    refs_.clear();
    for (std::string_view r : line_.refs)
      if (auto key = NumberIndex::Key(Canonical(r))) numbers_.Prefetch(*key);
    for (std::string_view r : line_.refs) refs_.push_back(Vertex(r));
    Grow(static_cast<VertexId>(ids_.size() - 1));
    const std::optional<model::Date> when = Date(path, line);
    if (!has_record_[v]) {
      has_record_[v] = 1;
      ++records_;
      if (when) dates_[v] = *when;
      if (!line_.title.empty()) label_of_[v] = labels_.Add(line_.title);
    } else if (when && dates_[v].known() &&
               dates_[v].ToString() != when->ToString()) {
      if (report_->conflicting_node_ids++ == 0)
        report_->examples.try_emplace(
            "conflicting node rows",
            fmt::format("{}:{}: '{}' is dated {} here but {} in its first "
                        "record; the first is kept",
                        path, line, ids_.Get(v), when->ToString(),
                        dates_[v].ToString()));
    }
    for (VertexId p : refs_) Link(path, line, p, v);
  }

  void Error(const std::string& path, std::size_t line, std::string message,
             std::string fix) {
    if (problems_++ < kMostProblems)
      diags_.push_back({{path, static_cast<int>(line), 0},
                        std::move(message),
                        std::move(fix)});
  }

  WorksFormat format_;
  const ImportOptions& opt_;
  ImportReport* report_;
  od::parser parser_;
  Line line_;
  std::vector<VertexId> refs_;
  base::InternTable ids_;
  NumberIndex numbers_;
  base::StringPool labels_;
  std::vector<std::uint32_t> label_of_;
  std::vector<model::Date> dates_;
  std::vector<std::uint8_t> has_record_;
  std::size_t records_ = 0;
  std::vector<VertexId> parents_, children_;
  std::vector<base::Diagnostic> diags_;
  std::size_t problems_ = 0;
};

}  // namespace

std::optional<WorksFormat> SniffWorks(const std::string& path) {
  // The first 64 KiB of text, through zlib's reader, which passes a plain
  // file as it is; not a line reader, which would read a node-link document
  // written on one line to its end. A FIFO would block: regular files only.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string head(std::size_t{64} << 10, '\0');
  const int got = gzread(file, head.data(), static_cast<unsigned>(head.size()));
  gzclose(file);
  head.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  std::string_view t = head;
  // The first record: after blank lines, up to the end of its line.
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front())))
    t.remove_prefix(1);
  t = t.substr(0, t.find('\n'));
  // One record a line: a node-link document spans lines or has "nodes".
  if (t.empty() || t.front() != '{' ||
      t.find("\"nodes\"") != std::string_view::npos)
    return std::nullopt;
  auto has = [&](std::string_view key) {
    return t.find(key) != std::string_view::npos;
  };
  if (has("\"referenced_works\"") || has("\"https://openalex.org/W") ||
      has("\"publication_year\""))
    return WorksFormat::kOpenAlex;
  if (has("\"paperId\"") || has("\"corpusid\"") || has("\"citingcorpusid\"") ||
      has("\"outCitations\""))
    return WorksFormat::kSemanticScholar;
  return std::nullopt;
}

base::Result<model::Graph> ImportWorks(const std::vector<std::string>& paths,
                                       WorksFormat format,
                                       const ImportOptions& options,
                                       ImportReport* report) {
  ImportReport local;
  report =
      FreshReport(report, &local, fmt::format("{}", fmt::join(paths, ", ")));
  Builder builder(format, options, report);
  for (const std::string& path : paths)
    if (auto s = builder.Read(path); !s.ok()) return s;
  return builder.Finish();
}

}  // namespace lineage::io
