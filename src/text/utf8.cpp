// Unicode character classes beyond ASCII come from ICU.
#include "text/utf8.hpp"

#include <unicode/uchar.h>

namespace quotegraph::text {

bool is_alpha_beyond_ascii(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

bool is_upper_beyond_ascii(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

}  // namespace quotegraph::text
