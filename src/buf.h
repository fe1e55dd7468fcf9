/* Growable byte buffers and arrays: the low-level memory primitives every
 * stage uses. They know nothing about language. Allocation failure aborts
 * with a message: there is no sensible way to go on without memory. */
#ifndef WS_BUF_H
#define WS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A byte string that owns its memory. data is NUL-terminated once anything
 * has been added; len excludes the NUL. Initialise with ws_buf_init() or
 * WS_BUF_INIT, free with ws_buf_release(). */
struct ws_buf {
	char *data;
	size_t len, cap;
};

#define WS_BUF_INIT { NULL, 0, 0 }

void ws_buf_init(struct ws_buf *b);
void ws_buf_release(struct ws_buf *b);
/* Empties the buffer and keeps its memory for reuse. */
void ws_buf_reset(struct ws_buf *b);
/* Makes room for at least extra more bytes (plus the NUL). */
void ws_buf_grow(struct ws_buf *b, size_t extra);
void ws_buf_add(struct ws_buf *b, const char *s, size_t n);
void ws_buf_adds(struct ws_buf *b, const char *s);
/* Inline: output adds a tab between every two fields. */
static inline void ws_buf_addc(struct ws_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		ws_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void ws_buf_addu(struct ws_buf *b, unsigned long long v);

/* v in decimal at d, which has room for WS_U_ROOM bytes; returns the end
 * (no NUL). Output writes a few numbers a row: the digits go straight
 * into place, two at a time and last first, once their count is known. */
#define WS_U_ROOM 20
extern const char ws_digit_pairs[201];	/* "00" "01" ... "99" */
static inline char *ws_put_u(char *d, unsigned long long v)
{
	size_t n = 1;
	/* the count of digits, four at a step: offsets have four to six */
	for (unsigned long long x = v;; x /= 10000, n += 4) {
		if (x < 10)
			break;
		if (x < 100) {
			n += 1;
			break;
		}
		if (x < 1000) {
			n += 2;
			break;
		}
		if (x < 10000) {
			n += 3;
			break;
		}
	}
	char *e = d + n;
	d = e;
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		*--d = ws_digit_pairs[2 * r + 1];
		*--d = ws_digit_pairs[2 * r];
	}
	if (v >= 10) {
		*--d = ws_digit_pairs[2 * v + 1];
		*--d = ws_digit_pairs[2 * v];
	} else {
		*--d = (char)('0' + v);
	}
	return e;
}
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void ws_buf_addf(struct ws_buf *b, const char *fmt, ...);

/* Allocation helpers that never return NULL. */
void *ws_xmalloc(size_t n);
void *ws_xcalloc(size_t n, size_t size);
void *ws_xrealloc(void *p, size_t n);
char *ws_xstrndup(const char *s, size_t n);
char *ws_xstrdup(const char *s);

/* A fast 64-bit hash of s[0..n), eight bytes at a time, for the in-memory
 * tables (interned strings, gazetteer words). Not for anything stored. */
uint64_t ws_hash_bytes(const char *s, size_t n);

/* The n <= 8 bytes at p as one 64-bit word in memory order, zero above
 * them (what memcpy into a zeroed word gives); the bytes up to end may be
 * read, so a word well inside a text is loaded in one go. */
extern const uint64_t ws_low_bytes[9];	/* [n]: the low n bytes of a word set */
static inline uint64_t ws_pack_short(const char *p, size_t n, const char *end)
{
	uint64_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n && end - p >= 8) {
		memcpy(&v, p, 8);
		return v & ws_low_bytes[n];
	}
	/* near the end: two loads that may overlap (the bytes they share are
	 * the same), not a loop over bytes */
	if (n >= 8) {
		memcpy(&v, p, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		v = a | (uint64_t)b << (8 * (n - 4));
	} else if (n >= 2) {
		uint16_t a, b;
		memcpy(&a, p, 2);
		memcpy(&b, p + n - 2, 2);
		v = a | (uint64_t)b << (8 * (n - 2));
	} else if (n == 1) {
		v = (unsigned char)p[0];
	}
#else
	unsigned char w[8] = { 0 };
	for (size_t i = 0; i < n && i < 8; i++)	/* not memcpy: a call for a few bytes */
		w[i] = (unsigned char)p[i];
	memcpy(&v, w, 8);
#endif
	(void)end;
	return v;
}

/* Its last step, shared so that a caller holding a word of n < 8 bytes
 * in tail (bytes in memory order, zero above them) gets the same hash as
 * ws_hash_bytes() with ws_hash_tail(WS_HASH_SEED ^ n, tail). */
#define WS_HASH_SEED 0x9E3779B97F4A7C15ULL
static inline uint64_t ws_hash_tail(uint64_t h, uint64_t tail)
{
	h ^= tail;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 29;
	return h;
}

/* Reads the whole file at path into a new NUL-terminated buffer and sets
 * *len (the NUL not counted); NULL with errno set when it cannot be read. */
char *ws_slurp(const char *path, size_t *len);

/* Grows *p (an array of elsize-byte items with *cap slots) to hold need items. */
void ws_grow(void **p, size_t *cap, size_t need, size_t elsize);
void ws_shrink(void **p, size_t *cap, size_t n, size_t elsize);

/* A typed growable array: WS_VEC(struct ws_token) toks = {0}; */
#define WS_VEC(T) struct { T *v; size_t n, cap; }
/* Gives back the unused tail of a big vector (over 1 MB, an eighth or more
 * unused): the per-document arrays of a huge document then hold what they
 * use, not up to half as much again. */
#define WS_VEC_SHRINK(vec) \
	ws_shrink((void **)&(vec).v, &(vec).cap, (vec).n, sizeof(*(vec).v))
#define WS_VEC_RESERVE(vec, need) do { \
	if ((size_t)(need) > (vec).cap) \
		ws_grow((void **)&(vec).v, &(vec).cap, (need), sizeof(*(vec).v)); \
} while (0)
/* Room for n items (and one more), the first n zeroed; n stays as it is. */
#define WS_VEC_ZEROED(vec, nitems) do { \
	WS_VEC_RESERVE(vec, (nitems) + 1); \
	memset((vec).v, 0, (size_t)(nitems) * sizeof(*(vec).v)); \
} while (0)
#define WS_VEC_PUSH(vec, item) do { \
	WS_VEC_RESERVE(vec, (vec).n + 1); \
	(vec).v[(vec).n++] = (item); \
} while (0)
#define WS_VEC_FREE(vec) do { free((vec).v); (vec).v = NULL; (vec).n = (vec).cap = 0; } while (0)

#endif
