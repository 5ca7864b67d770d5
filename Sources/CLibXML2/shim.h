// libxml2's HTML parser. Debian builds libxml2 with ICU, whose headers clash with Foundation's own copy of ICU;
// FactCheck uses no ICU-dependent part of libxml2 (only pointers to its encoding handlers), so their declarations
// are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
