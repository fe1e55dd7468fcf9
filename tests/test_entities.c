/* Entities and mentions: a name written out with its apposition or
 * parenthesis is a second, wider mention of the same entity, and the
 * entity keeps its plain name. The sentences are invented. */
#include "testutil.h"
#include "symtab.h"

TEST_DOC_SUITE(entities);

/* "text=entity name" for each person or organisation mention, with a "+"
 * after wide ones, joined by "; ". */
static char *mention_view(const char *text)
{
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), 0);
	const struct ws_mention *mn;
	const struct ws_entity *en;
	size_t n = ws_doc_mentions(doc, &mn);
	ws_doc_entities(doc, &en);
	struct ws_buf b = WS_BUF_INIT;
	int first = 1;
	for (size_t i = 0; i < n; i++) {
		if (mn[i].entity < 0 || mn[i].pronoun)
			continue;
		const struct ws_entity *e = &en[mn[i].entity];
		if (e->type != WS_SP_PERSON && e->type != WS_SP_ORGANIZATION)
			continue;
		if (!first)
			ws_buf_adds(&b, "; ");
		first = 0;
		ws_buf_add(&b, text + mn[i].span.start, mn[i].span.end - mn[i].span.start);
		if (mn[i].wide)
			ws_buf_addc(&b, '+');
		ws_buf_addc(&b, '=');
		ws_buf_add(&b, text + e->name.start, e->name.end - e->name.start);
	}
	ws_buf_grow(&b, 0);
	return b.data;
}

static void expect_view(char *got, const char *want)
{
	cr_expect_str_eq(got, want);
	free(got);
}

Test(entities, apposition_before_the_cue_is_a_wide_mention)
{
	expect_view(mention_view("Jane Roe, a lawyer for the club, said the plan was bad."),
		    "Jane Roe=Jane Roe; Jane Roe, a lawyer for the club,+=Jane Roe");
	const struct ws_entity *en;
	cr_assert_eq(ws_doc_entities(doc, &en), 1);
	cr_expect_eq(en[0].mentions, 1, "the wide mention does not count again");
}

Test(entities, apposition_after_the_cue_runs_to_the_sentence_end)
{
	expect_view(mention_view("\"It is over,\" said Tom Miller, 44, a baker from Salem."),
		    "Tom Miller=Tom Miller; Tom Miller, 44, a baker from Salem+=Tom Miller");
	/* a word that is more often a noun than a cue (report) may stand in it */
	expect_view(mention_view("\"It is over,\" said Tom Miller, an author of the annual report."),
		    "Tom Miller=Tom Miller; Tom Miller, an author of the annual report+=Tom Miller");
}

/* an age and where someone lives, up to the sentence's end, even where
 * the end is an abbreviation's period */
Test(entities, an_age_and_a_place_after_the_cue_belong_to_the_mention)
{
	expect_view(mention_view("\"It is over,\" said Tom Miller, 20, of Jacksonville, Fla. "
				 "''She has it.''"),
		    "Tom Miller=Tom Miller; Tom Miller, 20, of Jacksonville, Fla.+=Tom Miller");
}

/* a name does not run on over a line break: a headline line without a
 * full stop, then a paragraph line that opens with a name */
Test(entities, a_name_does_not_cross_a_line_break)
{
	expect_view(mention_view("The council met.\n\n9:23PM Vrolk Says Leaving Was A Sign Of "
				 "Leadership\nMarco Rubio defended himself on Saturday."),
		    "The council=council; Marco Rubio=Marco Rubio");
}

/* ... and when the name is cut at the break and a headline-style line
 * ends in a word no list knows, the name after the break is not trimmed
 * back to a known word before the break: that left a mention whose end
 * came before its start, which the output read past (a fuzzer found it) */
Test(entities, a_name_cut_at_a_line_break_keeps_its_start)
{
	expect_view(mention_view("Deputy Foreign Minister Hossein Jaberi Ansari Bp\nQ Damascus On "
				 "September 19.\n\nHe spoke, Ansari said."),
		    "Ansari=Ansari; Q=Q; Ansari=Ansari");
	const struct ws_mention *mn;
	size_t n = ws_doc_mentions(doc, &mn);
	for (size_t i = 0; i < n; i++)
		cr_expect_leq(mn[i].span.start, mn[i].span.end, "mention %zu", i);
}

/* a lone first name that opens one known person's name is a mention of
 * that person; not a place's name, nor a first name two people share */
Test(entities, a_lone_first_name_is_a_mention_of_its_person)
{
	expect_view(mention_view("Hillary Vrann spoke on Monday. Later Hillary said the plan was "
				 "bad, and Hillary Qolt agreed."),
		    "Hillary Vrann=Hillary Vrann; Hillary Qolt=Hillary Qolt");
	expect_view(mention_view("Georgia Vrann spoke on Monday. Later Georgia voted."),
		    "Georgia Vrann=Georgia Vrann");
	expect_view(mention_view("Hillary Vrann spoke on Monday. Later Hillary said no."),
		    "Hillary Vrann=Hillary Vrann; Hillary=Hillary Vrann");
	/* a word that is one person's surname is no other's first name */
	expect_view(mention_view("Hillary Vrann spoke on Monday. Jane Hillary spoke too. Later "
				 "Hillary said no."),
		    "Hillary Vrann=Hillary Vrann; Jane Hillary=Jane Hillary; Hillary=Jane Hillary");
}

/* in a headline every word is capitalised: the name ends at the last word
 * the name lists know ("Donna Miller Embraces ..." names Donna Miller) */
Test(entities, a_headline_verb_is_no_part_of_the_name)
{
	expect_view(mention_view("The council met.\n\nDonna Miller Embraces Local Farmers On "
				 "Taxes Again\n\nThe vote was close."),
		    "The council=council; Donna Miller=Donna Miller");
}

Test(entities, parenthesis_then_apposition_chain)
{
	expect_view(mention_view("Sen. Kim Baker (D-Ore.), a former teacher, said no."),
		    "Sen. Kim Baker=Kim Baker; Sen. Kim Baker (D-Ore.)+=Kim Baker; "
		    "Sen. Kim Baker (D-Ore.), a former teacher,+=Kim Baker");
}

Test(entities, an_adjunct_is_no_apposition)
{
	expect_view(mention_view("Jane Roe, on Monday, said the plan was bad."),
		    "Jane Roe=Jane Roe");
}

Test(entities, a_caption_position_is_no_parenthesis)
{
	expect_view(mention_view("Jane Roe (2nd L) meets Tom Miller (L) in Salem."),
		    "Jane Roe=Jane Roe; Tom Miller=Tom Miller");
}

Test(entities, quantifier_and_article_belong_to_an_organisation_mention)
{
	expect_view(mention_view("Many Republicans and the Roe campaign said the plan was bad."),
		    "Many Republicans=Republicans; the Roe campaign=Roe campaign");
}

Test(entities, a_possessive_is_a_mention_of_the_same_person)
{
	expect_view(mention_view("Jane Roe said no. Roe's plan failed, and Roe\u2019s book sold."),
		    "Jane Roe=Jane Roe; Roe's=Jane Roe; Roe\u2019s=Jane Roe");
	const struct ws_entity *en;
	cr_assert_eq(ws_doc_entities(doc, &en), 1);
}

Test(entities, the_name_of_a_person_is_without_the_possessive)
{
	expect_view(mention_view("Then Jane Roe's plan failed."), "Jane Roe's=Jane Roe");
}

Test(entities, a_description_and_a_comma_before_a_name_make_a_wide_mention_with_the_closing_comma)
{
	expect_view(mention_view("Later the club's chairman, Jane Roe, said the plan was bad."),
		    "the club's chairman, Jane Roe,+=Jane Roe; Jane Roe=Jane Roe");
	expect_view(mention_view("Later the club's chairman, Jane Roe, a baker, said no."),
		    "the club's chairman, Jane Roe+=Jane Roe; "
		    "the club's chairman, Jane Roe, a baker,+=Jane Roe; Jane Roe=Jane Roe");
}

Test(entities, a_title_keeps_its_article)
{
	expect_view(mention_view("Then the conservative writer Jane Roe left."),
		    "the conservative writer Jane Roe=Jane Roe");
}

/* person/first_names_news.lst: a first name of the news that the census
 * lists lack starts a name, not only its surname */
Test(entities, a_first_name_of_the_news_starts_a_name)
{
	expect_view(mention_view("Then Jeb Roe said no."), "Jeb Roe=Jeb Roe");
}

/* org/cue_words.lst: a newspaper's last word (Sentinel, Herald) makes the
 * capitalised words before it an organisation, not a person's name */
Test(entities, a_newspaper_word_ends_an_organisation)
{
	expect_view(mention_view("Then the Orlando Sentinel said no."),
		    "the Orlando Sentinel=Orlando Sentinel");
}

/* org/companies.lst: a company that speaks is an organisation */
Test(entities, a_company_of_the_news_is_an_organisation)
{
	expect_view(mention_view("Later Twitter said it would act."), "Twitter=Twitter");
}

Test(entities, one_span_of_one_entity_is_one_mention)
{
	/* the entity rules find "Jane Roe" and attribution finds it again as
	 * the speaker: mentions.tsv lists it once */
	expect_view(mention_view("Later the club's chairman, Jane Roe, a baker, said no."),
		    "the club's chairman, Jane Roe+=Jane Roe; "
		    "the club's chairman, Jane Roe, a baker,+=Jane Roe; Jane Roe=Jane Roe");
	const struct ws_entity *en;
	cr_assert_eq(ws_doc_entities(doc, &en), 1);
	cr_expect_eq(en[0].mentions, 1);	/* the wide mentions are not counted */
	/* and the mentions after the one dropped move up in its place */
	expect_view(mention_view("Later the club's chairman, Jane Roe, a baker, said no. "
				 "Ann Poe, a baker, said yes."),
		    "the club's chairman, Jane Roe+=Jane Roe; "
		    "the club's chairman, Jane Roe, a baker,+=Jane Roe; Jane Roe=Jane Roe; "
		    "Ann Poe=Ann Poe; Ann Poe, a baker,+=Ann Poe");
}

/* rules/50-mentions.rules Modifiers: what someone is, written before the
 * title after a word that opens a noun phrase, belongs to the mention; the
 * words of the clause before a title do not */
Test(entities, modifiers_before_a_title_belong_to_the_mention)
{
	expect_view(mention_view("Then, the Zorblat Radio host Jane Roe said no."),
		    "the Zorblat Radio host Jane Roe=Jane Roe");
	expect_view(mention_view("The loss led Zorblat chairman Ann Poe to quit."),
		    "Zorblat chairman Ann Poe=Ann Poe");
	/* an organisation before a title needs no possessive */
	expect_view(mention_view("Then, CNN Jerusalem editor Jane Roe said no."),
		    "CNN=CNN; CNN Jerusalem editor Jane Roe=Jane Roe");
}

/* rules/50-mentions.rules Members: the people who speak for an
 * organisation belong to its mention; rules/40-organizations.rules: a
 * person's loyalists are a body, as the person's aides are */
Test(entities, an_organisations_officials_belong_to_its_mention)
{
	expect_view(mention_view("Later Acme Party leaders said no."),
		    "Acme Party=Acme Party; Acme Party leaders+=Acme Party");
	expect_view(mention_view("Then Jane Roe loyalists said yes."),
		    "Jane Roe=Jane Roe; Jane Roe loyalists=Jane Roe loyalists");
}

/* org/advocacy.lst: think tanks, advocacy groups and unions are
 * organisations */
Test(entities, advocacy_groups_and_think_tanks_are_organisations)
{
	expect_view(mention_view("The NAACP and the Heritage Foundation both said the plan was bad."),
		    "The NAACP=NAACP; the Heritage Foundation=Heritage Foundation");
}

/* The title of the person named name, split: "part=text" for each part
 * that has words, in column order, joined by "; ". */
static char *title_view(const char *text, const char *name)
{
	cr_assert_eq(ws_doc_process(doc, text, strlen(text)), 0);
	const struct ws_entity *en;
	size_t n = ws_doc_entities(doc, &en);
	for (size_t i = 0; i < n; i++) {
		if (en[i].name.end - en[i].name.start != strlen(name) ||
		    memcmp(text + en[i].name.start, name, strlen(name)) != 0)
			continue;
		struct ws_title_parts tp;
		ws_title_parts(doc, en[i].title, &tp);
		struct ws_buf b = WS_BUF_INIT;
		for (int k = 0; k < WS_TP_N; k++) {
			for (int j = 0; j < tp.n[k]; j++) {
				ws_buf_adds(&b, b.len ? (j ? " " : "; ") : "");
				if (!j) {
					ws_buf_adds(&b, ws_title_part_names[k] + 6);
					ws_buf_addc(&b, '=');
				}
				ws_buf_add(&b, text + tp.s[k][j].start, tp.s[k][j].end - tp.s[k][j].start);
			}
		}
		ws_buf_grow(&b, 0);
		return b.data;
	}
	cr_assert_fail("no entity named %s in: %s", name, text);
	return NULL;
}

Test(entities, a_title_splits_into_the_parts_researchers_count)
{
	expect_view(title_view("Iranian Deputy Foreign Minister for Arab and African Affairs Hossein "
			       "Jaberi Ansari met the press.", "Hossein Jaberi Ansari"),
		    "modifiers=Deputy; nationality=Iranian; office=Foreign Minister; "
		    "portfolio=for Arab and African Affairs");
	expect_view(title_view("The bridge was closed, former Ohio Gov. Ted Roe said.", "Ted Roe"),
		    "modifiers=former; nationality=Ohio; office=Gov.");
	expect_view(title_view("Pentagon spokeswoman Jane Doe spoke on Monday.", "Jane Doe"),
		    "org=Pentagon; office=spokeswoman");
	expect_view(title_view("The vote was close, former Secretary of State Ann Poe said.",
			       "Ann Poe"),
		    "modifiers=former; office=Secretary of State");
	expect_view(title_view("Republican Party nominee Ken Hale spoke on Monday.", "Ken Hale"),
		    "org=Republican Party; office=nominee");
	expect_view(title_view("Mr. Tom Brandt spoke on Monday.", "Tom Brandt"), "honorific=Mr.");
	/* an office honorific is counted as the office it stands for */
	struct ws_title_parts tp;
	const char *text = "The vote was close, Sen. Ann Poe said.";
	free(title_view(text, "Ann Poe"));
	const struct ws_entity *en;
	ws_doc_entities(doc, &en);
	ws_title_parts(doc, en[0].title, &tp);
	cr_expect_str_eq(tp.office_expands, "senator");
	/* no title, no parts */
	expect_view(title_view("Tom Brandt spoke on Monday.", "Tom Brandt"), "");
}

/* the hand lists know agencies as spelled with periods, a party by its
 * initials, and newspapers by their short names */
Test(entities, agencies_with_periods_parties_and_short_newspaper_names)
{
	expect_view(mention_view("The F.B.I. said the case was closed."), "The F.B.I.=F.B.I.");
	expect_view(mention_view("In 2005, the SVP campaigned hard against the plan."),
		    "the SVP=SVP");
	expect_view(mention_view("The Sun-Times reported that the Daily News was sold."),
		    "The Sun-Times=Sun-Times; the Daily News=Daily News");
}

/* The builder's per-token tables are kept from document to document and
 * put back to all -1 and 0 after each: a title, determiner or description
 * of one document must not be seen in the next. */
Test(entities, tables_are_clean_after_each_document)
{
	expect_view(mention_view("Former Ohio Gov. Ted Vrann spoke. \"It is over,\" said the party "
				 "chairman, Jane Roe, on Monday. Some Republicans agreed."),
		    "Former Ohio Gov. Ted Vrann=Ted Vrann; the party=party; "
		    "the party chairman, Jane Roe,+=Jane Roe; Jane Roe=Jane Roe; "
		    "Some Republicans=Republicans");
	cr_assert(doc->eends.n > 0 && doc->ebytes.n > 0);
	for (size_t i = 0; i < doc->eends.n; i++)
		cr_assert_eq(doc->eends.v[i], -1, "entry %zu", i);
	for (size_t i = 0; i < doc->ebytes.n; i++)
		cr_assert_eq(doc->ebytes.v[i], 0, "byte %zu", i);
	/* the same words at other tokens: the same mentions */
	expect_view(mention_view("Yes. Ted Vrann spoke. \"It is over,\" said the chairman Jane Roe."),
		    "Ted Vrann=Ted Vrann; the chairman Jane Roe=Jane Roe");
}

/* The builder lists the PersonTitle annotations for attribution's map of
 * where titles end: all of them, in order, for each document. */
Test(entities, the_titles_are_listed_for_attribution)
{
	const char *texts[] = {
		"Iranian Deputy Foreign Minister Abbas Araqchi said the talks would go on. "
		"Secretary of State Jo Vrann and Senator Ann Bell agreed.",
		"The weather was fine.",
	};
	for (size_t t = 0; t < 2; t++) {
		cr_assert_eq(ws_doc_process(doc, texts[t], strlen(texts[t])), 0);
		const char *title = ws_sym_find(eng->syms, "PersonTitle", 11);
		size_t n = 0;
		for (size_t i = doc->nlookup; i < doc->gaz.n; i++) {
			if (doc->gaz.v[i].type != title || doc->gaz.v[i].last == 0)
				continue;
			cr_assert_lt(n, doc->titles.n);
			cr_expect_eq(doc->titles.v[n], i);
			n++;
		}
		cr_expect(doc->titles_listed);
		cr_expect_eq(doc->titles.n, n);
		cr_expect_eq(n > 0, t == 0, "the first text has titles, the second none");
	}
}
