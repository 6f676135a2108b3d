#include "extractor/deals/typed_sentence.h"

#include <algorithm>
#include <cctype>
#include <climits>

namespace dealgraph {

namespace {

constexpr const char* kOpen = "\xE2\x9F\xA6";   // ⟦
constexpr const char* kClose = "\xE2\x9F\xA7";  // ⟧
constexpr const char* kPronoun = "\xE2\x9F\xA6\xE2\x9F\xA7";  // ⟦⟧: a subject no rule can name

}  // namespace

bool is_party_type(EntityType t) {
  return t == EntityType::Organization || t == EntityType::GovernmentBody || t == EntityType::Person ||
         t == EntityType::Fund;
}

bool is_place_word(const FoundMention& m) {
  // A place is no party: rules read "인디애나에", "in China" as words; so is a
  // mention whose context says it is none (a regulator addressed in a filing:
  // "said in a filing with the Securities and Exchange Commission").
  return m.type == EntityType::Place || m.place_word || !m.context.empty();
}

MarkerIndex MarkerIndex::of(const std::vector<FoundMention>& mentions, const std::vector<Value>& values) {
  MarkerIndex x;
  for (size_t i = 0; i < mentions.size(); ++i) x.mentions.emplace_back(mentions[i].span.start, static_cast<int>(i));
  for (size_t i = 0; i < values.size(); ++i) x.values.emplace_back(values[i].span.start, static_cast<int>(i));
  std::sort(x.mentions.begin(), x.mentions.end());
  std::sort(x.values.begin(), x.values.end());
  return x;
}

std::vector<int> TypedSentence::slots_in(size_t from, size_t to, bool entity) const {
  std::vector<int> out;
  for (size_t i = 0; i < slots.size(); ++i)
    if (slots[i].is_entity == entity && slots[i].typed_start >= from && slots[i].typed_end <= to)
      out.push_back(static_cast<int>(i));
  return out;
}

namespace {

// A mention or a value that becomes a marker.
struct Item {
  Span span;
  bool entity;
  int index;
};

// The sentence's mentions (not place words) and values, in order; a longer
// one first where two start together.
// Indexes (ascending) of the entries of `by_start` that start inside `sent`
// (or at its end): the only ones that can lie inside it.
std::vector<int> starting_in(const std::vector<std::pair<size_t, int>>& by_start, Span sent) {
  std::vector<int> out;
  auto it = std::lower_bound(by_start.begin(), by_start.end(), std::make_pair(sent.start, INT_MIN));
  for (; it != by_start.end() && it->first <= sent.end; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  return out;
}

// Every index 0..n-1 (no index: the whole article is looked through).
std::vector<int> all_indexes(size_t n) {
  std::vector<int> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<int>(i);
  return out;
}

std::vector<Item> marker_items(Span sent, const std::vector<FoundMention>& mentions, const std::vector<Value>& values,
                               const MarkerIndex* index) {
  std::vector<Item> items;
  for (int i : index ? starting_in(index->mentions, sent) : all_indexes(mentions.size()))
    if (mentions[i].span.start >= sent.start && mentions[i].span.end <= sent.end && !is_place_word(mentions[i]))
      items.push_back({mentions[i].span, true, i});
  for (int i : index ? starting_in(index->values, sent) : all_indexes(values.size()))
    if (values[i].span.start >= sent.start && values[i].span.end <= sent.end)
      items.push_back({values[i].span, false, i});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  return items;
}

// Writes one typed sentence: text as it is, markers for mentions, values and anaphors.
class Typesetter {
 public:
  Typesetter(std::string_view text, Span sent, const rules::Table& anaphor,
             const std::vector<const FoundMention*>& focus, const Schema& schema, const PronounTables& pronoun)
      : text_(text), sent_(sent), anaphor_(anaphor), focus_(focus), schema_(schema), pronoun_(pronoun) {}

  // Appends a marker for `sl` (is_entity, entity, type, index and span set).
  void marker(Slot sl, const std::string& code) {
    sl.typed_start = t_.text.size();
    t_.text += std::string(kOpen) + (sl.is_entity ? "E" : "V") + std::to_string(t_.slots.size()) + ":" + code + kClose;
    sl.typed_end = t_.text.size();
    t_.slots.push_back(sl);
  }

  // Copies text[from, to) as it is, but for anaphors (a table word at a
  // word start) and stray marker brackets.
  void copy(size_t from, size_t to) {
    std::string_view chunk = text_.substr(from, to - from);
    size_t i = 0;
    while (i < chunk.size()) {
      if (size_t n = anaphor_at(chunk, from, i)) {
        i += n;
        continue;
      }
      // the marker brackets never appear in copied text
      if (chunk.compare(i, 3, kOpen) == 0 || chunk.compare(i, 3, kClose) == 0) {
        t_.text += ' ';
        i += 3;
        continue;
      }
      t_.text += chunk[i];
      ++i;
    }
  }

  TypedSentence done() { return std::move(t_); }

 private:
  bool word_start(std::string_view chunk, size_t from, size_t i) const {
    if (i == 0) return from == sent_.start || !std::isalnum(static_cast<unsigned char>(text_[from - 1]));
    return !std::isalnum(static_cast<unsigned char>(chunk[i - 1])) &&
           (static_cast<unsigned char>(chunk[i - 1]) < 0x80 || chunk[i - 1] == ' ');
  }

  // An anaphor at chunk[i] becomes the markers of the focus it stands for;
  // returns the bytes it took (0: none there).
  size_t anaphor_at(std::string_view chunk, size_t from, size_t i) {
    if (!word_start(chunk, from, i)) return 0;
    std::string value;
    const size_t n = anaphor_.longest_prefix(chunk.substr(i), &value);
    if (n == 0 || !word_end(chunk, i + n)) return 0;
    if (value == "pronoun" || value == "plural_pronoun")
      return pronoun(chunk.substr(i, n), chunk.substr(i + n), from + i, value == "pronoun");
    if (focus_.empty()) return 0;
    std::vector<const FoundMention*> who;
    if (value == "both" && focus_.size() >= 2) who = {focus_[0], focus_[1]};
    else if (value == "focus") who = {focus_[0]};
    for (size_t w = 0; w < who.size(); ++w) {
      if (w) t_.text += "·";  // a list separator every language's rules accept
      Slot sl;
      sl.entity = who[w]->entity;
      sl.type = who[w]->type;
      sl.span = {from + i, from + i + n};
      marker(sl, schema_.marker(sl.type));
    }
    return who.empty() ? 0 : n;
  }

  // A reporting word within the report window before the pronoun: "Nvidia
  // said on Monday it would", "said in a statement that it".
  bool reported_before(std::string_view so_far) const {
    if (!pronoun_.kept_after) return false;
    const size_t from = so_far.size() > pronoun_.report_window ? so_far.size() - pronoun_.report_window : 0;
    for (size_t p = from; p < so_far.size(); ++p) {
      if (p > 0 && std::isalnum(static_cast<unsigned char>(so_far[p - 1]))) continue;  // a word start
      if (word_prefix(*pronoun_.kept_after, so_far.substr(p))) return true;
    }
    return false;
  }

  // A table word at the start of `text`, ending at a word end.
  static bool word_prefix(const rules::Table& table, std::string_view text) {
    const size_t n = table.longest_prefix(text);
    return n > 0 && (n >= text.size() || !std::isalnum(static_cast<unsigned char>(text[n])));
  }

  bool word_end(std::string_view chunk, size_t j) const {
    return j >= chunk.size() || !std::isalnum(static_cast<unsigned char>(chunk[j]));
  }

  // A pronoun subject ("it", "they" at the sentence start, after a clause
  // word, or before a verb word: "in September it signed") stands for the
  // antecedent (below) when it is singular and one is known; otherwise it is
  // one the rules cannot name, so it becomes kPronoun: gaps stop there and the name before
  // it is not taken for its verb's subject ("after OpenAI signed with
  // Broadcom, it agreed to deploy AMD GPUs"). After a reporting word ("Nvidia
  // said it would") it is the subject already named; as an object ("Spark
  // Capital led it") it is a word.
  size_t pronoun(std::string_view word, std::string_view rest, size_t at, bool resolvable) {
    std::string_view so_far = t_.text;
    while (!so_far.empty() && so_far.back() == ' ') so_far.remove_suffix(1);
    if (reported_before(so_far)) return 0;
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const bool starts_clause =
        so_far.empty() || (pronoun_.subject_after && pronoun_.subject_after->longest_suffix(so_far) > 0);
    const bool before_verb = pronoun_.verb_after && word_prefix(*pronoun_.verb_after, rest);
    if (!starts_clause && !before_verb) return 0;
    if (const Slot* a = resolvable ? antecedent() : nullptr) {
      // a clause starts here: kPronoun first, so no list or gap before it
      // reaches the subject ("with Oracle, it agreed": Oracle buys nothing)
      t_.text += kPronoun;
      t_.text += ' ';
      Slot sl = *a;
      sl.index = -1;  // stands for a party named elsewhere
      sl.span = {at, at + word.size()};
      marker(sl, schema_.marker(sl.type));
    } else {
      t_.text += kPronoun;
    }
    return word.size();
  }

  // Whom a pronoun subject stands for: the sentence's first party so far
  // ("after OpenAI signed with Oracle, it agreed ..."), else the subject of the
  // sentence before ("For Microsoft, the deal is one of many. In October it
  // arranged ..."); none when neither is known.
  const Slot* antecedent() const {
    for (const Slot& sl : t_.slots)
      if (sl.is_entity && is_party_type(sl.type)) return &sl;
    return pronoun_.previous_subject;
  }

  std::string_view text_;
  Span sent_;
  const rules::Table& anaphor_;
  const std::vector<const FoundMention*>& focus_;
  const Schema& schema_;
  PronounTables pronoun_;
  TypedSentence t_;
};

// Where the text after an entity marker resumes: past a gloss of the same
// entity ("코어위브(CoreWeave)" is one marker), else at the mention's end.
size_t after_gloss(std::string_view text, Span sent, const std::vector<Item>& items, size_t* k,
                   const std::vector<FoundMention>& mentions) {
  const Item& it = items[*k];
  size_t pos = it.span.end;
  if (!it.entity || *k + 1 >= items.size() || !items[*k + 1].entity ||
      mentions[items[*k + 1].index].entity != mentions[it.index].entity)
    return pos;
  std::string_view between = text.substr(pos, items[*k + 1].span.start - pos);
  if (between != "(" && between != " (") return pos;
  size_t close = items[*k + 1].span.end;
  if (close >= sent.end || text[close] != ')') return pos;
  ++*k;
  return close + 1;
}

}  // namespace

TypedSentence typeset_sentence(std::string_view text, Span sent, const std::vector<FoundMention>& mentions,
                               const std::vector<Value>& values, const rules::Table& anaphor,
                               const std::vector<const FoundMention*>& focus, const Schema& schema,
                               const PronounTables& pronoun, const MarkerIndex* index) {
  Typesetter out(text, sent, anaphor, focus, schema, pronoun);
  const std::vector<Item> items = marker_items(sent, mentions, values, index);
  size_t pos = sent.start;
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& it = items[k];
    if (it.span.start < pos) continue;  // overlaps an earlier marker
    out.copy(pos, it.span.start);
    Slot sl;
    sl.is_entity = it.entity;
    sl.index = it.index;
    sl.span = it.span;
    if (it.entity) {
      sl.entity = mentions[it.index].entity;
      sl.type = mentions[it.index].type;
    }
    const std::string& code = it.entity ? schema.marker(sl.type) : schema.value_marker(values[it.index].data.index());
    pos = after_gloss(text, sent, items, &k, mentions);
    out.marker(sl, code);
  }
  out.copy(pos, sent.end);
  return out.done();
}

namespace {

// A Latin word of `typed` outside markers: [start, end).
struct LatinWord {
  size_t start, end;
};

std::vector<LatinWord> latin_words(const std::string& typed) {
  std::vector<LatinWord> words;
  size_t i = 0;
  while (i < typed.size()) {
    if (typed.compare(i, 3, kOpen) == 0) {  // skip a whole marker
      const size_t close = typed.find(kClose, i);
      i = close == std::string::npos ? typed.size() : close + 3;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(typed[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < typed.size() && std::isalpha(static_cast<unsigned char>(typed[j]))) ++j;
    words.push_back({i, j});
    i = j;
  }
  return words;
}

// "Orders", not "AI", "E" or "iPhone".
bool capitalized(const std::string& typed, LatinWord w) {
  if (w.end - w.start < 2 || !std::isupper(static_cast<unsigned char>(typed[w.start]))) return false;
  for (size_t k = w.start + 1; k < w.end; ++k)
    if (!std::islower(static_cast<unsigned char>(typed[k]))) return false;
  return true;
}

// "AI", "TPU": the same in any case, so they tell nothing about it.
bool acronym(const std::string& typed, LatinWord w) {
  for (size_t k = w.start; k < w.end; ++k)
    if (!std::isupper(static_cast<unsigned char>(typed[k]))) return false;
  return w.end - w.start > 1;
}

}  // namespace

bool fold_title_case(std::string& typed, size_t min_share) {
  size_t caps = 0, words = 0;
  for (const auto& w : latin_words(typed)) {
    if (acronym(typed, w)) continue;
    ++words;
    caps += capitalized(typed, w);
  }
  if (words < 3 || caps * 100 < min_share * words) return false;
  for (const auto& w : latin_words(typed))
    if (capitalized(typed, w)) typed[w.start] = static_cast<char>(std::tolower(static_cast<unsigned char>(typed[w.start])));
  return true;
}

namespace {

// Where a relative clause after slot `k` starts (past ", which "), or npos.
size_t relative_clause_start(const TypedSentence& t, size_t k, const rules::Table& relative_word) {
  size_t i = t.slots[k].typed_end;
  if (i >= t.text.size() || t.text[i] != ',') return std::string::npos;
  ++i;
  while (i < t.text.size() && t.text[i] == ' ') ++i;
  const size_t n = relative_word.longest_prefix(std::string_view(t.text).substr(i));
  if (n == 0 || i + n >= t.text.size() || t.text[i + n] != ' ') return std::string::npos;
  return i + n + 1;
}

// The clause runs to the next comma or the sentence's end.
size_t relative_clause_end(const TypedSentence& t, size_t from) {
  const size_t comma = t.text.find(',', from);
  return comma == std::string::npos ? t.text.size() : comma;
}

TypedSentence clause_with_subject(const TypedSentence& t, size_t k, size_t from, size_t to) {
  TypedSentence c;
  Slot subject = t.slots[k];
  c.text = t.text.substr(subject.typed_start, subject.typed_end - subject.typed_start);
  subject.typed_start = 0;
  subject.typed_end = c.text.size();
  c.slots.push_back(subject);
  c.text += ' ';
  const size_t base = c.text.size();
  c.text += t.text.substr(from, to - from);
  for (const Slot& sl : t.slots)
    if (sl.typed_start >= from && sl.typed_end <= to) {
      Slot moved = sl;
      moved.typed_start = sl.typed_start - from + base;
      moved.typed_end = sl.typed_end - from + base;
      c.slots.push_back(moved);
    }
  return c;
}

}  // namespace

std::vector<TypedSentence> relative_clauses(const TypedSentence& t, const rules::Table& relative_word) {
  std::vector<TypedSentence> out;
  for (size_t k = 0; k < t.slots.size(); ++k) {
    if (!t.slots[k].is_entity) continue;
    const size_t from = relative_clause_start(t, k, relative_word);
    if (from == std::string::npos) continue;
    out.push_back(clause_with_subject(t, k, from, relative_clause_end(t, from)));
  }
  return out;
}

std::optional<Slot> sentence_subject(const TypedSentence& t, size_t window) {
  for (const Slot& sl : t.slots) {
    if (!sl.is_entity) continue;
    if (!is_party_type(sl.type)) continue;
    if (sl.typed_start <= window) return sl;
    return std::nullopt;  // the first party stands too late to be the subject
  }
  return std::nullopt;
}

}  // namespace dealgraph
