//! The modules of `src/` import each other in one direction only: a lower layer never
//! names a higher one, so each can be read, changed and tested from the bottom up. The
//! nodes are the top-level modules and, inside the Discord adapter, each of its files;
//! the edges are `crate::…` paths (and `super::…` between the adapter's files) in code
//! that is compiled outside tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::support::repo;

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = module_graph(&repo().join("src"));
    // The reading below must see the imports at all, or no cycle would ever show.
    for (from, to) in [
        ("engine", "question"),
        ("moderation", "render"),
        ("discord::handler", "discord::mentions"),
        ("discord::mentions", "discord::state"),
    ] {
        assert!(
            graph.get(from).is_some_and(|t| t.contains(to)),
            "{from} imports {to}, but the graph does not show it: {graph:#?}"
        );
    }
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "modules import each other: {}. Move what they share into the lower one.",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn a_cycle_is_named_from_module_to_module() {
    fn edge(graph: &mut Graph, from: &str, to: &str) {
        graph.entry(from.into()).or_default().insert(to.into());
    }
    let mut graph = Graph::new();
    edge(&mut graph, "render", "answer");
    edge(&mut graph, "moderation", "render");
    assert_eq!(find_cycle(&graph), None);
    edge(&mut graph, "render", "moderation");
    assert_eq!(
        find_cycle(&graph),
        Some(vec![
            "moderation".into(),
            "render".into(),
            "moderation".into()
        ])
    );
}

/// Who imports whom, from the module tree that `src/lib.rs` declares.
fn module_graph(src: &Path) -> Graph {
    let lib = read(&src.join("lib.rs"));
    let reexported = root_reexports(&lib);
    let adapter: BTreeSet<String> = std::fs::read_dir(src.join("discord"))
        .expect("src/discord")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let module = name.strip_suffix(".rs")?;
            (module != "mod").then(|| module.to_string())
        })
        .collect();
    let crate_path = Regex::new(r"crate::(\w+)(?:::(\w+))?").unwrap();
    let super_path = Regex::new(r"super::(\w+)").unwrap();
    let super_group = Regex::new(r"super::\{").unwrap();
    let child_path = Regex::new(r"(?:^|[^\w:])(?:self::)?(\w+)::").unwrap();
    let mut graph = Graph::new();
    for file in compiled_files(src) {
        let Some(node) = node_of(src, &file) else {
            continue;
        };
        let code = outside_tests(&read(&file));
        let mut targets = BTreeSet::new();
        for m in crate_path.captures_iter(&code) {
            let first = &m[1];
            let target = reexported.get(first).map_or(first, String::as_str);
            let sub = m.get(2).map(|s| s.as_str());
            targets.insert(match sub {
                Some(sub) if target == "discord" && adapter.contains(sub) => {
                    format!("discord::{sub}")
                }
                _ => target.to_string(),
            });
        }
        if node.starts_with("discord::") {
            let mut names: Vec<String> = super_path
                .captures_iter(&code)
                .map(|m| m[1].to_string())
                .collect();
            for group in super_group.find_iter(&code) {
                names.extend(group_heads(&code[group.end()..]));
            }
            for name in names {
                targets.insert(match adapter.contains(&name) {
                    true => format!("discord::{name}"),
                    false => "discord".to_string(),
                });
            }
        }
        if node == "discord" {
            for m in child_path.captures_iter(&code) {
                if adapter.contains(&m[1]) {
                    targets.insert(format!("discord::{}", &m[1]));
                }
            }
        }
        targets.remove(&node);
        graph.entry(node).or_default().extend(targets);
    }
    graph
}

/// `Engine` -> `engine`, for each `pub use module::{A, B};` or `pub use module::A;` of the
/// crate root: `crate::Engine` names the engine module.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let reexport = Regex::new(r"pub use (\w+)::(?:\{([^}]*)\}|(\w+));").unwrap();
    let mut names = BTreeMap::new();
    for m in reexport.captures_iter(lib) {
        let items = m.get(2).or(m.get(3)).map_or("", |s| s.as_str());
        for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            names.insert(item.to_string(), m[1].to_string());
        }
    }
    names
}

/// The first name of each path in a `{a, b::C, d::{E, F}, g as h}` group, `rest` starting just
/// after its `{`.
fn group_heads(rest: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                heads.push(&rest[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                heads.push(&rest[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    heads
        .into_iter()
        .filter_map(|path| path.split("::").next()?.split_whitespace().next())
        .filter(|head| !head.is_empty() && *head != "*" && *head != "self")
        .map(str::to_string)
        .collect()
}

/// `src/engine/lists.rs` -> `engine`; `src/discord/handler.rs` -> `discord::handler`;
/// none for the crate root.
fn node_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    match parts.as_slice() {
        ["lib.rs"] => None,
        ["discord", file] if *file != "mod.rs" => {
            Some(format!("discord::{}", file.trim_end_matches(".rs")))
        }
        [first, ..] => Some(first.trim_end_matches(".rs").to_string()),
        [] => None,
    }
}

/// The files of the library outside tests: `src/lib.rs` and every `mod name;` declared
/// from it, but for those under `#[cfg(test)]`.
fn compiled_files(src: &Path) -> Vec<PathBuf> {
    let declaration =
        Regex::new(r#"(?:#\[path = "([^"]+)"\]\s*)?(?:pub(?:\([\w:]+\))?\s+)?mod (\w+);"#).unwrap();
    let mut files = Vec::new();
    let mut to_read = vec![(src.join("lib.rs"), src.to_path_buf())];
    while let Some((file, children)) = to_read.pop() {
        let code = outside_tests(&read(&file));
        for m in declaration.captures_iter(&code) {
            let child = match m.get(1) {
                Some(path) => file.parent().unwrap().join(path.as_str()),
                None => {
                    let flat = children.join(format!("{}.rs", &m[2]));
                    match flat.exists() {
                        true => flat,
                        false => children.join(&m[2]).join("mod.rs"),
                    }
                }
            };
            let grandchildren = match child.file_name().is_some_and(|n| n == "mod.rs") {
                true => child.parent().unwrap().to_path_buf(),
                false => child.with_extension(""),
            };
            to_read.push((child, grandchildren));
        }
        files.push(file);
    }
    files
}

/// The code without comment lines and without the items under `#[cfg(test)]`: a
/// `mod tests;` declaration or a braced block.
fn outside_tests(code: &str) -> String {
    let code: String = code
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .flat_map(|line| [line, "\n"])
        .collect();
    let mut kept = String::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        kept.push_str(&rest[..at]);
        let item = &rest[at..];
        let end = match (item.find(';'), item.find('{')) {
            (Some(semi), Some(brace)) if brace < semi => block_end(item, brace),
            (Some(semi), _) => semi + 1,
            (None, Some(brace)) => block_end(item, brace),
            (None, None) => item.len(),
        };
        rest = &item[end..];
    }
    kept.push_str(rest);
    kept
}

/// Just past the `}` that closes the block opening at `open`.
fn block_end(text: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// One cycle, as the modules along it back to the first; none when the graph is acyclic.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a Graph,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|n| n.to_string()).collect();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
