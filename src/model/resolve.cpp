#include "model/resolve.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "base/text.h"

namespace lineage::model {

std::vector<VertexId> Suggest(
    const std::unordered_map<std::string, VertexId>& keys,
    std::string_view name, std::size_t max) {
  const std::string key = base::NormalizeKey(name);
  if (key.empty()) return {};
  const std::size_t limit = std::max<std::size_t>(1, key.size() / 3);
  // Someone who types "Llama 2" means one of the "Llama 2-…" works, not
  // LLaVA, which is nearer by edits: keys that start with what was typed
  // come first, then those containing it, then the near misses.
  enum Tier { kStarts, kContains, kNear };
  // (tier, distance, key length, vertex): then nearest, shorter keys and the
  // earlier-declared work, so the order is stable run to run.
  std::vector<std::tuple<int, std::size_t, std::size_t, VertexId>> scored;
  for (const auto& [candidate, v] : keys) {
    if (candidate == key) continue;
    const bool long_enough = key.size() >= 3 && candidate.size() >= 3;
    const std::size_t at =
        long_enough ? candidate.find(key) : std::string::npos;
    if (at != std::string::npos) {
      scored.emplace_back(at == 0 ? kStarts : kContains, 0, candidate.size(),
                          v);
      continue;
    }
    std::size_t d = base::EditDistance(key, candidate, limit);
    bool within = long_enough && key.find(candidate) != std::string::npos;
    if (d <= limit || within)
      scored.emplace_back(kNear, std::min(d, limit + 1), candidate.size(), v);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<VertexId> out;
  for (const auto& [tier, d, len, v] : scored) {
    if (std::find(out.begin(), out.end(), v) != out.end()) continue;
    out.push_back(v);
    if (out.size() == max) break;
  }
  return out;
}

std::string DidYouMean(
    const std::vector<std::pair<std::string_view, std::string_view>>&
        suggestions) {
  if (suggestions.empty()) return "";
  std::string out = "did you mean ";
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) out += i + 1 == suggestions.size() ? " or " : ", ";
    const auto& [id, name] = suggestions[i];
    out += fmt::format("'{}'", id);
    if (base::NormalizeKey(name) != base::NormalizeKey(id))
      out += fmt::format(" ({})", name);
  }
  return out + "?";
}

base::Result<VertexId> Resolve(const Graph& graph, std::string_view name) {
  if (auto v = graph.FindId(name)) return *v;
  if (auto v = graph.FindKey(base::NormalizeKey(name))) return *v;
  std::vector<std::pair<std::string_view, std::string_view>> near;
  for (VertexId v : Suggest(graph.keys(), name))
    near.emplace_back(graph.id(v), graph.name(v));
  std::string hint = DidYouMean(near);
  return base::Status::NotFound(fmt::format(
      "no work named '{}'{}", name,
      hint.empty() ? "; [[list_works]] lists every work" : "; " + hint));
}

}  // namespace lineage::model
