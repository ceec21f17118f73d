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
    /// Inside lines longer than [`CHECKPOINT`] bytes: (byte offset, chars and UTF-16 units from
    /// the line start), every CHECKPOINT bytes, so a column costs at most CHECKPOINT bytes of
    /// counting however long the line (a 50 MB one-line file has thousands of findings).
    checkpoints: Vec<(usize, usize, usize)>,
}

/// Distance between column checkpoints in long lines.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        let mut checkpoints = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            if end - start <= CHECKPOINT {
                continue;
            }
            let (mut chars, mut units, mut next) = (0, 0, start + CHECKPOINT);
            for (i, c) in text[start..end].char_indices() {
                if start + i >= next {
                    checkpoints.push((start + i, chars, units));
                    next = start + i + CHECKPOINT;
                }
                chars += 1;
                units += c.len_utf16();
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// The counting origin for `offset` on a line starting at `start`: (byte, chars, UTF-16).
    fn origin(&self, start: usize, offset: usize) -> (usize, usize, usize) {
        let k = self.checkpoints.partition_point(|c| c.0 <= offset);
        match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some(c) if c.0 >= start => c,
            _ => (start, 0, 0),
        }
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
        let (from, chars, _) = self.origin(self.line_start(line), offset);
        let column = chars + text[from..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 code unit column, as the Language Server Protocol counts.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let (from, _, units) = self.origin(self.line_start(line), offset);
        let column = units
            + text[from..offset]
                .chars()
                .map(char::len_utf16)
                .sum::<usize>();
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
    fn long_lines_use_checkpoints_with_the_same_result() {
        let line = "é😀a“b ".repeat(3000);
        let text = format!("first\n{line}\nlast");
        let idx = LineIndex::new(&text);
        assert!(!idx.checkpoints.is_empty());
        for offset in (0..text.len()).step_by(997) {
            let offset = floor_char_boundary(&text, offset);
            let line = idx.line_of(offset);
            let start = idx.line_start(line);
            let chars = text[start..offset].chars().count() + 1;
            let units: usize = text[start..offset].chars().map(char::len_utf16).sum();
            assert_eq!(idx.position(&text, offset).column, chars, "at {offset}");
            assert_eq!(
                idx.utf16_position(&text, offset),
                (line, units),
                "at {offset}"
            );
        }
    }

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
