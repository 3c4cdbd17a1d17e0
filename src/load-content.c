/* The content schema: located tree (yaml-tree.h) -> model (content.h). */
#include "lgma/load.h"

#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgma/geo.h"
#include "lgma/readfile.h"
#include "lgma/xalloc.h"
#include "lgma/yaml-tree.h"

enum { ID_MAX_LENGTH = 64 };

struct loader {
	struct content *c;
	struct diag_list *diags;
	const char *path;      /* file being read */
	char *real_dir;	       /* realpath of the content directory */
	struct arena tree;     /* the current file's tree */
	bool langs_ok;	       /* site.yaml gave usable languages */
	bool resolve_all;      /* a directory on the way is a link: check every file */
	bool land_later;       /* leave world/land.txt to content_land */
	/* load_content_files: the files, instead of the file system. */
	const struct load_file *files;
	size_t file_count;
};

/* An id as first seen, for duplicate detection across files. */
struct id_seen {
	const char *id;
	const char *file;
	unsigned line, column;
	size_t order;
};

struct id_list {
	struct id_seen *items;
	size_t count, capacity;
};

struct field {
	const char *key;
	const struct ytree_node *key_node;
	const struct ytree_node *value;
};

__attribute__((format(printf, 6, 0))) static void vreport(struct loader *l, enum diag_severity severity,
							   const char *file, unsigned line, unsigned column,
							   const char *fmt, va_list ap)
{
	char msg[512];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	diag_add(l->diags, severity, file, line, column, "%s", msg);
}

__attribute__((format(printf, 3, 4))) static void error(struct loader *l, const struct ytree_node *at,
							 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(l, DIAG_ERROR, l->path, at ? at->line : 1, at ? at->column : 1, fmt, ap);
	va_end(ap);
}

__attribute__((format(printf, 3, 4))) static void warning(struct loader *l, const struct ytree_node *at,
							   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(l, DIAG_WARNING, l->path, at->line, at->column, fmt, ap);
	va_end(ap);
}

static const char *kind_name(const struct ytree_node *n)
{
	if (n->kind == YTREE_MAPPING)
		return "a mapping";
	if (n->kind == YTREE_SEQUENCE)
		return "a list";
	return n->is_null ? "nothing (null)" : "text";
}

/* Matches a mapping's keys to the fields the schema knows. Unknown keys are
 * warnings (a typo should not take a kiosk down); duplicates are errors. */
static bool read_fields(struct loader *l, const struct ytree_node *map, const char *what,
			struct field *fields, size_t field_count)
{
	if (map->kind != YTREE_MAPPING) {
		error(l, map, "%s must be a mapping, found %s", what, kind_name(map));
		return false;
	}
	for (size_t i = 0; i < map->count; i++) {
		const struct ytree_node *key = map->items[2 * i];
		size_t f;

		if (key->kind != YTREE_SCALAR) {
			error(l, key, "keys of %s must be plain names, found %s", what, kind_name(key));
			continue;
		}
		for (f = 0; f < field_count; f++)
			if (strcmp(fields[f].key, key->text) == 0)
				break;
		if (f == field_count) {
			warning(l, key, "unknown key '%s' in %s (ignored)", key->text, what);
			continue;
		}
		if (fields[f].value != NULL) {
			error(l, key, "duplicate key '%s' in %s (first on line %u)", key->text, what,
			      fields[f].key_node->line);
			continue;
		}
		fields[f].key_node = key;
		fields[f].value = map->items[2 * i + 1];
	}
	return true;
}

static bool require(struct loader *l, const struct ytree_node *map, const struct field *f,
		    const char *what)
{
	if (f->value != NULL)
		return true;
	error(l, map, "%s has no '%s'", what, f->key);
	return false;
}

/* A scalar that is text (not null), copied into the model. */
static const char *get_string(struct loader *l, const struct field *f, const char *what)
{
	const struct ytree_node *v = f->value;

	if (v == NULL)
		return NULL;
	if (v->kind != YTREE_SCALAR || v->is_null) {
		error(l, v, "'%s' of %s must be text, found %s", f->key, what, kind_name(v));
		return NULL;
	}
	return v->text;
}

static bool valid_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > ID_MAX_LENGTH)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static const char *get_id(struct loader *l, const struct field *f, const char *what)
{
	const char *id = get_string(l, f, what);

	if (id != NULL && !valid_id(id)) {
		error(l, f->value,
		      "invalid id '%s' for %s: use 1 to %d of a-z, 0-9 and '-'", id, what, ID_MAX_LENGTH);
		return NULL;
	}
	return id;
}

static void declared_list(const struct content *c, char *out, size_t size)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < c->lang_count && o < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%s%s", i ? ", " : "", c->langs[i]);
}

/* A language that a file does not give takes the next language in
 * preference order, then the previous ones. */
static bool resolve_fallbacks(const struct content *c, struct content_text *t)
{
	size_t n = c->lang_count;

	if (t->native == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (t->by_lang[i] != NULL)
			continue;
		for (size_t step = 1; step < n; step++) {
			const char *s = t->by_lang[(i + step) % n];
			if (s != NULL && (t->native & (1u << ((i + step) % n)))) {
				t->by_lang[i] = s;
				break;
			}
		}
	}
	return true;
}

static void text_from_mapping(struct loader *l, const struct ytree_node *map, const char *key,
			      struct content_text *t)
{
	for (size_t i = 0; i < map->count; i++) {
		const struct ytree_node *k = map->items[2 * i];
		const struct ytree_node *v = map->items[2 * i + 1];
		int lang;

		if (k->kind != YTREE_SCALAR) {
			error(l, k, "languages of '%s' must be codes such as 'en', found %s", key, kind_name(k));
			continue;
		}
		lang = content_lang_index(l->c, k->text);
		if (lang < 0) {
			char declared[128];
			declared_list(l->c, declared, sizeof(declared));
			if (l->langs_ok)
				error(l, k, "language '%s' of '%s' is not declared in site.yaml (languages: %s)",
				      k->text, key, declared);
			continue;
		}
		if (t->native & (1u << lang)) {
			error(l, k, "duplicate language '%s' in '%s'", k->text, key);
			continue;
		}
		if (v->kind != YTREE_SCALAR || v->is_null) {
			error(l, v, "the '%s' text of '%s' must be text, found %s", k->text, key, kind_name(v));
			continue;
		}
		t->by_lang[lang] = v->text;
		t->native |= 1u << lang;
	}
}

static struct content_pos node_pos(const struct ytree_node *n)
{
	return (struct content_pos){n->text_line, n->text_column, n->lines_exact};
}

/* Where each language's text of a localised field starts. */
static void text_positions(struct loader *l, const struct ytree_node *v, struct content_pos *pos)
{
	if (v->kind == YTREE_SCALAR) {
		for (size_t i = 0; i < l->c->lang_count; i++)
			pos[i] = node_pos(v);
		return;
	}
	for (size_t i = 0; v->kind == YTREE_MAPPING && i < v->count; i++) {
		const struct ytree_node *k = v->items[2 * i], *text = v->items[2 * i + 1];
		int lang = k->kind == YTREE_SCALAR ? content_lang_index(l->c, k->text) : -1;
		if (lang >= 0 && text->kind == YTREE_SCALAR)
			pos[lang] = node_pos(text);
	}
}

/* A localised text: either one string for every language or a mapping of
 * language code to string. */
static bool get_text(struct loader *l, const struct field *f, struct content_text *t)
{
	const struct ytree_node *v = f->value;

	memset(t, 0, sizeof(*t));
	if (v == NULL)
		return false;
	if (v->kind == YTREE_SCALAR && !v->is_null) {
		const char *s = v->text;
		for (size_t i = 0; i < l->c->lang_count; i++)
			t->by_lang[i] = s;
		t->native = (1u << l->c->lang_count) - 1;
		return true;
	}
	if (v->kind != YTREE_MAPPING) {
		error(l, v, "'%s' must be text or a mapping of language to text, found %s", f->key,
		      kind_name(v));
		return false;
	}
	text_from_mapping(l, v, f->key, t);
	if (l->langs_ok && !resolve_fallbacks(l->c, t)) {
		char declared[128];
		declared_list(l->c, declared, sizeof(declared));
		error(l, v, "'%s' has no text in any declared language (%s)", f->key, declared);
		return false;
	}
	return true;
}

static bool get_lines(struct loader *l, const struct field *f, struct content_lines *out)
{
	const struct ytree_node *v = f->value;

	out->lines = NULL;
	out->count = 0;
	if (v == NULL)
		return false;
	if (v->kind != YTREE_SEQUENCE) {
		error(l, v, "'%s' must be a list of lines, found %s", f->key, kind_name(v));
		return false;
	}
	if (v->count > CONTENT_MAX_LINES) {
		error(l, v, "'%s' has %zu lines; the limit is %d", f->key, v->count, CONTENT_MAX_LINES);
		return false;
	}
	out->lines = arena_alloc(&l->c->arena, (v->count + 1) * sizeof(*out->lines));
	for (size_t i = 0; i < v->count; i++) {
		struct field item = {.key = f->key, .value = v->items[i]};
		const char *s = get_string(l, &item, "an address");
		if (s == NULL)
			return false;
		out->lines[out->count++] = s;
	}
	return true;
}

static bool get_degrees(struct loader *l, const struct field *f, double limit, double *out)
{
	const struct ytree_node *v = f->value;
	char *end;

	if (v == NULL)
		return false;
	if (v->kind != YTREE_SCALAR || !v->is_plain || v->is_null) {
		error(l, v, "'%s' must be a number of degrees, found %s", f->key, kind_name(v));
		return false;
	}
	*out = strtod(v->text, &end);
	if (end == v->text || *end != '\0' || !isfinite(*out)) {
		error(l, v, "'%s' must be a number of degrees, found '%s'", f->key, v->text);
		return false;
	}
	if (*out < -limit || *out > limit) {
		error(l, v, "'%s' %s is out of range (-%g to %g)", f->key, v->text, limit, limit);
		return false;
	}
	return true;
}

static void ids_add_at(struct id_list *ids, const char *id, const char *file, unsigned line, unsigned column)
{
	if (ids->count == ids->capacity) {
		ids->capacity = ids->capacity ? ids->capacity * 2 : 32;
		ids->items = xreallocarray(ids->items, ids->capacity, sizeof(*ids->items));
	}
	ids->items[ids->count] = (struct id_seen){id, file, line, column, ids->count};
	ids->count++;
}

static void ids_add(struct id_list *ids, const char *id, const char *file, const struct ytree_node *at)
{
	ids_add_at(ids, id, file, at->line, at->column);
}

static int id_seen_cmp(const void *a, const void *b)
{
	const struct id_seen *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Sorting finds duplicates in n log n even for 100 000 offices. */
static void ids_check(struct loader *l, struct id_list *ids, const char *what)
{
	/* qsort's base must not be NULL even for no items: a file whose
	 * every id failed leaves the list unallocated. */
	if (ids->count > 0)
		qsort(ids->items, ids->count, sizeof(*ids->items), id_seen_cmp);
	for (size_t i = 0, j; i < ids->count; i = j) {
		const struct id_seen *first = &ids->items[i];
		for (j = i + 1; j < ids->count && strcmp(ids->items[j].id, first->id) == 0; j++) {
			const struct id_seen *dup = &ids->items[j];
			diag_add(l->diags, DIAG_ERROR, dup->file, dup->line, dup->column,
				 "duplicate %s id '%s'", what, dup->id);
			diag_add(l->diags, DIAG_NOTE, first->file, first->line, first->column,
				 "'%s' is first defined here", first->id);
		}
	}
	free(ids->items);
	ids->items = NULL;
	ids->count = ids->capacity = 0;
}

static bool valid_lang_code(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");

	if (n < 2 || n > 3)
		return false;
	/* Optional subtags such as zh-Hant or pt-BR. */
	while (s[n] == '-') {
		size_t sub = strspn(s + n + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (sub < 1 || sub > 8)
			return false;
		n += 1 + sub;
	}
	return s[n] == '\0';
}

static void read_languages(struct loader *l, const struct ytree_node *v)
{
	struct content *c = l->c;

	if (v->kind != YTREE_SEQUENCE || v->count == 0) {
		error(l, v, "'languages' must be a list of language codes such as [ja, en], found %s",
		      v->kind == YTREE_SEQUENCE ? "an empty list" : kind_name(v));
		return;
	}
	if (v->count > CONTENT_MAX_LANGS) {
		error(l, v, "%zu languages: the limit is %d", v->count, CONTENT_MAX_LANGS);
		return;
	}
	for (size_t i = 0; i < v->count; i++) {
		const struct ytree_node *code = v->items[i];
		if (code->kind != YTREE_SCALAR || !valid_lang_code(code->text)) {
			error(l, code, "'%s' is not a language code such as 'ja', 'en' or 'pt-BR'",
			      code->kind == YTREE_SCALAR ? code->text : kind_name(code));
			return;
		}
		if (content_lang_index(c, code->text) >= 0) {
			error(l, code, "language '%s' is listed twice", code->text);
			return;
		}
		c->langs[c->lang_count++] = code->text;
	}
	l->langs_ok = true;
}

static const struct load_file *find_file(const struct loader *l, const char *path)
{
	for (size_t i = 0; i < l->file_count; i++)
		if (strcmp(l->files[i].name, path) == 0)
			return &l->files[i];
	return NULL;
}

/* A file given in memory, as readfile would return it from disk: a copy of
 * exactly its size (plus the NUL), under the same size limit. */
static char *read_given(struct loader *l, const char *path, size_t *size)
{
	const struct load_file *f = find_file(l, path);
	char *bytes;

	if (f == NULL) {
		diag_add(l->diags, DIAG_ERROR, path, 1, 1, "cannot open: %s", strerror(ENOENT));
		return NULL;
	}
	if (f->size > YTREE_MAX_FILE_SIZE) {
		diag_add(l->diags, DIAG_ERROR, path, 1, 1, "file too large: %zu bytes, the limit is %d",
			 f->size, YTREE_MAX_FILE_SIZE);
		return NULL;
	}
	bytes = xmalloc(f->size + 1);
	memcpy(bytes, f->bytes, f->size);
	bytes[f->size] = '\0';
	*size = f->size;
	return bytes;
}

static bool file_exists(const struct loader *l, const char *path)
{
	if (l->files != NULL)
		return find_file(l, path) != NULL;
	return access(path, F_OK) == 0 || errno != ENOENT;
}

/* The content directory is the only thing read: a symlink must not lead a
 * kiosk to other files. Only links need resolving (one lstat otherwise). */
static bool outside_content(const struct loader *l, const char *path)
{
	struct stat st;
	char *real;
	bool outside;

	if (l->files != NULL || l->real_dir == NULL)
		return false;
	if (!l->resolve_all && (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)))
		return false;
	real = realpath(path, NULL);
	if (real == NULL)
		return false; /* dangling: opening it reports the error */
	outside = strncmp(real, l->real_dir, strlen(l->real_dir)) != 0 || real[strlen(l->real_dir)] != '/';
	free(real);
	return outside;
}

/* Reads and parses one file; NULL (with errors reported) if unusable. */
static const struct ytree_node *parse_file(struct loader *l, const char *path)
{
	size_t size;
	char *bytes;
	const struct ytree_node *root;

	l->path = path;
	arena_fini(&l->tree); /* the previous file's tree */
	if (outside_content(l, path)) {
		diag_add(l->diags, DIAG_ERROR, path, 1, 1, "refusing a file outside the content directory");
		return NULL;
	}
	if (l->files != NULL)
		bytes = read_given(l, path, &size);
	else
		bytes = readfile(path, YTREE_MAX_FILE_SIZE, &size, l->diags);
	if (bytes == NULL)
		return NULL;
	/* Texts go straight to the model's arena: bodies are kept, not copied. */
	root = ytree_parse(path, bytes, size, &l->tree, &l->c->arena, l->diags);
	free(bytes);
	return root;
}

static void load_site(struct loader *l, const char *path)
{
	struct field f[] = {{.key = "languages"}, {.key = "language_names"}, {.key = "title"}};
	const struct ytree_node *root = parse_file(l, path);

	if (root == NULL || !read_fields(l, root, "site.yaml", f, 3))
		return;
	if (require(l, root, &f[0], "site.yaml"))
		read_languages(l, f[0].value);
	if (!l->langs_ok)
		return;
	if (f[1].value != NULL)
		get_text(l, &f[1], &l->c->language_names);
	if (require(l, root, &f[2], "site.yaml"))
		get_text(l, &f[2], &l->c->title);
}

/* One section file into *s; false (with errors reported) when unusable. */
static bool read_section(struct loader *l, const char *path, struct content_section *s, unsigned *id_line,
			 unsigned *id_column)
{
	struct field f[] = {{.key = "id"}, {.key = "title"}, {.key = "body"}};
	const struct ytree_node *root = parse_file(l, path);
	struct content *c = l->c;
	bool ok;

	memset(s, 0, sizeof(*s));
	if (root == NULL || !read_fields(l, root, "a section", f, 3))
		return false;
	ok = require(l, root, &f[0], "the section");
	ok &= require(l, root, &f[1], "the section");
	ok &= require(l, root, &f[2], "the section");
	if (!ok)
		return false;
	s->file = arena_strdup(&c->arena, path);
	s->id = get_id(l, &f[0], "a section");
	if (s->id != NULL && (strcmp(s->id, "offices") == 0 || strcmp(s->id, "all") == 0 ||
			      strcmp(s->id, "map") == 0)) {
		error(l, f[0].value, "section id '%s' is reserved (it names a view of lgma)", s->id);
		s->id = NULL;
	}
	ok = s->id != NULL;
	ok &= get_text(l, &f[1], &s->title);
	ok &= get_text(l, &f[2], &s->body);
	if (!ok)
		return false;
	text_positions(l, f[1].value, s->title_pos);
	text_positions(l, f[2].value, s->body_pos);
	*id_line = f[0].value->line;
	*id_column = f[0].value->column;
	return true;
}

static struct content_office *push_office(struct loader *l)
{
	struct content *c = l->c;

	if ((c->office_count & (c->office_count - 1)) == 0) /* 0, 1, 2, 4, 8...: grow */
		c->offices = xreallocarray(c->offices, c->office_count ? c->office_count * 2 : 1,
					   sizeof(*c->offices));
	memset(&c->offices[c->office_count], 0, sizeof(*c->offices));
	return &c->offices[c->office_count];
}

static void load_office(struct loader *l, const struct ytree_node *node, size_t region,
			struct id_list *ids)
{
	struct field f[] = {{.key = "id"},	 {.key = "name"},  {.key = "city"}, {.key = "country"}, {.key = "address"}, {.key = "postal"},
			    {.key = "phone"},	 {.key = "fax"},   {.key = "email"}, {.key = "web"},	    {.key = "lat"},	 {.key = "lon"}};
	enum { ID, NAME, CITY, COUNTRY, ADDRESS, POSTAL, PHONE, FAX, EMAIL, WEB, LAT, LON, N };
	struct content_office *o;
	bool ok = true;

	if (!read_fields(l, node, "an office", f, N))
		return;
	for (size_t i = 0; i < N; i++)
		if (i == ID || i == NAME || i == ADDRESS || i == LAT || i == LON)
			ok &= require(l, node, &f[i], "the office");
	if (!ok)
		return;
	if (l->c->office_count >= CONTENT_MAX_OFFICES) {
		error(l, node, "more than %d offices", CONTENT_MAX_OFFICES);
		return;
	}
	o = push_office(l);
	o->region = region;
	o->line = node->line;
	o->column = node->column;
	o->id = get_id(l, &f[ID], "an office");
	ok = o->id != NULL;
	ok &= get_text(l, &f[NAME], &o->name);
	if (f[CITY].value != NULL)
		ok &= get_text(l, &f[CITY], &o->city);
	if (f[COUNTRY].value != NULL)
		ok &= get_text(l, &f[COUNTRY], &o->country);
	ok &= get_lines(l, &f[ADDRESS], &o->address);
	if (f[POSTAL].value != NULL)
		ok &= get_lines(l, &f[POSTAL], &o->postal);
	o->phone = get_string(l, &f[PHONE], "an office");
	o->fax = get_string(l, &f[FAX], "an office");
	o->email = get_string(l, &f[EMAIL], "an office");
	o->web = get_string(l, &f[WEB], "an office");
	ok &= get_degrees(l, &f[LAT], 90, &o->lat);
	ok &= get_degrees(l, &f[LON], 180, &o->lon);
	if (!ok)
		return;
	ids_add(ids, o->id, l->path, f[ID].value);
	l->c->office_count++;
}

static void load_region(struct loader *l, const struct ytree_node *node, struct id_list *ids,
			struct id_list *office_ids)
{
	struct field f[] = {{.key = "id"}, {.key = "name"}, {.key = "offices"}};
	struct content *c = l->c;
	struct content_region r = {0};
	bool ok;

	if (!read_fields(l, node, "a region", f, 3))
		return;
	ok = require(l, node, &f[0], "the region");
	ok &= require(l, node, &f[1], "the region");
	ok &= require(l, node, &f[2], "the region");
	if (!ok)
		return;
	r.id = get_id(l, &f[0], "a region");
	ok = r.id != NULL;
	ok &= get_text(l, &f[1], &r.name);
	if (f[2].value->kind != YTREE_SEQUENCE) {
		error(l, f[2].value, "'offices' must be a list, found %s", kind_name(f[2].value));
		ok = false;
	}
	if (!ok)
		return;
	if (c->region_count >= CONTENT_MAX_REGIONS) {
		error(l, node, "more than %d regions", CONTENT_MAX_REGIONS);
		return;
	}
	ids_add(ids, r.id, l->path, f[0].value);
	r.first_office = c->office_count;
	for (size_t i = 0; i < f[2].value->count; i++)
		load_office(l, f[2].value->items[i], c->region_count, office_ids);
	r.office_count = c->office_count - r.first_office;
	if (r.office_count == 0 && f[2].value->count == 0)
		warning(l, f[2].value, "region '%s' has no offices", r.id);
	c->regions = xreallocarray(c->regions, c->region_count + 1, sizeof(*c->regions));
	c->regions[c->region_count++] = r;
}

static void load_offices(struct loader *l, const char *path)
{
	struct field f[] = {{.key = "regions"}};
	struct id_list region_ids = {0}, office_ids = {0};
	const struct ytree_node *root = parse_file(l, path);
	const char *file;

	if (root == NULL || !read_fields(l, root, "offices.yaml", f, 1))
		return;
	if (!require(l, root, &f[0], "offices.yaml"))
		return;
	if (f[0].value->kind != YTREE_SEQUENCE) {
		error(l, f[0].value, "'regions' must be a list, found %s", kind_name(f[0].value));
		return;
	}
	file = arena_strdup(&l->c->arena, path);
	l->path = file;
	l->c->offices_file = file;
	for (size_t i = 0; i < f[0].value->count; i++)
		load_region(l, f[0].value->items[i], &region_ids, &office_ids);
	ids_check(l, &region_ids, "region");
	ids_check(l, &office_ids, "office");
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The next entry of the sections directory (d), or of the given files
 * under sections/ (from *cursor); NULL at the end. */
static const char *next_entry(const struct loader *l, DIR *d, const char *sections_dir, size_t *cursor)
{
	struct dirent *e;
	size_t prefix = strlen(sections_dir);

	if (l->files == NULL)
		return (e = readdir(d)) != NULL ? e->d_name : NULL;
	while (*cursor < l->file_count) {
		const char *name = l->files[(*cursor)++].name;
		if (strncmp(name, sections_dir, prefix) == 0 && name[prefix] == '/' &&
		    strchr(name + prefix + 1, '/') == NULL)
			return name + prefix + 1;
	}
	return NULL;
}

/* File names of DIR/sections/ that are sections, sorted; NULL-terminated. */
static char **section_files(struct loader *l, const char *sections_dir, size_t *count)
{
	DIR *d = l->files == NULL ? opendir(sections_dir) : NULL;
	char **names = NULL;
	size_t n = 0, cursor = 0;
	const char *name;

	*count = 0;
	if (d == NULL && l->files == NULL) {
		diag_add(l->diags, DIAG_ERROR, sections_dir, 1, 1, "cannot open the sections directory: %s",
			 strerror(errno));
		return NULL;
	}
	while ((name = next_entry(l, d, sections_dir, &cursor)) != NULL) {
		if (name[0] == '.' || has_suffix(name, "~"))
			continue;
		if (!has_suffix(name, ".yaml")) {
			diag_add(l->diags, DIAG_WARNING, sections_dir, 1, 1,
				 "'%s' is not a .yaml file (ignored)", name);
			continue;
		}
		if (n == CONTENT_MAX_SECTIONS) {
			diag_add(l->diags, DIAG_ERROR, sections_dir, 1, 1, "more than %d sections",
				 CONTENT_MAX_SECTIONS);
			break;
		}
		if ((n & (n - 1)) == 0) /* 0, 1, 2, 4...: grow */
			names = xreallocarray(names, n ? n * 2 : 1, sizeof(*names));
		names[n++] = xstrdup(name);
	}
	if (d != NULL)
		closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), name_cmp);
	*count = n;
	return names;
}

static char *join(const char *dir, const char *name)
{
	if (dir[0] == '\0') /* given files are named relative to the content */
		return xstrdup(name);
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = xmalloc(n);

	snprintf(path, n, "%s%s%s", dir, has_suffix(dir, "/") ? "" : "/", name);
	return path;
}

/* A section file read on its own, possibly on another thread. */
struct section_job {
	char *path;
	struct content_section section;
	unsigned id_line, id_column;
	bool ok;
	struct diag_list diags;
};

/* Reads every step-th job from first, with a loader and an arena of its own. */
struct section_worker {
	const struct loader *parent;
	struct section_job *jobs;
	size_t count, first, step;
	struct content scratch; /* the parent's languages; this worker's strings */
	pthread_t thread;
};

static void *section_worker_run(void *arg)
{
	struct section_worker *w = arg;
	struct loader l = *w->parent;

	l.c = &w->scratch;
	arena_init(&l.tree);
	for (size_t i = w->first; i < w->count; i += w->step) {
		l.diags = &w->jobs[i].diags;
		w->jobs[i].ok = read_section(&l, w->jobs[i].path, &w->jobs[i].section, &w->jobs[i].id_line,
					     &w->jobs[i].id_column);
	}
	arena_fini(&l.tree);
	return NULL;
}

/* Many section files are parsed on every core: libyaml's reader is most of
 * the cost of starting on a large content set. */
static size_t worker_count(size_t jobs)
{
	long cores;
	size_t n;

	/* Threads pay off from 16 files a thread: a small set (the shipped
	 * content has six) is read here, without asking for the cores. */
	if (jobs < 32)
		return 1;
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	n = cores > 1 ? (size_t)cores : 1;
	if (n > 8)
		n = 8;
	if (n > jobs / 16)
		n = jobs / 16;
	return n > 0 ? n : 1;
}

static void run_section_jobs(struct loader *l, struct section_job *jobs, size_t count)
{
	size_t n = worker_count(count);
	struct section_worker *w = xcalloc(n, sizeof(*w));

	for (size_t i = 0; i < n; i++) {
		w[i] = (struct section_worker){.parent = l, .jobs = jobs, .count = count, .first = i, .step = n};
		w[i].scratch = *l->c;
		arena_init(&w[i].scratch.arena);
		if (i > 0 && pthread_create(&w[i].thread, NULL, section_worker_run, &w[i]) != 0)
			w[i].step = 0; /* no thread: run it here below */
	}
	section_worker_run(&w[0]);
	for (size_t i = 1; i < n; i++) {
		if (w[i].step == 0) {
			w[i].step = n;
			section_worker_run(&w[i]);
		} else {
			pthread_join(w[i].thread, NULL);
		}
	}
	for (size_t i = 0; i < n; i++)
		arena_adopt(&l->c->arena, &w[i].scratch.arena);
	free(w);
}

static void load_sections(struct loader *l, const char *dir)
{
	struct id_list ids = {0};
	char *sections_dir = join(dir, "sections");
	size_t count;
	struct stat st;
	char **names;
	struct section_job *jobs;
	struct content *c = l->c;

	l->resolve_all = l->files == NULL && lstat(sections_dir, &st) == 0 && S_ISLNK(st.st_mode);
	names = section_files(l, sections_dir, &count);
	jobs = xcalloc(count ? count : 1, sizeof(*jobs));

	for (size_t i = 0; i < count; i++) {
		jobs[i].path = join(sections_dir, names[i]);
		diag_init(&jobs[i].diags);
		free(names[i]);
	}
	run_section_jobs(l, jobs, count);
	/* Back in file order: the sections, their ids and their messages. */
	c->sections = xcalloc(count ? count : 1, sizeof(*c->sections));
	for (size_t i = 0; i < count; i++) {
		diag_append(l->diags, &jobs[i].diags);
		if (jobs[i].ok) {
			ids_add_at(&ids, jobs[i].section.id, jobs[i].section.file, jobs[i].id_line, jobs[i].id_column);
			c->sections[c->section_count++] = jobs[i].section;
		}
		free(jobs[i].path);
	}
	free(jobs);
	if (names != NULL && c->section_count == 0 && l->diags->errors == 0)
		diag_add(l->diags, DIAG_ERROR, sections_dir, 1, 1, "no sections");
	else if (names == NULL && l->diags->errors == 0)
		diag_add(l->diags, DIAG_ERROR, sections_dir, 1, 1, "no sections (add NN-name.yaml files)");
	free(names);
	ids_check(l, &ids, "section");
	free(sections_dir);
}

/* Every file of the content under dir ("" for given files), then the
 * verdict: the model, or NULL when any error was added. */
static struct content *load_all(struct loader *l, const char *dir)
{
	size_t errors_before = l->diags->errors;
	char *path;

	arena_init(&l->tree);
	path = join(dir, "site.yaml");
	load_site(l, path);
	free(path);
	load_sections(l, dir);
	path = join(dir, "offices.yaml");
	if (file_exists(l, path))
		load_offices(l, path);
	free(path);
	/* The map's land is content too: checked, reloaded and refused with it. */
	path = join(dir, "world/land.txt");
	if (l->files == NULL && file_exists(l, path)) {
		if (l->land_later)
			content_defer_land(l->c, dir);
		else
			l->c->land = geo_land_load(dir, l->diags);
	}
	free(path);
	arena_fini(&l->tree);
	if (l->diags->errors > errors_before) {
		content_free(l->c);
		return NULL;
	}
	return l->c;
}

static struct content *load_dir(const char *dir, bool land_later, struct diag_list *diags)
{
	struct loader l = {.diags = diags, .land_later = land_later};
	struct content *c;

	l.real_dir = realpath(dir, NULL);
	if (l.real_dir == NULL) {
		diag_add(diags, DIAG_ERROR, dir, 1, 1, "cannot open the content directory: %s", strerror(errno));
		return NULL;
	}
	l.c = content_new();
	c = load_all(&l, dir);
	free(l.real_dir);
	return c;
}

struct content *load_content_dir(const char *dir, struct diag_list *diags)
{
	return load_dir(dir, false, diags);
}

struct content *load_content_dir_land_later(const char *dir, struct diag_list *diags)
{
	return load_dir(dir, true, diags);
}

struct content *load_content_files(const struct load_file *files, size_t count, struct diag_list *diags)
{
	struct loader l = {.c = content_new(), .diags = diags, .files = files, .file_count = count};

	return load_all(&l, "");
}
