// One identity across documents (issue 22, item 7): graph::unify_entities on
// built graphs, `merge --aliases` through the binary, and the diff's entity
// alignment, each on articles written for the test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli_run.hpp"
#include "quotegraph/analyzer.hpp"
#include "quotegraph/diff.hpp"
#include "quotegraph/graph.hpp"

using namespace quotegraph;

namespace {

Analysis run(const std::string& text, const std::string& path) {
  static const Analyzer analyzer;
  auto r = analyzer.analyze(text, path);
  REQUIRE(r.ok());
  return std::move(r).value();
}

graph::Graph corpus(const std::vector<std::string>& texts, const graph::Aliases* aliases = nullptr) {
  std::vector<graph::Graph> parts;
  for (size_t i = 0; i < texts.size(); ++i)
    parts.push_back(graph::build(run(texts[i], "doc" + std::to_string(i) + ".txt")));
  return graph::unify_entities(graph::merge(parts), aliases);
}

bool has(const graph::Graph& g, const std::string& key) { return g.find(key) >= 0; }

}  // namespace

TEST_CASE("identity: middle initials, capitals and surnames meet in one node", "[graph][identity]") {
  graph::Graph g = corpus({"Ivo J. Strand said the bridge would open. Strand said it twice.\n",
                           "IVO STRAND said the port would close.\n", "Strand said the money was there.\n",
                           "Ivo Strand told reporters the plan was sound.\n"});
  CHECK(has(g, "entity:ivo strand"));
  CHECK_FALSE(has(g, "entity:ivo j strand"));
  CHECK_FALSE(has(g, "entity:strand"));
  const graph::Node& n = g.nodes[static_cast<size_t>(g.find("entity:ivo strand"))];
  CHECK(n.label != "IVO STRAND");  // the best-formed name, not the one in capitals
  CHECK(n.documents.size() == 4);
}

TEST_CASE("identity: a surname shared by two people named alike stays apart", "[graph][identity]") {
  graph::Graph g = corpus({"Hanna Lind said the plant would close.\n", "Peter Lind said the union would fight.\n",
                           "Lind said the talks had failed.\n"});
  CHECK(has(g, "entity:hanna lind"));
  CHECK(has(g, "entity:peter lind"));
  CHECK(has(g, "entity:lind"));  // neither has four in five of the mentions
}

TEST_CASE("identity: countries under their codes and names, acronyms to their organisation", "[graph][identity]") {
  graph::Graph g = corpus({"Officials in the United States said the Northern Fisheries Organization (NFO) would "
                           "meet.\n",
                           "U.S. officials said the NFO had met.\n"});
  CHECK(has(g, "entity:united states"));
  CHECK_FALSE(has(g, "entity:us"));
  CHECK(has(g, "entity:northern fisheries organization"));
  CHECK_FALSE(has(g, "entity:nfo"));
}

TEST_CASE("identity: a common noun or a lone letter names something only inside its article", "[graph][identity]") {
  graph::Graph g = corpus({"Poll: Lind leads in Norland.\n\nQ: Will you run?\n\nA: I will run.\n\n"
                           "Reuters said the vote was close. Ivo Sanders said he would run.\n",
                           "Poll: Strand gains in Oststadt.\n\nQ: Is the port open?\n\nA: It is open.\n\n"
                           "Reuters said the port was open. Sanders said he was pleased.\n"});
  for (const char* local : {"entity:poll", "entity:q", "entity:a"}) {
    INFO(local);
    CHECK_FALSE(has(g, local));
    size_t scoped = 0;
    for (const graph::Node& n : g.nodes) scoped += n.key.starts_with(std::string(local) + "@");
    CHECK(scoped == 2);
  }
  // Names that merely end like a plural noun ("-ers") stay names, unified across articles.
  CHECK(has(g, "entity:reuters"));
  CHECK_FALSE(has(g, "entity:sanders"));
  CHECK(has(g, "entity:ivo sanders"));
}

TEST_CASE("identity: indefinite pronouns left unresolved are no nodes", "[graph][identity]") {
  graph::Graph g = corpus({"Some said the port would close. Many said the vote was fair.\n",
                           "Some said the talks had failed. Ivo Strand said the port was open.\n"});
  CHECK_FALSE(has(g, "entity:some"));
  CHECK_FALSE(has(g, "entity:many"));
  CHECK(has(g, "entity:ivo strand"));
}

TEST_CASE("identity: unresolved pronouns are no nodes", "[graph][identity]") {
  graph::Graph g = corpus({"\"We will win,\" I said.\n"});
  CHECK_FALSE(has(g, "entity:i"));
  CHECK_FALSE(has(g, "entity:we"));
}

TEST_CASE("identity: user aliases rename and drop", "[graph][identity]") {
  auto a = graph::parse_aliases("# corrections\nStrand\tIvo Strand\nSubscribe Sign In\t-\n\n", "aliases.tsv");
  REQUIRE(a.ok());
  graph::Graph g = corpus({"Hanna Strand said the plant would close. Peter Strand agreed.\n",
                           "Strand said the port would close.\n"},
                          &a.value());
  CHECK(has(g, "entity:ivo strand"));
  CHECK_FALSE(has(g, "entity:strand"));

  auto bad = graph::parse_aliases("Strand Ivo Strand\n", "bad.tsv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "bad.tsv: line 1: expected variant<TAB>canonical");
}

TEST_CASE("identity: merge --aliases through the binary", "[graph][identity][cli]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "qg_identity_test";
  fs::create_directories(dir);
  {
    std::ofstream(dir / "a.txt") << "Ivo J. Strand said the bridge would open.\n";
    std::ofstream(dir / "b.txt") << "Ivo Strand said the port would close. Paul Weir said nothing.\n";
    std::ofstream(dir / "aliases.tsv") << "Paul Weir\t-\n";
  }
  const std::string d = dir.string();
  REQUIRE(qg_test::run_cli("graph --format json " + d + "/a.txt -o " + d + "/a.json", nullptr) == 0);
  REQUIRE(qg_test::run_cli("graph --format json " + d + "/b.txt -o " + d + "/b.json", nullptr) == 0);
  std::string out;
  REQUIRE(qg_test::run_cli("merge " + d + "/a.json " + d + "/b.json --aliases " + d + "/aliases.tsv", &out) == 0);
  CHECK(out.find("\"entity:ivo strand\"") != std::string::npos);
  CHECK(out.find("\"entity:ivo j strand\"") == std::string::npos);
  CHECK(out.find("\"entity:paul weir\"") == std::string::npos);
  // A broken alias file is an input error, and nothing is written.
  {
    std::ofstream(dir / "broken.tsv") << "no tab here\n";
  }
  auto [rc, msg] = qg_test::run_cli("merge " + d + "/a.json --aliases " + d + "/broken.tsv");
  CHECK(rc == 2);
  CHECK(msg.find("broken.tsv: line 1") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("identity in diff: pronouns never chain two people of two outlets", "[diff][identity]") {
  Analysis a = run("Ivo Strand arrived in Lakeview on Monday. He said the bridge would open in May.\n", "a.txt");
  Analysis b = run("Paul Weir arrived in Lakeview on Monday. He said the port would close in June.\n", "b.txt");
  for (const Analysis* x : {&a, &b})
    for (const Entity& e : x->entities)
      for (const std::string& alias : e.aliases) {
        INFO(alias);
        CHECK((alias != "He" && alias != "he"));
      }
  static const diff::Differ differ;
  auto r = differ.diff({{&a, "Daily"}, {&b, "Post"}});
  REQUIRE(r.ok());
  bool strand = false;
  for (const diff::AlignedEntity& e : r.value().entities) {
    if (e.name != "Ivo Strand" && e.name != "Paul Weir") continue;
    strand = strand || e.name == "Ivo Strand";
    INFO(e.name);
    CHECK(e.members.size() == 1);  // Strand and Weir are not one entity
  }
  CHECK(strand);
}
