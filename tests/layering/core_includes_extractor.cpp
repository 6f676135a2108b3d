// Must NOT compile: core/ is the bottom layer.
#include "extractor/values/tagger.h"
int layering_probe() { return 0; }
