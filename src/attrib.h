/* Attribution: links statements to their speakers and clusters the
 * speakers of a document into entities. This first path handles direct
 * quotes with an adjacent speaker ("...," X said / said X / X said: "...")
 * and pronoun speakers resolved to the last named one. */
#ifndef WS_ATTRIB_H
#define WS_ATTRIB_H

struct ws_doc;

/* The sieves' names in the order they run, NULL-terminated; each has a
 * line in rules/sieves.txt with its measured confidence. */
extern const char *const ws_sieve_names[];
#define WS_MAX_SIEVES 16

/* Fills the document's statements, entities and mentions from its tokens
 * and quote spans. */
void ws_attribute(struct ws_doc *d);

#endif
