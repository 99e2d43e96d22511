// Fault suite (issue 30): what -o, threads, gzip and the HTML budget do when
// the machine or the input is hostile. Each test runs the real binary on small
// invented inputs. Devices, FIFOs and symlinks are made in a temporary folder
// (the tests run as root in CI; no real device such as /dev/null is touched).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <gumbo.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "quotegraph/corpus.hpp"
#include "quotegraph/graph.hpp"

namespace fs = std::filesystem;
using quotegraph::Status;

namespace {

struct Run {
  int rc = -1;
  std::string err;  // standard error
};

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("qg_faults_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& p, const std::string& data) {
  std::ofstream f(p, std::ios::binary);
  f << data;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Runs `quotegraph ARGS` with standard output sent to `stdout_to` (a path, or
// /dev/null-free "discard" into a file in the test folder) and standard error
// captured.
Run run(const std::string& args, const fs::path& dir, const std::string& stdout_to = "") {
  fs::path err = dir / "stderr.txt";
  fs::path out = stdout_to.empty() ? dir / "stdout.txt" : fs::path(stdout_to);
  std::string cmd = std::string(QG_CLI_PATH) + " " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  Run r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  fs::remove(err);
  return r;
}

// Names in `dir` other than the test's own capture files.
std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    if (n != "stdout.txt" && n != "stderr.txt") names.insert(n);
  }
  return names;
}

const char kArticle[] =
    "\"We will not go back until the contract is signed,\" union leader Maria Okafor said on Tuesday.\n\n"
    "The port authority said that talks would resume next week.\n";

std::string jsonl_record(const std::string& id, const std::string& text) {
  nlohmann::json j;
  j["id"] = id;
  j["text"] = text;
  return j.dump() + "\n";
}

bool names_fifo(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}
bool names_device(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

// A character device made here with the numbers of the kernel's null (1,3) or
// full (1,7) device; needs root (CAP_MKNOD), else the test is skipped.
// A folder on a nodev mount holds the node but cannot open it: skipped too.
bool make_device(const fs::path& p, unsigned minor_number) {
  if (::mknod(p.c_str(), S_IFCHR | 0666, makedev(1, minor_number)) != 0) return false;
  int fd = ::open(p.c_str(), O_WRONLY);
  if (fd < 0) {
    ::unlink(p.c_str());
    return false;
  }
  ::close(fd);
  return true;
}

}  // namespace

// ---------------------------------------------------------------- case 3: -o

TEST_CASE("faults -o (case 3): a FIFO is written in place, not replaced", "[faults][cli]") {
  fs::path dir = temp_dir("fifo");
  write(dir / "a.txt", kArticle);
  fs::path fifo = dir / "out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  std::string got;
  std::thread reader([&] { got = slurp(fifo); });
  Run r = run("analyze " + (dir / "a.txt").string() + " -o " + fifo.string(), dir);
  reader.join();
  CHECK(r.rc == 0);
  CHECK(r.err.empty());
  CHECK(names_fifo(fifo));
  CHECK(got.find("Maria Okafor") != std::string::npos);
  // corpus writes in place too (no OUT.partial next to a FIFO)
  std::thread reader2([&] { got = slurp(fifo); });
  write(dir / "c.jsonl", jsonl_record("r1", kArticle));
  r = run("corpus " + (dir / "c.jsonl").string() + " -o " + fifo.string() + " --threads 1", dir);
  reader2.join();
  CHECK(r.rc == 0);
  CHECK(names_fifo(fifo));
  CHECK(got.find("\"r1\"") != std::string::npos);
  CHECK(listing(dir) == std::set<std::string>{"a.txt", "c.jsonl", "out.fifo"});
  fs::remove_all(dir);
}

TEST_CASE("faults -o (case 3): a device node is written in place, never turned into a file", "[faults][cli]") {
  fs::path dir = temp_dir("device");
  write(dir / "a.txt", kArticle);
  fs::path null_dev = dir / "null";
  if (!make_device(null_dev, 3)) {
    WARN("mknod not permitted (not root?); device test skipped");
    return;
  }
  for (const char* cmd : {"analyze", "graph", "stats", "echo"}) {
    INFO(cmd);
    Run r = run(std::string(cmd) + " " + (dir / "a.txt").string() + " -o " + null_dev.string(), dir);
    CHECK(r.rc == 0);
    CHECK(names_device(null_dev));
  }
  Run r = run("corpus " + (dir / "a.txt").string() + " -o " + null_dev.string(), dir);
  CHECK(r.rc == 0);
  CHECK(names_device(null_dev));
  CHECK(listing(dir) == std::set<std::string>{"a.txt", "null"});
  fs::remove_all(dir);
}

TEST_CASE("faults -o (case 3): a symlink is followed to its target and stays a link; a dangling one is refused",
          "[faults][cli]") {
  fs::path dir = temp_dir("symlink");
  write(dir / "a.txt", kArticle);
  write(dir / "real.json", "old");
  fs::create_symlink("real.json", dir / "link.json");
  Run r = run("analyze --format json " + (dir / "a.txt").string() + " -o " + (dir / "link.json").string(), dir);
  CHECK(r.rc == 0);
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(slurp(dir / "real.json").find("Maria Okafor") != std::string::npos);

  fs::create_symlink("missing.json", dir / "dangling.json");
  r = run("analyze " + (dir / "a.txt").string() + " -o " + (dir / "dangling.json").string(), dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("dangling.json: is a symlink to a missing file") != std::string::npos);
  CHECK(!fs::exists(dir / "missing.json"));

  // corpus: the partial file sits beside the target, and the link survives
  write(dir / "c.jsonl", jsonl_record("r1", kArticle));
  r = run("corpus " + (dir / "c.jsonl").string() + " -o " + (dir / "link.json").string(), dir);
  CHECK(r.rc == 0);
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(slurp(dir / "real.json").find("\"r1\"") != std::string::npos);
  CHECK(listing(dir) == std::set<std::string>{"a.txt", "c.jsonl", "dangling.json", "link.json", "real.json"});
  fs::remove_all(dir);
}

TEST_CASE("faults -o (case 3, 10): a replaced file keeps its mode; no temporary file is left; planted names are not "
          "followed",
          "[faults][cli]") {
  fs::path dir = temp_dir("atomic");
  write(dir / "a.txt", kArticle);
  write(dir / "out.txt", "old");
  ::chmod((dir / "out.txt").c_str(), 0640);
  // The old fixed temporary names, planted as links to a victim file.
  write(dir / "victim", "precious");
  fs::create_symlink("victim", dir / "out.txt.tmp");
  Run r = run("analyze " + (dir / "a.txt").string() + " -o " + (dir / "out.txt").string(), dir);
  CHECK(r.rc == 0);
  CHECK(slurp(dir / "out.txt").find("Maria Okafor") != std::string::npos);
  CHECK((fs::status(dir / "out.txt").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  CHECK(slurp(dir / "victim") == "precious");

  // corpus refuses a planted OUT.partial link instead of writing through it
  write(dir / "c.jsonl", jsonl_record("r1", kArticle));
  fs::create_symlink("victim", dir / "c.out.partial");
  r = run("corpus " + (dir / "c.jsonl").string() + " -o " + (dir / "c.out").string(), dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("c.out.partial: is not a regular file") != std::string::npos);
  CHECK(slurp(dir / "victim") == "precious");
  CHECK(!fs::exists(dir / "c.out"));
  CHECK(listing(dir) == std::set<std::string>{"a.txt", "c.jsonl", "c.out.partial", "out.txt", "out.txt.tmp", "victim"});
  fs::remove_all(dir);
}

// ------------------------------------------------- case 7: every write checked

TEST_CASE("faults -o (case 7): a full device or a FIFO whose reader left is a write error, exit 2", "[faults][cli]") {
  fs::path dir = temp_dir("full");
  write(dir / "a.txt", kArticle);
  write(dir / "c.jsonl", jsonl_record("r1", kArticle));
  fs::path full = dir / "full";
  if (make_device(full, 7)) {
    const std::string a = (dir / "a.txt").string();
    for (const std::string& cmd : {"analyze " + a, "analyze --format json " + a, "graph " + a, "stats " + a,
                                   "echo " + a, "corpus " + (dir / "c.jsonl").string(),
                                   "eval --gold " + std::string(QG_SOURCE_DIR) + "/seeds/ --text " +
                                       std::string(QG_SOURCE_DIR) + "/seeds/"}) {
      INFO(cmd);
      Run to_stdout = run(cmd, dir, full.string());
      CHECK(to_stdout.rc == 2);
      CHECK(to_stdout.err.find("standard output: write failed: No space left on device") != std::string::npos);
      if (cmd.rfind("eval", 0) == 0) continue;  // eval has no -o
      Run to_o = run(cmd + " -o " + full.string(), dir);
      CHECK(to_o.rc == 2);
      CHECK(to_o.err.find(full.string() + ": write failed: No space left on device") != std::string::npos);
      CHECK(names_device(full));
    }
  } else {
    WARN("mknod not permitted (not root?); full-device cases skipped");
  }

  // A reader that opens the FIFO and leaves: more output than a pipe buffers
  // (64 KiB) makes the writer meet the closed end.
  std::string big;
  for (int i = 0; i < 400; ++i) big += "Mayor Lena Fischer said the bridge would reopen in May. \"It is safe,\" she added.\n\n";
  write(dir / "big.txt", big);
  fs::path fifo = dir / "gone.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  std::thread reader([&] {
    int fd = ::open(fifo.c_str(), O_RDONLY);
    if (fd >= 0) ::close(fd);
  });
  Run r = run("analyze --format json " + (dir / "big.txt").string() + " -o " + fifo.string(), dir);
  reader.join();
  CHECK(r.rc == 2);
  CHECK(r.err.find("gone.fifo: write failed: Broken pipe") != std::string::npos);
  CHECK(names_fifo(fifo));
  fs::remove_all(dir);
}

// ------------------------------------- case 5: two writers of the same output

TEST_CASE("faults -o (case 5): a second writer of the same output gets a clear error and changes nothing",
          "[faults][cli]") {
  fs::path dir = temp_dir("lock");
  write(dir / "a.txt", kArticle);
  write(dir / "c.jsonl", jsonl_record("r1", kArticle) + jsonl_record("r2", kArticle));
  // The first run is played by this test: it holds the locks a run holds.
  write(dir / "c.out.partial", "{\"half\":1}\n");
  int partial = ::open((dir / "c.out.partial").c_str(), O_RDONLY);
  REQUIRE(partial >= 0);
  REQUIRE(::flock(partial, LOCK_EX | LOCK_NB) == 0);
  for (const char* flags : {"", " --resume"}) {
    INFO(flags);
    Run r = run("corpus " + (dir / "c.jsonl").string() + " -o " + (dir / "c.out").string() + flags, dir);
    CHECK(r.rc == 2);
    CHECK(r.err.find("c.out.partial: is being written by another quotegraph run (locked)") != std::string::npos);
    CHECK(slurp(dir / "c.out.partial") == "{\"half\":1}\n");
    CHECK(!fs::exists(dir / "c.out"));
  }
  ::close(partial);
  // Released: the stale partial is replaced and the run completes.
  Run r = run("corpus " + (dir / "c.jsonl").string() + " -o " + (dir / "c.out").string(), dir);
  CHECK(r.rc == 0);
  CHECK(slurp(dir / "c.out").find("\"r2\"") != std::string::npos);
  CHECK(slurp(dir / "c.out").find("half") == std::string::npos);

  // A whole-file output: the existing target is locked while it is replaced.
  write(dir / "out.txt", "old");
  int target = ::open((dir / "out.txt").c_str(), O_RDONLY);
  REQUIRE(::flock(target, LOCK_EX | LOCK_NB) == 0);
  r = run("analyze " + (dir / "a.txt").string() + " -o " + (dir / "out.txt").string(), dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("out.txt: is being written by another quotegraph run (locked)") != std::string::npos);
  CHECK(slurp(dir / "out.txt") == "old");
  ::close(target);
  CHECK(listing(dir) == std::set<std::string>{"a.txt", "c.jsonl", "c.out", "out.txt"});
  fs::remove_all(dir);
}

// ------------------------------------------ case 8: a run that produced nothing

TEST_CASE("faults -o (case 8): a run whose inputs all fail keeps the previous output", "[faults][cli]") {
  fs::path dir = temp_dir("nothing");
  const std::string missing = (dir / "missing.txt").string();
  write(dir / "out", "previous good output\n");
  for (const std::string& cmd : {"analyze " + missing, "analyze --format json " + missing + " " + missing,
                                 "graph " + missing, "stats " + missing, "echo " + missing,
                                 "corpus " + (dir / "missing.jsonl").string()}) {
    INFO(cmd);
    Run r = run(cmd + " -o " + (dir / "out").string(), dir);
    CHECK(r.rc == 2);
    CHECK(r.err.find("missing") != std::string::npos);
    CHECK(slurp(dir / "out") == "previous good output\n");
    CHECK(listing(dir) == std::set<std::string>{"out"});
  }
  fs::remove_all(dir);
}

// ------------------------------------------------ case 2: threads that fail

// Thread stacks come from the address space: with a 3.8 GB stack limit (each
// thread's default stack) and 5.7 or 9.5 GB of address space, the system
// refuses the second or third thread. AddressSanitizer reserves terabytes of
// address space, so the case cannot run under it.
#if defined(__SANITIZE_ADDRESS__)
#define QG_FAULTS_NO_VM_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QG_FAULTS_NO_VM_LIMIT 1
#endif
#endif

TEST_CASE("faults threads (case 2): workers that cannot start mean fewer threads and a warning, same output",
          "[faults][cli]") {
#ifdef QG_FAULTS_NO_VM_LIMIT
  WARN("address-space limits do not work under AddressSanitizer; skipped");
  return;
#endif
  fs::path dir = temp_dir("threads");
  std::string corpus;
  for (int i = 0; i < 40; ++i) corpus += jsonl_record("r" + std::to_string(i), kArticle);
  write(dir / "c.jsonl", corpus);
  Run r = run("corpus " + (dir / "c.jsonl").string() + " --threads 1 -o " + (dir / "expected.jsonl").string(), dir);
  REQUIRE(r.rc == 0);
  const std::string expected = slurp(dir / "expected.jsonl");
  REQUIRE(!expected.empty());
  for (auto [vm_kb, started] : {std::pair{6000000, "only 0 of 8 worker threads could start"},
                                std::pair{10000000, "only 1 of 8 worker threads could start"}}) {
    INFO(vm_kb);
    fs::remove(dir / "out.jsonl");
    std::string cmd = "sh -c 'ulimit -s 4000000 && ulimit -v " + std::to_string(vm_kb) + " && exec " + QG_CLI_PATH +
                      " corpus " + (dir / "c.jsonl").string() + " --threads 8 -o " + (dir / "out.jsonl").string() +
                      "' 2>'" + (dir / "err.txt").string() + "'";
    int status = std::system(cmd.c_str());
    std::string err = slurp(dir / "err.txt");
    INFO(err);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(err.find(started) != std::string::npos);
    CHECK(err.find("terminate") == std::string::npos);
    CHECK(slurp(dir / "out.jsonl") == expected);
  }
  fs::remove_all(dir);
}

// ------------------------------------------------------- case 4: cut gzip

namespace {

std::string gzip_member(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::vector<nlohmann::json> records_of(const std::string& jsonl) {
  std::vector<nlohmann::json> out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace

TEST_CASE("faults gzip (case 4): a stream cut inside a member is a truncated record naming the byte; exit 2",
          "[faults][cli][gzip]") {
  fs::path dir = temp_dir("gzip");
  std::string first, second;
  for (int i = 0; i < 300; ++i)
    (i < 150 ? first : second) += jsonl_record("r" + std::to_string(i), "Mayor Lena Fischer said bridge " +
                                                                          std::to_string(i) + " would reopen in May.\n");
  const std::string m1 = gzip_member(first), m2 = gzip_member(second);
  const std::string whole = m1 + m2;  // two members, as `cat a.gz b.gz` makes
  write(dir / "whole.jsonl.gz", whole);
  // Cut inside the first member's data, inside the second member's header,
  // its data, and its 8-byte CRC/length trailer.
  for (size_t cut : {m1.size() / 2, m1.size() + 5, m1.size() + m2.size() / 2, whole.size() - 3}) {
    INFO("cut at " << cut << " of " << whole.size());
    write(dir / "cut.jsonl.gz", whole.substr(0, cut));
    for (const char* strict : {"", " --strict"}) {
      Run r = run("corpus --no-echo " + (dir / "cut.jsonl.gz").string() + " -o " + (dir / "out.jsonl").string() + strict, dir);
      CHECK(r.rc == 2);
      auto recs = records_of(slurp(dir / "out.jsonl"));
      REQUIRE(!recs.empty());
      const nlohmann::json& last = recs.back();
      CHECK(last.value("kind", "") == "truncated");
      CHECK(last.value("error", "").find("at compressed byte " + std::to_string(cut)) != std::string::npos);
      CHECK(last.value("line", 0) == static_cast<int>(recs.size()));
      // every record before the cut came out, in order, none torn into bad JSON
      for (size_t i = 0; i + 1 < recs.size(); ++i) {
        INFO(i);
        CHECK(!recs[i].contains("error"));
        CHECK(recs[i]["corpus"]["id"] == "r" + std::to_string(i));
      }
      CHECK(r.err.find("cut.jsonl.gz: " + std::to_string(recs.size()) + " records (1 error, truncated)") !=
            std::string::npos);
    }
  }

  // Cut exactly at the member boundary the stream is valid gzip: no error can
  // be known, but the per-input summary shows the short file beside a whole one.
  write(dir / "short.jsonl.gz", m1);
  Run r = run("corpus --no-echo --strict " + (dir / "short.jsonl.gz").string() + " " + (dir / "whole.jsonl.gz").string() +
                  " -o " + (dir / "out.jsonl").string(),
              dir);
  CHECK(r.rc == 0);
  CHECK(r.err.find("short.jsonl.gz: 150 records\n") != std::string::npos);
  CHECK(r.err.find("whole.jsonl.gz: 300 records\n") != std::string::npos);

  // A bad CRC: the data is not trusted, the record says where it broke.
  std::string corrupt = whole;
  corrupt[m1.size() - 6] = static_cast<char>(corrupt[m1.size() - 6] ^ 0xFF);
  write(dir / "crc.jsonl.gz", corrupt);
  r = run("corpus --no-echo " + (dir / "crc.jsonl.gz").string() + " -o " + (dir / "crc.out").string(), dir);
  CHECK(r.rc == 2);
  auto recs = records_of(slurp(dir / "crc.out"));
  REQUIRE(!recs.empty());
  CHECK(recs.back().value("kind", "") == "unreadable");
  CHECK(recs.back().value("error", "").find("corrupt gzip data at compressed byte") != std::string::npos);
  CHECK(recs.back().value("error", "").find("incorrect data check") != std::string::npos);
  fs::remove_all(dir);
}

// ------------------------------------------------- case 1: the HTML budget

namespace {

// gumbo's depth of the deepest element below <body> (<body> children are 1).
size_t gumbo_depth(const std::string& html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  struct Frame {
    const GumboNode* node;
    size_t depth;
  };
  std::vector<Frame> stack{{out->root, 0}};
  size_t deepest = 0;
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (f.node->type != GUMBO_NODE_ELEMENT) continue;
    deepest = std::max(deepest, f.depth);
    const GumboVector& c = f.node->v.element.children;
    for (unsigned i = 0; i < c.length; ++i) stack.push_back({static_cast<const GumboNode*>(c.data[i]), f.depth + 1});
  }
  gumbo_destroy_output(&options, out);
  return deepest > 0 ? deepest - 1 : 0;  // <html> is 0, <body> 1
}

std::string repeat(const std::string& unit, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += unit;
  return s;
}

size_t model_depth(const std::string& html) {
  quotegraph::corpus::HtmlBudget unlimited;
  unlimited.max_depth = unlimited.max_nodes = SIZE_MAX;
  unlimited.max_work = UINT64_MAX;
  return quotegraph::corpus::measure_html(html, unlimited).depth;
}

}  // namespace

TEST_CASE("faults html (case 1): depth is counted the way gumbo nests, stray end tags included", "[faults][html]") {
  using quotegraph::corpus::check_html_budget;
  using quotegraph::corpus::measure_html;
  // The input: a stray </x> is ignored by gumbo, so 20,000 spans nest.
  const std::string spans = repeat("<span></x>", 20000);
  auto shape = measure_html(spans);
  CHECK(!shape.within_budget);
  CHECK(shape.exceeded == quotegraph::corpus::HtmlShape::kDepth);
  CHECK(shape.at_byte == 10000);  // the 1,001st span
  Status st = check_html_budget(spans);
  CHECK(!st.ok());
  CHECK(st.message().find("HTML over budget at byte 10000: elements nested more than 1000 deep") != std::string::npos);
  // Each class of markup that deepens gumbo's tree, checked against gumbo itself.
  for (const std::string& unit : {std::string("<span></x>"), std::string("<x><g>x</x>"),      // unknown tags are one tag to gumbo 0.10
                                  std::string("<p><b id=N></p>x"),                             // formatting elements reopened
                                  std::string("<table><td>"), std::string("<table><col><td><table>"),  // implied tbody, tr, colgroup
                                  std::string("<frameset>"), std::string("<svg><g><style><x>"),       // frameset, foreign content
                                  std::string("<select><svg><p>"), std::string("<div><form></form>")}) {
    INFO(unit);
    std::string html;
    for (int i = 0; i < 300; ++i) {
      std::string u = unit;
      if (size_t at = u.find("=N"); at != std::string::npos) u.replace(at + 1, 1, std::to_string(i));  // defeat Noah's Ark
      html += u;
    }
    CHECK(model_depth(html) + 2 >= gumbo_depth(html));
  }
  // Balanced or implicitly closed markup stays shallow.
  CHECK(model_depth(repeat("<p>para", 5000)) == 1);
  CHECK(model_depth(repeat("<ul><li>a<li>b</ul>", 2000)) == 2);
  CHECK(model_depth(repeat("<b>x</b><i>y</i>", 5000)) == 1);
  CHECK(model_depth(repeat("<table><tr><td>a<td>b</table>", 2000)) == 4);
  CHECK(check_html_budget(repeat("<div><p>text</p></div>", 20000)).ok());
  // Text inside <script> and <textarea> holds no tags.
  CHECK(model_depth("<script>" + repeat("<div>", 5000) + "</script>") == 1);
}

TEST_CASE("faults html (case 1): the model is never shallower than gumbo on repeated random markup",
          "[faults][html][property]") {
  const char* tags[] = {"p", "div", "span", "b", "i", "a", "li", "ul", "td", "tr", "table", "th", "tbody", "font",
                        "em", "section", "h1", "h2", "dd", "dt", "svg", "math", "g", "x", "y", "select", "option",
                        "optgroup", "script", "style", "title", "textarea", "br", "img", "caption", "object",
                        "marquee", "button", "form", "nobr", "pre", "foreignobject", "desc", "mi", "body", "html",
                        "head", "template", "frameset", "iframe", "noscript", "plaintext", "colgroup", "col",
                        "thead", "hr", "main", "applet", "input", "frame"};
  std::mt19937 rng(30);
  int deep = 0;
  for (int iter = 0; iter < 600; ++iter) {
    std::string unit;
    for (int k = 0, len = 1 + static_cast<int>(rng() % 7); k < len; ++k) {
      unsigned r = rng() % 10;
      const char* t = tags[rng() % (sizeof tags / sizeof *tags)];
      if (r < 5) unit += std::string("<") + t + (rng() % 3 == 0 ? " id=" + std::to_string(rng() % 100000) : "") + (rng() % 10 == 0 ? "/>" : ">");
      else if (r < 8) unit += std::string("</") + t + ">";
      else unit += "x";
    }
    std::string html = repeat(unit, 150);
    size_t g = gumbo_depth(html);
    if (g >= 30) ++deep;
    INFO(unit);
    CHECK(model_depth(html) + 2 >= g);
  }
  CHECK(deep > 20);  // the sample does contain markup that nests
}

TEST_CASE("faults html (case 1): a record over budget is an error record, the run goes on, --resume passes it",
          "[faults][cli][html]") {
  fs::path dir = temp_dir("html_budget");
  const std::string hostile = repeat("<span></x>", 160000);  // 1.6 MB, as in the issue
  std::string corpus = jsonl_record("r0", kArticle);
  {
    nlohmann::json j;
    j["id"] = "hostile";
    j["raw_html"] = hostile;
    corpus += j.dump() + "\n";
  }
  corpus += jsonl_record("r2", kArticle);
  write(dir / "c.jsonl", corpus);
  write(dir / "page.html", hostile);
  const std::string out = (dir / "out.jsonl").string();
  Run r = run("corpus --no-echo " + (dir / "c.jsonl").string() + " " + (dir / "page.html").string() + " -o " + out, dir);
  CHECK(r.rc == 0);
  const std::string full = slurp(out);
  auto recs = records_of(full);
  REQUIRE(recs.size() == 4);
  CHECK(recs[0]["corpus"]["id"] == "r0");
  CHECK(recs[1].value("kind", "") == "over_budget");
  CHECK(recs[1].value("error", "").find("raw_html: HTML over budget at byte 10000") != std::string::npos);
  CHECK(recs[2]["corpus"]["id"] == "r2");
  CHECK(recs[3].value("kind", "") == "over_budget");
  CHECK(recs[3].value("path", "") == (dir / "page.html").string());
  r = run("corpus --no-echo --strict " + (dir / "c.jsonl").string() + " -o " + (dir / "strict.jsonl").string(), dir);
  CHECK(r.rc == 2);
  // Killed after the first record, or right after the hostile one (a torn
  // line behind it): --resume gives the same output and passes the record.
  std::vector<std::string> lines;
  {
    std::istringstream in(full);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line + "\n");
  }
  for (const std::string& partial : {lines[0], lines[0] + lines[1] + "{\"quotegraph\":\"0.1.0\",\"sch"}) {
    write(dir / "out.jsonl.partial", partial);
    fs::remove(out);
    r = run("corpus --no-echo --resume " + (dir / "c.jsonl").string() + " " + (dir / "page.html").string() + " -o " + out,
            dir);
    CHECK(r.rc == 0);
    CHECK(slurp(out) == full);
  }
  fs::remove_all(dir);
}

// ------------------------------------------- case 6: -o naming an input

TEST_CASE("faults -o (case 6): corpus refuses an -o that is one of its inputs", "[faults][cli]") {
  fs::path dir = temp_dir("same");
  const std::string corpus = jsonl_record("r1", kArticle);
  write(dir / "in.jsonl", corpus);
  fs::create_symlink("in.jsonl", dir / "alias.jsonl");
  for (const char* o : {"in.jsonl", "alias.jsonl"}) {
    for (const char* flags : {"", " --resume"}) {
      INFO(o << flags);
      Run r = run("corpus " + (dir / "in.jsonl").string() + " -o " + (dir / o).string() + flags, dir);
      CHECK(r.rc == 1);
      CHECK(r.err.find("is also an input") != std::string::npos);
      CHECK(slurp(dir / "in.jsonl") == corpus);
    }
  }
  CHECK(listing(dir) == std::set<std::string>{"alias.jsonl", "in.jsonl"});
  fs::remove_all(dir);
}

// ---------------------------------------------------- case 10: escaping

TEST_CASE("faults escaping (case 10): control bytes never reach the terminal or the SVG; CSV formulas are "
          "neutralised",
          "[faults][cli]") {
  fs::path dir = temp_dir("escape");
  const std::string article =
      "\"\x1b[31mWe will win\x1b[0m \xc2\x9b" "2J,\" Mayor Lena Fischer said on Monday.\n\n"
      "\"The plan is \x01 fine,\" Police Chief Tom Berg said.\n";
  write(dir / "ctl.txt", article);
  Run r = run("analyze " + (dir / "ctl.txt").string(), dir);
  REQUIRE(r.rc == 0);
  const std::string text = slurp(dir / "stdout.txt");
  CHECK(text.find("\\x1B[31mWe will win\\x1B[0m \\u009B2J") != std::string::npos);
  CHECK(text.find("\\x01 fine") != std::string::npos);
  CHECK(std::count_if(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }) == 0);
  CHECK(text.find("\xc2\x9b") == std::string::npos);

  r = run("graph --statements --format svg " + (dir / "ctl.txt").string(), dir);
  REQUIRE(r.rc == 0);
  const std::string svg = slurp(dir / "stdout.txt");
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(std::count_if(svg.begin(), svg.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
        }) == 0);

  // A cell a spreadsheet would evaluate starts with ' (the path here).
  write(dir / "=1+2.txt", kArticle);
  // relative, so the path cell starts with '='
  std::string cmd = "cd '" + dir.string() + "' && " + QG_CLI_PATH + " analyze --format csv '=1+2.txt' > csv.out";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string csv = slurp(dir / "csv.out");
  CHECK(csv.find("\r\n\"'=1+2.txt\",a1,") != std::string::npos);
  CHECK(csv.find("\r\n\"=1+2.txt") == std::string::npos);
  fs::remove_all(dir);
}

// -------------------------------------------------- case 10: input size cap

TEST_CASE("faults --max-mb (case 10): an input over the cap is refused without being read into memory",
          "[faults][cli]") {
  fs::path dir = temp_dir("maxmb");
  std::string big;
  while (big.size() < (3u << 20)) big += "Mayor Lena Fischer said the bridge would reopen in May.\n\n";
  write(dir / "big.txt", big);
  write(dir / "small.txt", kArticle);
  Run r = run("analyze --max-mb 2 " + (dir / "big.txt").string() + " " + (dir / "small.txt").string(), dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("big.txt: larger than the input cap of 2 MiB (--max-mb); not read") != std::string::npos);
  CHECK(slurp(dir / "stdout.txt").find("Maria Okafor") != std::string::npos);  // the other file still analysed
  r = run("analyze --max-mb 4 " + (dir / "big.txt").string(), dir);
  CHECK(r.rc == 0);
  // A FIFO that never ends (a writer that keeps going) stops at the cap.
  fs::path fifo = dir / "endless";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  std::thread writer([&] {
    int fd = ::open(fifo.c_str(), O_WRONLY);
    std::string chunk(1 << 16, 'a');
    while (fd >= 0 && ::write(fd, chunk.data(), chunk.size()) > 0) {
    }
    if (fd >= 0) ::close(fd);
  });
  ::signal(SIGPIPE, SIG_IGN);
  r = run("analyze --max-mb 1 " + fifo.string(), dir);
  writer.join();
  CHECK(r.rc == 2);
  CHECK(r.err.find("endless: larger than the input cap of 1 MiB") != std::string::npos);
  // corpus: one record over the cap is an error record; the others go on.
  nlohmann::json j;
  j["id"] = "huge";
  j["text"] = big;
  write(dir / "c.jsonl", jsonl_record("r0", kArticle) + j.dump() + "\n" + jsonl_record("r2", kArticle));
  r = run("corpus --no-echo --max-mb 2 " + (dir / "c.jsonl").string() + " " + (dir / "big.txt").string() + " -o " +
              (dir / "out.jsonl").string(),
          dir);
  CHECK(r.rc == 0);
  auto recs = records_of(slurp(dir / "out.jsonl"));
  REQUIRE(recs.size() == 4);
  CHECK(recs[0]["corpus"]["id"] == "r0");
  CHECK(recs[1].value("kind", "") == "over_budget");
  CHECK(recs[1].value("error", "").find("c.jsonl:2: a record larger than the input cap of 2 MiB") != std::string::npos);
  CHECK(recs[2]["corpus"]["id"] == "r2");
  CHECK(recs[3].value("kind", "") == "over_budget");
  fs::remove_all(dir);
}

// ------------------------------------------ case 6: --resume checks the partial

TEST_CASE("faults --resume (case 6): a partial output from other inputs, or inputs that changed, is refused",
          "[faults][cli]") {
  fs::path dir = temp_dir("resume");
  std::string a, b;
  for (int i = 0; i < 5; ++i) a += jsonl_record("a" + std::to_string(i), kArticle);
  for (int i = 0; i < 5; ++i) b += jsonl_record("b" + std::to_string(i), kArticle);
  write(dir / "b.jsonl", b);
  const std::string out = (dir / "out.jsonl").string(), partial = out + ".partial";
  const std::string inputs = (dir / "a.jsonl").string() + " " + (dir / "b.jsonl").string();
  auto lines_of = [](const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) v.push_back(line + "\n");
    return v;
  };

  // a.jsonl briefly unreadable: one error record for it, then b's five.
  Run r = run("corpus --no-echo " + inputs + " -o " + out, dir);
  CHECK(r.rc == 2);
  auto first_run = lines_of(slurp(out));
  REQUIRE(first_run.size() == 6);
  // Killed after three records; meanwhile a.jsonl came back.
  write(dir / "a.jsonl", a);
  fs::remove(out);
  write(partial, first_run[0] + first_run[1] + first_run[2]);
  r = run("corpus --no-echo --resume " + inputs + " -o " + out, dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("does not belong to these inputs: its record 1 came from " + (dir / "a.jsonl").string() +
                   ":0, but record 1 of the inputs is " + (dir / "a.jsonl").string() + ":1") != std::string::npos);
  CHECK(slurp(partial) == first_run[0] + first_run[1] + first_run[2]);  // kept as it was
  CHECK(!fs::exists(out));
  // An input that grew between the runs: the first record still matches, the
  // last no longer does.
  write(dir / "a.jsonl", a.substr(0, a.find('\n') + 1));
  fs::remove(partial);
  r = run("corpus --no-echo " + inputs + " -o " + out, dir);
  REQUIRE(r.rc == 0);
  auto short_run = lines_of(slurp(out));
  fs::remove(out);
  write(partial, short_run[0] + short_run[1] + short_run[2]);
  write(dir / "a.jsonl", a);
  r = run("corpus --no-echo --resume " + inputs + " -o " + out, dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("its record 3 came from " + (dir / "b.jsonl").string() + ":2, but record 3 of the inputs is " +
                   (dir / "a.jsonl").string() + ":3") != std::string::npos);
  CHECK(!fs::exists(out));

  // The whole run, then a partial of it resumed: identical, nothing lost or doubled.
  r = run("corpus --no-echo " + inputs + " -o " + out, dir);
  REQUIRE(r.rc == 0);
  const std::string whole = slurp(out);
  auto lines = lines_of(whole);
  REQUIRE(lines.size() == 10);
  fs::remove(out);
  write(partial, lines[0] + lines[1] + lines[2] + lines[3] + lines[4] + lines[5] + lines[6]);
  r = run("corpus --no-echo --resume " + inputs + " -o " + out, dir);
  CHECK(r.rc == 0);
  CHECK(slurp(out) == whole);

  // A partial written for other inputs, one that is not corpus output, and
  // one longer than the inputs are all refused.
  for (const std::string& foreign : {lines[5] + lines[6], std::string("hello\n"), whole + lines[0]}) {
    fs::remove(out);
    write(partial, foreign);
    r = run("corpus --no-echo --resume " + inputs + " -o " + out, dir);
    INFO(r.err);
    CHECK(r.rc == 2);
    CHECK((r.err.find("does not belong to these inputs") != std::string::npos ||
           r.err.find("is not a record of quotegraph corpus output") != std::string::npos));
    CHECK(slurp(partial) == foreign);
    CHECK(!fs::exists(out));
  }
  fs::remove_all(dir);
}

TEST_CASE("faults -o (case 3): -o /dev/stdout writes through the shell's redirection, appending with >>",
          "[faults][cli]") {
  fs::path dir = temp_dir("devstdout");
  write(dir / "a.txt", kArticle);
  write(dir / "log.txt", "earlier line\n");
  struct stat before {};
  REQUIRE(::stat((dir / "log.txt").c_str(), &before) == 0);
  for (const char* cmd : {"analyze", "corpus"}) {
    std::string line = std::string(QG_CLI_PATH) + " " + cmd + " '" + (dir / "a.txt").string() + "' -o /dev/stdout >> '" +
                       (dir / "log.txt").string() + "' 2>/dev/null";
    INFO(line);
    CHECK(std::system(line.c_str()) == 0);
  }
  struct stat after {};
  REQUIRE(::stat((dir / "log.txt").c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);  // written into, not replaced
  const std::string log = slurp(dir / "log.txt");
  CHECK(log.rfind("earlier line\n", 0) == 0);
  CHECK(log.find("Maria Okafor") != std::string::npos);
  CHECK(log.find("\"corpus\"") != std::string::npos);
  // through a pipe, where /dev/stdout resolves to no path
  std::string piped = std::string(QG_CLI_PATH) + " analyze '" + (dir / "a.txt").string() + "' -o /dev/stdout | cat > '" +
                      (dir / "piped.txt").string() + "'";
  CHECK(std::system(piped.c_str()) == 0);
  CHECK(slurp(dir / "piped.txt").find("Maria Okafor") != std::string::npos);
  fs::remove_all(dir);
}

// ------------------------------------- case 10: merge's counts, eval's readers

namespace {

// `quotegraph graph --format json` of one article, as a part for merge.
nlohmann::json graph_part(const fs::path& dir, const std::string& name) {
  write(dir / (name + ".txt"), kArticle);
  Run r = run("graph --format json -o " + (dir / (name + ".json")).string() + " " + (dir / (name + ".txt")).string(), dir);
  REQUIRE(r.rc == 0);
  return nlohmann::json::parse(slurp(dir / (name + ".json")));
}

nlohmann::json& node(nlohmann::json& g, const std::string& id) {
  for (auto& n : g["nodes"])
    if (n["id"] == id) return n;
  FAIL("no node " << id);
  return g;
}

nlohmann::json& said_link(nlohmann::json& g) {
  for (auto& l : g["links"])
    if (l["relation"] == "said" && !l["evidence"].empty()) return l;
  FAIL("no said link");
  return g;
}

// `quotegraph ARGS` under an address-space limit of `vm_kb`, so a reader that
// builds gigabytes fails instead of passing; no limit under AddressSanitizer.
Run run_limited(const std::string& args, const fs::path& dir, long vm_kb) {
  fs::path err = dir / "stderr.txt";
#ifdef QG_FAULTS_NO_VM_LIMIT
  std::string limit;
  (void)vm_kb;
#else
  std::string limit = "ulimit -v " + std::to_string(vm_kb) + " && ";
#endif
  std::string cmd = "bash -c '" + limit + "exec " + QG_CLI_PATH + " " + args + "' >'" + (dir / "stdout.txt").string() +
                    "' 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  Run r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  fs::remove(err);
  return r;
}

}  // namespace

TEST_CASE("faults merge (case 10): a count whose sum overflows 64 bits is an error naming the part, never wrapped",
          "[faults][cli]") {
  fs::path dir = temp_dir("merge_overflow");
  nlohmann::json a = graph_part(dir, "a"), b = graph_part(dir, "b");
  const std::string out = (dir / "out.json").string();
  auto merge = [&](const std::string& parts) { return run("merge " + parts + " -o " + out, dir); };
  // Normal parts: counts add.
  Run r = merge((dir / "a.json").string() + " " + (dir / "b.json").string());
  REQUIRE(r.rc == 0);
  nlohmann::json merged = nlohmann::json::parse(slurp(out));
  CHECK(node(merged, "entity:maria okafor")["mentions"] == 4);
  fs::remove(out);
  // A node's mentions: b makes the sum overflow, and b is named.
  node(b, "entity:maria okafor")["mentions"] = UINT64_MAX;
  write(dir / "b.json", b.dump());
  r = merge((dir / "a.json").string() + " " + (dir / "b.json").string());
  CHECK(r.rc == 2);
  CHECK(r.err.find("b.json: node \"entity:maria okafor\": \"mentions\" overflows a 64-bit count") != std::string::npos);
  CHECK(!fs::exists(out));  // nothing written
  // A link's weight, two parts of 2^63 each: the second is named.
  said_link(a)["weight"] = uint64_t{1} << 63;
  write(dir / "a2.json", a.dump());
  write(dir / "a3.json", a.dump());
  r = merge((dir / "a2.json").string() + " " + (dir / "a3.json").string());
  CHECK(r.rc == 2);
  CHECK(r.err.find("a3.json: link \"entity:maria okafor\" -> \"document:") != std::string::npos);
  CHECK(r.err.find("\"weight\" overflows a 64-bit count") != std::string::npos);
  // Where unify_entities joins two entities whose counts overflow together.
  nlohmann::json c = graph_part(dir, "c");
  node(c, "entity:maria okafor")["mentions"] = uint64_t{1} << 63;
  node(c, "entity:port authority")["mentions"] = uint64_t{1} << 63;
  write(dir / "c.json", c.dump());
  write(dir / "aliases.tsv", "port authority\tMaria Okafor\n");
  r = run("merge --aliases " + (dir / "aliases.tsv").string() + " " + (dir / "c.json").string() + " -o " + out, dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("\"mentions\" overflows a 64-bit count where entities are unified") != std::string::npos);
  CHECK(!fs::exists(out));
  // In the library: merge saturates, merge_checked names the part.
  quotegraph::graph::Graph g1, g2;
  g1.nodes.push_back({});
  g1.nodes[0].key = "entity:x";
  g1.nodes[0].mentions = UINT64_MAX - 1;
  g2 = g1;
  g2.nodes[0].mentions = 5;
  CHECK(quotegraph::graph::merge(g1, g2).nodes[0].mentions == UINT64_MAX);
  const std::vector<quotegraph::graph::Graph> parts = {g1, g2};
  const std::vector<std::string> names = {"one.json", "two.json"};
  auto checked = quotegraph::graph::merge_checked(parts, names);
  REQUIRE(!checked.ok());
  CHECK(checked.status().message().find("two.json: node \"entity:x\": \"mentions\"") == 0);
  fs::remove_all(dir);
}

TEST_CASE("faults merge (case 10): a number wider than its field is refused, never truncated", "[faults][cli]") {
  fs::path dir = temp_dir("merge_wide");
  nlohmann::json a = graph_part(dir, "a");
  // An offset past 4 GiB read into 32 bits would point at other text.
  nlohmann::json wide = a;
  said_link(wide)["evidence"][0]["start"] = (uint64_t{1} << 32) + 7;
  write(dir / "wide.json", wide.dump());
  Run r = run("merge " + (dir / "wide.json").string() + " -o " + (dir / "out.json").string(), dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("wide.json: links[") != std::string::npos);
  CHECK(r.err.find("\"start\" is 4294967303, more than 32 bits hold") != std::string::npos);
  CHECK(!fs::exists(dir / "out.json"));
  wide = a;
  node(wide, "document:" + (dir / "a.txt").string())["relay_depth"] = uint64_t{1} << 40;
  write(dir / "wide.json", wide.dump());
  r = run("merge " + (dir / "wide.json").string(), dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("\"relay_depth\" is 1099511627776, more than 32 bits hold") != std::string::npos);
  // Repeated links in one part whose weights overflow together.
  wide = a;
  nlohmann::json link = said_link(wide);
  link["weight"] = UINT64_MAX;
  wide["links"].push_back(link);
  wide["links"].push_back(link);
  write(dir / "wide.json", wide.dump());
  r = run("merge " + (dir / "wide.json").string(), dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("wide.json: link \"entity:maria okafor\"") != std::string::npos);
  CHECK(r.err.find("of a repeated link overflows a 64-bit count") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("faults eval (case 10): a hostile .ann is an error naming the file and line, in bounded memory",
          "[faults][cli]") {
  fs::path dir = temp_dir("eval_hostile");
  std::string article;
  while (article.size() < 20000) article += std::string(kArticle) + "\n";
  write(dir / "art.txt", article);
  const size_t n = article.size() - 10;  // ASCII: code points are bytes
  const std::string whole = "0 " + std::to_string(n);
  auto ann = [&](const std::string& name, const std::string& body) {
    write(dir / (name + ".ann"), body);
    return "eval --gold " + (dir / (name + ".ann")).string() + " --text " + (dir / "art.txt").string();
  };
  // Each ~4 MB; before the bounds they took 1.4-4 GB (bad_alloc under 4 GB).
  std::string lines, frags = "T1\tContent " + whole, events = "T1\tContent " + whole + "\nT2\tSource 0 5\n";
  for (int i = 1; lines.size() < (4u << 20); ++i) lines += "T" + std::to_string(i) + "\tContent " + whole + "\n";
  while (frags.size() < (4u << 20)) frags += ";" + whole;
  for (int i = 1; events.size() < (4u << 20); ++i) {
    events += "E" + std::to_string(i) + "\tAttribution:T2 Source:T2";
    for (int k = 0; k < 20; ++k) events += " Content:T1";
    events += "\n";
  }
  struct Case {
    std::string name, body, message;
  };
  const std::vector<Case> cases = {
      {"lines", lines, "lines.ann: line 33: the annotations quote more than 32 times the article's"},
      {"frags", frags + "\n",
       "frags.ann: line 1: " + std::to_string(std::count(frags.begin(), frags.end(), ';') + 1) +
           " pieces in one annotation, more than 256"},
      {"events", events, "events.ann: line 4: the annotations quote more than 32 times"},
      {"offsets", "T1\tContent 0 99999999999\n", "offsets.ann: line 1: offsets 0 99999999999 outside the article's"},
      {"args", "T1\tSource 0 5\nE1\tAttribution:T1" + [] {
         std::string s;
         for (int k = 0; k < 300; ++k) s += " Content:T1";
         return s;
       }() + "\n", "args.ann: line 2: more than 256 arguments in one event"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Run r = run_limited(ann(c.name, c.body), dir, 1000000);
    CHECK(r.rc == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(r.err.find("bad_alloc") == std::string::npos);
  }
  // 4 MB of empty lines: nothing to score, and no 16 bytes a line.
  Run r = run_limited(ann("empty", std::string(4u << 20, '\n')), dir, 1000000);
  CHECK(r.rc == 0);
  // The gold file is an input like the others: --max-mb refuses it unread.
  r = run(ann("lines", lines) + " --max-mb 1", dir);
  CHECK(r.rc == 2);
  CHECK(r.err.find("lines.ann: larger than the input cap of 1 MiB (--max-mb); not read") != std::string::npos);
  // Texts differing from the article: 20 warnings and one line for the rest.
  std::string differ;
  for (int i = 1; i <= 50; ++i) differ += "T" + std::to_string(i) + "\tSource 0 5\tnot this\n";
  r = run(ann("differ", differ), dir);
  CHECK(r.rc == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 21);
  CHECK(r.err.find("differ.ann: 30 more T texts differ from the article") != std::string::npos);
  fs::remove_all(dir);
}
