// The README's example of a front end, built and run by the test suite
// (tests/engine/readme_example_test.py keeps the two the same).
#include <iostream>

#include "engine/engine.h"

using namespace lineage;

int main() {
  auto opened = engine::Engine::Open({"graph-data"});  // Any format or size.
  if (!opened.ok()) {  // What is wrong, with file, line and fix.
    std::cerr << opened.status().ToString() << '\n';
    return 1;
  }
  const engine::Engine& e = *opened;
  auto dalle2 = e.Find("DALL-E 2");  // Id, name or alias; or "did you mean".
  if (!dalle2.ok()) return 2;
  for (const analysis::Reached& r :
       e.Reach(*dalle2, analysis::Direction::kAncestors))
    std::cout << r.distance << ' ' << e.graph().name(r.work) << '\n';
  auto q = query::Prepare("since(2021, tag(diffusion, *))");  // No data yet.
  if (q.ok()) {
    if (auto found = e.Query(*q); found.ok())
      for (model::VertexId v : found->value.works)
        std::cout << e.Describe(v) << '\n';  // JSON, as --json prints it.
  }
  auto view = e.Select({.of = engine::ViewSpec::Of::kFamily,
                        .works = {*dalle2},
                        .descendants = false});
  if (auto svg = e.Draw(*view, {}); svg.ok())
    return engine::Engine::WriteFile("ancestry.svg", svg->bytes).ok() ? 0 : 1;
  return 1;
}
