/* A YAML file as a small tree of located nodes.
 *
 * load-yaml.c is the only user of libyaml: it turns one file into this tree,
 * rejecting what content never needs (anchors, aliases, several documents,
 * nesting deeper than the schema, NUL bytes) with located errors. The schema
 * walk in load-content.c then reads the tree without knowing about libyaml. */
#ifndef LGMA_YAML_TREE_H
#define LGMA_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "lgma/arena.h"
#include "lgma/diag.h"

enum ytree_kind {
	YTREE_SCALAR,
	YTREE_SEQUENCE,
	YTREE_MAPPING,
};

struct ytree_node {
	enum ytree_kind kind;
	unsigned line, column;	/* 1-based; column in characters */
	bool is_null;		/* a plain scalar ~, null, Null, NULL or empty */
	bool is_plain;		/* scalar written without quotes or block style */
	const char *text;	/* scalar: NUL-terminated, valid UTF-8, in the texts arena */
	size_t length;		/* scalar: bytes of text */
	/* scalar: where text[0] is in the file (1-based; column in characters),
	 * or the scalar's start when that cannot be told (folded and quoted
	 * scalars). For a literal block scalar (|) whose lines were all found
	 * in the file, lines_exact: line k of text is file line text_line + k,
	 * its characters from column text_column on. */
	unsigned text_line, text_column;
	bool lines_exact;
	struct ytree_node **items; /* sequence: items; mapping: key, value, key, ... */
	size_t count;		   /* sequence: items; mapping: pairs */
};

enum {
	YTREE_MAX_FILE_SIZE = 16 * 1024 * 1024,
	YTREE_MAX_DEPTH = 8, /* the deepest schema (offices.yaml) needs 6 */
	/* Nodes (keys, values, items) of one file. A node costs about 100
	 * bytes of tree, so 16 MiB of "[a,a,a,...]" would take 800 MB; real
	 * content has over 8 bytes of file per node, and 100 000 minimal
	 * offices need 1.3 million. */
	YTREE_MAX_NODES = 2000000,
};

/* Parses bytes[0..size) of the file named path into a tree of nodes
 * allocated in `nodes`; scalar texts go to `texts` (both arenas are the
 * caller's, and may be the same), so that a model built from the tree can
 * keep the texts without copying them. Returns the root, or NULL after
 * adding at least one error to diags. */
const struct ytree_node *ytree_parse(const char *path, const char *bytes, size_t size,
				     struct arena *nodes, struct arena *texts, struct diag_list *diags);

#endif
