// libxml2 with its ICU hooks left out: their headers clash with the ICU that Foundation ships, and Sitrep
// hands libxml2 UTF-8 only.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
