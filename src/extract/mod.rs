//! The claims extractor: reads one document's paragraphs once, at index time, and
//! returns who said what (statements), who claims how many were killed, injured,
//! missing or captured (casualty claims), and dated events for the timeline.
//!
//! Rival claims are never blended: every figure carries the speaker that gives it, and
//! the party whose people it counts. Reading goes paragraph by paragraph, keeping a
//! memory of speakers so that "the ministry", "it" or "the statement" resolve to the
//! source named earlier.
//!
//! Side convention: the ethnic-Armenian de facto authorities of Karabakh are their own
//! party, `karabakh` ("Artsakh", "Karabakh authorities", "ethnic Armenian
//! separatists"); "Armenian police officers from Karabakh" are `armenia` because the
//! text calls them Armenian. Scoring counts `karabakh` as `armenia`.

pub mod eval;
pub mod parties;

mod builtin;
mod casualties;
mod dates;
mod lexicon;
mod numbers;
mod speakers;
mod statements;
mod tokens;

use std::ops::Range;

pub use parties::{Gazetteer, Party, PartyConfig};

/// One document's text as the extractor sees it.
pub struct DocText<'a> {
    pub published: Option<chrono::NaiveDate>,
    pub outlet: Option<&'a str>,
    /// Paragraph i+1 is `paragraphs[i]`.
    pub paragraphs: &'a [String],
}

/// Everything read from one document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    pub statements: Vec<Statement>,
    pub claims: Vec<CasualtyClaim>,
    pub events: Vec<Event>,
}

/// A party (or other source) saying something.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    /// 1-based.
    pub paragraph: usize,
    /// As the text names it, resolved through coreference ("the ministry" ->
    /// "Azerbaijani Defense Ministry").
    pub speaker: String,
    /// Gazetteer id, None if not a known party.
    pub party: Option<String>,
    /// Reporting verb as written ("said", "dismissed", "according to"); empty when the
    /// paragraph only continues the previous paragraph's quotation.
    pub verb: String,
    /// The paragraph quotes the speaker's words (three words or more).
    pub direct: bool,
    /// The words: the quotation, or the reported clause.
    pub text: String,
    /// Byte range in the paragraph text: the sentence(s) holding it.
    pub excerpt: Range<usize>,
}

/// What happened to the people a figure counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Killed,
    Injured,
    Missing,
    Captured,
}

/// Who gives a figure. `party` None = outlet / witnesses / activists; `speaker` is the
/// outlet's name or "the report" for the outlet's own voice.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Attribution {
    pub speaker: String,
    pub party: Option<String>,
}

/// A figure of people killed, injured, missing or captured, as one source gives it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CasualtyClaim {
    pub paragraph: usize,
    /// Exact figure.
    pub count: Option<u64>,
    /// "at least N", "more than N" (N), "N to M" (N).
    pub count_min: Option<u64>,
    /// "up to N", "nearly N", "N to M" (M).
    pub count_max: Option<u64>,
    /// As written: "Armenian police officers from Karabakh", "servicemen".
    pub who: String,
    /// Party id whose people were hit.
    pub side: Option<String>,
    pub status: Status,
    pub according_to: Attribution,
    /// Event date when the text gives one.
    pub date: Option<chrono::NaiveDate>,
    pub excerpt: Range<usize>,
}

/// A sentence that states what happened on a date, for /timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub paragraph: usize,
    pub date: chrono::NaiveDate,
    pub excerpt: Range<usize>,
}

/// Runs once per document at index time. Never panics; linear in text length.
pub fn extract(doc: &DocText<'_>, gazetteer: &Gazetteer) -> Extraction {
    let publisher = doc
        .outlet
        .and_then(|o| speakers::publisher_party(o, gazetteer));
    let outlet = Attribution {
        speaker: doc.outlet.unwrap_or("the report").to_string(),
        party: publisher.clone(),
    };
    let mut memory = speakers::Memory::with_publisher(publisher);
    let mut doc_parties: Vec<(String, usize)> = Vec::new();
    let mut out = Extraction::default();
    for (index, text) in doc.paragraphs.iter().enumerate() {
        let paragraph = index + 1;
        let tokens = tokens::tokenize_with(text, Some(gazetteer));
        let named_before = |id: &str, counts: &[(String, usize)]| {
            counts.iter().find(|(p, _)| p == id).map_or(0, |(_, n)| *n)
        };
        let earlier = doc_parties.clone();
        count_parties(&tokens.toks, gazetteer, &mut doc_parties);
        memory.dominant = dominant_party(&doc_parties);
        // An official's country only when the document is about it: named twice, or
        // in this very paragraph ("Mali: army says ...").
        memory.home = home_party(&doc_parties).filter(|h| {
            let now = named_before(h, &doc_parties);
            now >= 2 || now > named_before(h, &earlier)
        });
        let found = statements::read_paragraph(paragraph, text, &tokens, &mut memory, gazetteer);
        let dates = dates::find_dates(text, doc.published);
        let framed = frame_mask(text.len(), &found.frames);
        let cx = casualties::ClaimContext {
            paragraph,
            text,
            tokens: &tokens,
            found: &found,
            dates: &dates,
            framed: &framed,
            outlet: &outlet,
            gazetteer,
            doc_parties: &doc_parties,
        };
        out.claims.extend(casualties::read_claims(&cx));
        out.events
            .extend(events(paragraph, &tokens, &framed, &dates));
        out.statements.extend(found.statements);
    }
    out
}

/// The party named in at least half the mentions (three at least) so far.
fn dominant_party(counts: &[(String, usize)]) -> Option<String> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let (id, n) = counts.iter().max_by_key(|(_, n)| *n)?;
    (*n >= 3 && 2 * n >= total).then(|| id.clone())
}

/// The country the document is about: the state it names most so far, when one state
/// is named more than any other. Armed factions and neutral reporters are never home,
/// and naming an insurgency as often as the state it fights does not unseat the state;
/// naming a faction more than any state (a war among factions, datelined abroad) leaves
/// the document without a home.
pub(crate) fn home_party(counts: &[(String, usize)]) -> Option<String> {
    let faction_most = counts
        .iter()
        .filter(|(id, _)| builtin::ARMED_FACTIONS.contains(&id.as_str()))
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let mut counts: Vec<&(String, usize)> = counts
        .iter()
        .filter(|(id, _)| {
            !casualties::NEUTRAL.contains(&id.as_str())
                && !builtin::ARMED_FACTIONS.contains(&id.as_str())
        })
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let top = counts.first()?;
    let unique = counts.get(1).is_none_or(|second| second.1 < top.1);
    (unique && top.1 >= faction_most).then(|| top.0.clone())
}

/// Adds the parties a paragraph names to the document's counts.
fn count_parties(
    toks: &[tokens::Token<'_>],
    gazetteer: &Gazetteer,
    counts: &mut Vec<(String, usize)>,
) {
    let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let mut i = dateline_end(toks);
    while i < texts.len() {
        let Some((len, party)) = toks
            .get(i)
            .filter(|t| t.party_word)
            .and_then(|_| gazetteer.match_words(&texts, i))
        else {
            i += 1;
            continue;
        };
        match counts.iter_mut().find(|(id, _)| *id == party.id) {
            Some((_, n)) => *n += 1,
            None => counts.push((party.id.clone(), 1)),
        }
        i += len.max(1);
    }
}

/// "CAIRO (AP) —": a wire agency's dateline says where its bureau files from, not what
/// the document is about. Returns the first token after it (0 when there is none). A
/// dateline without a wire credit ("MOGADISHU —") is a local outlet's home and counts.
fn dateline_end(toks: &[tokens::Token<'_>]) -> usize {
    let caps = toks
        .iter()
        .take_while(|t| {
            t.word
                && t.text.chars().any(char::is_alphabetic)
                && !t.text.chars().any(char::is_lowercase)
        })
        .count();
    if caps == 0 || caps > 4 {
        return 0;
    }
    if !toks.get(caps).is_some_and(|t| t.is_punct('(')) {
        return 0;
    }
    let Some(close) = (caps..caps + 6).find(|&j| toks.get(j).is_some_and(|t| t.is_punct(')')))
    else {
        return 0;
    };
    let k = close + 1;
    let dash = toks
        .get(k)
        .is_some_and(|t| !t.word && t.text.chars().all(|c| matches!(c, '-' | '—' | '–')));
    if dash { k + 1 } else { 0 }
}

/// Sentences with a resolved date and a word of something happening; a date outside
/// the "X said on Monday" frame is preferred.
fn events(
    paragraph: usize,
    t: &tokens::Tokens<'_>,
    framed: &[bool],
    dates: &[dates::DateMention],
) -> Vec<Event> {
    let mut happens = vec![false; t.sentences.len()];
    for tok in &t.toks {
        if let Some(h) = happens
            .get_mut(tok.sentence)
            .filter(|_| tok.is_any(lexicon::EVENT_WORDS))
        {
            *h = true;
        }
    }
    let mut chosen: Vec<Option<&dates::DateMention>> = vec![None; t.sentences.len()];
    for d in dates {
        let s = t.sentences.partition_point(|r| r.end <= d.range.start);
        let inside = t
            .sentences
            .get(s)
            .is_some_and(|r| d.range.start >= r.start && d.range.end <= r.end);
        let Some(slot) = chosen.get_mut(s).filter(|_| inside) else {
            continue;
        };
        let outside_frame = !framed.get(d.range.start).copied().unwrap_or(false);
        let better = slot.is_none_or(|prev| {
            outside_frame && framed.get(prev.range.start).copied().unwrap_or(false)
        });
        if better {
            *slot = Some(d);
        }
    }
    t.sentences
        .iter()
        .zip(chosen)
        .zip(happens)
        .filter_map(|((range, d), happens)| {
            let d = d.filter(|_| happens)?;
            Some(Event {
                paragraph,
                date: d.date,
                excerpt: range.clone(),
            })
        })
        .collect()
}

/// Per byte of the paragraph: whether it lies in a statement's frame.
fn frame_mask(len: usize, frames: &[Range<usize>]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for f in frames {
        if let Some(slice) = mask.get_mut(f.clone()) {
            slice.fill(true);
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn run(paragraphs: &[String]) -> Extraction {
        let doc = DocText {
            published: chrono::NaiveDate::from_ymd_opt(2023, 3, 6),
            outlet: None,
            paragraphs,
        };
        extract(&doc, &Gazetteer::builtin())
    }

    /// Every range the extractor returns slices its paragraph on char boundaries.
    fn assert_ranges_valid(paragraphs: &[String], out: &Extraction) {
        let check = |p: usize, r: &Range<usize>| {
            let text = paragraphs.get(p.wrapping_sub(1)).expect("paragraph exists");
            assert!(text.get(r.clone()).is_some(), "bad range {r:?} in ¶{p}");
        };
        out.statements
            .iter()
            .for_each(|s| check(s.paragraph, &s.excerpt));
        out.claims
            .iter()
            .for_each(|c| check(c.paragraph, &c.excerpt));
        out.events
            .iter()
            .for_each(|e| check(e.paragraph, &e.excerpt));
    }

    #[test]
    fn adversarial_text_does_not_panic_or_overflow() {
        let cases = [
            "\"".repeat(10_000),
            "“".repeat(5_000) + &"”".repeat(5_000),
            "x".repeat(50_000),
            "99999999999999999999999 killed, the ministry said.".to_string(),
            "18446744073709551615 soldiers were killed and 18446744073709551616 injured"
                .to_string(),
            "nine million billion trillion hundred thousand people were killed".to_string(),
            "said said said, said “said” according to according to the the the".repeat(500),
            "Ünïcödé ☃ 𝔘𝔫𝔦 — “Ώ” 5 солдат были убиты, сказал он. ٣ قتلى".repeat(200),
            "one was killed, and one was injured, and one was ".repeat(1_000),
            "On Monday. Sunday. yesterday. March 5. 2023-02-30. ".repeat(1_000),
            "( ( ( ) ) ) , , , : : ' ' ’ ’ « » „".repeat(1_000),
        ];
        for case in cases {
            let paragraphs = vec![case.clone(), case];
            let out = run(&paragraphs);
            assert_ranges_valid(&paragraphs, &out);
        }
    }

    #[test]
    fn huge_figure_is_skipped_not_wrapped() {
        let paragraphs =
            vec!["99999999999999999999999 soldiers were killed, Azerbaijan said.".to_string()];
        assert!(run(&paragraphs).claims.is_empty());
    }

    #[test]
    fn time_grows_roughly_linearly() {
        let unit = "“Three Armenian soldiers were killed,” the ministry said on Sunday, adding that “our forces” repelled 12 attacks. ";
        let small = vec![unit.repeat(200)];
        let large = vec![unit.repeat(2_000)];
        let t0 = std::time::Instant::now();
        run(&small);
        let t_small = t0.elapsed();
        let t1 = std::time::Instant::now();
        run(&large);
        let t_large = t1.elapsed();
        // Ten times the text; allow generous slack for noise, not for quadratic growth.
        assert!(
            t_large < t_small * 40 + std::time::Duration::from_millis(50),
            "{t_small:?} vs {t_large:?}"
        );
    }

    #[test]
    fn events_are_dated_sentences_where_something_happens() {
        let paragraphs = vec![
            "Clashes erupted on Sept. 27, 2020, with heavy shelling. Talks are planned."
                .to_string(),
            "The Russian Foreign Ministry expressed concern about Sunday’s shooting.".to_string(),
        ];
        let out = run(&paragraphs);
        let dates: Vec<(usize, String)> = out
            .events
            .iter()
            .map(|e| (e.paragraph, e.date.to_string()))
            .collect();
        assert_eq!(
            dates,
            vec![(1, "2020-09-27".into()), (2, "2023-03-05".into())]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_text_never_panics(paragraphs in proptest::collection::vec(".{0,400}", 0..6)) {
            let out = run(&paragraphs);
            assert_ranges_valid(&paragraphs, &out);
        }

        #[test]
        fn news_like_soup_never_panics(words in proptest::collection::vec(
            prop_oneof![
                Just("said"), Just("killed"), Just("“"), Just("”"), Just("\""), Just(","),
                Just("."), Just("at least"), Just("between"), Just("and"), Just("two"),
                Just("99999999999999999999"), Just("1,200"), Just("soldiers"), Just("were"),
                Just("the ministry"), Just("it"), Just("according to"), Just("Armenia’s"),
                Just("Sunday"), Just("March 5"), Just("our"), Just("of"), Just("denied"),
                Just("including"), Just("(UN)"), Just("Zaw Min Tun"), Just("—"), Just("é"),
            ],
            0..300,
        )) {
            let paragraphs = vec![words.join(" "), words.concat()];
            let out = run(&paragraphs);
            assert_ranges_valid(&paragraphs, &out);
        }
    }

    /// `cargo test reuters_timing -- --ignored --nocapture`: extraction over the 21,578
    /// Reuters stories, to keep index-time extraction within seconds.
    #[test]
    #[ignore]
    fn reuters_timing() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/news/reuters21578.jsonl"
        );
        let Ok(raw) = std::fs::read_to_string(path) else {
            eprintln!("{path} not found; skipped");
            return;
        };
        let gazetteer = Gazetteer::builtin();
        let docs: Vec<(Option<chrono::NaiveDate>, Vec<String>)> = raw
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .map(|v| {
                let text = v["text"].as_str().unwrap_or("").replace("\n    ", "\n\n");
                let published = v["published"]
                    .as_str()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                (published, crate::text::paragraphs(&text))
            })
            .collect();
        let start = std::time::Instant::now();
        let (mut statements, mut claims, mut events) = (0, 0, 0);
        for (published, paragraphs) in &docs {
            let doc = DocText {
                published: *published,
                outlet: Some("Reuters"),
                paragraphs,
            };
            let out = extract(&doc, &gazetteer);
            if std::env::var_os("REUTERS_STATEMENTS").is_some() {
                for st in &out.statements {
                    let text = paragraphs
                        .get(st.paragraph - 1)
                        .and_then(|p| p.get(st.excerpt.clone()));
                    eprintln!(
                        "ST [{}] {:?} {} :: {}",
                        st.speaker,
                        st.party,
                        st.verb,
                        text.unwrap_or("")
                    );
                }
            }
            if std::env::var_os("REUTERS_DUMP").is_some() {
                for c in &out.claims {
                    let text = paragraphs
                        .get(c.paragraph - 1)
                        .and_then(|p| p.get(c.excerpt.clone()));
                    eprintln!(
                        "{:?}/{:?}/{:?} {:?} side={:?} by={:?} :: {}",
                        c.count,
                        c.count_min,
                        c.count_max,
                        c.status,
                        c.side,
                        c.according_to.party,
                        text.unwrap_or("")
                    );
                }
            }
            statements += out.statements.len();
            claims += out.claims.len();
            events += out.events.len();
        }
        eprintln!(
            "{} documents in {:?}: {statements} statements, {claims} claims, {events} events",
            docs.len(),
            start.elapsed()
        );
        assert!(docs.len() > 20_000, "read {} documents", docs.len());
        // Commodity and market news holds few casualty figures; many more would mean
        // numbers read as people.
        assert!(
            claims < docs.len() / 20,
            "{claims} claims in {} documents",
            docs.len()
        );
    }

    #[test]
    fn an_official_named_by_office_alone_speaks_for_the_document_s_main_party() {
        let paragraphs: Vec<String> = [
            "Ukraine's military said Kyiv and Kharkiv were hit, and Ukrainian officials said Odesa was hit too.",
            "The Air Force said most of the missiles were shot down.",
        ]
        .iter()
        .map(|p| (*p).to_string())
        .collect();
        let out = run(&paragraphs);
        let second: Vec<Option<&str>> = out
            .statements
            .iter()
            .filter(|s| s.paragraph == 2)
            .map(|s| s.party.as_deref())
            .collect();
        assert_eq!(second, vec![Some("ukraine")]);
    }
}
