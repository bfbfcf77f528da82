//! Gold sets and scoring: reads the gold format of `eval-dev/gold.toml` and scores
//! extractions against it, casualty figures and statements apart.

use std::collections::BTreeMap;

use super::{Extraction, Status};

/// A gold file: the documents and what a careful reader takes from each.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldSet {
    #[serde(default)]
    pub doc: Vec<GoldDoc>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldDoc {
    pub file: String,
    #[serde(default)]
    pub casualty: Vec<GoldCasualty>,
    #[serde(default)]
    pub statement: Vec<GoldStatement>,
}

/// One figure a source gives.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldCasualty {
    pub paragraph: usize,
    pub count: Option<u64>,
    pub count_min: Option<u64>,
    pub count_max: Option<u64>,
    #[serde(default)]
    pub who: String,
    pub side: Option<String>,
    pub status: Option<Status>,
    /// The party that gives the figure; absent for the outlet's own voice.
    pub according_to: Option<String>,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub optional: bool,
}

/// One paragraph in which a party speaks.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldStatement {
    pub paragraph: usize,
    pub party: Option<String>,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub direct: bool,
    #[serde(default)]
    pub optional: bool,
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Nothing to find and nothing found is a perfect score.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub casualties: Scores,
    pub statements: Scores,
    /// Human-readable misses and false positives.
    pub details: Vec<String>,
}

/// Parties scored as one: the Karabakh authorities count as Armenia.
fn scored_party(party: Option<&str>) -> Option<&str> {
    match party {
        Some("karabakh") => Some("armenia"),
        Some("") => None,
        other => other,
    }
}

/// What a casualty row is matched on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct CasualtyKey {
    paragraph: usize,
    figure: (Option<u64>, Option<u64>, Option<u64>),
    status: Option<Status>,
    side: Option<String>,
    by: Option<String>,
}

impl std::fmt::Display for CasualtyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (count, min, max) = self.figure;
        let figure = match (count, min, max) {
            (Some(c), _, _) => c.to_string(),
            (None, Some(a), Some(b)) => format!("{a}-{b}"),
            (None, Some(a), None) => format!(">={a}"),
            (None, None, Some(b)) => format!("<={b}"),
            _ => "?".to_string(),
        };
        let status = self
            .status
            .map_or("?".to_string(), |s| format!("{s:?}").to_lowercase());
        write!(
            f,
            "¶{} {figure} {status} side={} by={}",
            self.paragraph,
            self.side.as_deref().unwrap_or("-"),
            self.by.as_deref().unwrap_or("-")
        )
    }
}

/// Scores `predicted` (file name -> that document's extraction) against `gold`.
/// Documents absent from gold don't count; a gold document with no prediction scores
/// as all misses.
pub fn score(gold: &GoldSet, predicted: &BTreeMap<String, Extraction>) -> Report {
    let mut report = Report::default();
    let empty = Extraction::default();
    for doc in &gold.doc {
        let extraction = predicted.get(&doc.file).unwrap_or(&empty);
        score_casualties(doc, extraction, &mut report);
        score_statements(doc, extraction, &mut report);
    }
    report
}

fn score_casualties(doc: &GoldDoc, extraction: &Extraction, report: &mut Report) {
    let gold: Vec<(CasualtyKey, bool)> = doc
        .casualty
        .iter()
        .map(|c| {
            let key = CasualtyKey {
                paragraph: c.paragraph,
                figure: (c.count, c.count_min, c.count_max),
                status: c.status,
                side: scored_party(c.side.as_deref()).map(str::to_string),
                by: scored_party(c.according_to.as_deref()).map(str::to_string),
            };
            (key, c.optional)
        })
        .collect();
    let predicted: Vec<CasualtyKey> = extraction
        .claims
        .iter()
        .map(|c| CasualtyKey {
            paragraph: c.paragraph,
            figure: (c.count, c.count_min, c.count_max),
            status: Some(c.status),
            side: scored_party(c.side.as_deref()).map(str::to_string),
            by: scored_party(c.according_to.party.as_deref()).map(str::to_string),
        })
        .collect();
    tally(
        &doc.file,
        "casualty",
        &gold,
        &predicted,
        &mut report.casualties,
        &mut report.details,
    );
}

fn score_statements(doc: &GoldDoc, extraction: &Extraction, report: &mut Report) {
    let mut gold: Vec<((usize, Option<String>), bool)> = doc
        .statement
        .iter()
        .map(|s| {
            (
                (
                    s.paragraph,
                    scored_party(s.party.as_deref()).map(str::to_string),
                ),
                s.optional,
            )
        })
        .collect();
    gold.dedup();
    let gold_has_unknown = gold.iter().any(|((_, p), _)| p.is_none());
    let mut predicted: Vec<(usize, Option<String>)> = extraction
        .statements
        .iter()
        .map(|s| {
            (
                s.paragraph,
                scored_party(s.party.as_deref()).map(str::to_string),
            )
        })
        // Speakers that are no known party only count where the gold lists such rows.
        .filter(|(_, p)| p.is_some() || gold_has_unknown)
        .collect();
    predicted.sort();
    predicted.dedup();
    let shown = |k: &(usize, Option<String>)| format!("¶{} {}", k.0, k.1.as_deref().unwrap_or("-"));
    let gold: Vec<(Shown, bool)> = gold
        .iter()
        .map(|(k, o)| (Shown(k.clone(), shown(k)), *o))
        .collect();
    let predicted: Vec<Shown> = predicted
        .iter()
        .map(|k| Shown(k.clone(), shown(k)))
        .collect();
    tally(
        &doc.file,
        "statement",
        &gold,
        &predicted,
        &mut report.statements,
        &mut report.details,
    );
}

/// A statement key with how it is shown in details.
#[derive(Debug, Clone, PartialEq)]
struct Shown((usize, Option<String>), String);

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.1)
    }
}

/// One-to-one matching of predictions to gold rows. A prediction matching an optional
/// row is neither rewarded nor punished; an unmatched optional row is not a miss.
fn tally<K: PartialEq + std::fmt::Display>(
    file: &str,
    kind: &str,
    gold: &[(K, bool)],
    predicted: &[K],
    scores: &mut Scores,
    details: &mut Vec<String>,
) {
    let mut used = vec![false; gold.len()];
    for p in predicted {
        // Required rows first, so an optional twin does not absorb a needed match.
        let hit = (0..gold.len())
            .filter(|&g| !used[g] && gold[g].0 == *p)
            .min_by_key(|&g| gold[g].1);
        match hit {
            Some(g) => {
                used[g] = true;
                if !gold[g].1 {
                    scores.tp += 1;
                }
            }
            None => {
                scores.fp += 1;
                details.push(format!("{file}: false {kind} {p}"));
            }
        }
    }
    for (g, (key, optional)) in gold.iter().enumerate() {
        if !used[g] && !optional {
            scores.fn_ += 1;
            details.push(format!("{file}: missed {kind} {key}"));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::{DocText, Gazetteer, extract};

    /// A fixture document: `+++` TOML front matter, then a Markdown body.
    pub(crate) struct Fixture {
        pub published: Option<chrono::NaiveDate>,
        pub outlet: Option<String>,
        pub paragraphs: Vec<String>,
    }

    #[derive(serde::Deserialize)]
    struct FrontMatter {
        published: Option<toml::value::Datetime>,
        outlet: Option<String>,
    }

    pub(crate) fn load_fixture(path: &str) -> Fixture {
        let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (front, body) = split_front_matter(&raw);
        let meta: FrontMatter = toml::from_str(front).unwrap_or_else(|e| panic!("{path}: {e}"));
        let published = meta.published.and_then(|d| d.date).and_then(|d| {
            chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        });
        Fixture {
            published,
            outlet: meta.outlet,
            paragraphs: crate::text::paragraphs(body),
        }
    }

    fn split_front_matter(raw: &str) -> (&str, &str) {
        let Some(rest) = raw.trim_start().strip_prefix("+++") else {
            return ("", raw);
        };
        match rest.find("\n+++") {
            Some(end) => (
                &rest[..end],
                rest[end + 4..].trim_start_matches(['\r', '\n']),
            ),
            None => ("", raw),
        }
    }

    pub(crate) fn extract_fixture(path: &str) -> Extraction {
        let fixture = load_fixture(path);
        let doc = DocText {
            published: fixture.published,
            outlet: fixture.outlet.as_deref(),
            paragraphs: &fixture.paragraphs,
        };
        extract(&doc, &Gazetteer::builtin())
    }

    /// Scores every document of a gold file, reading documents from `dir`.
    pub(crate) fn run_gold(gold_path: &str, dir: &str) -> Report {
        let raw = std::fs::read_to_string(gold_path).unwrap_or_else(|e| panic!("{gold_path}: {e}"));
        let gold: GoldSet = toml::from_str(&raw).unwrap_or_else(|e| panic!("{gold_path}: {e}"));
        let predicted = gold
            .doc
            .iter()
            .map(|d| {
                (
                    d.file.clone(),
                    extract_fixture(&format!("{dir}/{}", d.file)),
                )
            })
            .collect();
        score(&gold, &predicted)
    }

    fn show(name: &str, report: &Report) {
        let line = |s: &Scores| {
            format!(
                "P={:.3} R={:.3} F1={:.3} ({}/{}/{})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.tp,
                s.fp,
                s.fn_
            )
        };
        eprintln!(
            "{name}: casualties {}; statements {}",
            line(&report.casualties),
            line(&report.statements)
        );
        for d in &report.details {
            eprintln!("  {d}");
        }
    }

    #[test]
    fn dev_gold_meets_targets() {
        let root = env!("CARGO_MANIFEST_DIR");
        let gold = format!("{root}/../shared/eval-dev/gold.toml");
        let report = run_gold(&gold, &format!("{root}/corpus"));
        show("dev", &report);
        meets(&report, 0.95, 0.90);
    }

    #[test]
    fn own_gold_meets_thresholds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");
        let report = run_gold(&format!("{dir}/gold.toml"), dir);
        show("own", &report);
        // Measured 0.930 (P 0.930, R 0.930) and 0.989 (P 1.000, R 0.979); a small margin.
        meets(&report, 0.88, 0.94);
    }

    #[test]
    fn heldout_gold_meets_thresholds() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/extract-heldout"
        );
        let report = run_gold(&format!("{dir}/gold.toml"), dir);
        show("held-out", &report);
        // Written and scored by hand before the extractor first ran on it (then: casualty
        // F1 0.528, statement F1 0.864). Measured after the general fixes: 0.960 (P 0.965,
        // R 0.954) and 0.984 (P 1.000, R 0.969). The rules were tuned while looking at
        // this set, so the margin guards against regressions; it is no longer unseen.
        meets(&report, 0.92, 0.95);
        // Round 2, four more documents written after the tuning above: first run 0.564 and
        // 0.875 (P 0.579/0.913); 0.900 and 1.000 after fixing the classes it showed.
        let report = run_gold(&format!("{dir}/gold-round2.toml"), dir);
        show("held-out round 2", &report);
        meets(&report, 0.85, 0.95);
    }

    #[test]
    fn round3_gold_meets_thresholds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract-round3");
        let report = run_gold(&format!("{dir}/gold.toml"), dir);
        show("held-out round 3", &report);
        // Twelve documents (eleven conflicts and a business/sport negative control),
        // gold frozen before the first run: casualty F1 0.397 (P 0.429, R 0.370) and
        // statement F1 0.836 (P 0.868, R 0.807). After the general fixes: 0.634 (P 0.639,
        // R 0.630) and 0.939 (P 0.931, R 0.947); the thresholds keep a small margin. The
        // rules were tuned looking at this set, so it is no longer unseen.
        meets(&report, 0.60, 0.91);
    }

    #[test]
    fn round4_gold_meets_thresholds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract-round4");
        let report = run_gold(&format!("{dir}/gold.toml"), dir);
        show("held-out round 4", &report);
        // Eight documents (Nigeria, Israel-Hezbollah, an ISPR release, an ACLED brief, a
        // Mindanao outlet with typos, rival Kursk tolls, Sudan, Ethiopia), gold frozen before
        // the first run: casualty F1 0.493 (P 0.567, R 0.436) and statement F1 0.776
        // (P 0.839, R 0.722). After the general fixes it showed: 0.895 (P 0.919, R 0.872)
        // and 0.986 (P 1.000, R 0.972); part of the casualty gain is gazetteer data
        // (Mindanao, Borno, Khyber Pakhtunkhwa). No longer unseen: a regression guard.
        meets(&report, 0.86, 0.95);
    }

    /// Asserts a gold set's casualty and statement F1 reach their floors.
    fn meets(report: &Report, casualties: f64, statements: f64) {
        let (c, s) = (report.casualties.f1(), report.statements.f1());
        assert!(c >= casualties, "casualty F1 {c} < {casualties}");
        assert!(s >= statements, "statement F1 {s} < {statements}");
    }

    fn claim(
        paragraph: usize,
        count: u64,
        status: Status,
        side: &str,
        by: Option<&str>,
    ) -> crate::extract::CasualtyClaim {
        crate::extract::CasualtyClaim {
            paragraph,
            count: Some(count),
            count_min: None,
            count_max: None,
            who: String::new(),
            side: Some(side.to_string()),
            status,
            according_to: crate::extract::Attribution {
                speaker: String::new(),
                party: by.map(str::to_string),
            },
            date: None,
            excerpt: 0..0,
        }
    }

    const GOLD: &str = r#"
[[doc]]
file = "a.md"
  [[doc.casualty]]
  paragraph = 1
  count = 3
  side = "armenia"
  status = "killed"
  according_to = "armenia"
  [[doc.casualty]]
  paragraph = 2
  count = 1
  side = "azerbaijan"
  status = "injured"
  according_to = "azerbaijan"
  optional = true
  [[doc.statement]]
  paragraph = 1
  party = "armenia"
  [[doc.statement]]
  paragraph = 3
  party = "russia"
"#;

    #[test]
    fn karabakh_scores_as_armenia_and_optional_rows_are_neutral() {
        let gold: GoldSet = toml::from_str(GOLD).expect("gold parses");
        let statement = |paragraph, party: &str| crate::extract::Statement {
            paragraph,
            speaker: String::new(),
            party: Some(party.to_string()),
            verb: String::new(),
            direct: false,
            text: String::new(),
            excerpt: 0..0,
        };
        let extraction = Extraction {
            claims: vec![
                claim(1, 3, Status::Killed, "karabakh", Some("karabakh")),
                claim(2, 1, Status::Injured, "azerbaijan", Some("azerbaijan")),
                claim(2, 7, Status::Killed, "azerbaijan", None),
            ],
            // Two rows for one (paragraph, party) count once.
            statements: vec![
                statement(1, "armenia"),
                statement(1, "armenia"),
                statement(4, "us"),
            ],
            events: vec![],
        };
        let mut predicted = BTreeMap::new();
        predicted.insert("a.md".to_string(), extraction);
        predicted.insert("not-in-gold.md".to_string(), Extraction::default());
        let report = score(&gold, &predicted);
        assert_eq!(
            report.casualties,
            Scores {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            report.statements,
            Scores {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(report.details.len(), 3, "{:?}", report.details);
    }

    #[test]
    fn scores_compute_precision_recall_f1() {
        let s = Scores {
            tp: 3,
            fp: 1,
            fn_: 2,
        };
        assert!((s.precision() - 0.75).abs() < 1e-9);
        assert!((s.recall() - 0.6).abs() < 1e-9);
        assert!((s.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
        assert_eq!(Scores::default().f1(), 1.0);
    }
}

#[cfg(test)]
mod dump {
    /// `DUMP=path cargo test dump_fixture -- --ignored --nocapture` prints what the
    /// extractor reads from one fixture, for looking at by eye.
    #[test]
    #[ignore]
    fn dump_fixture() {
        let path = std::env::var("DUMP").expect("set DUMP to a fixture path");
        let fixture = super::tests::load_fixture(&path);
        assert!(!fixture.paragraphs.is_empty(), "{path} has no paragraphs");
        let extraction = super::tests::extract_fixture(&path);
        for s in &extraction.statements {
            eprintln!(
                "S ¶{} [{}] {:?} {} direct={} :: {}",
                s.paragraph, s.speaker, s.party, s.verb, s.direct, s.text
            );
        }
        for c in &extraction.claims {
            let excerpt = fixture
                .paragraphs
                .get(c.paragraph - 1)
                .and_then(|p| p.get(c.excerpt.clone()))
                .unwrap_or("");
            eprintln!(
                "C ¶{} {:?}/{:?}/{:?} {:?} who={:?} side={:?} by={:?}/{:?} date={:?} :: {}",
                c.paragraph,
                c.count,
                c.count_min,
                c.count_max,
                c.status,
                c.who,
                c.side,
                c.according_to.speaker,
                c.according_to.party,
                c.date,
                excerpt
            );
        }
        for e in &extraction.events {
            eprintln!("E ¶{} {}", e.paragraph, e.date);
        }
    }

    /// `cargo test --release reuters_negative_control -- --ignored --nocapture` prints
    /// every casualty claim read from the 1987 Reuters business wire with its sentence:
    /// a negative control, where nearly every figure is money, tonnes or shares.
    #[test]
    #[ignore]
    fn reuters_negative_control() {
        #[derive(serde::Deserialize)]
        struct Record {
            id: String,
            published: Option<String>,
            text: String,
        }
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/news/reuters21578.jsonl"
        );
        let Ok(raw) = std::fs::read_to_string(path) else {
            eprintln!("(skipped: {path} not found)");
            return;
        };
        let gazetteer = crate::extract::Gazetteer::builtin();
        let (mut claims, mut statements) = (0, 0);
        for line in raw.lines() {
            let Ok(r) = serde_json::from_str::<Record>(line) else {
                continue;
            };
            let body = r.text.replace("\n    ", "\n\n");
            let paragraphs = crate::text::paragraphs(&body);
            let published = r
                .published
                .and_then(|p| chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok());
            let doc = crate::extract::DocText {
                published,
                outlet: Some("Reuters"),
                paragraphs: &paragraphs,
            };
            let extraction = crate::extract::extract(&doc, &gazetteer);
            statements += extraction.statements.len();
            for c in &extraction.claims {
                claims += 1;
                let excerpt = paragraphs
                    .get(c.paragraph - 1)
                    .and_then(|p| p.get(c.excerpt.clone()))
                    .unwrap_or("");
                eprintln!(
                    "{} ¶{} {:?}/{:?}/{:?} {:?} who={:?} :: {}",
                    r.id, c.paragraph, c.count, c.count_min, c.count_max, c.status, c.who, excerpt
                );
            }
        }
        eprintln!("{claims} casualty claims, {statements} statements");
    }
}
