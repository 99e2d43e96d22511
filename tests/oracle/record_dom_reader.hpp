// The nlohmann DOM reader of JSONL records that corpus::parse_record used
// before its simdjson fast path, kept as its oracle.
#pragma once

#include <string_view>

#include "quotegraph/corpus.hpp"

namespace quotegraph::testing {

Result<corpus::Article> parse_record_dom(std::string_view line, const corpus::FieldNames& fields,
                                         corpus::RecordError* error);

}  // namespace quotegraph::testing
