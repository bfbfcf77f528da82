//! Where the story happens: the places each paragraph and the whole story name, the
//! place the paragraph before named, the sides that fight, and the state an unqualified
//! institution speaks for.

use super::*;

impl Context<'_> {
    /// Reads the places of the whole story ahead: where it happens, for a paragraph
    /// that names no place of its own before the story has named one.
    pub fn foresee_places(&mut self, scope: &Scope<'_>) {
        let seen = std::mem::take(&mut self.places);
        self.note_places(scope);
        let ahead = std::mem::replace(&mut self.places, seen);
        for (party, n) in ahead {
            *self.story_places.entry(party).or_default() += n;
        }
        let toks = scope.toks;
        for m in &scope.mentions.list {
            let Some(party) = m.party() else { continue };
            if m.kind == MentionKind::Place {
                let words = toks.get(m.span.clone()).unwrap_or(&[]);
                let name = words
                    .iter()
                    .map(|t| t.norm.as_ref())
                    .collect::<Vec<_>>()
                    .join(" ");
                self.place_names.entry(party).or_default().insert(name);
            } else {
                self.named_otherwise.insert(party);
            }
        }
        for m in scope.mentions.list.iter().filter(|m| !m.stance) {
            // "Indian missile strikes", "Hezbollah fired", "IDF troops", "the Israeli
            // army": a party with forces or attacks of its own in the story. Peacekeepers
            // and ministries are not enough.
            let attacks = (m.span.end..m.span.end + 3)
                .take_while(|&k| toks.get(k).is_some_and(|t| t.word))
                .any(|k| {
                    toks.get(k)
                        .is_some_and(|t| t.has(class::ATTACK_NOUN) && !t.has(class::PEOPLE))
                })
                || toks.get(m.span.end).is_some_and(|t| {
                    t.word
                        && (t.has(class::ATTACK_VERB)
                            || t.has(class::COMBATANT)
                                && !t.is_any(&["peacekeepers", "peacekeeper"])
                            || t.is_any(&["army", "military", "forces", "navy", "airforce"]))
                });
            if let Some(party) = m
                .party()
                .filter(|p| attacks && !self.belligerents.contains(p))
            {
                self.belligerents.push(party);
            }
        }
    }

    /// Whether a place of this party is a stray: named once in the whole story, while
    /// the story happens in another state ("Boni" read as the German town in a story of
    /// central Mali). Such a place is more likely a homonym than where people were hit.
    /// So is a town whose state the story names in no other way, while it names another
    /// state both by a place of its own and otherwise ("Solhan", a town of Turkey, in a
    /// story of "Burkinabè soldiers" in the Sahel).
    pub fn stray_place(&self, party: usize) -> bool {
        let once = self.story_places.get(&party).copied().unwrap_or(0) <= 1
            && self
                .story_places
                .iter()
                .any(|(&other, &n)| other != party && n >= 2);
        once || self.lone_town(party)
    }

    /// The one town the story names of a state it names in no other way, while it names
    /// another state both by a place of its own and otherwise.
    fn lone_town(&self, party: usize) -> bool {
        !self.named_otherwise.contains(&party)
            && self.place_names.get(&party).is_some_and(|n| n.len() == 1)
            && self.place_names.iter().any(|(&other, names)| {
                other != party && !names.is_empty() && self.named_otherwise.contains(&other)
            })
    }

    /// Whether the story names a state other than `id` as an attacker.
    pub fn other_state_fights(&self, id: &str) -> bool {
        self.belligerents.iter().any(|&b| {
            self.gazetteer
                .party(b)
                .is_some_and(|p| p.kind == PartyKind::State && p.id != id)
        })
    }

    /// Whether the story names this party as an attacker: a side of the fight.
    pub fn is_belligerent(&self, id: &str) -> bool {
        self.gazetteer
            .index_of(id)
            .is_some_and(|i| self.belligerents.contains(&i))
    }

    /// Remembers the states of the places a paragraph names.
    pub fn note_places(&mut self, scope: &Scope<'_>) {
        for (party, span) in self.places_of(scope) {
            *self.places.entry(party).or_default() += 1;
            self.place_words.entry(party).or_insert_with(|| {
                super::super::entities::phrase_text(scope.text, scope.toks, span)
            });
        }
    }

    /// Remembers the places of the paragraph just read: "a senior local police official"
    /// in the next one is of the place it named ("in Dera Ismail Khan district").
    pub fn note_recent_places(&mut self, scope: &Scope<'_>) {
        let mut found: Vec<(usize, String)> = Vec::new();
        for (party, span) in self.places_of(scope) {
            // "Moscow has denied": a capital is a place only where the words say so.
            let capital = scope
                .mentions
                .at(span.start)
                .is_some_and(|m| m.kind == MentionKind::Capital);
            if capital && !locative_before(scope.toks, span.start) {
                continue;
            }
            if !found.iter().any(|(p, _)| *p == party) {
                found.push((
                    party,
                    super::super::entities::phrase_text(scope.text, scope.toks, span),
                ));
            }
        }
        self.recent_places = (self.paragraph, found);
    }

    /// The states of the places a paragraph names, with the words that name them.
    fn places_of(&self, scope: &Scope<'_>) -> Vec<(usize, Range<usize>)> {
        let mut found = Vec::new();
        for m in &scope.mentions.list {
            let toks = scope.toks;
            // "Tehran's ambassador", "Iranian state television": a capital or a people
            // standing for a government, not a place.
            let governs = |k: usize| {
                toks.get(k).is_some_and(|t| {
                    t.has(class::OFFICE | class::INSTITUTION | class::MEDIA | class::PERSON_TITLE)
                })
            };
            let metonym = toks
                .get(m.span.end.saturating_sub(1))
                .is_some_and(Token::possessive)
                && governs(m.span.end);
            // "in Armenia missile attack", "in Israel strike": a headline's attacker, or
            // the attacked; either way no sure place.
            let attack_after = attack_follows(toks, m.span.end);
            let place = matches!(m.kind, MentionKind::Place | MentionKind::Capital) && !metonym
                || m.kind == MentionKind::Name
                    && locative_before(toks, m.span.start)
                    && !attack_after
                || m.kind == MentionKind::Demonym
                    && toks.get(m.span.end).is_some_and(|t| t.is_any(PLACE_NOUNS))
                    // "the Azerbaijani-Karabakh border" lies between two parties.
                    && !toks.get(m.span.clone()).is_some_and(|w| {
                        w.iter().any(|t| {
                            t.text
                                .split(['-', '‑'])
                                .filter(|p| p.chars().next().is_some_and(char::is_uppercase))
                                .count()
                                > 1
                        })
                    })
                    && !governs(m.span.end + 1);
            // "MANILA - ...": a dateline is where the story was filed, not what it is about.
            let dateline = m.span.start < scope.mentions.dateline;
            if spoken_at(toks, m.span.start) {
                continue;
            }
            if let (true, false, Some(party)) = (place, dateline, m.party())
                && self.statelike(party)
            {
                found.push((party, m.span.clone()));
            }
        }
        found
    }

    /// An unqualified state institution ("the Defence Ministry", "military sources",
    /// "police") speaks for the state its context names: the state acting in its sentence,
    /// the place where the sentence, the paragraph or the document sets the events. When
    /// no single state stands out, it stays unnamed.
    pub fn home(
        &self,
        scope: &Scope<'_>,
        np: Range<usize>,
        sentence: Range<usize>,
        base: Referent,
    ) -> Referent {
        // Diplomats and other non-party speakers are no state's unless their own phrase
        // says whose ("an Iranian diplomat"): "a diplomat said" in a story about Iran
        // may be anyone's.
        if super::super::lexicon::classes(&base.head) & class::NONPARTY != 0
            && !base.words.iter().any(|w| {
                super::super::lexicon::classes(w) & (class::STATE_SOURCES | class::OFFICE) != 0
            })
        {
            return Referent {
                voice: Voice::NonParty,
                ..base
            };
        }
        // "the UN rights office “has verified 148 killings”, spokesperson Ravina Shamdasani
        // said": a spokesperson speaks for the body her sentence names, a UN body too.
        let spokes = base
            .phrase_words()
            .any(|w| matches!(w, "spokesman" | "spokeswoman" | "spokesperson"))
            // Not "Foreign Ministry spokesman": a ministry's is its state's.
            && !base.words.iter().any(|w| {
                !matches!(w.as_str(), "spokesman" | "spokeswoman" | "spokesperson")
                    && super::super::lexicon::classes(w)
                        & (class::INSTITUTION | class::STATE_SOURCES)
                        != 0
            });
        if spokes
            && let Some((party, words)) = scope
                .mentions
                .list
                .iter()
                .filter(|m| {
                    !m.stance
                        && m.kind != MentionKind::Place
                        && m.span.start >= sentence.start
                        && m.span.end <= np.start
                })
                .filter_map(|m| m.party().map(|p| (p, m.span.clone())))
                .find(|(p, _)| {
                    self.gazetteer
                        .party(*p)
                        .is_some_and(|x| x.kind == PartyKind::Intl)
                })
        {
            let words = super::super::entities::phrase_text(scope.text, scope.toks, words);
            return Referent {
                party: self.gazetteer.party(party).map(|p| p.id.clone()),
                evidence: format!("“{}” of the body its sentence names: “{words}”", base.name),
                ..base
            };
        }
        // Evidence in tiers, nearest first: the sentence, then the rest of the paragraph
        // and its dateline, then the places of the whole story. A tier that names one
        // state above the others decides; a tie passes to the next.
        let mut tiers: [HashMap<usize, (f32, String)>; 5] = Default::default();
        let toks = scope.toks;
        let sentence_start = sentence.start;
        let domestic = base.has_word_class(class::DOMESTIC);
        // A government or an army may speak for the attacker; police, a health service
        // or plain "officials" of no named state speak for the ground that was hit.
        let plain = ["officials", "official", "authorities", "sources"]
            .contains(&base.head.as_str())
            && !base
                .words
                .iter()
                .any(|w| super::super::lexicon::classes(w) & class::SECURITY != 0);
        // "the country's Health Ministry": a country is a state, not an authority that
        // holds ground within one.
        let country = base
            .words
            .iter()
            .any(|w| matches!(w.as_str(), "country" | "country's" | "nation" | "nation's"));
        // States the sentence sets against the speaker ("calls to Thailand's Prime
        // Minister ... and his Cambodian counterpart", "accused Israel"): no evidence for
        // them is the speaker's, however much the story names them.
        let mut others = Vec::new();
        // A person named in the sentence says who speaks, not where things happen.
        for m in scope
            .mentions
            .list
            .iter()
            .filter(|m| !m.stance && m.kind != MentionKind::Person)
        {
            let Some(party) = m.party() else { continue };
            if !self.statelike(party) || m.span.start < np.end && m.span.end > np.start {
                continue;
            }
            if country
                && self
                    .gazetteer
                    .party(party)
                    .is_some_and(|p| p.kind != PartyKind::State)
            {
                continue;
            }
            if m.kind == MentionKind::Place && self.stray_place(party) {
                continue;
            }
            let before = m.span.start.checked_sub(1).and_then(|k| toks.get(k));
            let in_sentence = m.span.start >= sentence.start && m.span.end <= sentence.end;
            if before.is_some_and(|t| t.is_any(&["by", "against", "with", "to", "from"])) {
                // "calls to Thailand's Prime Minister": a leader spoken to is another's.
                let leader = |t: &Token<'_>| {
                    t.has(class::PERSON_TITLE | class::OFFICE) || t.is_any(&["leader", "leaders"])
                };
                let addressed = before.is_some_and(|t| t.is_any(&["to", "with"]))
                    && (m.span.end..m.span.end + 3)
                        .map_while(|k| toks.get(k).filter(|t| t.word))
                        .any(leader);
                if in_sentence && addressed {
                    others.push(party);
                }
                continue;
            }
            // "accused Israel of a massacre", "blame the Armed Forces of Ukraine": whom a
            // speaker accuses is not whose it is.
            let accused = (1..=5)
                .map_while(|back| m.span.start.checked_sub(back))
                .map_while(|k| toks.get(k).filter(|t| t.word))
                .any(|t| {
                    t.is_any(&[
                        "accused",
                        "accuses",
                        "accuse",
                        "blamed",
                        "blames",
                        "blame",
                        "condemned",
                        "condemns",
                        "denounced",
                        "criticised",
                        "criticized",
                        "slammed",
                        "urged",
                        "warned",
                    ])
                });
            // "calls to ... his Cambodian counterpart": a counterpart is of another state.
            let counterpart = toks
                .get(m.span.end)
                .is_some_and(|t| t.is_any(&["counterpart", "counterparts"]));
            // "has called on Thailand and Cambodia to cease": those called on are others.
            let called_on = before.is_some_and(|t| t.is_any(&["on"]))
                && m.span
                    .start
                    .checked_sub(2)
                    .and_then(|k| toks.get(k))
                    .is_some_and(|t| t.is_any(&["called", "calls", "call", "calling"]));
            // "Thailand and Cambodia": each state of a pair the sentence sets apart.
            let paired = |k: usize| {
                scope
                    .mentions
                    .at(k)
                    .and_then(|x| x.party())
                    .filter(|p| *p != party)
            };
            if called_on || counterpart {
                others.push(party);
                if called_on
                    && toks.get(m.span.end).is_some_and(|t| t.is_any(&["and"]))
                    && let Some(second) = paired(m.span.end + 1)
                {
                    others.push(second);
                }
                continue;
            }
            if accused {
                if in_sentence {
                    others.push(party);
                }
                continue;
            }
            // "A Russian missile strike on Odesa killed 21, Governor Oleh Kiper said": the
            // attacker's state is not where a governor, the police or a health service
            // comes from (a military spokesman may well speak for the attacker).
            // Nor is "The Ukrainian Army has occupied 28 settlements in Russia's Kursk
            // Region, acting regional governor Aleksey Smirnov revealed": a force named
            // in the sentence acts; the governor speaks for the ground.
            let force = force_follows(toks, m.span.end)
                && toks.get(m.span.end + 1).is_some_and(|t| {
                    t.is_any(&["has", "have", "had"]) || t.has(class::ATTACK_VERB)
                });
            let attacker = (domestic || plain) && (attack_follows(toks, m.span.end) || force);
            if attacker {
                continue;
            }
            let words = super::super::entities::phrase_text(scope.text, toks, m.span.clone());
            let locative = matches!(m.kind, MentionKind::Place)
                || before.is_some_and(|t| t.has(class::LOCATIVE));
            // "MANILA - ...": a dateline says where the story was filed, little more.
            let dateline = m.span.start < scope.mentions.dateline;
            let (tier, weight, why) = if dateline {
                (1, 0.5, format!("the dateline, {words}"))
            } else if in_sentence {
                // The party acting in the sentence ("A West German navy ship was hit") is
                // the strongest sign; where it happened comes next.
                let opening = (sentence_start..m.span.start).all(|k| {
                    toks.get(k).is_some_and(|t| {
                        !t.word
                            || t.is_any(&["a", "an", "the"])
                            || k + 3 >= m.span.start && !t.has(class::LOCATIVE)
                    })
                }) && m.span.start <= sentence_start + 3;
                // "an Israeli strike ..., while the military reported": an army speaks
                // for the state whose attack its sentence names.
                let armed = np.len() <= 3
                    && base
                        .phrase_words()
                        .any(|w| matches!(w, "military" | "army" | "forces" | "troops"));
                let weight = if armed && attack_follows(toks, m.span.end) {
                    6.0
                } else if opening && !locative {
                    5.0
                } else if locative {
                    2.0
                } else {
                    1.0
                };
                (0, weight, format!("“{words}” in its sentence"))
            } else if locative {
                (1, 1.0, format!("“{words}” in its paragraph"))
            } else {
                continue;
            };
            let entry = tiers[tier].entry(party).or_insert((0.0, why));
            entry.0 += weight;
        }
        // "a senior local police official": of the place the paragraph before named.
        if let (before, [(party, words)]) = (self.recent_places.0, self.recent_places.1.as_slice())
            && before + 1 == self.paragraph
            && (domestic || plain)
        {
            tiers[2].insert(*party, (1.0, format!("“{words}” in the paragraph before")));
        }
        if let Some((party, words)) = self.story_place_index() {
            tiers[3].insert(party, (1.0, format!("the places of the story ({words})")));
        }
        // The headline is the weakest sign: not enough for diplomats or sources, who may
        // be anyone's.
        let anyones = super::super::lexicon::classes(&base.head) & class::NONPARTY != 0;
        // A state the headline quotes outweighs the story's places: "Ethiopia says
        // fighters, not civilians killed in Tigray massacre" is Ethiopia's account.
        // "Its government" refers back to whom the paragraphs before named, not to it.
        let refers_back = base
            .phrase_words()
            .next()
            .is_some_and(|w| matches!(w, "its" | "their"));
        if let Some(h) = self.headline.as_ref().filter(|_| !anyones) {
            let words = &h.words;
            if h.speaks && !refers_back {
                tiers[3].insert(
                    h.party,
                    (2.0, format!("the state the headline quotes ({words})")),
                );
            } else {
                tiers[4].insert(
                    h.party,
                    (1.0, format!("the only state the headline names ({words})")),
                );
            }
        }
        for tier in tiers {
            let mut ranked: Vec<(usize, f32, String)> = tier
                .into_iter()
                .filter(|(p, _)| !others.contains(p))
                .map(|(p, (w, why))| (p, w, why))
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let unique = match ranked.as_slice() {
                [(party, w, why)] => Some((*party, *w, why.clone())),
                [(party, w, why), (_, w2, _), ..] if w > w2 => Some((*party, *w, why.clone())),
                _ => None,
            };
            if let Some((party, _, why)) = unique {
                return Referent {
                    party: self.gazetteer.party(party).map(|p| p.id.clone()),
                    evidence: format!("“{}” of the state its context names: {why}", base.name),
                    ..base
                };
            }
        }
        base
    }

    /// The state whose places the document names most: the only one, or one named at
    /// least twice and more than twice as often as any other ("Ganja" five times beats the
    /// "Geneva Conventions" once).
    fn story_place_index(&self) -> Option<(usize, String)> {
        // The places read so far decide; the whole story only where they do not. A lone
        // town, a likely homonym, sets no scene.
        let kept = |p: usize| !self.lone_town(p);
        Self::dominant_of(&self.places, kept)
            .or_else(|| Self::dominant_of(&self.story_places, kept))
            .map(|only| {
                (
                    only,
                    self.place_words.get(&only).cloned().unwrap_or_default(),
                )
            })
    }

    pub(super) fn dominant(places: &HashMap<usize, usize>) -> Option<usize> {
        Self::dominant_of(places, |_| true)
    }

    /// `dominant` among the parties `keep` accepts.
    fn dominant_of(places: &HashMap<usize, usize>, keep: impl Fn(usize) -> bool) -> Option<usize> {
        let mut ranked: Vec<(usize, usize)> = places
            .iter()
            .filter(|&(&p, _)| keep(p))
            .map(|(&p, &n)| (p, n))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        match ranked.as_slice() {
            [(only, _)] => Some(*only),
            [(top, n), (_, m), ..] if *n >= 2 && *n > 2 * m => Some(*top),
            _ => None,
        }
    }

    /// The state whose places the document names (see `story_place_index`): where the
    /// story happens.
    pub fn story_place(&self) -> Option<(String, String)> {
        let (only, words) = self.story_place_index()?;
        Some((self.gazetteer.party(only)?.id.clone(), words))
    }
}

/// "his spokesman told reporters in New York", "said at a briefing in Geneva": where
/// someone spoke, not where the story happens.
fn spoken_at(toks: &[Token<'_>], start: usize) -> bool {
    let Some(prep) = start
        .checked_sub(1)
        .filter(|&k| toks.get(k).is_some_and(|t| t.is_any(&["in", "at"])))
    else {
        return false;
    };
    (1..=3)
        .map_while(|back| prep.checked_sub(back))
        .map_while(|k| toks.get(k).filter(|t| t.word))
        .any(|t| {
            t.is_any(&[
                "reporters",
                "journalists",
                "briefing",
                "conference",
                "press",
                "speaking",
                "spoke",
                "said",
                "says",
                "told",
            ])
        })
}
