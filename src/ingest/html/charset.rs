//! Page bytes to text, by the charset a byte order mark, the server or the page declares,
//! as browsers decide it.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decodes page bytes: a byte order mark wins, then the `charset` of the HTTP
/// Content-Type, then a `<meta charset>` or `http-equiv` declaration near the top, then
/// UTF-8 — or windows-1252 when the bytes are not valid UTF-8, as browsers guess.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| {
            meta_charset(bytes).map(|e| {
                if e.is_single_byte() || e == UTF_8 {
                    e
                } else {
                    fix_meta(e)
                }
            })
        });
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            WINDOWS_1252
        }
    });
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The HTML standard's rule: a page cannot declare itself UTF-16 from inside (it would
/// not have been readable as ASCII), and `x-user-defined` means windows-1252.
fn fix_meta(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// `charset=...` from a Content-Type value such as `text/html; charset="windows-1251"`.
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"#)
            .expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = META.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}
