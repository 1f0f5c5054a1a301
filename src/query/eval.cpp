#include "query/eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <iterator>
#include <optional>
#include <unordered_set>

#include "analysis/order.h"
#include "analysis/rank.h"
#include "base/text.h"
#include "model/resolve.h"

namespace lineage::query {
namespace {

using model::EdgeId;
using model::Graph;
using model::VertexId;

constexpr std::array<FunctionInfo, 19> kFunctions{{
    {"ancestors", "ancestors(E [, depth])",
     "works that E descends from, at most depth links away", 1, 2},
    {"descendants", "descendants(E [, depth])",
     "works that descend from E, at most depth links away", 1, 2},
    {"parents", "parents(E)", "works E draws on directly", 1, 1},
    {"children", "children(E)", "works that draw on E directly", 1, 1},
    {"somepath", "somepath(A, B)",
     "the works and links of one shortest path from A down to B", 2, 2},
    {"allpaths", "allpaths(A, B)",
     "every work and link on any path from A down to B", 2, 2},
    {"common", "common(A, B)",
     "the lowest common ancestors of A and B (a work counts as its own "
     "ancestor)",
     2, 2},
    {"kind", "kind(K, E)", "the works of E of kind K", 2, 2},
    {"era", "era(X, E)", "the works of E in era X", 2, 2},
    {"tag", "tag(T, E)", "the works of E tagged T", 2, 2},
    {"org", "org(O, E)", "the works of E published by organization O", 2, 2},
    {"since", "since(DATE, E)", "the works of E dated DATE or later", 2, 2},
    {"until", "until(DATE, E)", "the works of E dated DATE or earlier", 2, 2},
    {"relation", "relation(R, E)",
     "E, with its graph functions following only links of relation R "
     "(or 'influence', 'all')",
     2, 2},
    {"roots", "roots(E)", "the works of E with no parent in E", 1, 1},
    {"leaves", "leaves(E)", "the works of E with no child in E", 1, 1},
    {"top", "top(METRIC, N, E)",
     "the N works of E that score highest by METRIC (see `lineage rank`)", 3,
     3},
    {"union", "A + B, A union B", "works in A or B", 0, 0},
    {"except", "A - B, A except B; A & B, A intersect B",
     "works in A but not B; works in both", 0, 0},
}};

std::vector<VertexId> SortedUnique(std::vector<VertexId> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

bool Contains(const std::vector<VertexId>& sorted, VertexId v) {
  return std::binary_search(sorted.begin(), sorted.end(), v);
}

class Evaluator {
 public:
  Evaluator(const Graph& g, std::string_view text) : g_(g), text_(text) {}

  base::Result<Value> Eval(const Node& n) {
    switch (n.type) {
      case Node::Type::kAll: {
        Value v;
        v.works.resize(g_.num_works());
        for (VertexId i = 0; i < v.works.size(); ++i) v.works[i] = i;
        v.links = LinksAmong(v.works);
        return v;
      }
      case Node::Type::kWord:
      case Node::Type::kString:
        return Name(n);
      case Node::Type::kLet: {
        auto value = Eval(*n.children[0]);
        if (!value.ok()) return value;
        env_.emplace_back(n.text, std::move(value).value());
        auto body = Eval(*n.children[1]);
        env_.pop_back();
        return body;
      }
      case Node::Type::kSetOps:
        return SetOps(n);
      case Node::Type::kCall:
        return Call(n);
    }
    return Value{};
  }

  std::vector<std::string>& notes() { return notes_; }

 private:
  base::Status Error(
      const Node& at, std::string_view message,
      base::Status::Code code = base::Status::Code::kInvalidArgument) const {
    std::string text = WithCaret(text_, at.column, message);
    return code == base::Status::Code::kNotFound
               ? base::Status::NotFound(text)
               : base::Status::InvalidArgument(text);
  }

  // A word is a let name when one is in scope, else a work.
  base::Result<Value> Name(const Node& n) {
    if (n.type == Node::Type::kWord) {
      for (auto it = env_.rbegin(); it != env_.rend(); ++it)
        if (it->first == n.text) return it->second;
    }
    auto v = model::Resolve(g_, n.text);
    if (!v.ok())
      return Error(n, v.status().message(), base::Status::Code::kNotFound);
    return Value{{*v}, {}};
  }

  base::Result<Value> SetOps(const Node& n) {
    auto acc = Eval(*n.children[0]);
    if (!acc.ok()) return acc;
    Value result = std::move(acc).value();
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      auto rhs = Eval(*n.children[i]);
      if (!rhs.ok()) return rhs;
      result = Combine(result, *rhs, n.ops[i - 1]);
    }
    return result;
  }

  Value Combine(const Value& a, const Value& b, char op) const {
    Value out;
    auto apply = [op](const auto& x, const auto& y, auto* into) {
      if (op == '+') {
        std::set_union(x.begin(), x.end(), y.begin(), y.end(),
                       std::back_inserter(*into));
      } else if (op == '&') {
        std::set_intersection(x.begin(), x.end(), y.begin(), y.end(),
                              std::back_inserter(*into));
      } else {
        std::set_difference(x.begin(), x.end(), y.begin(), y.end(),
                            std::back_inserter(*into));
      }
    };
    apply(a.works, b.works, &out.works);
    std::vector<EdgeId> links;
    apply(a.links, b.links, &links);
    out.links = KeepLinksWithin(links, out.works);
    return out;
  }

  std::vector<EdgeId> KeepLinksWithin(
      const std::vector<EdgeId>& links,
      const std::vector<VertexId>& works) const {
    std::vector<EdgeId> out;
    for (EdgeId e : links)
      if (Contains(works, g_.link(e).parent) &&
          Contains(works, g_.link(e).child))
        out.push_back(e);
    return out;
  }

  std::vector<EdgeId> LinksAmong(const std::vector<VertexId>& works) const {
    std::vector<EdgeId> out;
    const model::Topology& t = g_.topology();
    for (VertexId v : works) {
      for (auto [it, end] = boost::out_edges(v, t); it != end; ++it)
        if (relations_.Contains(t[*it].relation) &&
            Contains(works, boost::target(*it, t)))
          out.push_back(model::LinkOf(t, *it));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // --- arguments
  // ---------------------------------------------------------------

  base::Result<std::string> Text(const Node& n, std::string_view what) const {
    bool word_all = n.type == Node::Type::kAll && n.text == "all";
    if (n.type != Node::Type::kWord && n.type != Node::Type::kString &&
        !word_all)
      return Error(n, fmt::format("expected {} here, not an expression", what));
    return n.text;
  }

  base::Result<std::size_t> Number(const Node& n, std::string_view what) const {
    auto text = Text(n, what);
    if (!text.ok()) return text.status();
    std::size_t value = 0;
    auto [ptr, ec] =
        std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size())
      return Error(n, fmt::format("expected {} (a whole number), got '{}'",
                                  what, *text));
    return value;
  }

  // --- graph functions
  // --------------------------------------------------------

  // Union of the ancestors (or descendants) of every work of `start`, at
  // most `depth` links away: one breadth-first search from all of them.
  // A start counts when it is reached from another start.
  std::vector<VertexId> Reach(const std::vector<VertexId>& start, bool down,
                              std::size_t depth) const {
    const model::Topology& t = g_.topology();
    std::vector<int> dist(g_.num_works(), -1);
    std::deque<VertexId> queue;
    for (VertexId v : start) {
      dist[v] = 0;
      queue.push_back(v);
    }
    std::vector<VertexId> out;
    std::vector<bool> included(g_.num_works(), false);
    auto visit = [&](VertexId w, int d) {
      if (dist[w] < 0) {
        dist[w] = d;
        queue.push_back(w);
      }
      if (!included[w]) {
        included[w] = true;
        out.push_back(w);
      }
    };
    while (!queue.empty()) {
      VertexId v = queue.front();
      queue.pop_front();
      int d = dist[v] + 1;
      if (static_cast<std::size_t>(d) > depth) continue;
      if (down) {
        for (auto [it, end] = boost::out_edges(v, t); it != end; ++it)
          if (relations_.Contains(t[*it].relation))
            visit(boost::target(*it, t), d);
      } else {
        for (auto [it, end] = boost::in_edges(v, t); it != end; ++it)
          if (relations_.Contains(t[*it].relation))
            visit(boost::source(*it, t), d);
      }
    }
    return SortedUnique(std::move(out));
  }

  std::vector<VertexId> WithSelf(const std::vector<VertexId>& set,
                                 bool down) const {
    std::vector<VertexId> out = Reach(set, down, SIZE_MAX);
    out.insert(out.end(), set.begin(), set.end());
    return SortedUnique(std::move(out));
  }

  Value SomePath(const Value& a, const Value& b) const {
    const model::Topology& t = g_.topology();
    const VertexId kNone = std::numeric_limits<VertexId>::max();
    std::vector<std::pair<VertexId, EdgeId>> pred(g_.num_works(), {kNone, 0});
    std::vector<bool> seen(g_.num_works(), false);
    std::deque<VertexId> queue;
    for (VertexId v : a.works) {
      seen[v] = true;
      queue.push_back(v);
    }
    while (!queue.empty()) {
      VertexId v = queue.front();
      queue.pop_front();
      if (Contains(b.works, v)) {
        Value out;
        for (VertexId w = v; w != kNone; w = pred[w].first) {
          out.works.push_back(w);
          if (pred[w].first != kNone) out.links.push_back(pred[w].second);
        }
        out.works = SortedUnique(std::move(out.works));
        std::sort(out.links.begin(), out.links.end());
        return out;
      }
      for (auto [it, end] = boost::out_edges(v, t); it != end; ++it) {
        VertexId w = boost::target(*it, t);
        if (!relations_.Contains(t[*it].relation) || seen[w]) continue;
        seen[w] = true;
        pred[w] = {v, model::LinkOf(t, *it)};
        queue.push_back(w);
      }
    }
    return {};
  }

  Value AllPaths(const Value& a, const Value& b) const {
    std::vector<VertexId> below = WithSelf(a.works, true);
    std::vector<VertexId> above = WithSelf(b.works, false);
    Value out;
    std::set_intersection(below.begin(), below.end(), above.begin(),
                          above.end(), std::back_inserter(out.works));
    out.links = LinksAmong(out.works);
    return out;
  }

  Value Common(const Value& a, const Value& b) const {
    std::vector<VertexId> up_a = WithSelf(a.works, false);
    std::vector<VertexId> up_b = WithSelf(b.works, false);
    std::vector<VertexId> common;
    std::set_intersection(up_a.begin(), up_a.end(), up_b.begin(), up_b.end(),
                          std::back_inserter(common));
    // Lowest: no child among the common ancestors.
    Value out;
    const model::Topology& t = g_.topology();
    for (VertexId v : common) {
      bool lowest = true;
      for (auto [it, end] = boost::out_edges(v, t); it != end && lowest; ++it)
        if (relations_.Contains(t[*it].relation) &&
            Contains(common, boost::target(*it, t)))
          lowest = false;
      if (lowest) out.works.push_back(v);
    }
    return out;
  }

  Value RootsOrLeaves(const Value& e, bool roots) const {
    const model::Topology& t = g_.topology();
    Value out;
    for (VertexId v : e.works) {
      bool linked = false;
      if (roots) {
        for (auto [it, end] = boost::in_edges(v, t); it != end && !linked; ++it)
          linked = relations_.Contains(t[*it].relation) &&
                   Contains(e.works, boost::source(*it, t));
      } else {
        for (auto [it, end] = boost::out_edges(v, t); it != end && !linked;
             ++it)
          linked = relations_.Contains(t[*it].relation) &&
                   Contains(e.works, boost::target(*it, t));
      }
      if (!linked) out.works.push_back(v);
    }
    out.links = KeepLinksWithin(e.links, out.works);
    return out;
  }

  template <typename Keep>
  Value Filter(const Value& e, Keep keep) const {
    Value out;
    for (VertexId v : e.works)
      if (keep(g_.work(v), v)) out.works.push_back(v);
    out.links = KeepLinksWithin(e.links, out.works);
    return out;
  }

  // --- calls
  // --------------------------------------------------------------------

  base::Result<Value> Call(const Node& n) {
    const FunctionInfo* fn = nullptr;
    for (const FunctionInfo& f : kFunctions)
      if (f.name == n.text && f.max_args > 0) fn = &f;
    if (fn == nullptr) {
      std::string known, best;
      std::size_t best_d = 3;
      for (const FunctionInfo& f : kFunctions) {
        if (f.max_args == 0) continue;
        known += (known.empty() ? "" : ", ") + std::string(f.name);
        std::size_t d = base::EditDistance(n.text, f.name, 2);
        if (d < best_d) best_d = d, best = f.name;
      }
      return Error(n, fmt::format("unknown function '{}'{}; the functions "
                                  "are: {}",
                                  n.text,
                                  best.empty() ? ""
                                               : fmt::format(" (did you mean "
                                                             "'{}'?)",
                                                             best),
                                  known));
    }
    const std::size_t argc = n.children.size();
    if (argc < fn->min_args || argc > fn->max_args) {
      return Error(
          n, fmt::format("{} takes {}{} argument{}, got {}: {}", fn->name,
                         fn->min_args,
                         fn->max_args > fn->min_args
                             ? fmt::format(" or {}", fn->max_args)
                             : "",
                         fn->max_args == 1 ? "" : "s", argc, fn->signature));
    }
    const std::string_view name = fn->name;
    const Node& last = *n.children.back();

    if (name == "relation") {
      auto r = Text(*n.children[0], "a relation name");
      if (!r.ok()) return r.status();
      model::RelationSet rels;
      if (*r == "all") {
        rels = model::RelationSet::All();
      } else if (*r == "influence") {
        rels = model::RelationSet::Influence();
      } else if (auto rel = model::ParseRelation(*r)) {
        rels.Add(*rel);
      } else {
        return Error(*n.children[0],
                     fmt::format("unknown relation '{}'; use influence, all or "
                                 "one of: {}",
                                 *r, model::RelationNames()));
      }
      model::RelationSet saved = relations_;
      relations_ = rels;
      auto inner = Eval(last);
      relations_ = saved;
      return inner;
    }

    if (name == "ancestors" || name == "descendants" || name == "parents" ||
        name == "children") {
      auto e = Eval(*n.children[0]);
      if (!e.ok()) return e;
      std::size_t depth = SIZE_MAX;
      if (name == "parents" || name == "children") depth = 1;
      if (argc == 2) {
        auto d = Number(*n.children[1], "a depth");
        if (!d.ok()) return d.status();
        depth = *d;
      }
      bool down = name == "descendants" || name == "children";
      return Value{Reach(e->works, down, depth), {}};
    }

    if (name == "somepath" || name == "allpaths" || name == "common") {
      auto a = Eval(*n.children[0]);
      if (!a.ok()) return a;
      auto b = Eval(*n.children[1]);
      if (!b.ok()) return b;
      Value out = name == "somepath"   ? SomePath(*a, *b)
                  : name == "allpaths" ? AllPaths(*a, *b)
                                       : Common(*a, *b);
      if (out.works.empty()) {
        notes_.push_back(fmt::format(
            "{} at column {} is empty: {}", name, n.column,
            name == "common" ? "the two share no ancestor"
                             : "no path leads from the first set down to the "
                               "second (is the order reversed?)"));
      }
      return out;
    }

    if (name == "roots" || name == "leaves") {
      auto e = Eval(last);
      if (!e.ok()) return e;
      return RootsOrLeaves(*e, name == "roots");
    }

    if (name == "top") {
      auto metric_name = Text(*n.children[0], "a metric");
      if (!metric_name.ok()) return metric_name.status();
      auto metric = analysis::ParseMetric(*metric_name);
      if (!metric) {
        std::string known;
        for (const auto& m : analysis::AllMetrics())
          known += (known.empty() ? "" : ", ") + std::string(m.name);
        return Error(*n.children[0],
                     fmt::format("unknown metric '{}'; use one of: {}",
                                 *metric_name, known));
      }
      auto count = Number(*n.children[1], "a count");
      if (!count.ok()) return count.status();
      auto e = Eval(last);
      if (!e.ok()) return e;
      auto scores = analysis::Score(g_, *metric, relations_);
      if (!scores.ok())
        return base::Status::InvalidData(
            WithCaret(text_, n.column, scores.status().message()));
      std::vector<VertexId> works = e->works;
      std::stable_sort(works.begin(), works.end(), [&](VertexId x, VertexId y) {
        if ((*scores)[x] != (*scores)[y]) return (*scores)[x] > (*scores)[y];
        return analysis::EarlierWork(g_, x, y);
      });
      if (works.size() > *count) works.resize(*count);
      Value out{SortedUnique(std::move(works)), {}};
      out.links = KeepLinksWithin(e->links, out.works);
      return out;
    }

    // The filters: a parameter, then the set to filter.
    auto param = Text(*n.children[0], "a value");
    if (!param.ok()) return param.status();
    auto e = Eval(last);
    if (!e.ok()) return e;
    const Node& at = *n.children[0];
    if (name == "kind") {
      auto kind = model::ParseKind(*param);
      if (!kind)
        return Error(at, fmt::format("unknown kind '{}'; use one of: {}",
                                     *param, model::KindNames()));
      return Filter(
          *e, [&](const model::Work& w, VertexId) { return w.kind == *kind; });
    }
    if (name == "era") {
      const model::Era* era = g_.FindEra(*param);
      if (era == nullptr) {
        for (const model::Era& candidate : g_.eras())
          if (base::NormalizeKey(candidate.name) == base::NormalizeKey(*param))
            era = &candidate;
      }
      if (era == nullptr) {
        std::string known;
        for (const model::Era& x : g_.eras())
          known += (known.empty() ? "" : ", ") + x.id;
        return Error(
            at, fmt::format("unknown era '{}'; use one of: {}", *param, known));
      }
      return Filter(
          *e, [&](const model::Work& w, VertexId) { return w.era == era->id; });
    }
    if (name == "tag") {
      return Filter(*e, [&](const model::Work& w, VertexId) {
        return std::find(w.tags.begin(), w.tags.end(), *param) != w.tags.end();
      });
    }
    if (name == "org") {
      auto org = model::Resolve(g_, *param);
      if (!org.ok())
        return Error(at, org.status().message(), base::Status::Code::kNotFound);
      const auto published =
          model::RelationSet().Add(model::Relation::kPublishedBy);
      return Filter(*e, [&](const model::Work&, VertexId v) {
        auto orgs = model::Parents(g_, v, published);
        return std::find(orgs.begin(), orgs.end(), *org) != orgs.end();
      });
    }
    // since / until
    auto date = model::Date::Parse(*param);
    if (!date.ok()) return Error(at, date.status().message());
    const bool since = name == "since";
    return Filter(*e, [&](const model::Work& w, VertexId) {
      if (!w.date.known()) return false;
      int c = model::CompareAtCommonPrecision(w.date, *date);
      return since ? c >= 0 : c <= 0;
    });
  }

  const Graph& g_;
  std::string_view text_;
  model::RelationSet relations_ = model::RelationSet::Influence();
  std::vector<std::pair<std::string, Value>> env_;
  std::vector<std::string> notes_;
};

}  // namespace

std::span<const FunctionInfo> Functions() { return kFunctions; }

base::Result<Outcome> Evaluate(const Graph& graph, const Node& root,
                               std::string_view text) {
  Evaluator evaluator(graph, text);
  auto value = evaluator.Eval(root);
  if (!value.ok()) return value.status();
  return Outcome{std::move(value).value(), std::move(evaluator.notes())};
}

base::Result<Outcome> RunQuery(const Graph& graph, std::string_view text) {
  auto root = Parse(text);
  if (!root.ok()) return root.status();
  return Evaluate(graph, **root, text);
}

}  // namespace lineage::query
