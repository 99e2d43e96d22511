// Name data for entity kinds: ISO 3166 (iso-codes) at run time, the lists below
// built in.
#include "entity/gazetteer.hpp"
#include "entity/name_words.hpp"

#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <simdjson.h>

#include "text/tokenize.hpp"
#include "text/word_table.hpp"

#ifndef QG_ISO_CODES_DIR
#define QG_ISO_CODES_DIR "/usr/share/iso-codes/json"
#endif

namespace quotegraph::entity {
namespace {

// National capitals and large cities that news datelines and stories name
// most, English spellings (UN member capitals; US cities over ~500,000 people
// in the 2020 census plus state capitals often in the news). Folded.
constexpr std::string_view kCities[] = {
    "washington", "new york", "new york city", "los angeles", "chicago", "houston", "phoenix", "philadelphia",
    "san antonio", "san diego", "dallas", "san jose", "austin", "jacksonville", "fort worth", "columbus",
    "charlotte", "indianapolis", "san francisco", "seattle", "denver", "nashville", "oklahoma city", "el paso",
    "boston", "portland", "las vegas", "detroit", "memphis", "louisville", "baltimore", "milwaukee",
    "albuquerque", "tucson", "fresno", "sacramento", "atlanta", "miami", "cleveland", "new orleans", "tampa",
    "pittsburgh", "cincinnati", "st. louis", "orlando", "minneapolis", "raleigh", "richmond", "des moines",
    "flint", "charleston", "albany", "annapolis", "harrisburg", "springfield", "madison", "lansing",
    "tallahassee", "honolulu", "anchorage", "salt lake city", "omaha", "kansas city", "buffalo", "newark",
    "london", "paris", "berlin", "moscow", "beijing", "tokyo", "rome", "madrid", "lisbon", "brussels",
    "amsterdam", "the hague", "vienna", "geneva", "zurich", "bern", "stockholm", "oslo", "copenhagen",
    "helsinki", "warsaw", "prague", "budapest", "athens", "ankara", "istanbul", "kiev", "kyiv", "minsk",
    "tehran", "baghdad", "damascus", "beirut", "jerusalem", "tel aviv", "gaza", "cairo", "riyadh", "doha",
    "dubai", "abu dhabi", "kabul", "islamabad", "new delhi", "delhi", "mumbai", "dhaka", "bangkok", "hanoi",
    "manila", "jakarta", "seoul", "pyongyang", "shanghai", "hong kong", "taipei", "singapore", "sydney",
    "canberra", "melbourne", "ottawa", "toronto", "montreal", "vancouver", "mexico city", "havana", "caracas",
    "bogota", "lima", "santiago", "buenos aires", "brasilia", "rio de janeiro", "sao paulo", "nairobi",
    "lagos", "abuja", "johannesburg", "pretoria", "addis ababa", "tripoli", "tunis", "algiers", "rabat",
    "khartoum", "mogadishu", "aleppo", "mosul", "raqqa", "benghazi", "sochi", "munich", "frankfurt",
    "hamburg", "cologne", "ferguson", "baton rouge", "almaty",
    "astana", "nur-sultan", "yerevan", "tbilisi", "baku", "tashkent", "bishkek", "dushanbe", "davos"};

// AP-style state abbreviations and the postal forms news writes with periods.
constexpr std::string_view kStateAbbreviations[] = {
    "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.", "kan.",
    "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.",
    "n.m.", "n.y.", "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "tex.", "vt.",
    "va.", "wash.", "w.va.", "wis.", "wyo.", "d.c.", "u.s.", "u.k.", "u.s.a.", "usa", "uk", "mich", "calif",
    "fla", "penn", "tenn", "conn", "mass", "us", "okla", "vt", "tex", "wis", "wyo", "colo", "ariz", "ark",
    "ky", "minn", "mont", "neb", "nev"};

// Countries under the names news uses beside ISO's ("Russia", not "Russian
// Federation"; "Britain"), and regions ISO does not list.
constexpr std::string_view kPlaceNames[] = {
    "america", "turkey", "vatican", "britain", "great britain", "england", "scotland", "wales", "northern ireland", "russia",
    "iran", "syria", "south korea", "north korea", "korea", "vietnam", "laos", "bolivia", "venezuela",
    "tanzania", "moldova", "palestine", "taiwan", "macedonia", "czech republic", "ivory coast", "burma",
    "holland", "europe", "asia", "africa", "latin america", "south america", "north america",
    "central america", "middle east", "the middle east", "gulf", "persian gulf", "the west", "midwest",
    "the midwest", "new england", "balkans", "caucasus", "crimea", "donbas", "kurdistan", "siberia",
    "west bank", "gaza strip", "sinai", "silicon valley", "wall street", "capitol hill", "appalachia",
    "puerto rico", "guam", "the south", "deep south", "rust belt", "sun belt", "bible belt", "arctic",
    "antarctica", "atlantic", "pacific", "mediterranean", "scandinavia", "eurasia", "the u.s.",
    "united states of america"};

// Common given names in US and UK news by the gender most bearers have (the
// most frequent names of the US Social Security Administration's birth-name
// lists, 1930-2000, plus names common among public figures abroad). Names
// given to both sexes in large numbers are left out. Folded.
constexpr std::string_view kMaleNames[] = {
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "donald", "mark", "paul", "steven", "andrew", "kenneth",
    "joshua", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob",
    "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
    "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler",
    "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter", "ethan",
    "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin",
    "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "billy", "bruce", "albert", "willie",
    "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell",
    "elijah", "louis", "bobby", "philip", "johnny", "bill", "bernie", "bernard", "barack", "mitt", "mitch",
    "ted", "marco", "jeb", "mike", "tim", "tom", "jim", "bob", "dick", "newt", "rand", "chris", "ben", "harry",
    "rudy", "rudolph", "reince", "rick", "ron", "rob", "dan", "steve", "nick", "tony", "andy", "al", "jimmy",
    "hugh", "sean", "corey", "orrin", "chuck", "charlie", "vladimir",
    "xi", "recep", "benjamin", "francois", "emmanuel", "nicolas", "boris", "david", "tony", "gordon", "jean",
    "pierre", "jacques", "hans", "klaus", "wolfgang", "matteo", "silvio", "mariano", "pedro", "carlos",
    "luis", "jorge", "miguel", "enrique", "vicente", "hugo", "fidel", "raul", "ahmed", "mohammed",
    "muhammad", "mohamed", "ali", "omar", "hassan", "hussein", "abdullah", "bashar", "hosni", "recep",
    "narendra", "shinzo", "kim", "justin", "stephen", "malcolm", "kevin", "sergei", "sergey", "dmitry",
    "dmitri", "viktor", "petro", "nikol", "kassym-jomart", "antony", "ned", "jake", "josh", "luke", "mitchell",
    "stuart", "neil", "ian", "colin", "graham", "simon", "nigel", "jeremy", "keir", "ed", "eddie", "fred",
    "howard", "herbert", "leon", "martin", "marvin", "max", "nathaniel", "oliver", "oscar", "otto", "ray",
    "reggie", "sam", "seth", "terence", "terrence",
    "ty", "victor", "warren", "wesley", "wilbur", "xavier", "zach", "jared", "eric",
    "donny", "hunter", "beau", "lou", "sonny", "curtis", "darrell", "devin", "dwight", "earl", "glenn",
    "jon", "lloyd", "mario", "preet", "reid", "rex", "ross", "shaun", "travis", "trey", "trent",
    // the short forms news uses for the names above
    "jeff", "greg", "doug", "matt", "ken", "phil", "danny", "tommy", "joey", "nate", "stan", "vince", "walt",
    "wes", "zack", "larry", "lenny", "gregg", "mikey", "pete", "rich", "rick", "ricky", "rod", "stevie"};
constexpr std::string_view kFemaleNames[] = {
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
    "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
    "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
    "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
    "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather",
    "diane", "virginia", "julie", "joyce", "victoria", "olivia", "christina", "lauren", "joan",
    "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria",
    "ann", "teresa", "kathryn", "sara", "janice", "alice", "madison", "doris", "abigail", "julia",
    "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie",
    "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary", "hilary",
    "melania", "ivanka", "chelsea", "michelle", "nikki", "sarah", "condoleezza", "madeleine", "nancy",
    "kamala", "elizabeth", "dianne", "barbara", "kirsten", "tammy", "amy", "claire", "susan", "lisa",
    "kellyanne", "huma", "donna", "debbie", "kellie", "megyn", "katie", "katy", "kate", "liz", "beth", "meg",
    "ellen", "oprah", "angela", "theresa", "ségolène", "segolene", "christine", "federica",
    "ursula", "nicola", "hillary", "loretta", "janet", "sally", "samantha", "valerie", "anne", "annie",
    "irene", "jane", "jill", "kathy", "lori", "lynn", "mia", "molly", "paula", "peggy", "rita",
    "rosa", "ruby", "stacey", "sylvia", "tina", "vanessa", "wendy", "yvonne", "zoe", "carly",
    "gretchen", "jeanne", "jeanine", "kristen", "kristin", "mandy", "maxine", "mazie", "patty",
    "roberta", "shelley", "suzanne", "tulsi", "ilhan", "alexandria", "ayanna", "rashida", "gina",
    "haley", "ashley", "brooke", "erin", "jenna", "leah", "michele", "monica", "naomi", "priscilla", "rachael",
    // the short forms news uses for the names above
    "jenny", "jen", "becky", "cathy", "sue", "pam", "deb", "barb", "peg", "maggie", "nan", "tess",
    "kathie", "patsy", "suzy", "trish", "vicky", "vickie", "betsy", "bess", "nell", "nellie"};

// News forms of countries beside ISO's names and codes.
constexpr std::pair<std::string_view, std::string_view> kCountryForms[] = {
    {"america", "USA"}, {"united states of america", "USA"}, {"britain", "GBR"}, {"great britain", "GBR"},
    {"uk", "GBR"}, {"russia", "RUS"}, {"iran", "IRN"}, {"syria", "SYR"}, {"south korea", "KOR"},
    {"north korea", "PRK"}, {"vietnam", "VNM"}, {"turkey", "TUR"}, {"taiwan", "TWN"}, {"venezuela", "VEN"},
    {"bolivia", "BOL"}, {"tanzania", "TZA"}, {"laos", "LAO"}, {"moldova", "MDA"}, {"palestine", "PSE"},
    {"czech republic", "CZE"}, {"ivory coast", "CIV"}, {"burma", "MMR"}, {"holland", "NLD"},
    {"macedonia", "MKD"}};

// News outlets, wire services, pollsters and platforms that news names as
// sources, one word or more (folded).
constexpr std::string_view kOrganizations[] = {
    "reuters", "associated press", "ap", "afp", "agence france-presse", "bloomberg", "cnn", "fox", "fox news",
    "msnbc", "nbc", "cbs", "abc", "npr", "pbs", "bbc", "politico", "politifact", "breitbart", "huffpost",
    "huffington post", "slate", "newsweek", "axios", "vox", "buzzfeed", "twitter", "facebook", "google",
    "apple", "amazon", "microsoft", "netflix", "youtube", "instagram", "uber", "gallup", "pew", "quinnipiac",
    "rasmussen", "ipsos", "yougov", "fivethirtyeight", "realclearpolitics", "real clear politics", "wikileaks",
    "the hill", "usa today", "al jazeera", "xinhua", "tass", "interfax", "ria novosti", "kyodo", "yonhap",
    "cnbc", "c-span", "univision", "telemundo", "wells fargo", "goldman sachs", "morgan stanley", "exxon",
    "exxonmobil", "boeing", "walmart", "nato", "opec", "interpol", "hamas", "hezbollah", "taliban",
    "al-qaeda", "al qaeda", "isis", "isil", "islamic state"};

struct Data {
  std::unordered_map<std::string, EntityKind> kinds;
  std::unordered_map<std::string, std::string> countries;  // lower case, no periods -> alpha-3
  std::string dir;
};

// Lower case without periods: the form country_id() is asked with.
std::string plain(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

void add(Data& d, std::string_view name, EntityKind k) {
  std::string f = text::fold(name);
  if (f.starts_with("the ")) f.erase(0, 4);
  d.kinds.emplace(std::move(f), k);
}

// The iso-codes files (550 KB) are read on simdjson's tape: nlohmann's DOM of
// them was 53 M instructions, about 20 ms, at the start of every process.
using Element = simdjson::dom::element;

// A string member of an ISO record, or nothing.
std::optional<std::string_view> member(Element item, const char* key) {
  std::string_view s;
  if (item[key].get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
  return s;
}

// ISO's "Korea, Republic of" is no form news writes: such names are skipped
// (the common and official names, and kPlaceNames, cover them).
void add_iso(Data& d, Element item, const char* key) {
  auto s = member(item, key);
  if (!s || s->find(',') != std::string_view::npos || s->find('(') != std::string_view::npos) return;
  add(d, *s, EntityKind::kPlace);
}

// The records under `list` in an iso-codes file; none when it is missing or unreadable.
std::vector<Element> read_iso(simdjson::dom::parser& parser, const std::string& path, const char* list) {
  std::vector<Element> out;
  Element root;
  simdjson::dom::array records;
  if (parser.load(path).get(root) != simdjson::SUCCESS || root[list].get_array().get(records) != simdjson::SUCCESS)
    return out;
  for (Element r : records) out.push_back(r);
  return out;
}

Data load() {
  Data d;
  const char* env = std::getenv("QG_ISO_CODES_DIR");
  d.dir = env && *env ? env : QG_ISO_CODES_DIR;
  simdjson::dom::parser countries_parser, subs_parser;  // each file's records live in its parser
  for (Element c : read_iso(countries_parser, d.dir + "/iso_3166-1.json", "3166-1")) {
    add_iso(d, c, "name");
    add_iso(d, c, "common_name");
    add_iso(d, c, "official_name");
    const std::string a3(member(c, "alpha_3").value_or(""));
    if (a3.empty()) continue;
    for (const char* key : {"name", "common_name", "official_name", "alpha_2", "alpha_3"})
      if (auto v = member(c, key)) d.countries.emplace(plain(*v), a3);
  }
  for (auto [form, a3] : kCountryForms) d.countries.emplace(std::string(form), std::string(a3));
  // Subdivisions of the kinds news names as places (states, provinces, the
  // UK's nations); municipalities and districts are left out, since their
  // names collide with common words and surnames far more often.
  for (Element s : read_iso(subs_parser, d.dir + "/iso_3166-2.json", "3166-2")) {
    const std::string_view type = member(s, "type").value_or("");
    if (type == "State" || type == "Province" || type == "Country" || type == "Autonomous region" ||
        type == "Autonomous republic" || type == "Federal district" || type == "Territory" ||
        type == "Outlying area" || type == "Nation")
      add_iso(d, s, "name");
  }
  for (std::string_view c : kCities) add(d, c, EntityKind::kPlace);
  for (std::string_view c : kOrganizations) add(d, c, EntityKind::kOrganization);
  for (std::string_view c : kStateAbbreviations) add(d, c, EntityKind::kPlace);
  for (std::string_view c : kPlaceNames) add(d, c, EntityKind::kPlace);
  return d;
}

const Data& data() {
  static const Data d = load();
  return d;
}

}  // namespace

EntityKind known_kind(std::string_view folded_name) {
  const Data& d = data();
  auto it = d.kinds.find(std::string(folded_name));
  return it == d.kinds.end() ? EntityKind::kUnknown : it->second;
}

std::string_view country_id(std::string_view name) {
  const Data& d = data();
  auto it = d.countries.find(std::string(name));
  return it == d.countries.end() ? std::string_view() : std::string_view(it->second);
}

bool is_demonym(std::string_view w) { return text::in_list<kDemonyms>(w); }

bool is_demonym_plural(std::string_view w) {
  if (w.size() < 3 || !w.ends_with("s")) return false;
  return text::in_list<kDemonyms>(w.substr(0, w.size() - 1)) ||
         (w.ends_with("es") && text::in_list<kDemonyms>(w.substr(0, w.size() - 2)));
}

bool is_party_tag(std::string_view w) {
  return w.size() >= 3 && (w[0] == 'r' || w[0] == 'd' || w[0] == 'i') && w[1] == '-' && w[2] >= 'a' && w[2] <= 'z';
}

bool is_org_head(std::string_view w) {
  static constexpr std::string_view kHeads[] = {
      "commission", "department", "ministry", "committee", "council", "agency", "association", "union",
      "services", "service", "enforcement", "affairs", "administration", "bureau", "office", "institute",
      "foundation", "company", "corporation", "authority", "board", "center", "centre", "university",
      "college", "party", "league", "federation", "alliance", "coalition", "organization", "organisation",
      "security", "development", "commerce", "industry", "trade", "research", "management"};
  return text::in_list<kHeads>(w);
}

int given_name_gender(std::string_view w) {
  const bool male = text::in_list<kMaleNames>(w), female = text::in_list<kFemaleNames>(w);
  return male == female ? 0 : male ? 1 : -1;
}

bool is_common_capword(std::string_view w) {
  return text::in_list<kCommonCapwords>(w) || text::in_list<kHeadlineAdverbs>(w) || is_verb_capword(w);
}
bool is_headline_adverb(std::string_view w) { return text::in_list<kHeadlineAdverbs>(w); }
bool is_verb_capword(std::string_view w) { return text::in_list<kVerbCapwords>(w); }


}  // namespace quotegraph::entity
