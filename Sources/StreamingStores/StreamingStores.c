// The target is its header (include/StreamingStores.h); SwiftPM needs one source file to build it.
#include "StreamingStores.h"
