//! Casualty phrases of several words: "embraced Shahadat", "fell victim to", "passed
//! away", "hit a landmine", "fell in combat", "in critical condition", "among the dead".

use super::super::status_noun;
use super::status_word;
use crate::extract::Status;
use crate::extract::lexicon::class;
use crate::extract::numbers::starts_number;
use crate::extract::tokens::Token;

/// Casualty phrases of several words at `k`.
pub(crate) fn idiom_at(toks: &[Token<'_>], k: usize, sentence: usize) -> Option<(Status, usize)> {
    let t = toks.get(k)?;
    let at = |j: usize| toks.get(j).filter(|n| n.sentence == sentence);
    let is = |j: usize, words: &[&str]| at(j).is_some_and(|n| n.is_any(words));
    if t.is_any(&["embraced", "embraces", "attained"]) && is(k + 1, &["shahadat", "martyrdom"]) {
        return Some((Status::Killed, k + 2));
    }
    // "About 79 residents of Barda fell victim to the missile strike": hit, killed or
    // hurt, the words do not say which.
    if t.is_any(&["fell", "fallen", "fall", "falls", "falling"])
        && is(k + 1, &["victim", "victims", "prey"])
        && is(k + 2, &["to", "of"])
    {
        return Some((Status::KilledOrInjured, k + 2));
    }
    // "one survivor passed away later in hospital".
    if t.is_any(&["passed", "pass", "passes", "passing"]) && is(k + 1, &["away"]) {
        return Some((Status::Killed, k + 2));
    }
    // "have suffered from mine explosions", "hit a landmine", "stepped on an anti-tank
    // mine": hurt or killed, the words do not say which.
    let blast = |j: usize| {
        is(
            j,
            &[
                "explosion",
                "explosions",
                "blast",
                "blasts",
                "mine",
                "mines",
                "landmine",
                "landmines",
            ],
        )
    };
    if t.is_any(&["suffered", "suffering"])
        && is(k + 1, &["from"])
        && let Some(end) = (k + 2..k + 7)
            .take_while(|&j| at(j).is_some_and(|n| n.word))
            .find(|&j| blast(j))
    {
        return Some((Status::KilledOrInjured, end + 1));
    }
    let stepped_on = t.is_any(&["stepped", "stepping"]) && is(k + 1, &["on"]);
    if t.is("hit") || stepped_on {
        let from = k + 1 + usize::from(stepped_on);
        let article = usize::from(is(from, &["a", "an"]));
        let kind = usize::from(is(
            from + article,
            &["anti-tank", "anti-personnel", "antitank", "antipersonnel"],
        ));
        let noun = from + article + kind;
        if is(noun, &["mine", "landmine"]) {
            return Some((Status::KilledOrInjured, noun + 1));
        }
    }
    // "became martyrs", "became a martyr".
    if t.is_any(&["became", "become", "becomes", "becoming"]) {
        let a = usize::from(is(k + 1, &["a"]));
        if is(
            k + 1 + a,
            &["martyrs", "martyr", "shaheed", "shahid", "shaheeds"],
        ) {
            return Some((Status::Killed, k + 2 + a));
        }
    }
    // "fell in combat", "fell in the line of duty", "had fallen": killed fighting. Not
    // "fell into the river" nor "the town fell".
    const COMBAT: &[&str] = &[
        "combat", "battle", "battles", "action", "duty", "fighting", "clashes",
    ];
    if t.is_any(&["fell", "fallen"])
        && is(k + 1, &["in", "on"])
        && let Some(end) = (k + 2..k + 6).find(|&j| is(j, COMBAT))
    {
        return Some((Status::Killed, end + 1));
    }
    // "Forty children aged below 18 are among those killed", "among the dead".
    if t.is("among")
        && k > 0
        && is(k - 1, &["are", "were", "is", "was"])
        && is(k + 1, &["those", "the"])
        && let Some((j, status)) = (k + 2..k + 4)
            .filter_map(|j| at(j).and_then(status_word).map(|s| (j, s)))
            .next()
    {
        return Some((status, j + 1));
    }
    // "six of their own had fallen": killed.
    if t.is("fallen") && k > 0 && is(k - 1, &["had", "have", "has"]) {
        return Some((Status::Killed, k + 1));
    }
    if t.is("sent") && is(k + 1, &["to"]) && is(k + 2, &["hell"]) {
        return Some((Status::Killed, k + 3));
    }
    // "laid down their weapons and surrendered": taken prisoner.
    if t.is_any(&["laid", "lay", "laying"])
        && is(k + 1, &["down"])
        && is(k + 2, &["their", "his", "its"])
        && is(k + 3, &["weapons", "arms"])
    {
        return Some((Status::Captured, k + 4));
    }
    if t.is_any(&["laid", "gave"])
        && is(k + 1, &["down"])
        && is(k + 2, &["their", "his", "her"])
        && is(k + 3, &["lives", "life"])
    {
        return Some((Status::Killed, k + 4));
    }
    // "were being treated at the hospital", "treated in hospitals": hurt.
    if t.is("treated") && is(k + 1, &["in", "at"]) {
        let end = (k + 2..k + 5).find(|&j| {
            is(
                j,
                &[
                    "hospital",
                    "hospitals",
                    "facilities",
                    "institutions",
                    "clinics",
                    "clinic",
                    // "Four were treated at the scene".
                    "scene",
                ],
            )
        })?;
        let between = (k + 2..end).all(|j| {
            is(
                j,
                &[
                    "the",
                    "a",
                    "local",
                    "nearby",
                    "city",
                    "medical",
                    "health",
                    "healthcare",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    // "Three of them are in city hospitals", "remain in hospital": hurt; "900 others are
    // in hospital morgues": dead.
    if t.is_any(&["are", "is", "were", "was", "remain", "remains", "remained"])
        && is(k + 1, &["in"])
        && let Some(end) =
            (k + 2..k + 5).find(|&j| is(j, &["hospital", "hospitals", "morgue", "morgues"]))
        && (k + 2..end).all(|j| is(j, &["a", "the", "city", "local", "nearby", "critical"]))
    {
        let morgue = |j: usize| is(j, &["morgue", "morgues"]);
        return Some(if morgue(end) || morgue(end + 1) {
            (Status::Killed, end + 1 + usize::from(morgue(end + 1)))
        } else {
            (Status::Injured, end + 1)
        });
    }
    if t.is("treated") {
        let end = (k + 1..k + 5).find(|&j| is(j, &["injuries", "wounds", "burns", "injury"]))?;
        let between = (k + 1..end).all(|j| {
            is(
                j,
                &[
                    "for", "their", "his", "her", "its", "minor", "serious", "light", "severe",
                    "slight", "gunshot", "shrapnel", "head", "multiple",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    // "civilians who are not accounted for": missing.
    if t.is("not") && is(k + 1, &["accounted"]) && is(k + 2, &["for"]) {
        return Some((Status::Missing, k + 3));
    }
    // "communication with 24 servicemen was lost": missing.
    if t.is("lost")
        && (1..=12).any(|back| {
            k.checked_sub(back)
                .and_then(&at)
                .is_some_and(|n| n.is_any(&["communication", "contact", "communications"]))
        })
    {
        return Some((Status::Missing, k + 1));
    }
    // "were taken to university hospitals for treatment": hurt.
    if t.is_any(&[
        "taken",
        "rushed",
        "admitted",
        "evacuated",
        "transported",
        "airlifted",
    ]) && is(k + 1, &["to"])
    {
        let end = (k + 2..k + 5).find(|&j| is(j, &["hospital", "hospitals"]))?;
        return Some((Status::Injured, end + 1));
    }
    // "received outpatient care", "received medical treatment": hurt.
    if t.is_any(&[
        "received",
        "receiving",
        "receive",
        "needed",
        "required",
        "sought",
    ]) && is(
        k + 1,
        &[
            "outpatient",
            "medical",
            "hospital",
            "emergency",
            "inpatient",
        ],
    ) && is(
        k + 2,
        &[
            "care",
            "treatment",
            "aid",
            "assistance",
            "attention",
            "help",
        ],
    ) {
        return Some((Status::Injured, k + 3));
    }
    // "suffered a gunshot wound", "sustained serious injuries".
    if t.is_any(&[
        "suffered",
        "sustained",
        "suffering",
        "sustaining",
        "received",
    ]) {
        let end = (k + 1..k + 5).find(|&j| is(j, &["wound", "wounds", "injury", "injuries"]))?;
        let between = (k + 1..end).all(|j| {
            is(
                j,
                &[
                    "a",
                    "an",
                    "minor",
                    "serious",
                    "light",
                    "severe",
                    "slight",
                    "gunshot",
                    "shrapnel",
                    "head",
                    "multiple",
                    "critical",
                    "bullet",
                    "burn",
                    "various",
                    "varying",
                    "life-threatening",
                    // "non life threatening injuries", "non-life-threatening".
                    "non",
                    "non-life-threatening",
                    "life",
                    "threatening",
                    "moderate",
                    "grave",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    // "17 people with serious injuries", "29 with moderate wounds".
    if t.is("with") {
        let end = (k + 1..k + 5).find(|&j| is(j, &["injuries", "wounds", "injury", "burns"]))?;
        let between = (k + 1..end).all(|j| {
            is(
                j,
                &[
                    "serious",
                    "moderate",
                    "minor",
                    "light",
                    "severe",
                    "critical",
                    "gunshot",
                    "shrapnel",
                    "various",
                    "multiple",
                    "slight",
                    "mild",
                    "head",
                    "bullet",
                    "life-threatening",
                    "moderate-to-serious",
                ],
            )
        });
        return between.then_some((Status::Injured, end + 1));
    }
    // "in critical condition", "in a serious condition".
    if t.is_any(&["in"]) {
        let a = usize::from(is(k + 1, &["a"]));
        if is(
            k + 1 + a,
            &["serious", "critical", "grave", "stable", "moderate"],
        ) && is(k + 2 + a, &["condition"])
        {
            return Some((Status::Injured, k + 3 + a));
        }
    }
    if t.is("among") && is(k + 1, &["the", "those"]) {
        for j in k + 2..k + 9 {
            let n = at(j)?;
            if let Some(status) = status_word(n).or_else(|| status_noun(n)) {
                return Some((status, j + 1));
            }
            let passable = starts_number(toks, j)
                || !n.word
                || n.is_any(&[
                    "more", "than", "at", "least", "over", "nearly", "some", "about",
                ])
                || n.has(class::PEOPLE);
            if !passable {
                return None;
            }
        }
    }
    None
}
