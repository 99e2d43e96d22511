// Stage 2, boilerplate: find where trailing web chrome begins.
#include "text/boilerplate.hpp"

#include <re2/re2.h>

#include <string_view>
#include <vector>

namespace quotegraph::text {
namespace {

// Widget lines seen at the foot of news pages and blog templates. Hard markers
// (comment forms, author boxes) end the article wherever they stand in its
// latter part; soft ones (share bars, "Related", copyright) only when little
// text follows them, since some sites also use them between paragraphs.
constexpr const char* kHardWidget =
    R"((?i)^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|\d+ comments?|)"
    R"(the following (?:\w+ )?tabs change content below\.?|about the author|latest posts by .*|)"
    R"(view all posts by .*|you must be logged in to post a comment\.?)$)";
constexpr const char* kSoftWidget =
    R"((?i)^(?:comments?:?|related(?: articles| posts| stories| coverage| content)?:?|)"
    R"(you (?:may|might) also like:?|recommended(?: for you| stories)?:?|read (?:more|next|the rest(?: here)?)\b.*|)"
    R"(share (?:this|on)\b.*|share:?|tags?:.*|filed under:?.*|posted in:?.*|)"
    R"(follow (?:us|him|her|me|@?[\w.]+(?: [\w.]+){0,2}) on (?:twitter|facebook|instagram|x|threads|bluesky)\b.*|)"
    R"((?:sign up|subscribe) (?:for|to) (?:our|the|my)\b.*|(?:copyright|©|\(c\)) .*|all rights reserved\.?.*|)"
    R"(click here to .*|this (?:article|story) (?:was|has been|first|originally) .*(?:published|appeared).*)$)";

// Third-person bio: "Paul, 37, is from Scotland", "Jane Doe is a freelance
// journalist based in", "John Smith has written for".
constexpr const char* kBio =
    R"(^(?:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})(?:, \d{2},)? (?:is (?:a|an|the) (?:\w+ ){0,3})"
    R"((?:writer|journalist|reporter|correspondent|contributor|editor|columnist|author|blogger|freelancer|)"
    R"(student|teacher|analyst|researcher)\b|is from\b|lives (?:in|and works)\b|has (?:written|worked|)"
    R"(reported|contributed) (?:for|as|in)\b|writes (?:for|about)\b|covers\b))";

struct Line {
  uint32_t start, end;  // trimmed
};

std::vector<Line> lines_of(std::string_view s, uint32_t from) {
  std::vector<Line> out;
  size_t i = from;
  while (i < s.size()) {
    size_t nl = s.find('\n', i);
    size_t e = nl == std::string_view::npos ? s.size() : nl;
    size_t a = i, b = e;
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
    if (b > a) out.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
    i = e + 1;
  }
  return out;
}

}  // namespace

ChromeDetector::ChromeDetector()
    : hard_(std::make_unique<re2::RE2>(kHardWidget)),
      soft_(std::make_unique<re2::RE2>(kSoftWidget)),
      bio_(std::make_unique<re2::RE2>(kBio)) {}
ChromeDetector::~ChromeDetector() = default;

uint32_t ChromeDetector::body_end(const Document& doc) const {
  std::string_view s = doc.text;
  std::vector<Line> lines = lines_of(s, doc.body_start);
  // The article needs a headline and some body before chrome can start; the
  // cut must lie in the latter part of the text.
  const size_t kMinLines = 3;
  const size_t kSoftTail = 1500;  // bytes that may follow a soft marker
  const size_t kBioTail = 3000;   // a bio box with a comment form below it
  for (size_t i = kMinLines; i < lines.size(); ++i) {
    if (lines[i].start * 10 < s.size() * 4) continue;  // first 40% is body
    std::string_view line = s.substr(lines[i].start, lines[i].end - lines[i].start);
    size_t tail = s.size() - lines[i].start;
    bool short_line = line.size() <= 90;
    if (short_line && re2::RE2::FullMatch(line, *hard_)) return lines[i].start;
    if (short_line && tail <= kSoftTail && re2::RE2::FullMatch(line, *soft_)) return lines[i].start;
    if (tail <= kBioTail && lines.size() - i <= 4 && re2::RE2::PartialMatch(line, *bio_)) return lines[i].start;
  }
  return static_cast<uint32_t>(s.size());
}

}  // namespace quotegraph::text
