// CodePointMap: byte offsets to code-point offsets, for --offsets chars and
// Python's str indexes.
#include "quotegraph/io.hpp"

namespace quotegraph {

CodePointMap::CodePointMap(std::string_view text) : text_(text) {
  before_.reserve(text.size() / 64 + 1);
  uint32_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % 64 == 0) before_.push_back(count);
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  if (text.size() % 64 == 0) before_.push_back(count);  // the end, when it starts a block
}

uint32_t CodePointMap::operator()(uint32_t byte) const {
  if (byte > text_.size()) byte = static_cast<uint32_t>(text_.size());
  uint32_t count = before_[byte / 64];
  for (uint32_t i = byte & ~63u; i < byte; ++i) count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  return count;
}

}  // namespace quotegraph
