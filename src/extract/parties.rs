//! The gazetteer: which parties exist, what they are called, and how a name in the text
//! or in a user's command is turned into a party id.

use std::collections::{BTreeMap, HashMap};

use super::builtin::PARTIES;

/// A `[parties.<id>]` table of bot.toml.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PartyConfig {
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A side in a conflict, or an institution that speaks about one.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// One alias as a sequence of normalised words, for matching running text.
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    /// Set for short all-capital aliases ("US", "UN"): the text must be written so.
    exact: Option<Vec<String>>,
    party: usize,
}

/// The known parties and indexes over their names.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    parties: Vec<Party>,
    /// Normalised id, name or alias -> party index, for whole-name look-ups.
    names: HashMap<String, usize>,
    /// First normalised word -> phrases starting with it, longest first.
    phrases: HashMap<String, Vec<Phrase>>,
}

impl Gazetteer {
    /// The parties the bot knows out of the box.
    pub fn builtin() -> Self {
        let parties = PARTIES
            .iter()
            .map(|(id, name, aliases)| Party {
                id: (*id).to_string(),
                name: (*name).to_string(),
                aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
            })
            .collect();
        Self::from_parties(parties)
    }

    /// Config adds to or overrides the default: a new id adds a party (name required, else
    /// Err naming the id); an existing id gets its name replaced if given and the aliases
    /// added. Ids must be lower-case `[a-z0-9_-]+`, else Err.
    pub fn with_config(configs: &BTreeMap<String, PartyConfig>) -> Result<Self, String> {
        let mut parties = Self::builtin().parties;
        for (id, config) in configs {
            if !valid_id(id) {
                return Err(format!(
                    "party id `{id}` must be lower-case letters, digits, `_` or `-`"
                ));
            }
            let aliases = config
                .aliases
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty());
            match parties.iter_mut().find(|p| p.id == *id) {
                Some(party) => {
                    if let Some(name) = &config.name {
                        party.name.clone_from(name);
                    }
                    party.aliases.extend(aliases.map(str::to_string));
                }
                None => {
                    let Some(name) = &config.name else {
                        return Err(format!("party `{id}` is new and needs a `name`"));
                    };
                    parties.push(Party {
                        id: id.clone(),
                        name: name.clone(),
                        aliases: aliases.map(str::to_string).collect(),
                    });
                }
            }
        }
        Ok(Self::from_parties(parties))
    }

    fn from_parties(parties: Vec<Party>) -> Self {
        let mut names = HashMap::new();
        let mut phrases: HashMap<String, Vec<Phrase>> = HashMap::new();
        for (index, party) in parties.iter().enumerate() {
            names.insert(normalize_phrase(&party.id), index);
            names.insert(normalize_phrase(&party.name), index);
            for alias in &party.aliases {
                names.insert(normalize_phrase(alias), index);
                add_phrase(&mut phrases, alias, index);
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        Self {
            parties,
            names,
            phrases,
        }
    }

    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    pub fn get(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// An id or any alias, any case, diacritics-insensitive ("baku", "BAKU", "Azərbaycan"
    /// -> azerbaijan). A longer phrase that contains an alias ("Azerbaijani Defense
    /// Ministry") resolves to the party of its first alias.
    pub fn resolve(&self, name: &str) -> Option<&Party> {
        let key = normalize_phrase(name);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        if let Some(&index) = self.names.get(key) {
            return self.parties.get(index);
        }
        let words: Vec<&str> = name
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .filter(|w| !w.is_empty())
            .collect();
        (0..words.len()).find_map(|i| self.match_words(&words, i).map(|(_, party)| party))
    }

    /// Up to `n` closest known parties for an unknown input, by edit distance to ids,
    /// names and aliases, prefixes first; for "did you mean".
    pub fn closest(&self, name: &str, n: usize) -> Vec<&Party> {
        let input = normalize_phrase(name);
        if input.is_empty() {
            return Vec::new();
        }
        let limit = (input.chars().count() / 3).max(2);
        let mut scored: Vec<(usize, usize)> = self
            .parties
            .iter()
            .enumerate()
            .filter_map(|(index, party)| {
                let candidates = std::iter::once(&party.id)
                    .chain(std::iter::once(&party.name))
                    .chain(party.aliases.iter());
                let best = candidates
                    .map(|c| distance(&input, &normalize_phrase(c)))
                    .min()?;
                (best <= limit).then_some((best, index))
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(n)
            .filter_map(|(_, i)| self.parties.get(i))
            .collect()
    }

    /// The longest alias starting at `words[i]`: how many words it spans and its party.
    /// `words` are tokens as written; case and possessives are handled here.
    /// A hyphenated word is also read as its parts, when no alias spells it whole:
    /// "ethnic-Armenian" as "ethnic Armenian", "Moscow-brokered" and "Hamas-led" by
    /// their first part.
    pub(crate) fn match_words(&self, words: &[&str], i: usize) -> Option<(usize, &Party)> {
        let word = words.get(i)?;
        let whole = self.match_plain(words, i);
        if whole.is_some() || !word.contains(['-', '‑']) {
            return whole;
        }
        let parts: Vec<&str> = word.split(['-', '‑']).filter(|p| !p.is_empty()).collect();
        let rest = words.get(i + 1..(i + 4).min(words.len())).unwrap_or(&[]);
        let joined: Vec<&str> = parts.iter().chain(rest).copied().collect();
        let (len, party) = self.match_plain(&joined, 0)?;
        // The alias spans some parts (the word counts once) and maybe words after it.
        Some((1 + len.saturating_sub(parts.len()), party))
    }

    /// As `match_words`, without reading hyphenated words by their parts.
    pub(crate) fn match_plain(&self, words: &[&str], i: usize) -> Option<(usize, &Party)> {
        let first = normalize_word(words.get(i)?);
        let candidates = self.phrases.get(&first)?;
        let phrase = candidates.iter().find(|p| phrase_matches(p, words, i))?;
        Some((phrase.words.len(), self.parties.get(phrase.party)?))
    }
}

fn phrase_matches(phrase: &Phrase, words: &[&str], i: usize) -> bool {
    let Some(slice) = words.get(i..i + phrase.words.len()) else {
        return false;
    };
    let normal = slice
        .iter()
        .zip(&phrase.words)
        .all(|(w, p)| normalize_word(w) == *p);
    let exact = phrase.exact.as_ref().is_none_or(|exact| {
        slice
            .iter()
            .zip(exact)
            .all(|(w, e)| strip_possessive(w) == e.as_str())
    });
    normal && exact
}

fn add_phrase(phrases: &mut HashMap<String, Vec<Phrase>>, alias: &str, party: usize) {
    let words: Vec<String> = alias.split_whitespace().map(normalize_word).collect();
    let Some(first) = words.first().cloned() else {
        return;
    };
    let letters: String = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let exact = (letters.chars().count() <= 4 && letters.chars().all(char::is_uppercase))
        .then(|| alias.split_whitespace().map(str::to_string).collect());
    let list = phrases.entry(first).or_default();
    // A later definition of the same alias (from config) takes it over.
    list.retain(|p| p.words != words);
    list.push(Phrase {
        words,
        exact,
        party,
    });
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Edit distance, with a prefix of a known name counting as a near match.
fn distance(input: &str, candidate: &str) -> usize {
    if input.chars().count() >= 2 && candidate.starts_with(input) {
        return 1;
    }
    strsim::levenshtein(input, candidate)
}

/// Lower case, diacritics folded, curly apostrophes straightened, possessive dropped.
pub(crate) fn normalize_word(word: &str) -> String {
    let folded: String = strip_possessive(word)
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect();
    folded
}

fn normalize_phrase(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(normalize_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Armenia's" and "Armenia’s" -> "Armenia"; "Forces'" -> "Forces".
pub(crate) fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return stem;
        }
    }
    word
}

/// Folds the Latin letters with diacritics that appear in names of the regions covered.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ə' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => 'o',
        'ř' => 'r',
        'ş' | 'ś' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ů' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        '’' | '‘' => '\'',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(p: Option<&Party>) -> Option<&str> {
        p.map(|p| p.id.as_str())
    }

    #[test]
    fn resolves_ids_aliases_any_case_and_diacritics() {
        let g = Gazetteer::builtin();
        assert_eq!(id(g.resolve("baku")), Some("azerbaijan"));
        assert_eq!(id(g.resolve("BAKU")), Some("azerbaijan"));
        assert_eq!(id(g.resolve("Azərbaycan")), Some("azerbaijan"));
        assert_eq!(id(g.resolve("Россия")), Some("russia"));
        assert_eq!(id(g.resolve("Հայաստան")), Some("armenia"));
        assert_eq!(id(g.resolve("us")), Some("us"));
        assert_eq!(id(g.resolve("Kiev")), Some("ukraine"));
        assert_eq!(id(g.resolve("Artsakh")), Some("karabakh"));
        assert_eq!(
            id(g.resolve("the Azerbaijani Defense Ministry")),
            Some("azerbaijan")
        );
        assert_eq!(
            id(g.resolve("Kremlin spokesman Dmitry Peskov")),
            Some("russia")
        );
        assert_eq!(g.resolve("Atlantis"), None);
    }

    #[test]
    fn hyphenated_compounds_resolve_through_their_parts() {
        let g = Gazetteer::builtin();
        let at = |words: &[&str]| g.match_words(words, 0).map(|(n, p)| (n, p.id.clone()));
        assert_eq!(
            at(&["ethnic-Armenian", "forces"]),
            Some((1, "karabakh".into()))
        );
        assert_eq!(
            at(&["Moscow-brokered", "truce"]),
            Some((1, "russia".into()))
        );
        assert_eq!(at(&["Hamas-led", "gunmen"]), Some((1, "hamas".into())));
        assert_eq!(
            at(&["ethnic-Armenian", "authorities", "said"]),
            Some((2, "karabakh".into()))
        );
        assert_eq!(at(&["anti-terrorist", "measures"]), None);
        assert_eq!(at(&["ex-Soviet", "neighbours"]), None);
    }

    #[test]
    fn other_scripts_and_languages_name_the_parties() {
        let g = Gazetteer::builtin();
        for (name, want) in [
            ("Баку", "azerbaijan"),
            ("Ереван", "armenia"),
            ("Москва", "russia"),
            ("Кремль", "russia"),
            ("Bakı", "azerbaijan"),
            ("Ermənistan", "armenia"),
            ("Rusiya", "russia"),
            ("Xankəndi", "karabakh"),
            ("Khankendi", "karabakh"),
            ("Ռուսաստան", "russia"),
            ("Armenien", "armenia"),
            ("Arménie", "armenia"),
            ("Aserbaidschan", "azerbaijan"),
            ("Azerbaïdjan", "azerbaijan"),
            ("Russland", "russia"),
            ("Russie", "russia"),
            ("Russian peacekeeping contingent", "russia"),
            ("FARDC", "drc"),
            ("Tigray forces", "tigray"),
            ("International Organization for Migration", "un"),
        ] {
            assert_eq!(id(g.resolve(name)), Some(want), "{name}");
        }
    }

    #[test]
    fn short_capital_aliases_do_not_match_ordinary_words() {
        let g = Gazetteer::builtin();
        let words = ["told", "us", "that"];
        assert!(g.match_words(&words, 1).is_none());
        let words = ["the", "US", "said"];
        assert_eq!(
            g.match_words(&words, 1).map(|(_, p)| p.id.as_str()),
            Some("us")
        );
    }

    #[test]
    fn the_longest_alias_wins_so_ethnic_armenian_is_karabakh() {
        let g = Gazetteer::builtin();
        let words = ["ethnic", "Armenian", "authorities"];
        let (len, party) = g.match_words(&words, 0).expect("alias");
        assert_eq!((len, party.id.as_str()), (3, "karabakh"));
        let words = ["Karabakh’s", "Armenian", "authorities"];
        assert_eq!(
            g.match_words(&words, 0).map(|(_, p)| p.id.as_str()),
            Some("karabakh")
        );
        // The region on its own is a place, not the party.
        assert!(g.match_words(&["Karabakh", "region"], 0).is_none());
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
                .contains("Bad Id")
        );
        let mut configs = BTreeMap::new();
        configs.insert("newparty".to_string(), PartyConfig::default());
        assert!(
            Gazetteer::with_config(&configs)
                .unwrap_err()
                .contains("newparty")
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
        let ids: Vec<&str> = g.closest("azer", 2).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"azerbaijan"));
        assert!(g.closest("zzzzzzzzzzzz", 3).is_empty());
    }
}
