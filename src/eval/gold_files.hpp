// Finding gold files and their articles, for the gold formats that name their
// article by file stem (entity gold, echo gold).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/eval.hpp"

namespace quotegraph::eval {

// Every `*<suffix>` file in `gold` (or `gold` itself when it is a file), sorted,
// each with the `<stem>.txt` found first among `text_dirs` (default: the gold's
// own directory). Errors name the path that is missing.
Result<std::vector<EvalInput>> find_suffixed_inputs(const std::string& gold, const std::vector<std::string>& text_dirs,
                                                    std::string_view suffix);

}  // namespace quotegraph::eval
