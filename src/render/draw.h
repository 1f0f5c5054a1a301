// Laying out and drawing a Scene with Graphviz, through the graphviz layer,
// within the limits a readable diagram sets.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "graphviz/graphviz.h"
#include "render/scene.h"

namespace lineage::render {

using graphviz::Format;
using graphviz::FormatFromPath;
using graphviz::ParseFormat;
using graphviz::Rendered;

struct RenderOptions {
  Format format = Format::kSvg;
  // "timeline" (default): the scene's pinned timeline (SceneOptions::pinned),
  // drawn by Graphviz's "nop2" engine; or a Graphviz layout engine: "dot"
  // (its own layering of the year ruler's ranks), the force-directed
  // "sfdp", "neato" or "fdp".
  std::string layout = "timeline";
  // Refuse to lay out more works than this (0: the layout's default:
  // 5000 for the timeline, which stays readable only grouped past that;
  // 400 for dot, whose crossing minimisation grows quickly with size;
  // 5000 for the others).
  std::size_t max_works = 0;
};

// The default limit on works for `layout` (see RenderOptions::max_works).
std::size_t DefaultMaxWorks(std::string_view layout);

// Whether a view of `works` works can be drawn with these options: fails
// with kInvalidArgument for an unknown layout engine or a view over the size
// limit (max_works, and never more than 20,000 works), saying how to narrow
// it. Check it before building a scene: on a
// graph of millions, the scene alone would not fit in memory. O(1).
base::Status CheckDrawable(std::size_t works, const RenderOptions& options);

// Lays out and renders the scene (graphviz::Draw): a pinned timeline with
// "nop2", which only draws (a "timeline" scene with no date, not pinned,
// with dot, within dot's limit); dot with the year ruler's rank groups; for
// Format::kDot, writes the graph unlaid-out, as DOT that `dot` itself can lay
// out. Fails with kInvalidArgument for an unknown layout engine or a scene over
// the size limit (the message says how to narrow the view), and with kIoError
// when Graphviz reports an error (its messages are included).
base::Result<Rendered> Render(const Scene& scene, const RenderOptions& options);

}  // namespace lineage::render
