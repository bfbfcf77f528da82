//! Tests of `bot.toml`: the shipped file and its examples, defaults, errors that name
//! their key and line, HTTP mode, shards, parties, and briefings.

use super::*;

#[test]
fn the_shipped_bot_toml_is_valid_and_states_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("bot.toml");
    let shipped = Config::load(&path, true).unwrap();
    let defaults = Config::default();
    assert_eq!(shipped.answers.max_hits, defaults.answers.max_hits);
    assert_eq!(shipped.discord.token_env, defaults.discord.token_env);
    assert_eq!(
        shipped.discord.admin_permissions,
        defaults.discord.admin_permissions
    );
    assert_eq!(shipped.fetch.max_bytes, defaults.fetch.max_bytes);
    assert!(shipped.feeds.is_empty() && shipped.parties.is_empty());
}

#[test]
fn the_shipped_party_example_is_valid_when_uncommented() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("bot.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text
        .find("# [parties.")
        .expect("bot.toml shows a party table");
    let example: String = text[start..]
        .lines()
        .take_while(|l| l.starts_with("# "))
        .map(|l| format!("{}\n", &l[2..]))
        .collect();
    let config = Config::parse(&example).unwrap_or_else(|e| panic!("{example}\n{e}"));
    assert_eq!(config.parties.len(), 1, "{example}");
}

#[test]
fn the_shipped_briefing_example_is_valid_when_uncommented() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("bot.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text
        .find("# [[briefings]]")
        .expect("bot.toml shows a briefing");
    let example: String = text[start..]
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| format!("{}\n", l.trim_start_matches('#').trim_start()))
        .collect();
    let config = Config::parse(&example).unwrap_or_else(|e| panic!("{example}\n{e}"));
    assert_eq!(config.briefing_names(), vec!["karabakh"], "{example}");
    assert_eq!(config.briefings[0].feeds.len(), 1, "{example}");
}

#[test]
fn an_empty_file_gives_the_defaults() {
    let config = Config::parse("").unwrap();
    assert_eq!(config.index.path, PathBuf::from("index"));
    assert_eq!(config.discord.token_env, "DISCORD_TOKEN");
    assert_eq!(config.answers.max_hits, 10);
}

#[test]
fn an_unknown_key_is_an_error_naming_key_and_line() {
    let err = Config::parse("[index]\npath = \"x\"\ncolour = \"red\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("colour"), "{err}");
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn a_bad_value_is_an_error_naming_key_and_line() {
    let err = Config::parse("[answers]\n\nmax_hits = 0\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 3") && err.contains("max_hits"), "{err}");
    let err = Config::parse("[discord]\nguild_ids = [\"abc\"]\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn feeds_are_tables_and_a_bad_one_is_an_error() {
    let config =
        Config::parse("[[feeds]]\nurl = \"https://example.org/rss\"\ninclude = [\"karabakh\"]\n")
            .unwrap();
    assert_eq!(config.feeds.len(), 1);
    assert_eq!(config.feeds[0].include, vec!["karabakh"]);
    let err = Config::parse("[[feeds]]\nurl = \"ftp://example.org/rss\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 2") && err.contains("ftp"), "{err}");
}

#[test]
fn a_party_never_takes_a_name_from_another() {
    let err = Config::parse("[parties.x]\nname = \"X\"\naliases = [\"azerbaijan\", \"baku\"]\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("line 3: parties.x.aliases[1]") && err.contains("Azerbaijan"),
        "{err}"
    );
    let err = Config::parse("[parties.x]\nname = \"Baku\"\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("line 2: parties.x.name") && err.contains("Azerbaijan"),
        "{err}"
    );
    let err = Config::parse(
        "[parties.a]\nname = \"A\"\naliases = [\"Alpha\"]\n\n[parties.b]\nname = \"B\"\naliases = [\"alpha\"]\n",
    )
    .unwrap_err().to_string();
    assert!(err.starts_with("line 7: parties.b.aliases[1]"), "{err}");
    // A built-in party may take more names of its own.
    Config::parse("[parties.azerbaijan]\naliases = [\"Azerbaijan\", \"Absheron command\"]\n")
        .unwrap();
}

#[test]
fn an_empty_or_misspelt_party_is_an_error_at_its_line() {
    for (text, expected) in [
        (
            "[parties.x]\nname = \"\"\n",
            "line 2: parties.x.name: is empty",
        ),
        (
            "\n[parties.x]\nname = \"X\"\naliases = [\" \"]\n",
            "line 4: parties.x.aliases[1]",
        ),
        (
            "[answers]\nmax_hits = 3\n\n[parties.NARNIA]\nname = \"Narnia\"\n",
            "line 4: parties.NARNIA: a party id",
        ),
        (
            "[parties.narnia]\naliases = [\"Narnia\"]\n",
            "line 1: parties.narnia: is a new party",
        ),
    ] {
        let err = Config::parse(text).unwrap_err().to_string();
        assert!(err.starts_with(expected), "{text:?}: {err}");
    }
}

#[test]
fn a_feed_error_points_at_the_key_and_feed_it_is_about() {
    let text = "[[feeds]]\nurl = \"https://a.example/rss\"\n\n[[feeds]]\nurl = \"https://b.example/rss\"\ninterval_minutes = 0\n";
    let err = Config::parse(text).unwrap_err().to_string();
    assert!(
        err.starts_with("line 6: feeds[2].interval_minutes"),
        "{err}"
    );
    let err = Config::parse("[fetch]\nmax_bytes = 1\ntimeout_seconds = 0\n")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("line 3: fetch.timeout_seconds"), "{err}");
}

#[test]
fn http_mode_needs_a_public_key_and_an_address() {
    let key = "67c6bd767ca099e79efac9fcce4d2022a63bf7dea780e7f3d813f694c1597089";
    let config = Config::parse(&format!(
        "[discord]\nmode = \"http\"\nlisten = \"0.0.0.0:9000\"\npublic_key = \"{key}\"\n"
    ))
    .unwrap();
    assert_eq!(config.discord.mode, Mode::Http);
    assert_eq!(Config::parse("").unwrap().discord.mode, Mode::Gateway);
    for (text, expected) in [
        (
            "[discord]\nmode = \"http\"\n",
            "line 2: discord.mode: \"http\" needs public_key",
        ),
        (
            "[discord]\npublic_key = \"abc\"\n",
            "line 2: discord.public_key: must be",
        ),
        (
            "[discord]\nlisten = \"localhost\"\n",
            "line 2: discord.listen: must be",
        ),
    ] {
        let err = Config::parse(text).unwrap_err().to_string();
        assert!(err.starts_with(expected), "{text}: {err}");
    }
    let err = Config::parse("[discord]\nmode = \"carrier pigeon\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 2") && err.contains("gateway"), "{err}");
}

#[test]
fn shards_are_auto_or_a_consecutive_share_of_a_total() {
    let parse = |text: &str| Config::parse(&format!("[discord]\n{text}\n"));
    assert_eq!(parse("").unwrap().sharding(), Sharding::One);
    assert_eq!(
        parse("shards = \"auto\"").unwrap().sharding(),
        Sharding::Auto
    );
    assert_eq!(
        parse("shard_ids = [2, 3]\nshard_total = 4")
            .unwrap()
            .sharding(),
        Sharding::Range {
            first: 2,
            last: 3,
            total: 4
        }
    );
    assert_eq!(
        parse("shard_ids = [1]\nshard_total = 2")
            .unwrap()
            .sharding(),
        Sharding::Range {
            first: 1,
            last: 1,
            total: 2
        }
    );
    assert_eq!(
        parse("shard_total = 3").unwrap().sharding(),
        Sharding::Range {
            first: 0,
            last: 2,
            total: 3
        }
    );
    for (text, expected) in [
        ("shards = 2", "line 2"),
        (
            "shards = \"many\"",
            "line 2: discord.shards: must be \"auto\"",
        ),
        (
            "shards = \"auto\"\nshard_total = 2",
            "line 2: discord.shards: \"auto\" takes",
        ),
        (
            "shard_ids = [0]",
            "line 2: discord.shard_ids: needs shard_total",
        ),
        (
            "shard_ids = [0, 2]\nshard_total = 4",
            "line 2: discord.shard_ids: must be consecutive",
        ),
        (
            "shard_ids = [3, 4]\nshard_total = 4",
            "line 2: discord.shard_ids: shard 4 is not below",
        ),
        (
            "shard_ids = [1, 0]\nshard_total = 4",
            "line 2: discord.shard_ids: must be consecutive",
        ),
        (
            "shard_total = 0",
            "line 2: discord.shard_total: must be at least 1",
        ),
        ("shard_ids = [-1]\nshard_total = 2", "line 2"),
        (
            "mode = \"http\"\npublic_key = \"67c6bd767ca099e79efac9fcce4d2022a63bf7dea780e7f3d813f694c1597089\"\nshards = \"auto\"",
            "line 2: discord.mode: shards are gateway connections",
        ),
    ] {
        let err = parse(text).unwrap_err().to_string();
        // A value of the wrong type is toml's own error, which names the line too.
        let said = match expected {
            "line 2" => err.contains(expected),
            _ => err.starts_with(expected),
        };
        assert!(said, "{text}: {err}");
    }
}

#[test]
fn the_token_is_never_a_file_key() {
    let err = Config::parse("[discord]\ntoken = \"abc\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("token"), "{err}");
}

#[test]
fn relative_paths_are_resolved_against_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bot.toml");
    std::fs::write(&path, "[corpus]\nfolders = [\"docs\"]\n").unwrap();
    let config = Config::load(&path, true).unwrap();
    assert_eq!(config.corpus.folders, vec![dir.path().join("docs")]);
    assert_eq!(config.index.path, dir.path().join("index"));
}

#[test]
fn a_missing_file_is_an_error_only_when_named() {
    let missing = Path::new("/nonexistent/bot.toml");
    assert!(Config::load(missing, false).is_ok());
    assert!(Config::load(missing, true).is_err());
}

const TWO_BRIEFINGS: &str = "[discord]\nadmin_roles = [9]\n\n[[briefings]]\nname = \"karabakh\"\ncorpus = [\"k/corpus\"]\nindex = \"k/index\"\nguild_ids = [111]\nadmin_roles = [5]\naudit_channel = 7\n\n[[briefings.feeds]]\nurl = \"https://k.example/rss\"\n\n[[briefings]]\nname = \"glacier\"\ncorpus = [\"g/corpus\"]\nindex = \"g/index\"\nguild_ids = [222]\nchannel_ids = [333]\n";

#[test]
fn without_briefings_the_default_one_is_the_whole_configuration() {
    let config = Config::parse("[index]\npath = \"here\"\n").unwrap();
    assert_eq!(config.briefing_names(), vec![DEFAULT_BRIEFING]);
    let default = config.briefing(DEFAULT_BRIEFING).unwrap();
    assert_eq!(default.index.path, PathBuf::from("here"));
    let err = config.briefing("karabakh").unwrap_err();
    assert!(err.message.contains("no [[briefings]]"), "{err}");
}

#[test]
fn a_briefing_has_its_own_corpus_index_feeds_moderators_and_channels() {
    let config = Config::parse(TWO_BRIEFINGS).unwrap();
    assert_eq!(config.briefing_names(), vec!["karabakh", "glacier"]);
    let k = config.briefing("karabakh").unwrap();
    assert_eq!(k.corpus.folders, vec![PathBuf::from("k/corpus")]);
    assert_eq!(k.index.path, PathBuf::from("k/index"));
    assert_eq!(k.ingested_folder(), PathBuf::from("k/corpus/ingested"));
    assert_eq!(k.feeds.len(), 1);
    assert_eq!(k.discord.admin_roles, vec![9, 5]);
    assert_eq!(k.discord.audit_channel, Some(7));
    assert!(k.briefings.is_empty());
    let g = config.briefing("glacier").unwrap();
    assert_eq!(g.discord.admin_roles, vec![9]);
    assert_eq!(g.discord.audit_channel, None);
    assert!(g.feeds.is_empty());
    let err = config.briefing("nowhere").unwrap_err();
    assert!(err.message.contains("karabakh, glacier"), "{err}");
}

#[test]
fn briefings_never_share_a_place_a_folder_or_a_name() {
    for (change, expected) in [
        (
            ("guild_ids = [222]", "guild_ids = [111]"),
            "line 19: briefings[2].guild_ids: 111 is already bound to briefing `karabakh`",
        ),
        (
            ("index = \"g/index\"", "index = \"k/index\""),
            "line 16: briefings[2].name: k/index overlaps k/index",
        ),
        (
            ("corpus = [\"g/corpus\"]", "corpus = [\"k/corpus/sub\"]"),
            "line 16: briefings[2].name: k/corpus/sub overlaps k/corpus",
        ),
        (
            ("name = \"glacier\"", "name = \"karabakh\""),
            "line 16: briefings[2].name: `karabakh` already names briefing 1",
        ),
        (
            ("name = \"glacier\"", "name = \"Glacier Two\""),
            "line 16: briefings[2].name: a briefing's name is",
        ),
        (
            ("corpus = [\"g/corpus\"]", "corpus = []"),
            "line 17: briefings[2].corpus: name at least one",
        ),
        (
            (
                "url = \"https://k.example/rss\"",
                "url = \"https://k.example/rss\"\ninterval_minutes = 0",
            ),
            "line 14: briefings[1].feeds[1].interval_minutes",
        ),
    ] {
        let text = TWO_BRIEFINGS.replacen(change.0, change.1, 1);
        let err = Config::parse(&text).unwrap_err().to_string();
        assert!(err.starts_with(expected), "{change:?}: {err}");
    }
}

#[test]
fn with_briefings_the_top_level_corpus_index_feeds_and_posts_are_errors() {
    for (added, expected) in [
        (
            "[corpus]\nfolders = [\"x\"]\n",
            "line 1: corpus: with [[briefings]]",
        ),
        (
            "[index]\npath = \"x\"\n",
            "line 1: index: with [[briefings]]",
        ),
        (
            "[[feeds]]\nurl = \"https://x.example/rss\"\n",
            "line 1: feeds: with [[briefings]]",
        ),
        (
            "[discord]\naudit_channel = 1\n",
            "line 2: discord.audit_channel: with [[briefings]]",
        ),
    ] {
        let text = format!(
            "{added}\n{}",
            TWO_BRIEFINGS.replace("[discord]\nadmin_roles = [9]\n", "")
        );
        let err = Config::parse(&text).unwrap_err().to_string();
        assert!(err.starts_with(expected), "{added}: {err}");
    }
    let err = Config::parse("[memory]\nmax_open = 0\n")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("line 2: memory.max_open"), "{err}");
}

#[test]
fn briefing_paths_are_resolved_against_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bot.toml");
    std::fs::write(&path, TWO_BRIEFINGS).unwrap();
    let config = Config::load(&path, true).unwrap();
    let g = config.briefing("glacier").unwrap();
    assert_eq!(g.corpus.folders, vec![dir.path().join("g/corpus")]);
    assert_eq!(g.index.path, dir.path().join("g/index"));
}
