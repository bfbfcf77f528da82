//! Making text safe to show: Markdown escaped and mentions defused in whatever a source
//! or a user wrote, so none of it can format the bot's message or ping anyone, and link
//! targets limited to web addresses that cannot break out of `[text](url)`.

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
