#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, named apart from the `write` methods below.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Output written whole or not at all, with every write checked.
///
/// A regular file is written to a temporary file in its folder, flushed to the disk, and renamed
/// over the old one: a full disk, a file size limit or a kill leaves the old file as it was. A
/// symbolic link is followed, so the link stays and its target is replaced. A named pipe or a
/// character device (a terminal, `/dev/null`) is written through and never replaced, and
/// `/dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` write to the descriptor itself. Anything else
/// (a folder, a block device, a socket) is refused.
package enum OutputFile {
    /// Writes `bytes` to the file at `path`, replacing what it held only once all of them are on
    /// the disk.
    package static func write(_ bytes: [UInt8], to path: String) throws(NewsGraphError) {
        switch try destination(of: path) {
        case .descriptor(let descriptor):
            try Descriptor.writeAll(bytes, to: descriptor, name: path)
        case .device(let device):
            let descriptor = open(device, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(path, errno) }
            do {
                try Descriptor.writeAll(bytes, to: descriptor, name: path)
            } catch {
                close(descriptor)
                throw error
            }
            guard close(descriptor) == 0 else { throw failure(path, errno) }
        case .file(let file, let existing):
            let replacement = try Replacement(for: file, existing: existing, reportingAs: path)
            do {
                try replacement.write(bytes)
                try replacement.commit()
            } catch {
                replacement.discard()
                throw error
            }
        }
    }

    /// Writes each of `files` (names and contents) into `folder`, creating it if needed: every
    /// file is replaced, or none is. A new folder appears whole, with all its files at once.
    package static func write(_ files: [(name: String, contents: [UInt8])], intoFolder folder: String) throws(NewsGraphError) {
        let resolved = try resolvedFolder(folder)
        if !resolved.exists {
            try createFolder(resolved.path, with: files, reportingAs: folder)
            return
        }
        var replacements: [Replacement] = []
        do throws(NewsGraphError) {
            for file in files {
                let path = joined(folder, file.name)
                guard case .file(let target, let existing) = try destination(of: joined(resolved.path, file.name), reportingAs: path)
                else { throw NewsGraphError.cannotWrite(path, reason: "it is not a regular file") }
                let replacement = try Replacement(for: target, existing: existing, reportingAs: path)
                replacements.append(replacement)
                try replacement.write(file.contents)
            }
            try Replacement.commitAll(replacements)
        } catch {
            for replacement in replacements { replacement.discard() }
            throw error
        }
    }

    /// What a path given for output turns out to be, after its symbolic links.
    enum Destination {
        /// An open descriptor named through `/dev/fd` or `/proc/self/fd`: written as it is.
        case descriptor(Int32)
        /// A named pipe or a character device: opened and written, never replaced.
        case device(String)
        /// A regular file (with its status) or no file yet: replaced whole.
        case file(String, existing: stat?)
    }

    static func destination(of path: String, reportingAs name: String? = nil) throws(NewsGraphError) -> Destination {
        let name = name ?? path
        var current = path
        for _ in 0..<40 {
            if let descriptor = descriptorNumber(in: current) { return .descriptor(descriptor) }
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return .file(current, existing: nil) }
                throw failure(name, errno)
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK: current = try linkTarget(of: current, reportingAs: name)
            case S_IFREG: return .file(current, existing: status)
            case S_IFIFO, S_IFCHR: return .device(current)
            case S_IFDIR: throw .cannotWrite(name, reason: "it is a folder")
            case S_IFBLK: throw .cannotWrite(name, reason: "it is a block device, not a file")
            case S_IFSOCK: throw .cannotWrite(name, reason: "it is a socket, not a file")
            default: throw .cannotWrite(name, reason: "it is not a regular file")
            }
        }
        throw .cannotWrite(name, reason: "too many levels of symbolic links")
    }

    /// The descriptor that `/dev/fd/N`, `/proc/self/fd/N` or `/proc/PID/fd/N` (this process's)
    /// names; `/dev/stdout` is a link to one of these on Linux.
    private static func descriptorNumber(in path: String) -> Int32? {
        let prefixes = ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"]
        guard let prefix = prefixes.first(where: { path.hasPrefix($0) }) else { return nil }
        return Int32(path.dropFirst(prefix.count))
    }

    /// Where the symbolic link at `path` points, relative targets taken from the link's folder.
    private static func linkTarget(of path: String, reportingAs name: String) throws(NewsGraphError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { throw failure(name, errno) }
        let target = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return target.hasPrefix("/") ? target : joined(folderName(of: path), target)
    }

    /// The folder `path` names after its symbolic links, and whether it exists.
    private static func resolvedFolder(_ path: String) throws(NewsGraphError) -> (path: String, exists: Bool) {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return (current, false) }
                throw failure(path, errno)
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK: current = try linkTarget(of: current, reportingAs: path)
            case S_IFDIR: return (current, true)
            default: throw .cannotWrite(path, reason: "it is not a folder")
            }
        }
        throw .cannotWrite(path, reason: "too many levels of symbolic links")
    }

    /// Makes the folder at `path` with `files` in it, by renaming a finished temporary folder.
    private static func createFolder(_ path: String, with files: [(name: String, contents: [UInt8])], reportingAs name: String)
        throws(NewsGraphError)
    {
        let parent = folderName(of: path)
        try createFolders(parent, reportingAs: name)
        let temporary = try TemporaryName.create(beside: path, reportingAs: name) { candidate in
            mkdir(candidate, 0o777) == 0 ? 0 : -1
        }.path
        var written: [String] = []
        do throws(NewsGraphError) {
            for file in files {
                let filePath = joined(temporary, file.name)
                let descriptor = open(filePath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                guard descriptor >= 0 else { throw failure(joined(name, file.name), errno) }
                written.append(filePath)
                defer { close(descriptor) }
                try Descriptor.writeAll(file.contents, to: descriptor, name: joined(name, file.name))
                guard fsync(descriptor) == 0 else { throw failure(joined(name, file.name), errno) }
            }
            guard rename(temporary, path) == 0 else { throw failure(name, errno) }
        } catch {
            for file in written { unlink(file) }
            rmdir(temporary)
            throw error
        }
    }

    /// `mkdir -p`: the folder and any missing folders above it.
    private static func createFolders(_ path: String, reportingAs name: String) throws(NewsGraphError) {
        var status = stat()
        if path.isEmpty || stat(path, &status) == 0 { return }
        try createFolders(folderName(of: path), reportingAs: name)
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw failure(name, errno) }
    }

    static func failure(_ name: String, _ code: Int32) -> NewsGraphError {
        .cannotWrite(name, reason: String(cString: strerror(code)))
    }

    static func folderName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// A new version of one regular file, written beside it under a temporary name until committed.
final class Replacement {
    let target: String
    let temporary: String
    /// The path the user gave, for messages.
    let name: String
    private var descriptor: Int32
    private var committed = false

    init(for target: String, existing: stat?, reportingAs name: String) throws(NewsGraphError) {
        // Writing by renaming needs no write access to the file itself; ask for it anyway, so a
        // file made read-only stays as it is, as it would with any program writing it in place.
        if existing != nil, access(target, W_OK) != 0 { throw OutputFile.failure(name, errno) }
        let created = try TemporaryName.create(beside: target, reportingAs: name) { candidate in
            open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        self.target = target
        self.name = name
        temporary = created.path
        descriptor = created.descriptor
        if let existing {
            // The new file keeps the old one's permissions, and its owner when root writes it.
            fchmod(descriptor, existing.st_mode & 0o7777)
            if geteuid() == 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
        }
    }

    /// Writes the whole contents and flushes them to the disk.
    func write(_ bytes: [UInt8]) throws(NewsGraphError) {
        try Descriptor.writeAll(bytes, to: descriptor, name: name)
        guard fsync(descriptor) == 0 else { throw OutputFile.failure(name, errno) }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw OutputFile.failure(name, errno) }
    }

    /// Puts the new contents in place of the old.
    func commit() throws(NewsGraphError) {
        guard rename(temporary, target) == 0 else { throw OutputFile.failure(name, errno) }
        committed = true
    }

    /// Removes the temporary file, unless it was committed.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if !committed { unlink(temporary) }
    }

    /// Commits every replacement, or none: the old files are kept under a second name (a hard
    /// link) until all the new ones are in place, and put back if one cannot be.
    static func commitAll(_ replacements: [Replacement]) throws(NewsGraphError) {
        var backups: [(target: String, backup: String?)] = []
        defer { for case let backup? in backups.map(\.backup) { unlink(backup) } }
        for replacement in replacements {
            var backup: String?
            if access(replacement.target, F_OK) == 0 {
                backup = try? TemporaryName.create(beside: replacement.target, reportingAs: replacement.name) { candidate in
                    link(replacement.target, candidate) == 0 ? 0 : -1
                }.path
            }
            backups.append((replacement.target, backup))
        }
        for (index, replacement) in replacements.enumerated() {
            do {
                try replacement.commit()
            } catch {
                for (target, backup) in backups.prefix(index) {
                    if let backup { rename(backup, target) } else { unlink(target) }
                }
                backups = Array(backups.suffix(from: index))
                throw error
            }
        }
    }
}

/// Unused names beside a file, for its temporary replacement.
enum TemporaryName {
    /// Makes something under a fresh name in the folder of `path` with `make`, which returns a
    /// descriptor (or 0) on success and -1 with `errno` set on failure; retries names that are taken.
    static func create(beside path: String, reportingAs name: String, _ make: (String) -> Int32)
        throws(NewsGraphError) -> (path: String, descriptor: Int32)
    {
        let folder = OutputFile.folderName(of: path)
        // Hidden, recognizable, and short enough for any file system's name limit.
        let base = String(decoding: path.utf8.split(separator: UInt8(ascii: "/")).last.map { Array($0.prefix(80)) } ?? [], as: UTF8.self)
        for _ in 0..<100 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let candidate = OutputFile.joined(folder, ".\(base).\(suffix).newsgraph-tmp")
            let result = make(candidate)
            if result >= 0 { return (candidate, result) }
            if errno != EEXIST { throw OutputFile.failure(name, errno) }
        }
        throw .cannotWrite(name, reason: "no free temporary name in \(folder)")
    }
}

/// Whole writes to a file descriptor.
enum Descriptor {
    /// Writes all of `bytes`, through interrupted and partial writes, and waits when a
    /// non-blocking descriptor is full; a failure names `name` and says why.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(NewsGraphError) {
        let code = bytes.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&request, 1, -1)
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return 0
        }
        if code != 0 { throw OutputFile.failure(name, code) }
    }
}

/// The process's standard output and error.
package enum StandardStreams {
    /// Writes all of `bytes` to standard output; a failed write (a full disk, a closed pipe when
    /// SIGPIPE is ignored) throws `cannotWrite("standard output", …)`.
    package static func writeOutput(_ bytes: [UInt8]) throws(NewsGraphError) {
        try Descriptor.writeAll(bytes, to: STDOUT_FILENO, name: "standard output")
    }

    /// Writes `text` to standard error. A failure is ignored: there is nowhere left to report it.
    package static func writeError(_ text: String) {
        try? Descriptor.writeAll(Array(text.utf8), to: STDERR_FILENO, name: "standard error")
    }
}
