// The vocabulary of the knowledge graph: what a work is, how two works can be
// related, and the dates and eras that place them in time.
#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lineage::model {

using VertexId = std::uint32_t;
using EdgeId = std::uint32_t;

enum class Kind : std::uint8_t {
  kPaper,
  kModel,
  kArchitecture,
  kDataset,
  kTechnique,
  kProduct,
  kSoftware,
  kOrganization,
  kEvent,
  kArtwork,
};

// A relation is read from the newer work to the older one it names: "DCGAN
// builds_on GAN". Influence relations make up the lineage that ancestry
// queries follow; the others are knowledge kept alongside it. Beyond these
// ten, a graph may define relations of its own, named as an imported file
// names them (RelationVocabulary): ids kFirstCustomInfluence.. count as
// influence, ids kFirstCustomKnowledge.. do not.
enum class Relation : std::uint8_t {
  kBuildsOn,      // influence: takes the older work's method and extends it
  kInfluencedBy,  // influence: inspired by, without reusing the method
  kUses,          // influence: uses the older work as a component
  kReplicates,    // influence: re-implements the older work
  kIntroducedBy,  // influence: the older work first put the idea forward
  kCites,         // influence: cites the older work (imported citations)
  kTrainedOn,     // knowledge: trained or evaluated on a dataset
  kPublishedBy,   // knowledge: made or released by an organization
  kRespondsTo,    // knowledge: a competitor's answer to the older work
  kInvolves,      // knowledge: an event involves a work or organization
  kFirstCustomInfluence = 16,  // 32 ids: a graph's own influence relations
  kFirstCustomKnowledge = 48,  // 16 ids: a graph's own knowledge relations
};
inline constexpr unsigned kRelationIds = 64;  // Every id is below this.

std::span<const Kind> AllKinds();
// The ten built-in relations.
std::span<const Relation> AllRelations();
std::string_view KindName(Kind kind);  // "paper", "model", ...
// "builds_on", ...; "" for an id that is not built in (a graph's own
// relations are named by its RelationVocabulary).
std::string_view RelationName(Relation rel);
std::optional<Kind> ParseKind(std::string_view name);
// A built-in relation by its exact name.
std::optional<Relation> ParseRelation(std::string_view name);
// "a, b, c": the names accepted by ParseKind / ParseRelation, for messages.
std::string KindNames();
std::string RelationNames();
// Built-in influence relations, and every id of a graph's own influence
// range.
bool IsInfluence(Relation rel);
bool IsBuiltIn(Relation rel);

// A set of relations, used to choose which edges a query follows.
class RelationSet {
 public:
  constexpr RelationSet() = default;
  // The influence relations: built-in and every graph's own.
  static RelationSet Influence();
  static RelationSet All();  // Every relation id.
  RelationSet& Add(Relation rel) {
    bits_ |= Bit(rel);
    return *this;
  }
  RelationSet& Add(RelationSet other) {
    bits_ |= other.bits_;
    return *this;
  }
  bool Contains(Relation rel) const { return (bits_ & Bit(rel)) != 0; }
  bool ContainsAll(RelationSet other) const {
    return (other.bits_ & ~bits_) == 0;
  }
  // The one relation of a set of one, else nullopt.
  std::optional<Relation> Single() const {
    if (bits_ == 0 || (bits_ & (bits_ - 1)) != 0) return std::nullopt;
    return static_cast<Relation>(std::countr_zero(bits_));
  }
  // The relations of the set, by id.
  std::vector<Relation> Members() const {
    std::vector<Relation> out;
    for (std::uint64_t b = bits_; b != 0; b &= b - 1)
      out.push_back(static_cast<Relation>(std::countr_zero(b)));
    return out;
  }
  bool empty() const { return bits_ == 0; }
  bool operator==(const RelationSet&) const = default;

 private:
  static constexpr std::uint64_t Bit(Relation rel) {
    return std::uint64_t{1} << static_cast<unsigned>(rel);
  }
  std::uint64_t bits_ = 0;
};

// "influence" (the influence relations), "all", or one built-in relation's
// name; nullopt for anything else. The one reading of a relation name
// without a graph, for every front end and the query language (a graph's
// own names: RelationVocabulary::ParseSet).
std::optional<RelationSet> ParseRelationSet(std::string_view name);
// "influence, all or one of: builds_on, ...", for messages.
std::string RelationSetNames();

// The relations a graph knows: the ten built-in ones and those it defines,
// named as its file names them ("fine_tune", "merge"). Names are matched
// as work names are (base::NormalizeKey: "Fine-tune" is "fine_tune"); a
// name the graph defines itself comes before a built-in one of that key.
class RelationVocabulary {
 public:
  struct Custom {
    Relation id;
    std::string name;
  };
  // The relation called `name` here, built in or defined; nullopt. O(R).
  std::optional<Relation> Find(std::string_view name) const;
  // "influence", "all" or one name Find knows; nullopt for anything else.
  std::optional<RelationSet> ParseSet(std::string_view name) const;
  // The relation called `name` (spelled as given: spaces and '-' become
  // '_', ASCII letters lower case), counted as influence or not: a
  // built-in one when one of that name has that standing, else one defined
  // here (once per name and standing). Fails when 32 influence or 16
  // knowledge relations are defined already.
  base::Result<Relation> Define(std::string_view name, bool influence);
  // Its name: built in, or defined here; "" for an id neither. O(R).
  std::string_view Name(Relation rel) const;
  // Whether `rel` is built in or defined here.
  bool Knows(Relation rel) const { return !Name(rel).empty(); }
  // The defined relations, in the order defined.
  const std::vector<Custom>& custom() const { return custom_; }
  // The vocabulary that defined `custom` (as custom() gave them); nullopt
  // when an id is outside the ranges, repeated, or a name is empty.
  static std::optional<RelationVocabulary> Of(std::vector<Custom> custom);
  // "influence, all or one of: ..." with the defined names, for messages.
  std::string SetNames() const;

 private:
  std::vector<Custom> custom_;
};

// A calendar date known to the year, the month or the day. A default Date is
// unknown (organizations need none).
struct Date {
  int year = 0;   // 0: unknown.
  int month = 0;  // 1-12, or 0 when only the year is known.
  int day = 0;    // 1-31, or 0 when only the month is known.

  bool known() const { return year != 0; }
  // "2014", "2014-12" or "2014-12-08"; "" when unknown.
  std::string ToString() const;
  // Accepts YYYY, YYYY-MM and YYYY-MM-DD with a real calendar day and a year
  // in 1000..9999. The error says which form was expected.
  static base::Result<Date> Parse(std::string_view text);
};

// Compares two known dates at the precision both have: 2015-11 and 2015 are
// equal; 2015-11 is before 2015-12-01. Returns <0, 0 or >0.
int CompareAtCommonPrecision(const Date& a, const Date& b);

// One period of the article's timeline, e.g. "The Age of Transformers".
struct Era {
  std::string id;
  std::string name;
  int from_year = 0;
  int to_year = 0;  // 0: open-ended ("2022-today").
  std::string summary;
  std::string zh_name, zh_summary;  // In Chinese; "" where not known.
  base::SourceLocation where;

  bool Contains(int year) const {
    return year >= from_year && (to_year == 0 || year <= to_year);
  }
};

// The languages a curated graph speaks: English, and the Chinese of the
// article's translation (names, summaries, evidence, eras, where known).
enum class Language : std::uint8_t { kEnglish, kChinese };
std::optional<Language> ParseLanguage(std::string_view name);  // "en", "zh"

// Where a piece of curated knowledge comes from: the article the graph is
// built on ("Ten Years of Image Synthesis"), or the project's own extension
// of it, each link of which cites its source.
enum class Layer : std::uint8_t { kArticle, kExtension };
std::string_view LayerName(Layer layer);  // "article", "extension"
std::optional<Layer> ParseLayer(std::string_view name);

// What a data file says of a work beyond its id, name, kind and date.
// Bulk imports (tables) have none of it.
struct WorkDetails {
  Layer layer = Layer::kArticle;
  std::vector<std::string> aliases;  // Other names people type.
  std::string era;                   // Era id; organizations may have none.
  std::vector<std::string> people;
  std::string paper;  // Title of the paper that introduced the work.
  std::string arxiv;  // arXiv id, e.g. "1406.2661".
  std::string url;
  std::string summary;
  std::vector<std::string> tags;
  std::string note;  // Editor's remark, e.g. why a date differs from the text.
  // In Chinese, as the translation words it (or a standard name): "" where
  // not known.
  std::string zh_name;
  std::vector<std::string> zh_aliases;
  std::string zh_summary;
  base::SourceLocation where;
};

// A work as a data file declares it.
struct Work {
  std::string id;    // Stable slug: lower-case letters, digits, '-'.
  std::string name;  // Display name.
  Kind kind = Kind::kPaper;
  Date date;
  WorkDetails details;
};

// The evidence of a link, as a data file gives it. Bulk imports have none.
struct LinkDetails {
  Layer layer = Layer::kArticle;
  std::string evidence;     // Quote or paraphrase from the source.
  std::string citation;     // Optional reference (URL, paper) for the evidence.
  std::string zh_evidence;  // The evidence in Chinese; "" where not known.
  base::SourceLocation where;
};

// A typed edge between two works. `parent` is the older work named by the
// relation, `child` the work that declared it.
struct Link {
  VertexId parent = 0;
  VertexId child = 0;
  Relation relation = Relation::kBuildsOn;
  LinkDetails details;
};

}  // namespace lineage::model
