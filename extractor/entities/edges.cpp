// Word edges: where a name may start and end. Script classes only (Unicode
// facts); the particles a Hangul name may carry are a table.
#include "core/utf8.h"
#include "extractor/entities/steps.h"

namespace dealgraph::entities {

namespace {

enum class Script { None, Latin, Hangul, Han };
Script script_of(char32_t c) {
  if (utf8::is_latin_alnum(c)) return Script::Latin;
  if (utf8::is_hangul(c)) return Script::Hangul;
  if (utf8::is_han(c)) return Script::Han;
  return Script::None;
}

}  // namespace

bool left_edge_ok(std::string_view text, size_t start) {
  size_t len;
  char32_t prev = utf8::decode_before(text, start, &len);
  char32_t first = utf8::decode(text, start, &len);
  Script a = script_of(first), b = script_of(prev);
  return a == Script::None || a != b;
}

bool right_edge_ok(const rules::Table& particles, std::string_view text, size_t end, std::string* particle) {
  particle->clear();
  if (end >= text.size()) return true;
  size_t len;
  char32_t last = utf8::decode_before(text, end, &len);
  char32_t next = utf8::decode(text, end, &len);
  Script a = script_of(last), b = script_of(next);
  if (b == Script::None) return true;
  if (b == Script::Hangul) {
    std::string_view run = hangul_run(text, end);
    if (particles.find(run)) {
      *particle = std::string(run);
      return true;
    }
    return a != Script::Hangul;  // "Nvidia칩": a Latin name may touch Hangul
  }
  return a != b;
}

bool inside_hangul_word(const rules::Table& particles, std::string_view text, size_t start, size_t end) {
  if (start == 0 || end >= text.size()) return false;
  size_t len;
  char32_t first = utf8::decode(text, start, &len);
  if (script_of(first) != Script::Latin) return false;
  if (script_of(utf8::decode_before(text, start, &len)) != Script::Hangul) return false;
  if (script_of(utf8::decode(text, end, &len)) != Script::Hangul) return false;
  return !particles.find(hangul_run(text, end));
}

std::string_view hangul_run(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size()) {
    size_t len;
    char32_t c = utf8::decode(text, i, &len);
    if (!utf8::is_hangul(c)) break;
    i += len;
  }
  return text.substr(pos, i - pos);
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool contains_any(const rules::Table& t, std::string_view s) {
  for (const auto& [key, value] : t.entries)
    if (s.find(key) != std::string_view::npos) return true;
  return false;
}

}  // namespace dealgraph::entities
