/* Tests as bits (ruleprog.h): numbers every distinct test of a rule set
 * once it is compiled, and works out which tests hold at each token, so
 * that the matcher tests an element with two mask comparisons instead of
 * comparing strings and walking annotation features again and again. */
#include "ruleprog.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_uint_fast64_t builds;

static int same_test(const struct ws_rtest *a, const struct ws_rtest *b)
{
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case RT_TEXT:
	case RT_LOWER:
		return a->litlen == b->litlen && memcmp(a->lit, b->lit, a->litlen) == 0;
	case RT_LITSET:	/* not through same_test(): it stays inlined */
		if (a->nset != b->nset)
			return 0;
		for (uint32_t i = 0; i < a->nset; i++) {
			const struct ws_rtest *x = &a->set[i], *y = &b->set[i];
			if (x->kind != y->kind || x->litlen != y->litlen ||
			    memcmp(x->lit, y->lit, x->litlen) != 0)
				return 0;
		}
		return 1;
	case RT_ANNOT:
		if (a->type != b->type || a->nfeats != b->nfeats)
			return 0;
		for (uint32_t i = 0; i < a->nfeats; i++)
			if (a->feats[i].key != b->feats[i].key ||
			    a->feats[i].value != b->feats[i].value ||
			    a->feats[i].neq != b->feats[i].neq)
				return 0;
		return 1;
	default:
		return a->ival == b->ival;
	}
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* FNV-1a of the bytes with ASCII letters lower-cased, as strncasecmp
 * compares them in the C locale. */
static uint64_t hash_lower(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ lower((unsigned char)s[i])) * 0x100000001b3ULL;
	return h;
}

static int eq_lower(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

static struct ws_rlit *lit_slot(const struct ws_rbits *b, const char *s, size_t n)
{
	size_t mask = b->litcap - 1;
	for (size_t i = (size_t)hash_lower(s, n) & mask;; i = (i + 1) & mask) {
		struct ws_rlit *l = &b->lits[i];
		if (!l->key || (l->len == n && eq_lower(l->key, s, n)))
			return l;
	}
}

static void add_lit(struct ws_rbits *b, const struct ws_rtest *t, uint32_t bit)
{
	struct ws_rlit *l = lit_slot(b, t->lit, t->litlen);
	if (!l->key) {
		l->key = ws_xstrndup(t->lit, t->litlen);
		for (size_t i = 0; i < t->litlen; i++)
			l->key[i] = (char)lower((unsigned char)l->key[i]);
		l->len = (uint32_t)t->litlen;
		l->alts = 0;
	}
	struct ws_rlitalt a = { t->kind == RT_TEXT ? t->lit : NULL,
				ws_pack_short(t->lit, t->litlen < 8 ? t->litlen : 8, t->lit), bit,
				l->alts };
	WS_VEC_PUSH(b->alts, a);
	l->alts = (uint32_t)b->alts.n;
	if (t->litlen < 64)
		b->litlens |= 1ULL << t->litlen;
	if (t->litlen > b->maxlit)
		b->maxlit = t->litlen;
	if (t->litlen) {
		unsigned char c = lower((unsigned char)t->lit[0]);
		b->lead[c >> 6] |= 1ULL << (c & 63);
	}
}

static size_t pack_hash(uint64_t v, size_t n)
{
	uint64_t h = (v ^ n) * 0x9E3779B97F4A7C15ULL;
	return (size_t)(h >> 32);
}

static const struct ws_rpacked *packed_find(const struct ws_rbits *b, uint64_t v, size_t n)
{
	size_t mask = b->packcap - 1;
	for (size_t i = pack_hash(v, n) & mask;; i = (i + 1) & mask) {
		const struct ws_rpacked *p = &b->packed[i];
		if (!p->len || (p->key == v && p->len == n))
			return p;
	}
}

/* The ASCII literals of 8 bytes or fewer, again by packed lower-case key. */
static void build_packed(struct ws_rbits *b)
{
	b->packcap = b->litcap;
	b->packed = ws_xcalloc(b->packcap, sizeof(*b->packed));
	for (size_t i = 0; i < b->litcap; i++) {
		const struct ws_rlit *l = &b->lits[i];
		int ascii = l->key != NULL && l->len > 0 && l->len <= 8;
		for (uint32_t k = 0; ascii && k < l->len; k++)
			ascii = (unsigned char)l->key[k] < 0x80;
		if (!ascii)
			continue;
		uint64_t v = ws_pack_short(l->key, l->len, l->key);
		struct ws_rpacked *p = (struct ws_rpacked *)packed_find(b, v, l->len);
		p->key = v;
		p->len = l->len;
		p->alts = l->alts;
	}
}

static void set_bit(uint64_t *w, uint32_t bit)
{
	w[bit >> 6] |= 1ULL << (bit & 63);
}

static size_t atom_hash(const char *type, const char *key, const char *value)
{
	uint64_t h = (uint64_t)(uintptr_t)type * 0x9E3779B97F4A7C15ULL;
	h = (h ^ (uint64_t)(uintptr_t)key) * 0xFF51AFD7ED558CCDULL;
	h = (h ^ (uint64_t)(uintptr_t)value) * 0xC4CEB9FE1A85EC53ULL;
	return (size_t)(h ^ (h >> 29));
}

static struct ws_ratom *atom_slot(const struct ws_rbits *b, const char *type, const char *key,
				  const char *value)
{
	size_t mask = b->atomcap - 1;
	for (size_t i = atom_hash(type, key, value) & mask;; i = (i + 1) & mask) {
		struct ws_ratom *a = &b->atoms[i];
		if (!a->type || (a->type == type && a->key == key && a->value == value))
			return a;
	}
}

static size_t type_index(const struct ws_rbits *b, const char *type)
{
	size_t i = 0;
	while (i < b->types.n && b->types.v[i].type != type)
		i++;
	return i;
}

/* Numbers the atoms of the annotation tests and lists, per atom, the
 * tests naming it; per type, the bits that hold for an annotation with
 * none of the atoms. */
static void build_atoms(struct ws_rbits *b)
{
	size_t W = b->words, nf = 0;
	for (size_t i = 0; i < b->atests.n; i++) {
		const struct ws_rtest *t = b->atests.v[i];
		nf += t->nfeats;
		if (type_index(b, t->type) == b->types.n) {
			struct ws_rtype ty = { t->type };
			WS_VEC_PUSH(b->types, ty);
		}
	}
	b->atomcap = 16;
	while (b->atomcap < nf * 2)
		b->atomcap *= 2;
	b->atoms = ws_xcalloc(b->atomcap, sizeof(*b->atoms));
	b->natoms = 0;
	for (size_t i = 0; i < b->atests.n; i++) {
		const struct ws_rtest *t = b->atests.v[i];
		for (uint32_t k = 0; k < t->nfeats; k++) {
			struct ws_ratom *a = atom_slot(b, t->type, t->feats[k].key, t->feats[k].value);
			if (!a->type) {
				a->type = t->type;
				a->key = t->feats[k].key;
				a->value = t->feats[k].value;
				a->atom = b->natoms++;
			}
		}
	}
	b->none = ws_xcalloc(b->types.n * W + 1, sizeof(uint64_t));
	if (b->natoms > 64)
		return;
	/* tests by atom, as a counting sort */
	WS_VEC_RESERVE(b->atom_first, b->natoms + 2);
	memset(b->atom_first.v, 0, (b->natoms + 2) * sizeof(uint32_t));
	b->atom_first.n = b->natoms + 1;
	WS_VEC(struct ws_ramask) per = { 0 };
	WS_VEC(uint32_t) owner = { 0 };
	for (size_t i = 0; i < b->atests.n; i++) {
		const struct ws_rtest *t = b->atests.v[i];
		struct ws_ramask m = { 0, 0, b->abit.v[i] };
		for (uint32_t k = 0; k < t->nfeats; k++) {
			uint32_t at = atom_slot(b, t->type, t->feats[k].key, t->feats[k].value)->atom;
			if (t->feats[k].neq)
				m.neq |= 1ULL << at;
			else
				m.eq |= 1ULL << at;
		}
		if (!m.eq)
			set_bit(b->none + type_index(b, t->type) * W, m.bit);
		for (uint32_t at = 0; at < b->natoms; at++) {
			if (!((m.eq | m.neq) >> at & 1))
				continue;
			WS_VEC_PUSH(per, m);
			WS_VEC_PUSH(owner, at);
			b->atom_first.v[at + 1]++;
		}
	}
	for (uint32_t at = 0; at < b->natoms; at++)
		b->atom_first.v[at + 1] += b->atom_first.v[at];
	WS_VEC_RESERVE(b->amasks, per.n + 1);
	b->amasks.n = per.n;
	WS_VEC(uint32_t) cur = { 0 };
	WS_VEC_RESERVE(cur, b->natoms + 1);
	memcpy(cur.v, b->atom_first.v, b->natoms * sizeof(uint32_t));
	for (size_t i = 0; i < per.n; i++)
		b->amasks.v[cur.v[owner.v[i]]++] = per.v[i];
	WS_VEC_FREE(cur);
	WS_VEC_FREE(per);
	WS_VEC_FREE(owner);
}

/* The masks of each rule's needed elements, and groups of rules that
 * need the same. */
static void build_needs(struct ws_ruleset *rs)
{
	struct ws_rbits *b = &rs->bits;
	for (size_t p = 0; p < rs->phases.n; p++) {
		struct ws_rphase *ph = &rs->phases.v[p];
		size_t W = b->spaces[p].words;
		uint32_t groups = 0;
		/* the sets of the phase so far, to find a set's group */
		WS_VEC(const struct ws_rneed *) seen = { 0 };
		for (size_t r = 0; r < ph->rules.n; r++) {
			struct ws_rule *ru = &ph->rules.v[r];
			for (uint32_t n = 0; n < ru->nneeds; n++) {
				struct ws_rneed *nd = &ru->needs[n];
				nd->mmask = (uint32_t)b->mustmasks.n;
				nd->group = UINT32_MAX;
				for (uint32_t k = 0; k < nd->n; k++) {
					const struct ws_relem *e = &ph->elems.v[ru->must[nd->first + k]];
					size_t at = b->mustmasks.n;
					for (size_t w = 0; w < 2 * W; w++)
						WS_VEC_PUSH(b->mustmasks, b->masks.v[e->mask + w]);
					if (e->span >= 0)
						set_bit(b->mustmasks.v + at, e->lspanbit);
				}
				size_t len = (size_t)nd->n * 2 * W;
				for (size_t q = 0; q < seen.n && nd->group == UINT32_MAX; q++) {
					const struct ws_rneed *o = seen.v[q];
					if (o->n == nd->n &&
					    memcmp(b->mustmasks.v + o->mmask, b->mustmasks.v + nd->mmask,
						   len * sizeof(uint64_t)) == 0)
						nd->group = o->group;
				}
				if (nd->group == UINT32_MAX)
					nd->group = groups++;
				WS_VEC_PUSH(seen, nd);
			}
		}
		WS_VEC_FREE(seen);
		WS_VEC_PUSH(b->ngroups, groups);
	}
}

void ws_rbits_release(struct ws_rbits *b)
{
	ws_rspace_release(b);
	free(b->kind);
	free(b->shape);
	free(b->flags);
	for (size_t i = 0; i < b->litcap; i++)
		free(b->lits[i].key);
	free(b->lits);
	free(b->packed);
	WS_VEC_FREE(b->alts);
	WS_VEC_FREE(b->atests);
	WS_VEC_FREE(b->abit);
	free(b->atoms);
	WS_VEC_FREE(b->types);
	WS_VEC_FREE(b->amasks);
	WS_VEC_FREE(b->atom_first);
	free(b->none);
	free(b->lead);
	WS_VEC_FREE(b->classes);
	WS_VEC_FREE(b->chash);
	free(b->cmemo);
	WS_VEC_FREE(b->mustmasks);
	WS_VEC_FREE(b->ngroups);
	memset(b, 0, sizeof(*b));
}

static int cmp_type(const void *p, const void *q)
{
	const struct ws_rtest *a = *(const struct ws_rtest *const *)p;
	const struct ws_rtest *b = *(const struct ws_rtest *const *)q;
	uintptr_t x1 = (uintptr_t)a->type, y1 = (uintptr_t)b->type;
	return x1 < y1 ? -1 : x1 > y1;
}

void ws_rbits_build(struct ws_ruleset *rs)
{
	struct ws_rbits *b = &rs->bits;
	ws_rbits_release(b);
	b->serial = (uint64_t)atomic_fetch_add(&builds, 1) + 1;
	/* one bit per distinct test; tests[bit] is its first occurrence */
	WS_VEC(const struct ws_rtest *) tests = { 0 };
	for (size_t p = 0; p < rs->phases.n; p++) {
		struct ws_rphase *ph = &rs->phases.v[p];
		for (size_t e = 0; e < ph->elems.n; e++) {
			struct ws_relem *el = &ph->elems.v[e];
			for (uint32_t k = 0; k < el->ntests; k++) {
				struct ws_rtest *t = &el->tests[k];
				size_t i = 0;
				while (i < tests.n && !same_test(tests.v[i], t))
					i++;
				if (i == tests.n)
					WS_VEC_PUSH(tests, t);
				t->bit = (uint32_t)i;
			}
		}
	}
	b->nbits = (uint32_t)tests.n;
	b->words = (uint32_t)(tests.n + 63) / 64;
	if (b->words == 0)
		b->words = 1;
	size_t W = b->words;
	ws_rspace_build(rs);
	b->kind = ws_xcalloc(8 * W, sizeof(uint64_t));
	b->shape = ws_xcalloc((WS_SHAPE_PUNCT + 1) * W, sizeof(uint64_t));
	b->flags = ws_xcalloc(256 * W, sizeof(uint64_t));
	size_t nlit = 0;
	for (size_t i = 0; i < tests.n; i++)
		nlit += tests.v[i]->kind == RT_TEXT || tests.v[i]->kind == RT_LOWER ? 1 :
			tests.v[i]->nset;
	b->litcap = 16;
	while (b->litcap < nlit * 2)
		b->litcap *= 2;
	b->lits = ws_xcalloc(b->litcap, sizeof(*b->lits));
	b->lead = ws_xcalloc(4, sizeof(uint64_t));
	for (size_t i = 0; i < tests.n; i++) {
		const struct ws_rtest *t = tests.v[i];
		uint32_t bit = (uint32_t)i;
		switch (t->kind) {
		case RT_TEXT:
		case RT_LOWER:
			add_lit(b, t, bit);
			break;
		case RT_LITSET:	/* its bit holds where one of its tests holds */
			for (uint32_t k = 0; k < t->nset; k++)
				add_lit(b, &t->set[k], bit);
			break;
		case RT_SHAPE:
			if (t->ival >= 0 && t->ival <= WS_SHAPE_PUNCT)
				set_bit(b->shape + (size_t)t->ival * W, bit);
			break;
		case RT_KIND:
			if (t->ival >= 0 && t->ival < 8)
				set_bit(b->kind + (size_t)t->ival * W, bit);
			break;
		case RT_FLAG:
			b->flagbits |= (unsigned)t->ival & 0xFF;
			for (size_t f = 0; f < 256; f++)
				if (f & (size_t)t->ival)
					set_bit(b->flags + f * W, bit);
			break;
		default:
			WS_VEC_PUSH(b->atests, t);
			break;
		}
	}
	build_packed(b);
	if (b->atests.n)
		qsort(b->atests.v, b->atests.n, sizeof(*b->atests.v), cmp_type);
	for (size_t i = 0; i < b->atests.n; i++)
		WS_VEC_PUSH(b->abit, b->atests.v[i]->bit);
	WS_VEC_FREE(tests);
	build_atoms(b);
	build_needs(rs);
	/* what an action with constant values makes is known now */
	WS_VEC(struct ws_feat) f = { 0 };
	for (size_t p = 0; p < rs->phases.n; p++) {
		struct ws_rphase *ph = &rs->phases.v[p];
		for (size_t r = 0; r < ph->rules.n; r++) {
			for (uint32_t i = 0; i < ph->rules.v[r].nactions; i++) {
				struct ws_raction *a = &ph->rules.v[r].actions[i];
				f.n = 0;
				a->cls = 0;
				for (uint32_t k = 0; k < a->nvals && a->vals[k].value; k++) {
					struct ws_feat x = { a->vals[k].key, a->vals[k].value };
					WS_VEC_PUSH(f, x);
				}
				if (f.n < a->nvals)
					continue;
				struct ws_annot an = { 0, 1, a->type, f.v, (uint32_t)f.n, 0, NULL };
				a->cls = ws_rules_classify(rs, &an);
			}
		}
	}
	WS_VEC_FREE(f);
}

static uint64_t annot_atoms(const struct ws_rbits *b, const struct ws_annot *a);
static void atoms_bits(const struct ws_rbits *b, size_t ti, uint64_t atoms, uint64_t *out);

static uint64_t memo_hash(size_t ti, uint64_t atoms)
{
	uint64_t h = (atoms ^ (uint64_t)ti << 57) * 0x9E3779B97F4A7C15ULL;
	return h ^ h >> 29;
}

/* The class whose bits are the last slot of b->classes (reserved),
 * that slot becoming a new class when none has them. */
static uint32_t class_of_bits(struct ws_rbits *b)
{
	size_t W = b->words, nc = b->nclasses, slot = 0;
	const uint64_t *mine = b->classes.v + nc * W;
	size_t k = ws_row_find(&b->chash, b->classes.v, nc, W, mine, 256, &slot);
	if (k < nc)
		return (uint32_t)k + 1;
	b->classes.n = (size_t)(++b->nclasses) * W;
	b->chash.v[slot] = b->nclasses;
	return b->nclasses;
}

uint32_t ws_rules_classify(struct ws_ruleset *rs, const struct ws_annot *a)
{
	struct ws_rbits *b = &rs->bits;
	size_t W = b->words;
	if (W == 0)
		return 0;
	WS_VEC_RESERVE(b->classes, (b->nclasses + 1) * W);
	uint64_t *mine = b->classes.v + (size_t)b->nclasses * W;
	size_t ti = type_index(b, a->type);
	if (b->natoms > 64 || ti == b->types.n) {
		ws_rbits_annot(b, a, mine);
		return class_of_bits(b);
	}
	/* the bits follow from the type and the atoms: an annotation like
	 * one classified before has its class */
	uint64_t atoms = annot_atoms(b, a);
	if ((b->ncmemo + 1) * 2 > b->cmemocap) {
		size_t cap = b->cmemocap ? b->cmemocap * 2 : 256;
		struct ws_rcmemo *m = ws_xcalloc(cap, sizeof(*m));
		for (size_t k = 0; k < b->cmemocap; k++) {
			if (!b->cmemo[k].cls)
				continue;
			size_t i = (size_t)memo_hash(b->cmemo[k].type, b->cmemo[k].atoms) & (cap - 1);
			while (m[i].cls)
				i = (i + 1) & (cap - 1);
			m[i] = b->cmemo[k];
		}
		free(b->cmemo);
		b->cmemo = m;
		b->cmemocap = cap;
	}
	size_t mask = b->cmemocap - 1, i = (size_t)memo_hash(ti, atoms) & mask;
	for (; b->cmemo[i].cls; i = (i + 1) & mask)
		if (b->cmemo[i].type == ti && b->cmemo[i].atoms == atoms)
			return b->cmemo[i].cls;
	atoms_bits(b, ti, atoms, mine);
	uint32_t cls = class_of_bits(b);
	b->cmemo[i].type = (uint32_t)ti;
	b->cmemo[i].atoms = atoms;
	b->cmemo[i].cls = cls;
	b->ncmemo++;
	return cls;
}

int ws_rbits_token(const struct ws_rbits *b, const char *text, const struct ws_token *k,
		   const char *end, uint64_t *o)
{
	size_t W = b->words;
	const uint64_t *kb = b->kind + (size_t)k->kind * W;
	const uint64_t *fb = b->flags + (size_t)k->flags * W;
	const uint64_t *sb = k->kind != WS_TOK_PUNCT && k->shape <= WS_SHAPE_PUNCT ?
			     b->shape + (size_t)k->shape * W : NULL;
	if (W == 1)
		o[0] = kb[0] | fb[0] | (sb ? sb[0] : 0);
	else
		for (size_t w = 0; w < W; w++)
			o[w] = kb[w] | fb[w] | (sb ? sb[w] : 0);
	size_t n = k->end - k->start;
	if (n > b->maxlit || (n < 64 && !(b->litlens >> n & 1)))
		return 0;
	const char *s = text + k->start;
	unsigned char c0 = n ? lower((unsigned char)s[0]) : 0;
	if (n && !(b->lead[c0 >> 6] >> (c0 & 63) & 1))
		return 0;
	int lit = 0;
	if (n && n <= 8) {
		const uint64_t ones = 0x0101010101010101ULL, hi = ones * 0x80;
		uint64_t v = ws_pack_short(s, n, end);
		if (!(v & hi)) {
			/* ASCII: lower-cased in the word ('A'..'Z' get 0x20) */
			uint64_t up = (v + ones * 0x3f) & ~(v + ones * 0x25) & hi;
			const struct ws_rpacked *p = packed_find(b, v | up >> 2, n);
			for (uint32_t a = p->len ? p->alts : 0; a; a = b->alts.v[a - 1].next) {
				const struct ws_rlitalt *alt = &b->alts.v[a - 1];
				if (!alt->lit || alt->exact == v) {
					set_bit(o, alt->bit);
					lit = 1;
				}
			}
			return lit;
		}
	}
	const struct ws_rlit *l = lit_slot(b, s, n);
	if (!l->key)
		return 0;
	for (uint32_t a = l->alts; a; a = b->alts.v[a - 1].next) {
		const struct ws_rlitalt *alt = &b->alts.v[a - 1];
		if (!alt->lit || memcmp(alt->lit, s, n) == 0) {
			set_bit(o, alt->bit);
			lit = 1;
		}
	}
	return lit;
}

int ws_rbits_passes(const struct ws_annot *a, const struct ws_rtest *t)
{
	if (a->type != t->type)
		return 0;
	for (uint32_t k = 0; k < t->nfeats; k++) {
		const char *v = ws_annot_get(a, t->feats[k].key);
		if (t->feats[k].neq ? v == t->feats[k].value : v != t->feats[k].value)
			return 0;
	}
	return 1;
}

static void clear_bit(uint64_t *w, uint32_t bit)
{
	w[bit >> 6] &= ~(1ULL << (bit & 63));
}

/* The atoms of annotation a (up to 64 of them in the rule set). */
static uint64_t annot_atoms(const struct ws_rbits *b, const struct ws_annot *a)
{
	uint64_t atoms = 0;
	for (uint32_t i = 0; i < a->nfeat; i++) {
		const struct ws_ratom *at = atom_slot(b, a->type, a->feat[i].key, a->feat[i].value);
		if (!at->type)
			continue;
		/* ws_annot_get() sees the first feature of a key only */
		uint32_t j = 0;
		while (j < i && a->feat[j].key != a->feat[i].key)
			j++;
		if (j == i)
			atoms |= 1ULL << at->atom;
	}
	return atoms;
}

/* out (words long) gets the bits of the annotation tests that an
 * annotation of type index ti (< types.n) with these atoms passes. */
static void atoms_bits(const struct ws_rbits *b, size_t ti, uint64_t atoms, uint64_t *out)
{
	size_t W = b->words;
	memcpy(out, b->none + ti * W, W * sizeof(uint64_t));
	for (uint64_t m = atoms; m; m &= m - 1) {
		uint32_t at = (uint32_t)__builtin_ctzll(m);
		for (uint32_t k = b->atom_first.v[at]; k < b->atom_first.v[at + 1]; k++) {
			const struct ws_ramask *x = &b->amasks.v[k];
			if ((atoms & x->eq) == x->eq && !(atoms & x->neq))
				set_bit(out, x->bit);
			else
				clear_bit(out, x->bit);
		}
	}
}

void ws_rbits_annot(const struct ws_rbits *b, const struct ws_annot *a, uint64_t *out)
{
	size_t W = b->words, ti = type_index(b, a->type);
	memset(out, 0, W * sizeof(uint64_t));
	if (ti == b->types.n)
		return;		/* no test names its type */
	if (b->natoms > 64) {
		size_t n = b->atests.n, i = 0;
		const struct ws_rtest *const *t = b->atests.v;
		/* the tests are sorted by type: find the annotation's */
		while (i < n && t[i]->type != a->type)
			i++;
		for (; i < n && t[i]->type == a->type; i++)
			if (ws_rbits_passes(a, t[i]))
				set_bit(out, b->abit.v[i]);
		return;
	}
	atoms_bits(b, ti, annot_atoms(b, a), out);
}
