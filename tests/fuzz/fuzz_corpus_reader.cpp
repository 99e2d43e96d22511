// Fuzz target for the corpus reader: bytes -> a file, plain or gzip (whole,
// cut short, or as given) -> corpus::LineReader lines -> parse_record, and the
// HTML budget on every line.
// The first byte picks the mode; the rest is the payload:
//   0  the payload as the file (gzip when it starts with 1f 8b, else plain)
//   1  the payload gzip-compressed by zlib, whole
//   2  the same, cut after byte k (k from the payload's length)
// Properties: a plain or whole-gzip file gives exactly the payload's lines and
// bytes, status ok; a cut stream (k >= 2) is `truncated`, names the
// compressed byte k, and every line before the cut is a line of the payload,
// in order; parse_record never throws and ok() means text or HTML was found;
// measure_html stops where it says and stays within the budget it reports.
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "quotegraph/line_reader.hpp"
#include "quotegraph/corpus.hpp"

namespace {

std::string gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < s.size()) {
    size_t nl = s.find('\n', at);
    if (nl == std::string::npos) {
      out.push_back(s.substr(at));
      break;
    }
    out.push_back(s.substr(at, nl - at));
    at = nl + 1;
  }
  return out;
}

// One file for the whole run, rewritten per input (LineReader reads paths).
const std::string& scratch_path() {
  static const std::string path = [] {
    char tmpl[] = "/tmp/qg_fuzz_reader_XXXXXX";
    int fd = ::mkstemp(tmpl);
    if (fd >= 0) ::close(fd);
    return std::string(tmpl);
  }();
  return path;
}

void write_file(const std::string& data) {
  std::FILE* f = std::fopen(scratch_path().c_str(), "wb");
  QG_FUZZ_CHECK(f != nullptr, "cannot write the scratch file");
  std::fwrite(data.data(), 1, data.size(), f);
  std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace corpus = quotegraph::corpus;
  if (size == 0) return 0;
  const int mode = data[0] % 3;
  const std::string payload(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string file = payload;
  size_t cut = std::string::npos;
  if (mode >= 1) file = gzip(payload);
  if (mode == 2) {
    cut = payload.size() % file.size();
    file.resize(cut);
  }
  write_file(file);

  corpus::LineReader reader;
  QG_FUZZ_CHECK(reader.open(scratch_path()).ok(), "open failed");
  std::vector<std::string> got;
  std::string line;
  while (reader.next(&line)) got.push_back(line);

  const bool raw_gzip = mode == 0 && payload.size() >= 2 && static_cast<unsigned char>(payload[0]) == 0x1f &&
                        static_cast<unsigned char>(payload[1]) == 0x8b;
  const std::vector<std::string> want = lines_of(payload);
  if (mode == 1 || (mode == 0 && !raw_gzip)) {
    QG_FUZZ_CHECK(reader.status().ok(), "a whole file read with an error: " + reader.status().message());
    QG_FUZZ_CHECK(!reader.truncated(), "a whole file called truncated");
    QG_FUZZ_CHECK(got == want, "lines differ from the payload's");
    QG_FUZZ_CHECK(reader.bytes_read() == payload.size(), "bytes_read differs from the payload's size");
  } else if (mode == 2 && cut >= 2) {
    QG_FUZZ_CHECK(reader.truncated(), "a gzip stream cut at byte " + std::to_string(cut) + " is not called truncated");
    QG_FUZZ_CHECK(!reader.status().ok(), "truncated but status ok");
    QG_FUZZ_CHECK(reader.status().message().find("at compressed byte " + std::to_string(cut)) != std::string::npos,
                  "the message does not name the cut: " + reader.status().message());
    QG_FUZZ_CHECK(got.size() <= want.size(), "more lines than the payload has");
    for (size_t i = 0; i < got.size(); ++i) QG_FUZZ_CHECK(got[i] == want[i], "a line before the cut differs");
  } else if (!reader.status().ok()) {
    QG_FUZZ_CHECK(!reader.status().message().empty(), "an error without a message");
  }

  // Every line as a JSONL record, and as HTML under a small budget.
  corpus::FieldNames fields;
  corpus::HtmlBudget small;
  small.max_depth = 64;
  small.max_nodes = 4096;
  small.max_work = 1 << 16;
  for (const std::string& l : got) {
    corpus::RecordError kind = corpus::RecordError::kNone;
    auto article = corpus::parse_record(l, fields, &kind);
    QG_FUZZ_CHECK(article.ok() == (kind == corpus::RecordError::kNone), "ok() and the error kind disagree");
    corpus::HtmlShape shape = corpus::measure_html(l, small);
    QG_FUZZ_CHECK(shape.at_byte <= l.size(), "measure_html stopped past the end");
    if (shape.within_budget) {
      QG_FUZZ_CHECK(shape.depth <= small.max_depth && shape.nodes <= small.max_nodes && shape.work <= small.max_work,
                    "within budget but over a limit");
    } else {
      QG_FUZZ_CHECK(shape.exceeded != corpus::HtmlShape::kNone, "over budget without a reason");
    }
  }
  return 0;
}
