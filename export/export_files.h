// dealgraph/export/export_files.h — writing export results so that a failure
// or a kill never leaves a half-written or mixed output behind.
//
//   Status s = write_file_atomic("graph.svg", svg);
//   Status s = write_dir_atomic("tables", {{"deals.csv", ...}, {"entities.csv", ...}});
//
// A file is written to an unnamed temporary beside its target (O_TMPFILE;
// on a file system without it, a hidden `.NAME.dealgraph-PID-XXXXXX`),
// flushed to disk, then linked and renamed over the target: rename(2) is
// atomic within a file system, so readers see the old file or the new one.
// A directory of tables is written whole into a hidden sibling folder
// `.DIR.dealgraph-PID-XXXXXX` and swapped with DIR in one step
// (renameat2 RENAME_EXCHANGE; rename when DIR is new), then the old tables
// are removed: never new and old tables mixed. An existing DIR may hold only
// files of dealgraph's (`*.csv`) — anything else is an Error, never deleted.
// SIGINT, SIGTERM, SIGHUP and SIGPIPE wait while the output is replaced, so
// such a kill lands before (nothing changed, temporaries removed) or after;
// a SIGKILL can leave only a hidden temporary, which the next write to the
// same target removes once its process is gone.
// Errors name the target file or folder and the system's reason.
// Thread-safety: none needed beyond the file system's.
#pragma once

#include <map>
#include <string>

#include "core/error.h"

namespace dealgraph {

Status write_file_atomic(const std::string& path, const std::string& data);

// Creates DIR's parents when missing; `files` maps plain file names to contents.
Status write_dir_atomic(const std::string& dir, const std::map<std::string, std::string>& files);

}  // namespace dealgraph
