#include "render/draw.h"

#include <fmt/format.h>

namespace lineage::render {
namespace {

// Past this, a layout takes hours and gigabytes, and the picture is a blur.
constexpr std::size_t kMostWorks = 20'000;

}  // namespace

std::size_t DefaultMaxWorks(std::string_view layout) {
  return layout == "dot" ? 400 : 5000;
}

// The Graphviz engine of a layout: the timeline is laid out already, and
// "nop2" (`neato -n2`) takes every position and curve as given; a view with
// no date to stand on has no timeline and is laid out by its links, by dot.
std::string_view EngineOf(std::string_view layout, const Scene& scene) {
  if (layout != "timeline") return layout;
  return scene.pinned ? "nop2" : "dot";
}

base::Status CheckDrawable(std::size_t works, const RenderOptions& options) {
  const std::string& layout = options.layout;
  if (layout != "timeline" && layout != "dot" && layout != "sfdp" &&
      layout != "neato" && layout != "fdp") {
    return base::Status::InvalidArgument(fmt::format(
        "unknown layout '{}'; use timeline, dot, sfdp, neato or fdp", layout));
  }
  std::size_t limit =
      options.max_works > 0 ? options.max_works : DefaultMaxWorks(layout);
  if (works > kMostWorks) {
    return base::Status::InvalidArgument(fmt::format(
        "{} works are more than any Graphviz layout can place in reasonable "
        "time and memory (at most {}, whatever [[max_works]] says): narrow "
        "the view to a family ([[focus]], [[depth]]), the most influential "
        "works ([[top]]), kinds ([[kinds]]), eras ([[eras]]) or dates "
        "([[since]], [[until]])",
        works, kMostWorks));
  }
  if (works > limit) {
    return base::Status::InvalidArgument(fmt::format(
        "{} works are too many to lay out with {} (limit {}): narrow the view "
        "to a family ([[focus]], [[depth]]), the most influential works "
        "([[top]]), kinds ([[kinds]]), eras ([[eras]]), dates ([[since]], "
        "[[until]]) or tags ([[tags]]), or raise the limit ([[max_works]]){}",
        works, layout, limit,
        layout == "dot"
            ? ", or draw it on the engine's own timeline ([[layout]] "
              "timeline), which lays out thousands of works in seconds"
        : layout == "timeline"
            ? ", or hide the links implied by others ([[reduce]])"
            : ""));
  }
  return base::Status::Ok();
}

base::Result<Rendered> Render(const Scene& scene,
                              const RenderOptions& options) {
  const std::string& layout = options.layout;
  if (auto s = CheckDrawable(scene.works, options); !s.ok()) return s;
  // Without a date the timeline falls back on dot, and on dot's limit.
  if (layout == "timeline" && !scene.pinned) {
    RenderOptions dot = options;
    dot.layout = "dot";
    if (auto s = CheckDrawable(scene.works, dot); !s.ok()) return s;
  }
  // The timeline's rank groups only mean something to dot.
  return graphviz::Draw(scene, {.format = options.format,
                                .engine = std::string(EngineOf(layout, scene)),
                                .same_rank = layout == "dot"});
}

}  // namespace lineage::render
