// Stage 6 internals: every rule's confidence, in one table.
//
// A confidence says how often a reading of that shape is right: content and
// speaker both. Each value is the reliability of its construction, checked
// against what the rules get right on PolNeAR train (the share whose content
// and speaker both match the annotation, measured 2026-12-03 with
// `quotegraph eval --errors -f json` joined to `analyze --format jsonl`),
// rounded to 0.05. Dev is never used for these. Re-measure when a rule's reach
// changes; docs/rules.md lists the rules.
#pragma once

namespace quotegraph::attrib::confidence {

// Quote marks bound the content and the credit names the speaker.
inline constexpr double kQuoteThenCredit = 0.95;       // '"…," X said' (train 0.98 of 2,420)
inline constexpr double kQuoteThenInverted = 0.95;     // '"…," said X' (0.98 of 734)
inline constexpr double kQuoteSplit = 0.95;            // '"…," X said, "…"' (1.00 of 64; inverted 0.95 of 20)
inline constexpr double kInvertedBeforeQuote = 0.9;    // 'But, said Varga, "…"': the quote still bounds it
inline constexpr double kFloatingQuote = 0.95;         // a quote alone, its speaker the last one (0.94 of 1,683)
inline constexpr double kContinuedQuote = 0.9;         // a quote continued over a paragraph break (7 of 7)
inline constexpr double kDashCredit = 0.75;            // '"…" — Jane Doe': no verb, a name after a dash

// A verb before its clause: the speaker phrase is right most of the time,
// the content's far end less often.
inline constexpr double kSpeechVerb = 0.9;             // 'X said (that) …' (0.89 of 6,785)
inline constexpr double kOtherVerb = 0.75;             // 'X believes / wants / backed …' (0.77 of 2,928)
inline constexpr double kParticipleSpeech = 0.8;       // '…, saying …' (0.79 of 1,401)
inline constexpr double kParticipleOther = 0.6;        // '…, backing …' (0.62 of 409)
inline constexpr double kCoordinatedSpeech = 0.8;      // 'X said … and warned …' (0.78 of 415)
inline constexpr double kCoordinatedOther = 0.7;       // 'X said … and backed …' (0.69 of 138)

// Content before the cue without quote marks: where it starts is a guess.
inline constexpr double kClauseThenCredit = 0.65;      // 'The plan failed, X said' (0.64 of 460)
inline constexpr double kClauseSplit = 0.9;            // 'C1, X said, C2' (0.92 of 299)
inline constexpr double kClauseThenInverted = 0.85;    // 'The plan failed, said X' (0.83 of 54)
inline constexpr double kClauseSplitInverted = 0.55;   // 'C1, said X, C2' (0.55 of 47)

inline constexpr double kAccordingTo = 0.95;           // '…, according to X' (0.93 of 350)
inline constexpr double kAccordingToArtifact = 0.9;    // 'according to a statement from X' (0.91 of 45)
inline constexpr double kStance = 0.85;                // 'X is convinced that …' (0.84 of 138)

// Shapes that also read as narration: right about half the time or more.
inline constexpr double kColonQuote = 0.7;             // 'X put it bluntly: "…"' (0.71 of 21)
inline constexpr double kColon = 0.6;                  // 'SMITH: …', headline 'Clinton: …' (0.61 of 184)
inline constexpr double kViewpoint = 0.6;              // 'To critics, …' (0.62 of 13)
inline constexpr double kNominal = 0.5;                // 'the mayor's criticism of the budget' (0.52 of 346)
inline constexpr double kPoll = 0.5;                   // 'in the latest poll, …' (0.48 of 89)
inline constexpr double kFrontedParticiple = 0.45;     // 'Insisting that …, X …' (0.44 of 39)
inline constexpr double kBacking = 0.8;                // 'Clinton drew support from black voters' (content right 28 of 34, 2026-12-04; speaker not counted)
inline constexpr double kPassiveAgent = 0.8;           // 'The plan was rejected by most voters' (content right 19 of 22, 2026-12-04; speaker not counted)

}  // namespace quotegraph::attrib::confidence
