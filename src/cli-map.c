/* lgma --dump map: the offices' world map as text, as the map screen paints it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lgma/canvas.h"
#include "lgma/geo.h"
#include "lgma/load.h"
#include "lgma/map.h"

enum {
	DEFAULT_WIDTH = 80,
	DEFAULT_HEIGHT = 24,
};

/* The index of the office called id, or MAP_NONE after a usage message. */
static size_t find_office(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->office_count; i++)
		if (strcmp(c->offices[i].id, id) == 0)
			return i;
	fprintf(stderr, "lgma: --select: no office '%s'; the offices are:", id);
	for (size_t i = 0; i < c->office_count; i++)
		fprintf(stderr, " %s", c->offices[i].id);
	fputc('\n', stderr);
	return MAP_NONE;
}

/* A content directory without world/land.txt still has a map: markers on
 * blank sea. A land file that is there was checked with the content. */
static int dump(const struct cli_options *opt, const struct content *c, size_t lang)
{
	struct map_options mo = {.ascii = opt->ascii, .selected = MAP_NONE, .lang = lang};
	int width = opt->width > 0 ? opt->width : DEFAULT_WIDTH;
	int height = opt->height > 0 ? opt->height : DEFAULT_HEIGHT;
	struct canvas canvas;

	if (opt->select != NULL && (mo.selected = find_office(c, opt->select)) == MAP_NONE)
		return EXIT_USAGE;
	canvas_init(&canvas, height, width, opt->ambiguous_wide);
	map_paint(&canvas, (struct canvas_rect){0, 0, height, width}, c, c->land, &mo);
	canvas_print(&canvas, stdout);
	canvas_fini(&canvas);
	return EXIT_SUCCESS;
}

int cli_dump_map(const struct cli_options *opt)
{
	struct content *c;
	int lang, status;

	if ((c = cli_load(opt, &lang, &status)) == NULL)
		return status;
	status = dump(opt, c, (size_t)lang);
	content_free(c);
	return status;
}
