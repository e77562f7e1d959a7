import NewsGraph

/// The command's standard output: text is gathered and written 64 KB at a time, and every write
/// is checked, so a full disk or a closed pipe is an error rather than lost output.
/// `NewsGraphCommand.main` flushes what is left when the command ends.
enum Output {
    /// Only the main thread prints.
    nonisolated(unsafe) private static var pending: [UInt8] = []

    /// Adds `text` and a line break.
    static func line(_ text: String) throws(NewsGraphError) {
        try write(text + "\n")
    }

    static func write(_ text: String) throws(NewsGraphError) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 65_536 { try flush() }
    }

    /// Writes `bytes` after the text before them, without copying them into the buffer.
    static func write(_ bytes: [UInt8]) throws(NewsGraphError) {
        try flush()
        try StandardStreams.writeOutput(bytes)
    }

    static func flush() throws(NewsGraphError) {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        try StandardStreams.writeOutput(pending)
    }
}

/// Writes one line to standard error.
func standardError(_ line: String) {
    StandardStreams.writeError(line + "\n")
}

/// Writes bytes to a file (whole, or not at all), or to standard output when no file is given.
func emit(_ bytes: [UInt8], to path: String?) throws(NewsGraphError) {
    if let path {
        try OutputFile.write(bytes, to: path)
    } else {
        try Output.write(bytes)
    }
}
