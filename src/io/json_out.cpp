// JsonOut's scalars: strings escaped and numbers formatted as nlohmann does.
#include "io/json_out.hpp"

#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "text/decode.hpp"

namespace quotegraph::io {

using Json = nlohmann::ordered_json;

void JsonOut::string(std::string_view s) {
  // Paths and outlet names come from outside and need not be UTF-8: nlohmann
  // replaces invalid bytes (U+FFFD).
  if (text::first_invalid_utf8(s) != std::string_view::npos) {
    out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  out_ += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case 0x08: out_ += "\\b"; break;
      case 0x09: out_ += "\\t"; break;
      case 0x0A: out_ += "\\n"; break;
      case 0x0C: out_ += "\\f"; break;
      case 0x0D: out_ += "\\r"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
      }
    }
  }
  out_.append(s, run, s.size() - run);
  out_ += '"';
}

void JsonOut::number(uint64_t n) {
  std::array<char, 24> buf;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out_.append(buf.data(), r.ptr);
}

void JsonOut::real(double x) { out_ += Json(x).dump(); }

}  // namespace quotegraph::io
