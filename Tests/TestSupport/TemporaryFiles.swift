import Foundation

/// A fresh temporary folder, removed with everything in it when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsgraph-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file in the folder (making the folders its name implies) and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        try write(name, bytes: Array(contents.utf8))
    }

    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// The path of `name` in the folder, whether or not it exists.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A file in a fresh temporary folder, removed with the folder when the value goes away.
public final class TemporaryFile: @unchecked Sendable {
    private let holder: TemporaryFolder
    public var folder: URL { holder.url }
    public let path: String

    public init(name: String, contents: String) throws {
        holder = try TemporaryFolder()
        path = try holder.write(name, contents)
    }
}
