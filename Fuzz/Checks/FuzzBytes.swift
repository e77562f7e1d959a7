import KnowledgeGraph

/// The fuzzer's bytes read as the parts of a graph: counts, choices and texts.
///
/// Texts come in two kinds, chosen by a length byte's top bit: raw bytes decoded as UTF-8
/// (invalid sequences become U+FFFD), or indexes into `tricky`, the pieces that escaping code
/// gets wrong, so the fuzzer reaches them without having to find their bytes first. Past the end
/// every byte reads as 0.
struct FuzzBytes {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func flag() -> Bool { byte() & 1 == 1 }

    mutating func number(below limit: Int) -> Int { Int(byte()) % limit }

    static let tricky: [String] = [
        "\\", "\"", "&", "<", ">", "'", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{1B}", "\u{7F}",
        "\u{85}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{10FFFF}",
        String(Character(Unicode.Scalar(0xFFFE)!)), String(Character(Unicode.Scalar(0xFFFF)!)),
        String(Character(Unicode.Scalar(0xFDD0)!)), String(Character(Unicode.Scalar(0x1FFFE)!)),
        "\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\n", "\\l", "\\r", "\\\\", "\\\"",
        "&amp;", "&lt;", "&#0;", "&#1;", "&#x41;", "&#92;", "&", "<br/>", "<b>", "]]>", "-->", "<!--", "<?", "{", "}", "[", "]",
        ";", ",", "|", ":", "=", "-", "->", "--", "%", "%s", "%n", "$", "@", "#", "/", "*", "é", "É", "ß", "ı", "İ", "ŉ",
        "ﬁ", "Ω", "习", "近平", "👍", "🇺🇸", "e\u{301}", "\u{301}", "a", "Z", " ", "  ", ".", "Mr.", "Blinken", "Xi Jinping",
        "met with", "sanctioned", "criticized", "said", "\u{A0}", "\u{3000}",
    ]

    /// A short text, of up to 31 raw bytes or 31 tricky pieces.
    mutating func text() -> String {
        let header = byte()
        let count = Int(header & 0x1F)
        if header & 0x80 == 0 {
            var raw: [UInt8] = []
            for _ in 0..<count where !isAtEnd { raw.append(byte()) }
            return String(decoding: raw, as: UTF8.self)
        }
        var text = ""
        for _ in 0..<count where !isAtEnd { text += FuzzBytes.tricky[Int(byte()) % FuzzBytes.tricky.count] }
        return text
    }

    /// A graph of up to 6 entities and 8 relations, some of a type no cue file defines.
    mutating func graph() -> Graph {
        var graph = Graph()
        for _ in 0...number(below: 6) {
            let name = text()
            let id: String? = flag() ? text() : nil
            let type = EntityType.allCases[number(below: EntityType.allCases.count)]
            let aliases = (0..<number(below: 3)).map { _ in text() }
            graph.add(Entity(id: id, name: name, type: type, aliases: aliases, mentions: Int(byte())))
        }
        let ids = graph.entities.map(\.id)
        for _ in 0..<number(below: 9) {
            let source = ids[number(below: ids.count)]
            let target = ids[number(below: ids.count)]
            let choice = number(below: RelationType.builtIn.count + 1)
            let type = choice < RelationType.builtIn.count ? RelationType.builtIn[choice] : RelationType(rawValue: text())
            var evidence: [Evidence] = []
            for _ in 0..<number(below: 3) {
                evidence.append(Evidence(document: text(), sentence: text(), start: Int(byte()), end: Int(byte()),
                                         rationale: flag() ? text() : nil, date: flag() ? text() : nil))
            }
            graph.add(Relation(source: source, type: type, target: target, evidence: evidence))
        }
        return graph
    }
}
