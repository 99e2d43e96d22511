// Corpus record: one JSONL line in, an Article (or the reason there is none) out.
#include <simdjson.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "quotegraph/corpus.hpp"

namespace quotegraph::corpus {
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

// The fast path (issue 29): simdjson reads the line into its tape with the
// buffers of a parser kept per thread, where nlohmann built a DOM of maps and
// strings for every record. It returns an Article only for a record it reads
// whole: a line simdjson refuses, a record without a text field, an HTML field
// over budget, or a number where a name is wanted (nlohmann's dump words it)
// goes the nlohmann way, which says what is wrong as it did. simdjson accepts
// no line that nlohmann refuses (tests/test_record.cpp checks the two agree).
// A larger record goes to nlohmann: the parser keeps its buffers (about two
// bytes resident per byte of the largest line it has read) for the thread's life.
constexpr size_t kFastMaxLine = 1u << 20;

// The last value of `key` (nlohmann keeps the last of duplicate keys).
std::optional<simdjson::dom::element> last_field(simdjson::dom::object obj, std::string_view key) {
  std::optional<simdjson::dom::element> found;
  for (auto field : obj)
    if (field.key == key) found = field.value;
  return found;
}

// field() on the tape: false when a wanted field is a number.
bool fast_field(simdjson::dom::object obj, const std::vector<std::string>& names, std::string* out) {
  for (const std::string& name : names) {
    auto v = last_field(obj, name);
    if (!v || v->is_null()) continue;
    if (v->is_string()) {
      *out = std::string(v->get_string().value_unsafe());
      return true;
    }
    if (v->is_number()) return false;
  }
  out->clear();
  return true;
}

std::optional<Article> fast_record(std::string_view line, const FieldNames& fields) {
  if (line.size() > kFastMaxLine) return std::nullopt;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(line.data(), line.size()).get(doc) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) return std::nullopt;
  Article a;
  bool have_text = false;
  for (const std::string& name : fields.text) {
    auto v = last_field(obj, name);
    if (v && v->is_string()) {
      a.text = std::string(v->get_string().value_unsafe());
      have_text = true;
      break;
    }
  }
  if (!have_text) {
    for (const std::string& name : fields.html) {
      auto v = last_field(obj, name);
      if (v && v->is_string()) {
        std::string_view html = v->get_string().value_unsafe();
        if (!check_html_budget(html).ok()) return std::nullopt;
        a.text = extract_html_text(html);
        a.from_html = true;
        have_text = true;
        break;
      }
    }
  }
  if (!have_text) return std::nullopt;
  if (!fast_field(obj, fields.id, &a.id) || !fast_field(obj, fields.url, &a.url) ||
      !fast_field(obj, fields.outlet, &a.outlet) || !fast_field(obj, fields.date, &a.date) ||
      !fast_field(obj, fields.title, &a.title))
    return std::nullopt;
  return a;
}

}  // namespace

const char* to_string(RecordError e) {
  switch (e) {
    case RecordError::kNone: return "none";
    case RecordError::kEmptyLine: return "empty_line";
    case RecordError::kInvalidUtf8: return "invalid_utf8";
    case RecordError::kBadJson: return "bad_json";
    case RecordError::kNotObject: return "not_object";
    case RecordError::kMissingText: return "missing_text";
    case RecordError::kAnalysis: return "analysis";
    case RecordError::kUnreadable: return "unreadable";
    case RecordError::kTruncated: return "truncated";
    case RecordError::kOverBudget: return "over_budget";
  }
  return "unknown";
}

Result<Article> parse_record(std::string_view line, const FieldNames& fields, RecordError* error) {
  auto fail = [&](RecordError e, std::string message) -> Result<Article> {
    *error = e;
    return Status(ErrorCode::kFormatError, std::move(message));
  };
  *error = RecordError::kNone;
  // simdjson checks UTF-8 and the grammar itself: a line it reads needs
  // neither check below.
  if (auto fast = fast_record(line, fields)) return std::move(*fast);
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

}  // namespace quotegraph::corpus
