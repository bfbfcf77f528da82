//! The tokenizer's words, sentences, quotations and cached readings.

use super::super::lexicon::class;
use super::*;

fn words(text: &str) -> Vec<&str> {
    tokenize(text).toks.iter().map(|t| t.text).collect()
}

#[test]
fn months_are_named_or_abbreviated_and_lower_case_may_is_the_verb() {
    let months: Vec<&str> = tokenize("On May 5, not Sept. 27 or mar 3, officials may say.")
        .toks
        .iter()
        .filter(|t| t.is_month())
        .map(|t| t.text)
        .collect();
    assert_eq!(months, vec!["May", "Sept", "mar"]);
}

#[test]
fn words_keep_hyphens_thousands_decimals_and_initialisms() {
    assert_eq!(
        words("Seventy-one U.S. troops, 1,200 people and 5.93 mln; Azerbaijan’s army."),
        vec![
            "Seventy-one",
            "U.S.",
            "troops",
            ",",
            "1,200",
            "people",
            "and",
            "5.93",
            "mln",
            ";",
            "Azerbaijan’s",
            "army",
            "."
        ]
    );
}

#[test]
fn quotations_mark_their_inner_tokens() {
    let t = tokenize("“We won,” he said. \"Fine\" now");
    let quoted: Vec<&str> = t.toks.iter().filter(|t| t.quoted).map(|t| t.text).collect();
    assert_eq!(quoted, vec!["We", "won", ",", "Fine"]);
    assert_eq!(t.quotes.len(), 2);
}

#[test]
fn an_unclosed_quotation_runs_to_the_end() {
    let t = tokenize("“We continue our work. And more");
    assert_eq!(
        t.quotes,
        vec![Quote {
            open: 0,
            close: None
        }]
    );
    assert!(t.toks.last().is_some_and(|t| t.quoted));
}

#[test]
fn a_title_abbreviation_does_not_end_the_sentence() {
    let t = tokenize("Two servicemen, Cpt. Arman Hakobyan and Pfc. Davit Petrosyan, died. Next.");
    let last_of_first = t.toks.iter().position(|x| x.text == "died").expect("word");
    assert!(
        t.toks
            .iter()
            .take(last_of_first + 1)
            .all(|x| x.sentence == 0)
    );
    assert_eq!(t.sentences.len(), 2);
}

#[test]
fn a_month_abbreviation_before_a_day_does_not_end_the_sentence() {
    let t = tokenize("The alliance, which attacked on Oct. 27, said it won. Next.");
    assert_eq!(t.sentences.len(), 2);
}

#[test]
fn one_letter_slips_in_key_words_are_mended_but_real_words_are_not() {
    let norms = |text: &str| -> Vec<String> {
        tokenize(text)
            .toks
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    };
    assert_eq!(
        norms("kiled militray officals retalation"),
        vec!["killed", "military", "officials", "retalation"]
    );
    assert_eq!(
        norms("killer wounds peoples soldier prisoner"),
        vec!["killer", "wounds", "peoples", "soldier", "prisoner"]
    );
}

#[test]
fn a_spelling_read_again_reads_as_it_did_the_first_time() {
    let text = "Gov. Smith’s aide, the gov., Ministry's kiled KILLED killed Ministry's Gov. aide";
    let once: Vec<(String, u64)> = tokenize(text)
        .toks
        .iter()
        .map(|t| (t.norm.to_string(), t.class))
        .collect();
    let again: Vec<(String, u64)> = tokenize(text)
        .toks
        .iter()
        .map(|t| (t.norm.to_string(), t.class))
        .collect();
    assert_eq!(once, again);
    let words: Vec<&str> = once.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        words,
        vec![
            "gov", "smith", "aide", ",", "the", "gov", ".", ",", "ministry", "killed", "killed",
            "killed", "ministry", "gov", "aide"
        ]
    );
}

#[test]
fn spellings_alike_but_for_their_length_are_read_apart() {
    // Around the 15 bytes a key holds in place: each word is read as itself, before and
    // after its neighbours are known.
    let text = "state states statement statements representative representatives \
        Representatives counterinsurgency counterinsurgencies statements state";
    for _ in 0..2 {
        let norms: Vec<String> = tokenize(text)
            .toks
            .iter()
            .map(|t| t.norm.to_string())
            .collect();
        let expected: Vec<String> = text.split_whitespace().map(normalize_word).collect();
        assert_eq!(norms, expected);
    }
}

#[test]
fn a_paragraph_has_a_class_exactly_when_one_of_its_tokens_has_it() {
    for text in [
        "The presdent’s envoy said",
        "Spokesman-elect Lt. Col. Ali Hassan, 45, said.",
        "Prices rose 5.93 pct in U.S. markets",
        "“We won,” said the minister's aide",
        "",
    ] {
        for bits in [class::PERSON_TITLE, class::SPEECH_VERB, class::COMBATANT] {
            let tokens = tokenize(text).toks.iter().any(|t| t.has(bits));
            assert_eq!(any_word_has(text, bits), tokens, "{text:?} {bits:#x}");
        }
    }
}

#[test]
fn sentence_numbers_follow_text_sentences() {
    let t = tokenize("One here. Two there.");
    let s: Vec<usize> = t.toks.iter().map(|t| t.sentence).collect();
    assert_eq!(s, vec![0, 0, 0, 1, 1, 1]);
}
