//! The floor: plain tantivy, one document per paragraph, as `../shared/bench/README.md`
//! describes it.

use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, TantivyDocument};

use crate::{FLOOR_HEAP, Paragraph};

#[derive(Clone, Copy)]
struct FloorFields {
    text: Field,
    title: Field,
    key: Field,
    para: Field,
}

fn floor_schema() -> (Schema, FloorFields) {
    let mut builder = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = FloorFields {
        text: builder.add_text_field("text", stemmed.clone() | STORED),
        title: builder.add_text_field("title", stemmed),
        key: builder.add_text_field("key", STORED),
        para: builder.add_u64_field("para", STORED),
    };
    (builder.build(), fields)
}

pub(crate) fn floor_build(dir: &Path, paragraphs: &[Paragraph]) {
    std::fs::create_dir_all(dir).expect("the floor's folder");
    let (schema, f) = floor_schema();
    let index = Index::create_in_dir(dir, schema).expect("the floor's index");
    let mut writer: tantivy::IndexWriter = index.writer(FLOOR_HEAP).expect("a writer");
    for p in paragraphs {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.text, &p.text);
        doc.add_text(f.title, &p.title);
        doc.add_text(f.key, &p.key);
        doc.add_u64(f.para, p.para);
        writer.add_document(doc).expect("a paragraph");
    }
    writer.commit().expect("a commit");
    writer.wait_merging_threads().expect("merges end");
}

pub(crate) struct Floor {
    reader: IndexReader,
    parser: QueryParser,
    fields: FloorFields,
}

impl Floor {
    pub(crate) fn open(dir: &Path) -> Floor {
        let index = Index::open_in_dir(dir).expect("the floor opens");
        let schema = index.schema();
        let field = |name: &str| schema.get_field(name).expect("a field");
        let fields = FloorFields {
            text: field("text"),
            title: field("title"),
            key: field("key"),
            para: field("para"),
        };
        let reader = index.reader().expect("a reader");
        let parser = QueryParser::for_index(&index, vec![fields.text, fields.title]);
        Floor {
            reader,
            parser,
            fields,
        }
    }

    /// Search, the top 10, stored fields and a snippet each: (key, snippet) per hit.
    pub(crate) fn answer(&self, query: &str) -> Vec<(String, u64, String)> {
        let searcher = self.reader.searcher();
        let (query, _) = self.parser.parse_query_lenient(query);
        let top = searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .expect("a search");
        let Ok(snippets) = SnippetGenerator::create(&searcher, &*query, self.fields.text) else {
            return Vec::new();
        };
        top.into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).expect("a stored paragraph");
                let key = doc
                    .get_first(self.fields.key)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                let para = doc
                    .get_first(self.fields.para)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0);
                (key, para, snippets.snippet_from_doc(&doc).to_html())
            })
            .collect()
    }
}

/// A child process's whole life: open the floor, answer one query, print it.
pub(crate) fn floor_first_answer(dir: &Path, query: &str) {
    let floor = Floor::open(dir);
    let hits = floor.answer(query);
    let json: Vec<serde_json::Value> = hits
        .into_iter()
        .map(|(key, para, snippet)| serde_json::json!({"key": key, "para": para, "snippet": snippet}))
        .collect();
    println!("{}", serde_json::Value::Array(json));
}
