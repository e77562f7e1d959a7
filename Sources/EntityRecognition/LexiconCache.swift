import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder where the shipped lexicon's tables are kept between runs (`LexiconSnapshot.swift`).
///
/// Building the lexicon from its data files is most of what a one-article `newsgraph extract`
/// costs, and scoring runs one process per article. A cached snapshot is named after a hash of
/// the bundled data files and of the program file itself (its device, inode, size and change
/// time), so a new build or edited data makes a new snapshot and never reads an old one; the
/// file also holds that hash and a checksum of its contents. A snapshot that is missing,
/// unreadable, damaged or of another format is ignored and the lexicon is built from the files;
/// a folder that cannot be written only means no snapshot is kept. The cache never makes an
/// error of its own. Writes go to a temporary file renamed into place, so a reader sees a whole
/// snapshot or none, and the newest few snapshots are kept.
package struct LexiconCache: Sendable {
    package let directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/newsgraph`, or `~/.cache/newsgraph`; nil when neither variable is set.
    package static var standard: LexiconCache? {
        let environment = ProcessInfo.processInfo.environment
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return LexiconCache(directory: base + "/newsgraph") }
        if let home = environment["HOME"], !home.isEmpty { return LexiconCache(directory: home + "/.cache/newsgraph") }
        return nil
    }

    /// Snapshots kept at once: a few builds of the program (a worktree's and an installed one)
    /// each keep theirs.
    static let keptSnapshots = 4

    /// "NGLExv4\0": the file format. A change to what a snapshot holds changes this number.
    static let magic: Int = 0x0034_7678_454C_474E

    /// The snapshot file of a kind ("lexicon") for a key.
    func path(_ kind: String, for key: UInt64) -> String {
        directory + "/" + kind + "-" + String(key, radix: 16) + ".bin"
    }

    /// A reader at the contents of the snapshot of `kind` under `key`, or nil when there is none
    /// that is whole (its magic number, key and checksum are checked).
    package func snapshot(_ kind: String, for key: UInt64) -> SnapshotReader? {
        guard let bytes = LexiconCache.contents(of: path(kind, for: key)) else { return nil }
        var reader = SnapshotReader(bytes: bytes)
        guard (try? reader.int()) == LexiconCache.magic, (try? reader.int()) == Int(bitPattern: UInt(key)),
            let checksum = try? reader.int()
        else { return nil }
        var hasher = SnapshotHasher()
        hasher.combine(bytes, from: bytes.count - reader.remaining)
        guard checksum == Int(bitPattern: UInt(hasher.value)) else { return nil }
        return reader
    }

    /// Keeps a snapshot of `kind` under `key`, if the folder can be written; drops the oldest
    /// snapshots of that kind beyond `keptSnapshots`.
    package func store(_ payload: [UInt8], _ kind: String, for key: UInt64) {
        var hasher = SnapshotHasher()
        hasher.combine(payload)
        var header = SnapshotWriter()
        header.append(LexiconCache.magic)
        header.append(Int(bitPattern: UInt(key)))
        header.append(Int(bitPattern: UInt(hasher.value)))
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // `.atomic` writes a temporary file in the folder and renames it into place.
            try Data(header.bytes + payload).write(to: URL(fileURLWithPath: path(kind, for: key)), options: .atomic)
        } catch {
            return
        }
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        let snapshots = names.filter { $0.hasPrefix(kind + "-") && $0.hasSuffix(".bin") }.map { directory + "/" + $0 }
        guard snapshots.count > LexiconCache.keptSnapshots else { return }
        func modified(_ path: String) -> Date {
            ((try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        for old in snapshots.sorted(by: { modified($0) > modified($1) }).dropFirst(LexiconCache.keptSnapshots) {
            try? manager.removeItem(atPath: old)
        }
    }

    /// The key of snapshots made by this program from the files of `folder`: a hash of the
    /// program file's identity and of every file's name and bytes. Every file, not a list of
    /// those loading reads: a file added to loading is in the key without anyone remembering it,
    /// and a build copies a changed resource without linking the program again. Nil when the
    /// program or a file cannot be read (loading then reports what it cannot read).
    package static func key(ofFilesIn folder: String) -> UInt64? {
        let manager = FileManager.default
        guard let identity = programIdentity(), let names = try? manager.contentsOfDirectory(atPath: folder) else { return nil }
        var hasher = SnapshotHasher()
        hasher.combine(UInt64(LexiconCache.magic))
        for part in identity { hasher.combine(part) }
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard let bytes = contents(of: folder + "/" + name) else { return nil }
            hasher.combine(Array(name.utf8))
            hasher.combine(bytes)
        }
        return hasher.value
    }

    /// A file's bytes, read straight into an array: through `Data` they were copied once more,
    /// and a start reads some 15 MB of snapshots and data files. Nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        #if canImport(Glibc)
            let file = open(path, O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { return nil }
            defer { close(file) }
            var info = stat()
            guard fstat(file, &info) == 0, info.st_size >= 0 else { return nil }
            let size = Int(info.st_size)
            var complete = true
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                while initialized < size {
                    let count = read(file, buffer.baseAddress! + initialized, size - initialized)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { break }
                    initialized += count
                }
                complete = initialized == size
            }
            return complete ? bytes : nil
        #else
            return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        #endif
    }

    /// What identifies the running program's file: a rebuilt program has another change time.
    static func programIdentity() -> [UInt64]? {
        #if canImport(Glibc)
            var info = stat()
            guard stat("/proc/self/exe", &info) == 0 else { return nil }
            return [
                UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size), UInt64(info.st_mtim.tv_sec), UInt64(info.st_mtim.tv_nsec),
                UInt64(info.st_ctim.tv_sec), UInt64(info.st_ctim.tv_nsec),
            ]
        #else
            guard let path = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let size = attributes[.size] as? Int, let date = attributes[.modificationDate] as? Date
            else { return nil }
            return Array(path.utf8).map(UInt64.init) + [UInt64(size), UInt64(bitPattern: Int64(date.timeIntervalSince1970 * 1e9))]
        #endif
    }
}

extension Lexicon {
    /// The shipped lexicon, restored from `cache` when it holds a snapshot of these data files
    /// made by this program, and built (and its snapshot kept) otherwise. The same tables as
    /// `bundled()` either way; nil `cache` is `bundled()`.
    package static func bundled(cache: LexiconCache?) throws(LexiconError) -> Lexicon {
        guard let cache, let folder = resourceURL("words.tsv")?.deletingLastPathComponent().path,
            let key = LexiconCache.key(ofFilesIn: folder)
        else { return try bundled() }
        if var reader = cache.snapshot("lexicon", for: key), let words = try? readResource("words.tsv"),
            let lexicon = try? Lexicon(snapshot: &reader, words: words)
        {
            return lexicon
        }
        let lexicon = try bundled()
        cache.store(lexicon.snapshot(), "lexicon", for: key)
        return lexicon
    }

    /// `bundled(cache:)` plus the user's own files, added as `bundled(adding:)` adds them.
    package static func bundled(adding userFiles: [String], cache: LexiconCache?) throws(LexiconError) -> Lexicon {
        var lexicon = try bundled(cache: cache)
        for path in userFiles { try lexicon.addUserFile(atPath: path) }
        return lexicon
    }
}
