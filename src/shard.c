/* Shard membership by doc_id hash (see shard.h). */
#include "shard.h"

#include <errno.h>
#include <stdlib.h>

uint64_t ws_fnv1a64(uint64_t h, const void *s, size_t len)
{
	const unsigned char *p = s;
	size_t i = 0;
	/* eight bytes a round: the data hash of a run reads every rule and
	 * list file, and the loop's own counting cost as much as the hash */
	for (; i + 8 <= len; i += 8) {
		h = (h ^ p[i]) * 0x100000001b3ULL;
		h = (h ^ p[i + 1]) * 0x100000001b3ULL;
		h = (h ^ p[i + 2]) * 0x100000001b3ULL;
		h = (h ^ p[i + 3]) * 0x100000001b3ULL;
		h = (h ^ p[i + 4]) * 0x100000001b3ULL;
		h = (h ^ p[i + 5]) * 0x100000001b3ULL;
		h = (h ^ p[i + 6]) * 0x100000001b3ULL;
		h = (h ^ p[i + 7]) * 0x100000001b3ULL;
	}
	for (; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

int ws_shard_parse(const char *s, struct ws_shard *out)
{
	char *end;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	unsigned long k = strtoul(s, &end, 10);
	if (*end != '/' || end[1] < '0' || end[1] > '9')
		return -1;
	unsigned long n = strtoul(end + 1, &end, 10);
	if (*end || errno || k < 1 || n < 1 || k > n || n > 1000000)
		return -1;
	out->k = (unsigned)k;
	out->n = (unsigned)n;
	return 0;
}

int ws_shard_has(const struct ws_shard *s, const char *doc_id, size_t len)
{
	if (s->n <= 1)
		return 1;
	return ws_fnv1a64(WS_FNV_INIT, doc_id, len) % s->n == s->k - 1;
}
