// dealgraph tag — find and normalize values in text, as JSON Lines.
#include <ctime>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/load.h"
#include "cli/options.h"
#include "core/resources.h"
#include "core/utf8.h"
#include "extractor/values/tagger.h"
#include "core/value_json.h"

namespace dealgraph::cli {

namespace {

const char kTagHelp[] =
    "usage: dealgraph tag [--lang ko|en] [--ref YYYY-MM-DD] [--lines] [--rules DIR] [TEXT... | -]\n"
    "\n"
    "Finds money, power, quantities, percentages, numbers and dates in TEXT (several\n"
    "words are joined with spaces) or in standard input ('-' or no TEXT), and writes one\n"
    "JSON object per value (JSON Lines): kind, value, min/max, currency, unit, per,\n"
    "from/to, relation, qualifier, start, end (byte offsets in the text), text, rule.\n"
    "\n"
    "options:\n"
    "  --ref DATE   the date relative expressions resolve against ('지난해', 'next\n"
    "               year', '15일'). Default: today's date from the system clock -- the\n"
    "               only place dealgraph reads the clock; pass --ref for repeatable output.\n"
    "  --lang L     ko or en: use only that language's rules (and the shared ones).\n"
    "  --lines      every input line is a text of its own; each value carries \"line\"\n"
    "               (1-based) and offsets within its line.\n"
    "  --rules DIR  overlay a folder laid out like rules/ (DIR/values/money.ko.rules\n"
    "               replaces the built-in file of that name; new files are added).\n"
    "  -h, --help   this text.\n"
    "  --version    the program's version.\n"
    "\n"
    "exit codes: 0 ok, 1 bad input (invalid UTF-8, bad rule file), 2 usage error.\n";

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}


// The text to tag: TEXT words joined by spaces, or standard input ('-' or
// no TEXT). Returns kOk, or kUsage after printing why.
int read_text(const std::vector<std::string>& pos, IO io, std::string* input) {
  if (pos.empty() || (pos.size() == 1 && pos[0] == "-")) {
    input->assign(std::istreambuf_iterator<char>(io.in), std::istreambuf_iterator<char>());
    return kOk;
  }
  for (size_t i = 0; i < pos.size(); ++i) {
    if (pos[i] == "-") {
      io.err << "dealgraph tag: '-' (standard input) cannot be mixed with TEXT\n";
      return kUsage;
    }
    if (i) *input += ' ';
    *input += pos[i];
  }
  return kOk;
}

// --lines: each line is tagged on its own; values carry "line" and offsets
// within it (a trailing CR is not part of the line).
void tag_lines(const values::Tagger& tagger, const std::string& input, const values::CivilDate& ref,
               const values::TagOptions& topt, std::ostream& out) {
  size_t start = 0;
  int line = 0;
  while (start < input.size()) {
    size_t nl = input.find('\n', start);
    if (nl == std::string::npos) nl = input.size();
    ++line;
    std::string_view text(input.data() + start, nl - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    for (const Value& v : tagger.tag(text, ref, topt)) {
      nlohmann::json j = values::to_json(v);
      j["line"] = line;
      out << j.dump() << "\n";
    }
    start = nl + 1;
  }
}

}  // namespace

int cmd_tag(const std::vector<std::string>& args, IO io) {
  Options o({{"--lang", true}, {"--ref", true}, {"--lines", false}, {"--rules", true}});
  if (auto done = o.parse_verb(args, kTagHelp, io.out, io.err)) return *done;
  const std::string lang = o.get("--lang");
  if (o.has("--lang") && lang != "ko" && lang != "en") {
    io.err << "dealgraph tag: --lang must be ko or en, not '" << lang << "'\n";
    return kUsage;
  }
  const std::string ref_text = o.has("--ref") ? o.get("--ref") : today();
  auto ref = values::parse_iso_date(ref_text);
  if (!ref) {
    io.err << "dealgraph tag: --ref must be a date YYYY-MM-DD, not '" << ref_text << "'\n";
    return kUsage;
  }
  Resources res;
  if (!load_resources(o, io, &res)) return kBadInput;
  auto tagger = values::Tagger::load(res);
  if (!tagger) {
    io.err << "dealgraph tag: " << user_error(tagger.error(), res) << "\n";
    return kBadInput;
  }
  std::string input;
  const auto& pos = o.positional();
  if (int rc = read_text(pos, io, &input); rc != kOk) return rc;
  const std::string source = pos.empty() || pos[0] == "-" ? "<stdin>" : "<text>";
  if (size_t bad = utf8::find_invalid(input); bad != std::string::npos) {
    int line = 0, col = 0;
    utf8::line_col(input, bad, &line, &col);
    io.err << "dealgraph tag: " << source << ":" << line << ":" << col << ": invalid UTF-8 at byte offset "
           << bad << "\n";
    return kBadInput;
  }
  values::TagOptions topt;
  topt.lang = lang;
  if (o.has("--lines")) {
    tag_lines(*tagger, input, *ref, topt, io.out);
  } else {
    for (const Value& v : tagger->tag(input, *ref, topt)) io.out << values::to_json(v).dump() << "\n";
  }
  io.out.flush();
  return kOk;
}

}  // namespace dealgraph::cli
