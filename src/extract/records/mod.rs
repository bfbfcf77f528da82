//! Records: reads a document paragraph by paragraph through the stages (tokens, entities,
//! speech, figures, roles) and writes what it found as statements, casualty claims and
//! events, each with the words its party came from.

use std::collections::HashSet;
use std::ops::Range;

use super::context::Context;
use super::dates::find_dates;
use super::entities::{MentionKind, Mentions, Referent, Scope, Voice};
use super::figures::{self, Read};
use super::knowledge::{Gazetteer, PartyKind};
use super::lexicon::class;
use super::names::LearnedNames;
use super::roles::{Earlier, Side, Surround, side_of, story_place_candidate, with_included};
use super::speech::{self, Speech, sentence_tokens};
use super::tokens::{Token, Tokens, tokenize};
use super::{Attribution, CasualtyClaim, DocText, Extraction, Statement, events};

mod claims;
mod statements;

use claims::claims;
use statements::statements;

/// Reads one document.
pub(crate) fn read_document(
    doc: &DocText<'_>,
    gazetteer: &Gazetteer,
    names: &LearnedNames,
) -> Extraction {
    let mut cx = Context::new(gazetteer, names);
    // Whose a place was depends on when: an undated story's own first dated words
    // ("Emergencies September 05, 2023", "DONETSK, September 5, 2023") say when it is.
    let era = doc.published.or_else(|| story_date(doc));
    cx.outlet = doc.outlet.map(str::to_string);
    let outlet = outlet_voice(doc.outlet, gazetteer);
    let mut out = Extraction::default();
    let mut earlier: Vec<Earlier> = Vec::new();
    // Claims of civilians with no side, which take the place where the story happens once
    // the whole story has been read.
    let mut awaiting_place: Vec<(usize, Option<String>)> = Vec::new();
    if let Some(title) = doc.title {
        // The headline's places set the scene ("Army Rebels Occupy Manila Hq").
        let t = tokenize(title);
        let mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
        let scope = Scope {
            text: title,
            toks: &t.toks,
            mentions: &mentions,
            gazetteer,
        };
        cx.note_places(&scope);
        cx.note_headline(&scope);
    }
    // Entities first, over the whole story: where it happens is known before any
    // paragraph is read for claims ("the army said" in paragraph 4 of a story that names
    // its country in paragraph 8).
    // A short form a paragraph defines ("the Arakan Army, or AA,") names the party from
    // there on.
    let mut read: Vec<(Tokens<'_>, Mentions)> = doc
        .paragraphs
        .iter()
        .map(|text| {
            let t = tokenize(text);
            let mut mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
            if cx.note_acronyms(&t.toks, &mentions) {
                mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
            }
            cx.note_surnames(&t.toks, &mentions);
            (t, mentions)
        })
        .collect();
    // "Aden said", after "Police spokesperson Abdifatah Aden": read again the paragraphs
    // that took such a surname for a city.
    for (t, mentions) in &mut read {
        let stale = mentions.list.iter().any(|m| {
            m.span.len() == 1
                && (matches!(m.kind, MentionKind::Place | MentionKind::Capital)
                    && t.toks
                        .get(m.span.start)
                        .is_some_and(|w| cx.is_surname(w.text))
                    || m.kind != MentionKind::Person
                        && cx.named_person_at(&t.toks, m.span.start).is_some())
        });
        if stale {
            *mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
        }
    }
    // "Press Release: UN High Commissioner for Human Rights", "Comment by UN Human Rights
    // Office Spokesperson ...": a party's own release speaks in its name throughout.
    // A heading line of its own says nothing: the release speaks from the paragraph after.
    let from_heading = doc
        .title
        .and_then(|title| release_author(title, gazetteer, &cx, era));
    let from_first = doc
        .paragraphs
        .first()
        .and_then(|first| release_author(first, gazetteer, &cx, era));
    let first_is_heading = from_first.is_some();
    cx.author = match (from_heading, from_first) {
        (Some(r), _) => Some((r, if first_is_heading { 2 } else { 1 })),
        (None, Some(r)) => Some((r, 2)),
        (None, None) => None,
    };
    for ((t, mentions), text) in read.iter().zip(doc.paragraphs) {
        cx.foresee_places(&Scope {
            text,
            toks: &t.toks,
            mentions,
            gazetteer,
        });
    }
    // "the SNA base" in a story set in Somalia: not Syria's National Army.
    let stray = cx.set_aside_stray_acronyms(read.iter().map(|(t, m)| (t.toks.as_slice(), m)));
    if stray {
        for (t, mentions) in &mut read {
            if t.toks.iter().any(|w| cx.is_stray_acronym(w.text)) {
                *mentions = Mentions::find(&t.toks, gazetteer, &cx, era);
            }
        }
    }
    for (index, ((t, mentions), text)) in read.iter().zip(doc.paragraphs).enumerate() {
        let paragraph = index + 1;
        cx.paragraph = paragraph;
        let scope = Scope {
            text,
            toks: &t.toks,
            mentions,
            gazetteer,
        };
        cx.note_groups(&scope);
        let speech = speech::read(&scope, t, &mut cx);
        out.statements
            .extend(statements(paragraph, &scope, t, &speech));
        let dates = find_dates(text, doc.published);
        let framed = frame_mask(t, &speech);
        let dated = events::sentence_dates(t, &framed, &dates);
        let (claims, placeable) = claims(
            paragraph,
            &scope,
            t,
            &speech,
            &outlet,
            &dated,
            &mut earlier,
            &cx,
        );
        let base = out.claims.len();
        awaiting_place.extend(placeable.into_iter().map(|(i, agent)| (base + i, agent)));
        out.claims.extend(claims);
        out.events.extend(events::dated(paragraph, t, &dated));
        cx.note_recent_places(&scope);
        cx.note_named(&scope);
    }
    if let Some((id, words)) = cx.story_place() {
        for (i, agent) in awaiting_place {
            // A group hitting from the story's own land ("Hamas ... killing 1,200 people")
            // hits people somewhere else.
            let from_here = agent.as_deref().is_some_and(|a| {
                gazetteer.get(a).is_some_and(|p| {
                    p.kind == PartyKind::Group && p.country.as_deref() == Some(id.as_str())
                })
            });
            if from_here {
                continue;
            }
            let Some(c) = out.claims.get_mut(i) else {
                continue;
            };
            let (side, why) = match own_count(c, agent.as_deref(), &id, gazetteer) {
                Some(party) => {
                    let why = format!(
                        "counted by {}, a party that counts its own",
                        c.according_to.speaker
                    );
                    (party, why)
                }
                None => (
                    id.clone(),
                    format!("hit where the story happens: “{words}”"),
                ),
            };
            c.side = Some(side);
            c.side_evidence = Some(why);
        }
    }
    named_after_office(&mut out, gazetteer, doc.paragraphs);
    named_elsewhere(&mut out);
    out
}

/// The party whose own people a figure with no side counts: a state or de facto
/// authority that gives it ("Azerbaijani authorities ... say the fighting has killed 90
/// civilians"), other than the one where the story happens and other than whoever hit
/// them. A warring party gives its own losses; the land it fights over is weaker
/// evidence.
fn own_count(
    claim: &CasualtyClaim,
    agent: Option<&str>,
    place: &str,
    gazetteer: &Gazetteer,
) -> Option<String> {
    let party = gazetteer.get(claim.according_to.party.as_deref()?)?;
    let warring = matches!(party.kind, PartyKind::State | PartyKind::Defacto);
    (warring && party.id != place && agent != Some(party.id.as_str())).then(|| party.id.clone())
}

/// "The Lebanese Minister of Health revealed ..." then "Firas al-Abyad told reporters":
/// a person named in full for the first time, with nothing said of who they are, right
/// after an office spoke unnamed, is taken for that office's holder, and its party.
fn named_after_office(out: &mut Extraction, gazetteer: &Gazetteer, paragraphs: &[String]) {
    // Whether a capitalised word of a phrase is a party's name, a place or a word the
    // lexicon knows (an office, an outlet, an institution).
    let known_words = |phrase: &str| -> Vec<(bool, bool)> {
        let t = tokenize(phrase);
        (0..t.toks.len())
            .filter(|&i| t.toks[i].word)
            .map(|i| {
                let tok = &t.toks[i];
                let known = tok.class != 0
                    || gazetteer
                        .match_tokens_case(&t.toks, i, None, false)
                        .is_some()
                    || gazetteer.place_tokens(&t.toks, i).is_some();
                (tok.capitalized(), known)
            })
            .collect()
    };
    // "Lev Dengov", "Firas al-Abyad": two to four words of a name and nothing else.
    let bare_name = |speaker: &str| {
        let words: Vec<&str> = speaker.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && !speaker.contains(',')
            && words.iter().all(|w| {
                (w.chars().next().is_some_and(char::is_uppercase)
                    || super::names::NAME_PARTICLES.contains(w)
                    || w.starts_with("al-"))
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            && known_words(speaker).iter().all(|&(_, known)| !known)
    };
    // An office that named no one: each capitalised word is a word of office or a party's
    // ("Lebanese Minister of Health", "lead Russian negotiator in the contact group").
    let unnamed_office = |st: &Statement| {
        let words: Vec<String> = st
            .speaker
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        // A person's office, not a body's ("General Prosecutor's Office").
        let title = words
            .iter()
            .any(|w| super::lexicon::classes(w) & class::OFFICE != 0)
            && !words.iter().any(|w| {
                matches!(
                    w.trim_end_matches("'s"),
                    "office"
                        | "ministry"
                        | "department"
                        | "service"
                        | "command"
                        | "council"
                        | "committee"
                        | "headquarters"
                        | "agency"
                )
            });
        st.party.is_some()
            && title
            && known_words(&st.speaker)
                .iter()
                .all(|&(capital, known)| !capital || known)
    };
    let mut found: Vec<(String, String, String)> = Vec::new();
    for i in 0..out.statements.len() {
        let st = &out.statements[i];
        if st.party.is_some() || !bare_name(&st.speaker) {
            continue;
        }
        let last = st.speaker.split_whitespace().last().unwrap_or("");
        let named_before = out.statements[..i]
            .iter()
            .any(|e| e.speaker.split_whitespace().any(|w| w == last));
        let Some(before) = out.statements[..i]
            .iter()
            .rev()
            .find(|e| e.speaker != st.speaker)
            .filter(|e| e.paragraph + 1 >= st.paragraph && unnamed_office(e))
        else {
            continue;
        };
        // "says Yusif Rzaev, a resident of Barda": an apposition says who they are.
        let described = paragraphs
            .get(st.paragraph.wrapping_sub(1))
            .is_some_and(|text| {
                text.match_indices(st.speaker.as_str())
                    .any(|(at, _)| text[at + st.speaker.len()..].starts_with(','))
            });
        if named_before || described {
            continue;
        }
        let (Some(party), name) = (before.party.clone(), st.speaker.clone()) else {
            continue;
        };
        let evidence = format!(
            "“{name}”, named right after “{}” spoke, taken for its holder",
            before.speaker
        );
        found.push((name, party, evidence));
    }
    for (name, party, evidence) in found {
        for st in out
            .statements
            .iter_mut()
            .filter(|s| s.speaker == name && s.party.is_none())
        {
            st.party = Some(party.clone());
            st.evidence = Some(evidence.clone());
        }
        for c in out.claims.iter_mut() {
            let by = &mut c.according_to;
            if by.speaker == name && by.party.is_none() {
                by.party = Some(party.clone());
                by.evidence = Some(evidence.clone());
            }
        }
    }
}

/// A person the story names without a party in one paragraph and with one in another
/// ("Aleksandr Khinshtein has condemned ..." above "Governor Aleksandr Khinshtein said",
/// in a sentence about Kursk Region) is the same person, with that party. Where the story
/// gives the surname two parties, it stays unknown.
fn named_elsewhere(out: &mut Extraction) {
    let surname = |speaker: &str| -> Option<String> {
        // A person's name: every word capitalised, the last a word of letters, and no
        // apposition that has said who the person is ("Arif Aliyev, head of the ...
        // Journalists Union" speaks for no party).
        if speaker.contains(',') {
            return None;
        }
        let words: Vec<&str> = speaker.split_whitespace().collect();
        let last = *words.last()?;
        let named = words.len() <= 4
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && last.chars().all(|c| c.is_alphabetic() || c == '-')
            && last.chars().skip(1).any(char::is_lowercase);
        named.then(|| last.to_lowercase())
    };
    let mut known: std::collections::BTreeMap<String, Option<(String, String)>> =
        std::collections::BTreeMap::new();
    let voices = out
        .statements
        .iter()
        .map(|s| (s.speaker.as_str(), s.party.as_ref(), s.paragraph))
        .chain(out.claims.iter().map(|c| {
            (
                c.according_to.speaker.as_str(),
                c.according_to.party.as_ref(),
                c.paragraph,
            )
        }));
    for (speaker, party, paragraph) in voices {
        let (Some(name), Some(party)) = (surname(speaker), party) else {
            continue;
        };
        let entry = known
            .entry(name)
            .or_insert_with(|| Some((party.clone(), format!("“{speaker}” in ¶{paragraph}"))));
        if entry.as_ref().is_some_and(|(p, _)| p != party) {
            *entry = None;
        }
    }
    let found = |speaker: &str| {
        surname(speaker)
            .and_then(|name| known.get(&name).cloned().flatten())
            .map(|(party, words)| (party, format!("the same person, named as {words}")))
    };
    for s in out.statements.iter_mut().filter(|s| s.party.is_none()) {
        if let Some((party, evidence)) = found(&s.speaker) {
            s.party = Some(party);
            s.evidence = Some(evidence);
        }
    }
    for c in out.claims.iter_mut() {
        let by = &mut c.according_to;
        if by.party.is_none()
            && let Some((party, evidence)) = found(&by.speaker)
        {
            by.party = Some(party);
            by.evidence = Some(evidence);
        }
    }
}

/// The party a press release or a statement published whole speaks for, from its
/// heading: "Press Release: UN High Commissioner for Human Rights", "Comment by UN Human
/// Rights Office Spokesperson Thameen Al-Kheetan on Killings in Haiti".
fn release_author(
    text: &str,
    gazetteer: &Gazetteer,
    cx: &Context<'_>,
    era: Option<chrono::NaiveDate>,
) -> Option<Referent> {
    const MARKS: &[&str] = &[
        "press release:",
        "press release by",
        "press release from",
        "statement by",
        "statement from",
        "comment by",
        "statement of",
    ];
    let trimmed = text.trim_start();
    let mark = MARKS.iter().find(|m| {
        trimmed
            .get(..m.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(m))
    })?;
    let rest = trimmed.get(mark.len()..)?;
    // The author ends where the subject begins.
    let end = [
        " on ",
        " On ",
        " regarding ",
        " Regarding ",
        " about ",
        " About ",
        ":",
        " – ",
    ]
    .iter()
    .filter_map(|stop| rest.find(stop))
    .min()
    .unwrap_or(rest.len());
    let who = rest.get(..end)?.trim();
    let t = tokenize(who);
    let mentions = Mentions::find(&t.toks, gazetteer, cx, era);
    let scope = Scope {
        text: who,
        toks: &t.toks,
        mentions: &mentions,
        gazetteer,
    };
    let all = 0..t.toks.len();
    super::entities::resolve_speaker(&scope, all.clone(), cx, all)
        .filter(|r| r.voice == Voice::Party && r.party.is_some())
        .map(|r| Referent {
            evidence: format!("the release's heading names its author: “{who}”"),
            ..r
        })
}

/// The outlet's own voice: no party, even when the outlet is a state's news agency (a
/// figure it gives without attribution is its own account, "unattributed"); but a party's
/// own press office publishing its releases (ISPR, a ministry's site, UN OCHA) is that
/// party.
fn outlet_voice(outlet: Option<&str>, gazetteer: &Gazetteer) -> Attribution {
    let speaker = outlet.unwrap_or("the report").to_string();
    // "Ministry of Defence (India)": the state the outlet names says whose office it is.
    let office = outlet.and_then(|o| {
        let t = tokenize(o);
        let matches: Vec<_> = (0..t.toks.len())
            .filter_map(|i| gazetteer.match_tokens_case(&t.toks, i, None, false))
            .collect();
        let named = matches.iter().find(|m| {
            matches!(
                m.kind,
                super::knowledge::NameKind::Name | super::knowledge::NameKind::Demonym
            )
        });
        // "UN OCHA": an international body's own office publishes for the body.
        let body = named.filter(|m| {
            gazetteer
                .party(m.party)
                .is_some_and(|p| p.kind == super::knowledge::PartyKind::Intl)
        });
        let institution = matches
            .iter()
            .find(|m| m.kind == super::knowledge::NameKind::Institution);
        // A ministry, an army or a police force of a named state, and not its news agency.
        let office_word = t.toks.iter().any(|x| {
            x.is_any(&[
                "ministry",
                "army",
                "police",
                "government",
                "presidency",
                "military",
                "armed",
            ])
        }) && !t.toks.iter().any(|x| x.has(class::MEDIA));
        let party = match (institution, named) {
            (_, Some(n)) if office_word => n.party,
            (Some(i), _) => i.party,
            _ => body?.party,
        };
        gazetteer.party(party).map(|p| p.id.clone())
    });
    let evidence = office
        .as_ref()
        .map(|_| format!("the outlet, {speaker}, is the party's own press office"));
    Attribution {
        speaker,
        party: office,
        evidence,
    }
}

/// Per token: whether it belongs to an act of saying or the time words beside it ("said
/// late Monday", "Russia on Monday said"), where a date tells when something was said, not
/// when it happened. An opening "On Sunday, the ministry said ..." is marked apart: it may
/// date the whole sentence, but not the sentences after it.
fn frame_mask(t: &Tokens<'_>, speech: &Speech) -> events::Framed {
    let mut framed = events::Framed {
        saying: vec![false; t.toks.len()],
        opening: vec![false; t.toks.len()],
    };
    let timeish = |x: &Token<'_>| {
        !x.word
            || x.has(class::TIME)
            || x.is_month()
            || x.is_any(&["on", "late", "early", "in", "a", "statement", "interview"])
            || x.norm.chars().all(|c| c.is_ascii_digit())
    };
    for f in &speech.frames {
        // A verb coordinated with an earlier one ("expressed concern about Sunday's
        // shooting and urged ...") stands apart from its speaker's phrase.
        let adjacent = f.np.end + 4 >= f.act.start && f.act.end + 4 >= f.np.start;
        let start = if adjacent {
            f.np.start.min(f.act.start)
        } else {
            f.act.start
        };
        let mut end = if adjacent {
            f.np.end.max(f.act.end)
        } else {
            f.act.end
        };
        while t.toks.get(end).is_some_and(|x| x.word && timeish(x)) {
            end += 1;
        }
        for slot in framed.saying.get_mut(start..end).into_iter().flatten() {
            *slot = true;
        }
        let sentence = sentence_tokens(t, f.sentence);
        if start > sentence.start
            && (sentence.start..start).all(|k| t.toks.get(k).is_some_and(timeish))
        {
            for slot in framed
                .opening
                .get_mut(sentence.start..start)
                .into_iter()
                .flatten()
            {
                *slot = true;
            }
        }
    }
    framed
}

/// The first date with its year that an undated story gives in its headline or its
/// first three paragraphs.
fn story_date(doc: &DocText<'_>) -> Option<chrono::NaiveDate> {
    doc.title
        .into_iter()
        .chain(doc.paragraphs.iter().take(3).map(String::as_str))
        .find_map(|text| find_dates(text, None).first().map(|d| d.date))
}
