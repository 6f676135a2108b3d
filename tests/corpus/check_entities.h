// tests/corpus/check_entities.h — what an entity example means.
//
// "TEXT => A ; B [Type] ; C {text}": the mentions found in TEXT (weak ones
// aside), in order, by canonical name; "[Type]" also checks the type, "{text}"
// the exact words the mention covers. "=> -" (or "!TEXT"): nothing may be found.
// "TEXT => roles: Person > Org (title) ; ...": the roles found instead, in
// text order ("roles: -": none).
// " ¶ " in TEXT is a line break, each line a paragraph of its own (a byline,
// a roster's lines). Names compare in the one name fold (core/fold.h).
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "core/fold.h"
#include "corpus/corpus_file.h"
#include "extractor/entities/dictionary.h"
#include "extractor/entities/recognizer.h"

namespace corpus {

class EntityChecker {
 public:
  EntityChecker(const dealgraph::Dictionary& dict, const dealgraph::EntityRecognizer& rec) : dict_(dict), rec_(rec) {}

  std::string check(const Example& ex) const {
    if (!ex.negative && ex.expected.size() != 1) return "malformed: want 'TEXT => names' or 'TEXT => -'";
    if (!ex.negative && ex.expected[0].rfind("roles:", 0) == 0) return check_roles(ex);
    const std::vector<std::string> want = ex.negative ? std::vector<std::string>{} : names(ex.expected[0]);
    std::vector<Found> got = find(lines_of(ex.input));
    bool ok = got.size() == want.size();
    for (size_t i = 0; ok && i < want.size(); ++i) ok = matches(got[i], want[i]);
    if (ok) return "";
    std::string got_s;
    for (const auto& g : got) got_s += (got_s.empty() ? "" : " ; ") + g.name + " [" + g.type + "] {" + g.text + "}";
    return "want: " + (ex.negative ? std::string("-") : ex.expected[0]) + "\n  got:  " + (got_s.empty() ? "-" : got_s);
  }

 private:
  struct Found {
    std::string name, type, text;
  };

  static std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(' ');
    size_t e = s.find_last_not_of(' ');
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
  }

  static std::vector<std::string> names(const std::string& spec) {
    std::vector<std::string> out;
    if (trim(spec) == "-") return out;
    std::stringstream ss(spec);
    for (std::string part; std::getline(ss, part, ';');) out.push_back(trim(part));
    return out;
  }

  std::string name_of(const dealgraph::ArticleEntities& found, const std::string& id) const {
    if (int i = dict_.find_id(id); i >= 0) return dict_.entries()[i].name;
    return found.discovered.at(id).name;
  }

  // "Person > Org (title)" per role, folded, in text order.
  std::string check_roles(const Example& ex) const {
    const std::string text = lines_of(ex.input);
    dealgraph::ArticleEntities found = rec_.find(text, article_of(text));
    std::vector<std::string> got, want = names(ex.expected[0].substr(6));
    for (const auto& r : found.roles)
      got.push_back(name_of(found, r.person) + " > " + name_of(found, r.org) + " (" + r.title + ")");
    bool ok = got.size() == want.size();
    for (size_t i = 0; ok && i < want.size(); ++i) ok = fold_role(got[i]) == fold_role(want[i]);
    if (ok) return "";
    std::string got_s;
    for (const auto& g : got) got_s += (got_s.empty() ? "" : " ; ") + g;
    return "want: " + ex.expected[0] + "\n  got:  roles: " + (got_s.empty() ? "-" : got_s);
  }

  // Each side of "Person > Org (title)" in the name fold; the title as written.
  static std::string fold_role(const std::string& r) {
    size_t gt = r.find(" > "), paren = r.rfind(" (");
    if (gt == std::string::npos || paren == std::string::npos || paren < gt) return r;
    return dealgraph::fold_name(r.substr(0, gt)) + ">" + dealgraph::fold_name(r.substr(gt + 3, paren - gt - 3)) +
           r.substr(paren);
  }

  static std::string lines_of(std::string text) {
    for (size_t at; (at = text.find(" ¶ ")) != std::string::npos;) text.replace(at, 4, "\n");
    return text;
  }

  // One article whose paragraphs are the lines of `text`.
  static dealgraph::Article article_of(const std::string& text) {
    dealgraph::Article a;
    a.id = "A1";
    for (size_t start = 0; start <= text.size();) {
      size_t end = std::min(text.find('\n', start), text.size());
      a.paragraphs.push_back({start, end});
      start = end + 1;
    }
    return a;
  }

  std::vector<Found> find(const std::string& text) const {
    dealgraph::ArticleEntities found = rec_.find(text, article_of(text));
    std::vector<Found> out;
    for (const auto& m : found.mentions) {
      if (m.weak) continue;
      Found f;
      if (int i = dict_.find_id(m.entity); i >= 0) f.name = dict_.entries()[i].name;
      else f.name = found.discovered.at(m.entity).name;
      f.type = dealgraph::to_string(m.type);
      f.text = text.substr(m.span.start, m.span.size());
      out.push_back(f);
    }
    return out;
  }

  // "Name", "Name [Type]", "Name {covered text}"
  static bool matches(const Found& got, std::string want) {
    if (size_t brace = want.find(" {"); brace != std::string::npos && want.back() == '}') {
      if (got.text != want.substr(brace + 2, want.size() - brace - 3)) return false;
      want = want.substr(0, brace);
    }
    if (size_t bracket = want.find(" ["); bracket != std::string::npos && want.back() == ']') {
      if (got.type != want.substr(bracket + 2, want.size() - bracket - 3)) return false;
      want = want.substr(0, bracket);
    }
    return dealgraph::fold_name(got.name) == dealgraph::fold_name(want);
  }

  const dealgraph::Dictionary& dict_;
  const dealgraph::EntityRecognizer& rec_;
};

}  // namespace corpus
