// Story evaluation: does the diff (diff.hpp) align the statements that several
// outlets' articles about one story share, and only those, and are its
// misattribution and one-outlet-speaker findings true?
//
//   Result<eval::StoryGold> gold = eval::parse_story_gold(json, "s.story.json");
//   // analyse gold's articles, convert_story_spans(gold, texts), diff them, then:
//   eval::StoryEval e = eval::evaluate_story(gold.value(), {&a1, &a2}, diff_report);
//   std::cout << eval::story_summary_line(e, 1) << "\n";
//
// Reads the hand-labelled story gold of docs/story-gold.md (`STORY.story.json`:
// the articles of one story, the shared statements with one content span per
// article in code points, the speakers with the articles quoting them) and scores
// a DiffReport made from those articles, each analysed alone.
//
// Matching: a gold member is carried by the predicted attributions of its
// article with at least half their content inside the gold span or one of its
// `also` renderings (else the one overlapping the span most). A gold pair (two members of one shared
// statement) is aligned when both attributions sit in one AlignedStatement. A
// predicted pair (two members of one AlignedStatement) is false when its two
// attributions are not members of one gold statement. Speaker names are compared
// by folded last word (as echo_eval.hpp).
//
// Errors are values; nothing throws. Deterministic, pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/diff.hpp"
#include "quotegraph/document.hpp"
#include "quotegraph/status.hpp"

namespace quotegraph::eval {

struct StoryArticle {
  std::string id;      // "A"
  std::string doc;     // "NAME.txt"
  std::string split;   // "train", "dev"
  std::string outlet;  // "breitbart"
};

struct StoryMember {
  int article = -1;      // index into StoryGold::articles
  Span span;             // code points until convert_story_spans(), then bytes
  std::string speaker;   // "" = the statement's speaker
  std::vector<Span> also;  // other renderings of the remark in that article (a headline, a paraphrase)
};

struct StoryStatement {
  std::string speaker;
  std::string key;  // a few normalised words, a check value
  std::vector<StoryMember> members;
};

struct StorySpeaker {
  std::string name;
  std::vector<int> articles;  // indexes into StoryGold::articles, sorted
};

struct StoryGold {
  std::string name;  // STORY of STORY.story.json
  std::string path;
  std::string about;
  std::vector<StoryArticle> articles;
  std::vector<StoryStatement> statements;
  std::vector<StorySpeaker> speakers;
};

// Parses one story gold file (spans still in code points). Errors: kFormatError
// naming `path` and the item ("statements[2].members[0]: no article \"C\"").
Result<StoryGold> parse_story_gold(std::string_view json, const std::string& path);

// Converts every member span to bytes of its article (`texts[i]` is article i's
// text) and checks it lies inside. Errors: kFormatError naming the member.
Status convert_story_spans(StoryGold& gold, const std::vector<std::string>& texts);

// STORY.story.json files in `gold` (one file or a directory), sorted. Errors
// (kInputError): no such path, no story files.
Result<std::vector<std::string>> find_story_files(const std::string& gold);

struct StoryErrorLine {
  std::string what;    // "missed_pair", "false_pair", "misattribution", "speaker_only"
  std::string detail;  // names the articles by outlet and the code-point offsets
};

struct StoryEval {
  std::string name;
  size_t articles = 0;
  size_t statements = 0, statements_aligned = 0;  // every member in one aligned statement
  size_t pairs = 0, pairs_aligned = 0;            // gold member pairs
  size_t predicted_pairs = 0, false_pairs = 0;    // pairs the diff aligned
  size_t misattributions = 0, misattributions_true = 0;
  size_t speaker_only = 0, speaker_only_true = 0;
  std::vector<StoryErrorLine> errors;  // every miss, false pair and finding verdict

  StoryEval& operator+=(const StoryEval& o);  // sums the counts, keeps name and errors
};

// Scores `report`, the diff of `analyses` (analyses[i] is gold.articles[i],
// spans in bytes), against the gold. A misattribution finding is true only when
// the gold gives its members different speakers; a speaker_only finding when the
// gold names that speaker in exactly the finding's articles.
StoryEval evaluate_story(const StoryGold& gold, const std::vector<const Analysis*>& analyses,
                         const diff::DiffReport& report);

// "STORIES pair_recall=0.850 statement_recall=0.800 false_pairs_per_story=0.400
//  misattribution_precision=1.000 speaker_only_precision=0.700"
std::string story_summary_line(const StoryEval& total, size_t stories);

std::string story_report_text(const std::vector<StoryEval>& stories, bool with_errors);
std::string story_report_json(const std::vector<StoryEval>& stories, bool with_errors);

}  // namespace quotegraph::eval
