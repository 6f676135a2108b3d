// dealgraph/graph/table.h — a query's answer as plain rows.
//
// Queries fill a Table; how it is shown (aligned text, CSV) is the
// exporters' business (export/export_table.h).
// Thread-safety: a plain value.
#pragma once

#include <string>
#include <vector>

namespace dealgraph {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;  // per column, true for numbers; missing = left
};

}  // namespace dealgraph
