//! `Request -> Answer`: the one place that decides what an answer holds. It knows nothing
//! of Discord or terminals; the records it reads were made at index time, so answering is
//! a lookup plus, for `/search` and topics, one tantivy query. A long answer is asked for
//! by [`Window`]: `--json` takes all of it, a page only its items.

mod cite;
mod lists;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock, RwLock};

use crate::answer::*;
use crate::commands::{COMMANDS, Invocation, OptionValue};
use crate::config::Config;
use crate::error::{Error, Result, UserError};
use crate::extract::{Gazetteer, Party, Status};
use crate::index::catalog::Fingerprint;
use crate::index::{BuildSummary, Snapshot, Writer};
/// Requests are answered here; the type lives in `request`, below `question`, which reads
/// a question as one.
pub use crate::request::Request;
use cite::Citer;
use lists::{ClaimFilter, StatementQuery};

/// The engine: configuration, gazetteer and the index generation that answers now.
pub struct Engine {
    config: Config,
    gazetteer: OnceLock<Gazetteer>,
    snapshot: RwLock<Arc<Snapshot>>,
}

impl Engine {
    /// Opens the configured index, building it first when it is missing or outdated.
    /// A corpus folder that is not there is a [`UserError`] and nothing is built: run
    /// from the wrong folder, the bot would otherwise answer from nothing. The gazetteer
    /// is read now, so a mistake in the configuration's parties is said at once.
    pub fn open(config: Config) -> Result<(Engine, Option<BuildSummary>)> {
        let gazetteer = Gazetteer::with_config(&config.parties)?;
        let engine = OnceLock::new();
        let _ = engine.set(gazetteer);
        Self::open_with(config, engine)
    }

    /// [`Engine::open`] for one quick answer that needs no party (`/search`, `/sources`,
    /// `/timeline`, `/help`): the gazetteer, most of a fresh process's work, is read only
    /// if something asks for it.
    pub fn open_lazily(config: Config) -> Result<(Engine, Option<BuildSummary>)> {
        Self::open_with(config, OnceLock::new())
    }

    fn open_with(
        config: Config,
        gazetteer: OnceLock<Gazetteer>,
    ) -> Result<(Engine, Option<BuildSummary>)> {
        config.check_corpus()?;
        let path = &config.index.path;
        let (snapshot, built) = match Snapshot::open(path)? {
            Ok(snapshot) => (snapshot, None),
            Err(_) => {
                let parties = gazetteer.get_or_init(|| read_gazetteer(&config));
                Writer::new(path).open_or_build(&config.index_folders(), parties)?
            }
        };
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

    /// The parties: read when first asked for, unless [`Engine::open`] read them.
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer.get_or_init(|| read_gazetteer(&self.config))
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
        let snapshot = Snapshot::open(&self.config.index.path)?.map_err(Error::NoIndexToReload)?;
        *self
            .snapshot
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(snapshot);
        Ok(())
    }

    /// Switches to the generation `CURRENT` names if it is not the one answering: another
    /// process (a replica's writer, `briefbot index`) rebuilt the index. True if it did.
    pub fn reload_if_changed(&self) -> Result<bool> {
        let path = &self.config.index.path;
        match crate::index::current_generation(path) {
            Some(current) if current != self.snapshot().generation => {
                self.reload()?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Parses a typed command line and answers it, complete.
    pub fn ask_line(&self, line: &str) -> Result<Answer> {
        self.ask_line_window(line, Window::ALL)
    }

    /// Parses a typed command line and answers it, holding the items of `window`.
    pub fn ask_line_window(&self, line: &str, window: Window) -> Result<Answer> {
        let invocation = crate::commands::parse_line(line)?;
        let request = self.request(&invocation)?;
        self.answer_window(&request, window)
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
                explain: invocation.get("explain") == Some(&OptionValue::Boolean(true)),
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
                    explain: invocation.get("explain") == Some(&OptionValue::Boolean(true)),
                }
            }
            other if invocation.command.admin => {
                return Err(UserError::new(format!(
                    "/{other} is a moderator command: run it on Discord, or `briefbot {}` in a terminal",
                    invocation.command.cli_name()
                )));
            }
            other => {
                return Err(UserError::new(format!("/{other} is not answered here")));
            }
        };
        Ok(request)
    }

    fn resolve_party(&self, given: &str) -> Result<&Party, UserError> {
        self.gazetteer()
            .resolve(given)
            .ok_or_else(|| self.unknown_party(given))
    }

    /// Resolves a party name; when the whole text is not one, its longest leading run of
    /// words that is, with the rest returned as a topic (`/statement baku peacekeepers`).
    fn resolve_party_prefix(&self, given: &str) -> Result<(&Party, Option<String>), UserError> {
        if let Some(party) = self.gazetteer().resolve(given) {
            return Ok((party, None));
        }
        let words: Vec<&str> = given.split_whitespace().collect();
        for cut in (1..words.len()).rev() {
            if let Some(party) = self.gazetteer().resolve(&words[..cut].join(" ")) {
                return Ok((party, Some(words[cut..].join(" "))));
            }
        }
        Err(self.unknown_party(given))
    }

    pub fn unknown_party(&self, given: &str) -> UserError {
        let closest: Vec<String> = closest_parties(self.gazetteer(), given, 3)
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

    /// Answers a checked request from the current generation, complete.
    pub fn answer(&self, request: &Request) -> Result<Answer> {
        self.answer_window(request, Window::ALL)
    }

    /// Answers a checked request, holding the items of `window` of a long list (and the
    /// list's length, for a page's "of N").
    pub fn answer_window(&self, request: &Request, window: Window) -> Result<Answer> {
        let snapshot = self.snapshot();
        Ok(match request {
            Request::Search { query } => self.search_with(&snapshot, query, 0)?,
            Request::Sources => lists::sources(&snapshot, window),
            Request::Help => help(),
            Request::Casualties {
                query,
                side,
                status,
                explain,
            } => {
                let only = ClaimFilter {
                    side: side.as_deref(),
                    status: *status,
                };
                let on_topic = topic(&snapshot, query.as_deref())?;
                let asked = lists::ClaimQuery {
                    query: query.as_deref(),
                    only,
                    on_topic: on_topic.as_ref(),
                    explain: *explain,
                };
                lists::casualties(&snapshot, &asked, window)
            }
            Request::Statement {
                party,
                topic: about,
                speaker,
                explain,
            } => {
                let on_topic = topic(&snapshot, about.as_deref())?;
                let asked = StatementQuery {
                    party,
                    on_topic: on_topic.as_ref(),
                    speaker: speaker.as_deref(),
                };
                let (statements, shown) = lists::statements(&snapshot, &asked, window);
                let party_name = self
                    .gazetteer()
                    .get(party)
                    .map_or_else(|| party.to_string(), |p| p.name.clone());
                Answer::Statement {
                    party: party.to_string(),
                    party_name,
                    topic: about.clone(),
                    statements,
                    explain: *explain,
                    shown,
                }
            }
            Request::Timeline { query } => {
                // A query keeps the events of the paragraphs that match it best, not of
                // every paragraph that shares one word with it.
                let best: Option<Vec<(usize, usize)>> = query
                    .as_deref()
                    .map(|q| {
                        let query = crate::question::topic_query(q);
                        snapshot.best_paragraphs(&query, TIMELINE_PARAGRAPHS)
                    })
                    .transpose()?
                    .map(|results| results.hits.iter().map(|h| (h.doc, h.paragraph)).collect());
                lists::timeline(&snapshot, query.as_deref(), best.as_deref(), window)
            }
            Request::Ask { question } => {
                let reading = crate::question::read(question, self.gazetteer());
                return self.answer_reading_window(question, &reading, window);
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
        self.answer_reading_window(question, reading, Window::ALL)
    }

    /// [`Engine::answer_reading`], holding the items of `window`.
    pub fn answer_reading_window(
        &self,
        question: &str,
        reading: &crate::question::Reading,
        window: Window,
    ) -> Result<Answer> {
        let snapshot = self.snapshot();
        let answer = match &reading.request {
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
                    .filter_map(|w| self.gazetteer().resolve(w))
                    .map(|p| p.id.as_str())
                    .collect();
                let answer = self.search_with(&snapshot, query, needed)?;
                self.keep_hits_naming(answer, &parties)
            }
            Request::Ask { .. } => {
                return Err(UserError::new("A question cannot be read as another question").into());
            }
            request => self.answer_window(request, window)?,
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
        if parties.is_empty() {
            return answer;
        }
        let Answer::Search { query, hits, .. } = answer else {
            return answer;
        };
        let hits = hits
            .into_iter()
            .filter(|hit| {
                let named: HashSet<&str> = hit
                    .citation
                    .excerpt
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .filter_map(|w| self.gazetteer().resolve(w))
                    .map(|p| p.id.as_str())
                    .collect();
                parties.iter().all(|p| named.contains(p))
            })
            .collect();
        search_answer(query, hits)
    }

    /// What to say when a reading finds nothing, and the closest things the index has.
    fn closest_to(&self, snapshot: &Snapshot, request: &Request) -> (String, Vec<String>) {
        let catalog = &snapshot.catalog;
        let top = |counts: HashMap<&str, usize>| {
            let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            counts
                .into_iter()
                .take(5)
                .map(|(id, n)| {
                    let name = self
                        .gazetteer()
                        .get(id)
                        .map_or(id.to_string(), |p| p.name.clone());
                    format!("{name} ({n})")
                })
                .collect::<Vec<_>>()
        };
        match request {
            Request::Statement { party, topic, .. } => {
                let name = self
                    .gazetteer()
                    .get(party)
                    .map_or(party.as_str(), |p| p.name.as_str());
                let about = topic
                    .as_deref()
                    .map(|t| format!(" about `{t}`"))
                    .unwrap_or_default();
                (
                    format!("No statement by {name}{about} in the indexed reporting."),
                    top(catalog.parties().collect())
                        .into_iter()
                        .map(|p| format!("statements by {p}"))
                        .collect(),
                )
            }
            Request::Casualties { .. } => {
                let mut sides: HashMap<&str, usize> = HashMap::new();
                for side in catalog.claims().filter_map(|c| c.side()) {
                    *sides.entry(side).or_default() += 1;
                }
                (
                    "No casualty figure in the indexed reporting matches that.".to_string(),
                    top(sides)
                        .into_iter()
                        .map(|side| format!("figures for {side}"))
                        .collect(),
                )
            }
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

    /// `/search`, keeping only hits whose excerpt marks at least `needed` distinct words.
    fn search_with(&self, snapshot: &Snapshot, query: &str, needed: usize) -> Result<Answer> {
        // A question (needing words in common) is ranked for proximity too.
        let results = if needed > 0 {
            snapshot.search_for_question(query, self.config.answers.max_hits)?
        } else {
            snapshot.search(query, self.config.answers.max_hits)?
        };
        let mut citer = Citer::new(&snapshot.catalog);
        let hits = results
            .hits
            .into_iter()
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
        Ok(search_answer(query.to_string(), hits))
    }
}

/// A search answer, whole, with the fingerprint of what it cites.
fn search_answer(query: String, hits: Vec<SearchHit>) -> Answer {
    let mut print = Fingerprint::default();
    for hit in &hits {
        let c = &hit.citation;
        print
            .text(&c.source)
            .number(c.paragraph as u64)
            .text(&c.excerpt)
            .optional(c.outlet.as_deref())
            .text(&c.title);
        for outlet in &c.also_in {
            print.text(outlet);
        }
        for mark in &hit.highlights {
            print.number(mark.start as u64).number(mark.end as u64);
        }
    }
    let mut sources: Vec<&str> = hits.iter().map(|h| h.citation.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let shown = Shown {
        offset: 0,
        total: hits.len(),
        fingerprint: print.finish(),
        sources: sources.len(),
    };
    Answer::Search { query, hits, shown }
}

/// The paragraphs whose words a topic's query matches, when there is a topic.
fn topic(snapshot: &Snapshot, query: Option<&str>) -> Result<Option<crate::index::ParagraphSet>> {
    query
        .map(|q| snapshot.matching_paragraphs(&crate::question::topic_query(q)))
        .transpose()
}

/// How many of the best-matching paragraphs a timeline query draws its events from.
const TIMELINE_PARAGRAPHS: usize = 8;

/// The configured parties, for an engine opened lazily: [`Engine::open`] has said any
/// mistake in them already, so here one only leaves the built-in parties answering.
fn read_gazetteer(config: &Config) -> Gazetteer {
    Gazetteer::with_config(&config.parties).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "the configured parties are not valid: the built-in ones answer");
        Gazetteer::builtin()
    })
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

/// How many different words a hit's excerpt marks.
fn distinct_marked(snapshot: &Snapshot, hit: &crate::index::Hit) -> usize {
    let text = snapshot
        .catalog
        .document(hit.doc)
        .and_then(|d| d.paragraph(hit.paragraph))
        .unwrap_or("");
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

/// Reads options Discord or the console delivered into an invocation, then a request.
pub fn invocation(
    command: &str,
    options: Vec<(String, OptionValue)>,
) -> Result<Invocation, UserError> {
    let spec = crate::commands::find(command)
        .ok_or_else(|| UserError::new(format!("Unknown command `/{command}`")))?;
    Invocation::new(spec, options)
}
