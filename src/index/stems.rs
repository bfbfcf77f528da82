//! Tantivy's `en_stem` with each word's stem remembered, for building: the Snowball
//! stemmer was the largest single cost of indexing a paragraph, and a corpus repeats a few
//! tens of thousands of words. The stems are the stemmer's own, so the index is the one
//! `en_stem` makes, and searching uses tantivy's `en_stem` unchanged.

use rustc_hash::FxHashMap;
use tantivy::Index;
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};

/// The tokenizer name the schema gives the stemmed fields.
const EN_STEM: &str = "en_stem";
/// Words remembered at most; past this, a new word is stemmed each time it comes.
const MAX_WORDS: usize = 1 << 20;

/// Makes `index`'s writers stem through the remembering filter.
pub(super) fn remember_stems(index: &Index) {
    index.tokenizers().register(EN_STEM, en_stem());
}

/// `en_stem` as tantivy builds it, its stemmer remembering.
fn en_stem() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(RememberedStems)
        .build()
}

/// The token filter: English stems, each word stemmed once.
#[derive(Clone)]
struct RememberedStems;

impl TokenFilter for RememberedStems {
    type Tokenizer<T: Tokenizer> = RememberedStemsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> RememberedStemsFilter<T> {
        RememberedStemsFilter {
            inner: tokenizer,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            stems: FxHashMap::default(),
        }
    }
}

#[derive(Clone)]
struct RememberedStemsFilter<T> {
    inner: T,
    /// Tantivy's stemmer, over the whole of one word.
    stemmer: TextAnalyzer,
    stems: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for RememberedStemsFilter<T> {
    type TokenStream<'a> = RememberedStemsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RememberedStemsStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            stems: &mut self.stems,
        }
    }
}

struct RememberedStemsStream<'a, T> {
    tail: T,
    stemmer: &'a mut TextAnalyzer,
    stems: &'a mut FxHashMap<String, String>,
}

impl<T: TokenStream> TokenStream for RememberedStemsStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let mut stemmed = self.stemmer.token_stream(&token.text);
        let stem = if stemmed.advance() {
            stemmed.token().text.clone()
        } else {
            token.text.clone()
        };
        drop(stemmed);
        if self.stems.len() < MAX_WORDS {
            self.stems.insert(token.text.clone(), stem.clone());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::TokenizerManager;

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |token| out.push(token.clone()));
        out
    }

    #[test]
    fn remembered_stems_are_the_stems_of_tantivys_en_stem() {
        let mut plain = TokenizerManager::default().get(EN_STEM).expect("en_stem");
        let mut remembering = en_stem();
        let text = "Dogs are the bests! Running runners ran; the ministers' talks, \
                    Ministry TALKS and talking-points, a supercalifragilisticexpialidociouslywordy \
                    one, Ünïcödé Straße, 1,200 killed in 1988.";
        // Twice: once stemming, once remembering.
        for _ in 0..2 {
            assert_eq!(tokens(&mut remembering, text), tokens(&mut plain, text));
        }
    }
}
