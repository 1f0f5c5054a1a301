#include "query/eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <iterator>
#include <optional>
#include <type_traits>

#include "analysis/ancestry.h"
#include "analysis/filter.h"
#include "analysis/paths.h"
#include "analysis/rank.h"
#include "base/text.h"
#include "model/resolve.h"

namespace lineage::query {
namespace {

using model::EdgeId;
using model::Graph;
using model::VertexId;

// What an argument must be. kSet is any expression; the others are a word
// or a string, checked at bind time where that needs no data.
enum class Arg {
  kSet,
  kNumber,
  kKind,
  kEra,
  kTag,
  kOrg,
  kDate,
  kRelation,
  kMetric
};

class Evaluator;
using Eval = base::Result<Value> (Evaluator::*)(const Node& call);

struct Function {
  FunctionInfo info;
  std::array<Arg, 3> args;  // The first max_args are used.
  std::size_t min_args, max_args;
  Eval eval;
};

// Declared here, defined after Evaluator: the table names its members.
extern const std::array<Function, 17> kTable;

constexpr std::array<FunctionInfo, 19> kHelp{{
    {"ancestors", "ancestors(E [, depth])",
     "works that E descends from, at most depth links away"},
    {"descendants", "descendants(E [, depth])",
     "works that descend from E, at most depth links away"},
    {"parents", "parents(E)", "works E draws on directly"},
    {"children", "children(E)", "works that draw on E directly"},
    {"somepath", "somepath(A, B)",
     "the works and links of one shortest path from A down to B"},
    {"allpaths", "allpaths(A, B)",
     "every work and link on any path from A down to B"},
    {"common", "common(A, B)",
     "the lowest common ancestors of A and B (a work counts as its own "
     "ancestor)"},
    {"kind", "kind(K, E)", "the works of E of kind K"},
    {"era", "era(X, E)", "the works of E in era X (by id or name)"},
    {"tag", "tag(T, E)", "the works of E tagged T"},
    {"org", "org(O, E)", "the works of E published by organization O"},
    {"since", "since(DATE, E)", "the works of E dated DATE or later"},
    {"until", "until(DATE, E)", "the works of E dated DATE or earlier"},
    {"relation", "relation(R, E)",
     "E, with its graph functions following only links of relation R "
     "(or 'influence', 'all')"},
    {"roots", "roots(E)", "the works of E with no parent in E"},
    {"leaves", "leaves(E)", "the works of E with no child in E"},
    {"top", "top(METRIC, N, E)",
     "the N works of E that score highest by METRIC (the ranking metrics)"},
    {"union", "A + B, A union B", "works in A or B"},
    {"except", "A - B, A except B; A & B, A intersect B",
     "works in A but not B; works in both"},
}};

base::Status ErrorAt(
    std::string_view text, const Node& at, std::string_view message,
    base::Status::Code code = base::Status::Code::kInvalidArgument) {
  std::string full = WithCaret(text, at.column, message);
  switch (code) {
    case base::Status::Code::kNotFound:
      return base::Status::NotFound(full);
    case base::Status::Code::kInvalidData:
      return base::Status::InvalidData(full);
    default:
      return base::Status::InvalidArgument(full);
  }
}

// The text of a word or string argument ('all' counts: an era may be
// called that).
std::optional<std::string_view> Literal(const Node& n) {
  if (n.type == Node::Type::kWord || n.type == Node::Type::kString ||
      (n.type == Node::Type::kAll && n.text == "all"))
    return n.text;
  return std::nullopt;
}

std::optional<std::size_t> ParseCount(std::string_view text) {
  std::size_t value = 0;
  auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size())
    return std::nullopt;
  return value;
}

// Checks one argument that needs no data; "" when it is fine.
std::string CheckArg(Arg arg, std::string_view text) {
  switch (arg) {
    case Arg::kNumber:
      return ParseCount(text) ? ""
                              : fmt::format(
                                    "expected a whole number, got "
                                    "'{}'",
                                    text);
    case Arg::kKind:
      return model::ParseKind(text)
                 ? ""
                 : fmt::format("unknown kind '{}'; use one of: {}", text,
                               model::KindNames());
    case Arg::kRelation:
      // A graph's own relation names are checked when it is evaluated.
      return model::ParseRelationSet(text) || !base::NormalizeKey(text).empty()
                 ? ""
                 : fmt::format("unknown relation '{}'; use {}", text,
                               model::RelationSetNames());
    case Arg::kMetric: {
      if (analysis::ParseMetric(text)) return "";
      std::string known;
      for (const auto& m : analysis::AllMetrics())
        known += (known.empty() ? "" : ", ") + std::string(m.name);
      return fmt::format("unknown metric '{}'; use one of: {}", text, known);
    }
    case Arg::kDate: {
      auto d = model::Date::Parse(text);
      return d.ok() ? "" : d.status().message();
    }
    default:
      return "";  // Eras, tags and organizations depend on the data.
  }
}

const Function* Find(std::string_view name) {
  for (const Function& f : kTable)
    if (f.info.name == name) return &f;
  return nullptr;
}

// The bind step: every call names a function of the table with the right
// number of arguments, and every argument that needs no data is valid.
base::Status Bind(const Node& n, std::string_view text) {
  if (n.type != Node::Type::kCall) {  // Set operations and let: their parts.
    for (const auto& child : n.children)
      if (base::Status s = Bind(*child, text); !s.ok()) return s;
    return base::Status::Ok();
  }
  const Function* fn = Find(n.text);
  if (fn == nullptr) {
    std::string known, best;
    std::size_t best_d = 3;
    for (const Function& f : kTable) {
      known += (known.empty() ? "" : ", ") + std::string(f.info.name);
      std::size_t d = base::EditDistance(n.text, f.info.name, 2);
      if (d < best_d) best_d = d, best = f.info.name;
    }
    return ErrorAt(
        text, n,
        fmt::format(
            "unknown function '{}'{}; the functions are: {}", n.text,
            best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best),
            known));
  }
  const std::size_t argc = n.children.size();
  if (argc < fn->min_args || argc > fn->max_args) {
    return ErrorAt(
        text, n,
        fmt::format(
            "{} takes {}{} argument{}, got {}: {}", fn->info.name, fn->min_args,
            fn->max_args > fn->min_args ? fmt::format(" or {}", fn->max_args)
                                        : "",
            fn->max_args == 1 ? "" : "s", argc, fn->info.signature));
  }
  for (std::size_t i = 0; i < argc; ++i) {
    const Node& a = *n.children[i];
    if (fn->args[i] == Arg::kSet) {
      if (base::Status s = Bind(a, text); !s.ok()) return s;
      continue;
    }
    auto literal = Literal(a);
    if (!literal)
      return ErrorAt(text, a, "expected a value here, not an expression");
    if (std::string problem = CheckArg(fn->args[i], *literal); !problem.empty())
      return ErrorAt(text, a, problem);
  }
  return base::Status::Ok();
}

std::vector<VertexId> SortedUnique(std::vector<VertexId> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

bool Contains(const std::vector<VertexId>& sorted, VertexId v) {
  return std::binary_search(sorted.begin(), sorted.end(), v);
}

// Evaluates a bound query. Every traversal, path, common ancestor and
// filter is the analysis layer's; what is here is the set algebra.
class Evaluator {
 public:
  Evaluator(const Graph& g, std::string_view text) : g_(g), text_(text) {}

  base::Result<Value> Eval(const Node& n) {
    switch (n.type) {
      case Node::Type::kAll: {
        Value v;
        v.works.resize(g_.num_works());
        for (VertexId i = 0; i < v.works.size(); ++i) v.works[i] = i;
        v.links = analysis::LinksAmong(g_, v.works, relations_);
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
        return (this->*Find(n.text)->eval)(n);
    }
    return Value{};
  }

  std::vector<std::string>& notes() { return notes_; }

  // --- the functions of kTable ---------------------------------------------

  base::Result<Value> Ancestors(const Node& n) {
    return Reach(n, analysis::Direction::kAncestors, -1);
  }
  base::Result<Value> Descendants(const Node& n) {
    return Reach(n, analysis::Direction::kDescendants, -1);
  }
  base::Result<Value> Parents(const Node& n) {
    return Reach(n, analysis::Direction::kAncestors, 1);
  }
  base::Result<Value> Children(const Node& n) {
    return Reach(n, analysis::Direction::kDescendants, 1);
  }

  base::Result<Value> SomePath(const Node& n) {
    return Between(n, [&](const Value& a, const Value& b) {
      Value out;
      if (auto p = analysis::ShortestPath(g_, a.works, b.works, relations_)) {
        out.works = SortedUnique(p->works);
        out.links = p->links;
        std::sort(out.links.begin(), out.links.end());
      }
      return out;
    });
  }
  base::Result<Value> AllPaths(const Node& n) {
    return Between(n, [&](const Value& a, const Value& b) {
      analysis::OnPaths on =
          analysis::PathsBetween(g_, a.works, b.works, relations_);
      return Value{std::move(on.works), std::move(on.links)};
    });
  }
  base::Result<Value> Common(const Node& n) {
    return Between(n, [&](const Value& a, const Value& b) {
      Value out;
      for (const analysis::CommonAncestor& c : analysis::CommonAncestors(
               g_, a.works, b.works, {.relations = relations_}))
        if (c.lowest) out.works.push_back(c.work);
      out.works = SortedUnique(std::move(out.works));
      return out;
    });
  }

  // The filters: FilterSpec's `Field` set to the first argument. One
  // definition of each filter, the same as the command line's flags.
  template <auto Field>
  base::Result<Value> Filtered(const Node& n) {
    analysis::FilterSpec spec;
    if constexpr (std::is_same_v<decltype(Field),
                                 std::string analysis::FilterSpec::*>) {
      spec.*Field = n.children[0]->text;
    } else {
      spec.*Field = {n.children[0]->text};
    }
    auto filter = analysis::MakeFilter(g_, spec);
    if (!filter.ok()) {
      return ErrorAt(text_, *n.children[0], filter.status().message(),
                     filter.status().code());
    }
    auto e = Eval(*n.children[1]);
    if (!e.ok()) return e;
    Value out{analysis::Keep(g_, *filter, e->works), {}};
    out.links = KeepLinksWithin(e->links, out.works);
    return out;
  }

  base::Result<Value> Relation(const Node& n) {
    auto named = g_.vocabulary().ParseSet(n.children[0]->text);
    if (!named) {
      return ErrorAt(
          text_, *n.children[0],
          fmt::format("unknown relation '{}'; use {}", n.children[0]->text,
                      g_.vocabulary().SetNames()));
    }
    model::RelationSet saved = relations_;
    relations_ = *named;
    auto inner = Eval(*n.children[1]);
    relations_ = saved;
    return inner;
  }

  base::Result<Value> Roots(const Node& n) {
    return Ends(n, [&](const std::vector<VertexId>& works) {
      return analysis::RootsIn(g_, works, relations_);
    });
  }
  base::Result<Value> Leaves(const Node& n) {
    return Ends(n, [&](const std::vector<VertexId>& works) {
      return analysis::LeavesIn(g_, works, relations_);
    });
  }

  base::Result<Value> Top(const Node& n) {
    const analysis::Metric metric = *analysis::ParseMetric(n.children[0]->text);
    const std::size_t count = *ParseCount(n.children[1]->text);
    auto e = Eval(*n.children[2]);
    if (!e.ok()) return e;
    if (count == 0) return Value{};
    auto scores = analysis::Score(g_, metric, relations_);
    if (!scores.ok()) {
      return ErrorAt(text_, n, scores.status().message(),
                     scores.status().code());
    }
    std::vector<VertexId> works;
    for (const analysis::Ranked& r :
         analysis::RankAmong(g_, *scores, e->works, count))
      works.push_back(r.work);
    Value out{SortedUnique(std::move(works)), {}};
    out.links = KeepLinksWithin(e->links, out.works);
    return out;
  }

 private:
  // A word is a let name when one is in scope, else a work.
  base::Result<Value> Name(const Node& n) {
    if (n.type == Node::Type::kWord) {
      for (auto it = env_.rbegin(); it != env_.rend(); ++it)
        if (it->first == n.text) return it->second;
    }
    auto v = model::Resolve(g_, n.text);
    if (!v.ok())
      return ErrorAt(text_, n, v.status().message(),
                     base::Status::Code::kNotFound);
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
      if (Contains(works, g_.parent(e)) && Contains(works, g_.child(e)))
        out.push_back(e);
    return out;
  }

  base::Result<Value> Reach(const Node& n, analysis::Direction direction,
                            int depth) {
    auto e = Eval(*n.children[0]);
    if (!e.ok()) return e;
    if (n.children.size() == 2) {
      const std::size_t d = *ParseCount(n.children[1]->text);
      depth = d > static_cast<std::size_t>(INT_MAX) ? -1 : static_cast<int>(d);
    }
    return Value{
        analysis::ReachFrom(g_, e->works, direction,
                            {.max_depth = depth, .relations = relations_}),
        {}};
  }

  template <typename F>
  base::Result<Value> Between(const Node& n, F&& f) {
    auto a = Eval(*n.children[0]);
    if (!a.ok()) return a;
    auto b = Eval(*n.children[1]);
    if (!b.ok()) return b;
    Value out = f(*a, *b);
    if (out.works.empty()) {
      notes_.push_back(fmt::format(
          "{} at column {} is empty: {}", n.text, n.column,
          n.text == "common" ? "the two share no ancestor"
                             : "no path leads from the first set down to the "
                               "second (is the order reversed?)"));
    }
    return out;
  }

  template <typename F>
  base::Result<Value> Ends(const Node& n, F&& f) {
    auto e = Eval(*n.children[0]);
    if (!e.ok()) return e;
    Value out{f(e->works), {}};
    out.links = KeepLinksWithin(e->links, out.works);
    return out;
  }

  const Graph& g_;
  std::string_view text_;
  model::RelationSet relations_ = model::RelationSet::Influence();
  std::vector<std::pair<std::string, Value>> env_;
  std::vector<std::string> notes_;
};

constexpr Arg S = Arg::kSet;

const std::array<Function, 17> kTable{{
    {kHelp[0], {S, Arg::kNumber, S}, 1, 2, &Evaluator::Ancestors},
    {kHelp[1], {S, Arg::kNumber, S}, 1, 2, &Evaluator::Descendants},
    {kHelp[2], {S, S, S}, 1, 1, &Evaluator::Parents},
    {kHelp[3], {S, S, S}, 1, 1, &Evaluator::Children},
    {kHelp[4], {S, S, S}, 2, 2, &Evaluator::SomePath},
    {kHelp[5], {S, S, S}, 2, 2, &Evaluator::AllPaths},
    {kHelp[6], {S, S, S}, 2, 2, &Evaluator::Common},
    {kHelp[7],
     {Arg::kKind, S, S},
     2,
     2,
     &Evaluator::Filtered<&analysis::FilterSpec::kinds>},
    {kHelp[8],
     {Arg::kEra, S, S},
     2,
     2,
     &Evaluator::Filtered<&analysis::FilterSpec::eras>},
    {kHelp[9],
     {Arg::kTag, S, S},
     2,
     2,
     &Evaluator::Filtered<&analysis::FilterSpec::tags>},
    {kHelp[10],
     {Arg::kOrg, S, S},
     2,
     2,
     &Evaluator::Filtered<&analysis::FilterSpec::orgs>},
    {kHelp[11],
     {Arg::kDate, S, S},
     2,
     2,
     &Evaluator::Filtered<&analysis::FilterSpec::since>},
    {kHelp[12],
     {Arg::kDate, S, S},
     2,
     2,
     &Evaluator::Filtered<&analysis::FilterSpec::until>},
    {kHelp[13], {Arg::kRelation, S, S}, 2, 2, &Evaluator::Relation},
    {kHelp[14], {S, S, S}, 1, 1, &Evaluator::Roots},
    {kHelp[15], {S, S, S}, 1, 1, &Evaluator::Leaves},
    {kHelp[16], {Arg::kMetric, Arg::kNumber, S}, 3, 3, &Evaluator::Top},
}};

}  // namespace

std::span<const FunctionInfo> Functions() { return kHelp; }

base::Result<Prepared> Prepare(std::string_view text,
                               const ParseOptions& options) {
  auto root = Parse(text, options);
  if (!root.ok()) return root.status();
  if (base::Status s = Bind(**root, text); !s.ok()) return s;
  Prepared p;
  p.text_ = std::string(text);
  p.root_ = std::move(root).value();
  return p;
}

base::Result<Outcome> Evaluate(const Graph& graph, const Prepared& query) {
  Evaluator evaluator(graph, query.text());
  auto value = evaluator.Eval(query.root());
  if (!value.ok()) return value.status();
  return Outcome{std::move(value).value(), std::move(evaluator.notes())};
}

base::Result<Outcome> RunQuery(const Graph& graph, std::string_view text) {
  auto prepared = Prepare(text);
  if (!prepared.ok()) return prepared.status();
  return Evaluate(graph, *prepared);
}

}  // namespace lineage::query
