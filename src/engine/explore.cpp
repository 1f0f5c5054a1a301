// Engine::Explore: the view as one offline HTML page (render/html.h). The
// page's script answers ancestry, paths and "as known in" questions itself,
// over the JSON written here, so what it needs is every work and link of
// the view with the text people read, in each language the graph speaks.

#include <set>

#include "base/text.h"
#include "engine/engine.h"
#include "render/html.h"
#include "render/words.h"

namespace lineage::engine {
namespace {

using model::Language;
using model::VertexId;
using nlohmann::json;

const char* Code(Language language) {
  return language == Language::kChinese ? "zh" : "en";
}

// Whether any of the graph's text has a Chinese version.
bool HasChinese(const model::Graph& graph) {
  if (!graph.zh_title().empty()) return true;
  if (!graph.has_details()) return false;
  for (VertexId v = 0; v < graph.num_works(); ++v)
    if (!graph.details(v).zh_name.empty()) return true;
  return false;
}

// Whether two graphs hold the same works and links under the same ids, so
// that one selection means the same in both.
bool SameShape(const model::Graph& a, const model::Graph& b) {
  if (a.num_works() != b.num_works() || a.num_links() != b.num_links())
    return false;
  for (VertexId v = 0; v < a.num_works(); ++v)
    if (a.id(v) != b.id(v)) return false;
  for (model::EdgeId e = 0; e < a.num_links(); ++e) {
    if (a.parent(e) != b.parent(e) || a.child(e) != b.child(e) ||
        a.relation(e) != b.relation(e))
      return false;
  }
  return true;
}

// The engines of a page: the one it opens in, and the same graph in the
// other language when there is one (same work and link ids).
using Engines = std::vector<const Engine*>;

// {"en": ..., "zh": ...}: `value` of each engine, leaving out nulls.
template <typename F>
json ByLanguage(const Engines& engines, F&& value) {
  json out = json::object();
  for (const Engine* e : engines) {
    json v = value(*e);
    if (!v.is_null()) out[Code(e->language())] = std::move(v);
  }
  return out;
}

// A work as Describe gives it, with the text people read (name, summary,
// organizations) in each language and the keys its names are found by
// (base::NormalizeKey, as the CLI keys them).
json WorkJson(const Engines& engines, VertexId v) {
  std::vector<json> described;
  for (const Engine* e : engines) described.push_back(e->Describe(v, true));
  json w = described[0];
  std::set<std::string> keys;
  for (const json& d : described) {
    for (const char* field : {"id", "name", "zh_name"})
      if (d.contains(field))
        keys.insert(base::NormalizeKey(d[field].get<std::string>()));
    for (const char* field : {"aliases", "zh_aliases"})
      if (d.contains(field))
        for (const json& alias : d[field])
          keys.insert(base::NormalizeKey(alias.get<std::string>()));
  }
  keys.erase("");
  for (const char* field : {"name", "summary", "organizations"}) {
    std::size_t i = 0;
    w[field] = ByLanguage(engines, [&](const Engine&) {
      const json& d = described[i++];
      return d.contains(field) ? d[field] : json(nullptr);
    });
  }
  for (const char* field : {"zh_name", "zh_aliases", "zh_summary"})
    w.erase(field);
  w["keys"] = keys;
  return w;
}

// A link as DescribeLink gives it, its evidence in each language.
json LinkJson(const Engines& engines, model::EdgeId e) {
  json l = engines[0]->DescribeLink(e);
  l["evidence"] = ByLanguage(engines, [&](const Engine& engine) {
    return json(engine.graph().link_details(e).evidence);
  });
  l.erase("zh_evidence");
  return l;
}

// The eras, and the names of the view's kinds and relations, in each
// language: the filters' labels.
json ErasJson(const Engines& engines) {
  json eras = json::array();
  const auto& all = engines[0]->graph().eras();
  for (std::size_t i = 0; i < all.size(); ++i) {
    eras.push_back(
        {{"id", all[i].id},
         {"name", ByLanguage(engines,
                             [&](const Engine& e) {
                               return json(e.graph().eras()[i].name);
                             })},
         {"from", all[i].from_year},
         {"to", all[i].to_year == 0 ? json(nullptr) : json(all[i].to_year)}});
  }
  return eras;
}

}  // namespace

base::Result<Engine> Engine::Translated() const {
  const bool english = language_ == Language::kEnglish;
  if (!HasChinese(graph_) || (!english && !english_)) {
    return base::Status::NotFound(
        "the graph has no labels in another language");
  }
  model::GraphSpec spec = english ? model::SpecOf(graph_) : *english_;
  if (english) model::Localize(&spec, Language::kChinese);
  auto graph = model::Graph::Build(std::move(spec),
                                   {.allow_influence_cycles = report_.imported,
                                    .curated = !report_.imported});
  if (!graph.ok()) return graph.status();
  if (!SameShape(graph_, *graph)) {
    return base::Status::InvalidData(
        "the graph in the other language has other works or links");
  }
  Engine other(std::move(graph).value());
  other.language_ = english ? Language::kChinese : Language::kEnglish;
  other.report_ = report_;
  return other;
}

base::Result<Diagram> Engine::Explore(View view,
                                      const DrawOptions& options) const {
  DrawOptions svg_options = options;
  svg_options.format = Format::kSvg;
  // The page's script selects, traces and filters each work: a work folded
  // into a group would have no node to show it by.
  svg_options.group_above = 0;
  const View original = view;
  auto diagram = Draw(std::move(view), svg_options);
  if (!diagram.ok()) return diagram.status();

  // The same view in the other language, when the graph speaks one. A
  // graph that cannot be rebuilt in it simply gets a one-language page.
  Engines engines{this};
  auto other = Translated();
  render::ExplorerPage page{.title = original.title,
                            .language = Code(language_),
                            .svgs = {{Code(language_), diagram->bytes}}};
  // The view's title in an engine's language: from its spec when Select
  // made it, else the graph's own title in that language, else as given.
  auto title_in = [&](const Engine& e) {
    if (original.spec) return e.DefaultTitle(*original.spec);
    return original.title == Subject() ? e.Subject() : original.title;
  };
  if (other.ok()) {
    View translated = original;
    translated.title = title_in(*other);
    auto drawn = other->Draw(std::move(translated), svg_options);
    if (!drawn.ok()) return drawn.status();
    page.svgs.emplace_back(Code(other->language_), std::move(drawn->bytes));
    engines.push_back(&*other);
  }

  const analysis::Selection& s = original.selection;
  std::set<VertexId> focus(s.focus.begin(), s.focus.end());
  std::set<model::Kind> kinds;
  std::set<model::Relation> relations;
  json works = json::array(), links = json::array();
  for (VertexId v = 0; v < graph_.num_works(); ++v) {
    if (!s.works[v]) continue;
    kinds.insert(graph_.kind(v));
    works.push_back(WorkJson(engines, v));
    if (focus.contains(v)) works.back()["focus"] = true;
  }
  for (model::EdgeId e = 0; e < graph_.num_links(); ++e) {
    if (!s.links[e]) continue;
    relations.insert(graph_.relation(e));
    links.push_back(LinkJson(engines, e));
    if (s.highlighted_links[e]) links.back()["highlighted"] = true;
  }
  json kind_labels = json::object(), relation_labels = json::object();
  for (model::Kind k : kinds) {
    kind_labels[std::string(model::KindName(k))] =
        ByLanguage(engines, [&](const Engine& e) {
          return json(render::KindLabel(k, e.language()));
        });
  }
  for (model::Relation r : relations) {
    relation_labels[std::string(graph_.relation_name(r))] = {
        {"name", ByLanguage(engines,
                            [&](const Engine& e) {
                              return json(render::RelationLabel(
                                  e.graph().vocabulary(), r, e.language()));
                            })},
        {"influence", model::IsInfluence(r)}};
  }
  json languages = json::array();
  for (const Engine* e : engines) languages.push_back(Code(e->language()));
  const json data = {
      {"title",
       ByLanguage(engines, [&](const Engine& e) { return json(title_in(e)); })},
      {"language", Code(language_)},
      {"languages", languages},
      {"eras", ErasJson(engines)},
      {"kinds", kind_labels},
      {"relations", relation_labels},
      {"works", works},
      {"links", links}};
  // Imported labels may hold stray bytes: replaced, never an exception.
  page.data = data.dump(-1, ' ', false, json::error_handler_t::replace);
  diagram->bytes = render::ExplorerHtml(page);
  return diagram;
}

}  // namespace lineage::engine
