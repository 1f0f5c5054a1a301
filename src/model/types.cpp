#include "model/types.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <utility>

#include "base/text.h"

namespace lineage::model {
namespace {

constexpr std::array<std::pair<Kind, std::string_view>, 10> kKinds{{
    {Kind::kPaper, "paper"},
    {Kind::kModel, "model"},
    {Kind::kArchitecture, "architecture"},
    {Kind::kDataset, "dataset"},
    {Kind::kTechnique, "technique"},
    {Kind::kProduct, "product"},
    {Kind::kSoftware, "software"},
    {Kind::kOrganization, "organization"},
    {Kind::kEvent, "event"},
    {Kind::kArtwork, "artwork"},
}};

struct RelationInfo {
  Relation relation;
  std::string_view name;
  bool influence;
};
constexpr std::array<RelationInfo, 10> kRelations{{
    {Relation::kBuildsOn, "builds_on", true},
    {Relation::kInfluencedBy, "influenced_by", true},
    {Relation::kUses, "uses", true},
    {Relation::kReplicates, "replicates", true},
    {Relation::kIntroducedBy, "introduced_by", true},
    {Relation::kCites, "cites", true},
    {Relation::kTrainedOn, "trained_on", false},
    {Relation::kPublishedBy, "published_by", false},
    {Relation::kRespondsTo, "responds_to", false},
    {Relation::kInvolves, "involves", false},
}};

constexpr std::array<Kind, kKinds.size()> MakeKindList() {
  std::array<Kind, kKinds.size()> out{};
  for (std::size_t i = 0; i < kKinds.size(); ++i) out[i] = kKinds[i].first;
  return out;
}
constexpr std::array<Relation, kRelations.size()> MakeRelationList() {
  std::array<Relation, kRelations.size()> out{};
  for (std::size_t i = 0; i < kRelations.size(); ++i)
    out[i] = kRelations[i].relation;
  return out;
}
constexpr auto kKindList = MakeKindList();
constexpr auto kRelationList = MakeRelationList();

bool ParseInt(std::string_view text, int* out) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::span<const Kind> AllKinds() { return kKindList; }
std::span<const Relation> AllRelations() { return kRelationList; }

std::string_view KindName(Kind kind) {
  return kKinds[static_cast<std::size_t>(kind)].second;
}
std::string_view RelationName(Relation rel) {
  return IsBuiltIn(rel) ? kRelations[static_cast<std::size_t>(rel)].name
                        : std::string_view();
}
std::optional<RelationSet> ParseRelationSet(std::string_view name) {
  if (name == "all") return RelationSet::All();
  if (name == "influence") return RelationSet::Influence();
  if (auto rel = ParseRelation(name)) return RelationSet().Add(*rel);
  return std::nullopt;
}

std::string RelationSetNames() {
  return "influence, all or one of: " + RelationNames();
}

std::optional<Language> ParseLanguage(std::string_view name) {
  if (name == "en") return Language::kEnglish;
  if (name == "zh") return Language::kChinese;
  return std::nullopt;
}

std::string_view LayerName(Layer layer) {
  return layer == Layer::kArticle ? "article" : "extension";
}

std::optional<Layer> ParseLayer(std::string_view name) {
  if (name == "article") return Layer::kArticle;
  if (name == "extension") return Layer::kExtension;
  return std::nullopt;
}

bool IsBuiltIn(Relation rel) {
  return static_cast<std::size_t>(rel) < kRelations.size();
}

bool IsInfluence(Relation rel) {
  const unsigned id = static_cast<unsigned>(rel);
  if (IsBuiltIn(rel)) return kRelations[id].influence;
  return id >= static_cast<unsigned>(Relation::kFirstCustomInfluence) &&
         id < static_cast<unsigned>(Relation::kFirstCustomKnowledge);
}

std::optional<Kind> ParseKind(std::string_view name) {
  for (const auto& [kind, kind_name] : kKinds)
    if (kind_name == name) return kind;
  return std::nullopt;
}
std::optional<Relation> ParseRelation(std::string_view name) {
  for (const RelationInfo& info : kRelations)
    if (info.name == name) return info.relation;
  return std::nullopt;
}

std::string KindNames() {
  std::string out;
  for (const auto& entry : kKinds)
    out += (out.empty() ? "" : ", ") + std::string(entry.second);
  return out;
}
std::string RelationNames() {
  std::string out;
  for (const RelationInfo& info : kRelations)
    out += (out.empty() ? "" : ", ") + std::string(info.name);
  return out;
}

RelationSet RelationSet::Influence() {
  RelationSet set;
  for (unsigned id = 0; id < kRelationIds; ++id)
    if (IsInfluence(static_cast<Relation>(id)))
      set.Add(static_cast<Relation>(id));
  return set;
}
RelationSet RelationSet::All() {
  RelationSet set;
  set.bits_ = ~std::uint64_t{0};
  return set;
}

std::optional<Relation> RelationVocabulary::Find(std::string_view name) const {
  const std::string key = base::NormalizeKey(name);
  if (key.empty()) return std::nullopt;
  for (const Custom& c : custom_)
    if (base::NormalizeKey(c.name) == key) return c.id;
  for (const RelationInfo& info : kRelations)
    if (base::NormalizeKey(info.name) == key) return info.relation;
  return std::nullopt;
}

std::optional<RelationSet> RelationVocabulary::ParseSet(
    std::string_view name) const {
  if (name == "all") return RelationSet::All();
  if (name == "influence") return RelationSet::Influence();
  if (auto rel = Find(name)) return RelationSet().Add(*rel);
  return std::nullopt;
}

base::Result<Relation> RelationVocabulary::Define(std::string_view name,
                                                  bool influence) {
  // The name as a token people can type after --relation: no spaces.
  std::string spelled;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '\t') c = '_';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != '_' || (!spelled.empty() && spelled.back() != '_')) spelled += c;
  }
  while (!spelled.empty() && spelled.back() == '_') spelled.pop_back();
  const std::string key = base::NormalizeKey(spelled);
  if (key.empty()) {
    return base::Status::InvalidArgument(fmt::format(
        "'{}' cannot name a relation: it has no letter or digit", name));
  }
  for (const Custom& c : custom_) {
    if (IsInfluence(c.id) == influence && base::NormalizeKey(c.name) == key)
      return c.id;
  }
  for (const RelationInfo& info : kRelations) {
    if (info.influence == influence && base::NormalizeKey(info.name) == key)
      return info.relation;
  }
  const unsigned first =
      static_cast<unsigned>(influence ? Relation::kFirstCustomInfluence
                                      : Relation::kFirstCustomKnowledge);
  const unsigned end =
      influence ? static_cast<unsigned>(Relation::kFirstCustomKnowledge)
                : kRelationIds;
  unsigned used = 0;
  for (const Custom& c : custom_) used += IsInfluence(c.id) == influence;
  if (first + used >= end) {
    return base::Status::InvalidArgument(fmt::format(
        "too many relation names: '{}' would be {} relation {} of a graph, "
        "which defines at most {} of its own",
        spelled, influence ? "influence" : "knowledge", used + 1, end - first));
  }
  const Relation id = static_cast<Relation>(first + used);
  custom_.push_back({id, std::move(spelled)});
  return id;
}

std::string_view RelationVocabulary::Name(Relation rel) const {
  if (IsBuiltIn(rel)) return RelationName(rel);
  for (const Custom& c : custom_)
    if (c.id == rel) return c.name;
  return {};
}

std::optional<RelationVocabulary> RelationVocabulary::Of(
    std::vector<Custom> custom) {
  RelationSet seen;
  for (const Custom& c : custom) {
    if (IsBuiltIn(c.id) || static_cast<unsigned>(c.id) >= kRelationIds ||
        static_cast<unsigned>(c.id) <
            static_cast<unsigned>(Relation::kFirstCustomInfluence) ||
        seen.Contains(c.id) || base::NormalizeKey(c.name).empty())
      return std::nullopt;
    seen.Add(c.id);
  }
  RelationVocabulary v;
  v.custom_ = std::move(custom);
  return v;
}

std::string RelationVocabulary::SetNames() const {
  std::string out = RelationSetNames();
  for (const Custom& c : custom_) out += ", " + c.name;
  return out;
}

std::string Date::ToString() const {
  if (!known()) return "";
  if (month == 0) return fmt::format("{:04}", year);
  if (day == 0) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

base::Result<Date> Date::Parse(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return base::Status::InvalidArgument(
        fmt::format("malformed date '{}': {}; write YYYY, YYYY-MM or "
                    "YYYY-MM-DD, e.g. 2014-12",
                    text, why));
  };
  Date d;
  std::string_view rest = text;
  auto next = [&]() {
    std::size_t dash = rest.find('-');
    std::string_view part = rest.substr(0, dash);
    rest = dash == std::string_view::npos ? std::string_view()
                                          : rest.substr(dash + 1);
    return std::pair{part, dash != std::string_view::npos};
  };
  auto [year_part, more] = next();
  if (year_part.size() != 4 || !ParseInt(year_part, &d.year) || d.year < 1000)
    return bad("the year must have four digits");
  if (more) {
    auto [month_part, more_day] = next();
    if (month_part.size() != 2 || !ParseInt(month_part, &d.month) ||
        d.month < 1 || d.month > 12)
      return bad("the month must be 01-12");
    if (more_day) {
      auto [day_part, extra] = next();
      if (extra || day_part.size() != 2 || !ParseInt(day_part, &d.day) ||
          d.day < 1 || d.day > DaysInMonth(d.year, d.month))
        return bad("the day must exist in that month");
    }
  }
  return d;
}

int CompareAtCommonPrecision(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month == 0 || b.month == 0) return 0;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day == 0 || b.day == 0) return 0;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

}  // namespace lineage::model
