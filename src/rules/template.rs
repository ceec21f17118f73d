//! `{name}` interpolation in messages and fix templates.

/// Replace `{name}` with `lookup(name)`. `{{` and `}}` are literal braces. An unknown name is left
/// as written, so a typo shows in the output instead of vanishing.
pub fn render(template: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(r) = tail.strip_prefix("{{") {
            out.push('{');
            rest = r;
        } else if let Some(r) = tail.strip_prefix("}}") {
            out.push('}');
            rest = r;
        } else if tail.starts_with('{') {
            match tail.find('}') {
                Some(j) => {
                    let name = &tail[1..j];
                    match lookup(name) {
                        Some(v) => out.push_str(&v),
                        None => out.push_str(&tail[..=j]),
                    }
                    rest = &tail[j + 1..];
                }
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        } else {
            out.push('}');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The names a template refers to.
pub fn names(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        if let Some(r) = tail.strip_prefix("{{") {
            rest = r;
            continue;
        }
        match tail.find('}') {
            Some(j) => {
                out.push(tail[1..j].to_string());
                rest = &tail[j + 1..];
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_names_and_escapes() {
        let r = render("“{word}” twice {{x}} {nope}", |n| {
            (n == "word").then(|| "the".to_string())
        });
        assert_eq!(r, "“the” twice {x} {nope}");
        assert_eq!(names("{a} and {{b}} {c}"), vec!["a", "c"]);
    }
}
