#include "lgma/qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/xalloc.h"

static const char UPPER[] = "\xE2\x96\x80"; /* U+2580 */
static const char LOWER[] = "\xE2\x96\x84"; /* U+2584 */
static const char FULL[] = "\xE2\x96\x88";  /* U+2588 */

/* Columns of one module: the width text.h gives the block glyphs. */
static int module_cols(const struct canvas *c)
{
	return text_char_width(0x2588, c->ambiguous_wide) == 2 ? 2 : 1;
}

void qr_cells(const struct canvas *c, int modules, int *cols, int *rows)
{
	*cols = modules * module_cols(c);
	*rows = (modules + 1) / 2;
}

static QRcode *encode(const char *text, enum qr_level level)
{
	static const QRecLevel levels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};

	/* Version 0: the smallest symbol that holds the text. Case-sensitive,
	 * so a URL's path survives. */
	return QRcode_encodeString(text, 0, levels[level], QR_MODE_8, 1);
}

/* Whether the module at (x, y) of the code with its quiet zone is dark. */
static bool dark(const QRcode *q, int x, int y)
{
	x -= QR_QUIET_ZONE;
	y -= QR_QUIET_ZONE;
	if (x < 0 || y < 0 || x >= q->width || y >= q->width)
		return false;
	return q->data[(size_t)y * (size_t)q->width + (size_t)x] & 1;
}

static void draw(struct canvas *c, struct canvas_rect at, const QRcode *q, int modules)
{
	int mc = module_cols(c);

	for (int y = 0; y < modules; y += 2) {
		int row = at.row + y / 2;
		for (int x = 0; x < modules; x++) {
			bool top = dark(q, x, y), bottom = y + 1 < modules && dark(q, x, y + 1);
			const char *glyph = top && bottom ? FULL : top ? UPPER : bottom ? LOWER : NULL;
			int col = at.col + x * mc;

			if (glyph != NULL)
				canvas_put(c, row, col, glyph, strlen(glyph), CANVAS_QR, mc);
			else
				canvas_fill(c, row, col, mc, ' ', CANVAS_QR);
		}
	}
}


bool qr_paint(struct canvas *c, struct canvas_rect rect, const char *text, struct qr_result *res)
{
	QRcode *q = encode(text, QR_LEVEL_L);
	bool drawn = false;

	memset(res, 0, sizeof(*res));
	rect = canvas_clip(c, rect);
	if (q == NULL) {
		res->status = QR_TOO_LONG;
		return false;
	}
	qr_cells(c, q->width + 2 * QR_QUIET_ZONE, &res->need_cols, &res->need_rows);
	/* Highest level first: the more of the code that may be misread or
	 * hidden (a cursor, a glare), the better, as long as it fits. */
	for (int level = QR_LEVEL_H; level >= QR_LEVEL_L && !drawn; level--) {
		QRcode *code = level == QR_LEVEL_L ? q : encode(text, (enum qr_level)level);
		int modules, cols, rows;

		if (code == NULL)
			continue;
		modules = code->width + 2 * QR_QUIET_ZONE;
		qr_cells(c, modules, &cols, &rows);
		if (cols <= rect.cols && rows <= rect.rows) {
			drawn = true;
			res->status = QR_DRAWN;
			res->level = (enum qr_level)level;
			res->version = code->version;
			res->modules = modules;
			res->drawn = (struct canvas_rect){rect.row + (rect.rows - rows) / 2,
							  rect.col + (rect.cols - cols) / 2, rows, cols};
			canvas_fill_rect(c, rect, CANVAS_NORMAL);
			draw(c, res->drawn, code, modules);
		}
		if (code != q)
			QRcode_free(code);
	}
	QRcode_free(q);
	if (!drawn) {
		res->status = QR_TOO_SMALL;
		return false;
	}
	return true;
}

static bool has_scheme(const char *url)
{
	/* "www.example.org:8080" has a colon too: a scheme is "NAME://". */
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

	return n > 0 && strncmp(url + n, "://", 3) == 0;
}

static char *concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = xmalloc(na + nb + 1);

	memcpy(s, a, na);
	memcpy(s + na, b, nb + 1);
	return s;
}

char *qr_office_text(const struct content_office *o)
{
	size_t size = 1;
	char *s;

	if (o->web != NULL && *o->web != '\0')
		return has_scheme(o->web) ? xstrdup(o->web) : concat("http://", o->web);
	if (o->email != NULL && *o->email != '\0')
		return concat("mailto:", o->email);
	if (o->address.count == 0)
		return NULL;
	for (size_t i = 0; i < o->address.count; i++)
		size += strlen(o->address.lines[i]) + 1;
	s = xmalloc(size);
	s[0] = '\0';
	for (size_t i = 0; i < o->address.count; i++) {
		if (i > 0)
			strcat(s, "\n");
		strcat(s, o->address.lines[i]);
	}
	return s;
}
