//! Finding and reading article files: directories walked (respecting `.gitignore`), binary and
//! non-UTF-8 files refused with a clear message, one file at a time.

use std::path::{Path, PathBuf};

/// Extensions checked when walking a directory. Files named explicitly are always checked.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "text"];

/// Expand `paths` (files and directories) into a sorted, de-duplicated list of files. Errors
/// (a path that does not exist, a walk error) are returned beside the files.
pub fn collect(
    paths: &[PathBuf],
    exclude: &globset::GlobSet,
) -> (Vec<PathBuf>, Vec<(String, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let walker = ignore::WalkBuilder::new(p)
                .hidden(true)
                .git_ignore(true)
                .require_git(false)
                .follow_links(false)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let path = e.path();
                        if e.file_type().is_some_and(|t| t.is_file())
                            && path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                                EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                            })
                            && !exclude.is_match(path)
                        {
                            files.push(path.to_path_buf());
                        }
                    }
                    Err(e) => errors.push((p.display().to_string(), e.to_string())),
                }
            }
        } else if p.exists() {
            if !exclude.is_match(p) {
                files.push(p.clone());
            }
        } else {
            errors.push((
                p.display().to_string(),
                "no such file or directory".to_string(),
            ));
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// Decode article bytes: UTF-8 only; a NUL byte marks a binary file.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (contains NUL bytes); not checked".to_string());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not valid UTF-8 (invalid byte at offset {at}); convert the file to UTF-8")
    })
}

pub fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    decode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_bad_utf8() {
        assert!(decode(b"ab\0c".to_vec()).unwrap_err().contains("binary"));
        let e = decode(vec![b'a', 0xff, b'b']).unwrap_err();
        assert!(e.contains("offset 1"), "{e}");
        assert_eq!(decode("é".as_bytes().to_vec()).unwrap(), "é");
    }
}
