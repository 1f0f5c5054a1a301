// Engine::Explore: the view as one offline HTML page (render/html.h). The
// page's script answers ancestry, paths and "as known in" questions itself,
// over the JSON written here, so what it needs is every work and link of
// the view with the text people read, in each language the graph speaks.
#include <fmt/format.h>

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

// {"en": ..., "zh": ...} from the value in each language.
json ByLanguage(const std::vector<std::pair<Language, json>>& values) {
  json out = json::object();
  for (const auto& [language, value] : values) out[Code(language)] = value;
  return out;
}

std::string TextOf(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
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
  const View original = view;
  auto diagram = Draw(std::move(view), svg_options);
  if (!diagram.ok()) return diagram.status();

  // The same view in the other language, when the graph speaks one. A
  // graph that cannot be rebuilt in it simply gets a one-language page.
  std::vector<const Engine*> engines{this};
  auto other = Translated();
  render::ExplorerPage page{.title = original.title,
                            .language = Code(language_),
                            .svgs = {{Code(language_), diagram->bytes}}};
  if (other.ok()) {
    View translated = original;
    if (original.title == Subject()) translated.title = other->Subject();
    auto drawn = other->Draw(std::move(translated), svg_options);
    if (!drawn.ok()) return drawn.status();
    page.svgs.emplace_back(Code(other->language_), std::move(drawn->bytes));
    engines.push_back(&*other);
  }

  const analysis::Selection& s = original.selection;
  std::set<VertexId> focus(s.focus.begin(), s.focus.end());
  std::set<model::Kind> kinds;
  std::set<model::Relation> relations;
  json works = json::array();
  for (VertexId v = 0; v < graph_.num_works(); ++v) {
    if (!s.works[v]) continue;
    kinds.insert(graph_.kind(v));
    std::vector<std::pair<Language, json>> described;
    for (const Engine* e : engines)
      described.emplace_back(e->language_, e->Describe(v, true));
    json w = described[0].second;
    // The text people read, in each language; keys name-search matches.
    std::set<std::string> keys;
    for (const auto& [language, d] : described) {
      for (const char* field : {"id", "name", "zh_name"})
        keys.insert(base::NormalizeKey(TextOf(d, field)));
      for (const char* field : {"aliases", "zh_aliases"}) {
        if (!d.contains(field)) continue;
        for (const json& alias : d[field])
          keys.insert(base::NormalizeKey(alias.get<std::string>()));
      }
    }
    keys.erase("");
    auto per_language = [&](const char* field) {
      std::vector<std::pair<Language, json>> values;
      for (const auto& [language, d] : described)
        if (d.contains(field)) values.emplace_back(language, d[field]);
      return ByLanguage(values);
    };
    w["name"] = per_language("name");
    w["summary"] = per_language("summary");
    w["organizations"] = per_language("organizations");
    for (const char* field : {"zh_name", "zh_aliases", "zh_summary"})
      w.erase(field);
    w["keys"] = keys;
    if (focus.contains(v)) w["focus"] = true;
    works.push_back(std::move(w));
  }
  json links = json::array();
  for (model::EdgeId e = 0; e < graph_.num_links(); ++e) {
    if (!s.links[e]) continue;
    relations.insert(graph_.relation(e));
    json l = DescribeLink(e);
    std::vector<std::pair<Language, json>> evidence;
    for (const Engine* engine : engines)
      evidence.emplace_back(engine->language_,
                            engine->graph_.link_details(e).evidence);
    l["evidence"] = ByLanguage(evidence);
    l.erase("zh_evidence");
    if (s.highlighted_links[e]) l["highlighted"] = true;
    links.push_back(std::move(l));
  }
  json eras = json::array();
  for (std::size_t i = 0; i < graph_.eras().size(); ++i) {
    const model::Era& era = graph_.eras()[i];
    std::vector<std::pair<Language, json>> names;
    for (const Engine* e : engines)
      names.emplace_back(e->language_, e->graph_.eras()[i].name);
    eras.push_back(
        {{"id", era.id},
         {"name", ByLanguage(names)},
         {"from", era.from_year},
         {"to", era.to_year == 0 ? json(nullptr) : json(era.to_year)}});
  }
  json kind_labels = json::object(), relation_labels = json::object();
  for (model::Kind k : kinds) {
    std::vector<std::pair<Language, json>> names;
    for (const Engine* e : engines)
      names.emplace_back(e->language_,
                         std::string(render::KindLabel(k, e->language_)));
    kind_labels[std::string(model::KindName(k))] = ByLanguage(names);
  }
  for (model::Relation r : relations) {
    std::vector<std::pair<Language, json>> names;
    for (const Engine* e : engines)
      names.emplace_back(e->language_,
                         std::string(render::RelationLabel(r, e->language_)));
    relation_labels[std::string(model::RelationName(r))] = {
        {"name", ByLanguage(names)}, {"influence", model::IsInfluence(r)}};
  }
  std::vector<std::pair<Language, json>> titles;
  titles.emplace_back(language_, original.title);
  if (engines.size() > 1) {
    titles.emplace_back(engines[1]->language_, original.title == Subject()
                                                   ? engines[1]->Subject()
                                                   : original.title);
  }
  json languages = json::array();
  for (const Engine* e : engines) languages.push_back(Code(e->language_));
  const json data = {{"title", ByLanguage(titles)},
                     {"language", Code(language_)},
                     {"languages", languages},
                     {"eras", eras},
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
