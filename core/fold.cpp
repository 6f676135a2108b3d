#include "core/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace dealgraph {

std::string fold_name(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString n = U_SUCCESS(status) ? nfkc->normalize(u, status) : u;
  if (U_FAILURE(status)) n = u;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < n.length();) {
    UChar32 c = n.char32At(i);
    if (u_isalnum(c)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace dealgraph
