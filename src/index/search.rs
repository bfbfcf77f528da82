//! BM25 over paragraphs, and the excerpt of each hit: its best sentence(s), with the
//! query's terms marked by byte range so each front end can render the marks its own way.

use std::collections::BTreeSet;
use std::ops::Range;

use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{Query, QueryParser};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::Snapshot;
use crate::error::{Error, Result, UserError};
use crate::text;

/// How many BM25 candidates per wanted hit a question's reranking looks at.
const RERANK_POOL: usize = 3;

/// Queries longer than this are cut: nobody types more, and the parser's work grows with it.
const MAX_QUERY_CHARS: usize = 1_000;

/// How much more a word weighs in a headline than in a paragraph, in `/search`: every
/// paragraph of a story carries its headline, and a story named by the word comes first.
pub(super) const TITLE_BOOST: f32 = 2.0;
/// The weight of a headline a query names (`title:karabakh`) in a topic.
pub(super) const NAMED_TITLE_BOOST: f32 = 0.3;

/// Candidates beyond the wanted hits fetched at first, for the republished copies that
/// are passed over; when more are passed over, the search fetches again, four times as
/// many.
const SPARE: usize = 5;

/// One matching paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub score: f32,
    /// Index into the catalog's documents.
    pub doc: usize,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// Byte range of the best sentence(s) in the paragraph.
    pub excerpt: Range<usize>,
    /// Byte ranges of matched terms, relative to the excerpt.
    pub highlights: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
}

/// Which paragraphs a query is run over, and how.
#[derive(Clone, Copy)]
enum Scope {
    /// `/search`: text and headlines, originals only.
    Passages,
    /// A question: the paragraphs' own words, originals only.
    Question,
    /// A topic: the paragraphs' own words, republished copies too.
    Topic,
}

/// The best paragraphs for a query, as (score, paragraph number), and its stemmed terms.
struct Candidates {
    top: Vec<(Score, usize)>,
    terms: BTreeSet<String>,
}

/// Paragraphs by their number over the whole catalog.
#[derive(Debug, Clone, Default)]
pub struct ParagraphSet {
    bits: Vec<u64>,
}

impl ParagraphSet {
    pub fn contains(&self, pid: usize) -> bool {
        self.bits
            .get(pid / 64)
            .is_some_and(|word| word & (1 << (pid % 64)) != 0)
    }

    /// Whether any of `pids` is in the set.
    pub fn any_in(&self, pids: Range<usize>) -> bool {
        pids.into_iter().any(|pid| self.contains(pid))
    }
}

impl Snapshot {
    /// `/search`: paragraphs of originals matching `query` in their text or headline,
    /// best first, ties in paragraph order. Republished copies are passed over, and more
    /// fetched in their place, so `limit` hits come back whenever that many originals
    /// match. A malformed query is read leniently; one with nothing searchable in it is a
    /// [`UserError`].
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        self.ranked(query, limit, Scope::Passages)
    }

    /// The paragraphs whose own words best match `query`, copies included: what a topic
    /// of the timeline draws its events from.
    pub fn best_paragraphs(&self, query: &str, limit: usize) -> Result<SearchResults> {
        self.ranked(query, limit, Scope::Topic)
    }

    fn ranked(&self, query: &str, limit: usize, scope: Scope) -> Result<SearchResults> {
        let Candidates { top, terms } = self.candidates(query, limit, scope)?;
        let mut analyzer = self.index.tokenizer_for_field(self.fields.text)?;
        let hits = top
            .into_iter()
            .map(|(score, pid)| {
                let found = found_terms(self.catalog.paragraph(pid), &terms, &mut analyzer);
                self.hit(score, pid, &found)
            })
            .collect::<Result<_>>()?;
        Ok(SearchResults { hits })
    }

    /// The best `limit` paragraphs for `query`, and the stemmed terms to mark.
    fn candidates(&self, query: &str, limit: usize, scope: Scope) -> Result<Candidates> {
        let parser = match scope {
            Scope::Passages => &self.passages,
            Scope::Question | Scope::Topic => &self.topics,
        };
        let (parsed, terms) = self.parse(query, parser)?;
        let originals = !matches!(scope, Scope::Topic);
        let top = self.top(parsed.as_ref(), query, limit.max(1), originals)?;
        Ok(Candidates { top, terms })
    }

    /// A hit on paragraph `pid`, its excerpt the best sentence(s) for the terms found.
    fn hit(&self, score: Score, pid: usize, found: &[Found]) -> Result<Hit> {
        let (doc, paragraph) = self
            .catalog
            .locate(pid)
            .ok_or(Error::ParagraphMissing(pid))?;
        let (excerpt, highlights) = best_excerpt(self.catalog.paragraph(pid), found);
        Ok(Hit {
            score,
            doc,
            paragraph,
            excerpt,
            highlights,
        })
    }

    /// The `limit` best paragraphs, as (score, paragraph number); with `originals`, those
    /// of republished copies passed over.
    fn top(
        &self,
        parsed: &dyn Query,
        query: &str,
        limit: usize,
        originals: bool,
    ) -> Result<Vec<(Score, usize)>> {
        let mut wanted = if originals { limit + SPARE } else { limit };
        loop {
            let found = contained(query, || {
                self.searcher
                    .search(parsed, &TopDocs::with_limit(wanted).order_by_score())
            })?;
            let exhausted = found.len() < wanted;
            let mut kept = Vec::with_capacity(limit);
            for (score, address) in found {
                let pid = self.pid(address)?;
                if !originals || self.catalog.is_original_paragraph(pid) {
                    kept.push((score, pid));
                    if kept.len() == limit {
                        return Ok(kept);
                    }
                }
            }
            if exhausted {
                return Ok(kept);
            }
            wanted = wanted.saturating_mul(4);
        }
    }

    fn pid(&self, address: DocAddress) -> Result<usize> {
        self.pids
            .get(address.segment_ord as usize)
            .and_then(|column| column.first(address.doc_id))
            .map(|pid| pid as usize)
            .filter(|&pid| pid < self.catalog.paragraph_count())
            .ok_or(Error::ParagraphUnnumbered)
    }

    /// Paragraphs for a question: BM25's best candidates, reranked by how many distinct
    /// words of the question each holds, then by how close together they stand, then by
    /// BM25 — so a paragraph that answers beats one that repeats a single word. Each
    /// candidate's words are read once; excerpts are made for the hits kept.
    pub fn search_for_question(&self, query: &str, limit: usize) -> Result<SearchResults> {
        let Candidates { top, terms } =
            self.candidates(query, limit.max(1) * RERANK_POOL, Scope::Question)?;
        let mut analyzer = self.index.tokenizer_for_field(self.fields.text)?;
        let mut ranked: Vec<(usize, usize, Score, usize, Vec<Found>)> = top
            .into_iter()
            .map(|(score, pid)| {
                let found = found_terms(self.catalog.paragraph(pid), &terms, &mut analyzer);
                let (distinct, window) = proximity(&found);
                (distinct, window, score, pid, found)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(b.2.total_cmp(&a.2)));
        let hits = ranked
            .into_iter()
            .take(limit)
            .map(|(_, _, score, pid, found)| self.hit(score, pid, &found))
            .collect::<Result<_>>()?;
        Ok(SearchResults { hits })
    }

    /// Every paragraph whose own words `query` matches, for narrowing records to a topic.
    /// Read from the paragraph numbers' fast field: no stored document is loaded, and no
    /// score computed.
    pub fn matching_paragraphs(&self, query: &str) -> Result<ParagraphSet> {
        let (parsed, _) = self.parse(query, &self.topics)?;
        let collector = Numbered {
            pids: self.pids.clone(),
            paragraphs: self.catalog.paragraph_count(),
        };
        let bits = contained(query, || self.searcher.search(parsed.as_ref(), &collector))?;
        Ok(ParagraphSet { bits })
    }

    /// Parses leniently over the paragraph text (and headlines, for `/search`; `title:`,
    /// `outlet:`, `source:` when named). Returns the query and the stemmed terms to mark
    /// in excerpts.
    fn parse(
        &self,
        query: &str,
        parser: &QueryParser,
    ) -> Result<(Box<dyn Query>, BTreeSet<String>)> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let mut query = neutralise_unknown_fields(&query);
        // An unclosed quote would make the rest one phrase: search its words instead.
        if query.matches('"').count() % 2 == 1
            && let Some(last) = query.rfind('"')
        {
            query.replace_range(last..last + 1, " ");
        }
        let (parsed, _errors) = parser.parse_query_lenient(&query);
        let mut terms = BTreeSet::new();
        let mut any = false;
        parsed.query_terms(&mut |term: &Term, _| {
            any = true;
            if term.field() == self.fields.text
                && let Some(word) = term.value().as_str()
            {
                terms.insert(word.to_string());
            }
        });
        if !any {
            return Err(Error::User(UserError::new(format!(
                "Nothing to search for in `{}`: give words, \"a phrase\", -word to exclude, AND / OR.",
                shorten(&query, 60)
            ))));
        }
        Ok((parsed, terms))
    }
}

/// Collects the paragraph numbers of every match into a bit set.
struct Numbered {
    pids: Vec<Column<u64>>,
    paragraphs: usize,
}

struct NumberedSegment {
    pids: Column<u64>,
    bits: Vec<u64>,
}

impl Collector for Numbered {
    type Fruit = Vec<u64>;
    type Child = NumberedSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<NumberedSegment> {
        let pids = self.pids.get(segment as usize).cloned().ok_or_else(|| {
            tantivy::TantivyError::InternalError("a segment without paragraph numbers".into())
        })?;
        Ok(NumberedSegment {
            pids,
            bits: vec![0; self.paragraphs.div_ceil(64)],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u64>>) -> tantivy::Result<Vec<u64>> {
        let mut fruits = fruits.into_iter();
        let mut all = fruits.next().unwrap_or_default();
        for bits in fruits {
            for (a, b) in all.iter_mut().zip(bits) {
                *a |= b;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for NumberedSegment {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(pid) = self.pids.first(doc)
            && let Some(word) = self.bits.get_mut(pid as usize / 64)
        {
            *word |= 1 << (pid % 64);
        }
    }

    fn harvest(self) -> Vec<u64> {
        self.bits
    }
}

/// Runs a tantivy search so that a panic inside the library on an odd query (seen:
/// `-'NOT+NOT` trips an assertion in its scorer) becomes a clear answer, not a crash.
/// The searcher is only read, so nothing is left half-changed.
fn contained<T>(query: &str, search: impl FnOnce() -> tantivy::Result<T>) -> Result<T> {
    let cannot_run = || {
        Error::User(UserError::new(format!(
            "That query could not be run: `{}`. Try plain words, or a simpler use of AND / OR / -.",
            shorten(query, 60)
        )))
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(search)) {
        Ok(Ok(found)) => Ok(found),
        // What the query asked of the schema (`title:*` needs a fast field): the asker's
        // to change. Anything else (I/O, a corrupt segment) stays an internal failure.
        Ok(Err(
            tantivy::TantivyError::SchemaError(_)
            | tantivy::TantivyError::InvalidArgument(_)
            | tantivy::TantivyError::FieldNotFound(_),
        )) => Err(cannot_run()),
        Ok(Err(e)) => Err(e.into()),
        Err(_) => {
            tracing::warn!(query, "the search library panicked on a query");
            Err(cannot_run())
        }
    }
}

/// Fields a query may name (`title:karabakh`); other `word:` is read as words, so a
/// colon in what someone typed never names a field the index lacks.
const QUERY_FIELDS: &[&str] = &["text", "title", "outlet", "source", "published"];

fn neutralise_unknown_fields(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut word_start = 0;
    for (i, c) in query.char_indices() {
        if c == ':' {
            let name = query[word_start..i].trim_start_matches(['-', '+', '(', '"']);
            if !QUERY_FIELDS.iter().any(|f| f.eq_ignore_ascii_case(name)) {
                out.push(' ');
                word_start = i + 1;
                continue;
            }
        }
        if c.is_whitespace() || c == '(' {
            word_start = i + c.len_utf8();
        }
        out.push(c);
    }
    out
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

/// A query term found in a paragraph: which, where in the token stream, and its bytes.
#[derive(Debug, Clone)]
struct Found {
    term: usize,
    position: usize,
    range: Range<usize>,
}

/// Every query term in `paragraph`, in order, the paragraph read once.
fn found_terms(
    paragraph: &str,
    terms: &BTreeSet<String>,
    analyzer: &mut TextAnalyzer,
) -> Vec<Found> {
    let mut found = Vec::new();
    let mut stream = analyzer.token_stream(paragraph);
    let mut position = 0;
    while let Some(token) = stream.next() {
        if let Some(term) = terms.iter().position(|t| *t == token.text) {
            found.push(Found {
                term,
                position,
                range: token.offset_from..token.offset_to,
            });
        }
        position += 1;
    }
    found
}

/// The sentence with the most distinct query terms (ties: the earlier), joined by the
/// next sentence when that one adds terms the first lacks. Sentences end at punctuation
/// and space, never inside a word, so the terms found in the paragraph are those each
/// sentence holds.
fn best_excerpt(paragraph: &str, found: &[Found]) -> (Range<usize>, Vec<Range<usize>>) {
    let sentences = text::sentences(paragraph);
    if sentences.is_empty() {
        return (0..paragraph.len(), Vec::new());
    }
    let marked: Vec<(BTreeSet<usize>, Vec<Range<usize>>)> = sentences
        .iter()
        .map(|sentence| {
            let inside = found
                .iter()
                .filter(|f| f.range.start >= sentence.start && f.range.end <= sentence.end);
            let terms = inside.clone().map(|f| f.term).collect();
            (terms, inside.map(|f| f.range.clone()).collect())
        })
        .collect();
    let best = (0..sentences.len())
        .max_by_key(|&i| (marked[i].0.len(), marked[i].1.len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let mut end = best;
    if let Some((next_terms, _)) = marked.get(best + 1)
        && next_terms.difference(&marked[best].0).next().is_some()
    {
        end = best + 1;
    }
    let excerpt = sentences[best].start..sentences[end].end;
    let highlights = (best..=end)
        .flat_map(|i| marked[i].1.iter())
        .map(|r| r.start - excerpt.start..r.end - excerpt.start)
        .collect();
    (excerpt, highlights)
}

/// How many distinct query terms a paragraph holds, and the fewest tokens a stretch of
/// it spans to hold them all.
fn proximity(found: &[Found]) -> (usize, usize) {
    let distinct: BTreeSet<usize> = found.iter().map(|f| f.term).collect();
    let wanted = distinct.len();
    if wanted < 2 {
        return (wanted, 0);
    }
    // The shortest window holding every distinct term: two pointers over the matches.
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let (mut best, mut start, mut held) = (usize::MAX, 0, 0);
    for end in 0..found.len() {
        let count = counts.entry(found[end].term).or_default();
        *count += 1;
        if *count == 1 {
            held += 1;
        }
        while held == wanted {
            best = best.min(found[end].position - found[start].position);
            let count = counts.entry(found[start].term).or_default();
            *count -= 1;
            if *count == 0 {
                held -= 1;
            }
            start += 1;
        }
    }
    (wanted, best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, Meta};
    use crate::extract::Gazetteer;

    fn snapshot(paragraphs: &[&str]) -> (tempfile::TempDir, Snapshot) {
        let dir = tempfile::tempdir().unwrap();
        let doc = Document {
            source: "a.md".into(),
            meta: Meta {
                title: "A".into(),
                ..Meta::default()
            },
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            path: None,
        };
        super::super::build_documents(dir.path(), vec![doc], &Gazetteer::builtin(), &mut |_| true)
            .unwrap();
        let snapshot = Snapshot::open(dir.path()).unwrap().unwrap();
        (dir, snapshot)
    }

    const PARAGRAPHS: &[&str] = &[
        "Soldiers went to check vehicles. They described the shooting as an ambush.",
        "Peacekeepers halted the clash. Officials urged restraint.",
        "The ministry denied the claims about the peacekeepers.",
    ];

    #[test]
    fn a_stemmed_form_finds_its_paragraph_and_marks_the_word() {
        let (_dir, snapshot) = snapshot(PARAGRAPHS);
        let hits = snapshot.search("ambushes", 10).unwrap().hits;
        assert_eq!(hits.len(), 1);
        let text = PARAGRAPHS[0];
        let excerpt = &text[hits[0].excerpt.clone()];
        assert_eq!(excerpt, "They described the shooting as an ambush.");
        let marked: Vec<_> = hits[0]
            .highlights
            .iter()
            .map(|r| &excerpt[r.clone()])
            .collect();
        assert_eq!(marked, vec!["ambush"]);
    }

    #[test]
    fn phrases_exclusion_and_boolean_operators_work() {
        let (_dir, snapshot) = snapshot(PARAGRAPHS);
        let paragraphs = |q: &str| {
            let mut p: Vec<_> = snapshot
                .search(q, 10)
                .unwrap()
                .hits
                .iter()
                .map(|h| h.paragraph)
                .collect();
            p.sort();
            p
        };
        assert_eq!(paragraphs("peacekeepers"), vec![2, 3]);
        assert_eq!(paragraphs("peacekeepers -denied"), vec![2]);
        assert_eq!(paragraphs("\"halted the clash\""), vec![2]);
        assert_eq!(paragraphs("ambush OR restraint"), vec![1, 2]);
        assert_eq!(paragraphs("peacekeepers AND ministry"), vec![3]);
    }

    #[test]
    fn a_colon_after_a_word_that_is_no_field_is_read_as_words() {
        assert_eq!(
            neutralise_unknown_fields("clash time: sunday"),
            "clash time  sunday"
        );
        assert_eq!(
            neutralise_unknown_fields("title:karabakh -outlet:x"),
            "title:karabakh -outlet:x"
        );
        assert_eq!(neutralise_unknown_fields("𫠠:*"), "𫠠 *");
        let (_dir, snapshot) = snapshot(PARAGRAPHS);
        assert_eq!(snapshot.search("nofield:ambush", 5).unwrap().hits.len(), 1);
    }

    #[test]
    fn a_question_ranks_the_paragraph_holding_its_words_close_together_first() {
        let (_dir, snapshot) = snapshot(&[
            "The convoy left. The convoy returned. The convoy waited. Later, far away, troops fired.",
            "Troops fired on the convoy at dawn.",
            "Convoy convoy convoy convoy convoy.",
        ]);
        let hits = snapshot
            .search_for_question("convoy fired", 3)
            .unwrap()
            .hits;
        let order: Vec<_> = hits.iter().map(|h| h.paragraph).collect();
        assert_eq!(order, vec![2, 1, 3]);
    }

    #[test]
    fn malformed_queries_give_results_or_a_clear_message() {
        let (_dir, snapshot) = snapshot(PARAGRAPHS);
        assert!(
            !snapshot
                .search("\"unclosed ambush", 10)
                .unwrap()
                .hits
                .is_empty()
        );
        assert!(
            !snapshot
                .search("ambush title:", 10)
                .unwrap()
                .hits
                .is_empty()
        );
        for nothing in [
            "AND OR",
            "title:",
            &"!?*(\"".repeat(400),
            "",
            "𫠠:*`\u{a81}",
            "nofield:ambush",
            "a:b:c:",
            "-'NOT+NOT",
            "title:* AND",
        ] {
            match snapshot.search(nothing, 10) {
                Ok(_) => {}
                Err(e) => assert!(e.is_user(), "{nothing:?}: {e}"),
            }
        }
    }
}
