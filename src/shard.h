/* Sharding: which of N independent runs processes a document. A document
 * belongs to shard K of N (1 <= K <= N) when the FNV-1a 64-bit hash of its
 * doc_id's bytes, modulo N, is K - 1: stable across machines, runs and
 * versions, so shards split one corpus without talking to each other. */
#ifndef WS_SHARD_H
#define WS_SHARD_H

#include <stddef.h>
#include <stdint.h>

struct ws_shard {
	unsigned k, n;		/* n == 0: no sharding */
};

/* FNV-1a, 64 bits, over s[0..len); h is the running value, start with
 * WS_FNV_INIT. */
#define WS_FNV_INIT 0xcbf29ce484222325ULL
uint64_t ws_fnv1a64(uint64_t h, const void *s, size_t len);

/* Parses "K/N"; returns 0 or -1 when it is not two numbers with
 * 1 <= K <= N. */
int ws_shard_parse(const char *s, struct ws_shard *out);

/* Whether doc_id[0..len) belongs to the shard (always, without one). */
int ws_shard_has(const struct ws_shard *s, const char *doc_id, size_t len);

#endif
