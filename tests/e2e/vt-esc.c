/* The escape-sequence tokenizer (vt-esc.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "vt-esc.h"

enum {
	ESC = 0x1b,
	BEL = 0x07,
	DEL = 0x7f,
};

static bool is_c0(unsigned char c)
{
	return c < 0x20 || c == DEL;
}

static bool in(unsigned char c, unsigned char lo, unsigned char hi)
{
	return c >= lo && c <= hi;
}

/* ---- text and C1 ---- */

/* The code point at buf[pos] when it is valid UTF-8: its byte count, and
 * *uc; 0 when the bytes there are not valid UTF-8. */
static size_t utf8_at(const char *buf, size_t len, size_t pos, ucs4_t *uc)
{
	int n = u8_mbtoucr(uc, (const uint8_t *)buf + pos, len - pos);

	return n > 0 ? (size_t)n : 0;
}

static bool is_c1_code(ucs4_t uc)
{
	return uc >= 0x80 && uc <= 0x9f;
}

/* A run of printable UTF-8 from pos; the kind of what stops it is the
 * caller's business. */
static size_t text_run(const char *buf, size_t len, size_t pos)
{
	size_t p = pos;

	while (p < len) {
		unsigned char c = (unsigned char)buf[p];
		ucs4_t uc;
		size_t n;

		if (c < 0x80) {
			if (is_c0(c) || c == ESC)
				break;
			p++;
			continue;
		}
		n = utf8_at(buf, len, p, &uc);
		if (n == 0 || is_c1_code(uc))
			break;
		p += n;
	}
	return p - pos;
}

/* ---- escape sequences ---- */

static void copy_intermediates(struct vt_tok *tok, const char *from, size_t n)
{
	if (n > VT_TOK_MAX_INTERMEDIATES)
		n = VT_TOK_MAX_INTERMEDIATES;
	memcpy(tok->intermediates, from, n);
	tok->intermediates[n] = '\0';
}

/* ESC [ at pos: parameters, intermediates, final. */
static size_t csi(const char *buf, size_t len, size_t pos, struct vt_tok *tok)
{
	size_t p = pos + 2, inter;

	if (p < len && in((unsigned char)buf[p], 0x3c, 0x3f))
		tok->leader = buf[p++];
	tok->params = p;
	while (p < len && in((unsigned char)buf[p], 0x30, 0x3f))
		p++;
	tok->params_len = p - tok->params;
	inter = p;
	while (p < len && in((unsigned char)buf[p], 0x20, 0x2f))
		p++;
	copy_intermediates(tok, buf + inter, p - inter);
	if (p < len && in((unsigned char)buf[p], 0x40, 0x7e)) {
		tok->kind = VT_TOK_CSI;
		tok->final = buf[p++];
	}
	/* else: cut by the end, a control, or a parameter after an
	 * intermediate; BAD up to there, the offending byte comes next. */
	return p;
}

/* A string sequence whose two-byte introducer is at pos. */
static size_t string_seq(const char *buf, size_t len, size_t pos, enum vt_tok_kind kind,
			 struct vt_tok *tok)
{
	size_t p = pos + 2;

	tok->payload = p;
	for (; p < len; p++) {
		unsigned char c = (unsigned char)buf[p];

		if (c == BEL && kind == VT_TOK_OSC) {
			tok->payload_len = p - tok->payload;
			tok->bel = true;
			tok->kind = kind;
			return p + 1;
		}
		if (c == ESC) {
			if (p + 1 < len && buf[p + 1] == '\\') {
				tok->payload_len = p - tok->payload;
				tok->kind = kind;
				return p + 2;
			}
			break; /* an ESC that is not ST cuts the string */
		}
	}
	tok->payload_len = p - tok->payload;
	return p;
}

/* ESC at pos. */
static size_t escape(const char *buf, size_t len, size_t pos, struct vt_tok *tok)
{
	size_t p = pos + 1, inter;

	if (p >= len)
		return p;
	switch (buf[p]) {
	case '[':
		return csi(buf, len, pos, tok);
	case ']':
		return string_seq(buf, len, pos, VT_TOK_OSC, tok);
	case 'P':
		return string_seq(buf, len, pos, VT_TOK_DCS, tok);
	case 'X':
		return string_seq(buf, len, pos, VT_TOK_SOS, tok);
	case '^':
		return string_seq(buf, len, pos, VT_TOK_PM, tok);
	case '_':
		return string_seq(buf, len, pos, VT_TOK_APC, tok);
	default:
		break;
	}
	inter = p;
	while (p < len && in((unsigned char)buf[p], 0x20, 0x2f))
		p++;
	copy_intermediates(tok, buf + inter, p - inter);
	if (p < len && in((unsigned char)buf[p], 0x30, 0x7e)) {
		tok->kind = VT_TOK_ESC;
		tok->final = buf[p++];
	}
	return p;
}

size_t vt_tok_next(const char *buf, size_t len, size_t pos, struct vt_tok *tok)
{
	unsigned char c = (unsigned char)buf[pos];
	size_t end, n;
	ucs4_t uc;

	memset(tok, 0, sizeof(*tok));
	tok->start = pos;
	tok->kind = VT_TOK_BAD;
	if (c == ESC) {
		end = escape(buf, len, pos, tok);
	} else if (is_c0(c)) {
		tok->kind = VT_TOK_C0;
		end = pos + 1;
	} else if ((n = text_run(buf, len, pos)) > 0) {
		tok->kind = VT_TOK_TEXT;
		end = pos + n;
	} else if ((n = utf8_at(buf, len, pos, &uc)) > 0) {
		tok->kind = VT_TOK_C1; /* the only valid UTF-8 text_run refuses */
		end = pos + n;
	} else {
		tok->kind = in(c, 0x80, 0x9f) ? VT_TOK_C1 : VT_TOK_BAD;
		end = pos + 1;
	}
	tok->len = end - pos;
	return end;
}

/* ---- formatting ---- */

struct out {
	char *s;
	size_t size, len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len + 1 >= o->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->s + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len = o->len + (size_t)n < o->size ? o->len + (size_t)n : o->size - 1;
}

/* Bytes as themselves when printable ASCII, as \xHH otherwise. */
static void put_bytes(struct out *o, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];

		if (c >= 0x20 && c < 0x7f)
			put(o, "%c", c);
		else
			put(o, "\\x%02x", c);
	}
}

static void put_params(struct out *o, const char *p, size_t n, bool generic)
{
	for (size_t i = 0; i < n; i++) {
		if (generic && in((unsigned char)p[i], '0', '9')) {
			put(o, "#");
			while (i + 1 < n && in((unsigned char)p[i + 1], '0', '9'))
				i++;
		} else {
			put(o, "%c", p[i]);
		}
	}
}

static const char *string_name(enum vt_tok_kind kind)
{
	switch (kind) {
	case VT_TOK_OSC:
		return "OSC";
	case VT_TOK_DCS:
		return "DCS";
	case VT_TOK_SOS:
		return "SOS";
	case VT_TOK_PM:
		return "PM";
	default:
		return "APC";
	}
}

char *vt_tok_format(const char *buf, const struct vt_tok *tok, bool generic, char *out, size_t size)
{
	struct out o = {out, size, 0};
	const char *at = buf + tok->start;

	if (size == 0)
		return out;
	out[0] = '\0';
	switch (tok->kind) {
	case VT_TOK_TEXT:
		put(&o, "TEXT \"%.*s\"", (int)tok->len, at);
		break;
	case VT_TOK_C0:
		put(&o, "C0 0x%02x", (unsigned char)at[0]);
		break;
	case VT_TOK_C1:
		put(&o, "C1 0x%02x", tok->len == 1 ? (unsigned char)at[0] : (unsigned char)at[1]);
		break;
	case VT_TOK_ESC:
		put(&o, "ESC %s%c", tok->intermediates, tok->final);
		break;
	case VT_TOK_CSI:
		put(&o, "CSI ");
		if (tok->leader != 0)
			put(&o, "%c", tok->leader);
		put_params(&o, buf + tok->params, tok->params_len, generic);
		put(&o, "%s%c", tok->intermediates, tok->final);
		break;
	case VT_TOK_OSC:
	case VT_TOK_DCS:
	case VT_TOK_SOS:
	case VT_TOK_PM:
	case VT_TOK_APC:
		put(&o, "%s ", string_name(tok->kind));
		put_bytes(&o, buf + tok->payload, tok->payload_len);
		put(&o, tok->bel ? " BEL" : " ST");
		break;
	case VT_TOK_BAD:
		put(&o, "BAD");
		for (size_t i = 0; i < tok->len; i++)
			put(&o, " %02x", (unsigned char)at[i]);
		break;
	}
	return out;
}

long vt_tok_param(const char *buf, const struct vt_tok *tok, int i, long dflt)
{
	const char *p = buf + tok->params, *end = p + tok->params_len;

	if (tok->kind != VT_TOK_CSI)
		return dflt;
	for (; i > 0 && p < end; p++) {
		if (*p == ';')
			i--;
	}
	if (i > 0 || p >= end || !in((unsigned char)*p, '0', '9'))
		return dflt;
	return strtol(p, NULL, 10);
}
