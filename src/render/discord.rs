//! Answer -> Discord-shaped pages as plain data: an [`Embed`] per page with a title, the
//! answer with numbered citation markers, the citations as fields and a footer. It knows
//! Discord's limits and keeps every page within them, and it escapes Markdown and mentions
//! in everything a source wrote, so no source can format the bot's message or ping anyone.
//! The Discord adapter turns these structs into its client library's builders.
//!
//! A page shows a fixed number of items ([`PAGE_ITEMS`]), so page n needs only its own
//! items ([`page_window`]) and the list's length; items too long to fit together are
//! quoted shorter rather than pushed to another page.

use std::fmt::Write;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::{claim_line, claim_reasons, side_heading, status_word};
use crate::answer::{Answer, Citation, ClaimGroup, Window};
use crate::extract::Gazetteer;

/// Discord's limits, in characters unless said otherwise.
pub mod limits {
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    /// Fields per embed.
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const AUTHOR: usize = 256;
    /// All the text of all the embeds of one message.
    pub const EMBED_TOTAL: usize = 6000;
    /// Embeds per message.
    pub const EMBEDS: usize = 10;
    /// A message's own text.
    pub const CONTENT: usize = 2000;
    pub const CUSTOM_ID: usize = 100;
    pub const BUTTON_LABEL: usize = 80;
    /// Autocomplete choices per answer, and characters per choice name or value.
    pub const CHOICES: usize = 25;
    pub const CHOICE: usize = 100;
}

/// How much of a page the answer itself may fill, so the citations fit beside it and a page
/// stays readable on a phone.
const PAGE_DESCRIPTION: usize = 3000;
/// Citation fields per page.
const PAGE_FIELDS: usize = 8;
/// One item of an answer (a passage, a claim, a statement) at most.
const BLOCK: usize = 1200;
/// A heading over items (a side, a status) at most.
const HEADING: usize = 200;
/// An excerpt quoted in a citation field at most.
const QUOTE: usize = 600;
/// The request line in the footer at most; longer ones are cut and cannot be replayed.
const REQUEST_LINE: usize = 1000;

/// Items of a long answer per page: each cites one source, and a page has room for as
/// many citation fields.
pub const PAGE_ITEMS: usize = PAGE_FIELDS;

/// How much of an item (and of its citation) a page quotes. A page whose items do not
/// fit at full length is drawn again with half, and so on.
#[derive(Debug, Clone, Copy)]
struct Budget {
    block: usize,
    quote: usize,
    name: usize,
    title: usize,
}

const BUDGETS: [Budget; 4] = {
    const fn half(b: Budget) -> Budget {
        Budget {
            block: b.block / 2,
            quote: b.quote / 2,
            name: b.name / 2,
            title: b.title / 2,
        }
    }
    let full = Budget {
        block: BLOCK,
        quote: QUOTE,
        name: HEADING,
        title: limits::FIELD_NAME - 12,
    };
    let a = half(full);
    let b = half(a);
    [full, a, b, half(b)]
};

/// One embed: what a page of an answer shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Embed {
    pub title: String,
    /// Makes the title a link.
    pub url: Option<String>,
    pub description: String,
    pub fields: Vec<Field>,
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

impl Embed {
    /// Characters Discord counts against the 6000 of a message.
    pub fn chars(&self) -> usize {
        count(&self.title)
            + count(&self.description)
            + count(&self.footer)
            + self
                .fields
                .iter()
                .map(|f| count(&f.name) + count(&f.value))
                .sum::<usize>()
    }

    /// The first limit this embed breaks, if any.
    pub fn check_limits(&self) -> Result<(), String> {
        let over = |what: &str, n: usize, max: usize| {
            if n > max {
                Err(format!("{what}: {n} characters, over {max}"))
            } else {
                Ok(())
            }
        };
        over("title", count(&self.title), limits::TITLE)?;
        over("description", count(&self.description), limits::DESCRIPTION)?;
        over("footer", count(&self.footer), limits::FOOTER)?;
        if self.fields.len() > limits::FIELDS {
            return Err(format!(
                "{} fields, over {}",
                self.fields.len(),
                limits::FIELDS
            ));
        }
        for field in &self.fields {
            over("field name", count(&field.name), limits::FIELD_NAME)?;
            over("field value", count(&field.value), limits::FIELD_VALUE)?;
            if field.name.trim().is_empty() || field.value.trim().is_empty() {
                return Err("an empty field".into());
            }
        }
        over("embed", self.chars(), limits::EMBED_TOTAL)
    }
}

/// What the renderer needs besides the answer.
pub struct Context<'a> {
    pub gazetteer: &'a Gazetteer,
    /// The day the answering index was built.
    pub index_date: NaiveDate,
    /// The command as asked, canonical (`/search query:ambush`); shown in the footer, where
    /// a page button finds it again to rebuild another page.
    pub request: &'a str,
}

/// The items page `page` (from 1) shows: what an answer must hold to render it.
pub fn page_window(page: usize) -> Window {
    Window {
        start: (page.max(1) - 1) * PAGE_ITEMS,
        len: PAGE_ITEMS,
    }
}

/// How many pages the whole answer takes; never 0.
pub fn page_count(answer: &Answer) -> usize {
    match per_page(answer) {
        Some(per) => answer.shown().total.div_ceil(per).max(1),
        None => 1,
    }
}

/// Items per page; `None` for an answer shown whole on one page (`/help`).
fn per_page(answer: &Answer) -> Option<usize> {
    match answer {
        Answer::Ask { answer, .. } => per_page(answer),
        Answer::Help { .. } => None,
        _ => Some(PAGE_ITEMS),
    }
}

/// The answer as pages, each one embed within every Discord limit. Never empty.
pub fn render(answer: &Answer, ctx: &Context) -> Vec<Embed> {
    (1..=page_count(answer))
        .map(|page| render_page(answer, ctx, page))
        .collect()
}

/// Page `page` (from 1, clamped) of the answer, within every Discord limit. The answer
/// must hold that page's items ([`page_window`]); a complete answer holds every page's.
pub fn render_page(answer: &Answer, ctx: &Context, page: usize) -> Embed {
    let total = page_count(answer);
    let page = page.clamp(1, total);
    let items = match per_page(answer) {
        Some(per) => (page - 1) * per..page * per,
        None => 0..usize::MAX,
    };
    let mut footer = footer_base(answer, ctx);
    if total > 1 {
        let _ = write!(footer, " · page {page} of {total}");
    }
    let mut embed = Embed::default();
    for budget in BUDGETS {
        let draft = draft(answer, ctx.gazetteer, &items, budget);
        embed = lay_out(answer, &draft, budget, footer.clone());
        let description_fits =
            count(&embed.description) <= PAGE_DESCRIPTION || draft.blocks.len() <= 1;
        if description_fits && embed.chars() <= limits::EMBED_TOTAL {
            break;
        }
    }
    enforce_limits(&mut embed);
    embed
}

/// One page: the blocks under their headings, and a field for each citation they mark.
fn lay_out(answer: &Answer, draft: &Draft, budget: Budget, footer: String) -> Embed {
    let citations: Vec<&Citation> = answer.citations();
    let mut description = String::new();
    let mut fields = Vec::new();
    let mut cited: Vec<usize> = Vec::new();
    let mut above: &[String] = &[];
    for block in &draft.blocks {
        description.push_str(&block_text(block, above, description.is_empty()));
        above = &block.headings;
        for &n in &block.cites {
            if cited.contains(&n) {
                continue;
            }
            cited.push(n);
            if let Some(c) = citations.iter().find(|c| c.n == n) {
                fields.push(citation_field(c, draft.quote_in_fields, budget));
            }
        }
    }
    if description.is_empty() {
        description = draft.empty.clone();
    }
    Embed {
        title: fit(&draft.title, limits::TITLE, escape),
        url: None,
        description,
        fields,
        footer,
    }
}

/// Cuts `text` to `max` characters for a plain message (`content`), with an ellipsis.
pub fn cut(text: &str, max: usize) -> String {
    if count(text) <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// Escapes Markdown and defuses mentions in text a source or a user wrote: `*_~`|[]` and
/// backslash anywhere, `#`, `>`, `-`, `+` and `1.` at a line start; a zero-width space after
/// the `@` of `@everyone` / `@here` and after the `<` of `<@id>`, `<@&id>`, `<#id>`,
/// `<:emoji:id>`, `</cmd:id>` and `<t:..>`. Line breaks become spaces: every caller places
/// the text inline.
pub fn escape(text: &str) -> String {
    const ZWSP: char = '\u{200B}';
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let rest = &chars[i + 1..];
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '>' | '-' | '+' if line_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if line_start => {
                let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                out.extend(&chars[i..i + digits]);
                i += digits;
                if chars.get(i) == Some(&'.') {
                    out.push_str("\\.");
                    i += 1;
                }
                line_start = false;
                continue;
            }
            '<' if starts_mention(rest) => {
                out.push('<');
                out.push(ZWSP);
            }
            '@' if starts_word(rest, "everyone") || starts_word(rest, "here") => {
                out.push('@');
                out.push(ZWSP);
            }
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
        line_start = line_start && c.is_whitespace();
        i += 1;
    }
    out
}

/// Defuses mentions only, for a message's own text, which is not Markdown-escaped (an error
/// quotes what was typed in a code span): the same zero-width spaces as [`escape`].
pub fn defuse_mentions(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let rest = &chars[i + 1..];
        let defuse = match c {
            '<' => starts_mention(rest),
            '@' => starts_word(rest, "everyone") || starts_word(rest, "here"),
            _ => false,
        };
        if defuse {
            out.push('\u{200B}');
        }
    }
    out
}

fn starts_mention(rest: &[char]) -> bool {
    matches!(rest, ['@' | '#' | ':' | '/', ..] | ['a' | 't', ':', ..])
}

fn starts_word(rest: &[char], word: &str) -> bool {
    let n = word.chars().count();
    rest.len() >= n
        && rest[..n]
            .iter()
            .zip(word.chars())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b))
}

/// A link target safe inside `[text](url)`: http(s) only, no spaces or parentheses.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 512 {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() || c.is_whitespace() => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

// ---- the answer as headed blocks ----

/// One item of an answer with the headings it sits under and the citations it points to.
struct Block {
    headings: Vec<String>,
    text: String,
    cites: Vec<usize>,
}

struct Draft {
    title: String,
    /// What the page says when there is nothing to list.
    empty: String,
    blocks: Vec<Block>,
    /// Whether citation fields quote their excerpt (not when the item already is the excerpt).
    quote_in_fields: bool,
}

fn about(query: Option<&str>) -> String {
    query.map(|q| format!(" about “{q}”")).unwrap_or_default()
}

/// The items of `list` (which starts at item `offset` of the whole list) that fall in
/// `items`.
fn held<'a, T>(list: &'a [T], offset: usize, items: &Range<usize>) -> &'a [T] {
    let start = items.start.saturating_sub(offset).min(list.len());
    let end = items.end.saturating_sub(offset).clamp(start, list.len());
    &list[start..end]
}

fn item(text: String, cite: usize) -> Block {
    Block {
        headings: Vec::new(),
        text: format!("{text} [{cite}]"),
        cites: vec![cite],
    }
}

/// The page's blocks: the items of the whole list in `items`, quoted within `budget`.
fn draft(answer: &Answer, gazetteer: &Gazetteer, items: &Range<usize>, budget: Budget) -> Draft {
    let offset = answer.shown().offset;
    match answer {
        Answer::Ask {
            answer,
            reading,
            equivalent,
            no_answer,
            suggestions,
            ..
        } => {
            let mut draft = draft(answer, gazetteer, items, budget);
            draft.title = format!("Read as: {reading}");
            let mut lead = format!("Same as `{}`", equivalent.replace('`', "'"));
            if let Some(message) = no_answer {
                lead.push_str(&format!("\n{}", escape(message)));
                for suggestion in suggestions {
                    lead.push_str(&format!("\n• {}", escape(suggestion)));
                }
                draft.empty = lead;
            } else if items.start == 0 {
                draft.blocks.insert(
                    0,
                    Block {
                        headings: Vec::new(),
                        text: lead,
                        cites: Vec::new(),
                    },
                );
            }
            draft
        }
        Answer::Search { query, hits, .. } => Draft {
            title: format!("Search: {query}"),
            empty: format!("No passage matches “{}”.", escape(query)),
            blocks: held(hits, offset, items)
                .iter()
                .map(|hit| {
                    let n = hit.citation.n;
                    let room = budget.block.saturating_sub(format!("**[{n}]** ").len());
                    let excerpt = fit_marked(&hit.citation.excerpt, &hit.highlights, room);
                    Block {
                        headings: Vec::new(),
                        text: format!("**[{n}]** {excerpt}"),
                        cites: vec![n],
                    }
                })
                .collect(),
            quote_in_fields: false,
        },
        Answer::Sources { sources, .. } => Draft {
            title: format!("Indexed sources: {}", answer.shown().total),
            empty: "Nothing is indexed yet.".into(),
            blocks: held(sources, offset, items)
                .iter()
                .map(|s| {
                    let title = fit(&s.title, budget.name, escape);
                    let title = match s.url.as_deref().and_then(safe_url) {
                        Some(url) => format!("[{title}]({url})"),
                        None => title,
                    };
                    let outlet = s.outlet.as_deref().unwrap_or("outlet not given");
                    let date = s.published.map_or("undated".into(), |d| d.to_string());
                    let line = format!(
                        "**[{}]** {title} — {}, {date}, {} paragraphs · {}",
                        s.citation.n,
                        fit(outlet, budget.name, escape),
                        s.paragraphs,
                        fit(&s.source, budget.name, escape),
                    );
                    Block {
                        headings: Vec::new(),
                        text: fit_rendered(line, budget.block),
                        cites: Vec::new(),
                    }
                })
                .collect(),
            quote_in_fields: false,
        },
        Answer::Help { commands } => Draft {
            title: "Commands".into(),
            empty: "No commands.".into(),
            blocks: commands
                .iter()
                .map(|c| {
                    let admin = if c.admin && !c.description.contains("moderators") {
                        " (moderators)"
                    } else {
                        ""
                    };
                    Block {
                        headings: Vec::new(),
                        text: format!(
                            "`{}`{admin}\n{}",
                            c.usage.replace('`', "'"),
                            escape(&c.description)
                        ),
                        cites: Vec::new(),
                    }
                })
                .collect(),
            quote_in_fields: false,
        },
        Answer::Casualties {
            query,
            claims,
            groups,
            explain,
            ..
        } => {
            let about = about(query.as_deref());
            let explain = *explain;
            let blocks = groups
                .iter()
                .filter(|group| group.claims.iter().any(|i| items.contains(i)))
                .flat_map(|group| {
                    let headings = group_headings(group, gazetteer, budget);
                    group.claims.iter().filter_map(move |&i| {
                        if !items.contains(&i) {
                            return None;
                        }
                        let claim = claims.get(i.checked_sub(offset)?)?;
                        let room = budget.block.saturating_sub(16);
                        let line = fit(&claim_line(claim), room, escape);
                        // "-# why: ...": Discord's small print under the figure.
                        let why = if explain {
                            format!("\n-# why: {}", fit(&claim_reasons(claim), room, escape))
                        } else {
                            String::new()
                        };
                        let mut block = item(format!("• {line}{why}"), claim.citation.n);
                        block.headings = headings.clone();
                        Some(block)
                    })
                })
                .collect();
            Draft {
                title: format!("Casualty figures{about}"),
                empty: format!(
                    "No casualty figures in the indexed reporting{}.",
                    escape(&about)
                ),
                blocks,
                quote_in_fields: true,
            }
        }
        Answer::Statement {
            party_name,
            topic,
            statements,
            explain,
            ..
        } => {
            let statements = held(statements, offset, items);
            let about = about(topic.as_deref());
            let explain = *explain;
            Draft {
                title: format!("Statements by {party_name}{about}"),
                empty: format!(
                    "No statement by {} in the indexed reporting{}.",
                    escape(party_name),
                    escape(&about)
                ),
                blocks: statements
                    .iter()
                    .map(|s| {
                        let head = format!(
                            "• **{}** ({}): ",
                            fit(&s.speaker, budget.name, escape),
                            fit(&super::saying(s), 60, escape)
                        );
                        let words = s.text.trim_matches(|c| matches!(c, '"' | '“' | '”'));
                        let room = budget.block.saturating_sub(count(&head) + 16);
                        let words = if s.direct {
                            fit(words, room, |w| format!("“{}”", escape(w)))
                        } else {
                            fit(words, room, escape)
                        };
                        let why = match (explain, s.evidence.as_deref()) {
                            (false, _) => String::new(),
                            (true, Some(w)) => format!("\n-# why: {}", fit(w, room, escape)),
                            (true, None) => "\n-# why: no words name the party".to_string(),
                        };
                        item(format!("{head}{words}{why}"), s.citation.n)
                    })
                    .collect(),
                quote_in_fields: true,
            }
        }
        Answer::Timeline { query, events, .. } => {
            let about = about(query.as_deref());
            Draft {
                title: format!("Timeline{about}"),
                empty: format!(
                    "No dated events in the indexed reporting{}.",
                    escape(&about)
                ),
                blocks: held(events, offset, items)
                    .iter()
                    .map(|e| {
                        let date = e.date.map_or("undated".into(), |d| d.to_string());
                        let room = budget.block.saturating_sub(40);
                        let excerpt = fit(&e.citation.excerpt, room, escape);
                        item(format!("**{date}** {excerpt}"), e.citation.n)
                    })
                    .collect(),
                quote_in_fields: false,
            }
        }
    }
}

/// "**Armenia — people hit**" over "killed, 2023-03-05 — 2 sources agree".
fn group_headings(group: &ClaimGroup, gazetteer: &Gazetteer, budget: Budget) -> Vec<String> {
    let side = side_heading(group.side.as_deref(), gazetteer);
    let side = format!("**{} — people hit**", fit(&side, budget.name, escape));
    let date = group.date.map(|d| format!(", {d}")).unwrap_or_default();
    let verdict = match (group.sources, group.agreed) {
        (1, _) => String::new(),
        (n, true) => format!(" — {n} sources agree"),
        (_, false) => " — disputed: sources differ".into(),
    };
    vec![
        side,
        format!("__{}{date}__{verdict}", status_word(group.status)),
    ]
}

/// `[1] Title` over the quote (when asked for), outlet, date, paragraph and a link or the
/// source's path.
fn citation_field(c: &Citation, quote: bool, budget: Budget) -> Field {
    let name = fit(&c.title, budget.title, escape);
    let mut value = String::new();
    if quote {
        let _ = writeln!(value, "> {}", fit(&c.excerpt, budget.quote, escape));
    }
    let mut source = String::from("— ");
    if let Some(outlet) = &c.outlet {
        let _ = write!(source, "{}, ", fit(outlet, budget.name, escape));
    }
    if let Some(date) = c.published {
        let _ = write!(source, "{date}, ");
    }
    let _ = write!(source, "paragraph {}", c.paragraph);
    match c.url.as_deref().and_then(safe_url) {
        Some(url) => {
            let _ = write!(source, " · [link]({url})");
        }
        None => {
            let _ = write!(source, " · {}", fit(&c.source, budget.name, escape));
        }
    }
    value.push_str(&source);
    if !c.also_in.is_empty() {
        let outlets = c.also_in.join(", ");
        let _ = write!(value, "\nalso in: {}", fit(&outlets, budget.name, escape));
    }
    Field {
        name: format!("[{}] {name}", c.n),
        value: fit_rendered(value, limits::FIELD_VALUE),
        inline: false,
    }
}

fn footer_base(answer: &Answer, ctx: &Context) -> String {
    let request = cut(ctx.request, REQUEST_LINE);
    let sources = match answer.source_count() {
        0 => String::new(),
        1 => "1 source · ".into(),
        n => format!("{n} sources · "),
    };
    format!("{request}\n{sources}index built {}", ctx.index_date)
}

// ---- laying out a page ----

/// The block's line, with the headings that differ from the ones above it (all of them at
/// the top of a page).
fn block_text(block: &Block, above: &[String], page_start: bool) -> String {
    let first_new = if page_start {
        0
    } else {
        block
            .headings
            .iter()
            .zip(above)
            .take_while(|(a, b)| a == b)
            .count()
    };
    let mut lines = Vec::new();
    for (level, heading) in block.headings.iter().enumerate().skip(first_new) {
        if level == 0 && !page_start {
            lines.push("");
        }
        lines.push(heading.as_str());
    }
    lines.push(&block.text);
    let text = lines.join("\n");
    if page_start {
        text
    } else {
        format!("\n{text}")
    }
}

/// The safety net under the packing: cuts or drops whatever still breaks a limit.
fn enforce_limits(embed: &mut Embed) {
    embed.title = fit_rendered(std::mem::take(&mut embed.title), limits::TITLE);
    embed.footer = fit_rendered(std::mem::take(&mut embed.footer), limits::FOOTER);
    embed.description = fit_rendered(std::mem::take(&mut embed.description), limits::DESCRIPTION);
    embed.fields.truncate(limits::FIELDS);
    for field in &mut embed.fields {
        field.name = fit_rendered(std::mem::take(&mut field.name), limits::FIELD_NAME);
        field.value = fit_rendered(std::mem::take(&mut field.value), limits::FIELD_VALUE);
    }
    while embed.chars() > limits::EMBED_TOTAL && embed.fields.pop().is_some() {}
    let over = embed.chars().saturating_sub(limits::EMBED_TOTAL);
    if over > 0 {
        let keep = count(&embed.description).saturating_sub(over);
        embed.description = fit_rendered(std::mem::take(&mut embed.description), keep);
    }
    if embed.description.trim().is_empty() {
        embed.description = "—".into();
    }
}

// ---- fitting text ----

fn count(text: &str) -> usize {
    text.chars().count()
}

/// `render(raw)`, with `raw` cut (and an ellipsis added) until the result is at most `max`
/// characters. Cutting the raw text before rendering keeps escapes and markup whole.
fn fit(raw: &str, max: usize, render: impl Fn(&str) -> String) -> String {
    let full = render(raw);
    if count(&full) <= max {
        return full;
    }
    let mut keep = count(raw).min(max);
    loop {
        let cut: String = raw.chars().take(keep).collect();
        let out = render(&format!("{}…", cut.trim_end()));
        let n = count(&out);
        if n <= max {
            return out;
        }
        if keep == 0 {
            return fit_rendered(out, max);
        }
        keep = keep.saturating_sub((n - max).max(1));
    }
}

/// Cuts already rendered text at a character boundary; last resort, as it may split markup.
fn fit_rendered(text: String, max: usize) -> String {
    if count(&text) <= max {
        return text;
    }
    cut(&text, max)
}

/// The excerpt escaped, its highlighted byte ranges in bold, cut to `max` characters.
fn fit_marked(excerpt: &str, highlights: &[Range<usize>], max: usize) -> String {
    let render = |cut: &str| {
        // `cut` is a prefix of the excerpt, perhaps with an ellipsis: keep the ranges in it.
        let mut out = String::new();
        let mut at = 0;
        for range in highlights {
            let (Some(before), Some(word)) = (cut.get(at..range.start), cut.get(range.clone()))
            else {
                continue;
            };
            out.push_str(&escape(before));
            let _ = write!(out, "**{}**", escape(word));
            at = range.end;
        }
        out.push_str(&escape(cut.get(at..).unwrap_or("")));
        out
    };
    fit(excerpt, max, render)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{According, ClaimEntry, SearchHit, StatementEntry};
    use crate::extract::Status;

    fn citation(n: usize, excerpt: &str) -> Citation {
        Citation {
            n,
            source: format!("doc{n}.md"),
            title: format!("Title {n}"),
            outlet: Some("Outlet".into()),
            url: Some(format!("https://example.org/{n}")),
            published: NaiveDate::from_ymd_opt(2023, 3, 6),
            paragraph: 2,
            excerpt: excerpt.into(),
            also_in: Vec::new(),
        }
    }

    fn ctx(gazetteer: &Gazetteer) -> Context<'_> {
        Context {
            gazetteer,
            index_date: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
            request: "/search query:x",
        }
    }

    fn assert_within_limits(pages: &[Embed]) {
        assert!(!pages.is_empty());
        for (i, page) in pages.iter().enumerate() {
            if let Err(e) = page.check_limits() {
                panic!("page {} breaks a limit: {e}", i + 1);
            }
        }
    }

    #[test]
    fn markdown_in_a_source_is_escaped() {
        assert_eq!(escape("**bold** _it_"), "\\*\\*bold\\*\\* \\_it\\_");
        assert_eq!(
            escape("`code` ||spoiler|| ~~x~~"),
            "\\`code\\` \\|\\|spoiler\\|\\| \\~\\~x\\~\\~"
        );
        assert_eq!(escape("[click](https://evil)"), "\\[click\\](https://evil)");
        assert_eq!(escape("# Header"), "\\# Header");
        assert_eq!(escape("> quote"), "\\> quote");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("1. item"), "1\\. item");
        assert_eq!(escape("a - b # c > d 2. e"), "a - b # c > d 2. e");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
        assert_eq!(escape("two\nlines"), "two lines");
    }

    #[test]
    fn mentions_in_a_source_are_defused() {
        let out = escape("@everyone @here <@123> <@!7> <@&456> <#789> <:e:1> </cmd:2> <t:1:R>");
        for raw in ["@everyone", "@here", "<@", "<#", "<:", "</", "<t:"] {
            assert!(!out.contains(raw), "{raw} survived in {out}");
        }
        assert!(out.contains("@\u{200B}everyone") && out.contains("<\u{200B}@&456>"));
        assert_eq!(escape("a < b, x@example.org"), "a < b, x@example.org");
        let plain = defuse_mentions("Unknown party `<@&456> @here *x*`");
        assert_eq!(plain, "Unknown party `<\u{200B}@&456> @\u{200B}here *x*`");
    }

    #[test]
    fn cutting_keeps_escapes_and_bold_whole() {
        let text = "*".repeat(500);
        let out = fit(&text, 101, escape);
        assert!(count(&out) <= 101);
        assert!(out.ends_with('…'));
        assert!(!out.trim_end_matches('…').ends_with("\\\\"));
        assert_eq!(out.matches('\\').count(), out.matches('*').count());

        let excerpt = "the ambush ".repeat(300);
        let highlights: Vec<Range<usize>> = (0..300).map(|i| i * 11 + 4..i * 11 + 10).collect();
        let out = fit_marked(&excerpt, &highlights, 500);
        assert!(count(&out) <= 500, "{}", count(&out));
        assert_eq!(out.matches("**").count() % 2, 0, "unbalanced bold: {out}");
    }

    #[test]
    fn a_huge_answer_is_paged_within_every_limit() {
        let gazetteer = Gazetteer::builtin();
        let long = "Soldiers were killed in the ambush near the road. ".repeat(200);
        let claims: Vec<ClaimEntry> = (1..=300)
            .map(|n| ClaimEntry {
                count: Some(n as u64),
                count_min: None,
                count_max: None,
                who: format!("{} soldiers", "very ".repeat(50)),
                side: Some(if n % 2 == 0 { "armenia" } else { "azerbaijan" }.into()),
                side_evidence: Some("“Armenian” in “Armenian soldiers” ".repeat(20)),
                status: Status::Killed,
                according_to: According {
                    speaker: "the ministry ".repeat(30),
                    party: None,
                    evidence: None,
                },
                date: None,
                disputed: true,
                citation: Citation {
                    title: "T".repeat(400),
                    outlet: Some("O".repeat(300)),
                    source: "s".repeat(300),
                    ..citation(n, &long)
                },
            })
            .collect();
        let groups = vec![
            ClaimGroup {
                side: Some("armenia".into()),
                status: Status::Killed,
                date: None,
                claims: (0..300).filter(|i| i % 2 == 1).collect(),
                sources: 150,
                agreed: false,
            },
            ClaimGroup {
                side: Some("azerbaijan".into()),
                status: Status::Killed,
                date: None,
                claims: (0..300).filter(|i| i % 2 == 0).collect(),
                sources: 150,
                agreed: false,
            },
        ];
        // With the reasons shown: each figure's block is longer still.
        let answer = Answer::Casualties {
            query: Some("q".repeat(300)),
            claims,
            groups,
            explain: true,
            shown: Default::default(),
        };
        let pages = render(&answer, &ctx(&gazetteer));
        assert!(pages.len() > 10, "{} pages", pages.len());
        assert_within_limits(&pages);
        // Every claim is on some page, and every marker on a page has its field there.
        for n in 1..=300 {
            assert!(
                pages
                    .iter()
                    .any(|p| p.description.contains(&format!("[{n}]"))),
                "claim [{n}] is on no page"
            );
        }
        for page in &pages {
            for field in &page.fields {
                let marker = field.name.split(']').next().unwrap_or("").to_string() + "]";
                assert!(
                    page.description.contains(&marker),
                    "{marker} cited nowhere on its page"
                );
            }
        }
        // A page that continues a group repeats its headings.
        assert!(
            pages[1].description.starts_with("**"),
            "{}",
            pages[1].description
        );
    }

    #[test]
    fn search_hits_are_bold_where_they_matched_and_cited_in_fields() {
        let gazetteer = Gazetteer::builtin();
        let excerpt = "Interior Ministry described the shooting as an “ambush,” saying";
        let start = excerpt.find("ambush").unwrap();
        let answer = Answer::Search {
            query: "ambush".into(),
            hits: vec![SearchHit {
                score: 1.0,
                citation: citation(1, excerpt),
                highlights: std::iter::once(start..start + 6).collect(),
            }],
            shown: Default::default(),
        };
        let pages = render(&answer, &ctx(&gazetteer));
        assert_eq!(pages.len(), 1);
        assert!(pages[0].description.contains("**[1]** Interior"));
        assert!(pages[0].description.contains("“**ambush**,”"));
        assert_eq!(pages[0].fields[0].name, "[1] Title 1");
        assert!(
            pages[0].fields[0]
                .value
                .contains("[link](https://example.org/1)")
        );
        assert_eq!(
            pages[0].footer,
            "/search query:x\n1 source · index built 2024-01-02"
        );
    }

    #[test]
    fn a_statement_quotes_its_source_in_the_field() {
        let gazetteer = Gazetteer::builtin();
        let answer = Answer::Statement {
            party: "russia".into(),
            party_name: "Russia".into(),
            topic: None,
            statements: vec![StatementEntry {
                speaker: "the *Defense* Ministry".into(),
                party: Some("russia".into()),
                evidence: None,
                verb: "said".into(),
                direct: true,
                text: "\"the clash was stopped\"".into(),
                citation: citation(1, "“The clash was stopped,” @everyone"),
            }],
            explain: false,
            shown: Default::default(),
        };
        let pages = render(&answer, &ctx(&gazetteer));
        assert!(
            pages[0].description.contains(
                "• **the \\*Defense\\* Ministry** (said, quoted): “the clash was stopped” [1]"
            ),
            "{}",
            pages[0].description
        );
        assert!(pages[0].fields[0].value.starts_with("> “The clash"));
        assert!(!pages[0].fields[0].value.contains("@everyone"));
    }

    #[test]
    fn an_empty_answer_still_says_so() {
        let gazetteer = Gazetteer::builtin();
        let answer = Answer::Timeline {
            query: Some("nothing".into()),
            events: Vec::new(),
            shown: Default::default(),
        };
        let pages = render(&answer, &ctx(&gazetteer));
        assert_eq!(pages.len(), 1);
        assert_eq!(
            pages[0].description,
            "No dated events in the indexed reporting about “nothing”."
        );
        assert_within_limits(&pages);
    }

    #[test]
    fn only_web_links_are_linked() {
        assert_eq!(
            safe_url("https://a.org/x (1)").as_deref(),
            Some("https://a.org/x%20%281%29")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("file:///etc/passwd"), None);
    }
}
