//! Feed specs, filters and reports: keyword and regex matching, validation that names the
//! wrong field, and the JSON form of poll reports and feed status.

use super::*;

#[test]
fn keywords_match_whole_words_and_phrases() {
    let spec = FeedSpec {
        include: strings(&["war", "peace talks", "C++", "/^breaking:/"]),
        ..FeedSpec::new("https://example.com/feed")
    };
    let filter = spec.filter().unwrap();
    assert!(filter.accepts("The war goes on"));
    assert!(filter.accepts("War."));
    assert!(!filter.accepts("New software released"));
    assert!(filter.accepts("Peace\n talks in Brussels"));
    assert!(filter.accepts("about C++ compilers"));
    assert!(filter.accepts("Breaking: news"));
    assert!(!filter.accepts("Not breaking: news"));
    assert!(
        FeedSpec::new("https://example.com/feed")
            .filter()
            .unwrap()
            .accepts("x")
    );
}

#[test]
fn bot_toml_feeds_are_validated_when_opened() {
    let setup = Setup::new();
    let twice = setup
        .try_open(vec![
            FeedSpec::new("https://a.example/rss"),
            FeedSpec::new("https://A.example/rss/"),
        ])
        .err()
        .unwrap();
    assert!(twice.to_string().contains("listed twice"), "{twice}");
    let bad = setup
        .try_open(vec![FeedSpec {
            interval_minutes: 0,
            ..FeedSpec::new("https://a.example/rss")
        }])
        .err()
        .unwrap();
    assert!(
        bad.to_string().contains("in bot.toml: interval_minutes"),
        "{bad}"
    );
}

#[test]
fn a_feed_spec_names_the_field_that_is_wrong() {
    let spec = |f: fn(&mut FeedSpec)| {
        let mut spec = FeedSpec::new("https://example.com/feed");
        f(&mut spec);
        spec.validate()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert_eq!(spec(|_| {}), "");
    assert_eq!(
        spec(|s| s.url = "ftp://example.com/feed".into()),
        "url: only http and https links are accepted, not ftp:"
    );
    assert!(spec(|s| s.url = "not a link".into()).starts_with("url: not a usable link"));
    assert_eq!(
        spec(|s| s.interval_minutes = 1441),
        "interval_minutes: must be between 1 and 1440 (a day), not 1441"
    );
    assert_eq!(
        spec(|s| s.include = strings(&["/[a/"])),
        "include: \"/[a/\" is not a valid regular expression (unclosed character class)"
    );
    assert_eq!(
        spec(|s| s.exclude = strings(&["  "])),
        "exclude: \"  \" is empty: it would match everything"
    );
    assert_eq!(
        spec(|s| s.exclude = strings(&["//"])),
        "exclude: \"//\" is an empty regular expression"
    );

    #[derive(Debug, serde::Deserialize)]
    struct Toml {
        feeds: Vec<FeedSpec>,
    }
    let parsed: Toml = toml::from_str(
        "[[feeds]]\nurl = \"https://a.example/rss\"\n[[feeds]]\nurl = \"https://b.example/rss\"\ninterval_minutes = 5\ninclude = [\"Lachin\"]\n",
    )
    .unwrap();
    assert_eq!(parsed.feeds[0].interval_minutes, DEFAULT_INTERVAL_MINUTES);
    assert_eq!(parsed.feeds[1].include, strings(&["Lachin"]));
    let unknown =
        toml::from_str::<Toml>("[[feeds]]\nurl = \"https://a.example/rss\"\ninterval = 5\n")
            .unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `interval`"),
        "{unknown}"
    );
}

#[test]
fn reports_serialise_for_json_output() {
    let report = PollReport {
        url: "https://a.example/rss".into(),
        first_poll: false,
        outcome: PollOutcome::Failed {
            error: "timed out after 15 s".into(),
        },
        seconds: 15.0,
    };
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["outcome"]["status"], "failed");
    assert_eq!(json["outcome"]["error"], "timed out after 15 s");
    let status = FeedStatus {
        spec: FeedSpec::new("https://a.example/rss"),
        source: FeedSource::Config,
        first_poll_done: false,
        last_poll: None,
        last_success: None,
        last_error: None,
        consecutive_failures: 0,
        next_due: None,
        seen: 0,
    };
    let json = serde_json::to_value(&status).unwrap();
    assert_eq!(json["url"], "https://a.example/rss");
    assert_eq!(json["interval_minutes"], 30);
    assert_eq!(json["source"], "config");
}

#[test]
fn a_spec_error_gives_its_field_apart_from_the_reason() {
    let mut spec = FeedSpec::new("https://example.com/feed");
    spec.include = strings(&["//"]);
    let err = spec.validate().unwrap_err();
    assert!(matches!(
        err,
        SpecError::Pattern {
            field: "include",
            why: PatternError::EmptyRegex,
            ..
        }
    ));
    assert_eq!(err.field(), "include");
    assert_eq!(err.reason(), "\"//\" is an empty regular expression");
}

#[test]
fn an_invalid_feed_says_when_bot_toml_is_where_to_fix_it() {
    let twice = FeedError::Invalid {
        url: "https://a.example/rss".into(),
        in_config: true,
        reason: InvalidFeed::ListedTwice,
    };
    assert_eq!(
        twice.to_string(),
        "feed https://a.example/rss: in bot.toml: listed twice"
    );
    let added = FeedError::Invalid {
        url: "https://a.example/rss".into(),
        in_config: false,
        reason: SpecError::Interval(0).into(),
    };
    assert_eq!(
        added.to_string(),
        "feed https://a.example/rss: interval_minutes: must be between 1 and 1440 (a day), not 0"
    );
    assert!(!added.is_internal());
}
