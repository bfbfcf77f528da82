//! Roles in the clause: for each figure, whose people were hit (the side), who did the
//! hitting (the agent, never the side), and who gives the figure (the claimant, never the
//! side for that reason alone). Every side carries the words it came from; where the text
//! gives none, the side stays unstated.

use super::context::Context;
use super::entities::{MentionKind, Referent, Scope, Voice};
use super::figures::Read;
use super::knowledge::{Party, PartyKind};
use super::lexicon::class;
use super::speech::sentence_tokens;
use super::tokens::{Token, Tokens};

mod agents;
mod attacks;
mod clauses;
mod people;
mod places;
mod reported;

use agents::{agent_party, agent_spans, left_behind};
use attacks::{clash_side, target_side};
use clauses::{other_states, relative_clause, toll_includes};
pub(super) use people::statelike;
pub(crate) use people::with_included;
use people::{
    civilian_word, crew_side, described_after, martyrs, military_voice, of_the_group,
    others_of_hostile, phrase_side, possessive_side, received_side, same_kind_before, same_people,
    same_toll, suspected,
};
pub(crate) use places::story_place_candidate;
use places::{clause_party, country_of_sentence, named_side, named_side_before, place_side};

/// Whose people a figure counts, and why the reader thinks so.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Side {
    /// Party ids; empty when the text does not say.
    pub parties: Vec<String>,
    pub evidence: Option<String>,
}

impl Side {
    fn one(party: String, evidence: String) -> Self {
        Self {
            parties: vec![party],
            evidence: Some(evidence),
        }
    }

    pub fn is_stated(&self) -> bool {
        !self.parties.is_empty()
    }

    /// The same parties, taken over by another figure, with its evidence told as `why`
    /// says.
    fn carried(&self, why: impl Fn(&str) -> String) -> Self {
        Self {
            parties: self.parties.clone(),
            evidence: self.evidence.as_deref().map(why),
        }
    }
}

/// An earlier figure of the document, for "of them" and for the same people counted again.
#[derive(Debug, Clone)]
pub(crate) struct Earlier {
    pub paragraph: usize,
    pub sentence: usize,
    /// The token after its words, in its paragraph.
    pub end: usize,
    pub status: super::Status,
    pub count: Option<u64>,
    pub head: Option<String>,
    pub side: Side,
    /// The party that gives it, if a party does.
    pub claimant: Option<String>,
}

/// What the side reader needs to know about a figure's surroundings.
pub(crate) struct Surround<'a> {
    pub scope: &'a Scope<'a>,
    pub tokens: &'a Tokens<'a>,
    /// Who gives the figure, if a speaker does.
    pub claimant: Option<&'a Referent>,
    /// The figure sits in the claimant's own words (a quotation, a reproduced statement).
    pub own_words: bool,
    pub paragraph: usize,
    pub earlier: &'a [Earlier],
    /// What the document has read so far.
    pub cx: &'a Context<'a>,
}

impl Surround<'_> {
    /// The party a claimant speaking in a party's voice speaks for, as the gazetteer
    /// knows it.
    fn voiced_party(&self) -> Option<&Party> {
        let c = self.claimant.filter(|c| c.voice == Voice::Party)?;
        self.scope.gazetteer.get(c.party.as_deref()?)
    }
}

/// Whose people `read` counts.
pub(crate) fn side_of(read: &Read, s: &Surround<'_>) -> Side {
    let toks = s.scope.toks;
    let sentence_no = read.sentence(toks);
    let sentence = sentence_tokens(s.tokens, sentence_no);
    let agents = agent_spans(read, s.scope, sentence.clone());
    let is_agent = |k: usize| agents.iter().any(|a| a.contains(&k));
    // "tracked the terrorists ... and airstrikes killed more than 30 of them": the
    // hostile people "them" stands for, named before in the sentence.
    let them = read.victims.elliptical
        && read
            .victims
            .who
            .start
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| t.is("them"));
    let antecedent_hostile = them
        .then(|| {
            (sentence.start..read.span.start)
                .rev()
                .filter_map(|k| toks.get(k))
                .find(|t| t.word && t.has(class::HOSTILE))
        })
        .flatten();
    let others_hostile = others_of_hostile(read, toks, sentence.clone());
    // "13 deaths, all among the assailants": the people named after a status noun.
    let among = read.victims.who.end;
    let named_after = (toks.get(among).is_some_and(|t| t.is_punct(','))
        && toks
            .get(among + 1)
            .is_some_and(|t| t.is_any(&["all", "mostly", "most"]))
        && toks.get(among + 2).is_some_and(|t| t.is("among"))
        && toks.get(among + 3).is_some_and(|t| t.is("the")))
    .then(|| toks.get(among + 4))
    .flatten()
    .filter(|t| t.has(class::PEOPLE) && t.sentence == sentence_no);
    let head = named_after
        .or(others_hostile)
        .or_else(|| described_after(toks, read.victims.who.end, sentence_no))
        .or(read
            .victims
            .head
            .and_then(|h| toks.get(h))
            .or(antecedent_hostile));

    // 1. The phrase itself: "Libyan troops", "384 Libyans", "soldiers of the Karabakh
    //    Defense Army", "Iraq's 300 soldiers".
    let mut phrase = read.victims.who.clone();
    if read.victims.head.is_some() || read.span.is_empty() {
        phrase.start = phrase.start.min(read.span.end);
    }
    let named_single = read.span.is_empty() || read.span.start == read.victims.who.start;
    if named_single {
        // "British church envoy Terry Waite": the words before a name describe him.
        let mut k = read.victims.who.start;
        // "Azerbaijani serviceman, senior lieutenant Rashad Mahmudov": and the noun a
        // comma sets before his rank.
        let described = |k: usize| {
            toks.get(k - 1)
                .is_some_and(|t| t.word && !t.has(class::NP_STOP | class::SPEECH_VERB))
                // "the senior lieutenant of the Azerbaijani army, Rashid Mahmudov": or
                // the force he served in.
                || k >= 2
                    && toks.get(k - 1).is_some_and(|t| t.is_punct(','))
                    && toks
                        .get(k - 2)
                        .is_some_and(|t| t.has(class::PEOPLE | class::SECURITY))
                // "one more serviceman of Azerbaijani army - Nazim Ismayilov": a dash
                // between the description and the name.
                || k >= 2
                    && toks
                        .get(k - 1)
                        .is_some_and(|t| t.is_punct('-') || t.is_punct('—') || t.is_punct('–'))
                    && toks.get(k - 2).is_some_and(|t| t.word)
        };
        while k > sentence.start && read.victims.who.start - k < 6 && described(k) {
            k -= 1;
        }
        phrase.start = k;
    }
    if let Some(side) = phrase_side(s.scope, phrase.clone(), &is_agent, head) {
        return side;
    }
    if let Some(side) = attacks::both_sides(s.scope, read, sentence.clone()) {
        return side;
    }
    // "A Russian Mi-24 helicopter was shot down ..., killing two crew members", "its
    // crew": a crew is its craft's.
    // "... a Russian Mi-24 helicopter had been downed over Armenia. Two crew members were
    // killed": or of the craft the sentence before brought down.
    let before = sentence_no
        .checked_sub(1)
        .map(|n| sentence_tokens(s.tokens, n))
        .filter(|r| !r.is_empty());
    if let Some(side) = crew_side(read, s.scope, sentence.clone())
        .or_else(|| before.and_then(|b| crew_side(read, s.scope, b)))
    {
        return side;
    }
    if let Some(p) = read.victims.possessive
        && let Some(side) = possessive_side(p, s, sentence.clone(), &is_agent)
    {
        return side;
    }
    if let Some(side) = martyrs(head, s) {
        return side;
    }
    // "one of the members of the armed group": the group the story named.
    if let Some((group, name)) = of_the_group(toks, read.victims.who.end)
        .then(|| s.cx.last_group())
        .flatten()
    {
        return Side::one(
            group,
            format!("“of the group”: the group the story named last, {name}"),
        );
    }
    // "Azerbaijan also lost 920 fighters": the people of whoever lost them.
    if let super::figures::Voice::Lost { verb } = read.voice
        && let Some(m) = s
            .scope
            .mentions
            .list
            .iter()
            .rev()
            .filter(|m| m.span.end <= verb && m.span.start >= sentence.start && !m.stance)
            .find(|m| {
                // "Kiev had sustained": a city right before the verb stands for its state.
                (m.kind != MentionKind::Place || m.span.end + 2 >= verb)
                    && m.party()
                        .and_then(|p| s.scope.gazetteer.party(p))
                        .is_some_and(|p| p.kind != PartyKind::Intl)
            })
        && let Some(party) = m.party().and_then(|p| s.scope.party_id(p))
    {
        let words = super::entities::phrase_text(s.scope.text, toks, m.span.start..verb + 1);
        return Side::one(party, format!("“{words}”"));
    }
    // "militants" in a story that spoke of "Hamas militants": that group's.
    // Not "one member of the security forces": a complement says whose they are.
    let complement = read
        .victims
        .head
        .is_some_and(|h| read.victims.who.end > h + 1);
    if let Some(h) = head.filter(|h| h.has(class::PEOPLE) && !h.has(class::CIVILIAN))
        && !complement
        && let Some((party, words)) = s.cx.labelled(&h.norm)
    {
        return Side::one(party, format!("“{}” as in “{words}”", h.text));
    }
    let civilian = head.is_none_or(civilian_word) && !suspected(toks, read);
    // "Junior Sergeant Gevorg Khurshudyan died": a rank before a name.
    let ranked = named_single
        && toks
            .get(phrase.start..read.victims.who.start)
            .is_some_and(|w| w.iter().any(|t| t.has(class::RANK)));
    let combatant = head.is_some_and(|h| h.has(class::COMBATANT)) || ranked;
    let rebel = toks
        .get(read.victims.who.clone())
        .is_some_and(|w| w.iter().any(|t| t.has(class::REBELS)));

    // 2. The speaker's own forces in its own words: "two servicemen were killed," the
    //    ministry's statement said.
    //    Not the soldiers the speaker's own fighters killed: "they killed 107 soldiers".
    //    A state does not call its own forces "fighters" or "militants": those it names
    //    so are an armed group's.
    let killed_by_them = matches!(read.voice, super::figures::Voice::Active { .. });
    let irregular = head.is_some_and(|h| {
        h.is_any(&[
            "fighter",
            "fighters",
            "militant",
            "militants",
            "guerrillas",
            "gunmen",
        ])
    });
    let state_voice = s.voiced_party().is_some_and(|x| x.kind == PartyKind::State);
    if combatant
        && !rebel
        && s.own_words
        && !killed_by_them
        && let Some(c) = s.claimant.filter(|c| c.voice == Voice::Party)
        && let Some(party) = c
            .party
            .clone()
            .filter(|p| statelike(s.scope, p) && !(irregular && state_voice))
    {
        let word = head.map_or("", |h| h.text);
        return Side::one(party, format!("“{word}” in {}'s own words", c.name));
    }

    // 2b. "Our losses are 49 people killed," Pashinyan said: the speaker's own side, in
    //     its own words.
    let ours = (sentence.start..read.span.start).any(|k| {
        toks.get(k).is_some_and(|t| t.is("our"))
            && toks
                .get(k + 1)
                .is_some_and(|t| t.is_any(&["losses", "casualties", "dead", "side", "toll"]))
    });
    if ours
        && s.own_words
        && !killed_by_them
        && let Some(c) = s.claimant.filter(|c| c.voice == Voice::Party)
        && let Some(party) = c.party.clone().filter(|p| statelike(s.scope, p))
    {
        return Side::one(party, format!("“our losses” in {}'s own words", c.name));
    }

    // 2c. Citizens a state counts: "announced the death of 38 citizens".
    if !killed_by_them && let Some(side) = reported::citizens_counted(s, head) {
        return side;
    }

    // 3. "Iranian troops fled the battlefield, leaving 220 men killed": the dead of those
    //    who fled; "jets bombed the town, leaving 20 dead": of the town.
    if let super::figures::Voice::Active { verb } = read.voice
        && toks
            .get(verb)
            .is_some_and(|v| v.is_any(&["leaving", "left", "leaves"]))
        && let Some(side) = left_behind(s.scope, verb, sentence.clone(), &is_agent)
    {
        return side;
    }

    // 4. Unnamed rebels are their country's rebels.
    if rebel {
        if let Some(country) = country_of_sentence(s, sentence.clone(), &is_agent) {
            let words = head.map_or("rebels", |h| h.text);
            if let Some((party, name)) = s.cx.rebels_of(&country.0) {
                return Side::one(
                    party,
                    format!("“{words}” in {}, in a story that names {name}", country.1),
                );
            }
            let id = format!("{}-rebels", country.0);
            return Side::one(id, format!("“{words}” in {}", country.1));
        }
        return Side::default();
    }
    // Militants or terrorists in a story that has named one armed group only: that
    // group's ("the terrorist group al-Shabaab ... our troops killed 13 militants").
    if head.is_some_and(|h| h.has(class::HOSTILE))
        && let Some((group, name)) = s.cx.only_group()
    {
        return Side::one(
            group,
            format!(
                "“{}” in a story of one armed group, {name}",
                head.map_or("", |h| h.text)
            ),
        );
    }
    // Militants, terrorists or gunmen a state reports killing on its own ground, with no
    // group named: that country's insurgents ("the army neutralised 203 terrorists" in
    // Mali). A state fighting abroad names no one's insurgents this way.
    if head.is_some_and(|h| h.has(class::HOSTILE))
        && let Some(c) = s.claimant.filter(|c| c.voice == Voice::Party)
        && let Some(state) = c.party.clone().filter(|p| {
            s.scope
                .gazetteer
                .get(p)
                .is_some_and(|x| x.kind == PartyKind::State)
        })
        && s.cx.story_place().is_some_and(|(place, _)| place == state)
    {
        let words = head.map_or("", |h| h.text);
        if let Some((party, name)) = s.cx.rebels_of(&state) {
            return Side::one(
                party,
                format!("“{words}” {} reports on its own ground, of {name}", c.name),
            );
        }
        return Side::one(
            format!("{state}-rebels"),
            format!("“{words}” {} reports on its own ground", c.name),
        );
    }

    // 4b. A side named just before the figure: "losses on the Azerbaijani side. Two dead".
    let earlier_end = s
        .earlier
        .iter()
        .rev()
        .find(|e| e.paragraph == s.paragraph)
        .map_or(0, |e| e.end);
    if let Some(side) = named_side_before(s.scope, read, earlier_end) {
        return side;
    }

    // 5. The people of an earlier figure: "of them", "four were wounded": its side, stated
    //    or not. A detail ("including five children") inherits a stated side only.
    // Only in the same account: "Seven servicemen died and 10 more were wounded," Baku
    // said. Armenia reported one dead: Armenia's dead are not Baku's.
    let claimant = s.claimant.and_then(|c| c.party.clone());
    let antecedent = s
        .earlier
        .iter()
        .rev()
        .find(|e| e.paragraph == s.paragraph && e.sentence + 1 >= sentence_no)
        .filter(|e| e.claimant == claimant);
    if read.victims.elliptical
        && read.victims.head.is_none()
        && let Some(e) = antecedent
    {
        return e.side.carried(before_evidence);
    }
    // "Four others were injured in Friday's incident" opening a paragraph: more of the
    // people the paragraph before counted last, in the same account or in none.
    // "A third serviceman was reportedly injured": one more of the people counted before.
    let ordinal = toks.get(read.victims.who.clone()).is_some_and(|w| {
        w.iter()
            .any(|t| t.is_any(&["second", "third", "fourth", "fifth", "sixth"]))
    });
    let opening = sentence_no == 0 && !s.earlier.iter().any(|e| e.paragraph == s.paragraph);
    let across = s
        .earlier
        .last()
        .filter(|e| {
            opening && (read.victims.elliptical || ordinal) && e.paragraph + 1 == s.paragraph
        })
        .filter(|_| {
            ordinal || head.is_some_and(|h| h.is_any(&["others", "more", "other", "additional"]))
        })
        .filter(|e| e.claimant == claimant || e.claimant.is_none() || claimant.is_none());
    if (read.victims.elliptical || read.detail || ordinal)
        && let Some(e) = antecedent.or(across).filter(|e| e.side.is_stated())
    {
        return e.side.carried(before_evidence);
    }
    // "This number allegedly includes more than 40 injured and 10 killed civilians": the
    // people of a sentence that opens on what the last toll includes are of that toll.
    if toll_includes(toks, sentence.start)
        && let Some(e) = s
            .earlier
            .last()
            .filter(|e| e.paragraph + 1 >= s.paragraph && e.side.is_stated())
    {
        return e
            .side
            .carried(|w| format!("what the toll before includes: {w}"));
    }

    // "the ongoing conflict in Gaza, which has claimed over 45,000 lives": a figure of a
    // relative clause is of what "which" stands for, not of the rest of its sentence.
    let sentence = relative_clause(toks, read, sentence.clone()).unwrap_or(sentence);
    // 6. Civilians where they were hit: "in Ganja", "in a village in Sagaing"; and the
    //    police of the place they police ("injuring four policemen" in Amritsar).
    // "policemen", and "police officers" too: the force named before the head.
    let police_word = |t: &Token<'_>| {
        t.is_any(&[
            "police",
            "policemen",
            "policeman",
            "policewomen",
            "policewoman",
            "gendarmes",
            "gendarme",
            "constables",
        ])
    };
    let police = head.is_some_and(police_word)
        || read.victims.head.is_some_and(|h| {
            (read.victims.who.start..h).any(|k| toks.get(k).is_some_and(police_word))
        });
    // Captives are held somewhere, not from there: "hostages remaining in Gaza", "240
    // people remain abducted by Hamas in Gaza".
    let held = read.status == super::Status::Captured
        && (read.victims.who.end..(read.victims.who.end + 4).min(sentence.end)).any(|k| {
            toks.get(k)
                .is_some_and(|t| t.is_any(&["remain", "remains", "remained", "still", "held"]))
        });
    let captive = head.is_some_and(|h| h.has(class::NOUN_CAPTURED)) || held;
    // "The reported death toll in clashes between Armenian and Azerbaijani forces over
    // ... Nagorno-Karabakh has reached about 600": a toll of people its clash names the
    // sides of is of both, wherever the clash was.
    let clash_first = !captive
        && head.is_none_or(|h| h.is_any(&["people", "persons", "deaths", "lives", "dead"]));
    if clash_first && let Some(side) = clash_side(s.scope, read, sentence.clone(), &is_agent) {
        return side;
    }
    if (civilian || police)
        && !captive
        && !head.is_some_and(|h| h.has(class::HOSTILE))
        && let Some(side) = place_side(s.cx, s.scope, read, sentence.clone(), &is_agent)
    {
        return side;
    }

    // 6b. The dead of a clash between named sides are of both (read above already for
    //     people the text does not describe).
    if !clash_first
        && (civilian || combatant)
        && !head.is_some_and(|h| h.has(class::HOSTILE))
        && let Some(side) = clash_side(s.scope, read, sentence.clone(), &is_agent)
    {
        return side;
    }

    // 6c. The people an attack aimed at: "an ambush of an Artsakh police vehicle that
    //     left three officers dead". A sentence that only counts ("As a result, three
    //     people were killed") takes the attack of the sentence before it.
    if (civilian || combatant || police) && !head.is_some_and(|h| h.has(class::HOSTILE)) {
        let mut sentences = vec![sentence.clone()];
        let attack_in_own = (sentence.start..read.span.start).any(|k| {
            toks.get(k)
                .is_some_and(|t| t.has(class::ATTACK_NOUN | class::ATTACK_VERB))
        });
        if !attack_in_own && sentence_no > 0 {
            let before = sentence_tokens(s.tokens, sentence_no - 1);
            if !before.is_empty() {
                sentences.push(before);
            }
        }
        let civilians_only = civilian && !police && !combatant;
        if let Some(side) = target_side(s.cx, s.scope, read, &sentences, civilians_only) {
            return side;
        }
    }

    // 6d. "Israeli officials have previously estimated the death toll at 1,400": the toll
    //     the story has counted, revised or told again by the same party.
    if let Some(side) = same_toll(read, s, sentence.clone(), claimant.as_deref()) {
        return side;
    }

    // 7. The same people counted again: the same number and head as an earlier figure.
    if let Some(side) = same_people(read, s, head) {
        return side;
    }

    // 8. "killed on the Israeli side", "on Armenia's side": the side named as such.
    if let Some(side) = named_side(s.scope, read, sentence.clone()) {
        return side;
    }

    // 9. A domestic authority (police, a health ministry, an emergency service, a governor,
    //    an ombudsman) counts the people hit on its own ground: "Israeli police said two
    //    people were lightly wounded by shrapnel".
    let hostile = head.is_some_and(|h| h.has(class::HOSTILE));
    if (civilian || police)
        && !hostile
        && !rebel
        && let Some(c) = s.claimant.filter(|c| c.voice == Voice::Party)
        && let Some(party) = c.party.clone().filter(|p| statelike(s.scope, p))
        && let Some(word) = c
            .words
            .iter()
            .chain(std::iter::once(&c.head))
            .cloned()
            .chain(
                c.name
                    .split(|ch: char| !ch.is_alphanumeric())
                    .map(str::to_lowercase),
            )
            .find(|w| super::lexicon::classes(w) & class::DOMESTIC != 0)
            // "LPR Head Leonid Pasechnik said": a de facto authority speaks for the ground
            // it holds, in any office.
            .or_else(|| {
                s.scope
                    .gazetteer
                    .get(&party)
                    .is_some_and(|p| p.kind == PartyKind::Defacto)
                    .then(|| "the de facto authority".to_string())
            })
    {
        // An armed group's health ministry counts the people of the state whose ground
        // it holds: the Houthis' count Yemen's dead.
        let group = s
            .scope
            .gazetteer
            .get(&party)
            .is_some_and(|p| p.kind == PartyKind::Group);
        if group && let Some((state, words)) = s.cx.story_place() {
            return Side::one(
                state,
                format!(
                    "counted by {}, which reports on the ground of the story ({words})",
                    c.name
                ),
            );
        }
        return Side::one(
            party,
            format!(
                "counted by {}, which reports on its own ground (“{word}”)",
                c.name
            ),
        );
    }

    // 9b. An armed group's authorities count the people of the ground they hold:
    //     "According to Houthi authorities, at least 46 people were killed" in Hodeidah.
    if (civilian || police)
        && !hostile
        && !rebel
        && let Some(c) = s.claimant.filter(|c| c.voice == Voice::Party)
        && c.party.as_deref().is_some_and(|p| {
            s.scope
                .gazetteer
                .get(p)
                .is_some_and(|x| x.kind == PartyKind::Group)
        })
        && c.phrase_words().any(|w| {
            matches!(
                w,
                "authorities" | "government" | "administration" | "officials"
            )
        })
        && let Some((state, words)) = s.cx.story_place()
    {
        return Side::one(
            state,
            format!(
                "counted by {}, which reports on the ground of the story ({words})",
                c.name
            ),
        );
    }

    // 10. A party reporting what another did to people: "Israel says 1,200 people were
    //    killed in the Hamas attack" — its own people; and an army reporting its own
    //    soldiers lost: "The Israeli military said two soldiers were killed".
    let agent = agent_party(s.scope, &agents, s.claimant);
    let facts = reported::Facts {
        head,
        agent: agent.clone(),
        agents: &agents,
        combatant,
        // Fighters a state reports are no more its own than militants are.
        hostile: hostile || irregular && state_voice,
        rebel,
        named_single,
        ranked,
    };
    if let Some(side) = reported::reported_side(read, s, &facts) {
        return side;
    }
    // "The BLA ... claimed it is still holding 214 hostages": captives an armed group
    // holds in its own country.
    if read.status == super::Status::Captured
        && let Some((party, why)) = reported::hit_by_insurgents_at_home(read, s)
    {
        return Side::one(party, why);
    }

    // 10a. Forces named by their institution and no party ("four army auxiliaries", "two
    //     police officers"): the state whose voice reports them, or, in the outlet's
    //     words, the state where the story happens when no other state fights there.
    let institutional = toks.get(read.victims.who.clone()).is_some_and(|w| {
        w.iter().any(|t| {
            t.has(class::SECURITY) && !t.is_any(&["armed"])
                || t.is_any(&["police", "army", "military", "security"])
        })
    });
    if combatant && institutional && !hostile && !rebel {
        let reporter = s
            .voiced_party()
            .filter(|x| matches!(x.kind, PartyKind::State | PartyKind::Defacto))
            .map(|x| x.id.clone());
        let home = match reporter {
            Some(state) => Some((
                state.clone(),
                format!("the forces of {state}, which reports them"),
            )),
            None if s.claimant.is_none() => {
                s.cx.story_place()
                    .filter(|(place, _)| !s.cx.other_state_fights(place))
                    .map(|(place, words)| {
                        (place, format!("forces where the story happens: “{words}”"))
                    })
            }
            None => reported::hit_by_insurgents_at_home(read, s),
        };
        if let Some((party, why)) = home {
            return Side::one(party, why);
        }
    }

    // 10b. Soldiers an armed group hit, by its own report or as the text says: the
    //     soldiers of the state where the story happens.
    if combatant
        && !hostile
        && let Some(side) = reported::soldiers_a_group_hit(read, s, head, agent.as_deref())
    {
        return side;
    }

    // 11. Forces in a clause about one party only: "A West German navy ship was hit ...
    //    and three sailors were injured".
    if combatant
        && let Some(side) = clause_party(s.scope, read, sentence.clone(), &is_agent, s.claimant)
    {
        return side;
    }

    // 11b. Captives handed over or released to a party: "12 captives were handed over to
    //     Azerbaijan and 44 to Armenia", "released to Armenia 15 prisoners of war".
    if read.status == super::Status::Captured
        && let Some(side) = received_side(s.scope, read, sentence.clone())
    {
        return side;
    }

    // 12. Nothing of their own: more people of the same account and sentence as a figure
    //     whose side is stated ("Lieutenant A ... were killed and Lieutenant B suffered a
    //     gunshot wound", "received 105 injuries and 52 deaths"). Never across enemies:
    //     "six terrorists were killed and two soldiers wounded" are not one side, nor
    //     "three members of the Fano militia group and a woman selling liquor": civilians
    //     are no armed group's people.
    let enemy_word = |w: &str| super::lexicon::classes(w) & class::HOSTILE != 0;
    let civilian_head = head.is_some_and(|h| h.has(class::CIVILIAN));
    // "125 members of the government’s security forces and 148 pro Assad fighters": people
    // named for a stance are told apart from the figure before.
    let stance_phrase = s
        .scope
        .mentions
        .within(read.victims.who.clone())
        .any(|m| m.stance);
    if !hostile
        && let Some(e) = s
            .earlier
            .iter()
            .rev()
            .find(|e| e.paragraph == s.paragraph && e.sentence == sentence_no)
            .filter(|e| {
                e.claimant == claimant
                    && e.side.is_stated()
                    && !e.head.as_deref().is_some_and(enemy_word)
                    && !stance_phrase
                    && !(civilian_head
                        && e.side.parties.iter().all(|p| {
                            s.scope
                                .gazetteer
                                .get(p)
                                .is_some_and(|g| g.kind == PartyKind::Group)
                        }))
            })
    {
        return e.side.carried(|w| format!("more of the same account: {w}"));
    }

    // 12b. "10 Azerbaijani civilians were killed ... 30 civilians were injured": the same
    //     kind of people, in the same account and paragraph.
    if !hostile && let Some(side) = same_kind_before(s, head, claimant.as_deref()) {
        return side;
    }

    // 13. Soldiers of no stated side in a story that has called one state's forces so
    //     ("nine Turkish soldiers" ... "attackers ... killing five soldiers"): that state's,
    //     unless it is the one attacking.
    //     Not "fighters", who may be anyone's, nor across a list of other states ("across
    //     Mali, Niger and Burkina Faso"); one place where it happened is no list ("a base in
    //     northern Iraq").
    if let Some(h) = head.filter(|h| {
        h.has(class::COMBATANT) && h.has(class::PEOPLE) && !h.is_any(&["fighter", "fighters"])
    }) && !hostile
        && !complement
        && let Some((party, words)) = s.cx.forces_called(&h.norm)
        && let Some(index) = s.scope.gazetteer.index_of(&party)
        && agent.as_deref() != Some(party.as_str())
        && other_states(s.scope, sentence.clone(), index) < 2
        // "The Azerbaijani authorities reported the death of 2,906 servicemen" after
        // "3,773 Armenian servicemen": another state's count of the noun is its own.
        && claimant
            .as_deref()
            .is_none_or(|c| c == party || !statelike(s.scope, c))
    {
        return Side::one(party, format!("“{}” as in “{words}”", h.text));
    }

    Side::default()
}

/// The evidence of a side taken from the figure before, said once however long the chain.
fn before_evidence(w: &str) -> String {
    const BEFORE: &str = "the people of the figure before: ";
    if w.starts_with(BEFORE) {
        w.to_string()
    } else {
        format!("{BEFORE}{w}")
    }
}
