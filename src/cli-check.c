/* lgma --check and lgma --list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lgma/lint.h"
#include "lgma/load.h"
#include "lgma/text.h"

int cli_check(const struct cli_options *opt)
{
	struct diag_list diags;
	struct content *c;

	diag_init(&diags);
	c = load_content_dir(opt->content_dir, &diags);
	if (c != NULL)
		lint_content(c, opt->ambiguous_wide, &diags);
	diag_print(&diags, stderr);
	if (c == NULL) {
		fprintf(stderr, "lgma: %s: %zu error%s, %zu warning%s\n", opt->content_dir, diags.errors,
			diags.errors == 1 ? "" : "s", diags.warnings, diags.warnings == 1 ? "" : "s");
		diag_fini(&diags);
		return EXIT_CONTENT;
	}
	printf("ok: %zu section%s, %zu office%s, languages", c->section_count,
	       c->section_count == 1 ? "" : "s", c->office_count, c->office_count == 1 ? "" : "s");
	for (size_t i = 0; i < c->lang_count; i++)
		printf(" %s", c->langs[i]);
	if (diags.warnings)
		printf(" (%zu warning%s)", diags.warnings, diags.warnings == 1 ? "" : "s");
	putchar('\n');
	diag_fini(&diags);
	content_free(c);
	return EXIT_SUCCESS;
}

int cli_list(const struct cli_options *opt)
{
	struct content *c;
	int lang, status;

	if ((c = cli_load(opt, &lang, &status)) == NULL)
		return status;
	for (size_t i = 0; i < c->section_count; i++) {
		const char *title = content_text_get(&c->sections[i].title, (size_t)lang);
		/* Titles are the content's bytes: shown display-safe, as on screen
		 * (a tab or newline becomes a space and cannot break the format). */
		char *safe = text_sanitize(title, strlen(title), opt->ambiguous_wide, NULL);
		printf("%s\t%s\n", c->sections[i].id, safe);
		free(safe);
	}
	content_free(c);
	return EXIT_SUCCESS;
}
