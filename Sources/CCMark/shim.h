// libcmark 0.30 (Debian's libcmark-dev), wrapped by RobinMarkdown.
// Never libcmark-gfm: it exports the same symbol names.
#include <cmark.h>
