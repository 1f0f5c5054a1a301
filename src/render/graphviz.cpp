#include "render/graphviz.h"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>

namespace lineage::render {
namespace {

// --- RAII over the C API
// ------------------------------------------------------

struct ContextDeleter {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
using Context = std::unique_ptr<GVC_t, ContextDeleter>;

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

base::Status Build(const Scene& scene, bool timeline, Agraph_t* g) {
  SetAll(g, scene.graph_attrs);
  if (!scene.html_label.empty()) {
    char* html = agstrdup_html(g, const_cast<char*>(scene.html_label.c_str()));
    agset(g, const_cast<char*>("label"), html);  // agattr declared it below.
    agstrfree(g, html);
  }
  SetDefaults(g, AGNODE, scene.node_defaults);
  SetDefaults(g, AGEDGE, scene.edge_defaults);
  for (const SceneNode& n : scene.nodes) {
    Agnode_t* node = agnode(g, const_cast<char*>(n.name.c_str()), 1);
    SetAll(node, n.attrs);
  }
  int edge_number = 0;
  for (const SceneEdge& e : scene.edges) {
    Agnode_t* tail = agnode(g, const_cast<char*>(e.tail.c_str()), 0);
    Agnode_t* head = agnode(g, const_cast<char*>(e.head.c_str()), 0);
    if (tail == nullptr || head == nullptr) {
      return base::Status::InvalidArgument(fmt::format(
          "scene edge {} -> {} names a node not in the scene", e.tail, e.head));
    }
    // A unique key keeps parallel edges (two relations between two works).
    std::string key = fmt::format("e{}", edge_number++);
    Agedge_t* edge = agedge(g, tail, head, key.data(), 1);
    SetAll(edge, e.attrs);
  }
  if (timeline) {
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

}  // namespace

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

std::size_t DefaultMaxWorks(std::string_view layout) {
  return layout == "dot" ? 400 : 5000;
}

base::Result<Rendered> Render(const Scene& scene,
                              const RenderOptions& options) {
  const std::string& layout = options.layout;
  if (layout != "dot" && layout != "sfdp" && layout != "neato" &&
      layout != "fdp") {
    return base::Status::InvalidArgument(fmt::format(
        "unknown layout '{}'; use dot, sfdp, neato or fdp", layout));
  }
  std::size_t limit =
      options.max_works > 0 ? options.max_works : DefaultMaxWorks(layout);
  if (scene.works > limit) {
    return base::Status::InvalidArgument(fmt::format(
        "{} works are too many to lay out with {} (limit {}): narrow the view "
        "with --focus WORK --depth N, --top N, --kind, --era, --since/--until "
        "or --tag{}, or raise --max-works",
        scene.works, layout, limit,
        layout == "dot" ? ", or use --layout sfdp (no timeline)" : ""));
  }

  ErrorCapture errors;
  Context gvc(gvContext());
  if (!gvc) return base::Status::IoError("cannot start Graphviz");
  GraphHandle graph(gvc.get(),
                    agopen(const_cast<char*>("lineage"), Agdirected, nullptr));
  if (graph.get() == nullptr)
    return base::Status::IoError("Graphviz cannot create a graph");
  // Declare the graph label so agset can take the HTML string.
  agattr(graph.get(), AGRAPH, const_cast<char*>("label"),
         const_cast<char*>(""));
  if (base::Status s = Build(scene, layout == "dot", graph.get()); !s.ok())
    return s;

  Rendered out;
  if (options.format == Format::kDot) {
    out.bytes = WriteDot(graph.get());
    return out;
  }
  auto start = std::chrono::steady_clock::now();
  if (gvLayout(gvc.get(), graph.get(), layout.c_str()) != 0) {
    return base::Status::IoError(
        fmt::format("Graphviz could not lay out the diagram with {}: {}",
                    layout, errors.messages()));
  }
  graph.set_laid_out();
  out.layout_ms = Ms(start);

  static constexpr const char* kFormatNames[] = {"svg", "png", "pdf", "dot"};
  const char* format = kFormatNames[static_cast<int>(options.format)];
  start = std::chrono::steady_clock::now();
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc.get(), graph.get(), format, &data, &length) != 0 ||
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

}  // namespace lineage::render
