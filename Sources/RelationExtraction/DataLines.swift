/// The lines of a tab-separated data file, read over its bytes: each line's fields as byte
/// ranges, so a loader makes a String only of the fields it keeps. Comment lines (`#`) and
/// empty lines are skipped; a line may end in "\r\n".
struct DataLines: Sequence {
    let bytes: [UInt8]

    struct Line {
        /// 1-based, for error messages.
        let number: Int
        let fields: [Range<Int>]
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var position = 0
        var number = 0

        mutating func next() -> Line? {
            while position < bytes.count {
                number += 1
                let start = position
                var end = start
                // Tabs are counted on the way, so the fields are stored without growing their array.
                var tabs = 0
                while end < bytes.count && bytes[end] != 0x0A {
                    if bytes[end] == 0x09 { tabs += 1 }
                    end += 1
                }
                position = end + 1
                var stop = end
                if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
                if stop == start || bytes[start] == UInt8(ascii: "#") { continue }
                var fields: [Range<Int>] = []
                fields.reserveCapacity(tabs + 1)
                var fieldStart = start
                for index in start..<stop where bytes[index] == 0x09 {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                fields.append(fieldStart..<stop)
                return Line(number: number, fields: fields)
            }
            return nil
        }
    }

    func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { text in
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != text[offset] { return false }
            return true
        }
    }

    func hasPrefix(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count >= literal.utf8CodeUnitCount else { return false }
        return equals(range.lowerBound..<(range.lowerBound + literal.utf8CodeUnitCount), literal)
    }
}
