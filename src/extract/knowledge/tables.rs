//! The built-in parties: the generated country and place tables read together with parties.toml.

use std::collections::HashMap;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::*;

/// One `[[party]]` of parties.toml.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PartyEntry {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) kind: Option<PartyKind>,
    pub(crate) country: Option<String>,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    #[serde(default)]
    pub(crate) institutions: Vec<String>,
    #[serde(default)]
    pub(crate) capitals: Vec<String>,
    #[serde(default)]
    pub(crate) places: Vec<String>,
    #[serde(default)]
    pub(crate) demonyms: Vec<String>,
    #[serde(default)]
    pub(crate) people: Vec<String>,
    #[serde(default)]
    pub(crate) media: Vec<String>,
    /// States that were part of this one while it existed: their cities and regions are
    /// this party's in its era ("Moenchengladbach" is West Germany's in 1987).
    #[serde(default)]
    pub(crate) successors: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PartyFile {
    pub(crate) party: Vec<PartyEntry>,
    /// Places a party held for a time, against the state they lie in.
    #[serde(default)]
    pub(crate) held: Vec<HeldEntry>,
}

/// One `[[held]]` of parties.toml: places a party held from one date until another
/// ("Lysychansk" was the Luhansk People's Republic's from July 2022).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeldEntry {
    pub(crate) by: String,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
    pub(crate) places: Vec<String>,
}

/// The built-in held places: normalised name to each holder and its years.
pub(crate) fn builtin_held(parties: &[Party]) -> FxHashMap<String, Vec<Holding>> {
    let mut held: FxHashMap<String, Vec<Holding>> = FxHashMap::default();
    let Ok(file) = parse_parties() else {
        return held;
    };
    for entry in file.held {
        let Some(party) = parties.iter().position(|p| p.id == entry.by) else {
            continue;
        };
        for place in &entry.places {
            held.entry(normalize_phrase(place))
                .or_default()
                .push(Holding {
                    party,
                    from: entry.from,
                    until: entry.until,
                });
        }
    }
    held
}

/// Names of a party, by kind, while the gazetteer is built.
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    pub(crate) names: Vec<String>,
    pub(crate) institutions: Vec<String>,
    pub(crate) demonyms: Vec<String>,
    pub(crate) capitals: Vec<String>,
    pub(crate) places: Vec<String>,
    pub(crate) people: Vec<String>,
    pub(crate) media: Vec<String>,
}

/// Reads the generated country table and parties.toml into parties and their names.
/// The people of the cities in places.tsv of each country in `ids`.
pub(crate) fn city_population<'a>(
    ids: &std::collections::HashSet<&'a str>,
) -> HashMap<&'a str, u64> {
    let mut out: HashMap<&str, u64> = HashMap::new();
    if ids.is_empty() {
        return out;
    }
    for line in PLACES.lines() {
        let mut cols = line.split('\t');
        let (Some(_), Some(country)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Some(&id) = ids.get(country) else {
            continue;
        };
        let people = cols.nth(1).and_then(|p| p.trim().parse::<u64>().ok());
        *out.entry(id).or_default() += people.unwrap_or(0);
    }
    out
}

pub(crate) fn builtin_parties() -> (Vec<Party>, Vec<Names>) {
    let mut parties = Vec::new();
    let mut names: Vec<Names> = Vec::new();
    // A demonym or alias the table gives to several countries ("American": the United
    // States and the Northern Mariana Islands; "Indian": India and the British Indian
    // Ocean Territory) stays with the most populous of them, by the people of its cities.
    let mut named: HashMap<String, Vec<&str>> = HashMap::new();
    for line in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [id, _, _, aliases, demonyms, _] = cols[..] {
            for key in aliases
                .split(';')
                .chain(demonyms.split(';'))
                .filter(|x| !x.is_empty())
                .map(normalize_phrase)
            {
                let ids = named.entry(key).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    // Only the few countries that share a name need their people counted.
    let contested: std::collections::HashSet<&str> = named
        .values()
        .filter(|ids| ids.len() > 1)
        .flatten()
        .copied()
        .collect();
    let population = city_population(&contested);
    let people = |id: &str| population.get(id).copied().unwrap_or(0);
    let claims: HashMap<String, &str> = named
        .into_iter()
        .filter_map(|(key, ids)| {
            let holder = ids.iter().copied().max_by_key(|id| people(id))?;
            Some((key, holder))
        })
        .collect();
    let holds = |id: &str, x: &String| {
        claims
            .get(&normalize_phrase(x))
            .is_none_or(|holder| *holder == id)
    };
    for line in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, name, _iso, aliases, demonyms, capitals] = cols[..] else {
            continue;
        };
        let list = |s: &str| -> Vec<String> {
            s.split(';')
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect()
        };
        let demonyms: Vec<String> = list(demonyms)
            .into_iter()
            .filter(|d| holds(id, d))
            .collect();
        let plurals: Vec<String> = demonyms.iter().filter_map(|d| plural(d)).collect();
        parties.push(Party {
            id: id.to_string(),
            name: name.to_string(),
            aliases: Vec::new(),
            demonyms: Vec::new(),
            kind: PartyKind::State,
            country: None,
            from: None,
            until: None,
            successors: Vec::new(),
        });
        let mut all_names = vec![name.to_string()];
        all_names.extend(
            list(aliases)
                .into_iter()
                .filter(|a| holds(id, a) && !short_once_folded(a)),
        );
        names.push(Names {
            names: all_names,
            demonyms: demonyms.into_iter().chain(plurals).collect(),
            capitals: list(capitals),
            ..Names::default()
        });
    }
    // A country's unnamed rebels: `philippines-rebels`.
    let states: Vec<(String, String)> = parties
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    for (id, name) in states {
        parties.push(Party {
            id: format!("{id}-rebels"),
            name: format!("{name} rebels"),
            aliases: Vec::new(),
            demonyms: Vec::new(),
            kind: PartyKind::Group,
            country: Some(id),
            from: None,
            until: None,
            successors: Vec::new(),
        });
        names.push(Names::default());
    }
    // The table is generated and parties.toml is ours: a parse error is a bug that the
    // unit tests catch (`parties_file_parses`), so a broken file yields the country table
    // alone rather than a panic.
    let file: PartyFile = parse_parties().unwrap_or(PartyFile {
        party: Vec::new(),
        held: Vec::new(),
    });
    for entry in file.party {
        let index = match parties.iter().position(|p| p.id == entry.id) {
            Some(index) => index,
            None => {
                parties.push(Party {
                    id: entry.id.clone(),
                    name: entry.name.clone().unwrap_or_else(|| entry.id.clone()),
                    aliases: Vec::new(),
                    demonyms: Vec::new(),
                    kind: entry.kind.unwrap_or(PartyKind::State),
                    country: None,
                    from: None,
                    until: None,
                    successors: Vec::new(),
                });
                names.push(Names::default());
                parties.len() - 1
            }
        };
        let party = &mut parties[index];
        if let Some(name) = entry.name.filter(|_| entry.kind.is_some()) {
            party.name = name;
            names[index].names.push(party.name.clone());
        }
        if let Some(kind) = entry.kind {
            party.kind = kind;
        }
        party.country = entry.country.or(party.country.take());
        party.from = entry.from.or(party.from);
        party.until = entry.until.or(party.until);
        party.successors.extend(entry.successors);
        let n = &mut names[index];
        n.names.extend(entry.aliases);
        n.institutions.extend(entry.institutions);
        n.capitals.extend(entry.capitals);
        n.places.extend(entry.places);
        let plurals: Vec<String> = entry.demonyms.iter().filter_map(|d| plural(d)).collect();
        n.demonyms.extend(entry.demonyms);
        n.demonyms.extend(plurals);
        n.people.extend(entry.people);
        n.media.extend(entry.media);
    }
    (parties, names)
}

pub(crate) fn parse_parties() -> Result<PartyFile, toml::de::Error> {
    toml::from_str(PARTIES)
}

/// The plural of a demonym, where English makes one: "Iranian" -> "Iranians",
/// "Iraqi" -> "Iraqis"; "British", "Chinese" and "Swiss" have none.
pub(crate) fn plural(demonym: &str) -> Option<String> {
    let last = demonym.chars().last()?;
    let none = ["ese", "ish", "ch", "ss", "s"]
        .iter()
        .any(|e| demonym.ends_with(e));
    (!none && (last.is_alphabetic())).then(|| format!("{demonym}s"))
}

/// A short foreign spelling that folds into another word: "Omã" (Oman in Portuguese) would
/// read as "OMA", the initials of a Ukrainian regional administration.
fn short_once_folded(alias: &str) -> bool {
    !alias.is_ascii() && alias.chars().filter(|c| c.is_alphabetic()).count() <= 4
}
