// Must NOT compile: graph/ does not depend on the extractor.
#include "extractor/pipeline.h"
int layering_probe() { return 0; }
