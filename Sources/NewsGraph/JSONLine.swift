/// One line of a JSON Lines news dump: an object with `text` (required) and optionally `title`,
/// `date`, `url` and `id`; other fields are skipped.
///
/// A dump of millions of articles is read line by line, so this parses bytes directly and keeps
/// only the fields it needs: no dictionary of every field, no `Any`.
struct JSONLine {
    var text: [UInt8]?
    var title: String?
    var date: String?
    var url: String?
    var id: String?

    /// Why a line is not a usable record, said for the person who made the dump.
    struct Problem: Error {
        var reason: String
    }

    /// Parses one line (without its newline), which must be valid UTF-8.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Problem) -> JSONLine {
        var parser = Parser(bytes: line)
        return try parser.record()
    }

    private enum Field {
        case text, title, date, url, id, other
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Nesting limit for skipped values, so a hostile line cannot exhaust the stack.
        static let maximumDepth = 512

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func record() throws(Problem) -> JSONLine {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
                throw Problem(reason: index < bytes.count ? "not a JSON object (a line must start with '{')" : "empty line")
            }
            index += 1
            var record = JSONLine()
            skipSpace()
            if peek() == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    skipSpace()
                    guard peek() == UInt8(ascii: "\"") else { throw problem("expected a field name in quotes") }
                    let field = try fieldName()
                    skipSpace()
                    guard peek() == UInt8(ascii: ":") else { throw problem("expected ':' after a field name") }
                    index += 1
                    skipSpace()
                    try value(for: field, into: &record)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    guard peek() == UInt8(ascii: "}") else { throw problem("expected ',' or '}'") }
                    index += 1
                    break
                }
            }
            skipSpace()
            guard index == bytes.count else { throw problem("unexpected text after the object") }
            guard let text = record.text else { throw Problem(reason: "no \"text\" field") }
            guard text.contains(where: { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }) else {
                throw Problem(reason: "\"text\" is empty")
            }
            guard !text.contains(0) else { throw Problem(reason: "\"text\" holds a NUL character (\\u0000)") }
            return record
        }

        private mutating func value(for field: Field, into record: inout JSONLine) throws(Problem) {
            let name: String
            switch field {
            case .other:
                try skipValue(depth: 0)
                return
            case .text: name = "text"
            case .title: name = "title"
            case .date: name = "date"
            case .url: name = "url"
            case .id: name = "id"
            }
            if peek() == UInt8(ascii: "n") {
                try literal("null")
                guard field != .text else { throw Problem(reason: "\"text\" is null") }
                return
            }
            if peek() == UInt8(ascii: "\"") {
                let string = try self.string()
                switch field {
                case .text: record.text = string
                // A NUL (\u0000) would end the text the store keeps; the text itself is refused for it.
                case .title: record.title = String(decoding: Article.replacingNULs(string), as: UTF8.self)
                case .date: record.date = String(decoding: Article.replacingNULs(string), as: UTF8.self)
                case .url: record.url = String(decoding: Article.replacingNULs(string), as: UTF8.self)
                case .id: record.id = String(decoding: Article.replacingNULs(string), as: UTF8.self)
                case .other: break
                }
                return
            }
            // Dumps give ids and Unix-time dates as numbers.
            if field == .id || field == .date, let number = try number() {
                if field == .id { record.id = number } else { record.date = number }
                return
            }
            throw Problem(reason: "\"\(name)\" must be a string")
        }

        private mutating func fieldName() throws(Problem) -> Field {
            // Field names are short and plain: compare the raw bytes when they have no escape.
            let start = index + 1
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\"") && bytes[end] != UInt8(ascii: "\\") { end += 1 }
            if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
                index = end + 1
                return Parser.field(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            let name = try string()
            return name.withUnsafeBufferPointer { Parser.field($0) }
        }

        private static func field(_ name: UnsafeBufferPointer<UInt8>) -> Field {
            switch name.count {
            case 2 where name.elementsEqual("id".utf8): .id
            case 3 where name.elementsEqual("url".utf8): .url
            case 4 where name.elementsEqual("text".utf8): .text
            case 4 where name.elementsEqual("date".utf8): .date
            case 5 where name.elementsEqual("title".utf8): .title
            default: .other
            }
        }

        /// A string's bytes with its escapes decoded; `index` is at its opening quote.
        private mutating func string() throws(Problem) -> [UInt8] {
            index += 1
            var result: [UInt8] = []
            var runStart = index
            while true {
                // Copy plain runs whole: article text is mostly plain.
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                    index += 1
                }
                guard index < bytes.count else { throw problem("a string is not closed") }
                if index > runStart { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return result
                }
                if byte < 0x20 { throw problem("a control character inside a string (write it as an escape, such as \\n)") }
                index += 1
                guard index < bytes.count else { throw problem("a string is not closed") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hexQuad()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A surrogate pair spells one character beyond the Basic Multilingual Plane.
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw problem("a lone surrogate escape (\\ud800 to \\udbff must be followed by a low surrogate)")
                        }
                        index += 2
                        let low = try hexQuad()
                        guard (0xDC00..<0xE000).contains(low) else { throw problem("a lone surrogate escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw problem("a lone surrogate escape")
                    }
                    guard let decoded = Unicode.Scalar(scalar) else { throw problem("an invalid \\u escape") }
                    result.append(contentsOf: UTF8.encode(decoded)!)
                default:
                    index -= 1
                    throw problem("an invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
                runStart = index
            }
        }

        private mutating func hexQuad() throws(Problem) -> UInt32 {
            guard index + 4 <= bytes.count else { throw problem("a \\u escape needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw problem("a \\u escape needs four hex digits")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// A number's text, or nil (and `index` unmoved) when none starts here.
        private mutating func number() throws(Problem) -> String? {
            let start = index
            if peek() == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while let byte = peek(), byte >= 0x30 && byte <= 0x39 { index += 1 }
            guard index > digitsStart else {
                index = start
                return nil
            }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard let byte = peek(), byte >= 0x30 && byte <= 0x39 else { throw problem("a number needs digits after '.'") }
                while let byte = peek(), byte >= 0x30 && byte <= 0x39 { index += 1 }
            }
            if let byte = peek(), byte | 0x20 == UInt8(ascii: "e") {
                index += 1
                if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
                guard let byte = peek(), byte >= 0x30 && byte <= 0x39 else { throw problem("a number needs digits in its exponent") }
                while let byte = peek(), byte >= 0x30 && byte <= 0x39 { index += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        /// Steps over any value: the fields a record does not need.
        private mutating func skipValue(depth: Int) throws(Problem) {
            guard depth < Parser.maximumDepth else { throw problem("values nested more than \(Parser.maximumDepth) deep") }
            guard let byte = peek() else { throw problem("a value is missing") }
            switch byte {
            case UInt8(ascii: "\""):
                // Checks escapes and control characters as `string()` does, without keeping the bytes.
                _ = try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                index += 1
                skipSpace()
                if peek() == close {
                    index += 1
                    return
                }
                while true {
                    skipSpace()
                    if close == UInt8(ascii: "}") {
                        guard peek() == UInt8(ascii: "\"") else { throw problem("expected a field name in quotes") }
                        _ = try string()
                        skipSpace()
                        guard peek() == UInt8(ascii: ":") else { throw problem("expected ':' after a field name") }
                        index += 1
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    guard peek() == close else { throw problem("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
                    index += 1
                    return
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default:
                guard try number() != nil else { throw problem("expected a value") }
            }
        }

        private mutating func literal(_ word: StaticString) throws(Problem) {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count,
                UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])
                    .elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: length))
            else { throw problem("expected a value") }
            index += length
        }

        private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        private mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
                index += 1
            }
        }

        /// A problem at the current position, counted in bytes from 1 as editors count columns.
        private func problem(_ reason: String) -> Problem {
            Problem(reason: "invalid JSON at column \(index + 1): \(reason)")
        }
    }
}
