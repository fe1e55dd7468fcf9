/* The HTML report of `whosaid compare` (see report.h): tables and SVG charts
 * written straight to a stream. Nothing here runs in the reader's browser:
 * the page has no script, and every string from the data is escaped. */
#include "report.h"
#include "buf.h"
#include "compare.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHART_W 720		/* viewBox width of every chart */
#define LABEL_W 150		/* the label column */
#define BAR_W (CHART_W - LABEL_W - 170)	/* room for the value after the longest bar */
#define ROW_H 24
#define TOP_SPEAKERS 15
#define TOP_CLUSTERS 25
#define LABEL_BYTES 24		/* labels longer than this are cut with an ellipsis */
#define QUOTE_BYTES 320

/* Colour-blind-safe categorical palette (Tableau 10). */
static const char *const palette[] = {
	"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759",
	"#bab0ac", "#76b7b2", "#edc948", "#ff9da7", "#9c755f",
};
#define NPAL (sizeof(palette) / sizeof(palette[0]))

void ws_html_escape(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		switch (ch) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(ch < 0x20 || ch == 0x7f ? ' ' : ch, f);
		}
	}
}

static void esc(FILE *f, const char *s)
{
	if (s)
		ws_html_escape(f, s, strlen(s));
}

/* s escaped, cut at max bytes on a character boundary with an ellipsis. */
static void esc_cut(FILE *f, const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;
	if (n <= max) {
		esc(f, s);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	ws_html_escape(f, s, max);
	fputs("…", f);
}

static const char *outlet_label(const char *name)
{
	return *name ? name : "(no outlet)";
}

static double pct(long a, long b)
{
	return b ? 100.0 * (double)a / (double)b : 0.0;
}

static const char css[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
	"color:#1d2733;background:#fff;margin:0 auto;max-width:1100px;padding:1.2em 1.6em}"
	"h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin:1.6em 0 .4em;"
	"border-bottom:1px solid #d5dbe1;padding-bottom:.2em}"
	".meta{color:#556270}nav a{margin-right:1em;color:#2b5c8a}"
	"table{border-collapse:collapse;width:100%;font-size:.88em}"
	"th,td{border-bottom:1px solid #e3e7eb;padding:.25em .45em;text-align:left;vertical-align:top;"
	"overflow-wrap:anywhere}"
	"th{background:#f3f5f7;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}"
	"svg.chart{width:100%;max-width:760px;height:auto;display:block;font-size:12px}"
	"svg text{fill:#1d2733}.legend{font-size:.85em;margin:.3em 0 .6em}"
	".legend span{display:inline-block;margin-right:1em}"
	".legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}"
	"tr.cl td{background:#eef2f6;font-weight:600;border-top:2px solid #c9d2db}"
	".q{max-width:34em}.flag{display:inline-block;font-size:.78em;padding:0 .35em;"
	"border-radius:.3em;background:#fbe3d6;color:#7a2e0e;margin:0 .2em .1em 0}"
	".add{color:#1f6b2a}.miss{color:#8a1f1f}.loc{font-family:ui-monospace,monospace;font-size:.85em}"
	"@media print{body{max-width:none;font-size:10pt;padding:0}nav{display:none}"
	"section{break-inside:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}";

static void legend(FILE *f, const char *const *names, size_t n)
{
	fputs("<div class=\"legend\">", f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "<span><i style=\"background:%s\"></i>", palette[i % NPAL]);
		esc(f, names[i]);
		fputs("</span>", f);
	}
	fputs("</div>\n", f);
}

static void svg_open(FILE *f, int h, const char *label)
{
	fprintf(f, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		"width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"", CHART_W, h, CHART_W, h);
	esc(f, label);
	fputs("\">\n", f);
}

/* An outlet's name at the left of row y. */
static void row_label(FILE *f, int y, const char *name)
{
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 8, y + ROW_H / 2 + 4);
	esc_cut(f, outlet_label(name), LABEL_BYTES);
	fputs("<title>", f);
	esc(f, outlet_label(name));
	fputs("</title></text>\n", f);
}

static void bars_per_outlet(const struct ws_cmp *c, FILE *f)
{
	long max = 1;
	for (size_t o = 0; o < c->noutlet; o++)
		if (c->outlet[o].statements > max)
			max = c->outlet[o].statements;
	int h = (int)c->noutlet * ROW_H + 10;
	svg_open(f, h, "statements per outlet");
	for (size_t o = 0; o < c->noutlet; o++) {
		const struct ws_cmp_outlet *x = &c->outlet[o];
		int y = 5 + (int)o * ROW_H;
		double w = (double)BAR_W * (double)x->statements / (double)max;
		row_label(f, y, x->name);
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
			"<title>%ld statements in %ld documents</title></rect>\n", LABEL_W, y + 3, w,
			ROW_H - 6, palette[0], x->statements, x->docs);
		fprintf(f, "<text x=\"%.1f\" y=\"%d\">%ld <tspan fill=\"#556270\">(%.1f per document)"
			"</tspan></text>\n", LABEL_W + w + 6, y + ROW_H / 2 + 4, x->statements,
			x->docs ? (double)x->statements / (double)x->docs : 0.0);
	}
	fputs("</svg>\n", f);
}

/* One 100 % stacked bar per outlet; vals[o * nseg + s]. */
static void stacked(FILE *f, const struct ws_cmp *c, const char *label, const char *const *names,
		    size_t nseg, const long *vals)
{
	legend(f, names, nseg);
	int h = (int)c->noutlet * ROW_H + 10;
	svg_open(f, h, label);
	for (size_t o = 0; o < c->noutlet; o++) {
		int y = 5 + (int)o * ROW_H;
		long total = 0;
		for (size_t s = 0; s < nseg; s++)
			total += vals[o * nseg + s];
		row_label(f, y, c->outlet[o].name);
		double x = LABEL_W;
		for (size_t s = 0; s < nseg; s++) {
			long v = vals[o * nseg + s];
			if (!v)
				continue;
			double w = (double)(CHART_W - LABEL_W - 20) * (double)v / (double)total;
			fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
				"<title>", x, y + 3, w, ROW_H - 6, palette[s % NPAL]);
			esc(f, outlet_label(c->outlet[o].name));
			fputs(": ", f);
			esc(f, names[s]);
			fprintf(f, " %ld (%.1f %%)</title></rect>\n", v, pct(v, total));
			if (w >= 34)
				fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
					"style=\"fill:#fff\">%.0f%%</text>\n", x + w / 2,
					y + ROW_H / 2 + 4, pct(v, total));
			x += w;
		}
		if (!total)
			fprintf(f, "<text x=\"%d\" y=\"%d\" style=\"fill:#556270\">none</text>\n",
				LABEL_W, y + ROW_H / 2 + 4);
	}
	fputs("</svg>\n", f);
}

struct top {
	size_t j;
	long n;
};

static int cmp_top(const void *a, const void *b)
{
	const struct top *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (x->j > y->j) - (x->j < y->j);
}

static void heat_map(const struct ws_cmp *c, FILE *f)
{
	struct top *t = ws_xcalloc(c->nspeaker + 1, sizeof(*t));
	for (size_t j = 0; j < c->nspeaker; j++)
		t[j] = (struct top){ j, c->speaker[j].statements };
	qsort(t, c->nspeaker, sizeof(*t), cmp_top);
	size_t rows = c->nspeaker < TOP_SPEAKERS ? c->nspeaker : TOP_SPEAKERS;
	if (!rows || !c->noutlet) {
		fputs("<p>No named speakers.</p>\n", f);
		free(t);
		return;
	}
	long max = 1;
	for (size_t r = 0; r < rows; r++)
		for (size_t o = 0; o < c->noutlet; o++)
			if (c->speaker[t[r].j].by_outlet[o] > max)
				max = c->speaker[t[r].j].by_outlet[o];
	int cw = (CHART_W - LABEL_W - 10) / (int)c->noutlet;
	if (cw > 90)
		cw = 90;
	int head = 40, h = head + (int)rows * ROW_H + 6;
	svg_open(f, h, "statements of the top speakers by outlet");
	for (size_t o = 0; o < c->noutlet; o++) {
		fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">",
			LABEL_W + (int)o * cw + cw / 2, head - 8);
		esc_cut(f, outlet_label(c->outlet[o].name), (size_t)(cw / 7 > 4 ? cw / 7 : 4));
		fputs("<title>", f);
		esc(f, outlet_label(c->outlet[o].name));
		fputs("</title></text>\n", f);
	}
	for (size_t r = 0; r < rows; r++) {
		const struct ws_cmp_speaker *sp = &c->speaker[t[r].j];
		int y = head + (int)r * ROW_H;
		fprintf(f, "<text class=\"speaker\" x=\"%d\" y=\"%d\" text-anchor=\"end\">",
			LABEL_W - 8, y + ROW_H / 2 + 4);
		esc_cut(f, sp->name, LABEL_BYTES);
		fputs("</text>\n", f);
		for (size_t o = 0; o < c->noutlet; o++) {
			long v = sp->by_outlet[o];
			double a = (double)v / (double)max;
			/* white to #2b5c8a */
			int rr = (int)(255 - a * (255 - 0x2b)), gg = (int)(255 - a * (255 - 0x5c)),
			    bb = (int)(255 - a * (255 - 0x8a));
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				"fill=\"#%02x%02x%02x\" stroke=\"#e3e7eb\"><title>", LABEL_W + (int)o * cw,
				y, cw, ROW_H, rr, gg, bb);
			esc(f, sp->name);
			fputs(" in ", f);
			esc(f, outlet_label(c->outlet[o].name));
			fprintf(f, ": %ld statements in %ld documents</title></rect>\n", v,
				sp->docs_by_outlet[o]);
			if (v)
				fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" style=\"fill:%s\">"
					"%ld</text>\n", LABEL_W + (int)o * cw + cw / 2, y + ROW_H / 2 + 4,
					a > 0.55 ? "#fff" : "#1d2733", v);
		}
	}
	fputs("</svg>\n", f);
	free(t);
}

static void outlet_table(const struct ws_cmp *c, FILE *f)
{
	fputs("<table><thead><tr><th>outlet</th><th>documents</th><th>statements</th>"
	      "<th>per document</th><th>direct</th><th>mixed</th><th>indirect</th>"
	      "<th>named speakers</th><th>anonymous</th><th>women among person speakers</th>"
	      "</tr></thead><tbody>\n", f);
	for (size_t o = 0; o < c->noutlet; o++) {
		const struct ws_cmp_outlet *x = &c->outlet[o];
		long persons = x->gender[WS_G_FEMALE] + x->gender[WS_G_MALE] + x->gender[WS_G_UNKNOWN];
		fputs("<tr><td>", f);
		esc(f, outlet_label(x->name));
		fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%.1f"
			"</td><td class=\"n\">%.0f %%</td><td class=\"n\">%.0f %%</td>"
			"<td class=\"n\">%.0f %%</td><td class=\"n\">%ld</td><td class=\"n\">%.0f %%</td>"
			"<td class=\"n\">%.0f %%</td></tr>\n", x->docs, x->statements,
			x->docs ? (double)x->statements / (double)x->docs : 0.0,
			pct(x->qtype[WS_CQ_DIRECT], x->statements), pct(x->qtype[WS_CQ_MIXED], x->statements),
			pct(x->qtype[WS_CQ_INDIRECT], x->statements), x->speakers,
			pct(x->stype[WS_ST_ANON], x->statements), pct(x->gender[WS_G_FEMALE], persons));
	}
	fputs("</tbody></table>\n", f);
}

static int cmp_cluster(const void *a, const void *b, const struct ws_cmp *c)
{
	const struct ws_cmp_cluster *x = &c->cluster[*(const size_t *)a];
	const struct ws_cmp_cluster *y = &c->cluster[*(const size_t *)b];
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->outlets != y->outlets)
		return x->outlets > y->outlets ? -1 : 1;
	return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static const struct ws_cmp *sort_ctx;

static int cmp_cluster_ctx(const void *a, const void *b)
{
	return cmp_cluster(a, b, sort_ctx);
}

static int safe_url(const char *u)
{
	return u && (strncasecmp(u, "https://", 8) == 0 || strncasecmp(u, "http://", 7) == 0);
}

static void flag(FILE *f, const char *what)
{
	fprintf(f, "<span class=\"flag\">%s</span>", what);
}

static void disagreements(const struct ws_cmp *c, FILE *f)
{
	size_t *order = ws_xcalloc(c->ncluster + 1, sizeof(size_t)), n = 0;
	for (size_t k = 0; k < c->ncluster; k++)
		if (c->cluster[k].outlets > 1 && c->cluster[k].score > 0)
			order[n++] = k;
	sort_ctx = c;
	qsort(order, n, sizeof(size_t), cmp_cluster_ctx);
	fprintf(f, "<p>%zu statements were reported by several documents; outlets credit %zu of "
		"them differently. The %d where they differ most, each occurrence with its "
		"<span class=\"loc\">doc_id #quote_no [start–end]</span> in quotes.tsv "
		"(all of them are in statements.tsv):</p>\n", c->ncluster, n,
		n < TOP_CLUSTERS ? (int)n : TOP_CLUSTERS);
	if (!n) {
		free(order);
		return;
	}
	fputs("<table class=\"dis\"><thead><tr><th>outlet</th><th>document</th><th>speaker</th>"
	      "<th>cue</th><th>statement</th><th>differs in</th></tr></thead><tbody>\n", f);
	for (size_t r = 0; r < n && r < TOP_CLUSTERS; r++) {
		const struct ws_cmp_cluster *cl = &c->cluster[order[r]];
		fprintf(f, "<tr class=\"cl\" id=\"cluster-%zu\"><td colspan=\"6\">statement %zu: "
			"%d documents, %d outlets</td></tr>\n", order[r] + 1, order[r] + 1, cl->docs,
			cl->outlets);
		for (size_t i = 0; i < cl->n; i++) {
			const struct ws_cmp_stmt *s = &c->stmt[cl->stmt[i]];
			fprintf(f, "<tr id=\"s%zu-%zu\"><td>", order[r] + 1, i + 1);
			esc(f, outlet_label(s->outlet));
			fputs("</td><td class=\"loc\">", f);
			if (safe_url(s->url)) {
				fputs("<a href=\"", f);
				esc(f, s->url);
				fputs("\" rel=\"noopener noreferrer\">", f);
			}
			esc(f, s->doc_id);
			if (safe_url(s->url))
				fputs("</a>", f);
			fprintf(f, " #%ld [%ld–%ld]</td><td>", s->quote_no, s->start, s->end);
			esc(f, *s->speaker ? s->speaker : "(no speaker)");
			fprintf(f, " <small>(%s)</small></td><td>", ws_cmp_level_name(s->level));
			esc(f, *s->cue_lemma ? s->cue_lemma : "(none)");
			fputs(" <small>(", f);
			esc(f, s->category);
			fputs(")</small></td><td class=\"q\">", f);
			esc_cut(f, s->quote, QUOTE_BYTES);
			fputs("</td><td>", f);
			if (s->flags & WS_DIS_SPEAKER)
				flag(f, "speaker");
			if (s->flags & WS_DIS_VAGUER)
				flag(f, "vaguer");
			if (s->flags & WS_DIS_CUE)
				flag(f, "cue");
			if (s->flags & WS_DIS_WORDING) {
				flag(f, "wording");
				if (s->added && *s->added) {
					fputs("<div class=\"add\">+ ", f);
					esc(f, s->added);
					fputs("</div>", f);
				}
				if (s->missing && *s->missing) {
					fputs("<div class=\"miss\">− ", f);
					esc(f, s->missing);
					fputs("</div>", f);
				}
			}
			fputs("</td></tr>\n", f);
		}
	}
	fputs("</tbody></table>\n", f);
	free(order);
}

void ws_report_html(const struct ws_cmp *c, FILE *f)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; img-src data:\">\n"
	      "<title>whosaid: who said what, by outlet</title>\n<style>", f);
	fputs(css, f);
	fputs("</style>\n</head>\n<body>\n<header><h1>Who said what, by outlet</h1>\n", f);
	fprintf(f, "<p class=\"meta\">%ld documents, %zu statements, %zu outlets, %zu named "
		"speakers, %zu statements reported by several documents. Made by whosaid "
		"compare.</p>\n", c->documents, c->nstmt, c->noutlet, c->nspeaker, c->ncluster);
	fputs("<nav><a href=\"#outlets\">outlets</a><a href=\"#volume\">statements</a>"
	      "<a href=\"#types\">speaker types</a><a href=\"#speakers\">top speakers</a>"
	      "<a href=\"#cues\">cues</a><a href=\"#gender\">gender</a>"
	      "<a href=\"#disagree\">disagreements</a></nav></header>\n", f);

	fputs("<section id=\"outlets\"><h2>Outlets</h2>\n", f);
	outlet_table(c, f);
	fputs("</section>\n<section id=\"volume\"><h2>Statements per outlet</h2>\n", f);
	bars_per_outlet(c, f);

	size_t no = c->noutlet ? c->noutlet : 1;
	long *v = ws_xcalloc(no * (WS_ST_N + c->ncategories + 1), sizeof(long));
	for (size_t o = 0; o < c->noutlet; o++)
		for (int s = 0; s < WS_ST_N; s++)
			v[o * WS_ST_N + (size_t)s] = c->outlet[o].stype[s];
	fputs("</section>\n<section id=\"types\"><h2>Who speaks: speaker types</h2>\n", f);
	stacked(f, c, "speaker types per outlet", ws_cmp_stype_names, WS_ST_N, v);

	fputs("</section>\n<section id=\"speakers\"><h2>Top speakers by outlet</h2>\n"
	      "<p>Statements of the most quoted speakers, merged across documents.</p>\n", f);
	heat_map(c, f);

	memset(v, 0, no * (WS_ST_N + c->ncategories + 1) * sizeof(long));
	for (size_t k = 0; k < c->ncue; k++)
		for (size_t g = 0; g < c->ncategories; g++)
			if (c->cue[k].category == c->categories[g])
				v[(size_t)c->cue[k].outlet_no * c->ncategories + g] += c->cue[k].n;
	fputs("</section>\n<section id=\"cues\"><h2>How they are quoted: cue categories</h2>\n", f);
	stacked(f, c, "cue categories per outlet", c->categories, c->ncategories, v);

	for (size_t o = 0; o < c->noutlet; o++)
		for (int g = 0; g < WS_G_N; g++)
			v[o * WS_G_N + (size_t)g] = c->outlet[o].gender[g];
	fputs("</section>\n<section id=\"gender\"><h2>Gender of person speakers</h2>\n"
	      "<p>Distinct named people quoted by each outlet, by the gender whosaid read "
	      "from first names and honorifics.</p>\n", f);
	stacked(f, c, "gender of person speakers per outlet", ws_cmp_gender_names, WS_G_N, v);
	free(v);

	fputs("</section>\n<section id=\"disagree\"><h2>Where outlets disagree</h2>\n", f);
	disagreements(c, f);
	fputs("</section>\n</body>\n</html>\n", f);
}
