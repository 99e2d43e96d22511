// The nlohmann DOM reader of JSONL records, kept as the oracle for
// corpus::parse_record's simdjson fast path (src/corpus/record.cpp).
#include "oracle/record_dom_reader.hpp"

#include <nlohmann/json.hpp>

namespace quotegraph::testing {

using namespace quotegraph::corpus;
namespace {

// Offset of the first byte that does not start or continue a well-formed
// UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
// included), or npos when the whole string is valid. Linear.
size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

using Json = nlohmann::json;

// The first field of `names` present in `obj` as a string or a number.
std::string field(const Json& obj, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
  }
  return {};
}

}  // namespace

Result<Article> parse_record_dom(std::string_view line, const FieldNames& fields, RecordError* error) {
  auto fail = [&](RecordError e, std::string message) -> Result<Article> {
    *error = e;
    return Status(ErrorCode::kFormatError, std::move(message));
  };
  *error = RecordError::kNone;
  if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) return fail(RecordError::kEmptyLine, "empty line");
  size_t bad = invalid_utf8_at(line);
  if (bad != std::string_view::npos)
    return fail(RecordError::kInvalidUtf8, "invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
  Json j;
  try {
    j = Json::parse(line.begin(), line.end());
  } catch (const Json::exception& e) {
    return fail(RecordError::kBadJson, std::string("bad JSON: ") + e.what());
  }
  if (!j.is_object()) return fail(RecordError::kNotObject, std::string("not a JSON object but ") + j.type_name());

  Article a;
  bool have_text = false;
  for (const std::string& name : fields.text) {
    auto it = j.find(name);
    if (it != j.end() && it->is_string()) {
      a.text = it->get<std::string>();
      have_text = true;
      break;
    }
  }
  if (!have_text) {
    for (const std::string& name : fields.html) {
      auto it = j.find(name);
      if (it != j.end() && it->is_string()) {
        Status budget = check_html_budget(it->get_ref<const std::string&>());
        if (!budget.ok()) return fail(RecordError::kOverBudget, name + ": " + budget.message());
        a.text = extract_html_text(it->get_ref<const std::string&>());
        a.from_html = true;
        have_text = true;
        break;
      }
    }
  }
  if (!have_text) {
    std::string names;
    for (const std::string& n : fields.text) names += (names.empty() ? "" : ", ") + n;
    // The output of analyze/corpus fed back in: say so instead of "no text field".
    if (j.contains("quotegraph") && j.contains("attributions"))
      return fail(RecordError::kMissingText,
                  "a quotegraph analysis record, not an article: give the articles themselves (for a "
                  "corpus's graph, run corpus with --graph, or graph/stats/merge on the partial graphs)");
    return fail(RecordError::kMissingText, "no string text field (" + names + ")");
  }
  a.id = field(j, fields.id);
  a.url = field(j, fields.url);
  a.outlet = field(j, fields.outlet);
  a.date = field(j, fields.date);
  a.title = field(j, fields.title);
  return a;
}

}  // namespace quotegraph::testing
