//! Unit tests of the whole extractor on small texts.

use super::*;

/// `BRIEFBOT_TEXT="..." cargo test -q --lib extract::tests::show_mentions -- --ignored --nocapture`
/// prints the mentions the entity stage finds in a text, for rule writing.
#[test]
#[ignore]
fn show_mentions() {
    let text = std::env::var("BRIEFBOT_TEXT").unwrap_or_default();
    let g = Gazetteer::builtin();
    let names = LearnedNames::default();
    let cx = context::Context::new(&g, &names);
    let t = tokens::tokenize(&text);
    let m = entities::Mentions::find(&t.toks, &g, &cx, None);
    for x in &m.list {
        let words: Vec<&str> = t.toks[x.span.clone()].iter().map(|t| t.text).collect();
        let ids: Vec<&str> = x
            .parties
            .iter()
            .filter_map(|p| g.party(*p))
            .map(|p| p.id.as_str())
            .collect();
        eprintln!("{:?} {:?} {:?} stance={}", words, ids, x.kind, x.stance);
    }
}

fn run(paragraphs: &[&str]) -> Extraction {
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
    let doc = DocText {
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2023, 3, 6),
        outlet: None,
        paragraphs: &paragraphs,
    };
    extract(&doc, &Gazetteer::builtin())
}

#[test]
fn events_are_dated_by_their_own_clause_not_by_the_saying() {
    let out = run(&[
        "The Russian Foreign Ministry expressed concern about Sunday’s shooting and urged restraint.",
        "Russia said Monday its peacekeepers halted a weekend clash.",
        "“On March 5, an attempt was made to stop the vehicle. As a result, two servicemen were killed,” a statement by the Azerbaijani Defense Ministry said late Monday.",
    ]);
    let dates: Vec<(usize, String)> = out
        .events
        .iter()
        .map(|e| (e.paragraph, e.date.to_string()))
        .collect();
    assert_eq!(
        dates,
        vec![(1, "2023-03-05".into()), (3, "2023-03-05".into())]
    );
    assert!(
        out.claims
            .iter()
            .all(|c| c.date == chrono::NaiveDate::from_ymd_opt(2023, 3, 5))
    );
}

/// `BRIEFBOT_TEXT="..." cargo test -q --lib extract::tests::show_extraction -- --ignored --nocapture`
/// prints what the extractor reads in a text (paragraphs split on blank lines).
#[test]
#[ignore]
fn show_extraction() {
    let text = std::env::var("BRIEFBOT_TEXT").unwrap_or_default();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let out = run(&paragraphs);
    for s in &out.statements {
        eprintln!(
            "¶{} statement {} [{:?}] {} :: {:?}",
            s.paragraph, s.speaker, s.party, s.verb, s.evidence
        );
    }
    for c in &out.claims {
        eprintln!(
            "¶{} claim {:?}/{:?}/{:?} {} {:?} side={:?} ({:?}) by={} [{:?}]",
            c.paragraph,
            c.count,
            c.count_min,
            c.count_max,
            c.who,
            c.status,
            c.side,
            c.side_evidence,
            c.according_to.speaker,
            c.according_to.party
        );
    }
}
