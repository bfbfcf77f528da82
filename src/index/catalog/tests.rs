//! The catalog's unit tests: what is written reads back the same, answer orders are
//! computed at index time, and damage is found at open or read as nothing.

use std::path::Path;

use super::*;
use crate::extract::{Gazetteer, extract};

fn documents() -> Vec<CatalogDoc> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/karabakh-clash-2023-03-06.md"),
    )
    .unwrap();
    let loaded = crate::corpus::parse_markdown(&text, "karabakh.md".into()).unwrap();
    let gazetteer = Gazetteer::builtin();
    let extraction = |d: &crate::corpus::Document| {
        extract(
            &crate::extract::DocText {
                title: Some(&d.meta.title),
                published: d.meta.published,
                outlet: d.meta.outlet.as_deref(),
                paragraphs: &d.paragraphs,
            },
            &gazetteer,
        )
    };
    let first = CatalogDoc {
        source: loaded.source.clone(),
        meta: loaded.meta.clone(),
        paragraphs: loaded.paragraphs.clone(),
        extraction: extraction(&loaded),
        path: Some(PathBuf::from("corpus/karabakh.md")),
        duplicate_of: None,
        also_in: vec!["Wire B".into()],
    };
    let copy = CatalogDoc {
        source: "copy.md".into(),
        meta: Meta {
            outlet: Some("Wire B".into()),
            author: Some("A. Writer".into()),
            ..loaded.meta.clone()
        },
        path: None,
        duplicate_of: Some(0),
        also_in: Vec::new(),
        ..first.clone()
    };
    vec![first, copy]
}

#[test]
fn what_is_written_reads_back_the_same() {
    let docs = documents();
    assert!(!docs[0].extraction.statements.is_empty());
    assert!(!docs[0].extraction.claims.is_empty());
    let catalog = Catalog::from_documents(Utc::now(), &docs).unwrap();
    assert_eq!(catalog.len(), 2);
    assert_eq!(catalog.paragraph_count(), 2 * docs[0].paragraphs.len());
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(&catalog.document(i).unwrap().to_owned(), doc);
    }
    let second = catalog.document(1).unwrap();
    let (doc, number) = catalog.locate(second.first_pid() + 2).unwrap();
    assert_eq!((doc, number), (1, 3));
    assert!(!catalog.is_original_paragraph(second.first_pid()));
    assert!(catalog.is_original_paragraph(0));
}

#[test]
fn a_party_lists_its_statements_in_originals_only_with_their_numbers() {
    let docs = documents();
    let catalog = Catalog::from_documents(Utc::now(), &docs).unwrap();
    let russia = catalog.party_statements("russia");
    let expected: Vec<usize> = docs[0]
        .extraction
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.party.as_deref() == Some("russia"))
        .map(|(i, _)| i)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(russia.ids.iter().collect::<Vec<_>>(), expected);
    assert_eq!(russia.numbers.get(0), 1);
    for (id, pid) in russia.ids.iter().zip(russia.pids.iter()) {
        assert_eq!(pid, catalog.statement(id).pid());
    }
    assert_eq!(russia.pids.len(), russia.ids.len());
    let all = catalog.parties().find(|(p, _)| *p == "russia").unwrap().1;
    assert_eq!(all, 2 * expected.len(), "copies counted among all");
    assert!(catalog.party_statements("nobody").ids.is_empty());
}

#[test]
fn damage_is_found_at_open_or_read_as_nothing() {
    let docs = documents();
    let bytes = encode(&Contents {
        built_at: Utc::now(),
        documents: &docs,
        names: &[],
        files: Vec::new(),
    })
    .unwrap();
    let open = |b: Vec<u8>| Catalog::open(OwnedBytes::new(b));
    assert!(matches!(
        open(bytes[..bytes.len() - 1].to_vec()),
        Err(Unreadable::Damaged(_))
    ));
    let mut other = bytes.clone();
    other[8..12].copy_from_slice(&3u32.to_le_bytes());
    assert_eq!(open(other).err(), Some(Unreadable::Version(3)));
    assert_eq!(
        version(b"{\"schema_version\":4,\"built_at\":\"x\"}"),
        Some(4)
    );
    // Scrambled records past the head read as something, never a panic.
    let mut scrambled = bytes.clone();
    let head_end = HEADER + SECTIONS * 16 + 400;
    for (i, b) in scrambled.iter_mut().enumerate().skip(head_end) {
        *b = (i * 7919 % 251) as u8;
    }
    if let Ok(catalog) = open(scrambled) {
        for doc in catalog.documents() {
            let _ = doc.to_owned();
        }
        let _ = catalog.party_statements("russia").ids.iter().count();
        let _ = catalog.timeline().ids.iter().count();
    }
}
