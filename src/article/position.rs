//! Byte offset → line and column. Columns count Unicode scalar values (what editors and the JSON
//! contract show); UTF-16 code units are computable for the language server.

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, for offset → position lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 0-based line number holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(0)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and column (in Unicode scalar values) of `offset` in `text`. An offset inside
    /// a multi-byte character counts as that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 code unit column, as the Language Server Protocol counts.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = text[start..offset].chars().map(char::len_utf16).sum();
        (line, column)
    }

    /// Inverse of [`utf16_position`](Self::utf16_position): a byte offset, clamped to the line.
    pub fn offset_of_utf16(&self, text: &str, line: usize, column: usize) -> usize {
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[line];
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let line = &text[start..end];
        let mut units = 0;
        for (i, c) in line.char_indices() {
            // The line ends at "\n" or "\r\n"; a lone "\r" is part of the line.
            if units >= column || c == '\n' || (c == '\r' && line[i + 1..].starts_with('\n')) {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or after `i`.
pub fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_and_utf16() {
        let text = "“Ab” é\n😀x\r\nz";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position { line: 2, column: 2 });
        assert_eq!(idx.utf16_position(text, x), (1, 2));
        assert_eq!(idx.offset_of_utf16(text, 1, 2), x);
        let z = text.find('z').unwrap();
        assert_eq!(idx.position(text, z), Position { line: 3, column: 1 });
        let e = text.find('é').unwrap();
        assert_eq!(idx.position(text, e), Position { line: 1, column: 6 });
        // A lone carriage return is part of its line.
        let t2 = "a\rb\r\nc";
        let i2 = LineIndex::new(t2);
        let b = t2.find('b').unwrap();
        let (l, c) = i2.utf16_position(t2, b);
        assert_eq!(i2.offset_of_utf16(t2, l, c), b);
        // Inside a multi-byte char: counts as that char.
        assert_eq!(idx.position(text, 1), Position { line: 1, column: 1 });
    }
}
