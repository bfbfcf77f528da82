//! Extraction tests on the realistic pages in tests/fixtures/ingest.

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../../tests/fixtures/ingest/", $name)).as_slice()
    };
}

fn page(bytes: &[u8]) -> String {
    decode(bytes, None)
}

#[test]
fn a_full_news_page_yields_only_the_story() {
    let html = page(fixture!("article_full.html"));
    let article = extract(
        &html,
        Some("https://caucasuswire.example/2023/03/05/karabakh-shootout?utm_source=share"),
    )
    .unwrap();
    assert_eq!(
        article.paragraphs,
        vec![
            "STEPANAKERT/BAKU, March 5 (Caucasus Wire) - Five people were killed on Sunday in a shootout on a dirt road in Nagorno-Karabakh, with Armenian and Azerbaijani officials giving sharply different accounts of what happened.",
            "Azerbaijan's defence ministry said its soldiers had stopped a vehicle it said was carrying weapons and ammunition to the region, and that the occupants opened fire when the car was searched.",
            "Officials in Stepanakert said the car belonged to the local police and was on a routine patrol when it came under fire from an Azerbaijani \"sabotage group\", killing three officers.",
            "Peacekeepers investigate",
            "The Russian peacekeeping contingent, deployed under the 2020 ceasefire statement, said it was investigating the incident together with both sides.",
            "Key points of the two accounts:",
            "Baku says the car carried weapons and its occupants fired first.",
            "Stepanakert says the officers were on patrol and were ambushed.",
            "“We are working with both sides to establish what happened,” the peacekeeping command said in a statement.",
            "Neither account could be independently verified. Journalists have had no independent access to the area since the blockade began.",
        ]
    );
    let all = article.paragraphs.join("\n");
    for furniture in [
        "cookies",
        "Advertisement",
        "Read more",
        "Share on",
        "Most read",
        "outrageous",
        "Sign up",
        "script text",
        "JavaScript",
        "©",
        "Berlin",
    ] {
        assert!(
            !all.contains(furniture),
            "{furniture:?} leaked into the text"
        );
    }
}

#[test]
fn json_ld_metadata_wins_over_open_graph_and_the_title_tag() {
    let html = page(fixture!("article_full.html"));
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.title,
        "Five killed in Karabakh shootout, sides give conflicting accounts"
    );
    assert_eq!(
        article.outlet.as_deref(),
        Some("Caucasus Wire"),
        "publisher followed through its @id"
    );
    assert_eq!(
        article.author.as_deref(),
        Some("Tigran Grigoryan, Leyla Ramazanova")
    );
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2023-03-05"),
        "the local date, not OG's"
    );
    assert_eq!(article.language.as_deref(), Some("en"));
    // The canonical link is relative: without a base it cannot be used, og:url can.
    assert_eq!(
        article.url.as_deref(),
        Some("https://caucasuswire.example/2023/03/05/karabakh-shootout")
    );
    let with_base = extract(&html, Some("https://caucasuswire.example/region/")).unwrap();
    assert_eq!(
        with_base.url, article.url,
        "relative canonical resolved against the page"
    );
}

#[test]
fn open_graph_and_plain_tags_fill_in_without_json_ld() {
    let html = page(fixture!("article_no_semantics.html"));
    let article = extract(
        &html,
        Some("https://dailyledger.example/news/baku-weapons#top"),
    )
    .unwrap();
    assert_eq!(article.title, "Baku says weapons found in police car");
    assert_eq!(article.outlet.as_deref(), Some("Daily Ledger"));
    assert_eq!(article.author.as_deref(), Some("Orkhan Aliyev"));
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2023-03-06")
    );
    assert_eq!(article.language.as_deref(), Some("en-US"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://dailyledger.example/news/baku-weapons")
    );
    assert_eq!(article.paragraphs.len(), 4, "{:#?}", article.paragraphs);
    assert!(article.paragraphs[0].starts_with("Azerbaijan's defence ministry on Monday"));
    assert!(article.paragraphs[3].ends_with("civilian body."));
}

#[test]
fn a_title_tag_loses_the_outlet_suffix() {
    let html = r#"<html><head><title>Talks resume in Brussels | Regional Review</title>
        <meta property="og:site_name" content="Regional Review"></head><body><article>
        <p>Armenian and Azerbaijani delegations resumed talks in Brussels on Sunday, officials from both countries said, after a pause of several weeks.</p>
        <p>No statement was issued after the first session of the talks, which diplomats described as business-like.</p></article></body></html>"#;
    let article = extract(html, None).unwrap();
    assert_eq!(article.title, "Talks resume in Brussels");
    assert_eq!(article.url, None);
}

#[test]
fn a_windows_1251_page_is_decoded_by_its_meta_declaration() {
    let bytes = fixture!("article_cp1251.html");
    assert!(
        std::str::from_utf8(bytes).is_err(),
        "the fixture really is not UTF-8"
    );
    let article = extract_bytes(bytes, None, None).unwrap();
    assert_eq!(
        article.title,
        "Миротворцы расследуют перестрелку у Степанакерта"
    );
    assert_eq!(article.outlet.as_deref(), Some("Кавказский вестник"));
    assert_eq!(article.language.as_deref(), Some("ru"));
    assert_eq!(article.paragraphs.len(), 3);
    assert!(
        article.paragraphs[1].contains("Степанакерт — о нападении"),
        "{}",
        article.paragraphs[1]
    );
}

#[test]
fn a_latin_1_page_is_decoded_by_the_http_charset() {
    let bytes = fixture!("article_latin1.html");
    let article = extract_bytes(bytes, Some("text/html; charset=\"ISO-8859-1\""), None).unwrap();
    assert_eq!(article.title, "Fusillade meurtrière au Haut-Karabakh");
    assert_eq!(article.paragraphs.len(), 3);
    assert!(article.paragraphs[2].contains("« Nous travaillons avec les deux parties »"));
    // Undeclared and not UTF-8: read as windows-1252, as browsers do.
    assert_eq!(extract_bytes(bytes, None, None).unwrap(), article);
}

#[test]
fn the_charset_comes_from_bom_then_http_then_meta_then_utf8() {
    let meta_1251 = "<meta charset=\"windows-1251\"><p>Привет</p>";
    let bytes = encoding_rs::WINDOWS_1251.encode(meta_1251).0;
    assert!(decode(&bytes, None).contains("Привет"));
    assert!(decode(&bytes, Some("text/html; charset=windows-1251")).contains("Привет"));
    // The HTTP header outranks the page.
    let koi8 = encoding_rs::KOI8_R.encode(meta_1251).0;
    assert!(decode(&koi8, Some("text/html;charset=KOI8-R")).contains("Привет"));
    // A byte order mark outranks both.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("<p>Xankəndi</p>".as_bytes());
    assert_eq!(
        decode(&bom, Some("text/html; charset=windows-1252")),
        "<p>Xankəndi</p>"
    );
    assert_eq!(decode("<p>Ünïcödé</p>".as_bytes(), None), "<p>Ünïcödé</p>");
    // A page claiming UTF-16 from inside is read as UTF-8.
    assert_eq!(
        decode(b"<meta charset=utf-16><p>ok</p>", None),
        "<meta charset=utf-16><p>ok</p>"
    );
    assert_eq!(decode(b"", Some("text/html; charset=nonsense")), "");
    assert_eq!(
        charset_param("text/html; Charset='UTF-8' ; q=1").as_deref(),
        Some("UTF-8")
    );
}

#[test]
fn malformed_html_still_yields_its_text() {
    let article = extract(&page(fixture!("malformed.html")), None).unwrap();
    assert_eq!(article.title, "Broken markup still has a story");
    let all = article.paragraphs.join("\n");
    for words in [
        "First paragraph of a page whose markup is broken",
        "Second paragraph begins without the first being closed, and an unquoted link.",
        "Third paragraph after stray closing tags, with an entity & an unknown one &bogus; and a < sign.",
    ] {
        assert!(
            all.contains(words),
            "{words:?} missing from {:#?}",
            article.paragraphs
        );
    }
}

#[test]
fn a_page_without_article_text_is_an_error() {
    let err = extract(&page(fixture!("no_text.html")), None).unwrap_err();
    assert!(matches!(err, IngestError::NoArticleText { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("no article text found: the page has no paragraphs"),
        "{err}"
    );
    for html in [
        "",
        "<html></html>",
        "<p>Hi.</p>",
        "\u{0}\u{fffd}<<<>>>",
        "<script>var a = '<p>text text text text text text text text</p>';</script>",
    ] {
        assert!(extract(html, None).is_err(), "{html:?}");
    }
}

#[test]
fn json_ld_article_body_is_used_when_the_page_is_an_empty_app_shell() {
    let article = extract(&page(fixture!("jsonld_body_only.html")), None).unwrap();
    assert_eq!(
        article.title,
        "Funerals held for police officers killed on Karabakh road"
    );
    assert_eq!(article.outlet.as_deref(), Some("Frontline Monitor"));
    assert_eq!(article.author.as_deref(), Some("Frontline Monitor staff"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://frontline.example/news/2023/03/07/funerals")
    );
    assert_eq!(article.language.as_deref(), Some("hy"));
    assert_eq!(article.paragraphs.len(), 2);
}

#[test]
fn related_article_cards_do_not_beat_the_story() {
    let story = "The ministry said on Monday that talks would continue next week in Brussels, and that both delegations had agreed on an agenda. ";
    let html = format!(
        r#"<html><body>
        <div class="related"><article><p>{teaser}</p></article></div>
        <article class="post"><p>{story}</p><p>{story}</p></article>
        <article class="teaser"><p><a href="/t">{teaser}</a></p></article>
        </body></html>"#,
        teaser = "A teaser for another article that is also quite long, long enough to count as a paragraph of text.",
        story = story
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.paragraphs.len(),
        1,
        "adjacent duplicates collapse: {:#?}",
        article.paragraphs
    );
    assert!(article.paragraphs[0].starts_with("The ministry said"));
}

#[test]
fn hidden_elements_and_link_lists_are_dropped() {
    let html = r#"<html><body><main>
        <p>The first real paragraph of the story is long enough to be counted as the article's text by the extractor.</p>
        <p hidden>Hidden paragraph that a reader never sees.</p>
        <p style="display: none">Another paragraph hidden by its style attribute.</p>
        <div aria-hidden="true"><p>Screen-reader hidden text.</p></div>
        <ul><li><a href="/1">Link one headline</a></li><li><a href="/2">Link two headline</a></li></ul>
        <p>The second real paragraph closes the story with a sentence about what comes next in the talks.</p>
        </main></body></html>"#;
    let article = extract(html, None).unwrap();
    assert_eq!(article.paragraphs.len(), 2, "{:#?}", article.paragraphs);
}

#[test]
fn hostile_nesting_is_refused_quickly_and_deep_pages_do_not_overflow() {
    let nested = |depth: usize| {
        let mut html = String::from("<html><body>");
        html.push_str(&"<div>".repeat(depth));
        html.push_str("<p>Deep text that nobody should be able to use to crash the extractor, however deep.</p>");
        html.push_str(&"</div>".repeat(depth));
        for i in 0..500 {
            html.push_str(&format!(
                "<p>Paragraph {i} of a long page with enough words to count as text.</p>"
            ));
        }
        html + "</body></html>"
    };
    let started = std::time::Instant::now();
    let err = extract(&nested(1_000_000), None).unwrap_err();
    assert!(matches!(err, IngestError::UnreadablePage { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("cannot read the page: its markup is nested about 1000002 levels"),
        "{err}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );

    // Just under the limit: read on a thread with a small stack, as a worker would be.
    let html = nested(MAX_NESTING - 10);
    let paragraphs = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || extract(&html, None).map(|a| a.paragraphs.len()))
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert!(paragraphs.unwrap() >= 500);
}

#[test]
fn nesting_depth_ignores_void_and_self_closing_paragraph_tags() {
    assert_eq!(
        nesting_depth("<div><p>a<p>b<br><img src=x><span>c</span></div>"),
        2
    );
    assert_eq!(
        nesting_depth("<!DOCTYPE html><html><body></body></html>"),
        2
    );
    assert_eq!(nesting_depth("a < b and c<d"), 1);
    assert_eq!(nesting_depth(""), 0);
}

#[test]
fn feed_fragments_become_paragraphs() {
    assert_eq!(
        fragment_paragraphs("<p>One &amp; two.</p><p>Three<br>four.</p>"),
        vec!["One & two.", "Three four."]
    );
    assert_eq!(
        fragment_paragraphs("Plain &amp; simple.\n\nSecond."),
        vec!["Plain & simple.", "Second."]
    );
    assert_eq!(
        fragment_paragraphs("Text with <b>bold</b> only"),
        vec!["Text with bold only"]
    );
    assert!(fragment_paragraphs("").is_empty());
}
