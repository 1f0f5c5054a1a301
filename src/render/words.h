// The words a diagram is written in, in each language a graph speaks: the
// legend, the notes, the ruler and the tooltips' labels. Data (names,
// summaries, evidence, eras) comes localized from the graph itself.
#pragma once

#include <string>
#include <string_view>

#include "model/types.h"

namespace lineage::render {

struct Words {
  std::string_view eras, kinds, links;  // Legend row headings.
  std::string_view today;               // An open-ended era's end.
  std::string_view undated;             // The ruler's last rank.
  std::string_view undated_tip;         // Its tooltip.
  std::string_view organization, people, paper, source;  // Tooltip labels.
  std::string_view after_article;   // Tooltip prefix of an extension link.
  std::string_view extension_note;  // Legend: the dashed border.
  std::string_view highlighted, highlighted_faded;
  std::string_view main_path_bold;  // Legend: a big view's main path.
  std::string_view direction;       // Legend: how edges run.
  // With one {} for the count.
  std::string_view reduced_one, reduced_many;
  std::string_view undated_one, undated_many;
  // Undated works placed by their links; links back in time (orange).
  std::string_view placed_one, placed_many;
  std::string_view back_one, back_many;
  std::string_view direct_one, direct_many;  // Long links drawn faint.
  // Leaves grouped in a big view: {} works, {} groups.
  std::string_view grouped_one, grouped_many;
  std::string_view group_more;  // A group's label: "and {} more".
  // A group link's tooltip: "{} of its {} works".
  std::string_view group_works;
  std::string_view group_tip;        // {} works, {} the parents' names.
  std::string_view group_main_tip;   // {} works, {} their main parent.
  std::string_view group_alone_tip;  // {} works without links.
};

const Words& WordsFor(model::Language language);
// A kind or relation as the legend names it ("model", "模型"). A graph's own
// relations are named as its file names them, in every language.
std::string_view KindLabel(model::Kind kind, model::Language language);
std::string_view RelationLabel(const model::RelationVocabulary& vocabulary,
                               model::Relation relation,
                               model::Language language);

}  // namespace lineage::render
