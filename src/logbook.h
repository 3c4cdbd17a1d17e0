/* Where a running browser reports what it cannot show on screen (a reload
 * that failed): a file given with --log, else syslog. */
#ifndef LGMA_LOGBOOK_H
#define LGMA_LOGBOOK_H

#include <stdbool.h>

#include "lgma/diag.h"

/* Opens path for appending (NULL: syslog). False with errno on failure. */
bool logbook_open(const char *path);
void logbook_close(void);
void logbook_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Every diagnostic as FILE:LINE:COLUMN: SEVERITY: MESSAGE. */
void logbook_diags(const struct diag_list *diags);

#endif
