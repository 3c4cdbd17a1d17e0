/* Test helper: diagnostics as the text lgma prints. */
#ifndef LGMA_TEST_DIAG_TEXT_H
#define LGMA_TEST_DIAG_TEXT_H

#include "lgma/diag.h"

/* diag_print's output as a malloc'd string (the caller frees), with every
 * "DIR/" prefix taken out when dir is not NULL, so that expectations need
 * not know a temporary directory's name. */
char *diag_text(const struct diag_list *diags, const char *dir);

#endif
