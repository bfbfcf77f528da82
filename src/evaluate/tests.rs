//! Every gold set the project holds, scored as `briefbot eval` scores it, against floors
//! set a little under the scores measured when each floor was written: a fall below one
//! is a regression in the extractor (or a gold set changed).

use std::path::Path;

use super::*;

/// (set, casualty F1 floor, statement F1 floor, share of right figures on the right side).
const FLOORS: &[(&str, f64, f64, f64)] = &[
    ("article", 1.0, 1.0, 1.0),
    // Development round: learned from freely.
    ("reuters-round-0", 0.90, 0.97, 0.90),
    // Fresh rounds: never below their first run (each README records it).
    ("reuters-round-1", 0.22, 0.72, 0.80),
    ("reuters-round-2", 0.0, 0.91, 0.33),
    ("reuters-round-3", 0.0, 0.85, 0.66),
    ("reuters-round-4", 0.0, 0.86, 0.80),
    ("reuters-round-5", 0.0, 0.73, 0.5),
    // Web reporting, scored where its passages were fetched (they are not committed).
    ("pages-round-1", 0.33, 0.77, 0.54),
    ("pages-round-2", 0.32, 0.81, 0.51),
    ("pages-round-3", 0.57, 0.82, 0.76),
    ("pages-round-4", 0.57, 0.81, 0.80),
    ("pages-round-5", 0.45, 0.78, 0.65),
    ("pages-round-6", 0.67, 0.85, 0.85),
    ("pages-round-7", 0.67, 0.89, 0.85),
    ("pages-round-8", 0.55, 0.81, 0.72),
    ("pages-round-9", 0.51, 0.82, 0.66),
    ("pages-round-10", 0.50, 0.77, 0.76),
    ("pages-round-11", 0.61, 0.84, 0.85),
    // Round 12's side share fell from its first run's 0.94 when "Among the victims are
    // ... seven former FARC combatants" began to be read: a missed row became a matched
    // one whose side is left unstated (it had been FARC's, a wrong side).
    ("pages-round-12", 0.75, 0.85, 0.93),
    ("pages-round-13", 0.55, 0.76, 0.76),
    ("pages-round-14", 0.58, 0.82, 0.89),
    ("pages-round-15", 0.47, 0.73, 0.74),
    ("pages-round-16", 0.45, 0.80, 0.68),
    ("pages-round-17", 0.53, 0.88, 0.74),
    ("pages-round-18", 0.72, 0.88, 0.86),
    ("pages-round-19", 0.76, 0.88, 0.86),
    ("pages-round-20", 0.58, 0.78, 0.84),
    ("pages-round-21", 0.66, 0.87, 0.78),
    ("pages-round-22", 0.44, 0.83, 0.77),
    ("pages-round-23", 0.53, 0.84, 0.64),
    ("pages-round-24", 0.63, 0.90, 0.84),
    ("pages-round-25", 0.69, 0.91, 0.89),
    ("pages-round-26", 0.63, 0.75, 0.87),
    // Round 27's side share fell from its first run's 0.83 when "leaving eight corpses"
    // began to be read: a missed row became a matched one whose side is left unstated.
    ("pages-round-27", 0.56, 0.85, 0.82),
    ("pages-round-28", 0.48, 0.78, 0.73),
    ("pages-round-29", 0.55, 0.82, 0.76),
    ("pages-round-30", 0.69, 0.88, 0.92),
    ("pages-round-31", 0.67, 0.90, 0.78),
    ("pages-round-32", 0.53, 0.83, 0.75),
    ("pages-round-33", 0.61, 0.83, 0.85),
    ("pages-round-34", 0.57, 0.81, 0.70),
    // Texts written for the tests, in the styles of other outlets: they pin behaviour.
    ("extract", 0.65, 0.90, 0.65),
    ("extract-heldout", 0.40, 0.88, 0.55),
    ("extract-heldout/gold-round2", 0.40, 0.90, 0.55),
    ("extract-round3", 0.25, 0.78, 0.40),
    ("extract-round4", 0.40, 0.78, 0.60),
];

fn evaluations() -> Vec<Evaluation> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared");
    assert!(
        shared.join("eval-dev/gold.toml").is_file(),
        "the shared data folder is not beside the project: {}",
        shared.display()
    );
    let gazetteer = Gazetteer::builtin();
    let reuters = Reuters::new(shared.join("data/news/reuters21578.jsonl"));
    discover(root, &shared)
        .iter()
        .filter(|s| FLOORS.iter().any(|(name, ..)| *name == s.name))
        .map(|s| run_set(s, &gazetteer, &reuters).unwrap_or_else(|e| panic!("{}: {e}", s.name)))
        .collect()
}

#[test]
fn every_gold_set_scores_at_least_its_floor() {
    let evaluations = evaluations();
    let table = render(&evaluations, false);
    eprintln!("{table}");
    // Every set is there, but for rounds of web passages not fetched on this machine.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected = FLOORS
        .iter()
        .filter(|(name, ..)| {
            !name.starts_with("pages-")
                || root
                    .join("tests/fixtures/rounds")
                    .join(name)
                    .join(PASSAGES)
                    .is_dir()
        })
        .count();
    assert_eq!(
        evaluations.len(),
        expected,
        "a gold set is missing:\n{table}"
    );
    let mut low = Vec::new();
    for ev in &evaluations {
        let Some(&(_, casualties, statements, sides)) = FLOORS.iter().find(|(n, ..)| *n == ev.name)
        else {
            continue;
        };
        for file in &ev.misaligned {
            low.push(format!(
                "{}: {file}; re-create it as the set's README says",
                ev.name
            ));
        }
        let r = &ev.report;
        if r.casualties.f1() + 1e-9 < casualties {
            low.push(format!(
                "{}: casualty F1 {:.3} < {casualties}",
                ev.name,
                r.casualties.f1()
            ));
        }
        if r.statements.f1() + 1e-9 < statements {
            low.push(format!(
                "{}: statement F1 {:.3} < {statements}",
                ev.name,
                r.statements.f1()
            ));
        }
        if r.side_accuracy() + 1e-9 < sides {
            low.push(format!(
                "{}: sides right {:.3} < {sides}",
                ev.name,
                r.side_accuracy()
            ));
        }
    }
    assert!(low.is_empty(), "{}\n{table}", low.join("\n"));
}

#[test]
fn a_copy_with_other_paragraphs_than_the_golds_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let passages = dir.path().join(PASSAGES);
    std::fs::create_dir(&passages).unwrap();
    let passage = |paragraphs: &str| format!("+++\ntitle = \"Strike\"\n+++\n\n{paragraphs}\n");
    std::fs::write(
        passages.join("whole.md"),
        passage("Two soldiers were killed.\n\nThe army said so."),
    )
    .unwrap();
    std::fs::write(
        passages.join("cut.md"),
        passage("Two soldiers were killed."),
    )
    .unwrap();
    let gold = dir.path().join("gold.toml");
    std::fs::write(
        &gold,
        "[[doc]]\nfile = \"whole.md\"\nparagraphs = 2\n\n[[doc]]\nfile = \"cut.md\"\nparagraphs = 2\n",
    )
    .unwrap();
    let set = Set {
        name: "round".into(),
        kind: Kind::Round,
        gold,
        source: Source::Folder(passages),
    };
    let ev = run_set(&set, &Gazetteer::builtin(), &Reuters::new("none.jsonl")).unwrap();
    assert_eq!(ev.misaligned, ["cut.md: 1 paragraphs, the gold's 2"]);
    assert!(render(&[ev], false).contains("not the copy the gold was written on: cut.md"));
}

#[test]
fn reuters_stories_are_built_as_the_shared_script_builds_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reuters = Reuters::new(root.join("../shared/data/news/reuters21578.jsonl"));
    let docs = reuters
        .documents(&root.join("../shared/eval-dev/reuters-round-0/ids.txt"))
        .expect("round 0's stories");
    assert_eq!(docs.len(), 26);
    // The gold records each story's paragraph count: 13692 is a digest of 23.
    let digest = docs
        .iter()
        .find(|d| d.source == "reuters21578-13692.md")
        .expect("the digest");
    assert_eq!(digest.paragraphs.len(), 23);
    assert_eq!(digest.meta.title, "Bc-World-Highlights");
}
