// Inputs of every subcommand: paths in (files, directories, "-"), their
// formats (from the name, the first bytes or the caller) and their articles out.
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "quotegraph/corpus.hpp"
#include "quotegraph/line_reader.hpp"
#include "text/utf8.hpp"

namespace quotegraph::corpus {
namespace {

using text::ends_with_ci;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

Status refuse(std::string_view path, const std::string& what, const std::string& fix) {
  return Status(ErrorCode::kInputError, std::string(path) + ": is " + what + ", not text, HTML or JSONL; " + fix);
}

// Refused formats by their magic bytes; ok when the head is none of them.
Status check_readable(std::string_view head, std::string_view path) {
  std::string p(path);
  if (starts_with(head, "%PDF-"))
    return refuse(path, "a PDF document", "convert it to text first: pdftotext " + p + " out.txt");
  if (starts_with(head, "PK\x03\x04")) {
    if (head.find("word/") != std::string_view::npos)
      return refuse(path, "a Word document (DOCX)",
                    "convert it to text first: pandoc -t plain " + p + " -o out.txt (or libreoffice --headless "
                    "--convert-to txt " + p + ")");
    if (head.find("opendocument") != std::string_view::npos || head.find("content.xml") != std::string_view::npos)
      return refuse(path, "an OpenDocument file (ODT)",
                    "convert it to text first: libreoffice --headless --convert-to txt " + p);
    return refuse(path, "a ZIP archive", "unpack it (unzip " + p + ") and give the files or their directory");
  }
  if (starts_with(head, "\xD0\xCF\x11\xE0"))
    return refuse(path, "a legacy Office document (DOC/XLS/PPT)",
                  "convert it to text first: libreoffice --headless --convert-to txt " + p);
  if (starts_with(head, "{\\rtf"))
    return refuse(path, "an RTF document", "convert it to text first: unrtf --text " + p + " (or pandoc -t plain)");
  // Magic numbers with NUL bytes need their lengths spelled out.
  if (starts_with(head, std::string_view("\xFF\xFE\x00\x00", 4)) ||
      starts_with(head, std::string_view("\x00\x00\xFE\xFF", 4)))
    return refuse(path, "UTF-32 text", "convert it to UTF-8 first: iconv -f UTF-32 -t UTF-8 " + p + " > out.txt");
  if (starts_with(head, "\xFF\xFE") || starts_with(head, "\xFE\xFF"))
    return refuse(path, "UTF-16 text", "convert it to UTF-8 first: iconv -f UTF-16 -t UTF-8 " + p + " > out.txt");
  if (starts_with(head, "\x89PNG") || starts_with(head, "\xFF\xD8\xFF") || starts_with(head, "GIF8"))
    return refuse(path, "an image", "quotegraph reads article text; run OCR (tesseract) first if it is a scan");
  if (starts_with(head, "\x1F\x8B"))
    return refuse(path, "gzip-compressed twice", "decompress it once first: gunzip -c " + p + " > out.gz");
  // UTF-16 without a byte-order mark: every other byte of ASCII text is NUL.
  size_t nul = head.find('\0');
  if (nul != std::string_view::npos) {
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < head.size(); ++i)
      if (head[i] == '\0') ++(i % 2 ? odd : even);
    if (head.size() >= 8 && (even * 3 >= head.size() || odd * 3 >= head.size()))
      return refuse(path, "UTF-16 text (no byte-order mark)",
                    "convert it to UTF-8 first: iconv -f UTF-16LE -t UTF-8 " + p + " > out.txt (UTF-16BE if "
                    "the first byte is NUL)");
    return refuse(path, "a binary file (NUL byte at offset " + std::to_string(nul) + ")",
                  "give the article as UTF-8 text, HTML or JSONL");
  }
  return Status();
}

// After a byte-order mark, white space and <!-- comments -->.
std::string_view skip_preamble(std::string_view s) {
  if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  for (;;) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
    s.remove_prefix(i);
    if (!starts_with(s, "<!--")) return s;
    size_t end = s.find("-->");
    if (end == std::string_view::npos) return s;
    s.remove_prefix(end + 3);
  }
}

}  // namespace

const char* to_string(InputFormat f) {
  switch (f) {
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kHtml: return "html";
    case InputFormat::kText: return "text";
  }
  return "text";
}

bool format_from_name(std::string_view path, InputFormat* out) {
  if (path == "-") return false;
  if (ends_with_ci(path, ".gz")) path.remove_suffix(3);
  if (ends_with_ci(path, ".jsonl") || ends_with_ci(path, ".ndjson") || ends_with_ci(path, ".json")) {
    *out = InputFormat::kJsonl;
    return true;
  }
  if (ends_with_ci(path, ".html") || ends_with_ci(path, ".htm") || ends_with_ci(path, ".xhtml")) {
    *out = InputFormat::kHtml;
    return true;
  }
  if (ends_with_ci(path, ".txt") || ends_with_ci(path, ".text") || ends_with_ci(path, ".md")) {
    *out = InputFormat::kText;
    return true;
  }
  return false;
}

Result<InputFormat> sniff_format(std::string_view head, std::string_view path) {
  if (Status st = check_readable(head, path); !st.ok()) return st;
  std::string_view s = skip_preamble(head);
  if (starts_with_ci(s, "<!doctype html") || starts_with_ci(s, "<html") || starts_with_ci(s, "<head") ||
      starts_with_ci(s, "<body") || starts_with_ci(s, "<?xml") || starts_with_ci(s, "<meta") ||
      starts_with_ci(s, "<div") || starts_with_ci(s, "<article") || starts_with_ci(s, "<p>") ||
      starts_with_ci(s, "<title"))
    return InputFormat::kHtml;
  if (starts_with(s, "{")) return InputFormat::kJsonl;
  return InputFormat::kText;
}

Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& paths, const std::string& glob) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back(path);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (!fs::is_directory(st)) {  // a file, or a path the reader will report as missing
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::follow_directory_symlink, ec), end;
    if (ec) return Status(ErrorCode::kInputError, path + ": cannot list: " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return Status(ErrorCode::kInputError, path + ": cannot list: " + ec.message());
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      if (!glob.empty() && ::fnmatch(glob.c_str(), name.c_str(), 0) != 0) continue;
      found.push_back(it->path().string());
    }
    if (found.empty())
      return Status(ErrorCode::kInputError,
                    path + ": is a directory with no files" + (glob.empty() ? "" : " matching " + glob));
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Status read_documents(const std::string& path, const InputFormat* forced, const FieldNames& fields,
                      const std::function<void(InputDocument&&)>& each, const std::string& stdin_name,
                      uint64_t max_bytes) {
  const std::string source = path == "-" ? stdin_name : path;
  LineReader reader;
  reader.set_max_line(max_bytes);
  if (Status st = reader.open(path); !st.ok()) return st;
  std::string_view head = reader.peek(4096);
  if (!reader.status().ok()) return reader.status();
  // Refused formats are refused whatever the name or --input-format says.
  auto sniffed = sniff_format(head, source);
  if (!sniffed.ok()) return sniffed.status();
  InputFormat format = sniffed.value();
  if (forced) format = *forced;
  else format_from_name(source, &format);
  if (format != InputFormat::kJsonl) {
    auto all = reader.read_all();
    if (!all.ok()) return all.status();
    InputDocument doc;
    doc.name = source;
    doc.format = format;
    if (format == InputFormat::kHtml) {
      HtmlArticle html = extract_html(all.value());
      doc.article.text = std::move(html.text);
      doc.article.title = std::move(html.title);
      doc.article.url = std::move(html.url);
      doc.article.date = std::move(html.date);
      doc.article.outlet = std::move(html.site_name);
      doc.article.byline = std::move(html.byline);
      doc.article.from_html = true;
    } else {
      doc.article.text = std::move(all).value();
    }
    each(std::move(doc));
    return Status();
  }
  std::string line;
  uint64_t n = 0;
  while (reader.next(&line)) {
    ++n;
    RecordError kind = RecordError::kNone;
    auto article = parse_record(line, fields, &kind);
    if (kind == RecordError::kEmptyLine) continue;  // not an article, nothing missing
    InputDocument doc;
    doc.line = n;
    doc.format = format;
    std::string where = source + ":" + std::to_string(n);
    if (!article.ok()) {
      doc.name = where;
      doc.error = kind;
      doc.message = where + ": " + article.status().message();
    } else {
      doc.article = std::move(article).value();
      doc.name = doc.article.id.empty() ? where : doc.article.id;
    }
    each(std::move(doc));
  }
  return reader.status();
}

}  // namespace quotegraph::corpus
