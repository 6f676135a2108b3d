// dealgraph/extractor/reader/reader.h — splits an input file into articles.
//
// Understands (docs/reader.md; the words, date rules and byte limits are data
// in rules/reader/layout.rules, read and checked at load):
//   - the monthly brief: title block, a "Top N Headlines" table of contents
//     (not articles), then per article a headline line, a date line
//     (2026. 02. 24), a "Content" label, paragraphs, a "URL" label and the
//     URL (bare or in <...>); the same with English words;
//   - a newspaper digest: headline, date line (2025-10-06 or 2025.10.06),
//     paragraphs, "출처: URL" as the last line;
//   - plain text with none of that: one article, no date, no URL.
//
//   auto layout = Reader::load(resources);          // once
//   auto doc = layout->read("brief.txt", bytes);    // per file
//   if (!doc) print(doc.error());                   // file:byte N: invalid UTF-8
//
// Decoding comes first and all offsets index the decoded text (`text`): a
// UTF-8 byte-order mark is dropped, CR LF becomes LF, and Markdown escapes
// (\$, \*, \_ ...) lose their backslash. Immutable and thread-safe after load;
// copies share the loaded layout. Sentences: extractor/reader/sentences.h.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/resources.h"

namespace dealgraph {

namespace reader_steps {
struct Layout;
}

struct ReadDocument {
  std::string source;
  std::string text;               // decoded text every span indexes
  std::vector<Article> articles;  // ids "A1", "A2"... in reading order
};

// Decodes raw bytes as described above. Errors: empty input (also a file
// holding only a UTF-8 byte-order mark), a UTF-16 or UTF-32 byte-order mark
// ("UTF-16 text (byte-order mark at offset 0): convert it to UTF-8"), a NUL
// byte (binary file), invalid UTF-8 — the last two with the byte offset in `raw`.
Result<std::string> decode_text(const std::string& source, const std::string& raw);

class Reader {
 public:
  // Reads rules/shared and rules/reader. Errors: a missing table, a rule
  // without a known role, a bad setting — with file:line.
  static Result<Reader> load(const Resources& res);
  Result<ReadDocument> read(const std::string& source, const std::string& raw) const;

 private:
  std::shared_ptr<const reader_steps::Layout> layout_;
};

}  // namespace dealgraph
