//! Random and adversarial input through the parser and the engine: clear errors, never a
//! panic.

use proptest::prelude::*;

use crate::support::article_engine;

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_search_query_answers_or_explains(query in "\\PC{0,200}") {
        let engine = article_engine();
        match engine.ask_line(&format!("/search {query}")) {
            Ok(_) => {}
            Err(e) => prop_assert!(e.is_user(), "{query:?}: {e}"),
        }
    }

    #[test]
    fn query_syntax_soup_answers_or_explains(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("ambush"), Just("title:"), Just("published:"), Just("outlet:"), Just("text:"),
                Just("source:"), Just("AND"), Just("OR"), Just("NOT"), Just("TO"), Just("*"),
                Just("\""), Just("("), Just(")"), Just("["), Just("]"), Just("{"), Just("}"),
                Just("~"), Just("^2"), Just("+"), Just("-"), Just(":"), Just("IN"), Just("\\"),
                Just("2023-03-05"), Just("'"), Just("/"), Just("?"), Just("!"), Just(" "),
            ],
            0..16,
        )
    ) {
        let query = parts.concat();
        let engine = article_engine();
        if let Err(e) = engine.ask_line(&format!("/search query:{query}")) {
            prop_assert!(e.is_user(), "{query:?}: {e}");
        }
    }

    #[test]
    fn any_command_line_parses_or_explains(line in "/?[a-z]{0,12}( [a-z:\"'\\-]{0,20}){0,5}") {
        let _ = briefbot::commands::parse_line(&line);
    }

    #[test]
    fn any_line_through_the_engine_never_panics(line in "\\PC{0,120}") {
        let engine = article_engine();
        if let Err(e) = engine.ask_line(&line) {
            prop_assert!(e.is_user(), "{line:?}: {e}");
        }
    }
}

#[test]
fn adversarial_queries_answer_or_explain() {
    let engine = article_engine();
    let punctuation = "!@#$%^&*()_+{}|:\"<>?~`-=[]\\;',./".repeat(63);
    for query in [
        "\"unclosed",
        "AND OR",
        "title:",
        punctuation.as_str(),
        "ambush AND",
        "(((",
        "-",
        "*",
    ] {
        match engine.ask_line(&format!("/search query:{query}")) {
            Ok(_) => {}
            Err(e) => assert!(e.is_user(), "{query:?}: {e}"),
        }
    }
}
