#include "io/graph_file.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <type_traits>

#include "io/atomic_file.h"
#include "xxhash.h"

namespace lineage::io {
namespace {

constexpr char kMagic[8] = {'L', 'G', 'R', 'A', 'P', 'H', '\0', '\1'};
constexpr std::uint32_t kVersion = 5;
// Files at least this large are checked for sparseness before reading.
constexpr std::uint64_t kSparseCheckBytes = std::uint64_t{64} << 20;
constexpr std::uint32_t kByteOrder = 0x01020304;
// The least bytes an entry of each section takes: its strings' and lists'
// u32 lengths and its numbers (a location is a string and two i32).
constexpr std::uint64_t kWhere = 4 + 4 + 4;
constexpr std::uint64_t kLeastEra = 5 * 4 + 2 * 4 + kWhere;
constexpr std::uint64_t kLeastWork = 1 + 12 * 4 + kWhere;
constexpr std::uint64_t kLeastLink = 1 + 3 * 4 + kWhere;
constexpr std::uint64_t kLeastRelation = 1 + 4;

// Appends sections to one buffer.
class Writer {
 public:
  template <typename T>
  void Raw(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  template <typename T>
  void Array(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    Raw<std::uint64_t>(values.size() * sizeof(T));
    out_.append(reinterpret_cast<const char*>(values.data()),
                values.size() * sizeof(T));
  }
  void Bytes(const std::string& bytes) {
    Raw<std::uint64_t>(bytes.size());
    out_.append(bytes);
  }
  // A section of a u32 count and that many entries, each written by
  // `entry(writer, item)`.
  template <typename T, typename Entry>
  void List(const std::vector<T>& items, Entry&& entry) {
    Writer inner;
    inner.Raw<std::uint32_t>(static_cast<std::uint32_t>(items.size()));
    for (const T& item : items) entry(inner, item);
    Bytes(inner.out_);
  }
  // A string pool: its bytes, then its end offsets.
  void Pool(const base::StringPool& pool) {
    Bytes(pool.bytes());
    Array(pool.ends());
  }
  void String(std::string_view s) {
    Raw<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void Strings(const std::vector<std::string>& list) {
    Raw<std::uint32_t>(static_cast<std::uint32_t>(list.size()));
    for (const std::string& s : list) String(s);
  }
  void Where(const base::SourceLocation& where) {
    String(where.file);
    Raw<std::int32_t>(where.line);
    Raw<std::int32_t>(where.column);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Reads sections from a file, checking every length against what is left
// and hashing every byte read, for the checksum at the end.
class Reader {
 public:
  Reader(std::FILE* file, std::uint64_t size)
      : file_(file), left_(size), hash_(XXH3_createState()) {
    XXH3_64bits_reset(hash_.get());
  }

  bool Raw(void* to, std::uint64_t n) {
    if (n > left_ || (n > 0 && std::fread(to, 1, n, file_) != n)) return false;
    XXH3_64bits_update(hash_.get(), to, n);
    left_ -= n;
    return true;
  }
  // The hash of the bytes read so far.
  std::uint64_t digest() const { return XXH3_64bits_digest(hash_.get()); }
  template <typename T>
  bool Array(std::vector<T>* values) {
    std::uint64_t bytes;
    if (!Raw(&bytes, sizeof bytes) || bytes % sizeof(T) != 0 || bytes > left_)
      return false;
    values->resize(bytes / sizeof(T));
    return Raw(values->data(), bytes);
  }
  bool Bytes(std::string* bytes) {
    std::uint64_t n;
    if (!Raw(&n, sizeof n) || n > left_) return false;
    bytes->resize(n);
    return Raw(bytes->data(), n);
  }
  std::uint64_t left() const { return left_; }

 private:
  struct Free {
    void operator()(XXH3_state_t* state) const { XXH3_freeState(state); }
  };
  std::FILE* file_;
  std::uint64_t left_;
  std::unique_ptr<XXH3_state_t, Free> hash_;
};

// Parses strings and numbers out of one section's bytes.
class Parser {
 public:
  explicit Parser(std::string_view bytes) : in_(bytes) {}
  template <typename T>
  bool Raw(T* value) {
    if (in_.size() < sizeof(T)) return false;
    std::memcpy(value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return true;
  }
  bool String(std::string* s) {
    std::uint32_t n;
    if (!Raw(&n) || in_.size() < n) return false;
    s->assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  bool Strings(std::vector<std::string>* list) {
    std::uint32_t n;
    if (!Raw(&n) || std::uint64_t{n} * 4 > in_.size()) return false;
    list->resize(n);
    for (std::string& s : *list)
      if (!String(&s)) return false;
    return true;
  }
  bool Where(base::SourceLocation* where) {
    return String(&where->file) && Raw(&where->line) && Raw(&where->column);
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

// A section written by Writer::List into `out`, each entry read by
// `entry(parser, item)`. The count is checked against the least bytes an
// entry takes, so that a corrupt count cannot ask for gigabytes.
template <typename T, typename Entry>
bool ReadList(Reader& r, std::uint64_t least, std::vector<T>* out,
              Entry&& entry) {
  std::string section;
  std::uint32_t n;
  if (!r.Bytes(&section)) return false;
  Parser p(section);
  if (!p.Raw(&n) || std::uint64_t{n} * least > section.size()) return false;
  out->resize(n);
  for (T& item : *out)
    if (!entry(p, item)) return false;
  return p.done();  // The entries fill the section exactly.
}

// A pool written by Writer::Pool.
bool ReadPool(Reader& r, base::StringPool* pool) {
  std::string bytes;
  std::vector<std::uint64_t> ends;
  return r.Bytes(&bytes) && r.Array(&ends) &&
         pool->Adopt(std::move(bytes), std::move(ends));
}

struct Closer {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Dates as YYYYMMDD, 0 for unknown: 4 bytes a work.
std::uint32_t PackDate(const model::Date& d) {
  return static_cast<std::uint32_t>(d.year * 10000 + d.month * 100 + d.day);
}
std::optional<model::Date> UnpackDate(std::uint32_t packed) {
  model::Date d{static_cast<int>(packed / 10000),
                static_cast<int>(packed / 100 % 100),
                static_cast<int>(packed % 100)};
  if (d.year > 9999 || d.month > 12 || d.day > 31 ||
      (d.month == 0 && d.day != 0) || (d.year == 0 && packed != 0))
    return std::nullopt;
  return d;
}

// A layer byte, checked: a corrupt one must not become an enum out of range.
bool Layer(Parser& p, model::Layer* layer) {
  std::uint8_t byte = 0;
  if (!p.Raw(&byte) ||
      byte > static_cast<std::uint8_t>(model::Layer::kExtension))
    return false;
  *layer = static_cast<model::Layer>(byte);
  return true;
}

}  // namespace

bool IsGraphFile(const std::string& path) {
  std::unique_ptr<std::FILE, Closer> f(std::fopen(path.c_str(), "rb"));
  char magic[sizeof kMagic];
  return f && std::fread(magic, 1, sizeof magic, f.get()) == sizeof magic &&
         std::memcmp(magic, kMagic, sizeof magic) == 0;
}

base::Status WriteGraphFile(const model::Graph& graph,
                            const std::string& path) {
  model::Graph::Columns c = graph.ToColumns();
  Writer w;
  w.out().append(kMagic, sizeof kMagic);
  w.Raw(kVersion);
  w.Raw(kByteOrder);
  w.Bytes(c.title);
  w.Bytes(c.zh_title);
  w.List(c.eras, [](Writer& s, const model::Era& e) {
    s.String(e.id);
    s.String(e.name);
    s.Raw<std::int32_t>(e.from_year);
    s.Raw<std::int32_t>(e.to_year);
    s.String(e.summary);
    s.String(e.zh_name);
    s.String(e.zh_summary);
    s.Where(e.where);
  });
  w.Pool(c.ids);
  w.Pool(c.names);
  w.Array(c.name_of);
  w.Array(c.kinds);
  std::vector<std::uint32_t> dates(c.dates.size());
  for (std::size_t v = 0; v < dates.size(); ++v)
    dates[v] = PackDate(c.dates[v]);
  w.Array(dates);
  w.List(c.details, [](Writer& s, const model::WorkDetails& d) {
    s.Raw(static_cast<std::uint8_t>(d.layer));
    s.Strings(d.aliases);
    s.String(d.era);
    s.Strings(d.people);
    s.String(d.paper);
    s.String(d.arxiv);
    s.String(d.url);
    s.String(d.summary);
    s.Strings(d.tags);
    s.String(d.note);
    s.String(d.zh_name);
    s.Strings(d.zh_aliases);
    s.String(d.zh_summary);
    s.Where(d.where);
  });
  w.Array(c.rowstart);
  w.Array(c.column);
  w.Array(c.relations);
  w.List(c.vocabulary.custom(),
         [](Writer& s, const model::RelationVocabulary::Custom& r) {
           s.Raw(static_cast<std::uint8_t>(r.id));
           s.String(r.name);
         });
  w.List(c.link_details, [](Writer& s, const model::LinkDetails& d) {
    s.Raw(static_cast<std::uint8_t>(d.layer));
    s.String(d.evidence);
    s.String(d.citation);
    s.String(d.zh_evidence);
    s.Where(d.where);
  });
  w.Raw<std::uint32_t>(static_cast<std::uint32_t>(c.attributes.size()));
  for (const model::AttributeColumn& a : c.attributes) {
    w.Bytes(a.name);
    w.Raw<std::uint8_t>(a.names ? 1 : 0);
    w.Pool(a.values);
    w.Array(a.of);
  }
  w.Array(c.in.rowstart);
  w.Array(c.in.source);
  w.Array(c.in.link);
  w.Raw<std::uint64_t>(XXH3_64bits(w.out().data(), w.out().size()));
  return WriteFileAtomically(path, w.out());
}

base::Result<model::Graph> ReadGraphFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return base::Status::NotFound(
        fmt::format("'{}' does not exist or is not a file", path));
  std::uint64_t size = std::filesystem::file_size(path, ec);
  std::unique_ptr<std::FILE, Closer> f(std::fopen(path.c_str(), "rb"));
  if (ec || !f)
    return base::Status::IoError(
        fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  // Every section's length is checked against the file's size before it is
  // allocated; a sparse file (a huge size on no disk blocks) would still let
  // a crafted header claim gigabytes of zeros. lineage never writes one:
  // refuse it before reading. The margin leaves room for file systems that
  // compress.
  struct stat st {};
  if (fstat(fileno(f.get()), &st) == 0 && size >= kSparseCheckBytes &&
      static_cast<std::uint64_t>(st.st_blocks) * 512 < size / 16) {
    return base::Status::InvalidData(fmt::format(
        "'{}' is {} bytes long but holds only {} on disk: it is sparse, "
        "which a graph file never is; import the source data again "
        "([[import]])",
        path, size, static_cast<std::uint64_t>(st.st_blocks) * 512));
  }
  Reader r(f.get(), size);
  auto corrupt = [&](std::string_view section) {
    return base::Status::InvalidData(fmt::format(
        "'{}' is truncated or corrupt (in its {}); import the source data "
        "again ([[import]])",
        path, section));
  };
  char magic[sizeof kMagic];
  std::uint32_t version = 0, order = 0;
  if (!r.Raw(magic, sizeof magic) ||
      std::memcmp(magic, kMagic, sizeof magic) != 0)
    return base::Status::InvalidData(
        fmt::format("'{}' is not a lineage graph file", path));
  if (!r.Raw(&version, 4) || !r.Raw(&order, 4)) return corrupt("header");
  if (version != kVersion || order != kByteOrder)
    return base::Status::InvalidData(fmt::format(
        "'{}' is a lineage graph of format {} (or another byte order); this "
        "lineage reads format {}: import the source data again",
        path, version, kVersion));

  model::Graph::Columns c;
  if (!r.Bytes(&c.title) || !r.Bytes(&c.zh_title)) return corrupt("title");
  if (!ReadList(r, kLeastEra, &c.eras, [](Parser& p, model::Era& e) {
        return p.String(&e.id) && p.String(&e.name) && p.Raw(&e.from_year) &&
               p.Raw(&e.to_year) && p.String(&e.summary) &&
               p.String(&e.zh_name) && p.String(&e.zh_summary) &&
               p.Where(&e.where);
      }))
    return corrupt("eras");
  if (!ReadPool(r, &c.ids)) return corrupt("ids");
  if (!ReadPool(r, &c.names) || !r.Array(&c.name_of)) return corrupt("names");
  if (!r.Array(&c.kinds)) return corrupt("kinds");
  std::vector<std::uint32_t> dates;
  if (!r.Array(&dates)) return corrupt("dates");
  c.dates.resize(dates.size());
  for (std::size_t v = 0; v < dates.size(); ++v) {
    auto d = UnpackDate(dates[v]);
    if (!d) return corrupt("dates");
    c.dates[v] = *d;
  }
  if (!ReadList(r, kLeastWork, &c.details,
                [](Parser& p, model::WorkDetails& d) {
                  return Layer(p, &d.layer) && p.Strings(&d.aliases) &&
                         p.String(&d.era) && p.Strings(&d.people) &&
                         p.String(&d.paper) && p.String(&d.arxiv) &&
                         p.String(&d.url) && p.String(&d.summary) &&
                         p.Strings(&d.tags) && p.String(&d.note) &&
                         p.String(&d.zh_name) && p.Strings(&d.zh_aliases) &&
                         p.String(&d.zh_summary) && p.Where(&d.where);
                }))
    return corrupt("work details");
  if (!r.Array(&c.rowstart)) return corrupt("links");
  if (!r.Array(&c.column)) return corrupt("links");
  if (!r.Array(&c.relations)) return corrupt("relations");
  std::vector<model::RelationVocabulary::Custom> custom;
  if (!ReadList(r, kLeastRelation, &custom,
                [](Parser& p, model::RelationVocabulary::Custom& c) {
                  std::uint8_t id = 0;
                  if (!p.Raw(&id)) return false;
                  c.id = static_cast<model::Relation>(id);
                  return p.String(&c.name);
                }))
    return corrupt("relation names");
  auto vocabulary = model::RelationVocabulary::Of(std::move(custom));
  if (!vocabulary) return corrupt("relation names");
  c.vocabulary = std::move(*vocabulary);
  if (!ReadList(r, kLeastLink, &c.link_details,
                [](Parser& p, model::LinkDetails& d) {
                  return Layer(p, &d.layer) && p.String(&d.evidence) &&
                         p.String(&d.citation) && p.String(&d.zh_evidence) &&
                         p.Where(&d.where);
                }))
    return corrupt("link details");
  std::uint32_t attributes = 0;
  if (!r.Raw(&attributes, 4) || std::uint64_t{attributes} * 32 > r.left())
    return corrupt("attributes");
  c.attributes.resize(attributes);
  for (model::AttributeColumn& a : c.attributes) {
    std::uint8_t names = 0;
    if (!r.Bytes(&a.name) || !r.Raw(&names, 1) || names > 1 ||
        !ReadPool(r, &a.values) || !r.Array(&a.of))
      return corrupt("attributes");
    a.names = names == 1;
  }
  if (!r.Array(&c.in.rowstart) || !r.Array(&c.in.source) ||
      !r.Array(&c.in.link))
    return corrupt("in-links");
  // The in-links cannot be checked against the links in less time than it
  // takes to build them again; the checksum stands for that check.
  const std::uint64_t digest = r.digest();
  std::uint64_t checksum = 0;
  if (!r.Raw(&checksum, sizeof checksum) || r.left() != 0)
    return corrupt("end");
  if (checksum != digest) return corrupt("checksum");
  auto g = model::Graph::FromColumns(std::move(c));
  if (!g) return corrupt("columns");
  return std::move(*g);
}

}  // namespace lineage::io
