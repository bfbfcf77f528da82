//! Names learned from the corpus: an apposition or title ("Hungarian Foreign Minister Peter
//! Kovacs", "the Karabakh ombudsman, Ruben Arakelyan", "Kamal Kharrazi, head of Iran's war
//! information headquarters") teaches that the name belongs to that party, so "Kovacs said"
//! resolves in every document. The index learns over the whole corpus before it extracts,
//! and keeps what it learned in the catalog.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::entities::{MentionKind, Mentions};
use super::knowledge::{Gazetteer, PartyKind};
use super::lexicon::class;
use super::tokens::{Token, any_word_has, tokenize};

/// One learned name, as the catalog keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LearnedName {
    /// As written: "Peter Kovacs", or the surname alone: "Kovacs".
    pub name: String,
    pub party: String,
    /// The words it was learned from.
    pub evidence: String,
}

/// Names whose party the corpus states, by their first normalised word.
#[derive(Debug, Clone, Default)]
pub struct LearnedNames {
    by_first: FxHashMap<String, Vec<(Vec<String>, String)>>,
    /// Normalised name -> the parties it was given; a name given two parties is dropped.
    seen: BTreeMap<Vec<String>, (String, String, String)>,
    ambiguous: std::collections::BTreeSet<Vec<String>>,
}

impl LearnedNames {
    /// Adds a name (normalised words) for a party.
    pub fn add(&mut self, words: &[String], party: &str) {
        self.add_with(words, party, "", "");
    }

    fn add_with(&mut self, words: &[String], party: &str, written: &str, evidence: &str) {
        if words.is_empty() || self.ambiguous.contains(words) {
            return;
        }
        if let Some((other, _, _)) = self.seen.get(words) {
            if other != party {
                self.ambiguous.insert(words.to_vec());
                self.seen.remove(words);
                if let Some(list) = words.first().and_then(|f| self.by_first.get_mut(f)) {
                    list.retain(|(w, _)| w != words);
                }
            }
            return;
        }
        self.seen.insert(
            words.to_vec(),
            (party.to_string(), written.to_string(), evidence.to_string()),
        );
        if let Some(first) = words.first() {
            let list = self.by_first.entry(first.clone()).or_default();
            list.push((words.to_vec(), party.to_string()));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// The longest learned name at token `i`: its length in tokens and its party id.
    pub(crate) fn match_at(&self, toks: &[Token<'_>], i: usize) -> Option<(usize, &str)> {
        let first = toks.get(i)?;
        if !first.capitalized() {
            return None;
        }
        let list = self.by_first.get(first.norm.as_str())?;
        list.iter().find_map(|(words, party)| {
            let slice = toks.get(i..i + words.len())?;
            slice
                .iter()
                .zip(words)
                .all(|(t, w)| t.norm == *w)
                .then_some((words.len(), party.as_str()))
        })
    }

    /// What was learned, for the catalog.
    pub fn list(&self) -> Vec<LearnedName> {
        self.seen
            .values()
            .map(|(party, name, evidence)| LearnedName {
                name: name.clone(),
                party: party.clone(),
                evidence: evidence.clone(),
            })
            .collect()
    }

    pub fn from_list(list: &[LearnedName]) -> Self {
        let mut names = Self::default();
        for n in list {
            let words: Vec<String> = tokenize(&n.name)
                .toks
                .iter()
                .filter(|t| t.word)
                .map(|t| t.norm.to_string())
                .collect();
            names.add_with(&words, &n.party, &n.name, &n.evidence);
        }
        names
    }

    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// Learns the names a document's appositions and titles tie to a party.
    pub fn learn(&mut self, paragraphs: &[String], gazetteer: &Gazetteer, date: Option<NaiveDate>) {
        self.take(lessons(paragraphs, gazetteer, date));
    }

    /// Learns what [`lessons`] read in one document. Documents read apart (on several
    /// threads) and taken in corpus order teach what reading them in order does.
    pub fn take(&mut self, lessons: Vec<Lesson>) {
        for l in lessons {
            self.add_with(&l.words, &l.party, &l.written, &l.evidence);
        }
    }
}

/// A name one document ties to a party: its normalised words, the party, the name as
/// written and the words that tie it.
#[derive(Debug, Clone)]
pub struct Lesson {
    words: Vec<String>,
    party: String,
    written: String,
    evidence: String,
}

/// The names a document's appositions and titles tie to a party, in the order it gives
/// them; it reads nothing learned from other documents.
pub fn lessons(
    paragraphs: &[String],
    gazetteer: &Gazetteer,
    date: Option<NaiveDate>,
) -> Vec<Lesson> {
    let empty = LearnedNames::default();
    let cx = super::context::Context::new(gazetteer, &empty);
    let mut out = Vec::new();
    let mut add = |words: Vec<String>, party: &str, written: &str, evidence: String| {
        out.push(Lesson {
            words,
            party: party.to_string(),
            written: written.to_string(),
            evidence,
        });
    };
    for text in paragraphs {
        // Only a paragraph with a capitalised word after a title can teach a name.
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            continue;
        }
        // Most paragraphs hold no title: they are ruled out without building their tokens.
        if !any_word_has(text, class::PERSON_TITLE) {
            continue;
        }
        let t = tokenize(text);
        let mentions = Mentions::find(&t.toks, gazetteer, &cx, date);
        // "Iraqi Foreign Minister Tareq Aziz", a person the gazetteer knows: "Aziz" alone
        // is him from here on.
        for m in mentions
            .list
            .iter()
            .filter(|m| m.kind == MentionKind::Person && m.span.len() > 1 && !m.stance)
        {
            let (Some(id), Some(last)) = (
                m.party()
                    .and_then(|p| gazetteer.party(p))
                    .map(|p| p.id.clone()),
                t.toks
                    .get(m.span.end - 1)
                    .filter(|l| l.text.chars().count() >= 4),
            ) else {
                continue;
            };
            let full = super::entities::phrase_text(text, &t.toks, m.span.clone());
            add(
                vec![last.norm.to_string()],
                &id,
                last.text,
                format!("{full}, whom the gazetteer knows"),
            );
        }
        for (start, end, party, evidence) in appositions(text, &t.toks, &mentions, gazetteer) {
            let Some(id) = gazetteer.party(party).map(|p| p.id.clone()) else {
                continue;
            };
            let Some(slice) = t.toks.get(start..end) else {
                continue;
            };
            let words: Vec<String> = slice.iter().map(|x| x.norm.to_string()).collect();
            let written = text
                .get(slice[0].start..slice[slice.len() - 1].end)
                .unwrap_or("");
            add(words, &id, written, evidence.clone());
            if let Some(last) = slice
                .last()
                .filter(|l| l.text.chars().count() >= 4 && slice.len() > 1)
            {
                add(vec![last.norm.to_string()], &id, last.text, evidence);
            }
        }
    }
    out
}

/// Lower-case words inside a person's name: "Osama bin Laden", "Firas al-Abyad".
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "van", "von", "abu", "abdel", "ul",
];

/// A run of capitalised words that can be a person's name: one to four words, none of
/// them a title, a party name, a function word or a word of time. Returns its end.
fn name_run(toks: &[Token<'_>], mentions: &Mentions, start: usize) -> Option<usize> {
    let mut end = start;
    while end < toks.len() && end - start < 4 {
        let t = &toks[end];
        let particle = t.is_any(NAME_PARTICLES);
        let fits = t.word
            && (t.capitalized() || particle && end > start)
            && !t.has(class::PERSON_TITLE | class::INSTITUTION | class::SPEECH_VERB)
            // "Since June, the RSF has controlled ...": a preposition or a month opening
            // a sentence is no name.
            && !t.has(class::NP_STOP | class::TIME)
            && !t.is_month()
            && mentions.at(end).is_none()
            && !t.norm.chars().any(|c| c.is_ascii_digit());
        if !fits {
            break;
        }
        end += 1;
    }
    (end > start && toks.get(end - 1).is_some_and(|t| t.capitalized())).then_some(end)
}

/// The party a mention names, when it is one that can own an office: a state, a de facto
/// authority, a group or a body, named (not a place, not a stance).
fn office_owner(gazetteer: &Gazetteer, mentions: &Mentions, k: usize) -> Option<usize> {
    let m = mentions.at(k)?;
    if m.stance
        || !matches!(
            m.kind,
            MentionKind::Name
                | MentionKind::Demonym
                | MentionKind::Capital
                | MentionKind::Institution
        )
    {
        return None;
    }
    let party = m.party()?;
    gazetteer
        .party(party)
        .is_some_and(|p| {
            matches!(
                p.kind,
                PartyKind::State | PartyKind::Defacto | PartyKind::Group | PartyKind::Intl
            )
        })
        .then_some(party)
}

/// (name start, name end, party, evidence) for each apposition in a paragraph.
fn appositions(
    text: &str,
    toks: &[Token<'_>],
    mentions: &Mentions,
    gazetteer: &Gazetteer,
) -> Vec<(usize, usize, usize, String)> {
    let words = |a: usize, b: usize| -> String {
        match (toks.get(a), toks.get(b.saturating_sub(1))) {
            (Some(x), Some(y)) => text.get(x.start..y.end).unwrap_or("").to_string(),
            _ => String::new(),
        }
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        // "Hungarian Foreign Minister Peter Kovacs": party, titles, name.
        if let Some(party) = office_owner(gazetteer, mentions, k) {
            let m_end = mentions.at(k).map_or(k + 1, |m| m.span.end);
            let mut j = m_end;
            let mut titled = false;
            while toks
                .get(j)
                .is_some_and(|t| t.word && t.has(class::PERSON_TITLE) && mentions.at(j).is_none())
            {
                titled |= toks[j].has(class::PERSON_TITLE)
                    && !toks[j].is_any(&["former", "acting", "top", "senior"]);
                j += 1;
            }
            if titled {
                if let Some(end) = name_run(toks, mentions, j) {
                    out.push((j, end, party, words(k, end)));
                    k = end;
                    continue;
                }
                // "the Karabakh ombudsman, Ruben Arakelyan,"
                if toks.get(j).is_some_and(|t| t.is_punct(','))
                    && let Some(end) = name_run(toks, mentions, j + 1)
                    && toks
                        .get(end)
                        .is_none_or(|t| t.is_punct(',') || t.is_punct('.'))
                {
                    out.push((j + 1, end, party, words(k, end)));
                    k = end;
                    continue;
                }
            }
            k = m_end;
            continue;
        }
        // "Deputy Prime Minister of Armenia Tigran Avinyan", "President of the Republic of
        // Azerbaijan Ilham Aliyev": titles, the party after "of", the name.
        if let Some((party, name_at)) = titled_of_party(toks, mentions, gazetteer, k)
            && let Some(end) = name_run(toks, mentions, name_at)
        {
            out.push((name_at, end, party, words(k, end)));
            k = end;
            continue;
        }
        // "Kamal Kharrazi, head of Iran's war information headquarters,"
        // "General Guven Ergenc, Secretary General of the Turkish General Staff": a name
        // may follow a rank.
        let opens = k == 0
            || toks
                .get(k - 1)
                .is_some_and(|t| !t.word || t.is_any(&["by", "and"]) || t.has(class::PERSON_TITLE));
        if opens
            && toks.get(k).is_some_and(|t| t.capitalized())
            && let Some(end) = name_run(toks, mentions, k)
        {
            // "Shushan Stepanian, said Azerbaijani forces shelled ...": a verb after the
            // comma begins what was said, not who says it.
            let verb_after = toks
                .get(end + 1)
                .is_some_and(|t| t.has(class::SPEECH_VERB | class::AUXILIARY));
            if toks.get(end).is_some_and(|t| t.is_punct(',')) && end > k && !verb_after {
                let mut j = end + 1;
                let mut titled = false;
                let mut owner = None;
                // "Secretary General of the Turkish General Staff": the owner after "of"
                // names whose office it is, over a title the gazetteer gives a body.
                let mut after_of = false;
                let mut of_owner = None;
                while let Some(t) = toks
                    .get(j)
                    .filter(|t| !t.is_punct(',') && !t.is_punct('.') && j < end + 10)
                {
                    if t.has(class::FOREIGN_PREP) && !t.is("of") {
                        break;
                    }
                    after_of |= t.is("of");
                    titled |= t.has(class::PERSON_TITLE);
                    let here = office_owner(gazetteer, mentions, j);
                    if owner.is_none() {
                        owner = here;
                    }
                    if after_of && of_owner.is_none() {
                        of_owner = here;
                    }
                    j += 1;
                }
                let owner = of_owner.or(owner);
                if let (true, Some(party)) = (titled, owner) {
                    out.push((k, end, party, words(k, j)));
                }
            }
            k = end;
            continue;
        }
        k += 1;
    }
    out
}

/// Capitalised titles at `k` followed by "of", perhaps "the Republic of", and a party:
/// the party and where the name after it would start.
fn titled_of_party(
    toks: &[Token<'_>],
    mentions: &Mentions,
    gazetteer: &Gazetteer,
    k: usize,
) -> Option<(usize, usize)> {
    let title = |t: &Token<'_>| t.word && t.capitalized() && t.has(class::PERSON_TITLE);
    if !toks.get(k).is_some_and(title) || mentions.at(k).is_some() {
        return None;
    }
    let mut j = k;
    while toks
        .get(j)
        .is_some_and(|t| title(t) && mentions.at(j).is_none())
    {
        j += 1;
    }
    if !toks.get(j)?.is("of") {
        return None;
    }
    j += 1;
    if toks.get(j).is_some_and(|t| t.is("the"))
        && toks.get(j + 1).is_some_and(|t| t.is("republic"))
        && toks.get(j + 2).is_some_and(|t| t.is("of"))
    {
        j += 3;
    }
    let party = office_owner(gazetteer, mentions, j)?;
    let name_at = mentions.at(j)?.span.end;
    Some((party, name_at))
}
