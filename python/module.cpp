// quotegraph._quotegraph: the public C++ API (include/quotegraph/) for Python,
// through pybind11. The Python package (python/quotegraph/__init__.py) builds
// its objects, frames and networkx graphs from what this returns; nothing here
// re-implements the engine. The GIL is released while the engine runs.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/corpus.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"
#include "quotegraph/line_reader.hpp"

namespace py = pybind11;
using namespace quotegraph;

namespace {

// One analysis kept alive on the C++ side, so graph/echo/diff read it without
// a second analysis or a JSON round trip.
struct Handle {
  Analysis analysis;
  std::optional<CodePointMap> code_points;  // made on first use; text never changes
};
using HandlePtr = std::shared_ptr<Handle>;

// Built once, immutable, shared by every thread (Analyzer's guarantee).
const Analyzer& analyzer() {
  static const Analyzer a;
  return a;
}

// One input of analyze_many: (text, path, outlet).
using Item = std::tuple<std::string, std::string, std::string>;

// An analysis or the engine's message (invalid UTF-8 names the byte offset).
struct Outcome {
  HandlePtr handle;
  std::string error;
};

Outcome run_one(std::string text, std::string path, std::string outlet) {
  auto r = analyzer().analyze(std::move(text), path.empty() ? "<string>" : path);
  if (!r.ok()) return {nullptr, r.status().message()};
  auto h = std::make_shared<Handle>();
  h->analysis = std::move(r).value();
  h->analysis.doc.outlet = std::move(outlet);
  return {std::move(h), {}};
}

std::vector<const Analysis*> analyses_of(const std::vector<HandlePtr>& hs) {
  std::vector<const Analysis*> out;
  for (const auto& h : hs) {
    if (!h) throw py::value_error("quotegraph: a document has no analysis");
    out.push_back(&h->analysis);
  }
  return out;
}

// The graph `quotegraph graph` draws of these analyses: built, merged, one
// identity per entity.
graph::Graph corpus_graph(const std::vector<const Analysis*>& as, const graph::BuildOptions& opt,
                          bool unify = true) {
  std::vector<graph::Graph> parts;
  for (const Analysis* a : as) parts.push_back(graph::build(*a, opt));
  graph::Graph g = graph::merge(parts);
  return unify ? graph::unify_entities(g) : g;
}

}  // namespace

PYBIND11_MODULE(_quotegraph, m) {
  m.doc() = "quotegraph engine (C++): use the quotegraph package, not this module";

  py::class_<Handle, HandlePtr>(m, "Analysis")
      .def("json", [](const Handle& h) { return to_json(h.analysis, -1); },
           "The analysis as `quotegraph analyze --format json` writes it (one line, no echo sections)")
      .def_property_readonly("path", [](const Handle& h) { return h.analysis.doc.path; })
      .def_property_readonly("outlet", [](const Handle& h) { return h.analysis.doc.outlet; })
      .def_property_readonly("text", [](const Handle& h) { return h.analysis.doc.text; })
      .def(
          "code_point",
          [](Handle& h, uint32_t byte) {
            if (!h.code_points) h.code_points.emplace(h.analysis.doc.text);
            return (*h.code_points)(byte);
          },
          py::arg("byte"), "The code-point offset of a UTF-8 byte offset (what --offsets chars writes)");

  m.def(
      "analyze",
      [](std::string text, std::string path, std::string outlet) {
        Outcome o;
        {
          py::gil_scoped_release release;
          o = run_one(std::move(text), std::move(path), std::move(outlet));
        }
        if (!o.handle) throw py::value_error(o.error);
        return o.handle;
      },
      py::arg("text"), py::arg("path") = "", py::arg("outlet") = "");

  // Results in input order; an input that fails gives its message instead.
  m.def(
      "analyze_many",
      [](std::vector<Item> items, int threads) {
        std::vector<Outcome> out(items.size());
        {
          py::gil_scoped_release release;
          const size_t n = std::max<size_t>(1, std::min<size_t>(threads < 1 ? 1 : threads, items.size()));
          std::atomic<size_t> next{0};
          auto work = [&] {
            for (size_t i; (i = next++) < items.size();) {
              auto& [text, path, outlet] = items[i];
              out[i] = run_one(std::move(text), std::move(path), std::move(outlet));
            }
          };
          std::vector<std::thread> pool;
          for (size_t t = 1; t < n; ++t) {
            try {
              pool.emplace_back(work);
            } catch (const std::system_error&) {
              break;  // fewer threads than asked: the rest is done by those that started
            }
          }
          work();
          for (auto& t : pool) t.join();
        }
        py::list result;
        for (auto& o : out) {
          if (o.handle) result.append(py::cast(o.handle));
          else result.append(py::str(o.error));
        }
        return result;
      },
      py::arg("items"), py::arg("threads") = 1);

  m.def(
      "graph_json",
      [](const std::vector<HandlePtr>& hs, bool statements, int indent, bool unify) {
        std::vector<const Analysis*> as = analyses_of(hs);
        py::gil_scoped_release release;
        graph::BuildOptions opt;
        opt.statements = statements;
        return graph::to_json(corpus_graph(as, opt, unify), indent);
      },
      py::arg("documents"), py::arg("statements") = false, py::arg("indent") = -1, py::arg("unify") = true);

  // `quotegraph merge`: parts read back, merged, one identity per entity. The
  // parts come in as bytes, so a torn part is the reader's message, not a
  // UnicodeDecodeError. unify_entities needs the whole graph (it does not
  // commute with merge), so a tree of merges unifies only at its root.
  m.def(
      "merge_graphs",
      [](const std::vector<std::pair<std::string, std::string>>& parts, int indent, bool unify) {
        std::string json, error;
        {
          py::gil_scoped_release release;
          std::vector<graph::Graph> gs;
          for (const auto& [name, text] : parts) {
            auto g = graph::from_json(text, name);
            if (!g.ok()) {
              error = g.status().message();
              break;
            }
            gs.push_back(std::move(g).value());
          }
          if (error.empty()) {
            graph::Graph g = graph::merge(gs);
            json = graph::to_json(unify ? graph::unify_entities(g) : g, indent);
          }
        }
        if (!error.empty()) throw py::value_error(error);
        return json;
      },
      py::arg("parts"), py::arg("indent") = 2, py::arg("unify") = true);

  // ---- the corpus reader's pieces, for contrib/dask's in-process map step: the
  // same parsing, messages and record layout as `quotegraph corpus`.

  // (kind, message, (id, url, outlet, date, title, text, byline, from_html)); kind "" when the line
  // is an article. The message is bytes: the JSON parser quotes the line.
  // Empty field lists keep the corpus defaults (as --text-field etc. replace them).
  m.def(
      "parse_record",
      [](py::bytes line, std::vector<std::string> text, std::vector<std::string> id, std::vector<std::string> outlet,
         std::vector<std::string> html) {
    std::string_view v = line;
    corpus::FieldNames fields;
    if (!text.empty()) fields.text = std::move(text);
    if (!id.empty()) fields.id = std::move(id);
    if (!outlet.empty()) fields.outlet = std::move(outlet);
    if (!html.empty()) fields.html = std::move(html);
    corpus::RecordError kind = corpus::RecordError::kNone;
    auto r = corpus::parse_record(v, fields, &kind);
    if (!r.ok()) return py::make_tuple(corpus::to_string(kind), py::bytes(r.status().message()), py::none());
    const corpus::Article& a = r.value();
    return py::make_tuple("", py::bytes(""),
                          py::make_tuple(a.id, a.url, a.outlet, a.date, a.title, a.text, a.byline, a.from_html));
      },
      py::arg("line"), py::arg("text") = std::vector<std::string>{}, py::arg("id") = std::vector<std::string>{},
      py::arg("outlet") = std::vector<std::string>{}, py::arg("html") = std::vector<std::string>{});

  // An HTML page as the corpus reads it: (error, text, title, byline, date, url,
  // site_name); error is the budget's message ("" when the page was parsed).
  m.def("html_article", [](py::bytes page) {
    std::string_view v = page;
    std::string error;
    corpus::HtmlArticle a;
    {
      py::gil_scoped_release release;
      Status budget = corpus::check_html_budget(v);
      if (budget.ok()) a = corpus::extract_html(v);
      else error = budget.message();
    }
    return py::make_tuple(error, a.text, a.title, a.byline, a.date, a.url, a.site_name);
  });

  // "jsonl", "html" or "text" for an input: its name decides, else its first
  // bytes; a refused format (PDF, DOCX, ...) raises with the conversion hint.
  m.def("input_format", [](py::bytes head, const std::string& path) {
    auto sniffed = corpus::sniff_format(std::string_view(head), path);
    if (!sniffed.ok()) throw py::value_error(sniffed.status().message());
    corpus::InputFormat f = sniffed.value();
    corpus::format_from_name(path, &f);
    return std::string(corpus::to_string(f));
  });

  // A (possibly gzip) input line by line, as the corpus reads it: opening
  // raises with the reader's message; `status` is "" or why reading stopped.
  py::class_<corpus::LineReader>(m, "LineReader")
      .def(py::init([](const std::string& path) {
        auto r = std::make_unique<corpus::LineReader>();
        if (Status st = r->open(path); !st.ok()) throw py::value_error(st.message());
        return r;
      }))
      .def("peek", [](corpus::LineReader& r, size_t n) { return py::bytes(std::string(r.peek(n))); })
      .def("read_all",
           [](corpus::LineReader& r) {
             auto all = r.read_all();
             if (!all.ok()) throw py::value_error(all.status().message());
             return py::bytes(all.value());
           })
      .def("__iter__", [](corpus::LineReader& r) -> corpus::LineReader& { return r; })
      .def("__next__",
           [](corpus::LineReader& r) {
             std::string line;
             if (!r.next(&line)) throw py::stop_iteration();
             return py::bytes(line);
           })
      .def_property_readonly("status", [](const corpus::LineReader& r) { return r.status().message(); })
      .def_property_readonly("truncated", &corpus::LineReader::truncated);

  // The corpus record of one analysis, as `quotegraph corpus` writes it (one
  // writer: quotegraph::write with the record's provenance): `analyze`'s JSONL
  // with echoes and framing (when echo) and the "corpus" section. `format` is
  // the input's ("jsonl", "html", "text"); `meta` its id, url, date, title,
  // byline and site_name.
  m.def(
      "corpus_record",
      [](const HandlePtr& h, const std::string& source, uint64_t line, const std::string& format,
         const std::map<std::string, std::string>& meta, bool echo_sections) {
        if (!h) throw py::value_error("quotegraph: a document has no analysis");
        auto field = [&](const char* k) {
          auto it = meta.find(k);
          return it == meta.end() ? std::string() : it->second;
        };
        corpus::Article art;
        art.id = field("id");
        art.url = field("url");
        art.date = field("date");
        art.title = field("title");
        art.byline = field("byline");
        art.from_html = format == "html";
        if (art.from_html) art.outlet = field("site_name");
        const corpus::InputFormat f = format == "jsonl"  ? corpus::InputFormat::kJsonl
                                      : format == "html" ? corpus::InputFormat::kHtml
                                                         : corpus::InputFormat::kText;
        py::gil_scoped_release release;
        static const echo::EchoAnalyzer echoes;
        const RecordInfo info = corpus::record_info(art, source, line, f);
        WriteOptions w;
        w.record = &info;
        w.corpus_section = true;
        std::optional<echo::EchoReport> report;
        if (echo_sections) w.echo = &report.emplace(echoes.analyze(h->analysis));
        return write(Format::kJsonl, h->analysis, w);
      },
      py::arg("document"), py::arg("source"), py::arg("line"), py::arg("format"), py::arg("meta"),
      py::arg("echo") = true);

  // An error record of the corpus output; `kind` is a RecordError name ("bad_json").
  m.def(
      "error_record",
      [](const std::string& source, uint64_t line, const std::string& kind, const std::string& message) {
        for (size_t e = 1; e < corpus::kRecordErrorCount; ++e)
          if (kind == corpus::to_string(static_cast<corpus::RecordError>(e)))
            return corpus::error_record(source, line, static_cast<corpus::RecordError>(e), message);
        throw py::value_error("quotegraph: no record error is named " + kind);
      },
      py::arg("source"), py::arg("line"), py::arg("kind"), py::arg("message"));

  m.def("graphml", [](const std::vector<HandlePtr>& hs) {
    std::vector<const Analysis*> as = analyses_of(hs);
    py::gil_scoped_release release;
    return graph::to_graphml(corpus_graph(as, {}));
  });

  m.def("gexf", [](const std::vector<HandlePtr>& hs) {
    std::vector<const Analysis*> as = analyses_of(hs);
    py::gil_scoped_release release;
    return graph::to_gexf(corpus_graph(as, {}));
  });

  m.def("echo_json", [](const std::vector<HandlePtr>& hs) {
    std::vector<const Analysis*> as = analyses_of(hs);
    py::gil_scoped_release release;
    static const echo::EchoAnalyzer echoes;
    std::vector<echo::EchoInput> in;
    for (const Analysis* a : as) in.push_back({a, ""});
    return echo::to_json(echoes.analyze(in), in, -1);
  });

  m.def(
      "diff_json",
      [](const std::vector<HandlePtr>& hs, std::vector<std::string> outlets) {
        std::vector<const Analysis*> as = analyses_of(hs);
        if (!outlets.empty() && outlets.size() != as.size())
          throw py::value_error("quotegraph.diff: one outlet name per document");
        std::string json, error;
        {
          py::gil_scoped_release release;
          static const diff::Differ differ;
          std::vector<diff::DiffInput> in;
          for (size_t i = 0; i < as.size(); ++i) in.push_back({as[i], outlets.empty() ? "" : outlets[i]});
          auto r = differ.diff(in);
          if (r.ok()) json = diff::to_json(r.value(), -1);
          else error = r.status().message();
        }
        if (!error.empty()) throw py::value_error(error);
        return json;
      },
      py::arg("documents"), py::arg("outlets") = std::vector<std::string>{});
}
