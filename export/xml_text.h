// dealgraph/export/xml_text.h — text and attribute values for the XML the
// exporters write by hand (GraphML, GEXF, the HTML report).
//
//   out << "<data key=\"d3\">" << xml_escape(name) << "</data>";
//
// & < > " ' become entities; control characters XML 1.0 forbids are dropped
// (labels::printable), tab and newline kept — as &#9; and &#10; so that an
// attribute value keeps them too.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "graph/labels.h"

namespace dealgraph {

inline std::string xml_escape(std::string_view raw) {
  std::string out;
  for (char c : labels::printable(raw)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace dealgraph
