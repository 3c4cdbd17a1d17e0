#include "diag-text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *diag_text(const struct diag_list *diags, const char *dir)
{
	char *buf = NULL, *out, *o;
	size_t size = 0, n = dir != NULL ? strlen(dir) : 0;
	FILE *f = open_memstream(&buf, &size);

	if (f == NULL)
		abort();
	diag_print(diags, f);
	fclose(f);
	out = calloc(1, size + 1);
	if (out == NULL)
		abort();
	o = out;
	for (const char *p = buf; *p != '\0';) {
		if (n > 0 && strncmp(p, dir, n) == 0 && p[n] == '/')
			p += n + 1;
		else
			*o++ = *p++;
	}
	free(buf);
	return out;
}
