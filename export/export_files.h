// dealgraph/export/export_files.h — writing export results so that a failure
// never leaves a half-written file behind.
//
//   Status s = write_file_atomic("graph.svg", svg);
//   Status s = write_dir_atomic("tables", {{"deals.csv", ...}, {"entities.csv", ...}});
//
// Each file is written to NAME.tmp beside its target and renamed over it
// (rename(2) is atomic within a file system). A directory write writes every
// temporary first and renames only when all were written, so a full disk
// leaves the old tables, not a mix. Errors name the file and the reason.
// Thread-safety: none needed beyond the file system's.
#pragma once

#include <map>
#include <string>

#include "core/error.h"

namespace dealgraph {

Status write_file_atomic(const std::string& path, const std::string& data);

// Creates `dir` (and parents) when missing; `files` maps plain file names to contents.
Status write_dir_atomic(const std::string& dir, const std::map<std::string, std::string>& files);

}  // namespace dealgraph
