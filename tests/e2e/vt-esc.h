/* A tokenizer of terminal output for the escape-sequence audit: splits the
 * bytes a program wrote (vt_recorded) into text, control characters and
 * escape sequences after ECMA-48, so a test can check every sequence against
 * the ones the terminal's terminfo entry allows.
 *
 * Text is UTF-8 (the terminal runs in UTF-8 mode). C1 controls are reported
 * whether they come as raw bytes 0x80..0x9F or UTF-8 encoded (U+0080..U+009F):
 * some terminals act on either. Anything malformed (an escape sequence cut
 * by a control character or by the end of the bytes, invalid UTF-8) is a
 * VT_TOK_BAD token, never silently merged into its neighbours.
 *
 * Units: offsets and lengths are bytes of the tokenized buffer. */
#ifndef LGMA_TEST_VT_ESC_H
#define LGMA_TEST_VT_ESC_H

#include <stdbool.h>
#include <stddef.h>

enum vt_tok_kind {
	VT_TOK_TEXT, /* printable UTF-8 (space included), no controls */
	VT_TOK_C0,   /* one byte 0x00..0x1F other than ESC, or DEL 0x7F */
	VT_TOK_C1,   /* 0x80..0x9F raw, or U+0080..U+009F as UTF-8 */
	VT_TOK_ESC,  /* ESC, intermediates 0x20..0x2F, final 0x30..0x7E */
	VT_TOK_CSI,  /* ESC [ params 0x30..0x3F, intermediates, final 0x40..0x7E */
	VT_TOK_OSC,  /* ESC ] payload, ended by BEL or ST (ESC \) */
	VT_TOK_DCS,  /* ESC P payload ST */
	VT_TOK_SOS,  /* ESC X payload ST */
	VT_TOK_PM,   /* ESC ^ payload ST */
	VT_TOK_APC,  /* ESC _ payload ST */
	VT_TOK_BAD,  /* malformed; see above */
};

enum {
	VT_TOK_MAX_INTERMEDIATES = 4,
};

struct vt_tok {
	enum vt_tok_kind kind;
	size_t start, len; /* the token's bytes: buf[start, start + len) */

	/* VT_TOK_CSI: the private leader ('<', '=', '>', '?' or 0) and the
	 * parameter bytes after it. VT_TOK_ESC and VT_TOK_CSI: intermediates
	 * (NUL-terminated, possibly cut to VT_TOK_MAX_INTERMEDIATES) and the
	 * final byte. */
	char leader;
	size_t params, params_len;
	char intermediates[VT_TOK_MAX_INTERMEDIATES + 1];
	char final;

	/* The string sequences (OSC, DCS, SOS, PM, APC): payload without the
	 * introducer and the terminator; bel is true when BEL ended it. */
	size_t payload, payload_len;
	bool bel;
};

/* The token starting at buf[pos] (pos < len). Returns the offset after it. */
size_t vt_tok_next(const char *buf, size_t len, size_t pos, struct vt_tok *tok);

/* The token as readable text into out (always NUL-terminated; cut to size):
 *   CSI ?1049h   CSI 5;10H   ESC (B   ESC =   OSC 0;title BEL
 *   C0 0x0d   C1 0x9b   BAD 1b 5b 31   TEXT "abc"
 * With generic set, every run of digits in CSI parameters becomes "#"
 * ("CSI #;#H"), so cursor motions compare by shape; private modes and
 * everything else stay exact. Returns out. */
char *vt_tok_format(const char *buf, const struct vt_tok *tok, bool generic, char *out, size_t size);

/* The i-th numeric CSI parameter (0-based, ';'-separated), or dflt when it
 * is absent or empty. */
long vt_tok_param(const char *buf, const struct vt_tok *tok, int i, long dflt);

#endif
