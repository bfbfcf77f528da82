//! The word classes the extractor reads by, loaded from `lexicon.toml`: each normalised word
//! maps to a set of class bits, looked up once per token when a paragraph is tokenized, so
//! the rules test bits rather than search lists.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

const LEXICON: &str = include_str!("lexicon.toml");

/// One bit per word class of `lexicon.toml`, named `section.key`.
pub(crate) mod class {
    pub const SPEECH_VERB: u64 = 1 << 0;
    pub const PARTICIPLE: u64 = 1 << 1;
    pub const DENIAL: u64 = 1 << 2;
    pub const VENUE: u64 = 1 << 3;
    pub const PASSIVE_REPORT: u64 = 1 << 4;
    pub const REPRODUCE: u64 = 1 << 5;
    pub const INSTITUTION: u64 = 1 << 6;
    pub const PERSON_TITLE: u64 = 1 << 7;
    pub const MEDIA: u64 = 1 << 8;
    pub const STATE_MEDIA: u64 = 1 << 9;
    pub const NONPARTY: u64 = 1 << 10;
    pub const STATE_SOURCES: u64 = 1 << 11;
    pub const NONPARTY_SOURCES: u64 = 1 << 12;
    pub const PEOPLE: u64 = 1 << 13;
    pub const COMBATANT: u64 = 1 << 14;
    pub const HOSTILE: u64 = 1 << 15;
    pub const REBELS: u64 = 1 << 16;
    pub const CIVILIAN: u64 = 1 << 17;
    pub const NOT_PEOPLE: u64 = 1 << 18;
    pub const RETREAT: u64 = 1 << 19;
    pub const KILLED: u64 = 1 << 20;
    pub const INJURED: u64 = 1 << 21;
    pub const MISSING: u64 = 1 << 22;
    pub const CAPTURED: u64 = 1 << 23;
    pub const ACTIVE_KILLED: u64 = 1 << 24;
    pub const ACTIVE_INJURED: u64 = 1 << 25;
    pub const ACTIVE_CAPTURED: u64 = 1 << 26;
    pub const NOUN_KILLED: u64 = 1 << 27;
    pub const NOUN_INJURED: u64 = 1 << 28;
    pub const NOUN_MISSING: u64 = 1 << 29;
    pub const NOUN_CAPTURED: u64 = 1 << 30;
    pub const NOUN_EITHER: u64 = 1 << 31;
    pub const ARREST: u64 = 1 << 32;
    pub const AUXILIARY: u64 = 1 << 33;
    pub const CLAUSE_OPENER: u64 = 1 << 34;
    pub const TIME: u64 = 1 << 35;
    pub const SPEAKER_ADVERB: u64 = 1 << 36;
    pub const PRONOUN: u64 = 1 << 37;
    pub const NP_STOP: u64 = 1 << 38;
    pub const LOCATIVE: u64 = 1 << 39;
    pub const FOREIGN_PREP: u64 = 1 << 40;
    pub const SPONSOR_TAIL: u64 = 1 << 41;
    pub const STANCE_PREFIX: u64 = 1 << 42;
    pub const ATTACK_NOUN: u64 = 1 << 43;
    pub const ATTACK_VERB: u64 = 1 << 44;
    pub const NEGATION: u64 = 1 << 45;
    pub const DOUBT: u64 = 1 << 46;
    pub const OBJECT_VERB: u64 = 1 << 47;
    pub const EVENT: u64 = 1 << 48;
    pub const OFFICE: u64 = 1 << 49;
    pub const DOMESTIC: u64 = 1 << 50;
    pub const NONPARTY_MARK: u64 = 1 << 51;
    pub const GROUP_NOUN: u64 = 1 << 52;
    pub const SECURITY: u64 = 1 << 53;
    pub const PRESENT: u64 = 1 << 54;
    pub const COMPASS: u64 = 1 << 55;
    pub const FREEING: u64 = 1 << 56;
    pub const TRADE_BODY: u64 = 1 << 57;
    pub const TRADE: u64 = 1 << 58;
    pub const WITNESS_TRADE: u64 = 1 << 59;
    pub const MEDICAL_PLACE: u64 = 1 << 60;
    pub const RANK: u64 = 1 << 61;
    pub const MARTYR: u64 = 1 << 62;
    pub const OFFICE_KIND: u64 = 1 << 63;

    /// Any verb taking the people hit as its object.
    pub const ACTIVE: u64 = ACTIVE_KILLED | ACTIVE_INJURED | ACTIVE_CAPTURED;
}

/// The class of each `section.key` of lexicon.toml.
const CLASSES: &[(&str, u64)] = &[
    ("speech.verbs", class::SPEECH_VERB),
    ("speech.participles", class::PARTICIPLE),
    ("speech.denials", class::DENIAL),
    ("speech.venues", class::VENUE),
    ("speech.passive_reports", class::PASSIVE_REPORT),
    ("speech.reproduce", class::REPRODUCE),
    ("speech.present", class::PRESENT),
    ("nouns.institution", class::INSTITUTION),
    ("nouns.person_title", class::PERSON_TITLE),
    ("nouns.offices", class::OFFICE),
    ("nouns.domestic", class::DOMESTIC),
    ("nouns.nonparty_marks", class::NONPARTY_MARK),
    ("nouns.groups", class::GROUP_NOUN),
    ("nouns.security", class::SECURITY),
    ("nouns.media", class::MEDIA),
    ("nouns.state_media", class::STATE_MEDIA),
    ("nouns.nonparty", class::NONPARTY),
    ("nouns.state_sources", class::STATE_SOURCES),
    ("nouns.nonparty_sources", class::NONPARTY_SOURCES),
    ("nouns.people", class::PEOPLE),
    ("nouns.combatants", class::COMBATANT),
    ("nouns.ranks", class::RANK),
    ("nouns.martyrs", class::MARTYR),
    ("nouns.office_kinds", class::OFFICE_KIND),
    ("nouns.hostile", class::HOSTILE),
    ("nouns.rebels", class::REBELS),
    ("nouns.civilians", class::CIVILIAN),
    ("nouns.not_people", class::NOT_PEOPLE),
    ("nouns.retreat_verbs", class::RETREAT),
    ("status.killed", class::KILLED),
    ("status.injured", class::INJURED),
    ("status.missing", class::MISSING),
    ("status.captured", class::CAPTURED),
    ("status.active_killed", class::ACTIVE_KILLED),
    ("status.active_injured", class::ACTIVE_INJURED),
    ("status.active_captured", class::ACTIVE_CAPTURED),
    ("status.noun_killed", class::NOUN_KILLED),
    ("status.noun_injured", class::NOUN_INJURED),
    ("status.noun_missing", class::NOUN_MISSING),
    ("status.noun_captured", class::NOUN_CAPTURED),
    ("status.noun_either", class::NOUN_EITHER),
    ("status.arrest_words", class::ARREST),
    ("grammar.auxiliaries", class::AUXILIARY),
    ("grammar.clause_openers", class::CLAUSE_OPENER),
    ("grammar.time_words", class::TIME),
    ("grammar.speaker_adverbs", class::SPEAKER_ADVERB),
    ("grammar.pronouns", class::PRONOUN),
    ("grammar.np_stops", class::NP_STOP),
    ("grammar.locatives", class::LOCATIVE),
    ("grammar.foreign_preps", class::FOREIGN_PREP),
    ("grammar.sponsor_tails", class::SPONSOR_TAIL),
    ("grammar.stance_prefixes", class::STANCE_PREFIX),
    ("grammar.compass", class::COMPASS),
    ("grammar.freeing", class::FREEING),
    ("grammar.trade_bodies", class::TRADE_BODY),
    ("grammar.trades", class::TRADE),
    ("grammar.witness_trades", class::WITNESS_TRADE),
    ("grammar.medical_places", class::MEDICAL_PLACE),
    ("grammar.attack_nouns", class::ATTACK_NOUN),
    ("grammar.attack_verbs", class::ATTACK_VERB),
    ("grammar.negations", class::NEGATION),
    ("grammar.doubts", class::DOUBT),
    ("grammar.object_verbs", class::OBJECT_VERB),
    ("grammar.event_words", class::EVENT),
];

type Sections = BTreeMap<String, BTreeMap<String, Vec<String>>>;

static WORDS: LazyLock<FxHashMap<String, u64>> = LazyLock::new(|| {
    // lexicon.toml is part of the crate and a unit test parses it; were it ever broken,
    // the extractor would read no words rather than panic.
    let sections: Sections = toml::from_str(LEXICON).unwrap_or_default();
    let mut words: FxHashMap<String, u64> = FxHashMap::default();
    for (section, keys) in &sections {
        for (key, list) in keys {
            let name = format!("{section}.{key}");
            let Some(&(_, bit)) = CLASSES.iter().find(|(n, _)| *n == name) else {
                continue;
            };
            for word in list {
                *words.entry(word.clone()).or_default() |= bit;
            }
        }
    }
    words
});

/// The class bits of a normalised word (0 for a word in no class).
pub(crate) fn classes(norm: &str) -> u64 {
    if let Some(&found) = WORDS.get(norm) {
        return found;
    }
    // "co-leader", "vice-chairman": the office shared or deputised is still an office.
    ["co-", "vice-"]
        .iter()
        .find_map(|prefix| norm.strip_prefix(prefix))
        .and_then(|office| WORDS.get(office))
        .map_or(0, |&found| found & (class::PERSON_TITLE | class::OFFICE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_of_the_lexicon_has_a_class_and_every_class_a_list() {
        let sections: Sections = toml::from_str(LEXICON).expect("lexicon.toml parses");
        let mut names: Vec<String> = sections
            .iter()
            .flat_map(|(s, keys)| keys.keys().map(move |k| format!("{s}.{k}")))
            .collect();
        names.sort();
        let mut known: Vec<String> = CLASSES.iter().map(|(n, _)| (*n).to_string()).collect();
        known.sort();
        assert_eq!(names, known);
    }

    #[test]
    fn words_carry_every_class_they_are_listed_in() {
        let said = classes("said");
        assert!(said & class::SPEECH_VERB != 0);
        assert!(said & class::REPRODUCE != 0);
        assert!(classes("soldiers") & class::COMBATANT != 0);
        assert!(classes("soldiers") & class::PEOPLE != 0);
        assert_eq!(classes("zebra"), 0);
    }

    #[test]
    fn lexicon_words_are_written_as_the_tokenizer_normalises_them() {
        for word in WORDS.keys() {
            assert_eq!(
                *word,
                crate::extract::tokens::normalize_word(word),
                "lexicon word {word:?}"
            );
        }
    }
}
