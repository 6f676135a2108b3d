#include "extractor/deals/typed_sentence.h"

#include <algorithm>
#include <cctype>

namespace dealgraph {

namespace {

constexpr const char* kOpen = "\xE2\x9F\xA6";   // ⟦
constexpr const char* kClose = "\xE2\x9F\xA7";  // ⟧

}  // namespace

bool is_place_word(const FoundMention& m) {
  // A place is no party: rules read "인디애나에", "in China" as words.
  return m.type == EntityType::Place || m.place_word;
}

std::vector<int> TypedSentence::slots_in(size_t from, size_t to, bool entity) const {
  std::vector<int> out;
  for (size_t i = 0; i < slots.size(); ++i)
    if (slots[i].is_entity == entity && slots[i].typed_start >= from && slots[i].typed_end <= to)
      out.push_back(static_cast<int>(i));
  return out;
}

TypedSentence typeset_sentence(std::string_view text, Span sent, const std::vector<FoundMention>& mentions,
                               const std::vector<Value>& values, const rules::Table& anaphor,
                               const std::vector<const FoundMention*>& focus, const Schema& schema) {
  TypedSentence t;
  size_t pos = sent.start;
  // markers in order: mentions and values, skipping ones that overlap an earlier marker
  struct Item {
    Span span;
    bool entity;
    int index;
  };
  std::vector<Item> items;
  for (size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].span.start >= sent.start && mentions[i].span.end <= sent.end && !is_place_word(mentions[i]))
      items.push_back({mentions[i].span, true, static_cast<int>(i)});
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i].span.start >= sent.start && values[i].span.end <= sent.end)
      items.push_back({values[i].span, false, static_cast<int>(i)});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  auto copy_text = [&](size_t from, size_t to) {
    std::string_view chunk = text.substr(from, to - from);
    // anaphors: a table word at a word start, followed by a particle or a non-letter
    size_t i = 0;
    while (i < chunk.size()) {
      std::string value;
      size_t n = 0;
      bool word_start = i == 0 ? (from == sent.start || !std::isalnum(static_cast<unsigned char>(text[from - 1])))
                               : !std::isalnum(static_cast<unsigned char>(chunk[i - 1])) &&
                                     (static_cast<unsigned char>(chunk[i - 1]) < 0x80 || chunk[i - 1] == ' ');
      if (word_start) n = anaphor.longest_prefix(chunk.substr(i), &value);
      if (n > 0 && !focus.empty()) {
        std::vector<const FoundMention*> who;
        if (value == "both" && focus.size() >= 2) who = {focus[0], focus[1]};
        else if (value == "focus") who = {focus[0]};
        if (!who.empty()) {
          for (size_t w = 0; w < who.size(); ++w) {
            if (w) t.text += "·";  // a list separator every language's rules accept
            Slot sl;
            sl.is_entity = true;
            sl.entity = who[w]->entity;
            sl.type = who[w]->type;
            sl.typed_start = t.text.size();
            t.text += std::string(kOpen) + "E" + std::to_string(t.slots.size()) + ":" + schema.marker(sl.type) + kClose;
            sl.typed_end = t.text.size();
            sl.span = {from + i, from + i + n};
            t.slots.push_back(sl);
          }
          i += n;
          continue;
        }
      }
      // the marker brackets never appear in copied text
      if (chunk.compare(i, 3, kOpen) == 0 || chunk.compare(i, 3, kClose) == 0) {
        t.text += ' ';
        i += 3;
        continue;
      }
      t.text += chunk[i];
      ++i;
    }
  };
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& it = items[k];
    if (it.span.start < pos) continue;  // overlaps an earlier marker
    copy_text(pos, it.span.start);
    Slot sl;
    sl.is_entity = it.entity;
    sl.index = it.index;
    sl.span = it.span;
    sl.typed_start = t.text.size();
    std::string code;
    if (it.entity) {
      sl.entity = mentions[it.index].entity;
      sl.type = mentions[it.index].type;
      code = schema.marker(sl.type);
    } else {
      code = schema.value_marker(values[it.index].data.index());
    }
    t.text += std::string(kOpen) + (it.entity ? "E" : "V") + std::to_string(t.slots.size()) + ":" + code + kClose;
    sl.typed_end = t.text.size();
    pos = it.span.end;
    // A gloss of the same entity right after: "코어위브(CoreWeave)" is one marker.
    if (it.entity && k + 1 < items.size() && items[k + 1].entity &&
        mentions[items[k + 1].index].entity == sl.entity) {
      std::string_view between = text.substr(pos, items[k + 1].span.start - pos);
      if (between == "(" || between == " (") {
        size_t close = items[k + 1].span.end;
        if (close < sent.end && text[close] == ')') {
          pos = close + 1;
          ++k;
        }
      }
    }
    t.slots.push_back(sl);
  }
  copy_text(pos, sent.end);
  return t;
}

}  // namespace dealgraph
