import Foundation
import NewsGraph
import Testing

/// A fresh temporary folder, removed with everything in it when the value goes away.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsgraph-ng-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try write(name, bytes: Array(contents.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` and returns the NewsGraphError it throws, or nil when it throws nothing.
/// Any other error is recorded as an issue.
func newsGraphError(_ body: () throws -> Void) -> NewsGraphError? {
    do {
        try body()
        return nil
    } catch let error as NewsGraphError {
        return error
    } catch {
        Issue.record("expected a NewsGraphError, got \(error)")
        return nil
    }
}
