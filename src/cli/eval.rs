//! `briefbot eval`: the extractor's precision, recall and F1 against the gold sets.

use std::process::ExitCode;

use super::out;
use crate::config::Config;

pub(super) fn eval(
    config: Config,
    gold: Option<&std::path::Path>,
    only: Option<&str>,
    shared: &std::path::Path,
    json: bool,
    verbose: bool,
    explain: bool,
) -> anyhow::Result<ExitCode> {
    use crate::evaluate;
    let evaluations = match gold {
        Some(gold) => vec![evaluate::run_file(&config, gold)?],
        None => {
            let gazetteer = crate::extract::Gazetteer::with_config(&config.parties)
                .map_err(crate::error::Error::from)?;
            let reuters = evaluate::Reuters::new(shared.join("data/news/reuters21578.jsonl"));
            let sets: Vec<evaluate::Set> = evaluate::discover(std::path::Path::new("."), shared)
                .into_iter()
                .filter(|s| only.is_none_or(|o| s.name.contains(o)))
                .collect();
            if sets.is_empty() {
                anyhow::bail!(
                    "no gold sets found: run from the project folder, with the shared data at {}",
                    shared.display()
                );
            }
            sets.iter()
                .map(|set| evaluate::run_set(set, &gazetteer, &reuters))
                .collect::<Result<Vec<_>, _>>()?
        }
    };
    if explain {
        out(&evaluate::explain(&evaluations))?;
    }
    if json {
        let all: Vec<serde_json::Value> = evaluations.iter().map(|e| e.to_json()).collect();
        out(&format!("{}\n", serde_json::to_string_pretty(&all)?))?;
    } else {
        out(&evaluate::render(&evaluations, verbose))?;
    }
    Ok(ExitCode::SUCCESS)
}
