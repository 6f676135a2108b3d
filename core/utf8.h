// dealgraph/core/utf8.h — the few UTF-8 facts the engine needs.
//
// Script classes are Unicode facts, not language knowledge: the engine asks
// "is this a Hangul syllable / a Latin letter" to find word edges, while every
// word of Korean or English lives in rules/ and data/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace dealgraph::utf8 {

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t find_invalid(std::string_view s);

// Decodes the code point at `i` (must be valid UTF-8); sets *len to its size.
char32_t decode(std::string_view s, size_t i, size_t* len);
// The code point that ends just before `i` (0 at the start); sets *len.
char32_t decode_before(std::string_view s, size_t i, size_t* len);
void append(std::string& out, char32_t cp);

bool is_hangul(char32_t c);     // syllables and jamo
bool is_han(char32_t c);        // CJK ideographs
bool is_latin_alnum(char32_t c);  // ASCII letters/digits and Latin-1/Extended letters
bool is_word(char32_t c);       // any letter or digit of the scripts above
bool is_space(char32_t c);      // ASCII white space, NBSP, ideographic space

// 1-based line and column (in bytes) of byte offset `off` in `text`.
void line_col(std::string_view text, size_t off, int* line, int* col);

// `s` cut to at most `max` bytes on a character boundary.
std::string_view clip(std::string_view s, size_t max);

}  // namespace dealgraph::utf8
