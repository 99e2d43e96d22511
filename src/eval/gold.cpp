// Gold readers: seed-layout JSON and BRAT standoff -> GoldDocument (byte spans),
// and the pairing of gold files with article texts.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "eval/text_match.hpp"
#include "quotegraph/eval.hpp"
#include "quotegraph/io.hpp"

namespace quotegraph::eval {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

Status format_error(const std::string& path, const std::string& what) {
  return Status(ErrorCode::kFormatError, path + ": " + what);
}

// Bounds on what one gold file may make the reader build. PolNeAR has at most
// 20 pieces to an annotation, 5 arguments to an event, and its annotations
// quote at most 2.2 times the article's text; a file beyond these bounds is
// hostile or broken, and reading on would cost memory and time out of all
// proportion to its size (a 6 MB file of whole-article spans is gigabytes of
// quoted text).
constexpr size_t kMaxPieces = 256;        // pieces of one annotation or one event's role
constexpr size_t kMaxArguments = 256;     // arguments of one event
constexpr size_t kQuoteFactor = 32;       // quoted text, in multiples of the article
constexpr size_t kMaxWarnings = 20;       // further ones are counted in one line

// Converts the code-point range [s, e) to bytes; false when out of range.
bool to_bytes(const std::vector<uint32_t>& byte_at, int64_t s, int64_t e, Span& out) {
  int64_t n = static_cast<int64_t>(byte_at.size()) - 1;
  if (s < 0 || e < s || e > n) return false;
  out = Span{byte_at[static_cast<size_t>(s)], byte_at[static_cast<size_t>(e)]};
  return true;
}

std::string kind_from_share(double share) {
  if (share < 0) return "indirect";
  if (share >= 0.9) return "direct";
  return share > 0 ? "mixed" : "indirect";
}

// ---- seed layout ----

std::string str_field(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool int_field(const Json& j, const char* key, int64_t& out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return false;
  out = it->get<int64_t>();
  return true;
}

// Reads [[s, e], ...] into byte spans. Returns "" or an error text.
std::string read_span_list(const Json& j, const char* key, const std::vector<uint32_t>& byte_at,
                           std::vector<Span>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_array()) return std::string(key) + " is not a list";
  if (it->size() > kMaxPieces)
    return std::string(key) + " has " + std::to_string(it->size()) + " pieces, more than " +
           std::to_string(kMaxPieces);
  for (const Json& item : *it) {
    // A piece is [start, end] or {"start": s, "end": e, ...} (discard_spans).
    Json p = item;
    if (item.is_object() && item.contains("start") && item.contains("end")) p = Json::array({item["start"], item["end"]});
    if (!p.is_array() || p.size() != 2 || !p[0].is_number_integer() || !p[1].is_number_integer())
      return std::string(key) + " holds a piece that is not [start, end]";
    Span s;
    if (!to_bytes(byte_at, p[0].get<int64_t>(), p[1].get<int64_t>(), s))
      return std::string(key) + " piece [" + std::to_string(p[0].get<int64_t>()) + ", " +
             std::to_string(p[1].get<int64_t>()) + "] outside the article's " +
             std::to_string(byte_at.size() - 1) + " code points";
    out.push_back(s);
  }
  return "";
}

// One item of attributions[] or optional[]; `where` names it in messages.
Status read_seed_item(const Json& j, const std::vector<uint32_t>& byte_at, bool required,
                      const std::string& path, const std::string& where, GoldAttribution& g) {
  if (!j.is_object()) return format_error(path, where + ": not an object");
  g.id = str_field(j, "id");
  std::string at = where + (g.id.empty() ? "" : " (id " + g.id + ")");
  g.speaker = str_field(j, "speaker");
  if (auto it = j.find("speaker_aliases"); it != j.end() && it->is_array())
    for (const Json& a : *it)
      if (a.is_string()) g.speaker_aliases.push_back(a.get<std::string>());
  g.cue = str_field(j, "cue");
  g.content = str_field(j, "content");
  g.kind = str_field(j, "type");
  if (g.kind.empty()) g.kind = str_field(j, "type_heuristic");
  g.relation = str_field(j, "polnear_relation");

  int64_t s = 0, e = 0;
  if (int_field(j, "speaker_start", s) && int_field(j, "speaker_end", e) &&
      !to_bytes(byte_at, s, e, g.speaker_span))
    return format_error(path, at + ": speaker_start/speaker_end outside the article");
  if (std::string err = read_span_list(j, "cue_spans", byte_at, g.cue_spans); !err.empty())
    return format_error(path, at + ": " + err);
  if (std::string err = read_span_list(j, "content_spans", byte_at, g.content_pieces); !err.empty())
    return format_error(path, at + ": " + err);
  bool has_start = int_field(j, "start", s), has_end = int_field(j, "end", e);
  if (has_start != has_end) return format_error(path, at + ": has start or end but not both");
  if (has_start) {
    Span whole;
    if (!to_bytes(byte_at, s, e, whole))
      return format_error(path, at + ": start " + std::to_string(s) + " / end " + std::to_string(e) +
                                    " outside the article's " + std::to_string(byte_at.size() - 1) +
                                    " code points");
    // As score_corpus.py: content_spans when given, else [start, end]; an
    // optional item is only ever compared as [start, end].
    if (!required) g.content_pieces.clear();
    if (g.content_pieces.empty()) g.content_pieces.push_back(whole);
  } else if (required && g.content_pieces.empty()) {
    return format_error(path, at + ": no start/end offsets");
  } else if (!required) {
    // score_corpus.py ignores optional items without start; so do we.
    g.content_pieces.clear();
  }
  return {};
}

// ---- BRAT ----

struct TextBound {
  std::string type;
  std::vector<Span> pieces;  // bytes
  std::string text;
  size_t line = 0;
};

bool parse_int(std::string_view s, int64_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

// "12 17;20 31" -> code-point pieces.
bool parse_offsets(std::string_view s, std::vector<std::pair<int64_t, int64_t>>& out) {
  for (std::string_view piece : split(s, ';')) {
    auto nums = split(piece, ' ');
    int64_t a = 0, b = 0;
    if (nums.size() != 2 || !parse_int(nums[0], a) || !parse_int(nums[1], b) || b < a) return false;
    out.emplace_back(a, b);
  }
  return !out.empty();
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

size_t joined_size(const std::vector<Span>& pieces) {
  size_t n = pieces.empty() ? 0 : pieces.size() - 1;
  for (Span p : pieces) n += p.end - p.start;
  return n;
}

std::string joined_text(std::string_view article, const std::vector<Span>& pieces) {
  std::string out;
  out.reserve(joined_size(pieces));
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i) out += ' ';
    out.append(article.substr(pieces[i].start, pieces[i].end - pieces[i].start));
  }
  return out;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Span GoldAttribution::content_span() const {
  if (content_pieces.empty()) return {};
  // Seed-layout pieces are in gold order, which need not be text order: the
  // front's start and the back's end could make a reversed span.
  Span s = content_pieces.front();
  for (Span p : content_pieces) {
    s.start = std::min(s.start, p.start);
    s.end = std::max(s.end, p.end);
  }
  return s;
}

Result<GoldDocument> parse_seed_gold(std::string_view json, std::string_view article,
                                     const std::string& gold_path) {
  auto byte_at = code_point_offsets(article, gold_path + " (article)");
  if (!byte_at.ok()) return byte_at.status();
  Json j;
  try {
    j = Json::parse(json);
  } catch (const Json::parse_error& e) {
    return format_error(gold_path, "byte " + std::to_string(e.byte) + ": not valid JSON");
  } catch (const Json::exception& e) {  // e.g. out_of_range: a number too large ("1e999")
    return format_error(gold_path, std::string("not valid JSON: ") + e.what());
  }
  if (!j.is_object()) return format_error(gold_path, "not a JSON object");
  auto it = j.find("attributions");
  if (it == j.end() || !it->is_array()) return format_error(gold_path, "no attributions[] list");
  GoldDocument doc;
  doc.gold_path = gold_path;
  std::string name = fs::path(gold_path).filename().string();
  doc.name = ends_with(name, ".gold.json") ? name.substr(0, name.size() - 10)
                                           : fs::path(gold_path).stem().string();
  for (size_t i = 0; i < it->size(); ++i) {
    GoldAttribution g;
    Status st = read_seed_item((*it)[i], byte_at.value(), true, gold_path,
                               "attributions[" + std::to_string(i) + "]", g);
    if (!st.ok()) return st;
    doc.has_cue_offsets |= !g.cue_spans.empty();
    doc.has_source_offsets |= !g.speaker_span.empty();
    doc.attributions.push_back(std::move(g));
  }
  if (auto opt = j.find("optional"); opt != j.end() && opt->is_array()) {
    for (size_t i = 0; i < opt->size(); ++i) {
      GoldAttribution g;
      Status st = read_seed_item((*opt)[i], byte_at.value(), false, gold_path,
                                 "optional[" + std::to_string(i) + "]", g);
      if (!st.ok()) return st;
      doc.has_cue_offsets |= !g.cue_spans.empty();
      doc.optional.push_back(std::move(g));
    }
  }
  if (auto bp = j.find("boilerplate"); bp != j.end() && bp->is_object()) {
    std::string err = read_span_list(*bp, "discard_spans", byte_at.value(), doc.discard_spans);
    if (!err.empty()) return format_error(gold_path, "boilerplate: " + err);
  }
  return doc;
}

Result<GoldDocument> parse_brat(std::string_view ann, std::string_view article, const std::string& ann_path) {
  auto byte_at = code_point_offsets(article, ann_path + " (article)");
  if (!byte_at.ok()) return byte_at.status();
  GoldDocument doc;
  doc.gold_path = ann_path;
  doc.name = fs::path(ann_path).stem().string();
  doc.has_cue_offsets = doc.has_source_offsets = true;

  std::map<std::string, TextBound> bounds;
  struct Event {
    std::string id, type;
    std::vector<std::pair<std::string, std::string>> args;  // role, T id
    size_t line = 0;
  };
  std::vector<Event> events;
  bool after_text_bound = false;
  size_t line_no = 0;
  // Every quoted text built (T texts, each event's content, source and cue)
  // is charged here, so time and memory stay linear in the inputs.
  const size_t quote_budget = kQuoteFactor * article.size() + 4096;
  size_t quoted = 0;
  auto charge = [&](size_t bytes, size_t line) -> Status {
    quoted += bytes;
    if (quoted <= quote_budget) return {};
    return format_error(ann_path, "line " + std::to_string(line) + ": the annotations quote more than " +
                                      std::to_string(kQuoteFactor) + " times the article's " +
                                      std::to_string(article.size()) + " bytes; not read on");
  };
  size_t extra_warnings = 0;
  // Lines one at a time: a list of them would cost 16 bytes a line.
  for (size_t pos = 0; pos <= ann.size();) {
    size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string_view line = ann.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto fields = split(line, '\t');
    std::string_view id = fields[0];
    bool is_id = fields.size() >= 2 && !id.empty() &&
                 (id[0] == '#' || id[0] == '*' ||
                  (std::isupper(static_cast<unsigned char>(id[0])) && id.size() >= 2 &&
                   std::all_of(id.begin() + 1, id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })));
    if (!is_id) {
      // The text field of a span holding a newline spills onto the next lines.
      if (after_text_bound) continue;
      return format_error(ann_path, "line " + std::to_string(line_no) + ": not a BRAT annotation line");
    }
    after_text_bound = false;
    if (id[0] == 'T') {
      std::string_view head = fields[1];
      size_t sp = head.find(' ');
      if (sp == std::string_view::npos)
        return format_error(ann_path, "line " + std::to_string(line_no) + ": no offsets in '" + std::string(head) + "'");
      TextBound tb;
      tb.type = std::string(head.substr(0, sp));
      tb.line = line_no;
      std::vector<std::pair<int64_t, int64_t>> cps;
      if (size_t pieces = std::count(head.begin(), head.end(), ';') + 1; pieces > kMaxPieces)
        return format_error(ann_path, "line " + std::to_string(line_no) + ": " + std::to_string(pieces) +
                                          " pieces in one annotation, more than " + std::to_string(kMaxPieces));
      if (!parse_offsets(head.substr(sp + 1), cps))
        return format_error(ann_path, "line " + std::to_string(line_no) + ": bad offsets '" +
                                          std::string(head.substr(sp + 1)) + "'");
      for (auto [a, b] : cps) {
        Span s;
        if (!to_bytes(byte_at.value(), a, b, s))
          return format_error(ann_path, "line " + std::to_string(line_no) + ": offsets " + std::to_string(a) +
                                            " " + std::to_string(b) + " outside the article's " +
                                            std::to_string(byte_at.value().size() - 1) + " code points");
        tb.pieces.push_back(s);
      }
      if (Status st = charge(joined_size(tb.pieces), line_no); !st.ok()) return st;
      std::string expect = joined_text(article, tb.pieces);
      if (fields.size() >= 3 && expect != fields[2] && expect.find('\n') == std::string::npos) {
        if (doc.warnings.size() < kMaxWarnings)
          doc.warnings.push_back(ann_path + ": line " + std::to_string(line_no) + ": " + std::string(id) +
                                 " text differs from the article");
        else
          ++extra_warnings;
      }
      tb.text = std::move(expect);  // the article is authoritative
      after_text_bound = true;
      bounds[std::string(id)] = std::move(tb);
    } else if (id[0] == 'E') {
      Event ev;
      ev.id = std::string(id);
      ev.line = line_no;
      bool first = true;
      for (std::string_view arg : split(fields[1], ' ')) {
        if (arg.empty()) continue;
        if (ev.args.size() >= kMaxArguments)
          return format_error(ann_path, "line " + std::to_string(line_no) + ": more than " +
                                            std::to_string(kMaxArguments) + " arguments in one event");
        size_t colon = arg.find(':');
        if (colon == std::string_view::npos)
          return format_error(ann_path, "line " + std::to_string(line_no) + ": bad argument '" + std::string(arg) + "'");
        std::string role(arg.substr(0, colon)), ref(arg.substr(colon + 1));
        if (first) {
          ev.type = role;
          first = false;
        } else {
          ev.args.emplace_back(role, ref);
        }
      }
      events.push_back(std::move(ev));
    }
    // R, A, M, N lines and #/* notes carry nothing the evaluation uses.
  }
  if (extra_warnings)
    doc.warnings.push_back(ann_path + ": " + std::to_string(extra_warnings) + " more T texts differ from the article");

  for (const auto& [id, tb] : bounds)
    if (tb.type == "Discard")
      doc.discard_spans.push_back(Span{tb.pieces.front().start, tb.pieces.back().end});
  std::sort(doc.discard_spans.begin(), doc.discard_spans.end(),
            [](Span a, Span b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });

  for (const Event& ev : events) {
    GoldAttribution g;
    g.id = ev.id;
    g.relation = ev.type;
    std::vector<Span> source;
    std::vector<std::string> cue_texts;
    for (const auto& [role, ref] : ev.args) {
      auto it = bounds.find(ref);
      if (it == bounds.end())
        return format_error(ann_path, "line " + std::to_string(ev.line) + ": unknown annotation " + ref);
      const TextBound& tb = it->second;
      // Charged before anything is copied: an event may name one long span
      // many times.
      if (Status st = charge(joined_size(tb.pieces) + 1, ev.line); !st.ok()) return st;
      if (starts_with(role, "Content")) {
        g.content_pieces.insert(g.content_pieces.end(), tb.pieces.begin(), tb.pieces.end());
      } else if (starts_with(role, "Cue")) {
        g.cue_spans.insert(g.cue_spans.end(), tb.pieces.begin(), tb.pieces.end());
        cue_texts.push_back(tb.text);
      } else if (starts_with(role, "Source")) {
        source.insert(source.end(), tb.pieces.begin(), tb.pieces.end());
      }
    }
    if (g.content_pieces.empty()) {
      ++doc.skipped_relations;
      continue;
    }
    if (g.content_pieces.size() > kMaxPieces || source.size() > kMaxPieces || g.cue_spans.size() > kMaxPieces)
      return format_error(ann_path, "line " + std::to_string(ev.line) + ": more than " + std::to_string(kMaxPieces) +
                                        " pieces in one role of " + ev.id);
    auto by_start = [](Span a, Span b) { return a.start != b.start ? a.start < b.start : a.end < b.end; };
    std::sort(g.content_pieces.begin(), g.content_pieces.end(), by_start);
    std::sort(source.begin(), source.end(), by_start);
    g.content = joined_text(article, g.content_pieces);
    for (size_t i = 0; i < cue_texts.size(); ++i) g.cue += (i ? " " : "") + cue_texts[i];
    g.kind = kind_from_share(quoted_letter_share(g.content));
    if (!source.empty()) {
      g.speaker = joined_text(article, source);
      g.speaker_aliases = {g.speaker};
      g.speaker_span = Span{source.front().start, source.back().end};
      doc.attributions.push_back(std::move(g));
    } else {
      doc.optional.push_back(std::move(g));
    }
  }
  return doc;
}

Result<std::vector<EvalInput>> find_inputs(const std::string& gold, const std::string& text) {
  std::error_code ec;
  fs::path gp(gold);
  if (!fs::exists(gp, ec)) return Status(ErrorCode::kInputError, gold + ": no such file or directory");
  bool gold_dir = fs::is_directory(gp, ec);
  fs::path tp = text.empty() ? (gold_dir ? gp : gp.parent_path()) : fs::path(text);
  if (tp.empty()) tp = ".";
  if (!fs::exists(tp, ec)) return Status(ErrorCode::kInputError, tp.string() + ": no such file or directory");
  bool text_dir = fs::is_directory(tp, ec);

  std::vector<fs::path> files;
  if (gold_dir) {
    std::vector<fs::path> json, ann;
    for (const auto& e : fs::directory_iterator(gp, ec)) {
      if (!e.is_regular_file()) continue;
      std::string n = e.path().filename().string();
      if (ends_with(n, ".gold.json")) json.push_back(e.path());
      else if (ends_with(n, ".ann")) ann.push_back(e.path());
    }
    if (ec) return Status(ErrorCode::kInputError, gold + ": cannot list: " + ec.message());
    files = !json.empty() ? json : ann;
    if (files.empty()) return Status(ErrorCode::kInputError, gold + ": no *.gold.json or *.ann files");
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(gp);
  }

  std::map<std::string, EvalInput> by_name;  // first annotator in sorted order wins
  for (const fs::path& f : files) {
    std::string fname = f.filename().string();
    EvalInput in;
    in.gold_path = f.string();
    std::vector<std::string> candidates;
    if (ends_with(fname, ".ann")) {
      in.format = GoldFormat::kBrat;
      std::string stem = fname.substr(0, fname.size() - 4);
      candidates.push_back(stem);
      if (size_t us = stem.rfind('_'); us != std::string::npos && us > 0) candidates.push_back(stem.substr(0, us));
    } else {
      in.format = GoldFormat::kSeedJson;
      candidates.push_back(ends_with(fname, ".gold.json") ? fname.substr(0, fname.size() - 10) : f.stem().string());
    }
    if (!text_dir) {
      in.name = candidates.back();
      in.text_path = tp.string();
    } else {
      for (const std::string& c : candidates) {
        fs::path t = tp / (c + ".txt");
        if (fs::is_regular_file(t, ec)) {
          in.name = c;
          in.text_path = t.string();
          break;
        }
      }
      if (in.text_path.empty())
        return Status(ErrorCode::kInputError, in.gold_path + ": no article text " + (tp / (candidates.back() + ".txt")).string());
    }
    by_name.emplace(in.name, std::move(in));
  }
  std::vector<EvalInput> out;
  for (auto& [name, in] : by_name) out.push_back(std::move(in));
  return out;
}

Result<GoldDocument> read_gold(const EvalInput& input, std::string_view article, uint64_t max_bytes) {
  auto bytes = read_file(input.gold_path, max_bytes);
  if (!bytes.ok()) return bytes.status();
  auto doc = input.format == GoldFormat::kBrat ? parse_brat(bytes.value(), article, input.gold_path)
                                               : parse_seed_gold(bytes.value(), article, input.gold_path);
  if (doc.ok()) doc.value().name = input.name;
  return doc;
}

}  // namespace quotegraph::eval
