/* Keys and the mouse, encoded by libvterm in the modes the program set:
 * the same bytes xterm would send for the same key at that moment. */
#include <string.h>

#include "vt-private.h"

static const VTermKey vterm_keys[] = {
	[VT_KEY_UP] = VTERM_KEY_UP,
	[VT_KEY_DOWN] = VTERM_KEY_DOWN,
	[VT_KEY_LEFT] = VTERM_KEY_LEFT,
	[VT_KEY_RIGHT] = VTERM_KEY_RIGHT,
	[VT_KEY_HOME] = VTERM_KEY_HOME,
	[VT_KEY_END] = VTERM_KEY_END,
	[VT_KEY_PGUP] = VTERM_KEY_PAGEUP,
	[VT_KEY_PGDN] = VTERM_KEY_PAGEDOWN,
	[VT_KEY_INS] = VTERM_KEY_INS,
	[VT_KEY_DEL] = VTERM_KEY_DEL,
	[VT_KEY_ENTER] = VTERM_KEY_ENTER,
	[VT_KEY_TAB] = VTERM_KEY_TAB,
	[VT_KEY_BACKSPACE] = VTERM_KEY_BACKSPACE,
	[VT_KEY_ESC] = VTERM_KEY_ESCAPE,
	[VT_KEY_F1] = VTERM_KEY_FUNCTION(1),
	[VT_KEY_F1 + 1] = VTERM_KEY_FUNCTION(2),
	[VT_KEY_F1 + 2] = VTERM_KEY_FUNCTION(3),
	[VT_KEY_F1 + 3] = VTERM_KEY_FUNCTION(4),
	[VT_KEY_F1 + 4] = VTERM_KEY_FUNCTION(5),
	[VT_KEY_F1 + 5] = VTERM_KEY_FUNCTION(6),
	[VT_KEY_F1 + 6] = VTERM_KEY_FUNCTION(7),
	[VT_KEY_F1 + 7] = VTERM_KEY_FUNCTION(8),
	[VT_KEY_F1 + 8] = VTERM_KEY_FUNCTION(9),
	[VT_KEY_F1 + 9] = VTERM_KEY_FUNCTION(10),
	[VT_KEY_F1 + 10] = VTERM_KEY_FUNCTION(11),
	[VT_KEY_F12] = VTERM_KEY_FUNCTION(12),
};

/* The modes are those of all output read so far, and libvterm's pending
 * answers must not be mixed into a key's bytes: read and flush first. */
static void settle(struct vt *vt)
{
	vt_drain(vt);
	vt_flush_to_child(vt);
}

int vt_key_repeat(struct vt *vt, enum vt_key key, unsigned mods, int count)
{
	if ((unsigned)key >= sizeof(vterm_keys) / sizeof(vterm_keys[0]) || count < 1)
		return -1;
	settle(vt);
	for (int i = 0; i < count; i++)
		vterm_keyboard_key(vt->term, vterm_keys[key], (VTermModifier)mods);
	return vt_flush_to_child(vt) < 0 ? -1 : 0;
}

int vt_key(struct vt *vt, enum vt_key key, unsigned mods)
{
	return vt_key_repeat(vt, key, mods, 1);
}

size_t vt_key_bytes(struct vt *vt, enum vt_key key, unsigned mods, char *out, size_t size)
{
	size_t n;

	if ((unsigned)key >= sizeof(vterm_keys) / sizeof(vterm_keys[0]))
		return 0;
	settle(vt);
	vterm_keyboard_key(vt->term, vterm_keys[key], (VTermModifier)mods);
	n = vt->to_child.len;
	vt->to_child.len = 0;
	if (n > size)
		return 0;
	memcpy(out, vt->to_child.data, n);
	return n;
}

int vt_fkey(struct vt *vt, int n, unsigned mods)
{
	if (n < 1 || n > 12)
		return -1;
	return vt_key(vt, (enum vt_key)(VT_KEY_F1 + n - 1), mods);
}

int vt_ctrl(struct vt *vt, char c)
{
	char byte;

	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == '?')
		byte = 0x7f;
	else if (c >= '@' && c <= '_')
		byte = (char)(c & 0x1f);
	else
		return -1;
	settle(vt);
	return vt_send(vt, &byte, 1);
}

/* libvterm 0.1.4 reports the mouse even when the program never asked for
 * it; xterm sends nothing then, and neither do we. */
static bool mouse_wanted(struct vt *vt)
{
	settle(vt);
	return vt->mouse != VTERM_PROP_MOUSE_NONE;
}

int vt_mouse_click(struct vt *vt, int row, int col, int button, unsigned mods)
{
	if (button < 1 || button > 3)
		return -1;
	if (!mouse_wanted(vt))
		return 0;
	vterm_mouse_move(vt->term, row, col, (VTermModifier)mods);
	vterm_mouse_button(vt->term, button, true, (VTermModifier)mods);
	vterm_mouse_button(vt->term, button, false, (VTermModifier)mods);
	return vt_flush_to_child(vt);
}

int vt_mouse_wheel(struct vt *vt, int row, int col, bool up, unsigned mods)
{
	if (!mouse_wanted(vt))
		return 0;
	vterm_mouse_move(vt->term, row, col, (VTermModifier)mods);
	vterm_mouse_button(vt->term, up ? 4 : 5, true, (VTermModifier)mods);
	return vt_flush_to_child(vt);
}
