/* Attribution's word lists (attrib_words.c): word_in() answers from one
 * table of all lists' words with a bit per list, and keeps the last tokens'
 * answers; these check that the answers are those of a word-by-word
 * comparison whatever order lists and documents are met in and however
 * many lists there are. */
#include "testutil.h"
#include "attrib_int.h"

TEST_DOC_SUITE(attrib_words);

static struct actx ctx;

/* A context over text's tokens with nothing else in it: enough for word_in. */
static void context(const char *text)
{
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.d = doc;
	ctx.tokv = doc->tk.tok.v;
	ctx.text = doc->text;
	ctx.ntok = doc->tk.tok.n;
	static uint64_t *wbits;
	static struct wfound wfound;
	wbits = ws_xrealloc(wbits, (ctx.ntok + 1) * sizeof(uint64_t));
	memset(wbits, 0, (ctx.ntok + 1) * sizeof(uint64_t));
	ctx.wbits = wbits;
	wfound.n = 0;
	ctx.wfound = &wfound;
	static struct cue_feats cuef[CUE_FEATS];
	memset(cuef, 0, sizeof(cuef));
	ctx.cuef = cuef;
}

/* The token whose text is w. */
static size_t at(const char *w)
{
	for (size_t i = 0; i < ctx.ntok; i++)
		if (ws_tok_eq(doc, i, w))
			return i;
	cr_assert_fail("no token '%s'", w);
	return 0;
}

Test(attrib_words, case_folded_and_whole_words)
{
	static const char *const l[] = { "the", "said", "Reportedly", NULL };
	context("THE officials Said it, reportedly; they sai them.");
	cr_assert(word_in(&ctx, at("THE"), l));
	cr_assert(word_in(&ctx, at("Said"), l));
	cr_assert(word_in(&ctx, at("reportedly"), l));	/* over 8 bytes */
	cr_assert(!word_in(&ctx, at("sai"), l));
	cr_assert(!word_in(&ctx, at("them"), l));
	cr_assert(!word_in(&ctx, at("officials"), l));
	cr_assert(!word_in(&ctx, ctx.ntok, l));		/* past the end */
}

Test(attrib_words, a_list_met_later_sees_known_tokens)
{
	static const char *const first[] = { "alpha", NULL };
	static const char *const later[] = { "beta", "gamma", NULL };
	context("alpha beta gamma delta");
	/* every token asked about with the first list only in the table */
	for (size_t i = 0; i < ctx.ntok; i++)
		cr_assert_eq(word_in(&ctx, i, first), i == 0);
	/* asked again, and through the cache: the same */
	cr_assert(word_in(&ctx, 0, first) && !word_in(&ctx, 1, first));
	/* a list met now must be answered with its own words */
	cr_assert(word_in(&ctx, at("beta"), later));
	cr_assert(word_in(&ctx, at("gamma"), later));
	cr_assert(!word_in(&ctx, at("delta"), later));
	cr_assert(word_in(&ctx, at("alpha"), first));
}

Test(attrib_words, long_words_are_whole_words)
{
	/* words of over 8 bytes have a table of their own, shared by lists */
	static const char *const one[] = { "Spokeswoman", "reportedly", NULL };
	static const char *const two[] = { "spokeswoman", "Washington", NULL };
	context("SPOKESWOMAN reportedly Washingtoon spokeswomen reportedlyy Washington "
		"spokeswoman");
	for (int round = 0; round < 2; round++) {	/* the second through the cache */
		cr_assert(word_in(&ctx, 0, one) && word_in(&ctx, 0, two));
		cr_assert(word_in(&ctx, 1, one) && !word_in(&ctx, 1, two));
		cr_assert(!word_in(&ctx, 2, one) && !word_in(&ctx, 2, two));
		cr_assert(!word_in(&ctx, 3, one) && !word_in(&ctx, 3, two));
		cr_assert(!word_in(&ctx, 4, one) && !word_in(&ctx, 4, two));
		cr_assert(!word_in(&ctx, 5, one) && word_in(&ctx, 5, two));
		cr_assert(word_in(&ctx, 6, one) && word_in(&ctx, 6, two));
	}
}

Test(attrib_words, answers_are_about_this_document)
{
	/* the same token index in the next document is another word (no
	 * cue in either: attribution itself asks nothing about them) */
	static const char *const l[] = { "quiet", NULL };
	context("Quiet evening.");
	cr_assert(word_in(&ctx, 0, l) && !word_in(&ctx, 1, l));
	cr_assert(word_in(&ctx, 0, l));		/* (kept now) */
	context("Loud evening.");
	cr_assert(!word_in(&ctx, 0, l) && !word_in(&ctx, 1, l));
}

Test(attrib_words, many_lists_share_words)
{
	/* lists past the bits there are fall back to comparing word by word */
	static char words[80][8];
	static const char *lists[80][3];
	for (int k = 0; k < 80; k++) {
		snprintf(words[k], sizeof(words[k]), "w%u", (unsigned)k % 100u);
		lists[k][0] = words[k];
		lists[k][1] = "shared";
		lists[k][2] = NULL;
	}
	context("w3 shared w79 none");
	for (int k = 0; k < 80; k++) {
		cr_assert(word_in(&ctx, at("shared"), lists[k]), "list %d", k);
		cr_assert_eq(word_in(&ctx, at("w3"), lists[k]), k == 3, "list %d", k);
		cr_assert_eq(word_in(&ctx, at("w79"), lists[k]), k == 79, "list %d", k);
		cr_assert(!word_in(&ctx, at("none"), lists[k]), "list %d", k);
	}
}


Test(attrib_words, contractions)
{
	context("We've You'll I'd They're I'm We\xE2\x80\x99ve She\xE2\x80\x99" "d "
		"Hill Fred live wore 'd ll Mall Cam 'll");
	static const char *const yes[] = {
		"We've", "You'll", "I'd", "They're", "I'm", "We\xE2\x80\x99ve", "She\xE2\x80\x99" "d", NULL
	};
	static const char *const no[] = { "Hill", "Fred", "live", "wore", "Mall", "Cam", NULL };
	for (int k = 0; yes[k]; k++)
		cr_assert(is_contraction(&ctx, at(yes[k])), "%s", yes[k]);
	for (int k = 0; no[k]; k++)
		cr_assert(!is_contraction(&ctx, at(no[k])), "%s", no[k]);
}

Test(attrib_words, a_group_of_lists_answers_as_each_would)
{
	static const char *const a[] = { "alpha", "said", NULL };
	static const char *const b[] = { "beta", NULL };
	static const char *const lng[] = { "gamma", "reportedly", NULL };	/* a word of over 8 bytes */
	static const char *const *const ab[] = { a, b, NULL };
	static const char *const *const bl[] = { b, lng, NULL };
	context("Alpha BETA gamma reportedly delta said reported");
	const char *words[] = { "Alpha", "BETA", "gamma", "reportedly", "delta", "said", "reported" };
	for (int round = 0; round < 2; round++)	/* the second through the cache */
		for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
			size_t i = at(words[k]);
			cr_assert_eq(word_in_any(&ctx, i, ab), word_in(&ctx, i, a) || word_in(&ctx, i, b),
				     "%s", words[k]);
			cr_assert_eq(word_in_any(&ctx, i, bl), word_in(&ctx, i, b) || word_in(&ctx, i, lng),
				     "%s", words[k]);
		}
	cr_assert(word_in_any(&ctx, at("Alpha"), ab) && word_in_any(&ctx, at("BETA"), ab));
	cr_assert(!word_in_any(&ctx, at("delta"), ab) && !word_in_any(&ctx, at("reported"), bl));
	cr_assert(word_in_any(&ctx, at("reportedly"), bl) && !word_in_any(&ctx, at("reportedly"), ab));
	cr_assert(!word_in_any(&ctx, ctx.ntok, ab));
}

Test(attrib_words, every_list_met_answers_without_the_slow_path)
{
	/* lists scattered through memory, as the sieves' static arrays are:
	 * where two addresses hash to the same entry, one must not be left
	 * to compare word by word at every question (60 lists: with the
	 * sieves' own, within the 64 the tables keep) */
	static char words[60][8];
	static const char *pool[4096][2];
	const char **lists[60];
	for (int k = 0; k < 60; k++) {
		snprintf(words[k], sizeof(words[k]), "v%u", (unsigned)k % 100u);
		lists[k] = pool[(k * k * 37 + k * 11) % 4096];
		lists[k][0] = words[k];
		lists[k][1] = NULL;
	}
	context("v7 v40 none");
	for (int k = 0; k < 60; k++)	/* each met once */
		cr_assert_eq(word_in(&ctx, at("v7"), lists[k]), k == 7, "list %d", k);
	size_t slow = word_in_slow_calls();
	for (int round = 0; round < 2; round++)
		for (int k = 0; k < 60; k++) {
			cr_assert_eq(word_in(&ctx, at("v7"), lists[k]), k == 7, "list %d", k);
			cr_assert_eq(word_in(&ctx, at("v40"), lists[k]), k == 40, "list %d", k);
			cr_assert(!word_in(&ctx, at("none"), lists[k]), "list %d", k);
		}
	cr_assert_eq(word_in_slow_calls(), slow);
}

/* next_bit() (attrib_int.h), which the content loops find quotes with:
 * the first set bit of [i, n), or n, as a test of every bit says, across
 * words and up to an n that ends inside a word. */
Test(attrib_words, next_bit_is_the_first_set_bit_below_n)
{
	uint64_t bits[4] = { 0 };
	size_t set[] = { 3, 63, 64, 130, 191, 200 };
	for (size_t k = 0; k < sizeof(set) / sizeof(set[0]); k++)
		bits[set[k] >> 6] |= 1ULL << (set[k] & 63);
	for (size_t n = 0; n <= 256; n++)
		for (size_t i = 0; i <= n + 1; i++) {
			size_t want = i;
			while (want < n && !(bits[want >> 6] >> (want & 63) & 1))
				want++;
			if (want > n)
				want = n;
			cr_assert_eq(next_bit(bits, i, n), want, "i %zu n %zu", i, n);
		}
}

/* cue_feats() (attrib_int.h) keeps a cue's features by its gazetteer
 * entry from one document to the next: each answer is ws_annot_get()'s,
 * for every cue of two documents with cues of other entries and features
 * (a speaker after, a refusal, a recipient). */
Test(attrib_words, cue_features_are_each_cues_own)
{
	static const char *const texts[] = {
		"Jane Doe said the plan was weak. According to John Roe, it failed.",
		"The mayor declined to comment. She told reporters the deal was done, "
		"and he added that it was late.",
	};
	static struct cue_feats kept[CUE_FEATS];	/* kept over the documents */
	for (int round = 0; round < 2; round++)
		for (size_t t = 0; t < 2; t++) {
			context(texts[t]);
			ctx.nm = *(const struct names *)doc->anames;
			ctx.cuef = kept;
			size_t cues = 0;
			for (size_t k = 0; k < doc->gaz.n; k++) {
				const struct ws_annot *a = &doc->gaz.v[k];
				if (ws_annot_get(a, ctx.nm.major) != ctx.nm.cue)
					continue;
				const struct cue_feats *f = cue_feats(&ctx, a);
				cr_assert_eq(f->lemma, ws_annot_get(a, ctx.nm.lemma));
				cr_assert_eq(f->category, ws_annot_get(a, ctx.nm.category));
				cr_assert_eq(f->speaker, ws_annot_get(a, ctx.nm.speaker));
				cr_assert_eq(f->object, ws_annot_get(a, ctx.nm.object));
				cr_assert_eq(f->nonresponse, ws_annot_get(a, ctx.nm.nonresponse));
				cr_assert_eq(f->ambiguous, ws_annot_get(a, ctx.nm.ambiguous));
				cr_assert_eq(f->infinitive, ws_annot_get(a, ctx.nm.infinitive));
				cr_assert_eq(f->canonical, ws_annot_get(a, ctx.nm.canonical));
				cues++;
			}
			cr_assert_geq(cues, 2, "%s", texts[t]);
		}
}

/* Two entries whose features fall in the same entry of the kept ones, and
 * one entry's features read to two lengths: each is answered as its own,
 * in turn and again. */
Test(attrib_words, cue_features_that_meet_in_an_entry)
{
	static struct ws_feat pool[4096][2];
	static struct cue_feats kept[CUE_FEATS];
	context("Jane Doe said it.");
	ctx.nm = *(const struct names *)doc->anames;
	ctx.cuef = kept;
	size_t a = 0, b = 0, seen[CUE_FEATS];
	for (size_t h = 0; h < CUE_FEATS; h++)
		seen[h] = SIZE_MAX;
	for (size_t i = 0; i < 4096 && a == b; i++) {
		size_t h = (size_t)(((uintptr_t)pool[i] * 0x9E3779B97F4A7C15ULL) >> (64 - CUE_FEATS_SHIFT));
		if (seen[h] != SIZE_MAX) {
			a = seen[h];
			b = i;
		}
		seen[h] = i;
	}
	cr_assert_neq(a, b);
	static const char va[] = "alpha", vb[] = "beta", vc[] = "neutral";
	pool[a][0] = (struct ws_feat){ ctx.nm.lemma, va };
	pool[a][1] = (struct ws_feat){ ctx.nm.category, vc };
	pool[b][0] = (struct ws_feat){ ctx.nm.lemma, vb };
	struct ws_annot x = { .feat = pool[a], .nfeat = 1 }, y = { .feat = pool[b], .nfeat = 1 };
	struct ws_annot x2 = { .feat = pool[a], .nfeat = 2 };
	for (int round = 0; round < 2; round++) {
		cr_assert_eq(cue_feats(&ctx, &x)->lemma, va);
		cr_assert_null(cue_feats(&ctx, &x)->category);
		cr_assert_eq(cue_feats(&ctx, &y)->lemma, vb);
		cr_assert_eq(cue_feats(&ctx, &x2)->lemma, va);
		cr_assert_eq(cue_feats(&ctx, &x2)->category, vc);
	}
}

/* np_head() (attrib_speakers.c) passes a word of up to eight bytes with no
 * apostrophe in one test of its bytes: words with one, straight or curly,
 * are no heads at any length, and words with none are. */
Test(attrib_words, a_head_has_no_apostrophe)
{
	context("doesn't you'd don\xE2\x80\x99t shouldn't shouldn\xE2\x80\x99t officials voters "
		"analysts");
	struct ws_tokmap *maps[] = { &ctx.cue_map, &ctx.title_map, &ctx.qopen_map, &ctx.qclose_map,
				     &ctx.lookup_map };
	for (size_t k = 0; k < 5; k++) {
		ws_tokmap_init(maps[k], ctx.ntok + 1);
		ws_tokmap_finish(maps[k]);
	}
	static const char *const no[] = {
		"doesn't", "you'd", "don\xE2\x80\x99t", "shouldn't", "shouldn\xE2\x80\x99t", NULL
	};
	static const char *const yes[] = { "officials", "voters", "analysts", NULL };
	for (int k = 0; no[k]; k++)
		cr_assert(!np_head(&ctx, at(no[k])), "%s", no[k]);
	for (int k = 0; yes[k]; k++)
		cr_assert(np_head(&ctx, at(yes[k])), "%s", yes[k]);
	for (size_t k = 0; k < 5; k++)
		ws_tokmap_free(maps[k]);
}
