//! The question reader pinned on questions in the words people type: the request each is
//! read as, the words that say so, the command that parses back to it, follow-up replies,
//! and random text read without panic.

use super::*;
use crate::commands::parse_line;
use crate::extract::Status;
use proptest::prelude::*;

fn cas(query: Option<&str>, side: Option<&str>, status: Option<Status>) -> Request {
    Request::Casualties {
        query: query.map(str::to_string),
        side: side.map(str::to_string),
        status,
        explain: false,
    }
}
fn st(party: &str, topic: Option<&str>) -> Request {
    Request::Statement {
        party: party.into(),
        topic: topic.map(str::to_string),
        speaker: None,
        explain: false,
    }
}

fn sts(party: &str, topic: Option<&str>, speaker: &str) -> Request {
    Request::Statement {
        party: party.into(),
        topic: topic.map(str::to_string),
        speaker: Some(speaker.into()),
        explain: false,
    }
}
fn tl(query: Option<&str>) -> Request {
    Request::Timeline {
        query: query.map(str::to_string),
    }
}
fn se(query: &str) -> Request {
    Request::Search {
        query: query.into(),
    }
}

use Status::{Captured, Injured, Killed, Missing};
const AZ: Option<&str> = Some("azerbaijan");
const AM: Option<&str> = Some("armenia");

/// Questions in the words people type, and the request each must be read as.
fn table() -> Vec<(&'static str, Request)> {
    vec![
        // Casualties: side, status, place or date.
        (
            "how many Azerbaijani soldiers were killed?",
            cas(None, AZ, Some(Killed)),
        ),
        (
            "how many died in Lachin?",
            cas(Some("Lachin"), None, Some(Killed)),
        ),
        (
            "how many Armenian police were killed",
            cas(None, AM, Some(Killed)),
        ),
        (
            "how many soldiers were kiled",
            cas(None, None, Some(Killed)),
        ),
        ("casulties on the armenian side", cas(None, AM, None)),
        ("how many were woundded?", cas(None, None, Some(Injured))),
        ("HOW MANY PEOPLE DIED", cas(None, None, Some(Killed))),
        (
            "who was killed in the shootout?",
            cas(Some("shootout"), None, Some(Killed)),
        ),
        ("were any peacekeepers hurt", cas(None, None, Some(Injured))),
        (
            "how many Armenians and Azerbaijanis died?",
            cas(None, None, Some(Killed)),
        ),
        (
            "how many were killed or wounded on the Armenian side",
            cas(None, AM, None),
        ),
        (
            "death toll in the Karabakh clash",
            cas(Some("Karabakh clash"), None, Some(Killed)),
        ),
        (
            "how many soldiers did Azerbaijan say were killed",
            cas(None, None, Some(Killed)),
        ),
        (
            "How many Armenian police officers were killed according to Russia?",
            cas(None, AM, Some(Killed)),
        ),
        (
            "how many Armenian police officers from Karabakh were killed",
            cas(Some("Karabakh"), AM, Some(Killed)),
        ),
        ("any prisoners taken?", cas(None, None, Some(Captured))),
        (
            "are there any prisoners of war",
            cas(None, None, Some(Captured)),
        ),
        (
            "is anyone missing after the shootout",
            cas(Some("shootout"), None, Some(Missing)),
        ),
        (
            "how many died on March 5?",
            cas(Some("March 5"), None, Some(Killed)),
        ),
        (
            "how many Karabakh police died",
            cas(None, Some("karabakh"), Some(Killed)),
        ),
        (
            "ethnic armenian casualties",
            cas(None, Some("karabakh"), None),
        ),
        ("Azerbaijani losses", cas(None, AZ, None)),
        (
            "how many injuried azerbaijani soldiers",
            cas(None, AZ, Some(Injured)),
        ),
        (
            "how many Azerbaijani troops were killed by Armenian forces",
            cas(None, AZ, Some(Killed)),
        ),
        // Statements.
        (
            "what did Baku say about the peacekeepers?",
            st("azerbaijan", Some("peacekeepers")),
        ),
        (
            "what did Azərbaycan say about the ambush",
            st("azerbaijan", Some("ambush")),
        ),
        (
            "what did Россия say about the clash?",
            st("russia", Some("clash")),
        ),
        (
            "азербайджан statement on lachin",
            st("azerbaijan", Some("lachin")),
        ),
        (
            "Russia’s position on the shootout",
            st("russia", Some("shootout")),
        ),
        ("Baku's statement", st("azerbaijan", None)),
        ("did Armenia deny the claim?", st("armenia", None)),
        (
            "what does the Kremlin claim about the peacekeepers",
            st("russia", Some("peacekeepers")),
        ),
        (
            "what did the Azerbaijani defense ministry say",
            sts("azerbaijan", None, "defense ministry"),
        ),
        (
            "what did Armenia's interior ministry say about the police officers",
            sts("armenia", Some("police officers"), "interior ministry"),
        ),
        (
            "Pashinyan statment on the ceasefire",
            sts("armenia", Some("ceasefire"), "Pashinyan"),
        ),
        (
            "what did Aliyev say about the peace treaty?",
            sts("azerbaijan", Some("peace treaty"), "Aliyev"),
        ),
        ("what was Moscow's reaction", st("russia", None)),
        (
            "statement by the Russian defense ministry",
            sts("russia", None, "defense ministry"),
        ),
        ("whats armenias positon", st("armenia", None)),
        (
            "what did Azerbaijn say about the Russian statement",
            st("azerbaijan", Some("Russian")),
        ),
        (
            "what did the Russian Foreign Ministry say about the shooting on Sunday",
            sts("russia", Some("shooting Sunday"), "Foreign Ministry"),
        ),
        ("what did the US say", st("us", None)),
        (
            "what did Peskov tell reporters",
            sts("russia", None, "Peskov"),
        ),
        (
            "tell me about the weapons transport",
            se("weapons transport"),
        ),
        (
            "did Azerbaijan deny that its soldiers fired first",
            st("azerbaijan", Some("soldiers fired first")),
        ),
        // Timeline.
        ("when did the 2020 war end?", tl(Some("2020 war end"))),
        ("when did the clashes erupt", tl(Some("clashes erupt"))),
        (
            "what date was the cease-fire agreement signed?",
            tl(Some("cease fire agreement signed")),
        ),
        ("When was the shootout", tl(Some("shootout"))),
        ("what happened on March 5?", tl(Some("March 5"))),
        ("what happened in Lachin", se("Lachin")),
        ("when?", tl(None)),
        // Who: passages and statements that answer.
        ("who fired first", se("fired first")),
        (
            "who said the facts were distorted?",
            se("said facts distorted"),
        ),
        ("Who stopped the clash?", se("stopped clash")),
        // Anything else.
        (
            "how many settlements did Azerbaijan liberate",
            se("settlements Azerbaijan liberate"),
        ),
        ("peacekeepers", se("peacekeepers")),
        (
            "why did Russia's peacekeepers intervene?",
            se("Russia peacekeepers intervene"),
        ),
        ("where is the Lachin road", se("Lachin road")),
        (
            "tell me about the \"ambush\" (AND OR -weapons +vehicles) title:foo",
            se("ambush weapons vehicles title foo"),
        ),
        ("help", Request::Help),
        ("what sources do you have?", Request::Sources),
        ("???", Request::Help),
    ]
}

/// The command name and `(option, value)` pairs a request must parse back to.
fn expected_options(request: &Request) -> (&'static str, Vec<(String, String)>) {
    let pair = |n: &str, v: &str| (n.to_string(), v.to_string());
    let mut options = Vec::new();
    let name = match request {
        Request::Search { query } => {
            options.push(pair("query", query));
            "search"
        }
        Request::Casualties {
            query,
            side,
            status,
            explain,
        } => {
            options.extend(query.as_deref().map(|q| pair("query", q)));
            options.extend(side.as_deref().map(|s| pair("side", s)));
            options.extend(status.map(|s| pair("status", status_name(s))));
            options.extend(explain.then(|| pair("explain", "true")));
            "casualties"
        }
        Request::Statement {
            party,
            topic,
            speaker,
            explain,
        } => {
            options.push(pair("party", party));
            options.extend(topic.as_deref().map(|t| pair("topic", t)));
            options.extend(speaker.as_deref().map(|s| pair("speaker", s)));
            options.extend(explain.then(|| pair("explain", "true")));
            "statement"
        }
        Request::Timeline { query } => {
            options.extend(query.as_deref().map(|q| pair("query", q)));
            "timeline"
        }
        Request::Sources => "sources",
        Request::Help => "help",
        Request::Ask { question } => {
            options.push(pair("question", question));
            "ask"
        }
    };
    options.sort();
    (name, options)
}

/// The command a reading offers parses back to its request, and its free text holds
/// nothing the query parser could read as syntax.
fn assert_command_matches(reading: &Reading, gazetteer: &Gazetteer) {
    let invocation = parse_line(&reading.command)
        .unwrap_or_else(|e| panic!("`{}` does not parse: {e}", reading.command));
    let (name, expected) = expected_options(&reading.request);
    assert_eq!(invocation.command.name, name, "{}", reading.command);
    let mut got: Vec<(String, String)> = invocation
        .options
        .iter()
        .map(|(n, v)| (n.to_string(), v.as_text().unwrap_or_default().to_string()))
        .collect();
    got.sort();
    assert_eq!(got, expected, "{}", reading.command);
    for (option, value) in &got {
        match option.as_str() {
            "query" | "topic" | "speaker" => assert!(
                value.chars().all(|c| c.is_alphanumeric() || c == ' ')
                    && !value.split(' ').any(|w| ["AND", "OR", "NOT"].contains(&w)),
                "{option}:{value}"
            ),
            "side" | "party" => {
                assert_eq!(
                    gazetteer.resolve(value).map(|p| p.id.as_str()),
                    Some(value.as_str())
                )
            }
            _ => {}
        }
    }
}

#[test]
fn questions_in_plain_words_are_read_as_the_right_request() {
    let gazetteer = Gazetteer::builtin();
    let rows = table();
    assert!(rows.len() >= 40, "{} rows", rows.len());
    let mut wrong = Vec::new();
    for (question, expected) in &rows {
        let reading = read(question, &gazetteer);
        if reading.request != *expected {
            wrong.push(format!(
                "{question:?}\n   got {:?}\n  want {expected:?}",
                reading.request
            ));
        }
        assert_command_matches(&reading, &gazetteer);
    }
    assert!(
        wrong.is_empty(),
        "{} misread:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_reading_says_in_words_how_the_question_was_taken() {
    let g = Gazetteer::builtin();
    let r = read("how many Azerbaijani soldiers were killed?", &g);
    assert_eq!(r.read_as, "casualties on the Azerbaijani side (killed)");
    assert_eq!(r.command, "/casualties side:azerbaijan status:killed");
    let r = read("what did Baku say about the peacekeepers?", &g);
    assert_eq!(r.read_as, "statements of Azerbaijan about peacekeepers");
    assert_eq!(r.command, "/statement party:azerbaijan topic:peacekeepers");
    assert_eq!(
        read("when did the 2020 war end?", &g).read_as,
        "dated events about 2020 war end"
    );
    assert_eq!(
        read("who fired first", &g).read_as,
        "passages about fired first"
    );
    let r = read("how many died in Lachin", &g);
    assert_eq!(r.read_as, "casualties (killed) in reports about Lachin");
    assert_eq!(r.command, "/casualties status:killed query:Lachin");
    let r = read("how many EU monitors were hurt", &g);
    assert!(
        r.read_as
            .starts_with("casualties on the side of European Union"),
        "{}",
        r.read_as
    );
}

#[test]
fn content_words_drop_stop_and_question_words_and_syntax() {
    assert_eq!(
        content_words("When did the 2020 war END?"),
        ["2020", "war", "END"]
    );
    assert_eq!(
        content_words("Baku’s \"claims\": NOT true + -false"),
        ["Baku", "claims", "true", "false"]
    );
    assert_eq!(
        content_words("didn't we've who's what"),
        Vec::<String>::new()
    );
    assert_eq!(content_words("war War WAR"), ["war"]);
}

fn follow(previous: &str, reply: &str) -> Option<Request> {
    let g = Gazetteer::builtin();
    let previous = read(previous, &g);
    let reading = follow_up(&previous, reply, &g)?;
    assert_command_matches(&reading, &g);
    Some(reading.request)
}

#[test]
fn a_short_reply_adjusts_the_previous_reading() {
    let statement = "what did Baku say about the peacekeepers?";
    assert_eq!(
        follow(statement, "and Russia?"),
        Some(st("russia", Some("peacekeepers")))
    );
    assert_eq!(
        follow(statement, "What about Россия"),
        Some(st("russia", Some("peacekeepers")))
    );
    assert_eq!(
        follow(statement, "and about the ceasefire?"),
        Some(st("azerbaijan", Some("ceasefire")))
    );
    let killed = "how many Azerbaijani soldiers were killed?";
    assert_eq!(
        follow(killed, "and the Armenian side?"),
        Some(cas(None, AM, Some(Killed)))
    );
    assert_eq!(
        follow(killed, "what about the wounded?"),
        Some(cas(None, AZ, Some(Injured)))
    );
    assert_eq!(
        follow(killed, "Russia?"),
        Some(cas(None, Some("russia"), Some(Killed)))
    );
    assert_eq!(
        follow(killed, "and in Lachin?"),
        Some(cas(Some("Lachin"), AZ, Some(Killed)))
    );
    assert_eq!(
        follow(killed, "and killed or wounded?"),
        Some(cas(None, AZ, None))
    );
    assert_eq!(
        follow("what is Russia's role", "and Armenia?"),
        Some(se("Armenia role"))
    );
    assert_eq!(
        follow("when did Russia stop the clash", "and Armenia?"),
        Some(tl(Some("Armenia stop clash")))
    );
}

#[test]
fn a_reply_that_is_not_a_follow_up_is_answered_fresh() {
    let killed = "how many Azerbaijani soldiers were killed?";
    let statement = "what did Baku say about the peacekeepers?";
    assert_eq!(follow(statement, "thanks!"), None);
    assert_eq!(follow(killed, "thanks!"), None);
    assert_eq!(follow(killed, "what did Russia say about the clash?"), None);
    assert_eq!(follow(statement, "how many died in Lachin?"), None);
    assert_eq!(follow(statement, "and when did the war end?"), None);
    assert_eq!(follow(killed, "Lachin road checkpoint"), None);
    assert_eq!(follow(killed, "and Russia and Armenia?"), None);
    assert_eq!(follow("help", "and Russia?"), None);
    assert_eq!(follow("who fired first", "and Russia?"), None);
    assert_eq!(follow(killed, ""), None);
}

#[test]
fn long_questions_are_cut_and_queries_fit_an_option() {
    let g = Gazetteer::builtin();
    let question = "ambush ".repeat(10) + &"word".repeat(5_000) + &" clash".repeat(2_000);
    let reading = read(&question, &g);
    assert_command_matches(&reading, &g);
    let many: String = (0..400).map(|i| format!("w{i} ")).collect();
    let reading = read(&many, &g);
    assert_command_matches(&reading, &g);
    let Request::Search { query } = &reading.request else {
        panic!("{:?}", reading.request)
    };
    assert!(query.chars().count() <= MAX_QUERY_CHARS);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_is_read_without_panic_and_its_command_parses_back(text in ".{0,700}") {
        let g = Gazetteer::builtin();
        let reading = read(&text, &g);
        assert_command_matches(&reading, &g);
        if let Some(next) = follow_up(&reading, &text, &g) {
            assert_command_matches(&next, &g);
        }
    }

    #[test]
    fn question_like_soup_is_read_without_panic(words in proptest::collection::vec(
        prop_oneof![
            Just("how"), Just("many"), Just("killed"), Just("kiled"), Just("who"), Just("when"),
            Just("what"), Just("did"), Just("say"), Just("about"), Just("Baku’s"), Just("Россия"),
            Just("Azərbaycan"), Just("U.S."), Just("US"), Just("WHO"), Just("side:"), Just("query:"),
            Just("status:killed"), Just("\""), Just("“"), Just("("), Just(")"), Just("-"), Just("+"),
            Just("AND"), Just("OR"), Just("NOT"), Just("and"), Just("Armenian"), Just("police"),
            Just("ethnic"), Just("Karabakh"), Just("'"), Just("’s"), Just("?"), Just("."), Just("é"),
            Just("2020"), Just("topic:"), Just("party:"), Just("*"), Just("~"), Just("^2"),
        ],
        0..60,
    )) {
        let g = Gazetteer::builtin();
        for text in [words.join(" "), words.concat()] {
            let reading = read(&text, &g);
            assert_command_matches(&reading, &g);
            for reply in ["and Russia?", "what about the wounded?", text.as_str()] {
                if let Some(next) = follow_up(&reading, reply, &g) {
                    assert_command_matches(&next, &g);
                }
            }
        }
    }
}
