#include "io/gml_import.h"

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <set>

namespace lineage::io {
namespace {

constexpr std::size_t kMostProblems = 20;

// Whether `text` is well-formed UTF-8. GML's own charset is ISO 8859-1:
// a file that is not UTF-8 is read as Latin-1 (old files from the GML era,
// Newman's network datasets) rather than refused.
bool IsUtf8(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (n - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and code points past Unicode's last.
    if (extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
      return false;
    if (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    i += extra + 1;
  }
  return true;
}

void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Latin1ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) AppendUtf8(static_cast<unsigned char>(c), &out);
  return out;
}

// A quoted string's text: GML escapes with HTML character references
// (networkx writes &#34; and &#233;, igraph &quot;). An unknown or broken
// reference is kept as written.
std::string Unescape(std::string_view raw) {
  if (raw.find('&') == std::string_view::npos) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != '&') {
      out.push_back(raw[i++]);
      continue;
    }
    const std::size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(raw[i++]);
      continue;
    }
    std::string_view name = raw.substr(i + 1, semi - i - 1);
    std::optional<std::uint32_t> cp;
    if (name == "quot") cp = '"';
    if (name == "amp") cp = '&';
    if (name == "lt") cp = '<';
    if (name == "gt") cp = '>';
    if (name == "apos") cp = '\'';
    if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      std::uint32_t v = 0;
      bool ok = name.size() > (hex ? 2u : 1u);
      for (std::size_t k = hex ? 2 : 1; ok && k < name.size(); ++k) {
        const char c = name[k];
        int d = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (d < 0) ok = false;
        v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d < 0 ? 0 : d);
        if (v > 0x10FFFF) ok = false;
      }
      // Surrogates and NUL are no characters of a name.
      if (ok && v != 0 && (v < 0xD800 || v > 0xDFFF)) cp = v;
    }
    if (!cp) {
      out.push_back(raw[i++]);
      continue;
    }
    AppendUtf8(*cp, &out);
    i = semi + 1;
  }
  return out;
}

struct Token {
  enum Kind { kWord, kString, kOpen, kClose, kEnd } kind = kEnd;
  std::string_view raw;
  int line = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const std::string& path,
         const ImportOptions& options)
      : text_(text), path_(path), options_(options) {}

  base::Result<AttributedGraph> Run() {
    if (auto s = List(0, Context::kTop); !s.ok()) return s;
    if (!graph_seen_) {
      return Problem(1, "no 'graph [ ... ]' list",
                     "is this a GML file? GML starts with 'graph ['");
    }
    const bool given = options_.edges != ImportOptions::Edges::kAuto;
    if (directed_ == "0" && !given) {
      return UndirectedProblem(
          "GML", path_,
          "write 'directed 1' in the graph, or say how its edges read "
          "([[edges]] cites or influences)");
    }
    if (directed_.empty() && !given) {
      return Problem(
          graph_line_,
          "the graph does not say it is directed (no 'directed 1'); GML "
          "graphs are undirected unless they say so",
          "write 'directed 1' after 'graph [', or say how its edges read "
          "([[edges]] cites: the source cites the target; influences: the "
          "source came first)");
    }
    CheckEnds();
    if (problems_ > 0) {
      return base::Status::InvalidData(
          fmt::format("the GML file cannot be imported: {} problem{}",
                      problems_, problems_ == 1 ? "" : "s"),
          std::move(diags_), problems_);
    }
    g_.forward = options_.edges == ImportOptions::Edges::kInfluences;
    return std::move(g_);
  }

 private:
  enum class Context { kTop, kGraph, kNode, kEdge, kSkip };

  base::Status Problem(int line, std::string message, std::string fix) const {
    return ImportProblem("GML", path_, line, std::move(message),
                         std::move(fix));
  }

  // Keeps going: the problems of the nodes and edges are all listed.
  void Note(int line, std::string message, std::string fix) {
    if (problems_++ < kMostProblems)
      diags_.push_back({{path_, line, 0}, std::move(message), std::move(fix)});
  }

  Token Next() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++line_;
        ++pos_;
        at_line_start_ = true;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '#' && at_line_start_) {
        // A comment line (the format's only comments).
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
    at_line_start_ = false;
    Token t;
    t.line = line_;
    if (pos_ >= text_.size()) return t;
    const char c = text_[pos_];
    if (c == '[' || c == ']') {
      t.kind = c == '[' ? Token::kOpen : Token::kClose;
      t.raw = text_.substr(pos_++, 1);
      return t;
    }
    if (c == '"') {
      const std::size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) {
        t.kind = Token::kEnd;
        unclosed_string_ = true;
        pos_ = text_.size();
        return t;
      }
      t.kind = Token::kString;
      t.raw = text_.substr(pos_ + 1, close - pos_ - 1);
      for (char k : t.raw) line_ += k == '\n' ? 1 : 0;
      pos_ = close + 1;
      return t;
    }
    // A bare word: a key, a number, or one of Gephi's unquoted values.
    const std::size_t begin = pos_;
    while (pos_ < text_.size()) {
      const char k = text_[pos_];
      if (k == ' ' || k == '\t' || k == '\n' || k == '\r' || k == '[' ||
          k == ']' || k == '"' || k == '\f' || k == '\v')
        break;
      ++pos_;
    }
    t.kind = Token::kWord;
    t.raw = text_.substr(begin, pos_ - begin);
    return t;
  }

  static std::string Describe(const Token& t) {
    switch (t.kind) {
      case Token::kWord:
        return fmt::format("'{}'", t.raw.substr(0, 40));
      case Token::kString:
        return "a quoted string";
      case Token::kOpen:
        return "'['";
      case Token::kClose:
        return "']'";
      case Token::kEnd:
        return "the end of the file";
    }
    return "";
  }

  // Reads key-value pairs up to the ']' that closes this list (or the end
  // of the file at the top), doing with them what `context` calls for.
  base::Status List(int depth, Context context,
                    std::map<std::string, std::string>* data = nullptr,
                    int opened_at = 0) {
    while (true) {
      Token key = Next();
      if (unclosed_string_) {
        return Problem(key.line, "a quoted string is never closed",
                       "close it with '\"' (a string may span lines)");
      }
      if (key.kind == Token::kEnd) {
        if (depth == 0) return base::Status::Ok();
        return Problem(opened_at, "this '[' is never closed",
                       "close the list with ']'; is the file cut short?");
      }
      if (key.kind == Token::kClose) {
        if (depth > 0) return base::Status::Ok();
        return Problem(key.line, "a ']' closes no list",
                       "remove it, or open the list it closes with '['");
      }
      if (key.kind != Token::kWord) {
        return Problem(key.line,
                       fmt::format("expected a key, found {}", Describe(key)),
                       "write 'key value' or 'key [ ... ]'");
      }
      Token value = Next();
      if (unclosed_string_) {
        return Problem(value.line, "a quoted string is never closed",
                       "close it with '\"' (a string may span lines)");
      }
      if (value.kind == Token::kEnd || value.kind == Token::kClose) {
        return Problem(key.line,
                       fmt::format("key '{}' has no value (found {})",
                                   key.raw.substr(0, 40), Describe(value)),
                       "give it a value: a number, a \"string\" or a list");
      }
      if (value.kind == Token::kOpen) {
        if (depth + 1 > kGmlMaxDepth) {
          return Problem(
              value.line,
              fmt::format("lists nest deeper than {} levels", kGmlMaxDepth),
              "GML graphs need three or four; is this the right "
              "file?");
        }
        if (auto s = Sublist(depth, context, key, value.line); !s.ok())
          return s;
        continue;
      }
      std::string text = value.kind == Token::kString ? Unescape(value.raw)
                                                      : std::string(value.raw);
      Scalar(context, key.raw, std::move(text), data);
    }
  }

  base::Status Sublist(int depth, Context context, const Token& key, int line) {
    if (context == Context::kTop && key.raw == "graph") {
      if (graph_seen_) {
        return Problem(line, "a second 'graph [ ... ]' in one file",
                       "import one graph at a time");
      }
      graph_seen_ = true;
      graph_line_ = line;
      return List(depth + 1, Context::kGraph, nullptr, line);
    }
    if (context == Context::kGraph &&
        (key.raw == "node" || key.raw == "edge")) {
      std::map<std::string, std::string> data;
      const bool node = key.raw == "node";
      if (auto s = List(depth + 1, node ? Context::kNode : Context::kEdge,
                        &data, line);
          !s.ok())
        return s;
      if (node) {
        AddNode(std::move(data), line);
      } else {
        AddEdge(std::move(data), line);
      }
      return base::Status::Ok();
    }
    // graphics [...], LabelGraphics [...], attribute dictionaries: read
    // for their syntax only.
    return List(depth + 1, Context::kSkip, nullptr, line);
  }

  void Scalar(Context context, std::string_view key, std::string text,
              std::map<std::string, std::string>* data) {
    switch (context) {
      case Context::kTop:
        // yEd and some Cytoscape files say it before 'graph ['.
        if (key == "directed") directed_ = text;
        return;
      case Context::kGraph:
        if (key == "directed") {
          directed_ = text;
        } else if ((key == "label" || key == "name" || key == "title") &&
                   g_.title.empty()) {
          g_.title = std::move(text);
        }
        return;
      case Context::kNode:
      case Context::kEdge: {
        // networkx writes a list as the key repeated.
        // Appended in place: a key repeated a million times stays linear.
        std::string& slot = (*data)[std::string(key)];
        if (!slot.empty()) slot += "; ";
        slot += text;
        return;
      }
      case Context::kSkip:
        return;
    }
  }

  void AddNode(std::map<std::string, std::string> data, int line) {
    auto id = data.find("id");
    if (id == data.end() || id->second.empty()) {
      Note(line, "a node has no id", "give every node an 'id'");
      return;
    }
    std::string name = id->second;
    data.erase(id);
    ids_.insert(name);
    g_.nodes.push_back({std::move(name), std::move(data), line});
  }

  void AddEdge(std::map<std::string, std::string> data, int line) {
    auto source = data.find("source"), target = data.find("target");
    if (source == data.end() || target == data.end()) {
      Note(line, "an edge has no source or no target",
           "give every edge a 'source' and a 'target' node id");
      return;
    }
    AttributedGraph::Edge e{source->second, target->second, {}};
    data.erase("source");
    data.erase("target");
    e.data = std::move(data);
    g_.edges.push_back(std::move(e));
    edge_lines_.push_back(line);
  }

  // Edges whose ends no node declares, each with its line.
  void CheckEnds() {
    for (std::size_t i = 0; i < g_.edges.size(); ++i) {
      for (const std::string* end :
           {&g_.edges[i].source, &g_.edges[i].target}) {
        if (ids_.count(*end)) continue;
        Note(edge_lines_[i],
             fmt::format("the edge {} -> {} names node '{}', which no node "
                         "declares",
                         g_.edges[i].source, g_.edges[i].target, *end),
             "declare the node, or fix the id (ids are matched exactly)");
      }
    }
  }

  std::string_view text_;
  const std::string& path_;
  const ImportOptions& options_;
  std::size_t pos_ = 0;
  int line_ = 1;
  bool at_line_start_ = true;
  bool unclosed_string_ = false;
  bool graph_seen_ = false;
  int graph_line_ = 1;
  std::string directed_;
  AttributedGraph g_;
  std::set<std::string> ids_;
  std::vector<int> edge_lines_;
  std::vector<base::Diagnostic> diags_;
  std::size_t problems_ = 0;
};

}  // namespace

base::Result<AttributedGraph> ParseGml(std::string_view text,
                                       const std::string& path,
                                       const ImportOptions& options) {
  if (!IsUtf8(text)) {
    const std::string utf8 = Latin1ToUtf8(text);
    return Parser(utf8, path, options).Run();
  }
  return Parser(text, path, options).Run();
}

base::Result<model::Graph> ImportGml(const std::string& path,
                                     const ImportOptions& options,
                                     ImportReport* report) {
  return ImportAttributed(path, options, report, [&](const std::string& text) {
    return ParseGml(text, path, options);
  });
}

}  // namespace lineage::io
