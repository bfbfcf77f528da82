//! The manifest states what building the bot needs: the `rust-version` it declares is at
//! least what every locked dependency declares, and the README says the same.

use std::process::Command;

use serde_json::Value;

use crate::support::repo;

fn version(text: &str) -> Vec<u32> {
    text.split('.').map(|n| n.parse().unwrap_or(0)).collect()
}

/// The host's target triple, so `cargo metadata` resolves without other platforms'
/// packages (which it would otherwise try to download).
fn host() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let output = Command::new(rustc).arg("-vV").output().expect("rustc runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc names its host")
        .to_string()
}

/// What `cargo metadata` says of the locked build, for this host.
fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(repo())
        .args(["metadata", "--format-version", "1", "--offline", "--locked"])
        .args(["--filter-platform", &host()])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The first build compiles no more than the bot uses: features that pulled these in
/// (tantivy's zstd columns, serenity's cache, scraper's command line) stay off.
#[test]
fn the_first_build_compiles_no_unused_feature() {
    let metadata = metadata();
    let names: Vec<&str> = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for unused in ["zstd-sys", "zstd", "dashmap", "getopts"] {
        assert!(!names.contains(&unused), "{unused} is built again");
    }
    let tokio = metadata["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"].as_str().is_some_and(|id| id.contains("tokio@")))
        .expect("tokio is a dependency");
    let features: Vec<&str> = tokio["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(!features.contains(&"full"), "{features:?}");
}

#[test]
fn rust_version_is_what_the_locked_dependencies_need() {
    let metadata = metadata();
    let ours = env!("CARGO_PKG_RUST_VERSION");
    let needed = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] != "briefbot")
        .filter_map(|p| {
            let declared = p["rust_version"].as_str()?;
            Some((
                version(declared),
                format!("{} {} needs {declared}", p["name"], p["version"]),
            ))
        })
        .max()
        .expect("dependencies declare a rust-version");
    assert!(
        version(ours) >= needed.0,
        "Cargo.toml says rust-version = {ours}, but {}",
        needed.1
    );
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("Rust toolchain ({ours} or newer)")),
        "the README states {ours}"
    );
}
