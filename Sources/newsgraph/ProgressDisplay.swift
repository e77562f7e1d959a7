import Foundation
import NewsGraph
import Synchronization

/// One line of progress on a terminal, redrawn at most five times a second: articles read and
/// their rate, megabytes per second, articles stored, and the time left when the input's size is
/// known. Silent when disabled (not a terminal, or --quiet).
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw: Double = -1
    private var drawn: Bool {
        get { progressLineShown.load(ordering: .relaxed) }
        set { progressLineShown.store(newValue, ordering: .relaxed) }
    }

    init(enabled: Bool) {
        self.enabled = enabled
        if enabled { ProgressDisplay.endLineOnInterrupt() }
    }

    /// Makes SIGINT (^C) and SIGTERM end a progress line on the screen with a line break before
    /// they end the command as usual, so the shell's prompt starts on a line of its own. A
    /// signal ignored when the command started stays ignored.
    private static func endLineOnInterrupt() {
        // The globals are initialized here, not in the handler.
        _ = progressLineShown.load(ordering: .relaxed)
        _ = drawingLine.load(ordering: .relaxed)
        _ = interrupted.load(ordering: .relaxed)
        for signalNumber in [SIGINT, SIGTERM] {
            let previous = signal(signalNumber) { signalNumber in
                // Only async-signal-safe calls here: atomics, write(2), signal, raise.
                // No line is drawn from here on; one being drawn on another thread is let finish,
                // so that the line break comes after it. The wait is bounded: the handler may run
                // on the drawing thread itself, whose write then never finishes under it (20 million
                // loads: some milliseconds).
                interrupted.store(true, ordering: .sequentiallyConsistent)
                var spins = 0
                while drawingLine.load(ordering: .sequentiallyConsistent) && spins < 20_000_000 { spins += 1 }
                if progressLineShown.load(ordering: .relaxed) {
                    var newline: UInt8 = 0x0A
                    _ = write(STDERR_FILENO, &newline, 1)
                }
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(signalNumber, SIG_IGN)
            }
        }
    }

    func show(_ progress: BuildProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard progress.elapsed - lastDraw >= 0.2 else { return }
        lastDraw = progress.elapsed
        let seconds = max(progress.elapsed, 0.001)
        var line = "\r\(progress.articlesRead) articles, \(Int(Double(progress.articlesRead) / seconds))/s, "
            + String(format: "%.1f MB/s", Double(progress.textBytes) / 1_048_576 / seconds)
            + ", \(progress.added) stored"
        if progress.unchanged > 0 { line += ", \(progress.unchanged) unchanged" }
        if progress.failed > 0 { line += ", \(progress.failed) skipped" }
        if let total = progress.totalInputBytes, total > 0, progress.inputBytes > 0, progress.inputBytes < total {
            let left = seconds * Double(total - progress.inputBytes) / Double(progress.inputBytes)
            line += ", " + ProgressDisplay.duration(left) + " left"
        }
        // After an interrupt nothing is drawn: its line break must stay the last thing on the line.
        drawingLine.store(true, ordering: .sequentiallyConsistent)
        defer { drawingLine.store(false, ordering: .sequentiallyConsistent) }
        guard !interrupted.load(ordering: .sequentiallyConsistent) else { return }
        StandardStreams.writeError(line + "\u{1B}[K")
        drawn = true
    }

    /// Erases the line, so that a message can be printed in its place.
    func clear() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if drawn { StandardStreams.writeError("\r\u{1B}[K") }
        drawn = false
    }

    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if drawn { StandardStreams.writeError("\n") }
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60) }
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}

/// Whether a progress line is on the screen, for the signal handler.
private let progressLineShown = Atomic<Bool>(false)
/// Whether a thread is writing a progress line now, and whether SIGINT or SIGTERM came: the
/// handler and the drawing thread each set one and read the other, so that a line drawn on
/// another thread cannot land after the handler's line break.
private let drawingLine = Atomic<Bool>(false)
private let interrupted = Atomic<Bool>(false)
