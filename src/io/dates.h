// Dates as real data writes them: the forms found in model databases,
// distribution timelines and citation dumps, read into a model::Date.
#pragma once

#include <optional>
#include <string_view>

#include "model/types.h"

namespace lineage::io {

struct LooseDate {
  model::Date date;
  // A month or day written as 00 ("1998-00-00", "2003.5.0"), read as the
  // coarser precision: importers count these.
  bool coarsened = false;
};

// Reads, with or without zero padding:
//   YYYY                 2014
//   YYYY-M[M][-D[D]]     2014-6, 2014-06-10
//   YYYY.M[.D]           1993.7.16 (gnuclad), also YYYY/M[/D]
//   ISO 8601 date-times  2025-03-11T19:27:29Z, 2025-03-11 19:27:29+00:00
//                        (the date is taken as written, in its own zone)
//   Unix seconds         1423000000 (nine digits or more)
// Surrounding spaces are ignored. The year must be in 1000..9999 (what a
// Date holds and .lgraph stores) and a day must exist in its month.
// nullopt for "" and anything else. O(length).
std::optional<LooseDate> ParseLooseDate(std::string_view text);

// The forms ParseLooseDate accepts, for a message's fix.
inline constexpr std::string_view kDateForms =
    "write YYYY, YYYY-MM, YYYY-MM-DD (YYYY.M.D and ISO date-times also do), or "
    "Unix seconds";

}  // namespace lineage::io
