//! Offices and bodies whose party is not the one their name holds: an office a state
//! installed in ground a de facto authority held, and a state's body that shares an
//! international body's name.

use chrono::NaiveDate;

use super::super::knowledge::{Gazetteer, PartyKind};
use super::super::tokens::Token;
use super::{Mention, MentionKind};

/// "the Russian-installed mayor of Donetsk", "a Russian-appointed official in occupied
/// Luhansk Oblast": an office a state installed in ground a de facto authority held then is
/// that authority's. Elsewhere ("the Russian-installed governor of Kherson region") it stays
/// the installing state's.
pub(super) fn installed_by_holder(
    list: &mut [Mention],
    toks: &[Token<'_>],
    gazetteer: &Gazetteer,
    date: Option<NaiveDate>,
) {
    for n in 0..list.len() {
        let Some(m) = list.get(n) else { continue };
        let installed = m.span.len() == 1
            && toks
                .get(m.span.start)
                .is_some_and(|t| t.compound_tail_is(&["installed", "appointed"]));
        if !installed {
            continue;
        }
        let sentence = toks.get(m.span.start).map(|t| t.sentence);
        let end = m.span.end;
        let holder = list
            .iter()
            .skip(n + 1)
            .take_while(|p| {
                p.span.start <= end + 8 && toks.get(p.span.start).map(|t| t.sentence) == sentence
            })
            .filter(|p| p.kind == MentionKind::Place)
            .find_map(|p| {
                toks.get(p.span.clone())
                    .and_then(|words| gazetteer.holder(words, date))
            })
            .filter(|&h| {
                gazetteer
                    .party(h)
                    .is_some_and(|x| x.kind == PartyKind::Defacto)
            });
        if let (Some(h), Some(m)) = (holder, list.get_mut(n)) {
            m.parties = vec![h];
        }
    }
}

/// "the Security Council of Armenia": a body's name that an international body also
/// bears is the state's when "of" and the state follow it.
pub(super) fn of_a_state(list: &mut [Mention], toks: &[Token<'_>], gazetteer: &Gazetteer) {
    let kind = |m: &Mention| m.party().and_then(|p| gazetteer.party(p)).map(|p| p.kind);
    for n in 0..list.len().saturating_sub(1) {
        let (Some(m), Some(next)) = (list.get(n), list.get(n + 1)) else {
            continue;
        };
        let gap = m.span.end..next.span.start;
        let of = match gap.len() {
            1 => toks.get(gap.start).is_some_and(|t| t.is("of")),
            2 => {
                toks.get(gap.start).is_some_and(|t| t.is("of"))
                    && toks.get(gap.start + 1).is_some_and(|t| t.is("the"))
            }
            _ => false,
        };
        if of
            && m.kind == MentionKind::Name
            && kind(m) == Some(PartyKind::Intl)
            && next.kind == MentionKind::Name
            && kind(next) == Some(PartyKind::State)
        {
            let state = next.parties.clone();
            if let Some(m) = list.get_mut(n) {
                m.parties = state;
            }
        }
    }
}
