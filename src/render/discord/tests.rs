//! The Discord pages pinned: Markdown and mentions from a source made harmless, cuts that
//! keep markup whole, a huge answer paged within every limit, citations in fields, and the
//! empty answer that still says so.

use std::ops::Range;

use super::fit::{count, fit, fit_marked};
use super::*;
use crate::answer::{According, ClaimEntry, SearchHit, StatementEntry};
use crate::answer::{Citation, ClaimGroup};
use crate::extract::Status;

fn citation(n: usize, excerpt: &str) -> Citation {
    Citation {
        n,
        source: format!("doc{n}.md"),
        title: format!("Title {n}"),
        outlet: Some("Outlet".into()),
        url: Some(format!("https://example.org/{n}")),
        published: NaiveDate::from_ymd_opt(2023, 3, 6),
        paragraph: 2,
        excerpt: excerpt.into(),
        also_in: Vec::new(),
    }
}

fn ctx(gazetteer: &Gazetteer) -> Context<'_> {
    Context {
        gazetteer,
        index_date: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
        request: "/search query:x",
    }
}

fn assert_within_limits(pages: &[Embed]) {
    assert!(!pages.is_empty());
    for (i, page) in pages.iter().enumerate() {
        if let Err(e) = page.check_limits() {
            panic!("page {} breaks a limit: {e}", i + 1);
        }
    }
}

#[test]
fn markdown_in_a_source_is_escaped() {
    assert_eq!(escape("**bold** _it_"), "\\*\\*bold\\*\\* \\_it\\_");
    assert_eq!(
        escape("`code` ||spoiler|| ~~x~~"),
        "\\`code\\` \\|\\|spoiler\\|\\| \\~\\~x\\~\\~"
    );
    assert_eq!(escape("[click](https://evil)"), "\\[click\\](https://evil)");
    assert_eq!(escape("# Header"), "\\# Header");
    assert_eq!(escape("> quote"), "\\> quote");
    assert_eq!(escape("- item"), "\\- item");
    assert_eq!(escape("1. item"), "1\\. item");
    assert_eq!(escape("a - b # c > d 2. e"), "a - b # c > d 2. e");
    assert_eq!(escape("back\\slash"), "back\\\\slash");
    assert_eq!(escape("two\nlines"), "two lines");
}

#[test]
fn mentions_in_a_source_are_defused() {
    let out = escape("@everyone @here <@123> <@!7> <@&456> <#789> <:e:1> </cmd:2> <t:1:R>");
    for raw in ["@everyone", "@here", "<@", "<#", "<:", "</", "<t:"] {
        assert!(!out.contains(raw), "{raw} survived in {out}");
    }
    assert!(out.contains("@\u{200B}everyone") && out.contains("<\u{200B}@&456>"));
    assert_eq!(escape("a < b, x@example.org"), "a < b, x@example.org");
    let plain = defuse_mentions("Unknown party `<@&456> @here *x*`");
    assert_eq!(plain, "Unknown party `<\u{200B}@&456> @\u{200B}here *x*`");
}

#[test]
fn cutting_keeps_escapes_and_bold_whole() {
    let text = "*".repeat(500);
    let out = fit(&text, 101, escape);
    assert!(count(&out) <= 101);
    assert!(out.ends_with('…'));
    assert!(!out.trim_end_matches('…').ends_with("\\\\"));
    assert_eq!(out.matches('\\').count(), out.matches('*').count());

    let excerpt = "the ambush ".repeat(300);
    let highlights: Vec<Range<usize>> = (0..300).map(|i| i * 11 + 4..i * 11 + 10).collect();
    let out = fit_marked(&excerpt, &highlights, 500);
    assert!(count(&out) <= 500, "{}", count(&out));
    assert_eq!(out.matches("**").count() % 2, 0, "unbalanced bold: {out}");
}

#[test]
fn a_huge_answer_is_paged_within_every_limit() {
    let gazetteer = Gazetteer::builtin();
    let long = "Soldiers were killed in the ambush near the road. ".repeat(200);
    let claims: Vec<ClaimEntry> = (1..=300)
        .map(|n| ClaimEntry {
            count: Some(n as u64),
            count_min: None,
            count_max: None,
            who: format!("{} soldiers", "very ".repeat(50)),
            side: Some(if n % 2 == 0 { "armenia" } else { "azerbaijan" }.into()),
            side_evidence: Some("“Armenian” in “Armenian soldiers” ".repeat(20)),
            status: Status::Killed,
            according_to: According {
                speaker: "the ministry ".repeat(30),
                party: None,
                evidence: None,
            },
            date: None,
            disputed: true,
            citation: Citation {
                title: "T".repeat(400),
                outlet: Some("O".repeat(300)),
                source: "s".repeat(300),
                ..citation(n, &long)
            },
        })
        .collect();
    let groups = vec![
        ClaimGroup {
            side: Some("armenia".into()),
            status: Status::Killed,
            date: None,
            claims: (0..300).filter(|i| i % 2 == 1).collect(),
            sources: 150,
            agreed: false,
        },
        ClaimGroup {
            side: Some("azerbaijan".into()),
            status: Status::Killed,
            date: None,
            claims: (0..300).filter(|i| i % 2 == 0).collect(),
            sources: 150,
            agreed: false,
        },
    ];
    // With the reasons shown: each figure's block is longer still.
    let answer = Answer::Casualties {
        query: Some("q".repeat(300)),
        claims,
        groups,
        explain: true,
        shown: Default::default(),
    };
    let pages = render(&answer, &ctx(&gazetteer));
    assert!(pages.len() > 10, "{} pages", pages.len());
    assert_within_limits(&pages);
    // Every claim is on some page, and every marker on a page has its field there.
    for n in 1..=300 {
        assert!(
            pages
                .iter()
                .any(|p| p.description.contains(&format!("[{n}]"))),
            "claim [{n}] is on no page"
        );
    }
    for page in &pages {
        for field in &page.fields {
            let marker = field.name.split(']').next().unwrap_or("").to_string() + "]";
            assert!(
                page.description.contains(&marker),
                "{marker} cited nowhere on its page"
            );
        }
    }
    // A page that continues a group repeats its headings.
    assert!(
        pages[1].description.starts_with("**"),
        "{}",
        pages[1].description
    );
}

#[test]
fn search_hits_are_bold_where_they_matched_and_cited_in_fields() {
    let gazetteer = Gazetteer::builtin();
    let excerpt = "Interior Ministry described the shooting as an “ambush,” saying";
    let start = excerpt.find("ambush").unwrap();
    let answer = Answer::Search {
        query: "ambush".into(),
        hits: vec![SearchHit {
            score: 1.0,
            citation: citation(1, excerpt),
            highlights: std::iter::once(start..start + 6).collect(),
        }],
        shown: Default::default(),
    };
    let pages = render(&answer, &ctx(&gazetteer));
    assert_eq!(pages.len(), 1);
    assert!(pages[0].description.contains("**[1]** Interior"));
    assert!(pages[0].description.contains("“**ambush**,”"));
    assert_eq!(pages[0].fields[0].name, "[1] Title 1");
    assert!(
        pages[0].fields[0]
            .value
            .contains("[link](https://example.org/1)")
    );
    assert_eq!(
        pages[0].footer,
        "/search query:x\n1 source · index built 2024-01-02"
    );
}

#[test]
fn a_statement_quotes_its_source_in_the_field() {
    let gazetteer = Gazetteer::builtin();
    let answer = Answer::Statement {
        party: "russia".into(),
        party_name: "Russia".into(),
        topic: None,
        statements: vec![StatementEntry {
            speaker: "the *Defense* Ministry".into(),
            party: Some("russia".into()),
            evidence: None,
            verb: "said".into(),
            direct: true,
            text: "\"the clash was stopped\"".into(),
            citation: citation(1, "“The clash was stopped,” @everyone"),
        }],
        explain: false,
        shown: Default::default(),
    };
    let pages = render(&answer, &ctx(&gazetteer));
    assert!(
        pages[0].description.contains(
            "• **the \\*Defense\\* Ministry** (said, quoted): “the clash was stopped” [1]"
        ),
        "{}",
        pages[0].description
    );
    assert!(pages[0].fields[0].value.starts_with("> “The clash"));
    assert!(!pages[0].fields[0].value.contains("@everyone"));
}

#[test]
fn an_empty_answer_still_says_so() {
    let gazetteer = Gazetteer::builtin();
    let answer = Answer::Timeline {
        query: Some("nothing".into()),
        events: Vec::new(),
        shown: Default::default(),
    };
    let pages = render(&answer, &ctx(&gazetteer));
    assert_eq!(pages.len(), 1);
    assert_eq!(
        pages[0].description,
        "No dated events in the indexed reporting about “nothing”."
    );
    assert_within_limits(&pages);
}

#[test]
fn only_web_links_are_linked() {
    assert_eq!(
        safe_url("https://a.org/x (1)").as_deref(),
        Some("https://a.org/x%20%281%29")
    );
    assert_eq!(safe_url("javascript:alert(1)"), None);
    assert_eq!(safe_url("file:///etc/passwd"), None);
}

#[test]
fn a_broken_limit_names_what_broke_it_and_by_how_much() {
    let mut embed = Embed {
        title: "t".repeat(limits::TITLE + 1),
        description: "d".into(),
        footer: "f".into(),
        ..Embed::default()
    };
    let err = embed.check_limits().unwrap_err();
    assert_eq!(err.to_string(), "title: 257 characters, over 256");
    embed.title = "t".into();
    embed.fields = vec![
        Field {
            name: "n".into(),
            value: "v".into(),
            inline: false,
        };
        limits::FIELDS + 1
    ];
    assert_eq!(
        embed.check_limits().unwrap_err(),
        LimitError::TooManyFields(26)
    );
    assert_eq!(
        LimitError::TooManyFields(26).to_string(),
        "26 fields, over 25"
    );
}
