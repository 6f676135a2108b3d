// dealgraph/core/resources.h — the rule and dictionary files, by path.
//
// The rules/ and data/dictionary/ trees are embedded in the binary at build
// time, so `dealgraph` runs from anywhere. A user can edit rules without a
// recompile: `--rules DIR` overlays a folder laid out like rules/ (a file with
// the same relative path replaces the embedded one, a new file is added), and
// `--dict FILE` adds a dictionary file.
//
// Paths are relative to the source tree, with '/' separators:
// "rules/values/money.ko.rules", "data/dictionary/organizations.tsv".
// Thread-safety: a plain value.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/error.h"

namespace dealgraph {

class Resources {
 public:
  // The files built into this binary.
  static Resources embedded();

  // Reads every regular file below `dir` (recursively) and stores it as
  // `prefix` + relative path, replacing an existing entry.
  Status overlay_dir(const std::string& dir, const std::string& prefix);
  // Reads one file and stores it under `path`.
  Status add_file(const std::string& file, const std::string& path);
  // Stores `text` under `path`; the entry no longer comes from a user's file.
  void put(const std::string& path, std::string text) {
    files_[path] = std::move(text);
    origins_.erase(path);
  }

  // The file an entry was read from, as the user gave it ("my.tsv",
  // "DIR/values/money.ko.rules") for entries from overlay_dir or add_file;
  // `path` itself for embedded entries and unknown paths. Errors found in an
  // entry name its origin for the user:
  //   e.file = res.origin(e.file);   // "data/dictionary/zz-user-0.tsv" → "my.tsv"
  std::string origin(const std::string& path) const;

  // Entries whose path starts with `folder` + "/" and ends with `suffix`, sorted by path.
  std::vector<std::pair<std::string, std::string>> list(const std::string& folder,
                                                        const std::string& suffix) const;
  const std::string* find(const std::string& path) const;
  // Whether the entry at `path` holds exactly the built-in file of that path
  // (whatever overlay put it there): such files are known to compile.
  bool is_builtin(const std::string& path) const;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> origins_;  // path → the user's file, for overlaid/added entries
};

// Reads a whole file; an Error names the file when it cannot be read.
Result<std::string> read_file(const std::string& path);

}  // namespace dealgraph
