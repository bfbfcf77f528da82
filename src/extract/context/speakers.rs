//! Who spoke before: the speakers heard and the institutions named, for "the ministry",
//! "the spokesman", "it" and initials to find again.

use super::*;

impl Context<'_> {
    /// Remembers a speaker, for the references that follow.
    pub fn hear(&mut self, referent: &Referent) {
        self.heard.push(Heard {
            referent: referent.clone(),
            paragraph: self.paragraph,
        });
    }

    /// The speaker heard last, in this paragraph or the one before it.
    pub fn last_heard(&self) -> Option<Referent> {
        self.latest_heard(1, |_| true)
    }

    /// The latest speaker heard within `paragraphs` paragraphs before this one that
    /// `keep` accepts.
    fn latest_heard(
        &self,
        paragraphs: usize,
        keep: impl Fn(&Referent) -> bool,
    ) -> Option<Referent> {
        self.heard
            .iter()
            .rev()
            .take_while(|h| h.paragraph + paragraphs >= self.paragraph)
            .find(|h| keep(&h.referent))
            .map(|h| h.referent.clone())
    }

    /// An international body heard in this paragraph or the two before: whom "the
    /// mission" means after "UNSMIL said".
    pub fn body_just_before(&self) -> Option<Referent> {
        self.latest_heard(2, |r| {
            r.party
                .as_deref()
                .and_then(|p| self.gazetteer.get(p))
                .is_some_and(|p| p.kind == PartyKind::Intl)
        })
    }

    /// A spokesman of a party heard in this paragraph or the one before, whose title
    /// `title` repeats: "spokesperson Emmanuel Mlelemba" after "Malawi's military
    /// spokesman".
    pub fn spokesman_just_before(&self, title: &str) -> Option<Referent> {
        let want = family(title);
        self.latest_heard(1, |r| {
            r.party.is_some()
                && (family(&r.head) == want || r.words.iter().any(|w| family(w) == want))
        })
    }

    /// "NEMA said" after "the National Emergency Management Agency (NEMA) said": the
    /// speaker heard before whose name the initials spell.
    pub fn by_initials(&self, acronym: &str) -> Option<Referent> {
        if !is_acronym(acronym) {
            return None;
        }
        self.heard
            .iter()
            .rev()
            .find(|h| {
                let initials: String = h
                    .referent
                    .name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect();
                initials.len() >= 2 && initials == acronym
            })
            .map(|h| h.referent.clone())
    }

    /// "he", "she", "it", "they": the latest speaker that fits, from this paragraph or the
    /// two before it.
    pub fn pronoun(&self, pronoun: &str, _at: usize) -> Option<Referent> {
        let person = match pronoun {
            "he" | "she" => Some(true),
            "it" => Some(false),
            _ => None,
        };
        self.latest_heard(2, |r| person.is_none_or(|p| r.person == p))
            // "The Armenian Security Council reported ... He noted that ...": with no
            // person heard, "he" speaks for the institution heard last, through one of
            // its officials.
            .or_else(|| {
                let no_person = self.latest_heard(5, |r| r.person).is_none();
                (person == Some(true) && no_person)
                    .then(|| self.latest_heard(1, |_| true))
                    .flatten()
                    .filter(|r| r.voice == Voice::Party && r.party.is_some())
            })
    }

    /// "the ministry", "the spokesman", "Kharrazi": the latest speaker with the same head
    /// word (a spokesman fits a spokeswoman), or whose name ends with this one.
    pub fn same_head(&self, head: &str, person: bool) -> Option<Referent> {
        self.same_head_where(head, person, |_| true)
    }

    /// The same, among the speakers and institutions `keep` accepts: "the defence ministry"
    /// passes over the foreign ministry heard since.
    pub fn same_head_where(
        &self,
        head: &str,
        person: bool,
        keep: impl Fn(&Referent) -> bool,
    ) -> Option<Referent> {
        self.same_head_heard(head, person, &keep).or_else(|| {
            // Named before, though it did not speak: "the ministry stated" after "The
            // Azerbaijani Defence Ministry has made public ...".
            let want = family(head);
            (!person)
                .then(|| {
                    self.named
                        .iter()
                        .rev()
                        .take_while(|h| h.paragraph + 3 >= self.paragraph)
                        .find(|h| family(&h.referent.head) == want && keep(&h.referent))
                })
                .flatten()
                .map(|h| h.referent.clone())
        })
    }

    /// Remembers the institutions a paragraph names with their state ("the Azerbaijani
    /// Defence Ministry", "Armenia's Foreign Ministry").
    pub fn note_named(&mut self, scope: &Scope<'_>) {
        let toks = scope.toks;
        for m in scope.mentions.list.iter().filter(|m| !m.stance) {
            if !matches!(
                m.kind,
                MentionKind::Demonym | MentionKind::Name | MentionKind::Institution
            ) {
                continue;
            }
            let Some(party) = m.party().filter(|&p| self.statelike(p)) else {
                continue;
            };
            // The head: the last institution word of the name ("the Azerbaijani Defence
            // Ministry") or within three words after it, with no other name between.
            let within = if m.kind == MentionKind::Institution {
                m.span.clone()
            } else {
                m.span.end..m.span.end + 3
            };
            let Some(head) = within
                .take_while(|&k| {
                    toks.get(k).is_some_and(|t| {
                        t.word
                            && (m.kind == MentionKind::Institution
                                || scope.mentions.at(k).is_none())
                    })
                })
                .filter(|&k| {
                    toks.get(k).is_some_and(|t| {
                        t.has(class::INSTITUTION) && !t.has(class::PERSON_TITLE | class::VENUE)
                    })
                })
                .last()
            else {
                continue;
            };
            let Some(head_tok) = toks.get(head) else {
                continue;
            };
            let name = super::super::entities::phrase_text(
                scope.text,
                toks,
                m.span.start..(head + 1).max(m.span.end),
            );
            let words = toks
                .get(m.span.start..head)
                .unwrap_or(&[])
                .iter()
                .map(|t| t.norm.to_string())
                .collect();
            self.named.push(Heard {
                referent: Referent {
                    name: name.clone(),
                    party: self.gazetteer.party(party).map(|p| p.id.clone()),
                    voice: Voice::Party,
                    person: false,
                    head: head_tok.norm.to_string(),
                    words,
                    evidence: name,
                },
                paragraph: self.paragraph,
            });
        }
    }

    fn same_head_heard(
        &self,
        head: &str,
        person: bool,
        keep: &dyn Fn(&Referent) -> bool,
    ) -> Option<Referent> {
        let want = family(head);
        // "the spokesman" after "United Nations spokesman Farhan Haq": a title of the
        // person named.
        let title = super::super::lexicon::classes(head) & class::PERSON_TITLE != 0;
        self.heard
            .iter()
            .rev()
            .filter(|h| keep(&h.referent))
            .find(|h| {
                let theirs = family(&h.referent.head);
                theirs == want
                    || (!person || title && h.referent.person)
                        && h.referent.words.iter().any(|w| family(w) == want)
                    || person && h.referent.person && names_person(&h.referent.name, head)
            })
            .map(|h| h.referent.clone())
            // "the military said" after "the IDF announced": the armed force heard last.
            .or_else(|| {
                (!person && matches!(want, "military" | "army"))
                    .then(|| {
                        self.heard.iter().rev().find(|h| {
                            !h.referent.person
                                && h.referent.voice == Voice::Party
                                && h.referent.party.is_some()
                                && h.referent
                                    .words
                                    .iter()
                                    .chain(std::iter::once(&h.referent.head))
                                    .any(|w| {
                                        matches!(
                                            w.as_str(),
                                            "military"
                                                | "army"
                                                | "idf"
                                                | "forces"
                                                | "tatmadaw"
                                                | "fardc"
                                                | "ispr"
                                                | "pentagon"
                                        )
                                    })
                        })
                    })
                    .flatten()
                    .map(|h| h.referent.clone())
            })
            // "the official" after "Lebanon's Health Minister Firas Abiad": the last
            // person who spoke for a party.
            .or_else(|| {
                (person && want == "official")
                    .then(|| {
                        self.heard.iter().rev().find(|h| {
                            h.referent.person
                                && h.referent.voice == Voice::Party
                                && h.referent.party.is_some()
                        })
                    })
                    .flatten()
                    .map(|h| h.referent.clone())
            })
    }

    /// The institution the story named last, in this paragraph or the one before, with
    /// its state: whose findings a text presented with no speaker are.
    pub fn recently_named(&self) -> Option<Referent> {
        self.named
            .last()
            .filter(|h| h.paragraph + 1 >= self.paragraph && h.referent.party.is_some())
            .map(|h| h.referent.clone())
    }

    /// The institution or outlet heard last, whoever it speaks for: what a bare "it said"
    /// refers to.
    pub fn last_heard_thing(&self) -> Option<Referent> {
        self.latest_heard(3, |r| !r.person && r.voice != Voice::Unknown)
    }

    /// The latest speaker that issued a statement or spoke for an institution: what "the
    /// statement said" refers to.
    pub fn last_institution(&self) -> Option<Referent> {
        self.latest_heard(3, |r| {
            !r.person && r.voice == Voice::Party && r.party.is_some()
        })
    }
}

/// Whether `surname` (normalised) names the person `name` introduced: a word of the name
/// itself, before any apposition ("Alexey Smirnov, Kursk's acting governor" is Smirnov;
/// "Governor Vyacheslav Gladkov" is Gladkov), or a misspelling of one that differs in a
/// single letter of a long name ("Hajivev" for Hajiyev). After a title set before it with
/// a comma ("the spokeswoman for Armenia's Defense Ministry, Shushan Stepanian"), the name
/// is the part that is all names.
fn names_person(name: &str, surname: &str) -> bool {
    let mut parts = name.split(',');
    let own = parts.next().unwrap_or(name);
    let named_after = parts.map(str::trim).find(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        words.len() >= 2
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    });
    own.split(|c: char| c.is_whitespace() || c == '-')
        .chain(named_after.into_iter().flat_map(|n| n.split([' ', '-'])))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| w.eq_ignore_ascii_case(surname) || one_letter_apart(&w.to_lowercase(), surname))
}

/// Two long words of the same length and first letter that differ in one letter only.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len()
        && a.len() >= 6
        && a.first() == b.first()
        && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// The word a head is called by again: "the spokesman" finds a spokeswoman, "the
/// department" a ministry.
fn family(h: &str) -> &str {
    match h {
        "spokeswoman" | "spokesperson" | "spokesmen" | "spokespeople" => "spokesman",
        "officials" => "official",
        // "the diplomat said" after "Ambassador to Russia Vardan Toghanyan".
        "diplomat" | "envoy" | "ambassadors" => "ambassador",
        // "the military department": how a ministry is often called again.
        "ministries" | "department" | "departments" => "ministry",
        "source" => "sources",
        "communique" | "statements" => "statement",
        other => other,
    }
}
