/* A string interner: one stable copy of each distinct string, so that
 * strings can be compared by pointer. The engine owns one, filled at load
 * and read-only afterwards (lookups are then safe from any thread). */
#ifndef WS_SYMTAB_H
#define WS_SYMTAB_H

#include <stddef.h>

struct ws_symtab;

struct ws_symtab *ws_symtab_new(void);
void ws_symtab_free(struct ws_symtab *st);

/* The interned copy of s[0..n), made if it does not exist yet. Not thread
 * safe: call only while loading. */
const char *ws_intern(struct ws_symtab *st, const char *s, size_t n);
const char *ws_intern_str(struct ws_symtab *st, const char *s);

/* The interned copy or NULL when s was never interned; safe on a
 * read-only table from any thread. */
const char *ws_sym_find(const struct ws_symtab *st, const char *s, size_t n);

size_t ws_symtab_count(const struct ws_symtab *st);

#endif
