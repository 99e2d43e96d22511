// quotegraph._quotegraph: the public C++ API (include/quotegraph/) for Python,
// through pybind11. The Python package (python/quotegraph/__init__.py) builds
// its objects, frames and networkx graphs from what this returns; nothing here
// re-implements the engine. The GIL is released while the engine runs.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "quotegraph/analyzer.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/echo.hpp"
#include "quotegraph/graph.hpp"
#include "quotegraph/io.hpp"

namespace py = pybind11;
using namespace quotegraph;

namespace {

// One analysis kept alive on the C++ side, so graph/echo/diff read it without
// a second analysis or a JSON round trip.
struct Handle {
  Analysis analysis;
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
graph::Graph corpus_graph(const std::vector<const Analysis*>& as, const graph::BuildOptions& opt) {
  std::vector<graph::Graph> parts;
  for (const Analysis* a : as) parts.push_back(graph::build(*a, opt));
  return graph::unify_entities(graph::merge(parts));
}

}  // namespace

PYBIND11_MODULE(_quotegraph, m) {
  m.doc() = "quotegraph engine (C++): use the quotegraph package, not this module";

  py::class_<Handle, HandlePtr>(m, "Analysis")
      .def("json", [](const Handle& h) { return to_json(h.analysis, -1); },
           "The analysis as `quotegraph analyze --format json` writes it (one line, no echo sections)")
      .def_property_readonly("path", [](const Handle& h) { return h.analysis.doc.path; })
      .def_property_readonly("outlet", [](const Handle& h) { return h.analysis.doc.outlet; })
      .def_property_readonly("text", [](const Handle& h) { return h.analysis.doc.text; });

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
      [](const std::vector<HandlePtr>& hs, bool statements) {
        std::vector<const Analysis*> as = analyses_of(hs);
        py::gil_scoped_release release;
        graph::BuildOptions opt;
        opt.statements = statements;
        return graph::to_json(corpus_graph(as, opt), -1);
      },
      py::arg("documents"), py::arg("statements") = false);

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
