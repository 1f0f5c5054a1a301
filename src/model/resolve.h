// Finding works by what people type: an id, a name or an alias, ignoring
// case, spaces and punctuation ("DALL-E 2", "dalle2" and "dall·e 2" are the
// same work).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/graph.h"

namespace lineage::model {

// The work `name` refers to: the work with exactly that id, else the one
// whose id, name or alias has its NormalizeKey. Fails with kNotFound naming
// up to five close matches ("did you mean ...?") when none matches. O(1)
// on an id; a name builds the key table on first use (O(V)); O(K·L²) over
// the K lookup keys on a miss.
base::Result<VertexId> Resolve(const Graph& graph, std::string_view name);

// Up to `max` works whose lookup keys come closest to `name`: first those
// that start with its key ("Llama 2" -> the "Llama 2-..." works), then those
// that contain it, then those within an edit distance of about a third of
// its length or contained in it, nearest first; shorter keys first within
// each. Usable before a Graph exists. O(K·L²) over the K keys.
std::vector<VertexId> Suggest(
    const std::unordered_map<std::string, VertexId>& keys,
    std::string_view name, std::size_t max = 5);

// "did you mean 'a' (Name), 'b' or 'c'?" for the suggested works, given as
// (id, name) pairs, or "" when none.
std::string DidYouMean(
    const std::vector<std::pair<std::string_view, std::string_view>>&
        suggestions);

}  // namespace lineage::model
