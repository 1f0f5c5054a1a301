#include "analysis/filter.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "model/resolve.h"

namespace lineage::analysis {
namespace {

template <typename T>
bool In(const std::vector<T>& values, const T& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// An era by id or, ignoring case, spaces and punctuation, by name.
const model::Era* FindEra(const model::Graph& g, std::string_view name) {
  if (const model::Era* era = g.FindEra(name)) return era;
  const std::string key = base::NormalizeKey(name);
  for (const model::Era& era : g.eras())
    if (base::NormalizeKey(era.name) == key ||
        base::NormalizeKey(era.id) == key)
      return &era;
  return nullptr;
}

}  // namespace

bool Filter::Keep(const model::Graph& g, model::VertexId v) const {
  if (!kinds.empty() && !In(kinds, g.kind(v))) return false;
  if (!eras.empty() && !In(eras, std::string(g.era(v)))) return false;
  if (!tags.empty()) {
    const std::vector<std::string>& own = g.details(v).tags;
    if (std::none_of(tags.begin(), tags.end(),
                     [&](const std::string& t) { return In(own, t); }))
      return false;
  }
  if (!orgs.empty()) {
    const auto published =
        model::RelationSet().Add(model::Relation::kPublishedBy);
    bool by = false;
    for (const model::Neighbor& p : g.InLinks(v, published))
      by = by || In(orgs, p.other);
    if (!by) return false;
  }
  const model::Date& date = g.date(v);
  if ((since || until) && !date.known()) return false;
  if (since && model::CompareAtCommonPrecision(date, *since) < 0) return false;
  if (until && model::CompareAtCommonPrecision(date, *until) > 0) return false;
  return true;
}

base::Result<Filter> MakeFilter(const model::Graph& g, const FilterSpec& spec) {
  Filter f;
  for (const std::string& k : spec.kinds) {
    auto kind = model::ParseKind(k);
    if (!kind) {
      return base::Status::InvalidArgument(fmt::format(
          "unknown kind '{}'; use one of: {}", k, model::KindNames()));
    }
    f.kinds.push_back(*kind);
  }
  for (const std::string& e : spec.eras) {
    const model::Era* era = FindEra(g, e);
    if (era == nullptr) {
      std::string known;
      for (const model::Era& x : g.eras())
        known +=
            fmt::format("{}{} ({})", known.empty() ? "" : ", ", x.id, x.name);
      return base::Status::InvalidArgument(
          known.empty()
              ? fmt::format("unknown era '{}'; this graph has no eras", e)
              : fmt::format("unknown era '{}'; use one of: {}", e, known));
    }
    f.eras.push_back(era->id);
  }
  f.tags = spec.tags;
  for (const std::string& o : spec.orgs) {
    auto org = model::Resolve(g, o);
    if (!org.ok()) return org.status();
    f.orgs.push_back(*org);
  }
  for (auto [text, out] :
       {std::pair{&spec.since, &f.since}, std::pair{&spec.until, &f.until}}) {
    if (text->empty()) continue;
    auto d = model::Date::Parse(*text);
    if (!d.ok()) return base::Status::InvalidArgument(d.status().message());
    *out = *d;
  }
  return f;
}

std::vector<model::VertexId> Keep(const model::Graph& graph,
                                  const Filter& filter,
                                  std::span<const model::VertexId> works) {
  std::vector<model::VertexId> out;
  for (model::VertexId v : works)
    if (filter.Keep(graph, v)) out.push_back(v);
  return out;
}

}  // namespace lineage::analysis
