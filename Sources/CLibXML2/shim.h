#include <libxml/xmlversion.h>
// Foundation ships its own ICU module; libxml2's optional ICU headers would clash with it.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>

/// xmlFree is a C global function pointer that Swift 6 cannot call directly.
static inline void homolog_xmlFree(void *ptr) { xmlFree(ptr); }
