/* Growable byte buffers and allocation helpers (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(size_t n)
{
	fprintf(stderr, "whosaid: out of memory allocating %zu bytes\n", n);
	abort();
}

void *ws_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *ws_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(n * size);
	return p;
}

void *ws_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom(n);
	return q;
}

char *ws_xstrndup(const char *s, size_t n)
{
	char *p = ws_xmalloc(n + 1);
	if (n)	/* s may be NULL when n is 0; memcpy must not see it */
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ws_xstrdup(const char *s)
{
	return ws_xstrndup(s, strlen(s));
}

void ws_grow(void **p, size_t *cap, size_t need, size_t elsize)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / elsize)
			die_oom(need * elsize);
		/* doubling while small, then by half: big per-document arrays
		 * (tokens, annotations) then waste at most a third */
		c = c < 65536 ? c * 2 : c + c / 2;
	}
	*p = ws_xrealloc(*p, c * elsize);
	*cap = c;
}

void ws_shrink(void **p, size_t *cap, size_t n, size_t elsize)
{
	if (*cap * elsize < (1u << 20) || *cap - n < *cap / 8)
		return;
	size_t c = n + n / 16 + 16;
	*p = ws_xrealloc(*p, c * elsize);
	*cap = c;
}

void ws_buf_init(struct ws_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void ws_buf_release(struct ws_buf *b)
{
	free(b->data);
	ws_buf_init(b);
}

void ws_buf_reset(struct ws_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void ws_buf_grow(struct ws_buf *b, size_t extra)
{
	void *p = b->data;
	ws_grow(&p, &b->cap, b->len + extra + 1, 1);
	b->data = p;
	b->data[b->len] = '\0';
}

void ws_buf_add(struct ws_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)	/* grow only when it must: adds are many and short */
		ws_buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void ws_buf_adds(struct ws_buf *b, const char *s)
{
	ws_buf_add(b, s, strlen(s));
}

const char ws_digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void ws_buf_addu(struct ws_buf *b, unsigned long long v)
{
	if (b->len + WS_U_ROOM + 1 > b->cap)
		ws_buf_grow(b, WS_U_ROOM);
	char *e = ws_put_u(b->data + b->len, v);
	b->len = (size_t)(e - b->data);
	*e = '\0';
}

void ws_buf_addf(struct ws_buf *b, const char *fmt, ...)
{
	va_list ap;
	/* format into the room there is; only a longer result formats twice */
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	va_start(ap, fmt);
	int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (room)
			b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return;
	}
	ws_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *ws_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct ws_buf b = WS_BUF_INIT;
	/* size only a regular file: a directory seeks to LONG_MAX, and its
	 * read below fails with EISDIR, which the caller reports */
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		ws_buf_grow(&b, (size_t)st.st_size);
	size_t n;
	for (;;) {
		ws_buf_grow(&b, 65536);
		n = fread(b.data + b.len, 1, b.cap - b.len - 1, f);
		if (n == 0)
			break;
		b.len += n;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		ws_buf_release(&b);
		return NULL;
	}
	ws_buf_grow(&b, 0);
	b.data[b.len] = '\0';
	*len = b.len;
	return b.data;
}

/* The n < 8 bytes at s as a word in memory order, zero above them, as a
 * memcpy into a zeroed word gives: on little-endian machines from two
 * loads that may overlap, not a memcpy call of a variable length. */
static uint64_t tail_bytes(const char *s, size_t n)
{
	uint64_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, u, 4);
		memcpy(&b, u + n - 4, 4);
		return a | (uint64_t)b << (8 * (n - 4));
	}
	if (n)
		v = u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) | (uint64_t)u[n - 1] << (8 * (n - 1));
	return v;
#else
	if (n)
		memcpy(&v, s, n);
	return v;
#endif
}

const uint64_t ws_low_bytes[9] = {
	0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL,
	0xFFFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL
};

uint64_t ws_hash_bytes(const char *s, size_t n)
{
	uint64_t h = WS_HASH_SEED ^ (uint64_t)n;
	while (n >= 8) {
		uint64_t v;
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	return ws_hash_tail(h, tail_bytes(s, n));
}
