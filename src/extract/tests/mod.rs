//! Unit tests of the whole extractor on small texts.

use super::*;

mod accounts;
mod attribution;
mod care;
mod figures;
mod insurgents;
mod joined;
mod lists;
mod nonparty;
mod officials;
mod own;
mod places;
mod sides;
mod speakers;
mod statuses;

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
    run_published(chrono::NaiveDate::from_ymd_opt(2023, 3, 6), paragraphs)
}

/// A story of these paragraphs, published on `published` (or undated), with no headline.
fn run_published(published: Option<chrono::NaiveDate>, paragraphs: &[&str]) -> Extraction {
    run_doc(None, published, None, paragraphs)
}

/// A story with its headline and outlet, when it has them.
fn run_doc(
    title: Option<&str>,
    published: Option<chrono::NaiveDate>,
    outlet: Option<&str>,
    paragraphs: &[&str],
) -> Extraction {
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_string()).collect();
    let doc = DocText {
        title,
        published,
        outlet,
        paragraphs: &paragraphs,
    };
    extract(&doc, &Gazetteer::builtin())
}

/// The side of the first figure of `text`, published on that day.
fn side_on(text: &str, y: i32, m: u32, d: u32) -> Option<String> {
    run_published(chrono::NaiveDate::from_ymd_opt(y, m, d), &[text]).claims[0]
        .side
        .clone()
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
/// prints what the extractor reads in a text (paragraphs split on blank lines; a headline
/// from `BRIEFBOT_TITLE`).
#[test]
#[ignore]
fn show_extraction() {
    let text = std::env::var("BRIEFBOT_TEXT").unwrap_or_default();
    let paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    // BRIEFBOT_TITLE gives the document a headline.
    let title = std::env::var("BRIEFBOT_TITLE").ok();
    // BRIEFBOT_PUBLISHED (YYYY-MM-DD) and BRIEFBOT_OUTLET set the date and the outlet.
    let published = std::env::var("BRIEFBOT_PUBLISHED")
        .ok()
        .and_then(|d| d.parse().ok())
        .or(chrono::NaiveDate::from_ymd_opt(2023, 3, 6));
    let outlet = std::env::var("BRIEFBOT_OUTLET").ok();
    let doc = DocText {
        title: title.as_deref(),
        published,
        outlet: outlet.as_deref(),
        paragraphs: &paragraphs,
    };
    let out = extract(&doc, &Gazetteer::builtin());
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

/// Each case: (paragraphs, paragraph, party) — that party speaks in that paragraph.
fn assert_party_speaks(cases: &[(&[&str], usize, &str)]) {
    for (paragraphs, paragraph, party) in cases {
        let out = run(paragraphs);
        assert!(
            out.statements
                .iter()
                .any(|s| s.paragraph == *paragraph && s.party.as_deref() == Some(*party)),
            "no {party} statement in paragraph {paragraph} of {paragraphs:?}: {:?}",
            out.statements
        );
    }
}

/// No statement in `paragraphs` is filed as `party`'s.
fn assert_none_speaks_for(paragraphs: &[&str], party: &str) {
    let out = run(paragraphs);
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some(party)),
        "{:?}",
        out.statements
    );
}

/// No statement in `paragraphs` is filed under any party.
fn assert_no_party_speaks(paragraphs: &[&str]) {
    let out = run(paragraphs);
    assert!(
        out.statements.iter().all(|s| s.party.is_none()),
        "{:?}",
        out.statements
    );
}

/// The party of the first statement in `paragraph`; there must be one.
fn party_in(out: &Extraction, paragraph: usize) -> Option<&str> {
    out.statements
        .iter()
        .find(|s| s.paragraph == paragraph)
        .unwrap_or_else(|| {
            panic!(
                "no statement in paragraph {paragraph}: {:?}",
                out.statements
            )
        })
        .party
        .as_deref()
}

/// The counts of the figures a text gives with `status`, in order.
fn counts_with(text: &str, status: Status) -> Vec<Option<u64>> {
    run(&[text])
        .claims
        .iter()
        .filter(|c| c.status == status)
        .map(|c| c.count)
        .collect()
}

/// The side of the figure the story gives as (count, at least).
fn side_of_figure(out: &Extraction, (count, min): (Option<u64>, Option<u64>)) -> Option<&str> {
    out.claims
        .iter()
        .find(|c| c.count == count && c.count_min == min)
        .unwrap_or_else(|| panic!("no figure {count:?}/{min:?}: {:?}", out.claims))
        .side
        .as_deref()
}

/// (text, figure, status, side, claimant's party).
type FigureCase<'a> = (&'a str, u64, Status, Option<&'a str>, Option<&'a str>);

/// Each text gives its figure with that status, on that side and from that claimant.
fn assert_figures(cases: &[FigureCase<'_>]) {
    for (text, figure, status, side, by) in cases {
        let out = run(&[text]);
        let claim = out
            .claims
            .iter()
            .find(|c| c.count == Some(*figure) && c.status == *status)
            .unwrap_or_else(|| panic!("no {figure} {status:?} in {text:?}: {:?}", out.claims));
        assert_eq!(claim.side.as_deref(), *side, "side in {text:?}");
        assert_eq!(
            claim.according_to.party.as_deref(),
            *by,
            "claimant in {text:?}"
        );
    }
}

#[test]
fn an_office_with_no_state_named_takes_the_one_state_of_the_headline() {
    let read = |title: &str, text: &str| {
        run_doc(
            Some(title),
            chrono::NaiveDate::from_ymd_opt(1987, 4, 17),
            None,
            &[text],
        )
    };
    let text = "Interior Minister Antonio Troccoli said the government would seek approval.";
    let out = read("Argentine Government To Seek State Of Siege", text);
    assert_eq!(
        out.statements.first().and_then(|s| s.party.as_deref()),
        Some("argentina")
    );
    // A headline naming two states says nothing of whose minister it is.
    let out = read("Argentina And Chile Sign Treaty", text);
    assert_eq!(
        out.statements.first().map(|s| s.party.as_deref()),
        Some(None)
    );
    // Nor is it enough for a diplomat, who may be anyone's.
    let out = read(
        "Argentine Government To Seek State Of Siege",
        "One diplomat said the move was expected.",
    );
    assert!(
        out.statements.iter().all(|s| s.party.is_none()),
        "{:?}",
        out.statements
    );
}

/// The state a headline quotes ("Ethiopia says") is whose offices the story's unnamed
/// ones are, before the places the story happens in; an office that refers back ("Its
/// government") is not.
#[test]
fn an_office_with_no_state_named_takes_the_state_the_headline_quotes() {
    let title = "Ethiopia says fighters, not civilians killed in Tigray massacre";
    let during_the_war = chrono::NaiveDate::from_ymd_opt(2021, 5, 10);
    let party_of = |text: &str| {
        let scene = "The killings took place in Axum, in the Tigray region, in late November.";
        let out = run_doc(Some(title), during_the_war, None, &[scene, text]);
        out.statements.first().and_then(|s| s.party.clone())
    };
    assert_eq!(
        party_of(
            "At a press conference, deputy attorney general Fikadu Tsega said 93 people were killed during heavy fighting."
        )
        .as_deref(),
        Some("ethiopia")
    );
    assert_ne!(
        party_of("Its government said the town had been shelled.").as_deref(),
        Some("ethiopia")
    );
}

/// "... as a result of Armenian provocation": a provocation, like an attack, names the
/// side that struck, not whose offices the story's are.
#[test]
fn a_headlines_provocation_names_the_attacker() {
    let out = run_doc(
        Some(
            "Prosecutor General's Office: 19 people died, 55 injured as a result of Armenian provocation",
        ),
        chrono::NaiveDate::from_ymd_opt(2020, 10, 1),
        None,
        &[
            "The shelling continues against civilians, the Prosecutor General's Office told reporters.",
        ],
    );
    assert!(
        out.statements
            .iter()
            .all(|s| s.party.as_deref() != Some("armenia")),
        "{:?}",
        out.statements
    );
}

/// (paragraphs, figure as (count, count_min), status, side, claimant's party): figures read
/// in one paragraph of a story of several.
type StoryCase<'a> = (
    &'a [&'a str],
    (Option<u64>, Option<u64>),
    Status,
    Option<&'a str>,
    Option<&'a str>,
);

fn assert_story_figures(cases: &[StoryCase<'_>]) {
    for (paragraphs, (count, min), status, side, by) in cases {
        let out = run(paragraphs);
        // The figure of the last paragraph that gives it.
        let claim = out
            .claims
            .iter()
            .rev()
            .find(|c| c.count == *count && c.count_min == *min && c.status == *status)
            .unwrap_or_else(|| {
                panic!(
                    "no {count:?}/{min:?} {status:?} in {paragraphs:?}: {:?}",
                    out.claims
                )
            });
        assert_eq!(claim.side.as_deref(), *side, "side in {paragraphs:?}");
        assert_eq!(
            claim.according_to.party.as_deref(),
            *by,
            "claimant in {paragraphs:?}"
        );
    }
}
