//! `Request -> Answer`: the one place that decides what an answer holds. It knows nothing
//! of Discord or terminals; the records it reads were made at index time, so answering is
//! a lookup plus, for `/search` and topics, one tantivy query.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, RwLock};

use crate::answer::*;
use crate::commands::{COMMANDS, Invocation, OptionValue};
use crate::config::Config;
use crate::error::{Error, Result, UserError};
use crate::extract::{Gazetteer, Party, Status};
use crate::index::{BuildSummary, CatalogDoc, Snapshot};

/// A request checked against the table, the gazetteer and nothing else: ready to answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Search {
        query: String,
    },
    Sources,
    Help,
    Casualties {
        query: Option<String>,
        side: Option<String>,
        status: Option<Status>,
    },
    Statement {
        party: String,
        topic: Option<String>,
        /// Words of the speaker ("foreign ministry", "Aliyev"): their statements first.
        speaker: Option<String>,
    },
    Timeline {
        query: Option<String>,
    },
    Ask {
        question: String,
    },
}

/// The engine: configuration, gazetteer and the index generation that answers now.
pub struct Engine {
    config: Config,
    gazetteer: Gazetteer,
    snapshot: RwLock<Arc<Snapshot>>,
}

impl Engine {
    /// Opens the configured index, building it first when it is missing or outdated.
    /// A corpus folder that is not there is a [`UserError`] and nothing is built: run
    /// from the wrong folder, the bot would otherwise answer from nothing.
    pub fn open(config: Config) -> Result<(Engine, Option<BuildSummary>)> {
        config.check_corpus()?;
        let gazetteer = Gazetteer::with_config(&config.parties).map_err(Error::Config)?;
        let (snapshot, built) =
            Snapshot::open_or_build(&config.index.path, &config.index_folders(), &gazetteer)?;
        let engine = Engine {
            config,
            gazetteer,
            snapshot: RwLock::new(Arc::new(snapshot)),
        };
        Ok((engine, built))
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The generation answering now; an answer holds it for its whole duration.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Switches to the generation `CURRENT` names now, after a rebuild.
    pub fn reload(&self) -> Result<()> {
        let snapshot = Snapshot::open(&self.config.index.path)?
            .map_err(|why| Error::IndexData(format!("no index to reload: {why:?}")))?;
        *self
            .snapshot
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(snapshot);
        Ok(())
    }

    /// Parses a typed command line and answers it.
    pub fn ask_line(&self, line: &str) -> Result<Answer> {
        let invocation = crate::commands::parse_line(line)?;
        let request = self.request(&invocation)?;
        self.answer(&request)
    }

    /// Checks an invocation's values against the gazetteer.
    pub fn request(&self, invocation: &Invocation) -> Result<Request, UserError> {
        let text = |name: &str| invocation.text(name).map(str::to_string);
        let request = match invocation.command.name {
            "search" => Request::Search {
                query: text("query").unwrap_or_default(),
            },
            "sources" => Request::Sources,
            "ask" => Request::Ask {
                question: text("question").unwrap_or_default(),
            },
            "help" => Request::Help,
            "casualties" => Request::Casualties {
                query: text("query"),
                side: match invocation.text("side") {
                    Some(side) => Some(self.resolve_party(side)?.id.clone()),
                    None => None,
                },
                status: invocation.text("status").map(parse_status).transpose()?,
            },
            "timeline" => Request::Timeline {
                query: text("query"),
            },
            "statement" => {
                let given = text("party").unwrap_or_default();
                let (party, rest) = self.resolve_party_prefix(&given)?;
                let topic = match (text("topic"), rest) {
                    (Some(topic), _) => Some(topic),
                    (None, rest) => rest,
                };
                Request::Statement {
                    party: party.id.clone(),
                    topic,
                    speaker: text("speaker"),
                }
            }
            other if invocation.command.admin => {
                return Err(UserError::new(format!(
                    "/{other} is a moderator command: run it on Discord, or `briefbot {}` in a terminal",
                    cli_equivalent(other)
                )));
            }
            other => {
                return Err(UserError::new(format!("/{other} is not answered here")));
            }
        };
        Ok(request)
    }

    fn resolve_party(&self, given: &str) -> Result<&Party, UserError> {
        self.gazetteer
            .resolve(given)
            .ok_or_else(|| self.unknown_party(given))
    }

    /// Resolves a party name; when the whole text is not one, its longest leading run of
    /// words that is, with the rest returned as a topic (`/statement baku peacekeepers`).
    fn resolve_party_prefix(&self, given: &str) -> Result<(&Party, Option<String>), UserError> {
        if let Some(party) = self.gazetteer.resolve(given) {
            return Ok((party, None));
        }
        let words: Vec<&str> = given.split_whitespace().collect();
        for cut in (1..words.len()).rev() {
            if let Some(party) = self.gazetteer.resolve(&words[..cut].join(" ")) {
                return Ok((party, Some(words[cut..].join(" "))));
            }
        }
        Err(self.unknown_party(given))
    }

    pub fn unknown_party(&self, given: &str) -> UserError {
        let closest: Vec<String> = closest_parties(&self.gazetteer, given, 3)
            .into_iter()
            .map(|(party, by)| match by {
                Some(alias) => format!("{} ({}, called “{alias}”)", party.id, party.name),
                None => format!("{} ({})", party.id, party.name),
            })
            .collect();
        let hint = if closest.is_empty() {
            String::new()
        } else {
            format!(" Closest: {}.", closest.join(", "))
        };
        UserError::new(format!("Unknown party `{given}`.{hint}"))
    }

    /// Answers a checked request from the current generation.
    pub fn answer(&self, request: &Request) -> Result<Answer> {
        let snapshot = self.snapshot();
        let mut citer = Citer::new(&snapshot);
        Ok(match request {
            Request::Search { query } => self.search(&snapshot, &mut citer, query)?,
            Request::Sources => sources(&snapshot, &mut citer),
            Request::Help => help(),
            Request::Casualties {
                query,
                side,
                status,
            } => {
                let only = ClaimFilter {
                    side: side.as_deref(),
                    status: *status,
                };
                casualties(&snapshot, &mut citer, query.as_deref(), only)?
            }
            Request::Statement {
                party,
                topic,
                speaker,
            } => self.statements(
                &snapshot,
                &mut citer,
                party,
                topic.as_deref(),
                speaker.as_deref(),
            )?,
            Request::Timeline { query } => timeline(&snapshot, &mut citer, query.as_deref())?,
            Request::Ask { question } => {
                let reading = crate::question::read(question, &self.gazetteer);
                return self.answer_reading(question, &reading);
            }
        })
    }

    /// Answers a question as it was read, saying how, and saying plainly when the index
    /// has no answer rather than dressing up an unrelated passage as one.
    pub fn answer_reading(
        &self,
        question: &str,
        reading: &crate::question::Reading,
    ) -> Result<Answer> {
        let snapshot = self.snapshot();
        let mut citer = Citer::new(&snapshot);
        let answer = match &reading.request {
            // Passages must share enough of the question's words to answer it.
            // Passages must share at least half the question's words, and name every
            // party it names: "the capital of France" is not answered by Baku's.
            Request::Search { query } => {
                let words = crate::question::content_words(query);
                // Half the words the question itself holds: a question of none ("where
                // did it happen?") is read as a query of many words, any of which answers.
                let asked = crate::question::content_words(question).len();
                let needed = asked.min(words.len()).div_ceil(2).clamp(1, 3);
                let parties: HashSet<&str> = words
                    .iter()
                    .filter_map(|w| self.gazetteer.resolve(w))
                    .map(|p| p.id.as_str())
                    .collect();
                let answer = self.search_with(&snapshot, &mut citer, query, needed)?;
                self.keep_hits_naming(answer, &parties)
            }
            Request::Ask { .. } => {
                return Err(UserError::new("A question cannot be read as another question").into());
            }
            request => {
                drop(citer);
                self.answer(request)?
            }
        };
        let (no_answer, suggestions) = if answer.is_empty() {
            let (message, suggestions) = self.closest_to(&snapshot, &reading.request);
            (Some(message), suggestions)
        } else {
            (None, Vec::new())
        };
        let mut fields = match serde_json::to_value(&answer) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        fields.remove("command");
        let read_as = read_as(&reading.command);
        Ok(Answer::Ask {
            question: question.to_string(),
            read_as,
            reading: reading.read_as.clone(),
            equivalent: reading.command.clone(),
            no_answer,
            suggestions,
            fields,
            answer: Box::new(answer),
        })
    }

    /// Keeps the search hits whose excerpt names every party in `parties`.
    fn keep_hits_naming(&self, answer: Answer, parties: &HashSet<&str>) -> Answer {
        let Answer::Search { query, hits } = answer else {
            return answer;
        };
        let hits = hits
            .into_iter()
            .filter(|hit| {
                let named: HashSet<&str> = hit
                    .citation
                    .excerpt
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .filter_map(|w| self.gazetteer.resolve(w))
                    .map(|p| p.id.as_str())
                    .collect();
                parties.iter().all(|p| named.contains(p))
            })
            .collect();
        Answer::Search { query, hits }
    }

    /// What to say when a reading finds nothing, and the closest things the index has.
    fn closest_to(&self, snapshot: &Snapshot, request: &Request) -> (String, Vec<String>) {
        let documents = &snapshot.catalog.documents;
        let count_by = |key: &dyn Fn(&CatalogDoc) -> Vec<Option<String>>| {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for d in documents {
                for id in key(d).into_iter().flatten() {
                    *counts.entry(id).or_default() += 1;
                }
            }
            let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            counts
                .into_iter()
                .take(5)
                .map(|(id, n)| {
                    let name = self
                        .gazetteer
                        .get(&id)
                        .map_or(id.clone(), |p| p.name.clone());
                    format!("{name} ({n})")
                })
                .collect::<Vec<_>>()
        };
        match request {
            Request::Statement { party, topic, .. } => {
                let name = self
                    .gazetteer
                    .get(party)
                    .map_or(party.as_str(), |p| p.name.as_str());
                let about = topic
                    .as_deref()
                    .map(|t| format!(" about `{t}`"))
                    .unwrap_or_default();
                (
                    format!("No statement by {name}{about} in the indexed reporting."),
                    count_by(&|d| {
                        d.extraction
                            .statements
                            .iter()
                            .map(|s| s.party.clone())
                            .collect()
                    })
                    .into_iter()
                    .map(|p| format!("statements by {p}"))
                    .collect(),
                )
            }
            Request::Casualties { .. } => (
                "No casualty figure in the indexed reporting matches that.".to_string(),
                count_by(&|d| d.extraction.claims.iter().map(|c| c.side.clone()).collect())
                    .into_iter()
                    .map(|side| format!("figures for {side}"))
                    .collect(),
            ),
            Request::Search { query } | Request::Timeline { query: Some(query) } => (
                format!("Nothing in the indexed reporting answers `{query}`."),
                crate::question::content_words(query)
                    .into_iter()
                    .filter(|word| snapshot.search(word, 1).is_ok_and(|r| !r.hits.is_empty()))
                    .map(|word| format!("the reporting mentions `{word}`: /search {word}"))
                    .collect(),
            ),
            _ => (
                "Nothing in the indexed reporting answers that.".to_string(),
                Vec::new(),
            ),
        }
    }

    fn search(&self, snapshot: &Snapshot, citer: &mut Citer, query: &str) -> Result<Answer> {
        self.search_with(snapshot, citer, query, 0)
    }

    /// `/search`, keeping only hits whose excerpt marks at least `needed` distinct words.
    fn search_with(
        &self,
        snapshot: &Snapshot,
        citer: &mut Citer,
        query: &str,
        needed: usize,
    ) -> Result<Answer> {
        // A question (needing words in common) is ranked for proximity too.
        let results = if needed > 0 {
            snapshot.search_for_question(query, self.config.answers.max_hits)?
        } else {
            snapshot.search(query, self.config.answers.max_hits)?
        };
        let hits = results
            .hits
            .into_iter()
            .filter(|hit| is_original(snapshot, hit.doc))
            .filter(|hit| distinct_marked(snapshot, hit) >= needed)
            .map(|hit| {
                let (citation, highlights) =
                    citer.cite_marked(hit.doc, hit.paragraph, hit.excerpt, &hit.highlights);
                SearchHit {
                    score: hit.score,
                    citation,
                    highlights,
                }
            })
            .collect();
        Ok(Answer::Search {
            query: query.to_string(),
            hits,
        })
    }

    fn statements(
        &self,
        snapshot: &Snapshot,
        citer: &mut Citer,
        party: &str,
        topic: Option<&str>,
        speaker: Option<&str>,
    ) -> Result<Answer> {
        let topic_query = topic.map(crate::question::topic_query);
        let on_topic = topic_query
            .map(|t| snapshot.matching_paragraphs(&t))
            .transpose()?;
        let mut order: Vec<usize> = (0..snapshot.catalog.documents.len()).collect();
        // Newest document first; undated ones last, in corpus order.
        order.sort_by_key(|&i| std::cmp::Reverse(snapshot.catalog.documents[i].meta.published));
        let mut found = Vec::new();
        for doc in order.into_iter().filter(|&doc| is_original(snapshot, doc)) {
            let extraction = &snapshot.catalog.documents[doc].extraction;
            for s in extraction
                .statements
                .iter()
                .filter(|s| s.party.as_deref() == Some(party))
            {
                if on_topic
                    .as_ref()
                    .is_some_and(|m| !m.contains(&(doc, s.paragraph)))
                {
                    continue;
                }
                found.push((doc, s));
            }
        }
        // The speaker asked about first; the order stands within each part.
        if let Some(speaker) = speaker {
            found.sort_by_key(|(_, s)| !crate::question::names_speaker(speaker, &s.speaker));
        }
        let statements = found
            .into_iter()
            .map(|(doc, s)| StatementEntry {
                speaker: s.speaker.clone(),
                party: s.party.clone(),
                verb: s.verb.clone(),
                direct: s.direct,
                text: s.text.clone(),
                citation: citer.cite(doc, s.paragraph, s.excerpt.clone()),
            })
            .collect();
        let party_name = self
            .gazetteer
            .get(party)
            .map_or_else(|| party.to_string(), |p| p.name.clone());
        Ok(Answer::Statement {
            party: party.to_string(),
            party_name,
            topic: topic.map(str::to_string),
            statements,
        })
    }
}

/// The `n` parties whose id, name or an alias lies fewest edits from `given` (a swap of
/// two letters is one edit), closest first, with the alias that came closest when it is
/// neither the id nor the name. Every party is a candidate, so an unknown name always
/// gets the nearest known ones.
fn closest_parties<'g>(
    gazetteer: &'g Gazetteer,
    given: &str,
    n: usize,
) -> Vec<(&'g Party, Option<&'g str>)> {
    let normal = |name: &str| {
        name.split_whitespace()
            .map(crate::extract::normalize_word)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let input = normal(given);
    if input.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, &Party, Option<&str>)> = gazetteer
        .parties()
        .iter()
        .filter_map(|party| {
            let own = [party.id.as_str(), party.name.as_str()].map(|name| (name, false));
            let aliases = party.aliases.iter().map(|a| (a.as_str(), true));
            own.into_iter()
                .chain(aliases)
                .map(|(name, alias)| {
                    let distance = strsim::damerau_levenshtein(&input, &normal(name));
                    (distance, party, alias.then_some(name))
                })
                .min_by_key(|(distance, _, alias)| (*distance, alias.is_some()))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    scored
        .into_iter()
        .take(n)
        .map(|(_, party, alias)| {
            // An alias that differs from the name only in case or accents says nothing.
            let alias = alias.filter(|a| normal(a) != normal(&party.name));
            (party, alias)
        })
        .collect()
}

/// Whether a document is not a republished copy: copies are cited through their original.
fn is_original(snapshot: &Snapshot, doc: usize) -> bool {
    snapshot.catalog.documents[doc].duplicate_of.is_none()
}

/// How many different words a hit's excerpt marks.
fn distinct_marked(snapshot: &Snapshot, hit: &crate::index::Hit) -> usize {
    let text = &snapshot.catalog.documents[hit.doc].paragraphs[hit.paragraph - 1];
    let Some(excerpt) = text.get(hit.excerpt.clone()) else {
        return 0;
    };
    let words: HashSet<String> = hit
        .highlights
        .iter()
        .filter_map(|r| excerpt.get(r.clone()))
        .map(str::to_lowercase)
        .collect();
    words.len()
}

/// The command and options a reading's command line names.
fn read_as(command_line: &str) -> ReadAs {
    match crate::commands::parse_line(command_line) {
        Ok(invocation) => ReadAs {
            command: invocation.command.name.to_string(),
            options: invocation
                .options
                .iter()
                .map(|(name, value)| {
                    let value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
                    (name.to_string(), value)
                })
                .collect(),
        },
        Err(_) => ReadAs {
            command: "search".into(),
            options: serde_json::Map::new(),
        },
    }
}

/// The `briefbot` subcommand that does what a moderator command does.
fn cli_equivalent(command: &str) -> &str {
    match command {
        "reindex" => "index",
        other => other,
    }
}

fn sources(snapshot: &Snapshot, citer: &mut Citer) -> Answer {
    let sources = snapshot
        .catalog
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| SourceEntry {
            title: d.meta.title.clone(),
            outlet: d.meta.outlet.clone(),
            published: d.meta.published,
            paragraphs: d.paragraphs.len(),
            source: d.source.clone(),
            url: d.meta.url.clone(),
            citation: citer.cite(i, 1, first_sentence(&d.paragraphs[0])),
        })
        .collect();
    Answer::Sources { sources }
}

fn first_sentence(paragraph: &str) -> Range<usize> {
    crate::text::sentences(paragraph)
        .into_iter()
        .next()
        .unwrap_or(0..paragraph.len())
}

fn help() -> Answer {
    Answer::Help {
        commands: COMMANDS
            .iter()
            .map(|c| HelpEntry {
                command: c.name.to_string(),
                usage: c.usage(),
                description: c.description.to_string(),
                admin: c.admin,
            })
            .collect(),
    }
}

/// The documents a topic is about: those with a paragraph or title matching it.
fn documents_on(snapshot: &Snapshot, query: Option<&str>) -> Result<Option<HashSet<usize>>> {
    let Some(query) = query else { return Ok(None) };
    let matches = snapshot.matching_paragraphs(&crate::question::topic_query(query))?;
    Ok(Some(matches.into_iter().map(|(doc, _)| doc).collect()))
}

/// Which claims a casualties answer keeps, besides its topic.
#[derive(Debug, Clone, Copy, Default)]
struct ClaimFilter<'a> {
    side: Option<&'a str>,
    status: Option<Status>,
}

fn parse_status(word: &str) -> Result<Status, UserError> {
    match word.trim().to_ascii_lowercase().as_str() {
        "killed" | "dead" => Ok(Status::Killed),
        "injured" | "wounded" => Ok(Status::Injured),
        "missing" => Ok(Status::Missing),
        "captured" => Ok(Status::Captured),
        "killed_or_injured" | "killed or injured" | "casualties" => Ok(Status::KilledOrInjured),
        other => Err(UserError::new(format!(
            "`status` must be killed, injured, missing, captured or killed_or_injured, not `{other}`"
        ))),
    }
}

fn casualties(
    snapshot: &Snapshot,
    citer: &mut Citer,
    query: Option<&str>,
    only: ClaimFilter,
) -> Result<Answer> {
    let on_topic = documents_on(snapshot, query)?;
    let mut found: Vec<(GroupKey, ClaimEntry)> = Vec::new();
    for (doc, d) in snapshot.catalog.documents.iter().enumerate() {
        if on_topic.as_ref().is_some_and(|docs| !docs.contains(&doc)) || !is_original(snapshot, doc)
        {
            continue;
        }
        let event_date = usual_claim_date(d);
        let kept = d.extraction.claims.iter().filter(|c| {
            only.side.is_none_or(|side| c.sides().any(|s| s == side))
                && only.status.is_none_or(|status| c.status == status)
        });
        for c in kept {
            let entry = ClaimEntry {
                count: c.count,
                count_min: c.count_min,
                count_max: c.count_max,
                who: c.who.clone(),
                side: c.side.clone(),
                status: c.status,
                according_to: According {
                    speaker: c.according_to.speaker.clone(),
                    party: c.according_to.party.clone(),
                },
                date: c.date,
                disputed: false,
                citation: citer.cite(doc, c.paragraph, c.excerpt.clone()),
            };
            let key = GroupKey {
                side: c.side.clone(),
                status: c.status,
                date: c.date.or(event_date),
            };
            found.push((key, entry));
        }
    }
    let (claims, groups) = group_claims(found);
    Ok(Answer::Casualties {
        query: query.map(str::to_string),
        claims,
        groups,
    })
}

/// The date most of a document's dated claims give: the event its undated claims are
/// most likely about.
fn usual_claim_date(doc: &CatalogDoc) -> Option<chrono::NaiveDate> {
    let mut counts: HashMap<chrono::NaiveDate, usize> = HashMap::new();
    for date in doc.extraction.claims.iter().filter_map(|c| c.date) {
        *counts.entry(date).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(date, n)| (n, std::cmp::Reverse(date)))
        .map(|(date, _)| date)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct GroupKey {
    side: Option<String>,
    status: crate::extract::Status,
    date: Option<chrono::NaiveDate>,
}

/// Orders claims by side hit (in order of first appearance), then status and date, and
/// marks each group agreed or disputed. Figures are never summed.
fn group_claims(found: Vec<(GroupKey, ClaimEntry)>) -> (Vec<ClaimEntry>, Vec<ClaimGroup>) {
    let mut keys: Vec<GroupKey> = Vec::new();
    for (key, _) in &found {
        if !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    let side_rank = |side: &Option<String>| keys.iter().position(|k| &k.side == side);
    let mut ordered_keys = keys.clone();
    ordered_keys.sort_by_key(|k| (side_rank(&k.side), k.status, k.date));
    let mut claims = Vec::new();
    let mut groups = Vec::new();
    let mut found: Vec<Option<(GroupKey, ClaimEntry)>> = found.into_iter().map(Some).collect();
    for key in ordered_keys {
        let members: Vec<ClaimEntry> = found
            .iter_mut()
            .filter(|slot| slot.as_ref().is_some_and(|(k, _)| *k == key))
            .filter_map(|slot| slot.take().map(|(_, entry)| entry))
            .collect();
        let figures: HashSet<(Option<u64>, Option<u64>, Option<u64>)> = members
            .iter()
            .map(|c| (c.count, c.count_min, c.count_max))
            .collect();
        let agreed = figures.len() == 1;
        let start = claims.len();
        for mut entry in members {
            entry.disputed = !agreed;
            claims.push(entry);
        }
        groups.push(ClaimGroup {
            side: key.side,
            status: key.status,
            date: key.date,
            claims: (start..claims.len()).collect(),
            agreed,
        });
    }
    (claims, groups)
}

/// How many of the best-matching paragraphs a timeline query draws its events from.
const TIMELINE_PARAGRAPHS: usize = 8;

fn timeline(snapshot: &Snapshot, citer: &mut Citer, query: Option<&str>) -> Result<Answer> {
    // A query keeps the events of the paragraphs that match it best, not of every
    // paragraph that shares one word with it.
    let on_topic: Option<HashSet<(usize, usize)>> = query
        .map(|q| snapshot.search(&crate::question::topic_query(q), TIMELINE_PARAGRAPHS))
        .transpose()?
        .map(|results| results.hits.iter().map(|h| (h.doc, h.paragraph)).collect());
    let mut dated = Vec::new();
    for (doc, d) in snapshot.catalog.documents.iter().enumerate() {
        if !is_original(snapshot, doc) {
            continue;
        }
        for e in &d.extraction.events {
            if on_topic
                .as_ref()
                .is_some_and(|m| !m.contains(&(doc, e.paragraph)))
            {
                continue;
            }
            dated.push((e.date, doc, e.paragraph, e.excerpt.clone()));
        }
    }
    dated.sort_by_key(|(date, doc, paragraph, excerpt)| (*date, *doc, *paragraph, excerpt.start));
    dated.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2 && a.3 == b.3 && a.0 == b.0);
    let events = dated
        .into_iter()
        .map(|(date, doc, paragraph, excerpt)| EventEntry {
            date: Some(date),
            citation: citer.cite(doc, paragraph, excerpt),
        })
        .collect();
    Ok(Answer::Timeline {
        query: query.map(str::to_string),
        events,
    })
}

/// Numbers citations from 1, giving the same words the same number.
struct Citer<'a> {
    snapshot: &'a Snapshot,
    numbers: HashMap<(usize, usize, usize, usize), usize>,
}

impl<'a> Citer<'a> {
    fn new(snapshot: &'a Snapshot) -> Self {
        Self {
            snapshot,
            numbers: HashMap::new(),
        }
    }

    fn cite(&mut self, doc: usize, paragraph: usize, excerpt: Range<usize>) -> Citation {
        self.cite_marked(doc, paragraph, excerpt, &[]).0
    }

    /// A citation of `excerpt`, bounded to a sentence or two (see [`crate::text::bounded`])
    /// around its first marked word, and the marks (relative to the excerpt) moved to
    /// where they stand in the quote.
    fn cite_marked(
        &mut self,
        doc: usize,
        paragraph: usize,
        excerpt: Range<usize>,
        marks: &[Range<usize>],
    ) -> (Citation, Vec<Range<usize>>) {
        let d = &self.snapshot.catalog.documents[doc];
        let text = d
            .paragraphs
            .get(paragraph.wrapping_sub(1))
            .map_or("", String::as_str);
        // A range that does not fit the paragraph (a record from a confused extractor)
        // falls back to the whole paragraph rather than misquoting it.
        let excerpt = match text.get(excerpt.clone()) {
            Some(words) if !words.trim().is_empty() => excerpt,
            _ => 0..text.len(),
        };
        let base = excerpt.start;
        let in_paragraph = |r: &Range<usize>| base + r.start..base + r.end;
        let focus = marks
            .first()
            .map_or(excerpt.start, |r| in_paragraph(r).start);
        let quoted = crate::text::bounded(text, excerpt, focus);
        let marks = marks
            .iter()
            .filter_map(|r| quoted.place(in_paragraph(r)))
            .collect();
        let next = self.numbers.len() + 1;
        let n = *self
            .numbers
            .entry((doc, paragraph, quoted.range.start, quoted.range.end))
            .or_insert(next);
        let citation = Citation {
            n,
            source: d.source.clone(),
            title: d.meta.title.clone(),
            outlet: d.meta.outlet.clone(),
            url: d.meta.url.clone(),
            published: d.meta.published,
            paragraph,
            excerpt: quoted.quote(text),
            also_in: d.also_in.clone(),
        };
        (citation, marks)
    }
}

/// Reads options Discord or the console delivered into an invocation, then a request.
pub fn invocation(
    command: &str,
    options: Vec<(String, OptionValue)>,
) -> Result<Invocation, UserError> {
    let spec = crate::commands::find(command)
        .ok_or_else(|| UserError::new(format!("Unknown command `/{command}`")))?;
    Invocation::new(spec, options)
}
