/* The string interner (see symtab.h): an open-addressing hash table of
 * pointers into a chain of large blocks that are never moved. */
#include "symtab.h"
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK (64 * 1024)

struct block {
	struct block *next;
	size_t used, size;
	char data[];
};

struct ws_symtab {
	const char **slot;	/* strings, NUL-terminated, length before them */
	size_t cap, n;
	struct block *blocks;
};

struct ws_symtab *ws_symtab_new(void)
{
	struct ws_symtab *st = ws_xcalloc(1, sizeof(*st));
	st->cap = 1 << 17;	/* the engine's data needs about 100,000: no rehash while loading */
	st->slot = ws_xcalloc(st->cap, sizeof(char *));
	return st;
}

void ws_symtab_free(struct ws_symtab *st)
{
	if (!st)
		return;
	struct block *b = st->blocks;
	while (b) {
		struct block *nx = b->next;
		free(b);
		b = nx;
	}
	free(st->slot);
	free(st);
}

static uint32_t len_of(const char *s)
{
	uint32_t n;
	memcpy(&n, s - sizeof(uint32_t), sizeof(n));
	return n;
}

static size_t find_slot(const struct ws_symtab *st, const char *s, size_t n, uint64_t h)
{
	size_t mask = st->cap - 1, i = (size_t)h & mask;
	while (st->slot[i]) {
		const char *c = st->slot[i];
		if (len_of(c) == n && memcmp(c, s, n) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

static const char *store(struct ws_symtab *st, const char *s, size_t n)
{
	size_t need = sizeof(uint32_t) + n + 1;
	need = (need + 7) & ~(size_t)7;
	struct block *b = st->blocks;
	if (!b || b->size - b->used < need) {
		size_t size = need > BLOCK ? need : BLOCK;
		b = ws_xmalloc(sizeof(*b) + size);
		b->next = st->blocks;
		b->used = 0;
		b->size = size;
		st->blocks = b;
	}
	char *p = b->data + b->used;
	uint32_t len = (uint32_t)n;
	memcpy(p, &len, sizeof(len));
	memcpy(p + sizeof(len), s, n);
	p[sizeof(len) + n] = '\0';
	b->used += need;
	return p + sizeof(len);
}

static void rehash(struct ws_symtab *st)
{
	const char **old = st->slot;
	size_t oldcap = st->cap;
	st->cap *= 2;
	st->slot = ws_xcalloc(st->cap, sizeof(char *));
	for (size_t i = 0; i < oldcap; i++) {
		if (!old[i])
			continue;
		size_t n = len_of(old[i]);
		st->slot[find_slot(st, old[i], n, ws_hash_bytes(old[i], n))] = old[i];
	}
	free(old);
}

const char *ws_intern(struct ws_symtab *st, const char *s, size_t n)
{
	uint64_t h = ws_hash_bytes(s, n);
	size_t i = find_slot(st, s, n, h);
	if (st->slot[i])
		return st->slot[i];
	const char *c = store(st, s, n);
	st->slot[i] = c;
	if (++st->n * 2 > st->cap)
		rehash(st);
	return c;
}

const char *ws_intern_str(struct ws_symtab *st, const char *s)
{
	return ws_intern(st, s, strlen(s));
}

const char *ws_sym_find(const struct ws_symtab *st, const char *s, size_t n)
{
	size_t i = find_slot(st, s, n, ws_hash_bytes(s, n));
	return st->slot[i];
}

size_t ws_symtab_count(const struct ws_symtab *st)
{
	return st->n;
}
