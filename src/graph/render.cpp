// Stage: render. Graph -> SVG/PNG bytes, laid out by the dot engine and
// rendered in-process with gvc (gvContext, gvLayout, gvRenderData); the
// cgraph graph is the one to_dot() writes.
#include <graphviz/gvc.h>

#include <mutex>
#include <string>
#include <string_view>

#include "graph/dot_writer.hpp"

namespace quotegraph::graph {

namespace {

// One gvc context for the life of the process, never freed. Graphviz 2.42's
// pango plugin caches a pointer to the last font name, which lives in the
// context's font dictionary: freeing a context and rendering again with a new
// one reads freed memory (AddressSanitizer shows it on the second render in a
// process). Contexts are not thread-safe, so renders take turns.
GVC_t* shared_context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

std::mutex& render_mutex() {
  static std::mutex m;
  return m;
}

// Clusters other than the legend (one per document, with 2–64 documents).
// With them, Graphviz 2.43's dot can free one block twice in gvFreeLayout
// (its flat-edge pass reallocates a list that the cleanup frees again: two
// real articles' graph aborted with "double free"). The layout itself and the
// render are sound (valgrind reports no bad read or write before the free), so
// the layout of such a drawing is not freed: it leaks dot's layout arrays,
// about 240 KB for the graph of two articles.
bool has_content_clusters(Agraph_t* g) {
  for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
    const std::string_view name = agnameof(sub);
    if (name.substr(0, 7) == "cluster" && name != "cluster_legend") return true;
  }
  return false;
}

}  // namespace

namespace detail {

Result<std::string> layout_and_render(Agraph_t* g, std::string_view format, std::string_view who) {
  std::string fmt(format);
  std::string name(who);
  std::lock_guard<std::mutex> lock(render_mutex());
  GVC_t* gvc = shared_context();
  if (!gvc) return Status(ErrorCode::kInternal, name + ": cannot create a Graphviz context");
  // dot's ranking and crossing minimisation are superlinear: 50 real articles
  // drew in 4 s, 200 did not finish in 5 minutes. Past a size the drawing is
  // laid out by sfdp (multilevel force-directed, O(n log n): the 200 in 3 s)
  // and says so in a comment at the top of the SVG.
  const int nodes = agnnodes(g), edges = agnedges(g);
  const bool large = nodes > kDotMaxNodes || edges > kDotMaxEdges;
  const char* engine = large ? "sfdp" : "dot";
  if (large) {
    agsafeset(g, const_cast<char*>("overlap"), const_cast<char*>("prism"), const_cast<char*>(""));
    std::string note = std::string(kLargeLayoutNote) + ": " + std::to_string(nodes) + " nodes, " +
                       std::to_string(edges) + " edges; dot draws up to " + std::to_string(kDotMaxNodes) +
                       " nodes and " + std::to_string(kDotMaxEdges) + " edges";
    agsafeset(g, const_cast<char*>("comment"), note.data(), const_cast<char*>(""));
  }
  if (gvLayout(gvc, g, engine) != 0)
    return Status(ErrorCode::kInternal, name + ": Graphviz " + engine + " layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g, fmt.c_str(), &data, &length);
  std::string out;
  if (rc == 0 && data) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  if (!has_content_clusters(g)) gvFreeLayout(gvc, g);
  if (rc != 0) return Status(ErrorCode::kInvalidArgument, name + ": Graphviz cannot render format '" + fmt + "'");
  // Graphviz escapes &, < and > but passes control bytes from labels through,
  // and XML 1.0 allows none but tab and line breaks (not even as &#x1;):
  // an article with one made the whole SVG unreadable.
  if (fmt == "svg")
    for (size_t i = 0; i < out.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(out[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        out.replace(i, 1, "\xEF\xBF\xBD");  // U+FFFD
        i += 2;
      }
    }
  return out;
}

}  // namespace detail

Result<std::string> render(const Graph& g, std::string_view format, const DotOptions& options) {
  detail::CgraphPtr cg = detail::make_cgraph(g, options, /*drawing=*/true);
  if (!cg) return Status(ErrorCode::kInternal, "graph: cgraph could not build the graph");
  return detail::layout_and_render(cg.get(), format, "graph");
}

}  // namespace quotegraph::graph
