// Laying out and drawing a Scene with Graphviz's C libraries (cgraph + gvc).
// This is the only place that includes Graphviz headers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "render/scene.h"

namespace lineage::render {

enum class Format { kSvg, kPng, kPdf, kDot };

// "svg", "png", "pdf" or "dot"; nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);
// The format a file name's extension asks for, if any.
std::optional<Format> FormatFromPath(std::string_view path);

struct RenderOptions {
  Format format = Format::kSvg;
  // Graphviz layout engine: "dot" (default: the timeline), or the
  // force-directed "sfdp", "neato" or "fdp" for views too big for dot.
  std::string layout = "dot";
  // Refuse to lay out more works than this (0: the engine's default, 400
  // for dot, whose crossing minimisation grows quickly with size and whose
  // timeline stops being readable; 5000 for the others).
  std::size_t max_works = 0;
};

struct Rendered {
  std::string bytes;
  double layout_ms = 0;  // Time spent in gvLayout.
  double render_ms = 0;  // Time spent in gvRender.
};

// The default limit on works for `layout` (see RenderOptions::max_works).
std::size_t DefaultMaxWorks(std::string_view layout);

// Builds the scene as a cgraph graph and lays it out and renders it with
// gvc; for Format::kDot, writes the graph unlaid-out, as DOT that `dot`
// itself can lay out. Fails with kInvalidArgument for an unknown layout
// engine or a scene over the size limit (the message says how to narrow the
// view), and with kIoError when Graphviz reports an error (its messages are
// included).
base::Result<Rendered> Render(const Scene& scene, const RenderOptions& options);

}  // namespace lineage::render
