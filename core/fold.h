// dealgraph/core/fold.h — the one name fold.
//
// Two names that fold alike are the same name: "Nvidia Corp." and "NVIDIA
// corp", "ＳＫ하이닉스" and "SK하이닉스", "Run:ai" and "runai". The fold is ICU's
// NFKC case fold with everything that is not a letter or a digit removed
// (white space, punctuation, symbols). The dictionary's duplicate check, its
// alias index, the graph's name lookup and the query verbs all compare names
// in this form, so a name that resolves in one place resolves in every other.
//
//   fold_name("Nvidia Corp.") == fold_name("NVIDIA corp")   // "nvidiacorp"
//
// Thread-safety: a pure function (ICU's normalizer instance is shared and
// immutable).
#pragma once

#include <string>
#include <string_view>

namespace dealgraph {

std::string fold_name(std::string_view s);

}  // namespace dealgraph
