/* Which phases run as one: phases of control all that do not read what
 * one another make are compiled into one program, so that the matcher
 * scans the tokens and works out their sets once for them all. */
#include "ruleprog.h"

#include <string.h>

/* Whether the phase makes an annotation of type t (types are interned,
 * but compared as strings all the same: a test may come from elsewhere). */
static int makes(const struct ws_rphase *ph, const char *t)
{
	for (size_t r = 0; r < ph->rules.n; r++)
		for (uint32_t a = 0; a < ph->rules.v[r].nactions; a++)
			if (strcmp(ph->rules.v[r].actions[a].type, t) == 0)
				return 1;
	return 0;
}

/* Whether phase b reads an annotation type phase a makes: in a test of one
 * of its elements, or in a value it copies. */
static int reads(const struct ws_rphase *b, const struct ws_rphase *a)
{
	for (size_t e = 0; e < b->elems.n; e++)
		for (uint32_t k = 0; k < b->elems.v[e].ntests; k++) {
			const struct ws_rtest *t = &b->elems.v[e].tests[k];
			if (t->kind == RT_ANNOT && makes(a, t->type))
				return 1;
		}
	for (size_t r = 0; r < b->rules.n; r++)
		for (uint32_t i = 0; i < b->rules.v[r].nactions; i++) {
			const struct ws_raction *ac = &b->rules.v[r].actions[i];
			for (uint32_t v = 0; v < ac->nvals; v++)
				if (!ac->vals[v].value && makes(a, ac->vals[v].type))
					return 1;
		}
	return 0;
}

/* Past this many instructions the phases are left apart. */
#define MAX_FUSED (1u << 16)

size_t ws_rfuse_run(const struct ws_ruleset *rs, size_t from)
{
	const struct ws_rphase *first = &rs->phases.v[from];
	size_t n = 1, insts = first->prog.n;
	if (first->control != RC_ALL)
		return 1;
	for (size_t j = from + 1; j < rs->phases.n; j++, n++) {
		const struct ws_rphase *ph = &rs->phases.v[j];
		if (ph->control != RC_ALL || ph->scope != first->scope ||
		    insts + ph->prog.n > MAX_FUSED)
			break;
		size_t i = from;
		while (i < j && !reads(ph, &rs->phases.v[i]))
			i++;
		if (i < j)
			break;
		insts += ph->prog.n;
	}
	return n;
}
