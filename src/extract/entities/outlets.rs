//! Outlets and sources as speakers: a state's agency, radio or television speaks for the
//! state; a newspaper or a wire service is media; sources are a state's, an institution's
//! or no party's by the words before and after them.

use std::ops::Range;

use super::super::context::Context;
use super::super::knowledge::PartyKind;
use super::super::tokens::Token;
use super::{Np, Referent, Scope, Voice, owner_in};
use crate::extract::lexicon::class;

/// What a speaker's phrase is made of, as `resolve_one` has read it.
pub(super) struct Phrase<'s, 'a, 'c> {
    pub scope: &'s Scope<'a>,
    pub np: &'s Np,
    /// The head and the words before it.
    pub core: &'s [&'s Token<'a>],
    pub head: &'s Token<'a>,
    /// The party the words before the head name, with those words.
    pub owner: Option<&'s (usize, String)>,
    pub cx: &'s Context<'c>,
    pub sentence: Range<usize>,
    /// A referent named by the whole phrase, of this party and voice, with its evidence.
    pub referent: &'s dyn Fn(Option<usize>, Voice, String) -> Referent,
}

impl Phrase<'_, '_, '_> {
    fn has(&self, bits: u64) -> bool {
        self.core.iter().any(|t| t.has(bits))
    }

    /// A speaker of no party named in the phrase: of the state its context names.
    fn at_home(&self) -> Referent {
        self.cx.home(
            self.scope,
            self.np.span.clone(),
            self.sentence.clone(),
            (self.referent)(None, Voice::Party, String::new()),
        )
    }
}

/// An agency, a newspaper, radio or television: whose voice it is, if the head is one.
pub(super) fn media(p: &Phrase<'_, '_, '_>) -> Option<Referent> {
    // Media: a state's agency, radio or television speaks for it; a newspaper or an
    // agency of no party is media.
    // "the National Emergency Management Agency": a named agency with no word of news
    // is a state's office, not a wire service.
    let office_agency = p.head.is("agency")
        && p.head.capitalized()
        && p.core.len() >= 3
        && !p.core.iter().any(|t| {
            t.is_any(&[
                "news",
                "press",
                "wire",
                "information",
                "telegraph",
                "state",
                "official",
                "semi-official",
            ])
        });
    if office_agency && p.owner.is_none() {
        return Some(p.at_home());
    }
    if p.head.has(class::MEDIA) && !p.head.has(class::INSTITUTION) || p.head.is("agency") {
        if let Some((party, words)) = p.owner.cloned() {
            let state = matches!(
                p.scope.party_kind(party),
                Some(PartyKind::State | PartyKind::Defacto | PartyKind::Group)
            );
            let official = p.core.iter().any(|t| {
                t.is_any(&[
                    "state",
                    "official",
                    "government",
                    "state-run",
                    "state-owned",
                    "government-run",
                    "semi-official",
                ])
            });
            if state && (p.head.has(class::STATE_MEDIA) || official) {
                return Some((p.referent)(
                    Some(party),
                    Voice::Party,
                    format!("{words} {}", p.head.text),
                ));
            }
        }
        // "state media reported", "state television said": a state's own voice, of the
        // state its context names.
        let state_run = p.core.iter().take(p.core.len().saturating_sub(1)).any(|t| {
            t.is_any(&[
                "state",
                "state-run",
                "state-owned",
                "government-run",
                "official",
            ])
        });
        if p.owner.is_none() && state_run {
            return Some(p.at_home());
        }
        return Some((p.referent)(None, Voice::Media, String::new()));
    }
    None
}

/// Sources: "military sources" are a state's, "a source from the Ministry of Defence" the
/// ministry's, "shipping sources" no party's; None when the head is no source.
pub(super) fn sources(p: &Phrase<'_, '_, '_>) -> Option<Referent> {
    // Sources: "military sources" are a state's, "shipping sources" no party's.
    if p.head.is_any(&["sources", "source"]) {
        if p.has(class::NONPARTY_SOURCES) {
            return Some((p.referent)(None, Voice::NonParty, String::new()));
        }
        if let Some((party, words)) = p.owner.cloned() {
            return Some((p.referent)(Some(party), Voice::Party, words));
        }
        // "a source from the Nagorno-Karabakh's Ministry of Defence", "sources in the
        // ministry": a source inside an institution speaks from it.
        let inside = p.np.owners.iter().chain(&p.np.places).find_map(|r| {
            p.scope
                .toks
                .get(r.clone())?
                .iter()
                .any(|t| t.has(class::INSTITUTION))
                .then(|| owner_in(p.scope, r.start..p.np.span.end, true))
                .flatten()
        });
        if let Some((party, words)) = inside {
            return Some((p.referent)(Some(party), Voice::Party, words));
        }
        if p.has(class::STATE_SOURCES) {
            return Some(p.at_home());
        }
        return Some((p.referent)(None, Voice::NonParty, String::new()));
    }
    None
}
