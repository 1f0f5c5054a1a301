#include "render/scene.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>

#include "base/text.h"
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
constexpr const char* kFadedLine = "#d0d0d0";
constexpr const char* kFadedFill = "#f6f6f6";
constexpr const char* kFadedText = "#a8a8a8";

const KindStyle& StyleOf(Kind k) {
  return kKindStyles[static_cast<std::size_t>(k)];
}
const RelationStyle& StyleOf(Relation r) {
  return kRelationStyles[static_cast<std::size_t>(r)];
}

std::string Html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string PaperUrl(const model::WorkDetails& d) {
  if (!d.arxiv.empty()) return "https://arxiv.org/abs/" + d.arxiv;
  return d.url;
}

class SceneBuilder {
 public:
  SceneBuilder(const Graph& g, const analysis::Selection& s,
               const SceneOptions& o)
      : g_(g),
        sel_(s),
        opt_(o),
        highlight_(s.any_highlight()),
        timeline_(o.timeline && AnyDated(g, s)) {
    for (std::size_t i = 0; i < g.eras().size(); ++i)
      era_index_[g.eras()[i].id] = i;
  }

  Scene Build() {
    Scene scene;
    Defaults(&scene);
    std::map<int, std::vector<VertexId>> by_year;
    for (VertexId v = 0; v < g_.num_works(); ++v) {
      if (!sel_.works[v]) continue;
      const model::Date& date = g_.date(v);
      drawn_.insert(v);
      scene.nodes.push_back(WorkNode(v));
      kinds_.insert(g_.kind(v));
      if (!date.known()) ++scene.undated;
      by_year[date.known() ? date.year : kUndated].push_back(v);
    }
    scene.works = scene.nodes.size();
    g_.ForEachLink([&](EdgeId e, VertexId parent, VertexId child,
                       Relation relation) {
      if (!sel_.links[e]) return;
      // On a timeline an undated work sits after the last year, so its links
      // would run backwards in time; its tooltip lists them instead.
      if (timeline_ && (!g_.date(parent).known() || !g_.date(child).known()))
        return;
      scene.edges.push_back(LinkEdge(e));
      relations_.insert(relation);
    });
    if (timeline_) Ruler(by_year, &scene);
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

  bool IsFocus(VertexId v) const {
    return std::find(sel_.focus.begin(), sel_.focus.end(), v) !=
           sel_.focus.end();
  }

  void Defaults(Scene* scene) const {
    scene->graph_attrs.Set("rankdir", opt_.rankdir);
    scene->graph_attrs.Set("labelloc", "t");
    scene->graph_attrs.Set("labeljust", "l");
    scene->graph_attrs.Set("fontname", kFonts);
    scene->graph_attrs.Set("bgcolor", "white");
    scene->graph_attrs.Set("pad", "0.4");
    if (timeline_) {
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
    std::string_view rel = model::RelationName(relation);
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
        "{}{} {} {}: {}",
        l.layer == model::Layer::kExtension ? words_.after_article : "",
        g_.name(child), rel, g_.name(parent), l.evidence);
    if (!l.citation.empty())
      tip += fmt::format("\n{}: {}", words_.source, l.citation);
    edge.attrs.Set("tooltip", tip);
    // Knowledge links should not pull the lineage layout around.
    if (!model::IsInfluence(relation)) edge.attrs.Set("weight", "0");
    return edge;
  }

  void Ruler(const std::map<int, std::vector<VertexId>>& by_year,
             Scene* scene) const {
    std::string previous;
    int previous_year = 0;
    for (const auto& [year, works] : by_year) {
      const bool undated = year == kUndated;
      std::string name = undated ? "undated" : fmt::format("year-{}", year);
      // One stripe per era that has a work in this year, in era order.
      std::set<std::size_t> eras;
      for (VertexId v : works) {
        auto it = era_index_.find(std::string(g_.era(v)));
        if (it != era_index_.end()) eras.insert(it->second);
      }
      std::string fill;
      for (std::size_t i : eras) {
        if (!fill.empty()) fill += ':';
        fill += kEraColors[i % kEraColors.size()].first;
      }
      SceneNode n{name, {}};
      n.attrs.Set("label",
                  undated ? std::string(words_.undated) : std::to_string(year));
      n.attrs.Set("shape", "box");
      n.attrs.Set("style", eras.size() > 1 ? "striped" : "filled");
      n.attrs.Set("fillcolor", fill.empty() ? "#ffffff" : fill);
      n.attrs.Set("color", "#777777");
      n.attrs.Set("fontsize", "16");
      n.attrs.Set("fontname", "Helvetica-Bold");
      n.attrs.Set("id", name);
      n.attrs.Set("class", "year");
      std::string tip =
          undated ? std::string(words_.undated_tip) : std::to_string(year);
      for (std::size_t i : eras) tip += "\n" + g_.eras()[i].name;
      n.attrs.Set("tooltip", tip);
      scene->nodes.push_back(std::move(n));

      std::vector<std::string> group{name};
      for (VertexId v : works) group.emplace_back(g_.id(v));
      scene->same_rank.push_back(std::move(group));

      if (!previous.empty()) {
        SceneEdge axis{previous, name, {}};
        axis.attrs.Set("id",
                       fmt::format("ruler-{}-{}", previous_year,
                                   undated ? "undated" : std::to_string(year)));
        axis.attrs.Set("class", "ruler");
        axis.attrs.Set("arrowhead", "none");
        axis.attrs.Set("penwidth", "3");
        axis.attrs.Set("color", "#999999");
        // A gap of years shows as a dashed stretch of the ruler.
        axis.attrs.Set("style", undated                    ? "dotted"
                                : year - previous_year > 1 ? "dashed"
                                                           : "solid");
        axis.attrs.Set("weight", "100");
        axis.attrs.Set("tooltip",
                       undated ? std::string("undated works")
                               : fmt::format("{} to {}", previous_year, year));
        scene->edges.push_back(std::move(axis));
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
                                 Html(opt_.title));
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
          kEraColors[i % kEraColors.size()].second, Html(era.name),
          era.from_year,
          era.to_year == 0 ? std::string(words_.today)
                           : std::to_string(era.to_year));
    }
    if (!cells.empty()) rows += Row(words_.eras, cells);
    cells.clear();
    for (Kind k : kinds_) {
      cells += fmt::format("<TD>{} {}</TD>", Html(StyleOf(k).glyph),
                           Html(KindLabel(k, opt_.language)));
    }
    if (!cells.empty()) rows += Row(words_.kinds, cells);
    cells.clear();
    for (Relation r : relations_) {
      const RelationStyle& rs = StyleOf(r);
      cells +=
          fmt::format("<TD><FONT COLOR=\"{}\">{}</FONT> {}</TD>", rs.color,
                      Html(rs.glyph), Html(RelationLabel(r, opt_.language)));
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
      notes.emplace_back(any_faded ? words_.highlighted_faded
                                   : words_.highlighted);
    }
    if (sel_.reduced_links > 0) {
      notes.push_back(fmt::format(
          fmt::runtime(sel_.reduced_links == 1 ? words_.reduced_one
                                               : words_.reduced_many),
          sel_.reduced_links));
    }
    if (timeline_ && scene.undated > 0) {
      notes.push_back(
          fmt::format(fmt::runtime(scene.undated == 1 ? words_.undated_one
                                                      : words_.undated_many),
                      scene.undated));
    }
    notes.emplace_back(words_.direction);
    for (const std::string& note : notes) {
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"12\"><FONT POINT-SIZE=\"10\" "
          "COLOR=\"#666666\">{}</FONT></TD></TR>",
          Html(note));
    }
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" "
           "CELLPADDING=\"3\">" +
           rows + "</TABLE>";
  }

  // A legend row: its heading, then its cells.
  static std::string Row(std::string_view heading, const std::string& cells) {
    return fmt::format("<TR><TD ALIGN=\"LEFT\"><B>{}</B></TD>{}</TR>",
                       Html(heading), cells);
  }

  const Graph& g_;
  const analysis::Selection& sel_;
  const SceneOptions& opt_;
  const Words& words_ = WordsFor(opt_.language);
  const bool highlight_;
  const bool timeline_;  // Asked for, and some work of the view is dated.
  std::map<std::string, std::size_t> era_index_;
  std::set<VertexId> drawn_;
  std::set<Kind> kinds_;
  std::set<Relation> relations_;
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
