import Dispatch
import Foundation
import Synchronization

/// How far a build has got; handed to the progress callback after each stored batch.
public struct BuildProgress: Sendable, Hashable {
    /// Articles read so far, stored or not, and the bytes of their text.
    public var articlesRead = 0
    public var textBytes = 0
    /// Bytes of the input files read so far (compressed files count as stored), and their total
    /// when known: together they give the time left.
    public var inputBytes = 0
    public var totalInputBytes: Int?
    public var added = 0
    /// Articles already in the store, left as they were.
    public var unchanged = 0
    /// Files and lines skipped because of a problem.
    public var failed = 0
    /// Seconds since the build started.
    public var elapsed: Double = 0
}

/// Adds articles to a store as fast as they can be extracted: extraction runs on every core while
/// one writer stores the results, many articles per transaction.
///
/// Articles are read in order and grouped in batches. Each batch is extracted on all cores, then
/// handed to the writer, which adds it in one transaction while the next batch is extracted. A
/// batch is stored whole or not at all, so a build killed at any moment loses at most the
/// batches in flight, and the next build adds them (articles already stored are recognized by
/// their digest and not extracted again). At most three batches are held at once (one being
/// extracted, one waiting, one being written), so memory does not grow with the corpus.
public struct StoreBuilder: Sendable {
    public let extractor: GraphExtractor
    public let store: GraphStore
    /// A batch ends at this many articles or this many bytes of text, whichever comes first.
    /// The first batches are smaller (32 articles, then four times more each time), so that the
    /// writer starts early. Larger batches write less in all: each batch updates the mention
    /// counts and edge weights it touched once.
    public var batchArticles = 2048
    public var batchBytes = 16 * 1_048_576

    /// A builder that extracts with `extractor` and adds to `store`.
    public init(extractor: GraphExtractor, store: GraphStore) {
        self.extractor = extractor
        self.store = store
    }

    /// Reads every article `reader` gives and adds it to the store. Problems with the input are
    /// reported through `problem`, in input order, and skipped; `progress` is called (from the
    /// writer's thread) after each stored batch. A store error stops the build and is thrown;
    /// the batches stored before it stay.
    @discardableResult
    public func add(from reader: inout ArticleReader, problem: (InputProblem) -> Void = { _ in },
                    progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }) throws(NewsGraphError) -> BuildProgress
    {
        let started = DispatchTime.now()
        let tally = Mutex(BuildProgress(totalInputBytes: reader.totalBytes))
        @Sendable func snapshot() -> BuildProgress {
            tally.withLock { tally in
                tally.elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                return tally
            }
        }
        let handoff = Handoff<[ArticleGraph]>()
        let store = self.store
        let writer = JoinableThread {
            while let batch = handoff.take() {
                do throws(StoreError) {
                    let results = try store.add(batch)
                    let added = results.count { $0 == .added }
                    tally.withLock { tally in
                        tally.added += added
                        tally.unchanged += results.count - added
                    }
                    progress(snapshot())
                } catch {
                    handoff.fail(error)
                }
            }
        }

        var storeError: StoreError?
        var articlesPerBatch = min(32, batchArticles)
        while storeError == nil {
            let items = reader.nextBatch(articles: articlesPerBatch, bytes: batchBytes)
            articlesPerBatch = min(articlesPerBatch * 4, batchArticles)
            guard !items.isEmpty else { break }
            // Read the files and digest every article on all cores.
            let read = parallelMap(items) { item -> Result<(Article, ArticleRecord), InputProblem> in
                let article: Result<Article, InputProblem> = switch item {
                case .file(let path): ArticleReader.read(path)
                case .article(let article): .success(article)
                case .problem(let problem): .failure(problem)
                }
                return article.map { ($0, $0.record) }
            }
            var failed = 0
            var textBytes = 0
            var fresh: [(Article, ArticleRecord)] = []
            for result in read {
                switch result {
                case .success(let article):
                    fresh.append(article)
                    textBytes += article.0.text.count
                case .failure(let reported):
                    problem(reported)
                    if !reported.isWarning { failed += 1 }
                }
            }
            // Articles stored before (a resumed build) are not extracted again.
            let stored: Set<String>
            do {
                stored = try store.storedDigests(among: fresh.map(\.1.digest))
            } catch {
                storeError = error
                break
            }
            let readCount = fresh.count
            let unchanged = fresh.count { stored.contains($0.1.digest) }
            fresh.removeAll { stored.contains($0.1.digest) }
            let extracted = parallelMap(fresh) { article, record in
                extractor.storable(article, record: record)
            }
            for case (_, let warning?) in extracted { problem(warning) }
            let batch = extracted.map(\.0)
            tally.withLock { tally in
                tally.articlesRead += readCount
                tally.textBytes += textBytes
                tally.inputBytes = reader.consumedBytes
                tally.failed += failed
                tally.unchanged += unchanged
            }
            if !handoff.put(batch) { break }
        }
        handoff.close()
        writer.join()
        if let error = storeError ?? handoff.failure { throw .store(error) }
        let final = snapshot()
        progress(final)
        return final
    }
}

/// Hands batches from the reading thread to the writer's thread, one at a time: the reader
/// waits while one batch is already waiting, so memory stays bounded.
final class Handoff<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Value?
    private var closed = false
    private var error: StoreError?

    /// Waits until the slot is free and fills it; false when the writer has failed.
    func put(_ value: Value) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting != nil && error == nil { condition.wait() }
        guard error == nil else { return false }
        waiting = value
        condition.broadcast()
        return true
    }

    /// The next value, waiting for one; nil once closed and empty, or after a failure.
    func take() -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while waiting == nil && !closed && error == nil { condition.wait() }
        guard error == nil, let value = waiting else { return nil }
        waiting = nil
        condition.broadcast()
        return value
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Records the writer's failure; the reader's next `put` returns false.
    func fail(_ error: StoreError) {
        condition.lock()
        self.error = error
        waiting = nil
        condition.broadcast()
        condition.unlock()
    }

    var failure: StoreError? {
        condition.lock()
        defer { condition.unlock() }
        return error
    }
}

/// A thread that can be waited for until it has ended and released everything its work held:
/// the store writer's last reference to the store must go before the command returns, so that
/// the store is closed (and its write-ahead log folded back into the file) before the process exits.
final class JoinableThread: @unchecked Sendable {
    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    #if os(Linux)
    private var thread = pthread_t()
    #else
    private var thread: pthread_t?
    #endif

    init(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        let created = pthread_create(&thread, nil, { argument in
            // Released when this function returns, before the thread ends.
            let work = Unmanaged<Work>.fromOpaque(argument!).takeRetainedValue()
            work.body()
            return nil
        }, work)
        precondition(created == 0, "cannot start the store writer's thread (error \(created))")
    }

    func join() {
        #if os(Linux)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
    }
}
