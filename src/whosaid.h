/* whosaid: who said what in news articles. The public C API.
 *
 * An engine holds the rules and gazetteers: it is loaded once, is read-only
 * afterwards and may be shared by any number of threads. A document holds
 * one article's analysis and belongs to one thread at a time; reuse it for
 * the next article to keep its memory. Every result is a span of byte
 * offsets [start, end) into the text the document was given, which the
 * caller keeps alive until the document is reset or freed. */
#ifndef WHOSAID_H
#define WHOSAID_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Error codes: functions that can fail return 0 or one of these. */
enum ws_err {
	WS_OK = 0,
	WS_ERR_IO = -1,		/* a file could not be read or written */
	WS_ERR_DATA = -2,	/* a rule or gazetteer file has errors */
	WS_ERR_EMPTY = -3,	/* the document holds no text */
	WS_ERR_BINARY = -4,	/* the document is not text (NUL or control bytes) */
	WS_ERR_ENCODING = -5,	/* the document is not UTF-8 (UTF-16/32, or mostly invalid) */
	WS_ERR_TOO_LARGE = -6,	/* the document is larger than the limit */
};

/* A short lower-case description of an error code. */
const char *ws_strerror(int err);

struct ws_engine;
struct ws_doc;

/* Loads the data under datadir (its rules/ and gazetteers/). Every error
 * in a data file is written to diag as "file:line:col: message"; then the
 * result is WS_ERR_DATA and *out is NULL. */
int ws_engine_load(const char *datadir, FILE *diag, struct ws_engine **out);
void ws_engine_free(struct ws_engine *e);

/* Writes what the engine loaded, one line per data file with its number
 * of entries, for `whosaid check`. */
void ws_engine_describe(const struct ws_engine *e, FILE *out);

struct ws_span {
	uint32_t start, end;	/* an empty span (start == end) means none */
};

enum ws_quote_type { WS_QT_DIRECT, WS_QT_MIXED, WS_QT_INDIRECT };

enum ws_speaker_type {
	WS_SP_UNKNOWN, WS_SP_PERSON, WS_SP_ORGANIZATION, WS_SP_PLACE,
	WS_SP_GROUP, WS_SP_ANONYMOUS,
};

/* An attributed statement. */
struct ws_statement {
	enum ws_quote_type type;
	struct ws_span span;		/* the statement; quote marks included for direct */
	struct ws_span cue;		/* the reporting verb or phrase */
	const char *cue_lemma;		/* NULL when unknown */
	const char *cue_category;	/* neutral, assertive, ... or NULL */
	struct ws_span mention;		/* the speaker as written where attached */
	int32_t entity;			/* index into the entities, -1 if none */
	enum ws_speaker_type speaker_type;
	const char *sieve;		/* the rule that attributed it */
	double confidence;		/* that rule's measured precision; < 0 unknown */
};

/* A cluster of mentions of one speaker within a document. */
struct ws_entity {
	enum ws_speaker_type type;
	struct ws_span name;		/* the fullest mention, without leading determiners */
	struct ws_span title;		/* empty when not known */
	const char *gender;		/* "female", "male" or NULL */
	struct ws_span first;		/* the first mention */
	uint32_t mentions;
	uint32_t quotes;		/* statements attributed to it */
};

struct ws_mention {
	struct ws_span span;
	int32_t entity;
	const char *rule;		/* the rule that found it */
	int pronoun;			/* he, she, they: not a name */
	int wide;			/* a name mention written out with what follows it
					 * ("Jane Roe, a lawyer," "Rep. Jane Roe (D-Ore.)"),
					 * given besides the name's own mention: no alias,
					 * not counted again in the entity's mentions */
	enum ws_speaker_type type;	/* with no entity: the speaker's type as
					 * attribution found it ("a Cairo airport
					 * official" a person, "officials" a group) */
};

struct ws_doc *ws_doc_new(const struct ws_engine *e);
void ws_doc_free(struct ws_doc *d);

/* Analyses text[0..len). Returns 0, or WS_ERR_EMPTY, WS_ERR_BINARY or
 * WS_ERR_ENCODING when the bytes are not an article (then the document
 * holds no results). A few invalid UTF-8 bytes in otherwise good text are
 * not an error: they count in ws_doc_invalid_bytes(). */
int ws_doc_process(struct ws_doc *d, const char *text, size_t len);

size_t ws_doc_statements(const struct ws_doc *d, const struct ws_statement **out);
size_t ws_doc_entities(const struct ws_doc *d, const struct ws_entity **out);
size_t ws_doc_mentions(const struct ws_doc *d, const struct ws_mention **out);
size_t ws_doc_invalid_bytes(const struct ws_doc *d);
const char *ws_doc_text(const struct ws_doc *d, size_t *len);

const char *ws_quote_type_name(enum ws_quote_type t);
const char *ws_speaker_type_name(enum ws_speaker_type t);
/* As the two above, with the name's length to *len. */
const char *ws_quote_type_name_len(enum ws_quote_type t, size_t *len);
const char *ws_speaker_type_name_len(enum ws_speaker_type t, size_t *len);

#endif
