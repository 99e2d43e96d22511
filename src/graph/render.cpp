// Stage: render. Graph -> SVG/PNG bytes, laid out by the dot engine and
// rendered in-process with gvc (gvContext, gvLayout, gvRenderData); the
// cgraph graph is the one to_dot() writes.
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

#include "graph/dot_writer.hpp"

namespace quotegraph::graph {

namespace {

struct GvcCloser {
  void operator()(GVC_t* c) const { gvFreeContext(c); }
};

// gvc keeps process-wide state (plugin registry, error reporting), so renders
// take turns; layout is the slow part and one at a time is what dot does too.
std::mutex& render_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

Result<std::string> render(const Graph& g, std::string_view format, const DotOptions& options) {
  std::string fmt(format);
  std::lock_guard<std::mutex> lock(render_mutex());
  std::unique_ptr<GVC_t, GvcCloser> gvc(gvContext());
  if (!gvc) return Status(ErrorCode::kInternal, "graph: cannot create a Graphviz context");
  detail::CgraphPtr cg = detail::make_cgraph(g, options);
  if (!cg) return Status(ErrorCode::kInternal, "graph: cgraph could not build the graph");
  if (gvLayout(gvc.get(), cg.get(), "dot") != 0)
    return Status(ErrorCode::kInternal, "graph: Graphviz dot layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc.get(), cg.get(), fmt.c_str(), &data, &length);
  std::string out;
  if (rc == 0 && data) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), cg.get());
  if (rc != 0)
    return Status(ErrorCode::kInvalidArgument, "graph: Graphviz cannot render format '" + fmt + "'");
  return out;
}

}  // namespace quotegraph::graph
