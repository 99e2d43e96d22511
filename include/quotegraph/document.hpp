// The data model every stage speaks: one owned buffer, and spans into it.
//
//   const Analysis& a = analyzer.analyze(bytes, "a.txt").value();
//   for (const Attribution& at : a.attributions) {
//     std::string_view who = at.speaker.entity >= 0 ? std::string_view(a.entities[at.speaker.entity].name)
//                                                   : a.doc.slice(at.speaker.mention);
//     std::cout << who << " " << at.cue_lemma << ": " << a.doc.slice(at.content) << "\n";
//   }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quotegraph {

// A half-open range [start, end) of UTF-8 *byte* offsets into Document::text.
// Every span the library emits starts and ends on a code-point boundary.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  bool empty() const { return end <= start; }
  uint32_t size() const { return empty() ? 0 : end - start; }
  bool operator==(const Span&) const = default;
};

inline uint32_t overlap(Span a, Span b) {
  uint32_t s = a.start > b.start ? a.start : b.start;
  uint32_t e = a.end < b.end ? a.end : b.end;
  return e > s ? e - s : 0;
}

// Owns the article. `text` has exactly the length of the input bytes, so a byte
// offset into `text` is a byte offset into the file: a leading BOM is kept (the
// body starts after it), CR stays in place and counts as white space, and under
// lenient decoding each invalid byte is replaced by '?' one for one.
struct Document {
  std::string path;         // as given by the caller ("-" for stdin); used in messages
  std::string outlet;       // optional publisher name (corpus and diff inputs)
  std::string text;         // validated UTF-8, same length as the input
  uint32_t body_start = 0;  // after a BOM, if any
  uint32_t body_end = 0;    // where web chrome (bios, comment forms, share bars) begins
  uint32_t replaced_bytes = 0;  // invalid bytes replaced under lenient decoding

  std::string_view slice(Span s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
};

enum class AttributionKind { kDirect, kIndirect, kMixed };
const char* to_string(AttributionKind k);

enum class EntityKind { kPerson, kOrganization, kGroup, kPlace, kArtifact, kUnknown };
const char* to_string(EntityKind k);

// One entity of the document: a person, organisation, group ("police"), place, or
// artifact ("the report"). Ids are stable for the same input: "e1", "e2", ... in
// order of first mention.
struct Entity {
  std::string id;
  std::string name;                  // canonical form, titles stripped ("Kassym-Jomart Tokayev")
  EntityKind kind = EntityKind::kUnknown;
  std::vector<std::string> aliases;  // other surface forms seen ("Tokayev", "Kazakhstan's president")
  std::vector<std::string> roles;    // titles and appositive roles ("president of Kazakhstan")
  std::vector<Span> mentions;        // every mention, in text order
};

// An entity reference inside an attribution. `entity` is an index into
// Analysis::entities, or -1 when the mention could not be resolved (the mention
// text is then all that is known, and it is reported as such, never guessed).
struct EntityRef {
  int entity = -1;
  Span mention;
};

// One piece of reported speech (or belief, intention, finding): who, cue, what.
struct Attribution {
  AttributionKind kind = AttributionKind::kIndirect;
  EntityRef speaker;             // speaker.mention is empty when no source is given
  Span cue;                      // empty for floating quotes that continue a speaker
  std::string cue_lemma;         // "say", "according to", "describe", "(continuation)"
  Span content;                  // from the first to the last piece
  std::vector<Span> pieces;      // content pieces when a cue splits the content
  EntityRef addressee;           // "told Y", "spoke with Y"; entity -1 and empty mention if none
  std::vector<EntityRef> about;  // who the content or the characterising cue is about
  int via = -1;                  // index of the attribution that relays this one (nested chains)
  EntityRef echoes;              // whose words the speaker is said to echo ("echoed X's rhetoric")
  double confidence = 0.0;       // in (0, 1]; rule-specific prior
  std::string rule;              // which rule fired, for debugging and error analysis
};

// The engine's tokens, quotation marks and sentences (internal: src/text/layer.hpp).
struct TextLayer;

// Everything the analyzer found in one document.
struct Analysis {
  Document doc;
  std::vector<Entity> entities;
  std::vector<Attribution> attributions;  // ordered by content start
  // The text layer the engine read, handed on to later stages (echo) so they
  // read the same tokens and quotes; set only with Options::keep_text_layer
  // and a body analysed in one window. Null otherwise: the stages make their own.
  std::shared_ptr<const TextLayer> text;
};

}  // namespace quotegraph
