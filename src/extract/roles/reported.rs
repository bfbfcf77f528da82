//! A party reporting what happened to people: its own people hit by another, soldiers an
//! army reports lost, captives it says the other side took, a bare number a state at war
//! reports lost, and forces an armed group says it hit in its own country.

use std::ops::Range;

use super::*;

/// What the side reader already knows about the figure's people.
pub(super) struct Facts<'a> {
    pub head: Option<&'a Token<'a>>,
    pub agent: Option<String>,
    pub agents: &'a [Range<usize>],
    pub combatant: bool,
    pub hostile: bool,
    pub rebel: bool,
    pub named_single: bool,
    pub ranked: bool,
}

/// "Israel says 1,200 people were killed in the Hamas attack": its own people. "The
/// Israeli military said two soldiers were killed": an army's own soldiers lost.
pub(super) fn reported_side(read: &Read, s: &Surround<'_>, f: &Facts<'_>) -> Option<Side> {
    let c = s.claimant.filter(|c| c.voice == Voice::Party)?;
    let toks = s.scope.toks;
    // Peacekeepers are foreign troops: the authorities of the ground they keep do not
    // report them as their own.
    if f.head
        .is_some_and(|h| h.is_any(&["peacekeepers", "peacekeeper"]))
    {
        return None;
    }
    let Facts {
        head,
        ref agent,
        agents,
        combatant,
        hostile,
        rebel,
        named_single,
        ranked,
    } = *f;
    // The claimant's party, when it is a state, a de facto authority or an armed group,
    // and which of them.
    let own_kind = s
        .voiced_party()
        .map(|x| x.kind)
        .filter(|k| matches!(k, PartyKind::State | PartyKind::Defacto | PartyKind::Group));
    let own = c.party.clone().filter(|_| own_kind.is_some());
    let state_voice = matches!(own_kind, Some(PartyKind::State | PartyKind::Defacto));
    let group_voice = own_kind == Some(PartyKind::Group);
    // Insurgents, militants or gunmen killing soldiers a state reports: its own. Not
    // an armed group's report: "attackers killed 15 soldiers", in al-Shabaab's words, are
    // its own men's work.
    let hostile_agent = state_voice
        && agent.is_none()
        && combatant
        && !hostile
        && agents
            .iter()
            .any(|a| (a.start..a.end).any(|k| toks.get(k).is_some_and(|t| t.has(class::HOSTILE))));
    if let (Some(own), true) = (own.clone(), hostile_agent)
        && !rebel
    {
        return Some(Side::one(
            own,
            format!("soldiers hit by armed men, as {} reports it", c.name),
        ));
    }
    // Only a side of the fight, or a party reporting on its own ground: "Ukraine says
    // a Russian strike killed five" in a story set in Ukraine, "the Indian army said
    // Pakistani shelling killed 15" in a story of Indian strikes. Russia's ministry
    // reporting what Azerbaijani forces did to Karabakh police is no claim about
    // Russians.
    let at_home = own.as_deref().is_some_and(|o| {
        s.cx.story_place().is_some_and(|(place, _)| place == o)
            || s.cx.is_belligerent(o)
            || group_voice
    });
    // "20 soldiers were captured by the Azerbaijani army", as Armenia's Security
    // Council reports it: captives a party says the other side took are its own.
    let captor_named = read.status == crate::extract::Status::Captured
        && !hostile
        && !rebel
        && agent
            .as_ref()
            .is_some_and(|a| own.as_ref().is_some_and(|o| o != a));
    if let (Some(own), true) = (own.clone(), captor_named)
        && (at_home || military_voice(c))
    {
        return Some(Side::one(
            own.clone(),
            format!("captives {} says the other side took", c.name),
        ));
    }
    // "Hamas has claimed that 22 hostages were killed in Israeli strikes": the
    // captives a party holds are not its own people.
    let held_by_speaker = head.is_some_and(|h| h.has(class::NOUN_CAPTURED)) && group_voice;
    if let (Some(own), Some(agent)) = (own.clone(), agent.clone())
        && own != agent
        && at_home
        && !rebel
        && (!named_single || ranked)
        && !held_by_speaker
        && !hostile
    {
        return Some(Side::one(
            own.clone(),
            format!("hit by {agent}, as {} reports it", c.name),
        ));
    }
    // An army, a border service, a security service: it reports its own people.
    let military = military_voice(c)
        // A state at war or at home speaking of soldiers, in any voice: "Ukraine said
        // 264 soldiers, including 53 wounded, had left", "local authorities said a
        // further eleven soldiers were injured".
        || at_home && state_voice;
    let passive = matches!(read.voice, crate::extract::figures::Voice::Passive);
    // "five enemy fighters": the other side's, whoever counts them.
    let enemy = toks
        .get(read.victims.who.clone())
        .is_some_and(|w| w.iter().any(|t| t.has(class::HOSTILE)));
    // Its own operation named in the clause ("the first fatalities of Israel's
    // ground operation") is no other attacker.
    let other_agent = agent
        .as_ref()
        .is_some_and(|a| own.as_ref().is_none_or(|o| o != a));
    // Soldiers a bomb or an unnamed attacker killed count the same as soldiers lost.
    let unnamed_attacker = agent.is_none();
    // "The Armenian Security Council reported that 207 were killed": a bare number a
    // state at war reports, with no attacker and no people named, is its own loss.
    let bare = read.victims.head.is_none()
        && !read.detail
        && toks.get(read.span.end).is_some_and(|t| {
            t.has(class::AUXILIARY) || t.is_any(&["including", "among"]) || t.is_punct(',')
        });
    let state_at_war = state_voice
        && own
            .as_deref()
            .is_some_and(|o| at_home || s.cx.other_state_fights(o));
    // "The AFP has greatly diminished the number of the terrorists. So far 191 were
    // confirmed dead": the bare number is more of the enemy just named.
    let enemy_just_named = super::clauses::hostile_just_named(toks, read);
    if bare
        && !enemy_just_named
        && state_at_war
        && passive
        && unnamed_attacker
        && !enemy
        && let Some(own) = own.clone()
    {
        return Some(Side::one(
            own,
            format!("a number {} reports lost, at war", c.name),
        ));
    }
    // An armed group's soldiers are the state's it fights: its own are fighters.
    let state_troops = head.is_some_and(|h| {
        h.is_any(&[
            "soldiers",
            "soldier",
            "troops",
            "servicemen",
            "serviceman",
            "policemen",
            "policeman",
        ])
    });
    if let (Some(own), true, true, true, false, false) = (
        own,
        combatant,
        military,
        passive || unnamed_attacker,
        other_agent || enemy,
        group_voice && state_troops,
    ) {
        return Some(Side::one(
            own,
            format!(
                "“{}” an army reports lost: {}",
                head.map_or("", |h| h.text),
                c.name
            ),
        ));
    }
    None
}

/// "The BLA ... alleged that it had killed 30 security personnel": the forces an armed group
/// says it hit in its own country are that state's; the state and why.
pub(super) fn hit_by_insurgents_at_home(read: &Read, s: &Surround<'_>) -> Option<(String, String)> {
    // "The BLA ... claimed it is still holding 214 hostages": the captives an armed group
    // holds in its own country are that state's people, in any voice.
    let captives = read.status == crate::extract::Status::Captured;
    if !captives && !matches!(read.voice, crate::extract::figures::Voice::Active { .. }) {
        return None;
    }
    let group = s
        .claimant
        .and_then(|c| c.party.as_deref())
        .and_then(|p| s.scope.gazetteer.get(p))
        .filter(|g| g.kind == PartyKind::Group)?;
    let (place, _) = s.cx.story_place()?;
    // Not where another state fights: the hostages Hamas holds in Gaza are Israel's.
    if captives && s.cx.other_state_fights(&place) {
        return None;
    }
    (group.country.as_deref() == Some(place.as_str())).then(|| {
        let why = if captives {
            format!("captives {} says it holds in its own country", group.name)
        } else {
            format!("forces {} says it hit in its own country", group.name)
        };
        (place, why)
    })
}

/// 10b. Soldiers an armed group hit, by its own report ("The group said it had killed more
/// than 20 soldiers") or as the text says ("An attack attributed to the ELN left ten
/// soldiers dead"): the soldiers of the state where the story happens, unless the group
/// fights from that very state.
pub(super) fn soldiers_a_group_hit(
    read: &Read,
    s: &Surround<'_>,
    head: Option<&Token<'_>>,
    agent: Option<&str>,
) -> Option<Side> {
    let group_of = |id: &str| {
        s.scope
            .gazetteer
            .get(id)
            .filter(|x| x.kind == PartyKind::Group)
            .map(|x| (x.id.clone(), x.country.clone()))
    };
    // In its account, a group's own are fighters, not "soldiers": "According to ISWAP ...,
    // over 30 soldiers were killed" are the soldiers it fought.
    let state_forces = head
        .is_some_and(|h| h.is_any(&["soldiers", "troops", "servicemen", "policemen", "personnel"]));
    let claimed = s
        .claimant
        .filter(|c| {
            c.voice == Voice::Party
                && (matches!(read.voice, crate::extract::figures::Voice::Active { .. })
                    || state_forces)
        })
        .and_then(|c| c.party.as_deref())
        .and_then(group_of);
    // "killed ... in a fierce firefight with more than 120 heavily armed Abu Sayyaf
    // members": soldiers in a fight with a group, as much as soldiers it hit.
    let opponent = || {
        state_forces
            .then(|| fought_with(read, s))
            .flatten()
            .and_then(|id| group_of(&id))
    };
    let (group, country) = claimed
        .or_else(|| agent.and_then(group_of))
        .or_else(opponent)?;
    let (place, words) =
        s.cx.story_place()
            // A group fighting its own state (al-Shabaab and Somalia's troops) hits that
            // state's soldiers; one attacking from its land while another state's forces fight
            // there (Hamas in Gaza, with Israel's) hits someone else's.
            .filter(|(place, _)| {
                *place != group
                    && (country.as_deref() != Some(place.as_str())
                        || s.cx.is_belligerent(place)
                        || !s.cx.other_state_fights(place))
            })?;
    Some(Side::one(
        place,
        format!("soldiers {group} hit, where the story happens: “{words}”"),
    ))
}

/// "The Ministry of Foreign Affairs of Tajikistan announced the death of 38 citizens":
/// citizens or nationals a state counts, with no other state's word, are its own.
pub(super) fn citizens_counted(s: &Surround<'_>, head: Option<&Token<'_>>) -> Option<Side> {
    let head = head.filter(|h| h.is_any(&["citizens", "citizen", "nationals", "compatriots"]))?;
    let c = s.claimant.filter(|c| c.voice == Voice::Party)?;
    let party = c.party.clone().filter(|p| {
        s.scope
            .gazetteer
            .get(p)
            .is_some_and(|g| g.kind == PartyKind::State)
    })?;
    Some(Side::one(
        party,
        format!("“{}” {} counts", head.text, c.name),
    ))
}

/// The armed group a figure's sentence says its people fought: "in a firefight with ...
/// Abu Sayyaf members", "clashes with al-Shabaab".
fn fought_with(read: &Read, s: &Surround<'_>) -> Option<String> {
    let toks = s.scope.toks;
    let sentence = read.sentence(toks);
    let in_sentence = |k: usize| toks.get(k).filter(|t| t.sentence == sentence);
    let fight = super::sentence_tokens(s.tokens, sentence).find(|&k| {
        in_sentence(k).is_some_and(|t| {
            t.is_any(&[
                "firefight",
                "gunfight",
                "gunbattle",
                "shootout",
                "clash",
                "clashes",
                "battle",
                "fighting",
                "encounter",
                "skirmish",
                "skirmishes",
            ])
        }) && in_sentence(k + 1).is_some_and(|t| t.is("with"))
    })?;
    s.scope
        .mentions
        .list
        .iter()
        .filter(|m| m.span.start > fight + 1 && m.span.start <= fight + 9 && !m.stance)
        .filter_map(|m| s.scope.party_id(m.party()?))
        .find(|id| {
            s.scope
                .gazetteer
                .get(id)
                .is_some_and(|p| p.kind == PartyKind::Group)
        })
}
