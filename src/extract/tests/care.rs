//! Hurt or killed by their care and condition: treated in hospital or at the scene,
//! admitted, in serious condition, wounded who died, injuries caused to others, deaths
//! and injuries "of".

use super::*;

/// People treated in or admitted to hospital are hurt; a number that "is" its figure is a toll; an
/// agency's initials in capitals are no town of that name.
#[test]
fn treated_in_hospital_a_number_that_is_its_figure_and_initials() {
    let cases: &[FigureCase<'_>] = &[
        (
            "The National Emergency Management Agency (NEMA) said another 66 people were being treated at the hospital.",
            66,
            Status::Injured,
            None,
            None,
        ),
        (
            "According to the official, the number of Armenian servicemen wounded in clashes is 72.",
            72,
            Status::Injured,
            Some("armenia"),
            Some("armenia"),
        ),
    ];
    assert_figures(cases);
    // Casualties estimated at a figure are the dead and wounded together, of their owner.
    let out = run(&["The Armenian side estimates Azerbaijan’s casualties at about 300."]);
    let claim = out.claims.first().expect("a figure");
    assert_eq!(
        (claim.count, claim.status, claim.side.as_deref()),
        (Some(300), Status::KilledOrInjured, Some("azerbaijan")),
        "{claim:?}"
    );
    // Unless the figure says which.
    let out = run(&["The ministry put the number of casualties at 12 dead and 30 wounded."]);
    assert_eq!(out.claims.first().map(|c| c.status), Some(Status::Killed));
    // A hospital's patients are hurt; the bodies it receives are dead.
    let out = run(&[
        "Hospitals have admitted 69 people. The morgue said the hospital received 12 bodies.",
    ]);
    let figures: Vec<(Option<u64>, Status)> =
        out.claims.iter().map(|c| (c.count, c.status)).collect();
    assert_eq!(
        figures,
        [(Some(69), Status::Injured), (Some(12), Status::Killed)],
        "{:?}",
        out.claims
    );
    let out = run(&["The hospital received 5 million dollars."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
    // "NEMA said" opening a paragraph is the agency too, not Néma in Mauritania.
    let out = run(&["NEMA said another 66 people were being treated at the hospital."]);
    assert_eq!(out.claims.len(), 1, "{:?}", out.claims);
    assert_eq!(out.claims[0].side, None, "{:?}", out.claims);
    // A number that is not of people gives no figure.
    let out = run(&["The number of protesters was 5000."]);
    assert!(out.claims.is_empty(), "{:?}", out.claims);
}

#[test]
fn care_condition_and_tolls_set_by_a_copula() {
    let cases: &[FigureCase<'_>] = &[
        (
            "The strike wounded 30 people, of which 10 were in a critical condition.",
            10,
            Status::Injured,
            None,
            None,
        ),
        (
            "Twenty people, including two children, received outpatient care.",
            20,
            Status::Injured,
            None,
            None,
        ),
        (
            "Reports indicate that 31 people are being treated in medical facilities.",
            31,
            Status::Injured,
            None,
            None,
        ),
        (
            "The death toll was 30 on Sunday.",
            30,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
    let out = run(&["The death toll could be as high as 40."]);
    assert!(
        out.claims
            .iter()
            .any(|c| c.count_max == Some(40) && c.status == Status::Killed),
        "{:?}",
        out.claims
    );
}

#[test]
fn people_treated_with_injuries_admissions_and_patients() {
    let cases: &[FigureCase<'_>] = &[
        (
            "The ambulance service treated 17 people with serious injuries, 29 with moderate wounds and 872 in good condition.",
            17,
            Status::Injured,
            None,
            None,
        ),
        (
            "The ambulance service treated 17 people with serious injuries, 29 with moderate wounds and 872 in good condition.",
            29,
            Status::Injured,
            None,
            None,
        ),
        (
            "Doctors said 23 patients were in critical condition.",
            23,
            Status::Injured,
            None,
            None,
        ),
        (
            "Israel's health ministry documented 3,238 hospital admissions over the course of the conflict.",
            3238,
            Status::Injured,
            Some("israel"),
            Some("israel"),
        ),
    ];
    assert_figures(cases);
    // Those in good condition are not counted as hurt.
    let out =
        run(&["The service treated 17 people with serious injuries and 872 in good condition."]);
    assert!(
        out.claims.iter().all(|c| c.count != Some(872)),
        "{:?}",
        out.claims
    );
}

#[test]
fn the_death_of_and_the_injury_of() {
    let text = "These attacks led to the death of five Houthi forces and the injury of six others, the group's spokesman added.";
    let out = run(&[text]);
    let dead = out
        .claims
        .iter()
        .find(|c| c.count == Some(5))
        .expect("five dead");
    assert_eq!(dead.status, Status::Killed, "{dead:?}");
    assert_eq!(dead.side.as_deref(), Some("houthis"), "{dead:?}");
    let hurt = out
        .claims
        .iter()
        .find(|c| c.count == Some(6))
        .expect("six hurt");
    assert_eq!(hurt.status, Status::Injured, "{hurt:?}");
    assert_eq!(hurt.side.as_deref(), Some("houthis"), "{hurt:?}");
}

/// "Two of the injured later died": the wounded who died are dead, counted once.
#[test]
fn the_wounded_who_died_are_dead() {
    for (text, count) in [
        (
            "Two of the injured later died in hospital, the ministry said.",
            2,
        ),
        (
            "Despite the efforts of doctors, one of the wounded – 28-year-old Gunay Aliyeva died in the hospital on October 12.",
            1,
        ),
        (
            "One of the Armenian civilians who was wounded in the offensive on September 13 and was treated at a hospital has died, the Ministry of Health reported.",
            1,
        ),
    ] {
        let out = run(&[text]);
        let found: Vec<(Option<u64>, Status)> =
            out.claims.iter().map(|c| (c.count, c.status)).collect();
        assert_eq!(found, [(Some(count), Status::Killed)], "{text}");
    }
}

/// A bare number with the verb of its hurt, a condition "deemed" so, and the verb after
/// "on their side" and a detail set off by commas.
#[test]
fn hurts_suffered_conditions_deemed_and_a_verb_past_their_side() {
    let cases: &[FigureCase<'_>] = &[
        (
            "The casualties include 41 with moderate injuries and 755 suffering minor wounds.",
            755,
            Status::Injured,
            None,
            None,
        ),
        (
            "Officials said 755 suffered minor wounds.",
            755,
            Status::Injured,
            None,
            None,
        ),
        (
            "Six people were seriously wounded and another 22 were deemed to be in moderate condition.",
            22,
            Status::Injured,
            None,
            None,
        ),
        (
            "Officials said 200 people on their side, including children, were killed.",
            200,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
    // A toll put above its figure is bounded by it.
    let out = run(&["Opposition media outlets put the death toll above 200."]);
    assert!(
        out.claims
            .iter()
            .any(|c| c.count_min == Some(200) && c.status == Status::Killed),
        "{:?}",
        out.claims
    );
}

/// "fatally wounded", "mortally wounded": killed, not injured.
#[test]
fn fatally_wounded_is_killed() {
    let cases: &[FigureCase<'_>] = &[
        (
            "As a result of the shoot-out, one Armenian serviceman was fatally wounded.",
            1,
            Status::Killed,
            Some("armenia"),
            None,
        ),
        (
            "Two soldiers were mortally wounded in the attack.",
            2,
            Status::Killed,
            None,
            None,
        ),
        (
            "Two soldiers were seriously wounded in the attack.",
            2,
            Status::Injured,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}

/// "resulting in 21 civilian deaths and injuries to 83 others": the noun before "to" gives
/// the status of its own figure, not the figure before; "fatal injuries to two women" are
/// deaths.
#[test]
fn injuries_to_others_after_deaths() {
    let cases: &[FigureCase<'_>] = &[
        (
            "The attack caused 21 civilian deaths and injuries to 83 others.",
            83,
            Status::Injured,
            None,
            None,
        ),
        (
            "Russian troops attacked the house, which resulted in fatal injuries to two elderly women.",
            2,
            Status::Killed,
            None,
            None,
        ),
    ];
    assert_figures(cases);
}

/// "Three of them are in city hospitals. Four were treated at the scene": hurt; "900
/// others are in hospital morgues": dead.
#[test]
fn people_in_hospital_treated_at_the_scene_or_in_morgues() {
    let statuses = |text: &str| -> Vec<(Option<u64>, Status)> {
        run(&[text])
            .claims
            .iter()
            .map(|c| (c.count, c.status))
            .collect()
    };
    assert_eq!(
        statuses(
            "\"Three of them are in city hospitals. Four were treated at the scene,\" he said."
        ),
        [(Some(3), Status::Injured), (Some(4), Status::Injured)]
    );
    assert_eq!(
        statuses(
            "She said 2,000 bodies have been retrieved and 900 others are in hospital morgues."
        ),
        [(Some(2000), Status::Killed), (Some(900), Status::Killed)]
    );
}
