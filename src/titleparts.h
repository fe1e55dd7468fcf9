/* Title parts: a person's title as written, split into the parts that
 * researchers count and compare across outlets: "Iranian Deputy Foreign
 * Minister for Arab and African Affairs" is nationality Iranian, modifier
 * Deputy, office Foreign Minister, portfolio "for Arab and African
 * Affairs". Each part is spans of the document's text, so it is printed
 * as written. */
#ifndef WS_TITLEPARTS_H
#define WS_TITLEPARTS_H

#include "whosaid.h"

#include <stdint.h>

struct ws_doc;

enum ws_title_part {
	WS_TP_HONORIFIC,	/* a courtesy honorific: Mr., Ms., Dr., Rev. */
	WS_TP_MODIFIERS,	/* former, deputy, vice, Republican, presidential */
	WS_TP_NATIONALITY,	/* a nationality, country or region: Syrian, Ohio */
	WS_TP_ORG,		/* whose office: Pentagon, FBI, Clinton (campaign manager) */
	WS_TP_OFFICE,		/* the head with the portfolio words before it:
				 * Foreign Minister, spokeswoman, Sen., campaign manager */
	WS_TP_PORTFOLIO,	/* "for"/"of" and what follows the head: of State */
	WS_TP_N
};

/* Spans of one part, in text order; adjacent words make one span. */
#define WS_TP_SPANS 4

struct ws_title_parts {
	struct ws_span s[WS_TP_N][WS_TP_SPANS];
	uint8_t n[WS_TP_N];
	/* when the office is one honorific that stands for an office ("Sen.",
	 * "Gov.", "Rep."), what it stands for ("senator"), from the list's
	 * expands= feature; else NULL */
	const char *office_expands;
};

/* The interned names the split compares with: worked out once per
 * document object (ws_doc_new), as they belong to its engine. */
struct ws_title_keys {
	const char *major, *minor, *expands;
	const char *head, *role, *honorific, *portfolio, *modifier, *place, *org, *cue_word,
		*person, *first_name, *surname;
};

struct ws_symtab;
void ws_title_keys_init(struct ws_title_keys *k, const struct ws_symtab *syms);

/* The column names, "title_honorific" ..., in enum order. */
extern const char *const ws_title_part_names[WS_TP_N];

/* Splits title (a span of d's text covering whole tokens) by the gazetteer
 * types of its words: the last head, role or office honorific (Sen.,
 * Gov.) is the office, joined by the portfolio words just before it;
 * "for"/"of" after it opens the portfolio; words before the office are
 * modifiers, places, organisations or honorifics by their lists, and a
 * capitalised word no list knows names whose office it is. Words no rule
 * places are left out. An empty title gives no parts. */
void ws_title_parts(const struct ws_doc *d, struct ws_span title, struct ws_title_parts *p);

#endif
