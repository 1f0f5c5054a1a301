#include "render/scene.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/order.h"
#include "base/text.h"
#include "render/html.h"
#include "render/words.h"

namespace lineage::render {
namespace {

using model::EdgeId;
using model::Graph;
using model::Kind;
using model::Relation;
using model::VertexId;

// Pastel fills for eras (in era order), with a darker border each.
constexpr std::array<std::pair<const char*, const char*>, 6> kEraColors{{
    {"#ececec", "#8c8c8c"},
    {"#fde0c5", "#c77c2e"},
    {"#d9efd3", "#4f9a43"},
    {"#d6e4f5", "#3f70b5"},
    {"#ecdaf2", "#8e4fa6"},
    {"#f9f3c4", "#a89524"},
}};

struct KindStyle {
  Kind kind;
  const char* shape;
  const char* style;
  const char* glyph;  // For the legend.
};
constexpr std::array<KindStyle, 10> kKindStyles{{
    {Kind::kPaper, "note", "filled", "▤"},
    {Kind::kModel, "box", "filled,rounded", "▢"},
    {Kind::kArchitecture, "hexagon", "filled", "⬡"},
    {Kind::kDataset, "cylinder", "filled", "◫"},
    {Kind::kTechnique, "parallelogram", "filled", "▱"},
    {Kind::kProduct, "house", "filled", "⌂"},
    {Kind::kSoftware, "tab", "filled", "▭"},
    {Kind::kOrganization, "doubleoctagon", "filled", "◎"},
    {Kind::kEvent, "octagon", "filled", "◇"},
    {Kind::kArtwork, "egg", "filled", "○"},
}};

struct RelationStyle {
  Relation relation;
  const char* style;
  const char* color;
  const char* penwidth;
  const char* arrowhead;
  const char* glyph;  // For the legend.
};
constexpr std::array<RelationStyle, 10> kRelationStyles{{
    {Relation::kBuildsOn, "solid", "#333333", "2.2", "normal", "━━▶"},
    {Relation::kInfluencedBy, "dashed", "#555555", "1.4", "normal", "╍╍▶"},
    {Relation::kUses, "solid", "#3f70b5", "1.4", "normal", "──▶"},
    {Relation::kReplicates, "dotted", "#8c564b", "2.6", "normal", "┅┅▶"},
    {Relation::kIntroducedBy, "solid", "#2e8b57", "1.4", "diamond", "──◆"},
    {Relation::kCites, "solid", "#777777", "1.0", "normal", "──▶"},
    {Relation::kTrainedOn, "dotted", "#9a9a9a", "1.2", "empty", "┈┈▷"},
    {Relation::kPublishedBy, "dotted", "#b0b0b0", "1.0", "odot", "┈┈○"},
    {Relation::kRespondsTo, "dashed", "#c0392b", "1.4", "vee", "╍╍>"},
    {Relation::kInvolves, "dotted", "#b0b0b0", "1.0", "none", "┈┈ "},
}};

// Fonts, first choice first: Latin text in Helvetica or a sans-serif that
// stands in for it (Graphviz's own pick, DejaVu Sans on Debian), and the
// characters they lack, CJK among them, from the Noto or WenQuanYi fonts
// (Debian's fonts-wqy-zenhei is among the dependencies): browsers and
// Pango both fall back glyph by glyph along the list.
constexpr const char* kFonts =
    "Helvetica,Arial,DejaVu Sans,Noto Sans CJK SC,WenQuanYi Zen Hei,"
    "sans-serif";

// The rank of undated works (organizations), after every year.
constexpr int kUndated = std::numeric_limits<int>::max();

constexpr const char* kHighlight = "#c0392b";
constexpr const char* kBackInTime = "#e67e22";
constexpr const char* kFaint = "#d5d5d5";
constexpr const char* kFadedLine = "#d0d0d0";
constexpr const char* kFadedFill = "#f6f6f6";
constexpr const char* kFadedText = "#a8a8a8";

const KindStyle& StyleOf(Kind k) {
  return kKindStyles[static_cast<std::size_t>(k)];
}
// A graph's own relations take a colour each from this list, in the order
// of their ids (none of them orange or red, which mark links back in time
// and the highlight): solid lines for influence, dotted for knowledge.
constexpr std::array<const char*, 8> kCustomColors{
    "#1f77b4", "#2ca02c", "#9467bd", "#e377c2",
    "#17becf", "#bcbd22", "#8c564b", "#393b79"};

const RelationStyle& StyleOf(Relation r) {
  static const std::array<RelationStyle, model::kRelationIds> styles = [] {
    std::array<RelationStyle, model::kRelationIds> all{};
    for (unsigned id = 0; id < all.size(); ++id) {
      const Relation rel = static_cast<Relation>(id);
      const bool influence = model::IsInfluence(rel);
      const unsigned first =
          static_cast<unsigned>(influence ? Relation::kFirstCustomInfluence
                                          : Relation::kFirstCustomKnowledge);
      all[id] = {
          rel,
          influence ? "solid" : "dotted",
          kCustomColors[(id - std::min(id, first)) % kCustomColors.size()],
          influence ? "1.4" : "1.2",
          influence ? "normal" : "empty",
          influence ? "──▶" : "┈┈▷"};
    }
    for (const RelationStyle& s : kRelationStyles)
      all[static_cast<std::size_t>(s.relation)] = s;
    return all;
  }();
  return styles[static_cast<std::size_t>(r)];
}

std::string PaperUrl(const model::WorkDetails& d) {
  if (!d.arxiv.empty()) return "https://arxiv.org/abs/" + d.arxiv;
  return d.url;
}

// A Graphviz point, "x,y", in points.
// Whole points: a finer position is invisible, and integers are cheaper
// to write, for Graphviz to read back and to print into the SVG.
std::string Pos(const Point& p) {
  return fmt::format("{},{}", std::lround(p.x), std::lround(p.y));
}
std::string Inches(double points) { return fmt::format("{:.3f}", points / 72); }

// Graphviz sizes a node to its label, and shapes other than boxes grow by
// about √2 to hold it. The layout needs the size first, so it is estimated
// here, on the generous side (Graphviz keeps a node at least as big as
// asked): per character of 11-point Helvetica, CJK a full em.
Point BoxSize(std::string_view label, std::string_view shape) {
  constexpr double kFont = 11, kMarginX = 8.64, kMarginY = 4.32;
  double widest = 0, line = 0;
  int lines = 1;
  for (std::size_t i = 0; i < label.size(); ++i) {
    const auto c = static_cast<unsigned char>(label[i]);
    if (c == '\n') {
      widest = std::max(widest, line);
      line = 0;
      ++lines;
    } else if (c >= 0xE3) {  // CJK and beyond: three-byte sequences.
      line += kFont;
      i += 2;
    } else if (c >= 0xC0) {  // Accented Latin, Greek, ...
      line += 0.62 * kFont;
    } else if (c >= 0x80) {  // Continuation bytes.
    } else if (std::isupper(c) || std::isdigit(c) || c == 'm' || c == 'w') {
      line += 0.68 * kFont;
    } else if (c == ' ' || c == 'i' || c == 'l' || c == 'j' || c == '.' ||
               c == ',' || c == '\'' || c == 'I' || c == 't' || c == 'f') {
      line += 0.32 * kFont;
    } else {
      line += 0.57 * kFont;
    }
  }
  widest = std::max(widest, line);
  double w = std::max(54.0, widest + 2 * kMarginX + 4);
  double h = std::max(36.0, lines * kFont * 1.2 + 2 * kMarginY + 4);
  const bool boxy = shape == "box" || shape == "note" || shape == "tab" ||
                    shape == "cylinder";
  if (!boxy) {
    w *= 1.42;
    h *= 1.42;
    if (shape == "parallelogram") w += 0.6 * h;
  }
  return {std::ceil(w), std::ceil(h)};
}

// The fewest leaves with the same parents drawn as one group: a pair costs
// a single box more than its group would, and keeps both names.
constexpr std::size_t kGroupAtLeast = 3;

// A parent of a group's works, and how many of them link to it so.
struct GroupParent {
  VertexId work;
  Relation relation;
  std::size_t members;
};

// Leaves of a view in one column, drawn as one node.
struct Group {
  std::vector<VertexId> members;     // In date order.
  std::vector<GroupParent> parents;  // Of any member; sorted.
  bool same_parents;                 // Every member has all of them.
  long main_parent;  // Else the parent they share (-1: they have none).
  std::string name;  // Its node's name and SVG id: "group-FIRST".
};

// A node of the pinned timeline: a work, or the group standing for its
// works (then `work` is the group's first).
struct Slot {
  VertexId work;
  const Group* group;
};

class SceneBuilder {
 public:
  SceneBuilder(const Graph& g, const analysis::Selection& s,
               const SceneOptions& o)
      : g_(g),
        sel_(s),
        opt_(o),
        highlight_(s.any_highlight()),
        timeline_(o.timeline && AnyDated(g, s)),
        pinned_(o.pinned) {
    for (std::size_t i = 0; i < g.eras().size(); ++i)
      era_index_[g.eras()[i].id] = i;
  }

  Scene Build() {
    Scene scene;
    Defaults(&scene);
    std::vector<VertexId> works;
    for (VertexId v = 0; v < g_.num_works(); ++v)
      if (sel_.works[v]) works.push_back(v);
    // Date order (then id) is the first order within a column.
    if (pinned_) {
      std::sort(works.begin(), works.end(), [&](VertexId a, VertexId b) {
        return analysis::EarlierWork(g_, a, b);
      });
    }
    std::vector<EdgeId> links;
    g_.ForEachLink(
        [&](EdgeId e, VertexId parent, VertexId child, Relation relation) {
          if (!sel_.links[e]) return;
          // On a timeline an organization sits after the last year (on dot's,
          // any undated work), so its links would run backwards in time; its
          // tooltip lists them instead.
          if (timeline_ && (SetApart(parent) || SetApart(child))) {
            ++scene.listed;
            return;
          }
          links.push_back(e);
          relations_.insert(relation);
        });
    std::optional<Resolution> resolution = opt_.resolution;
    if (timeline_ && pinned_ && opt_.group_leaves) {
      // Groups share a column, so the columns are chosen first, from the
      // whole view, and the layout keeps them.
      if (!resolution) resolution = ChooseResolutionOf(works, links);
      MakeGroups(works, links, *resolution);
    }
    // The nodes: each work, or in its place the group it belongs to (where
    // the group's first work would stand).
    std::vector<Slot> slots;
    std::map<int, std::vector<VertexId>> by_year;
    for (VertexId v : works) {
      const model::Date& date = g_.date(v);
      drawn_.insert(v);
      kinds_.insert(g_.kind(v));
      if (auto it = group_of_.find(v); it != group_of_.end()) {
        const Group& group = groups_[it->second];
        if (group.members.front() != v) continue;
        slots.push_back({v, &group});
        scene.nodes.push_back(GroupNode(group));
        continue;
      }
      slots.push_back({v, nullptr});
      scene.nodes.push_back(WorkNode(v));
      if (!date.known()) ++scene.undated;
      by_year[date.known() ? date.year : kUndated].push_back(v);
    }
    scene.groups = groups_.size();
    scene.grouped_works = group_of_.size();
    scene.works = works.size() - scene.grouped_works;
    std::map<VertexId, std::size_t> slot_of;
    for (std::size_t i = 0; i < slots.size(); ++i)
      if (!slots[i].group) slot_of[slots[i].work] = i;
    std::vector<TimelineLink> pairs;
    for (EdgeId e : links) {
      if (group_of_.contains(g_.child(e))) {
        ++scene.grouped_links;
        continue;
      }
      scene.edges.push_back(LinkEdge(e));
      pairs.push_back({slot_of[g_.parent(e)], slot_of[g_.child(e)]});
    }
    scene.links = scene.edges.size();
    for (std::size_t i = 0; i < slots.size(); ++i) {
      if (!slots[i].group) continue;
      for (const GroupParent& p : slots[i].group->parents) {
        scene.edges.push_back(GroupEdge(*slots[i].group, p));
        pairs.push_back({slot_of.at(p.work), i});
      }
    }
    for (const SceneEdge& e : scene.edges)
      scene.back_in_time +=
          e.attrs.Get("class").find(" back-in-time") != std::string::npos;
    if (timeline_ && pinned_) {
      Pin(slots, pairs, resolution, &scene);
    } else if (timeline_) {
      Ruler(by_year, &scene);
    }
    scene.html_label = Legend(scene);
    return scene;
  }

 private:
  const char* EraFill(std::string_view era) const {
    auto it = era_index_.find(std::string(era));
    if (it == era_index_.end()) return "#ffffff";
    return kEraColors[it->second % kEraColors.size()].first;
  }
  const char* EraBorder(std::string_view era) const {
    auto it = era_index_.find(std::string(era));
    if (it == era_index_.end()) return "#666666";
    return kEraColors[it->second % kEraColors.size()].second;
  }
  // A timeline needs a date to stand on: a view of undated works only (a
  // DOT family tree, a table without a node table) is laid out by its links.
  static bool AnyDated(const Graph& g, const analysis::Selection& s) {
    for (VertexId v = 0; v < g.num_works(); ++v)
      if (s.works[v] && g.date(v).known()) return true;
    return false;
  }

  // Whether a work's links are listed in its tooltip instead of drawn: on
  // dot's timeline every undated work sits after the last year; pinned,
  // only organizations do, other undated works being placed by their links.
  bool SetApart(VertexId v) const {
    if (g_.date(v).known()) return false;
    return !pinned_ || g_.kind(v) == Kind::kOrganization;
  }

  // The resolution LayOutTimeline would choose for the whole view.
  Resolution ChooseResolutionOf(const std::vector<VertexId>& works,
                                const std::vector<EdgeId>& links) const {
    std::map<VertexId, std::size_t> index;
    std::vector<TimelineItem> items;
    for (VertexId v : works) {
      index[v] = items.size();
      items.push_back({.date = g_.date(v), .apart = SetApart(v)});
    }
    std::vector<TimelineLink> pairs;
    for (EdgeId e : links)
      pairs.push_back({index.at(g_.parent(e)), index.at(g_.child(e))});
    return ChooseResolution(items, pairs);
  }

  // Whether a work may stand in a group: dated, not set apart, neither
  // asked for nor highlighted (the main path), and a leaf of the view.
  bool Groupable(VertexId v, const std::set<VertexId>& parents) const {
    return g_.date(v).known() && !SetApart(v) && !IsFocus(v) &&
           !(highlight_ && sel_.highlighted_works[v]) && !parents.contains(v);
  }

  // Groups the leaves of the view: in each column, those with exactly the
  // same parents (by the same relations), kGroupAtLeast or more together;
  // then the column's other leaves with the same main parent, as many. On
  // a curated family the first are a model's fine-tunes; on a dense
  // citation graph, where hardly two works cite the same papers, the second
  // are the papers citing the same hub. (All of a column's other leaves in
  // one group would fold more, but pull links from everywhere to one box:
  // on the 400 top works of cit-HepPh that crossed more links than drawing
  // every work.)
  void MakeGroups(const std::vector<VertexId>& works,
                  const std::vector<EdgeId>& links, Resolution resolution) {
    std::set<VertexId> parents;
    std::map<VertexId, std::vector<std::pair<VertexId, Relation>>> in;
    for (EdgeId e : links) {
      parents.insert(g_.parent(e));
      in[g_.child(e)].emplace_back(g_.parent(e), g_.relation(e));
    }
    using Parents = std::vector<std::pair<VertexId, Relation>>;
    std::map<std::pair<long, Parents>, std::vector<VertexId>> alike;
    for (VertexId v : works) {  // In date order: members keep it.
      if (!Groupable(v, parents)) continue;
      Parents key = in[v];
      std::sort(key.begin(), key.end());
      key.erase(std::unique(key.begin(), key.end()), key.end());
      alike[{ColumnKey(g_.date(v), resolution), std::move(key)}].push_back(v);
    }
    std::map<VertexId, std::size_t> children;
    for (EdgeId e : links) ++children[g_.parent(e)];
    // A leaf's main parent: of its parents, the one with the most children
    // in the view (then the earliest); none without a parent.
    auto main_parent = [&](VertexId v) {
      long best = -1;
      for (const auto& [p, r] : in[v]) {
        if (best < 0 || children[p] > children[best] ||
            (children[p] == children[best] &&
             analysis::EarlierWork(g_, p, static_cast<VertexId>(best))))
          best = static_cast<long>(p);
      }
      return best;
    };
    std::map<std::pair<long, long>, std::vector<VertexId>> rest;
    std::vector<Group> made;
    for (auto& [key, members] : alike) {
      if (members.size() >= kGroupAtLeast) {
        made.push_back({std::move(members), {}, true, -1, ""});
      } else {
        for (VertexId v : members)
          rest[{key.first, main_parent(v)}].push_back(v);
      }
    }
    for (auto& [key, members] : rest) {
      if (members.size() < kGroupAtLeast) continue;
      std::sort(members.begin(), members.end(), [&](VertexId a, VertexId b) {
        return analysis::EarlierWork(g_, a, b);
      });
      made.push_back({std::move(members), {}, false, key.second, ""});
    }
    std::set<std::string> names;
    for (VertexId v : works) names.insert(std::string(g_.id(v)));
    for (Group& group : made) {
      // One link from each parent of any member, counting the members.
      std::map<std::pair<VertexId, Relation>, std::size_t> count;
      for (VertexId v : group.members) {
        std::set<std::pair<VertexId, Relation>> own(in[v].begin(), in[v].end());
        for (const auto& p : own) ++count[p];
      }
      for (const auto& [p, n] : count)
        group.parents.push_back({p.first, p.second, n});
      // Named by its first work, which belongs to no other group; a work
      // whose id is that name already would clash.
      group.name = fmt::format("group-{}", g_.id(group.members.front()));
      while (names.contains(group.name)) group.name += "-group";
      for (VertexId v : group.members) group_of_[v] = groups_.size();
      groups_.push_back(std::move(group));
    }
  }

  // A group's one box: its first work's name and how many more it holds.
  SceneNode GroupNode(const Group& group) const {
    const std::size_t n = group.members.size();
    SceneNode node{group.name, {}};
    // Its works' date, when they share one (at a coarse resolution they
    // may not: the ruler says the column).
    const model::Date& date = g_.date(group.members.front());
    const bool one_date = std::all_of(
        group.members.begin(), group.members.end(), [&](VertexId v) {
          const model::Date& d = g_.date(v);
          return d.year == date.year && d.month == date.month &&
                 d.day == date.day;
        });
    node.attrs.Set("label",
                   base::Wrap(g_.name(group.members.front()), 20) + "\n" +
                       fmt::format(fmt::runtime(words_.group_more), n - 1) +
                       (one_date ? " · " + date.ToString() : ""));
    node.attrs.Set("shape", "box3d");
    node.attrs.Set("style", "filled");
    node.attrs.Set("id", group.name);
    // Never highlighted: faded when the main path is drawn bold.
    node.attrs.Set("class", highlight_ ? "group faded" : "group");
    node.attrs.Set("fillcolor", highlight_ ? kFadedFill : "#ffffff");
    node.attrs.Set("color", highlight_ ? kFadedLine : "#777777");
    if (highlight_) node.attrs.Set("fontcolor", kFadedText);
    std::vector<std::string> parents;
    for (const GroupParent& p : group.parents)
      parents.emplace_back(g_.name(p.work));
    std::string tip =
        parents.empty() ? fmt::format(fmt::runtime(words_.group_alone_tip), n)
        : group.same_parents
            ? fmt::format(fmt::runtime(words_.group_tip), n,
                          fmt::join(parents, ", "))
            : fmt::format(fmt::runtime(words_.group_main_tip), n,
                          g_.name(static_cast<VertexId>(group.main_parent)));
    constexpr std::size_t kMostListed = 25;
    for (std::size_t i = 0; i < n && i < kMostListed; ++i) {
      const VertexId v = group.members[i];
      tip += fmt::format("\n{} ({})", g_.name(v), g_.date(v).ToString());
    }
    if (n > kMostListed)
      tip +=
          "\n" + fmt::format(fmt::runtime(words_.group_more), n - kMostListed);
    node.attrs.Set("tooltip", tip);
    return node;
  }

  // The one link from a shared parent to a group, for all its works' links.
  SceneEdge GroupEdge(const Group& group, const GroupParent& by) const {
    const VertexId parent = by.work;
    const Relation relation = by.relation;
    const RelationStyle& rs = StyleOf(relation);
    const std::string_view rel = g_.relation_name(relation);
    SceneEdge edge{std::string(g_.id(parent)), group.name, {}};
    edge.attrs.Set(
        "id", fmt::format("link-{}-{}-{}", group.name, rel, g_.id(parent)));
    edge.attrs.Set(
        "class",
        fmt::format("link group-link rel-{} {}{}", rel,
                    model::IsInfluence(relation) ? "influence" : "knowledge",
                    highlight_ ? " faded" : ""));
    edge.attrs.Set("style", rs.style);
    edge.attrs.Set("arrowhead", rs.arrowhead);
    edge.attrs.Set("color", highlight_ ? kFadedLine : rs.color);
    edge.attrs.Set("penwidth", rs.penwidth);
    edge.attrs.Set("tooltip",
                   fmt::format("{} {} {}",
                               fmt::format(fmt::runtime(words_.group_works),
                                           by.members, group.members.size()),
                               rel, g_.name(parent)));
    // Back in time only when the layout puts the group's column before its
    // parent's (Pin): the dates of a group's works differ within a column.
    return edge;
  }

  // Lays the timeline out and pins every node, tick and link curve:
  // scene->nodes[i] is slots[i], scene->edges[k] links pairs[k].
  void Pin(const std::vector<Slot>& slots,
           const std::vector<TimelineLink>& pairs,
           std::optional<Resolution> resolution, Scene* scene) const {
    std::vector<TimelineItem> items;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const VertexId v = slots[i].work;
      SceneNode& node = scene->nodes[i];
      if (slots[i].group) {
        // Graphviz draws box3d's depth, 4 points, inside the size asked.
        Point size = BoxSize(node.attrs.Get("label"), "box");
        items.push_back({g_.date(v), size.x + 4, size.y + 4, 0, false});
        continue;
      }
      if (!g_.date(v).known() && !SetApart(v)) {
        node.attrs.Set("label", node.attrs.Get("label") +
                                    fmt::format("\n({})", words_.undated));
        node.attrs.Set("class", node.attrs.Get("class") + " undated");
      }
      const Point size =
          BoxSize(node.attrs.Get("label"), StyleOf(g_.kind(v)).shape);
      // Graphviz slants a parallelogram by 0.6 of its height over its
      // width: at mid-height a side lies a quarter of that inside the box.
      const double inset =
          std::string_view(StyleOf(g_.kind(v)).shape) == "parallelogram"
              ? 0.25 * 0.6 * size.y
              : 0;
      items.push_back({g_.date(v), size.x, size.y, inset, SetApart(v)});
    }
    const TimelineLayout layout = LayOutTimeline(
        items, pairs,
        {.resolution = resolution, .top_to_bottom = opt_.rankdir == "TB"});
    scene->pinned = true;
    scene->resolution = layout.resolution;
    scene->crossings = layout.crossings;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      SceneNode& node = scene->nodes[i];
      node.attrs.Set("pos", Pos(layout.centre[i]));
      node.attrs.Set("width", Inches(items[i].width));
      node.attrs.Set("height", Inches(items[i].height));
    }
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      SceneEdge& edge = scene->edges[k];
      const TimelineRoute& route = layout.routes[k];
      std::string pos = "e," + Pos(route.tip);
      for (const Point& p : route.points) pos += " " + Pos(p);
      edge.attrs.Set("pos", pos);
      if (route.back_in_time) MarkBackInTime(&edge);
      if (route.direct) {
        // Past the budget of slots: drawn straight behind the works, faint,
        // so that the links that have room read first.
        ++scene->faint;
        const std::string cls = edge.attrs.Get("class");
        edge.attrs.Set("class", cls + " faint");
        if (cls.find(" highlight") == std::string::npos) {
          edge.attrs.Set("color", kFaint);
          edge.attrs.Set("penwidth", "0.6");
          edge.attrs.Set("arrowhead", "none");
        }
      }
    }
    scene->back_in_time = layout.back_in_time;
    PinnedRuler(slots, layout, scene);
  }

  // The ruler's ticks above (TB: beside) the columns, joined in order.
  void PinnedRuler(const std::vector<Slot>& slots, const TimelineLayout& layout,
                   Scene* scene) const {
    std::vector<std::set<std::size_t>> eras(layout.columns.size());
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const std::vector<VertexId> one{slots[i].work};
      for (VertexId v : slots[i].group ? slots[i].group->members : one) {
        auto it = era_index_.find(std::string(g_.era(v)));
        if (it != era_index_.end())
          eras[layout.column_of[i]].insert(it->second);
      }
    }
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      const TimelineColumn& column = layout.columns[c];
      SceneNode n = TickNode(
          column.tick,
          column.dated ? column.label : std::string(words_.undated), eras[c],
          column.dated ? column.label : std::string(words_.undated_tip));
      n.attrs.Set("pos", Pos(layout.tick_centre[c]));
      n.attrs.Set("width", Inches(layout.tick_size.x));
      n.attrs.Set("height", Inches(layout.tick_size.y));
      scene->nodes.push_back(std::move(n));
      if (c == 0) continue;
      const TimelineColumn& before = layout.columns[c - 1];
      SceneEdge axis = RulerEdge(before.tick, column.tick,
                                 !column.dated || !before.dated ? "dotted"
                                 : column.after_gap             ? "dashed"
                                                                : "solid");
      // From the side of one tick to the side of the next.
      const bool tb = opt_.rankdir == "TB";
      const Point a = layout.tick_centre[c - 1], b = layout.tick_centre[c];
      const double half = (tb ? layout.tick_size.y : layout.tick_size.x) / 2;
      const Point from = tb ? Point{a.x, a.y - half} : Point{a.x + half, a.y};
      const Point to = tb ? Point{b.x, b.y + half} : Point{b.x - half, b.y};
      axis.attrs.Set("pos", fmt::format("{} {} {} {}", Pos(from), Pos(from),
                                        Pos(to), Pos(to)));
      scene->edges.push_back(std::move(axis));
    }
  }

  bool IsFocus(VertexId v) const {
    return std::find(sel_.focus.begin(), sel_.focus.end(), v) !=
           sel_.focus.end();
  }

  void Defaults(Scene* scene) const {
    if (!(timeline_ && pinned_))
      scene->graph_attrs.Set("rankdir", opt_.rankdir);
    scene->graph_attrs.Set("labelloc", "t");
    scene->graph_attrs.Set("labeljust", "l");
    scene->graph_attrs.Set("fontname", kFonts);
    scene->graph_attrs.Set("bgcolor", "white");
    scene->graph_attrs.Set("pad", "0.4");
    if (timeline_ && pinned_) {
      // Works over the links that pass behind them.
      scene->graph_attrs.Set("outputorder", "edgesfirst");
    } else if (timeline_) {
      scene->graph_attrs.Set("nodesep", "0.25");
      scene->graph_attrs.Set("ranksep", "0.9");
      scene->graph_attrs.Set("newrank", "true");
    } else {
      scene->graph_attrs.Set("overlap", "false");
      scene->graph_attrs.Set("splines", "true");
    }
    scene->graph_attrs.Set("id", "lineage");
    scene->node_defaults.Set("fontname", kFonts);
    scene->node_defaults.Set("fontsize", "11");
    scene->node_defaults.Set("margin", "0.12,0.06");
    scene->edge_defaults.Set("fontname", kFonts);
    scene->edge_defaults.Set("arrowsize", "0.7");
  }

  SceneNode WorkNode(VertexId v) const {
    const std::string id(g_.id(v));
    const std::string_view era = g_.era(v);
    const KindStyle& ks = StyleOf(g_.kind(v));
    SceneNode n{id, {}};
    // Long names would stretch their node across the page.
    std::string label = base::Wrap(g_.name(v), 20);
    if (g_.date(v).known()) label += "\n" + g_.date(v).ToString();
    n.attrs.Set("label", label);
    n.attrs.Set("shape", ks.shape);
    // The project's extension is drawn with a dashed border, so that what
    // the article says stands apart at a glance.
    const bool extension = g_.details(v).layer == model::Layer::kExtension;
    n.attrs.Set("style", extension ? std::string(ks.style) + ",dashed"
                                   : std::string(ks.style));
    n.attrs.Set("id", "work-" + id);
    std::string cls =
        fmt::format("work kind-{} era-{}", model::KindName(g_.kind(v)),
                    era.empty() ? "none" : era);
    bool faded = highlight_ && !sel_.highlighted_works[v];
    if (extension) cls += " layer-extension";
    if (IsFocus(v)) cls += " focus";
    if (highlight_ && sel_.highlighted_works[v]) cls += " highlight";
    if (faded) cls += " faded";
    n.attrs.Set("class", cls);
    if (faded) {
      n.attrs.Set("fillcolor", kFadedFill);
      n.attrs.Set("color", kFadedLine);
      n.attrs.Set("fontcolor", kFadedText);
    } else {
      n.attrs.Set("fillcolor", EraFill(era));
      n.attrs.Set("color", highlight_ ? kHighlight : EraBorder(era));
      n.attrs.Set("penwidth", IsFocus(v) || highlight_ ? "3" : "1.3");
    }
    n.attrs.Set("tooltip", Tooltip(v));
    if (std::string url = PaperUrl(g_.details(v)); !url.empty()) {
      n.attrs.Set("URL", url);
      n.attrs.Set("target", "_blank");
    }
    return n;
  }

  std::string Tooltip(VertexId v) const {
    const model::WorkDetails& d = g_.details(v);
    const model::Date& date = g_.date(v);
    std::string t =
        fmt::format("{} ({}{}{})", g_.name(v), model::KindName(g_.kind(v)),
                    date.known() ? ", " : "", date.ToString());
    if (!d.summary.empty()) t += "\n" + d.summary;
    std::vector<std::string> orgs;
    for (const model::Neighbor& o :
         g_.InLinks(v, model::RelationSet().Add(Relation::kPublishedBy)))
      orgs.emplace_back(g_.name(o.other));
    if (!orgs.empty())
      t += fmt::format("\n{}: {}", words_.organization, fmt::join(orgs, ", "));
    if (!d.people.empty())
      t += fmt::format("\n{}: {}", words_.people, fmt::join(d.people, ", "));
    if (!d.paper.empty()) t += fmt::format("\n{}: {}", words_.paper, d.paper);
    if (!date.known()) {
      for (const model::Neighbor& c : g_.OutLinks(v)) {
        if (sel_.works[c.other]) t += fmt::format("\n{}", g_.name(c.other));
      }
    }
    return t;
  }

  SceneEdge LinkEdge(EdgeId e) const {
    const Relation relation = g_.relation(e);
    const model::LinkDetails& l = g_.link_details(e);
    const RelationStyle& rs = StyleOf(relation);
    const VertexId parent = g_.parent(e), child = g_.child(e);
    std::string_view rel = g_.relation_name(relation);
    SceneEdge edge{std::string(g_.id(parent)), std::string(g_.id(child)), {}};
    edge.attrs.Set(
        "id", fmt::format("link-{}-{}-{}", g_.id(child), rel, g_.id(parent)));
    bool hl = highlight_ && sel_.highlighted_links[e];
    bool faded = highlight_ && !hl;
    edge.attrs.Set(
        "class",
        fmt::format(
            "link rel-{} {}{}{}", rel,
            model::IsInfluence(relation) ? "influence" : "knowledge",
            l.layer == model::Layer::kExtension ? " layer-extension" : "",
            hl      ? " highlight"
            : faded ? " faded"
                    : ""));
    edge.attrs.Set("style", rs.style);
    edge.attrs.Set("arrowhead", rs.arrowhead);
    edge.attrs.Set("color", hl ? kHighlight : faded ? kFadedLine : rs.color);
    edge.attrs.Set("penwidth", hl ? "3.2" : rs.penwidth);
    std::string tip = fmt::format(
        "{}{} {} {}{}{}",
        l.layer == model::Layer::kExtension ? words_.after_article : "",
        g_.name(child), rel, g_.name(parent), l.evidence.empty() ? "" : ": ",
        l.evidence);
    if (!l.citation.empty())
      tip += fmt::format("\n{}: {}", words_.source, l.citation);
    edge.attrs.Set("tooltip", tip);
    // Knowledge links should not pull the lineage layout around.
    if (!model::IsInfluence(relation)) edge.attrs.Set("weight", "0");
    const model::Date &from = g_.date(parent), &to = g_.date(child);
    if (from.known() && to.known() &&
        model::CompareAtCommonPrecision(from, to) > 0) {
      MarkBackInTime(&edge);
      // dot would pull the later year's rank before the earlier one's.
      if (!pinned_) edge.attrs.Set("constraint", "false");
    }
    return edge;
  }

  static void MarkBackInTime(SceneEdge* edge) {
    std::string cls = edge->attrs.Get("class");
    if (cls.find(" back-in-time") != std::string::npos) return;
    edge->attrs.Set("class", cls + " back-in-time");
    const bool styled = cls.find(" highlight") != std::string::npos ||
                        cls.find(" faded") != std::string::npos;
    if (!styled) edge->attrs.Set("color", kBackInTime);
  }

  // A ruler tick: the label of a column, striped with its works' eras.
  SceneNode TickNode(const std::string& name, const std::string& label,
                     const std::set<std::size_t>& eras, std::string tip) const {
    std::string fill;
    for (std::size_t i : eras) {
      if (!fill.empty()) fill += ':';
      fill += kEraColors[i % kEraColors.size()].first;
    }
    SceneNode n{name, {}};
    n.attrs.Set("label", label);
    n.attrs.Set("shape", "box");
    n.attrs.Set("style", eras.size() > 1 ? "striped" : "filled");
    n.attrs.Set("fillcolor", fill.empty() ? "#ffffff" : fill);
    n.attrs.Set("color", "#777777");
    n.attrs.Set("fontsize", "14");
    n.attrs.Set("fontname", "Helvetica-Bold");
    n.attrs.Set("id", name);
    n.attrs.Set("class", "tick");
    for (std::size_t i : eras) tip += "\n" + g_.eras()[i].name;
    n.attrs.Set("tooltip", tip);
    return n;
  }

  // The stretch of ruler between two ticks: solid, dashed over a gap in
  // time, dotted to an undated column.
  static SceneEdge RulerEdge(const std::string& from, const std::string& to,
                             const char* style) {
    auto bare = [](const std::string& tick) { return tick.substr(5); };
    SceneEdge axis{from, to, {}};
    axis.attrs.Set("id", fmt::format("ruler-{}-{}", bare(from), bare(to)));
    axis.attrs.Set("class", "ruler");
    axis.attrs.Set("arrowhead", "none");
    axis.attrs.Set("penwidth", "3");
    axis.attrs.Set("color", "#999999");
    axis.attrs.Set("style", style);
    axis.attrs.Set("weight", "100");
    axis.attrs.Set("tooltip", fmt::format("{} to {}", bare(from), bare(to)));
    return axis;
  }

  // dot's ruler: a tick per year with a rank group of its works.
  void Ruler(const std::map<int, std::vector<VertexId>>& by_year,
             Scene* scene) const {
    std::string previous;
    int previous_year = 0;
    for (const auto& [year, works] : by_year) {
      const bool undated = year == kUndated;
      std::string name =
          undated ? "tick-undated" : fmt::format("tick-{}", year);
      std::set<std::size_t> eras;
      for (VertexId v : works) {
        auto it = era_index_.find(std::string(g_.era(v)));
        if (it != era_index_.end()) eras.insert(it->second);
      }
      scene->nodes.push_back(TickNode(
          name, undated ? std::string(words_.undated) : std::to_string(year),
          eras,
          undated ? std::string(words_.undated_tip) : std::to_string(year)));
      std::vector<std::string> group{name};
      for (VertexId v : works) group.emplace_back(g_.id(v));
      scene->same_rank.push_back(std::move(group));
      if (!previous.empty()) {
        scene->edges.push_back(RulerEdge(previous, name,
                                         undated                    ? "dotted"
                                         : year - previous_year > 1 ? "dashed"
                                                                    : "solid"));
      }
      previous = name;
      previous_year = year;
    }
  }

  std::string Legend(const Scene& scene) const {
    std::string rows = opt_.title.empty()
                           ? ""
                           : fmt::format(
                                 "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"12\"><FONT "
                                 "POINT-SIZE=\"24\"><B>{}</B></FONT></TD></TR>",
                                 EscapeHtml(opt_.title));
    // Eras present in the drawing.
    std::set<std::size_t> eras;
    for (VertexId v : drawn_) {
      auto it = era_index_.find(std::string(g_.era(v)));
      if (it != era_index_.end()) eras.insert(it->second);
    }
    std::string cells;
    for (std::size_t i : eras) {
      const model::Era& era = g_.eras()[i];
      cells += fmt::format(
          "<TD BGCOLOR=\"{}\" BORDER=\"1\" COLOR=\"{}\">{} {}–{}</TD>",
          kEraColors[i % kEraColors.size()].first,
          kEraColors[i % kEraColors.size()].second, EscapeHtml(era.name),
          era.from_year,
          era.to_year == 0 ? std::string(words_.today)
                           : std::to_string(era.to_year));
    }
    if (!cells.empty()) rows += Row(words_.eras, cells);
    cells.clear();
    for (Kind k : kinds_) {
      cells += fmt::format("<TD>{} {}</TD>", EscapeHtml(StyleOf(k).glyph),
                           EscapeHtml(KindLabel(k, opt_.language)));
    }
    if (!cells.empty()) rows += Row(words_.kinds, cells);
    cells.clear();
    for (Relation r : relations_) {
      const RelationStyle& rs = StyleOf(r);
      cells += fmt::format(
          "<TD><FONT COLOR=\"{}\">{}</FONT> {}</TD>", rs.color,
          EscapeHtml(rs.glyph),
          EscapeHtml(RelationLabel(g_.vocabulary(), r, opt_.language)));
    }
    if (!cells.empty()) rows += Row(words_.links, cells);
    std::vector<std::string> notes;
    if (std::any_of(drawn_.begin(), drawn_.end(), [&](VertexId v) {
          return g_.details(v).layer == model::Layer::kExtension;
        })) {
      notes.emplace_back(words_.extension_note);
    }
    if (highlight_) {
      bool any_faded =
          std::any_of(drawn_.begin(), drawn_.end(),
                      [&](VertexId v) { return !sel_.highlighted_works[v]; });
      notes.emplace_back(opt_.main_path_bold ? words_.main_path_bold
                         : any_faded         ? words_.highlighted_faded
                                             : words_.highlighted);
    }
    if (sel_.reduced_links > 0) {
      notes.push_back(fmt::format(
          fmt::runtime(sel_.reduced_links == 1 ? words_.reduced_one
                                               : words_.reduced_many),
          sel_.reduced_links));
    }
    if (timeline_) {
      std::size_t apart = 0;
      for (VertexId v : drawn_) apart += SetApart(v) ? 1 : 0;
      const std::size_t placed = scene.undated - apart;
      if (apart > 0)
        Note(words_.undated_one, words_.undated_many, apart, &notes);
      if (placed > 0)
        Note(words_.placed_one, words_.placed_many, placed, &notes);
    }
    if (scene.back_in_time > 0)
      Note(words_.back_one, words_.back_many, scene.back_in_time, &notes);
    if (scene.faint > 0)
      Note(words_.direct_one, words_.direct_many, scene.faint, &notes);
    if (scene.groups > 0) {
      notes.push_back(
          fmt::format(fmt::runtime(scene.groups == 1 ? words_.grouped_one
                                                     : words_.grouped_many),
                      scene.grouped_works, scene.groups));
    }
    notes.emplace_back(words_.direction);
    for (const std::string& note : notes) {
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"12\"><FONT POINT-SIZE=\"10\" "
          "COLOR=\"#666666\">{}</FONT></TD></TR>",
          EscapeHtml(note));
    }
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" "
           "CELLPADDING=\"3\">" +
           rows + "</TABLE>";
  }

  // A counted note, singular or plural.
  static void Note(std::string_view one, std::string_view many,
                   std::size_t count, std::vector<std::string>* notes) {
    notes->push_back(fmt::format(fmt::runtime(count == 1 ? one : many), count));
  }

  // A legend row: its heading, then its cells.
  static std::string Row(std::string_view heading, const std::string& cells) {
    return fmt::format("<TR><TD ALIGN=\"LEFT\"><B>{}</B></TD>{}</TR>",
                       EscapeHtml(heading), cells);
  }

  const Graph& g_;
  const analysis::Selection& sel_;
  const SceneOptions& opt_;
  const Words& words_ = WordsFor(opt_.language);
  const bool highlight_;
  const bool timeline_;  // Asked for, and some work of the view is dated.
  const bool pinned_;    // The timeline is laid out here, not by dot.
  std::map<std::string, std::size_t> era_index_;
  std::set<VertexId> drawn_;
  std::set<Kind> kinds_;
  std::set<Relation> relations_;
  std::vector<Group> groups_;
  std::map<VertexId, std::size_t> group_of_;  // Grouped work -> its group.
};

}  // namespace

const SceneNode* Scene::FindNode(std::string_view name) const {
  for (const SceneNode& n : nodes)
    if (n.name == name) return &n;
  return nullptr;
}

const SceneEdge* Scene::FindEdge(std::string_view id) const {
  for (const SceneEdge& e : edges)
    if (e.attrs.Get("id") == id) return &e;
  return nullptr;
}

base::Result<Scene> BuildScene(const Graph& graph,
                               const analysis::Selection& selection,
                               const SceneOptions& options) {
  if (options.rankdir != "LR" && options.rankdir != "TB") {
    return base::Status::InvalidArgument(fmt::format(
        "rankdir '{}' is not supported; use LR or TB", options.rankdir));
  }
  if (selection.works.size() != graph.num_works() ||
      selection.links.size() != graph.num_links()) {
    return base::Status::InvalidArgument(
        "selection was made for another graph");
  }
  return SceneBuilder(graph, selection, options).Build();
}

}  // namespace lineage::render
