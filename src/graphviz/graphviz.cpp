#include "graphviz/graphviz.h"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

// cgraph's lexer keeps what it read past the end of the last graph (the
// newline after its '}') and counts those lines into the next read; this
// call, exported by libcgraph but not declared in its headers, drops them,
// so that syntax errors name the right line.
extern "C" void aglexbad(void);

namespace lineage::graphviz {
namespace {

// --- RAII over the C API
// ------------------------------------------------------

// A graph that may have been laid out; freed in the right order.
class GraphHandle {
 public:
  GraphHandle(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
  GraphHandle(const GraphHandle&) = delete;
  GraphHandle& operator=(const GraphHandle&) = delete;
  ~GraphHandle() {
    if (laid_out_) gvFreeLayout(gvc_, g_);
    if (g_) agclose(g_);
  }
  Agraph_t* get() const { return g_; }
  void set_laid_out() { laid_out_ = true; }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool laid_out_ = false;
};

struct RenderDataDeleter {
  void operator()(char* data) const { gvFreeRenderData(data); }
};

// Graphviz reports errors through a process-wide callback; collect them into
// the Status of the call that caused them.
std::mutex error_mutex;
std::string* error_sink = nullptr;

int CollectError(char* message) {
  if (error_sink != nullptr) *error_sink += message;
  return 0;
}

class ErrorCapture {
 public:
  ErrorCapture() : lock_(error_mutex) {
    error_sink = &messages_;
    previous_handler_ = agseterrf(CollectError);
    previous_level_ = agseterr(AGERR);
  }
  ~ErrorCapture() {
    agseterrf(previous_handler_);
    agseterr(previous_level_);
    error_sink = nullptr;
  }
  const std::string& messages() const { return messages_; }

 private:
  std::lock_guard<std::mutex> lock_;
  std::string messages_;
  agusererrf previous_handler_ = nullptr;
  agerrlevel_t previous_level_ = AGWARN;
};

// --- Escaping
// -----------------------------------------------------------------

// Graphviz reads labels, tooltips, URLs and ids as escString: a backslash
// starts an escape (\N is the node name, \n a line break). Data is text, so
// every backslash is doubled and line breaks become \n. Everything else
// (<>&"' and non-ASCII) is passed as UTF-8 and escaped by the renderer.
bool IsEscString(std::string_view key) {
  return key == "label" || key == "tooltip" || key == "URL" || key == "id" ||
         key == "xlabel" || key == "headlabel" || key == "taillabel" ||
         key == "edgetooltip" || key == "labeltooltip" || key == "href" ||
         key == "target" || key == "class";
}

std::string EscString(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void Set(void* obj, const std::string& key, const std::string& value) {
  std::string v = IsEscString(key) ? EscString(value) : value;
  agsafeset(obj, const_cast<char*>(key.c_str()), const_cast<char*>(v.c_str()),
            const_cast<char*>(""));
}

void SetAll(void* obj, const Attributes& attrs) {
  for (const auto& [k, v] : attrs.values) Set(obj, k, v);
}

void SetDefaults(Agraph_t* g, int kind, const Attributes& attrs) {
  for (const auto& [k, v] : attrs.values) {
    std::string value = IsEscString(k) ? EscString(v) : v;
    agattr(g, kind, const_cast<char*>(k.c_str()),
           const_cast<char*>(value.c_str()));
  }
}

// --- Building the cgraph graph
// ---------------------------------------------------

base::Status Build(const Drawing& scene, bool same_rank, Agraph_t* g) {
  SetAll(g, scene.graph_attrs);
  if (!scene.html_label.empty()) {
    char* html = agstrdup_html(g, const_cast<char*>(scene.html_label.c_str()));
    agset(g, const_cast<char*>("label"), html);  // agattr declared it below.
    agstrfree(g, html);
  }
  SetDefaults(g, AGNODE, scene.node_defaults);
  SetDefaults(g, AGEDGE, scene.edge_defaults);
  for (const Node& n : scene.nodes) {
    Agnode_t* node = agnode(g, const_cast<char*>(n.name.c_str()), 1);
    SetAll(node, n.attrs);
  }
  int edge_number = 0;
  for (const Edge& e : scene.edges) {
    Agnode_t* tail = agnode(g, const_cast<char*>(e.tail.c_str()), 0);
    Agnode_t* head = agnode(g, const_cast<char*>(e.head.c_str()), 0);
    if (tail == nullptr || head == nullptr) {
      return base::Status::InvalidArgument(fmt::format(
          "edge {} -> {} names a node not in the drawing", e.tail, e.head));
    }
    // A unique key keeps parallel edges (two relations between two works).
    std::string key = fmt::format("e{}", edge_number++);
    Agedge_t* edge = agedge(g, tail, head, key.data(), 1);
    SetAll(edge, e.attrs);
  }
  if (same_rank) {
    int group_number = 0;
    for (const auto& group : scene.same_rank) {
      std::string name = fmt::format("rank{}", group_number++);
      Agraph_t* sub = agsubg(g, name.data(), 1);
      Set(sub, "rank", "same");
      for (const std::string& member : group) {
        Agnode_t* node = agnode(g, const_cast<char*>(member.c_str()), 0);
        if (node != nullptr) agsubnode(sub, node, 1);
      }
    }
  }
  return base::Status::Ok();
}

std::string WriteDot(Agraph_t* g) {
  char* buffer = nullptr;
  std::size_t size = 0;
  FILE* out = open_memstream(&buffer, &size);
  if (out == nullptr) return "";
  agwrite(g, out);
  std::fclose(out);
  std::string dot(buffer, size);
  std::free(buffer);
  return dot;
}

double Ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - since)
      .count();
}

// The names of the attributes declared for `kind` objects of `g`.
std::vector<std::string> AttributeNames(Agraph_t* g, int kind) {
  std::vector<std::string> names;
  for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym != nullptr;
       sym = agnxtattr(g, kind, sym))
    names.emplace_back(sym->name);
  return names;
}

// Every declared attribute of `obj` with a value other than "".
Attributes Read(void* obj, const std::vector<std::string>& names) {
  Attributes attrs;
  for (const std::string& name : names) {
    char* value = agget(obj, const_cast<char*>(name.c_str()));
    if (value != nullptr && *value != '\0') attrs.Set(name, value);
  }
  return attrs;
}

// The line on which each node name first appears in the text, as cgraph
// keeps no positions: ids, quoted or not, are found token by token.
std::map<std::string, int, std::less<>> FirstLines(std::string_view text) {
  std::map<std::string, int, std::less<>> lines;
  int line = 1;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '"') {
      std::string id;
      std::size_t j = i + 1;
      const int start = line;
      for (; j < text.size() && text[j] != '"'; ++j) {
        if (text[j] == '\\' && j + 1 < text.size() && text[j + 1] == '"') ++j;
        if (text[j] == '\n') ++line;
        id += text[j];
      }
      lines.try_emplace(id, start);
      i = j + 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               c == '.' || static_cast<unsigned char>(c) >= 0x80) {
      std::size_t j = i;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) ||
              text[j] == '_' || text[j] == '.' ||
              static_cast<unsigned char>(text[j]) >= 0x80))
        ++j;
      lines.try_emplace(std::string(text.substr(i, j - i)), line);
      i = j;
    } else {
      ++i;
    }
  }
  return lines;
}

}  // namespace

void Attributes::Set(std::string key, std::string value) {
  for (auto& [k, v] : values) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  values.emplace_back(std::move(key), std::move(value));
}

const std::string& Attributes::Get(std::string_view key) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : values)
    if (k == key) return v;
  return kEmpty;
}

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "svg") return Format::kSvg;
  if (name == "png") return Format::kPng;
  if (name == "pdf") return Format::kPdf;
  if (name == "dot" || name == "gv") return Format::kDot;
  return std::nullopt;
}

std::optional<Format> FormatFromPath(std::string_view path) {
  std::size_t dot = path.rfind('.');
  std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash))
    return std::nullopt;
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(c));
  return ParseFormat(ext);
}

// The one Graphviz context of the process, made on first use and kept: the
// pango plugin caches font names that gvFreeContext frees, so a second
// context in one process read freed memory. Callers hold error_mutex (an
// ErrorCapture), which also keeps Graphviz, not thread-safe, to one thread.
GVC_t* SharedContext() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

base::Result<Rendered> Draw(const Drawing& drawing,
                            const DrawOptions& options) {
  ErrorCapture errors;
  GVC_t* const context = SharedContext();
  if (context == nullptr) return base::Status::IoError("cannot start Graphviz");
  GVC_t* const gvc = context;
  GraphHandle graph(gvc,
                    agopen(const_cast<char*>("lineage"), Agdirected, nullptr));
  if (graph.get() == nullptr)
    return base::Status::IoError("Graphviz cannot create a graph");
  // Declare the graph label so agset can take the HTML string.
  agattr(graph.get(), AGRAPH, const_cast<char*>("label"),
         const_cast<char*>(""));
  if (base::Status s = Build(drawing, options.same_rank, graph.get()); !s.ok())
    return s;

  Rendered out;
  if (options.format == Format::kDot) {
    out.bytes = WriteDot(graph.get());
    return out;
  }
  auto start = std::chrono::steady_clock::now();
  if (gvLayout(gvc, graph.get(), options.engine.c_str()) != 0) {
    return base::Status::IoError(
        fmt::format("Graphviz could not lay out the diagram with {}: {}",
                    options.engine, errors.messages()));
  }
  graph.set_laid_out();
  out.layout_ms = Ms(start);

  static constexpr const char* kFormatNames[] = {"svg", "png", "pdf", "dot"};
  const char* format = kFormatNames[static_cast<int>(options.format)];
  start = std::chrono::steady_clock::now();
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc, graph.get(), format, &data, &length) != 0 ||
      data == nullptr) {
    if (data != nullptr) gvFreeRenderData(data);
    return base::Status::IoError(fmt::format(
        "Graphviz could not render {}: {}{}", format, errors.messages(),
        options.format == Format::kSvg
            ? ""
            : " (is the cairo plugin of libgvc6 installed?)"));
  }
  std::unique_ptr<char, RenderDataDeleter> owned(data);
  out.bytes.assign(data, length);
  out.render_ms = Ms(start);
  return out;
}

base::Result<Drawing> ReadDot(std::string_view text, std::string_view source) {
  ErrorCapture errors;
  // agmemread wants a NUL-terminated string; agsetfile resets cgraph's line
  // counter, which otherwise runs on from the previous graph read.
  const std::string owned(text);
  std::string file(source);
  aglexbad();
  agsetfile(file.data());
  agreseterrors();
  Agraph_t* raw = agmemread(owned.c_str());
  // cgraph may report an error (its parser's stack exhausted by a long edge
  // chain or deep subgraphs: "memory exhausted") and still return the part
  // it read: never take that part for the graph.
  if (raw != nullptr && agerrors() > AGWARN) {
    agclose(raw);
    raw = nullptr;
  }
  if (raw == nullptr) {
    // cgraph says "syntax error in line 3 near 'x'".
    int line = 0;
    std::string messages = errors.messages();
    if (auto at = messages.find("line "); at != std::string::npos)
      line = std::atoi(messages.c_str() + at + 5);
    // "Error: FILE: syntax error in line 3 near 'x'": the where says FILE.
    if (auto at = messages.find("syntax error"); at != std::string::npos)
      messages.erase(0, at);
    while (!messages.empty() &&
           (messages.back() == '\n' || messages.back() == ' '))
      messages.pop_back();
    return base::Status::InvalidData(
        "the DOT file cannot be read",
        {{{std::string(source), line, 0},
          messages.empty() ? "no graph in the file" : messages,
          messages.find("memory exhausted") != std::string::npos
              ? "Graphviz's parser gives up on an edge chain this long or "
                "subgraphs nested this deep: write one edge a statement"
              : "is it cut short, or not DOT? `dot -Tcanon FILE` shows what "
                "Graphviz reads"}});
  }
  struct Closer {
    void operator()(Agraph_t* g) const { agclose(g); }
  };
  std::unique_ptr<Agraph_t, Closer> g(raw);
  Drawing out;
  out.directed = agisdirected(g.get()) != 0;
  const auto node_names = AttributeNames(g.get(), AGNODE);
  const auto edge_names = AttributeNames(g.get(), AGEDGE);
  out.graph_attrs = Read(g.get(), AttributeNames(g.get(), AGRAPH));
  const auto lines = FirstLines(text);
  for (Agnode_t* n = agfstnode(g.get()); n != nullptr;
       n = agnxtnode(g.get(), n)) {
    Node node{agnameof(n), Read(n, node_names), 0};
    if (auto it = lines.find(node.name); it != lines.end())
      node.line = it->second;
    out.nodes.push_back(std::move(node));
  }
  for (Agnode_t* n = agfstnode(g.get()); n != nullptr;
       n = agnxtnode(g.get(), n)) {
    for (Agedge_t* e = agfstout(g.get(), n); e != nullptr;
         e = agnxtout(g.get(), e)) {
      out.edges.push_back(
          {agnameof(agtail(e)), agnameof(aghead(e)), Read(e, edge_names)});
    }
  }
  return out;
}

}  // namespace lineage::graphviz
