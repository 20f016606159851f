#ifndef DOCVERIFY_CCMARK_SHIM_H
#define DOCVERIFY_CCMARK_SHIM_H
#include <cmark.h>
#endif
