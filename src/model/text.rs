//! How text read from the files is shown in messages: a label that holds control characters or
//! runs long is written so that the reader sees what is there without the terminal acting on it.

/// The longest label a message repeats whole (the finding's fields keep it whole).
pub const LABEL_CHARS: usize = 80;

/// A label as a message shows it: whole up to [`LABEL_CHARS`] characters, else its start, `…`
/// and how long it is; a control character (a tab, a bell, an escape that would drive the
/// terminal) is written as its code, `\u{7}`, so that the reader sees it is there.
pub fn label(text: &str) -> std::borrow::Cow<'_, str> {
    let length = text.chars().count();
    if length <= LABEL_CHARS && !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut shown = String::new();
    for c in text.chars().take(LABEL_CHARS) {
        if c.is_control() {
            shown.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            shown.push(c);
        }
    }
    if length > LABEL_CHARS {
        shown.push_str(&format!("… ({length} characters)"));
    }
    std::borrow::Cow::Owned(shown)
}
