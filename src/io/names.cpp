// Stable names of the enums, as they appear in every output format.
#include "quotegraph/document.hpp"

namespace quotegraph {

const char* to_string(AttributionKind k) {
  switch (k) {
    case AttributionKind::kDirect: return "direct";
    case AttributionKind::kIndirect: return "indirect";
    case AttributionKind::kMixed: return "mixed";
  }
  return "indirect";
}

const char* to_string(EntityKind k) {
  switch (k) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kGroup: return "group";
    case EntityKind::kPlace: return "place";
    case EntityKind::kArtifact: return "artifact";
    case EntityKind::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace quotegraph
