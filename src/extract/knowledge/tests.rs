//! Tests of the gazetteer: its data files, look-ups, eras and configuration.

use super::*;

fn id(p: Option<&Party>) -> Option<&str> {
    p.map(|p| p.id.as_str())
}

#[test]
fn parties_file_parses_and_names_known_kinds() {
    let file = parse_parties().expect("parties.toml parses");
    assert!(file.party.len() > 100);
    let g = Gazetteer::builtin();
    for entry in &file.party {
        assert!(g.get(&entry.id).is_some(), "{}", entry.id);
        for s in &entry.successors {
            assert!(g.get(s).is_some(), "successor {s} of {}", entry.id);
        }
        if let Some(country) = &entry.country {
            assert!(
                g.get(country).is_some(),
                "country {country} of {}",
                entry.id
            );
        }
    }
}

#[test]
fn resolves_ids_aliases_any_case_and_diacritics() {
    let g = Gazetteer::builtin();
    for (name, want) in [
        ("baku", "azerbaijan"),
        ("BAKU", "azerbaijan"),
        ("Azərbaycan", "azerbaijan"),
        ("Россия", "russia"),
        ("Հայաստան", "armenia"),
        ("us", "us"),
        ("Kiev", "ukraine"),
        ("Artsakh", "karabakh"),
        ("the Azerbaijani Defense Ministry", "azerbaijan"),
        ("Kremlin spokesman Dmitry Peskov", "russia"),
        ("Moscow", "russia"),
        ("ussr", "soviet-union"),
        ("West Germany", "west-germany"),
        ("philippines-rebels", "philippines-rebels"),
        ("Palestinians", "palestine"),
        ("Ivory Coast", "ivory-coast"),
    ] {
        assert_eq!(id(g.resolve(name)), Some(want), "{name}");
    }
    assert_eq!(g.resolve("Atlantis"), None);
}

#[test]
fn the_country_table_gives_names_demonyms_plurals_and_capitals() {
    let g = Gazetteer::builtin();
    let at = |text: &str| {
        let t = crate::extract::tokens::tokenize(text);
        g.match_tokens(&t.toks, 0, None)
            .map(|m| (m.len, g.party(m.party).map(|p| p.id.clone()), m.kind))
    };
    assert_eq!(
        at("Salvadorean troops"),
        Some((1, Some("el-salvador".into()), NameKind::Demonym))
    );
    assert_eq!(
        at("Iraqis fled"),
        Some((1, Some("iraq".into()), NameKind::Demonym))
    );
    assert_eq!(
        at("Libyans"),
        Some((1, Some("libya".into()), NameKind::Demonym))
    );
    assert_eq!(
        at("Ouagadougou"),
        Some((1, Some("burkina-faso".into()), NameKind::Capital))
    );
    assert_eq!(
        at("Sierra Leone's"),
        Some((2, Some("sierra-leone".into()), NameKind::Name))
    );
    // A capitalised name needs its capital: the bird is no party.
    assert_eq!(at("turkey"), None);
    // Spellings the tables lack: a second demonym, regions in the news's English.
    assert_eq!(
        at("Ecuadorian soldiers"),
        Some((1, Some("ecuador".into()), NameKind::Demonym))
    );
    for (place, party) in [
        ("Bekaa Valley", "lebanon"),
        ("Kursk Region", "russia"),
        ("Middle Shabelle", "somalia"),
        ("Kfar Aza", "israel"),
        ("Golani Brigade", "israel"),
        ("AUSSOM", "au"),
    ] {
        assert_eq!(
            at(place).and_then(|(_, p, _)| p).as_deref(),
            Some(party),
            "{place}"
        );
    }
}

#[test]
fn names_mean_the_party_of_their_era() {
    let g = Gazetteer::builtin();
    let on = |text: &str, year: i32| {
        let t = crate::extract::tokens::tokenize(text);
        let date = chrono::NaiveDate::from_ymd_opt(year, 6, 1);
        g.match_tokens(&t.toks, 0, date)
            .and_then(|m| g.party(m.party))
            .map(|p| p.id.clone())
    };
    assert_eq!(on("Moscow said", 1987).as_deref(), Some("soviet-union"));
    assert_eq!(on("Moscow said", 2023).as_deref(), Some("russia"));
    assert_eq!(
        on("West German sailors", 1987).as_deref(),
        Some("west-germany")
    );
    assert_eq!(on("Germany", 1987).as_deref(), Some("west-germany"));
    assert_eq!(on("Germany", 2023).as_deref(), Some("germany"));
    // Cities belong to the state that held them then.
    let t = crate::extract::tokens::tokenize("Moenchengladbach");
    let place = g.place_tokens(&t.toks, 0).expect("a city");
    let then = g.in_era(
        place.parties[0],
        chrono::NaiveDate::from_ymd_opt(1987, 3, 24),
    );
    assert_eq!(g.party(then).map(|p| p.id.as_str()), Some("west-germany"));
}

#[test]
fn places_are_cities_and_regions_with_their_states() {
    let g = Gazetteer::builtin();
    let states = |text: &str| -> Vec<String> {
        let t = crate::extract::tokens::tokenize(text);
        g.place_tokens(&t.toks, 0)
            .map(|p| {
                p.parties
                    .iter()
                    .filter_map(|&i| g.party(i))
                    .map(|p| p.id.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(states("Sagaing"), vec!["myanmar"]);
    assert_eq!(states("Ganja"), vec!["azerbaijan"]);
    assert_eq!(states("Amritsar"), vec!["india"]);
    assert_eq!(states("Punjab"), vec!["india", "pakistan"]);
    // Common words and seas are no places.
    assert!(states("Bank").is_empty());
    assert!(states("Red Sea").is_empty());
    assert!(states("police").is_empty());
}

#[test]
fn short_capital_aliases_do_not_match_ordinary_words() {
    let g = Gazetteer::builtin();
    assert!(g.match_words(&["told", "us", "that"], 1).is_none());
    assert_eq!(
        g.match_words(&["the", "US", "said"], 1)
            .map(|(_, p)| p.id.as_str()),
        Some("us")
    );
}

#[test]
fn hyphenated_compounds_resolve_through_their_parts() {
    let g = Gazetteer::builtin();
    let at = |words: &[&str]| g.match_words(words, 0).map(|(n, p)| (n, p.id.clone()));
    assert_eq!(
        at(&["ethnic-Armenian", "authorities"]),
        Some((2, "karabakh".into()))
    );
    assert_eq!(at(&["Moscow-brokered", "truce"]).map(|x| x.0), Some(1));
    assert_eq!(at(&["Hamas-led", "gunmen"]), Some((1, "hamas".into())));
    assert_eq!(at(&["anti-terrorist", "measures"]), None);
}

#[test]
fn config_adds_parties_and_extends_existing_ones() {
    let mut configs = BTreeMap::new();
    configs.insert(
        "wakanda".to_string(),
        PartyConfig {
            name: Some("Wakanda".into()),
            aliases: vec!["Birnin Zana".into()],
        },
    );
    configs.insert(
        "armenia".to_string(),
        PartyConfig {
            name: None,
            aliases: vec!["Erebuni".into()],
        },
    );
    let g = Gazetteer::with_config(&configs).expect("valid config");
    assert_eq!(id(g.resolve("birnin zana")), Some("wakanda"));
    assert_eq!(id(g.resolve("Erebuni")), Some("armenia"));
    assert_eq!(g.get("armenia").map(|p| p.name.as_str()), Some("Armenia"));
}

#[test]
fn config_errors_name_the_bad_id() {
    let mut configs = BTreeMap::new();
    configs.insert("Bad Id".to_string(), PartyConfig::default());
    assert!(
        Gazetteer::with_config(&configs)
            .unwrap_err()
            .to_string()
            .contains("Bad Id")
    );
    let mut configs = BTreeMap::new();
    configs.insert("newparty".to_string(), PartyConfig::default());
    let err = Gazetteer::with_config(&configs).unwrap_err();
    assert_eq!(err, PartyError::NewWithoutName("newparty".into()));
    assert_eq!(
        err.to_string(),
        "party `newparty` is new and needs a `name`"
    );
}

#[test]
fn closest_suggests_near_misses() {
    let g = Gazetteer::builtin();
    let ids: Vec<&str> = g
        .closest("armenai", 3)
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"armenia"));
    assert!(g.closest("zzzzzzzzzzzz", 3).is_empty());
}

#[test]
fn a_demonym_the_table_shares_stays_with_the_most_populous_country() {
    let g = Gazetteer::builtin();
    for (name, want) in [
        ("American", "us"),
        ("Indian", "india"),
        ("American delegation", "us"),
    ] {
        assert_eq!(id(g.resolve(name)), Some(want), "{name}");
    }
}

#[test]
fn a_short_foreign_spelling_does_not_make_initials_a_country() {
    let g = Gazetteer::builtin();
    let t = crate::extract::tokens::tokenize(
        "Oleh Syniehubov, Head of Kharkiv Oblast Military Administration (OMA), said.",
    );
    let oma = t.toks.iter().position(|x| x.text == "OMA").expect("OMA");
    assert!(g.match_tokens_case(&t.toks, oma, None, false).is_none());
    // The country's own names still are.
    let t = crate::extract::tokens::tokenize("Oman said.");
    assert!(g.match_tokens_case(&t.toks, 0, None, false).is_some());
}
