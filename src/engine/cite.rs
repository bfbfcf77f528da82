//! Numbered citations: the same words get the same number, numbers count from 1 in the
//! order of the whole answer, and a page of a long answer numbers its items as the whole
//! answer does.

use std::collections::HashMap;
use std::ops::Range;

use crate::answer::Citation;
use crate::index::{Catalog, Doc};
use crate::text::{self, Excerpt};

/// What decides a citation's number: its paragraph and the words it quotes.
type Key = (usize, usize, usize, usize);

pub(super) struct Citer<'a> {
    catalog: &'a Catalog,
    numbers: HashMap<Key, usize>,
}

impl<'a> Citer<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        Self {
            catalog,
            numbers: HashMap::new(),
        }
    }

    fn number(&mut self, doc: usize, paragraph: usize, quote: &Range<usize>) -> usize {
        let next = self.numbers.len() + 1;
        *self
            .numbers
            .entry((doc, paragraph, quote.start, quote.end))
            .or_insert(next)
    }

    /// Counts an item before the page shown, so the page's numbers are the whole
    /// answer's.
    pub fn pass(&mut self, doc: usize, paragraph: usize, quote: &Excerpt) {
        self.number(doc, paragraph, &quote.range);
    }

    /// The citation of a record, quoting what the index computed for it.
    pub fn cite(&mut self, doc: usize, paragraph: usize, quote: &Excerpt) -> Citation {
        let n = self.number(doc, paragraph, &quote.range);
        self.numbered(n, doc, paragraph, quote)
    }

    /// The citation of a record whose number the index computed too.
    pub fn numbered(&self, n: usize, doc: usize, paragraph: usize, quote: &Excerpt) -> Citation {
        let d = self.catalog.document(doc);
        let text = d.and_then(|d| d.paragraph(paragraph)).unwrap_or("");
        // A quote that does not fit the paragraph (a damaged index) is made again.
        let quote = match text.get(quote.range.clone()) {
            Some(_) => quote.clone(),
            None => text::citable(text, quote.range.clone(), None),
        };
        citation(n, d, paragraph, quote.quote(text))
    }

    /// A citation of `excerpt`, bounded to a sentence or two (see [`text::bounded`])
    /// around its first marked word, and the marks (relative to the excerpt) moved to
    /// where they stand in the quote.
    pub fn cite_marked(
        &mut self,
        doc: usize,
        paragraph: usize,
        excerpt: Range<usize>,
        marks: &[Range<usize>],
    ) -> (Citation, Vec<Range<usize>>) {
        let d = self.catalog.document(doc);
        let text = d.and_then(|d| d.paragraph(paragraph)).unwrap_or("");
        let base = text::fitting(text, excerpt.clone()).start;
        let quoted = text::citable(text, excerpt, marks.first().map(|r| r.start));
        let marks = marks
            .iter()
            .filter_map(|r| quoted.place(base + r.start..base + r.end))
            .collect();
        let n = self.number(doc, paragraph, &quoted.range);
        (citation(n, d, paragraph, quoted.quote(text)), marks)
    }
}

fn citation(n: usize, d: Option<Doc<'_>>, paragraph: usize, excerpt: String) -> Citation {
    Citation {
        n,
        source: d.map(|d| d.source().to_string()).unwrap_or_default(),
        title: d.map(|d| d.title().to_string()).unwrap_or_default(),
        outlet: d.and_then(|d| d.outlet()).map(str::to_string),
        url: d.and_then(|d| d.url()).map(str::to_string),
        published: d.and_then(|d| d.published()),
        paragraph,
        excerpt,
        also_in: d.map(|d| d.also_in()).unwrap_or_default(),
    }
}
