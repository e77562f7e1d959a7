import KnowledgeGraph

/// Writes the graph in NewsGraph's JSON shape (the Getting Started article of the documentation): pretty-printed, keys sorted, as Foundation's
/// encoder writes it. Each relation also carries `first_seen` and `last_seen` (its earliest and
/// latest evidence dates) and each piece of evidence its `date`, when known.
///
/// The JSON is written byte by byte rather than through `JSONEncoder`: `extract` of a large corpus
/// spent a tenth of its time encoding.
package enum JSONWriter {
    package static func write(_ graph: Graph, includeRationale: Bool = false) -> String {
        String(decoding: bytes(of: graph, includeRationale: includeRationale), as: UTF8.self)
    }

    /// The JSON as UTF-8 bytes, ending with a newline.
    package static func bytes(of graph: Graph, includeRationale: Bool = false) -> [UInt8] {
        var out = JSONOutput()
        out.reserve(graph)
        out.raw("{\n")
        out.key("entities", indent: 1)
        out.array(graph.entities, indent: 1) { out, entity, indent in
            out.raw("{\n")
            out.key("aliases", indent: indent + 1)
            out.array(entity.aliases, indent: indent + 1) { out, alias, _ in out.string(alias) }
            out.raw(",\n")
            out.field("id", entity.id, indent: indent + 1)
            out.key("mentions", indent: indent + 1)
            out.integer(entity.mentions)
            out.raw(",\n")
            out.field("name", entity.name, indent: indent + 1)
            out.field("type", entity.type.rawValue, indent: indent + 1, last: true)
            out.indent(indent)
            out.raw("}")
        }
        out.raw(",\n")
        out.key("relations", indent: 1)
        out.array(graph.relations, indent: 1) { out, relation, indent in
            out.raw("{\n")
            out.key("evidence", indent: indent + 1)
            out.array(relation.evidence, indent: indent + 1) { out, evidence, indent in
                out.raw("{\n")
                if let date = evidence.date { out.field("date", date, indent: indent + 1) }
                out.field("document", evidence.document, indent: indent + 1)
                out.key("end", indent: indent + 1)
                out.integer(evidence.end)
                out.raw(",\n")
                if includeRationale, let rationale = evidence.rationale { out.field("rationale", rationale, indent: indent + 1) }
                out.field("sentence", evidence.sentence, indent: indent + 1)
                out.key("start", indent: indent + 1)
                out.integer(evidence.start)
                out.raw("\n")
                out.indent(indent)
                out.raw("}")
            }
            out.raw(",\n")
            if let first = relation.firstSeen { out.field("first_seen", first, indent: indent + 1) }
            if let last = relation.lastSeen { out.field("last_seen", last, indent: indent + 1) }
            out.field("source", relation.source, indent: indent + 1)
            out.field("target", relation.target, indent: indent + 1)
            out.field("type", relation.type.rawValue, indent: indent + 1, last: true)
            out.indent(indent)
            out.raw("}")
        }
        out.raw("\n}\n")
        return out.finish()
    }
}

/// A pretty-printed JSON document under construction, in a buffer of its own: most appends are a
/// few bytes (a key, a mark, an indent), and each one through `Array.append(contentsOf:)` took
/// about 150 instructions, a third of the writing of `extract --format json`.
struct JSONOutput: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init() {
        capacity = 4096
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// The document's bytes.
    consuming func finish() -> [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// Room for the graph's text, so the buffer grows once or twice rather than many times.
    mutating func reserve(_ graph: Graph) {
        var estimate = 64 + graph.entities.count * 160 + graph.relations.count * 160
        for relation in graph.relations {
            for evidence in relation.evidence { estimate += evidence.sentence.utf8.count + 160 }
        }
        if estimate > capacity { grow(to: estimate) }
    }

    private mutating func grow(to needed: Int) {
        capacity = max(needed, 2 * capacity)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: start, count: count)
        start.deallocate()
        start = larger
    }

    /// Appends `length` bytes from `source`.
    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        if count + length > capacity { grow(to: count + length) }
        (start + count).initialize(from: source, count: length)
        count += length
    }

    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        append(base, count: source.count)
    }

    private mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func raw(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Two spaces per level, in one append.
    mutating func indent(_ level: Int) {
        let spaces: StaticString = "                                "
        append(spaces.utf8Start, count: min(2 * level, spaces.utf8CodeUnitCount))
    }

    /// `"name" : ` at the given indentation.
    mutating func key(_ name: StaticString, indent level: Int) {
        indent(level)
        raw("\"")
        raw(name)
        raw("\" : ")
    }

    /// `"name" : "value",` and a newline (no comma when `last`).
    mutating func field(_ name: StaticString, _ value: String, indent level: Int, last: Bool = false) {
        key(name, indent: level)
        string(value)
        if last { raw("\n") } else { raw(",\n") }
    }

    /// A decimal integer, its digits written straight into the output.
    mutating func integer(_ value: Int) {
        var length = value < 0 ? 1 : 0
        var rest = value.magnitude
        repeat {
            length += 1
            rest /= 10
        } while rest > 0
        if count + length > capacity { grow(to: count + length) }
        var magnitude = value.magnitude
        var position = count + length
        repeat {
            position -= 1
            start[position] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { start[count] = 0x2D }
        count += length
    }

    /// The elements one per line, or `[` and `]` around an empty line when there are none, as
    /// Foundation writes an empty array.
    mutating func array<Element>(_ elements: [Element], indent level: Int, _ body: (inout JSONOutput, Element, Int) -> Void) {
        raw("[\n")
        for (index, element) in elements.enumerated() {
            if index > 0 { raw(",\n") }
            indent(level + 1)
            body(&self, element, level + 1)
        }
        raw("\n")
        indent(level)
        raw("]")
    }

    /// A quoted string with JSON's escapes: quotes, backslashes and control characters; slashes
    /// and everything else as they are.
    mutating func string(_ value: String) {
        raw("\"")
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Eight bytes at a time while none needs escaping: sentences rarely do.
                if index + 8 <= utf8.count,
                    !JSONOutput.needsEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                index += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<(index - 1)]))
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x08: raw("\\b")
                case 0x09: raw("\\t")
                case 0x0A: raw("\\n")
                case 0x0C: raw("\\f")
                case 0x0D: raw("\\r")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    raw("\\u00")
                    append(hex.utf8Start[Int(byte >> 4)])
                    append(hex.utf8Start[Int(byte & 0x0F)])
                }
                runStart = index
            }
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        raw("\"")
    }

    /// Whether any of the eight bytes of `word` is a control character, a quote or a backslash
    /// (the classic "has a zero byte" test on the word, on it XORed with each character).
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let belowSpace = (word &- 0x20 &* ones) & ~word & highs != 0
        return belowSpace || hasZero(word ^ (0x22 &* ones)) || hasZero(word ^ (0x5C &* ones))
    }
}

extension Graph {
    /// The graph without the extractor's explanations, which are for `--format text` only.
    func strippingRationale() -> Graph {
        Graph(entities: entities, relations: relations.map { relation in
            var copy = relation
            copy.evidence = relation.evidence.map { evidence in
                var stripped = evidence
                stripped.rationale = nil
                return stripped
            }
            return copy
        })
    }
}
