import GRDB

/// A store whose rows are kept elsewhere (a shared PostgreSQL database) and copied into the local
/// SQLite file that `GraphStore` works on: the replica.
///
/// Every query and every merging rule of the store runs on the local copy, so both backends share
/// one implementation of them (GraphStore+Identity.swift, +Adding, +Corrections, +Queries). What a
/// replicated store adds is around each transaction: before it, the changes other writers made to
/// the shared database are copied in; after it, the rows it changed are copied out, and the local
/// transaction commits only once the shared one has.
package protocol StoreReplica: Sendable {
    /// A name for the shared database in messages (its URL without a password).
    var displayName: String { get }

    /// Runs `body` as one write transaction of the shared database, inside the local transaction
    /// `db`: first the changes made by others are copied into `db` (`body` is told whether there
    /// were any, since the store's memory of earlier batches then no longer holds), then `body`
    /// runs, then the rows it changed are written to the shared database, which commits. When
    /// anything throws, the shared transaction is rolled back and the error rethrown, so that the
    /// local one is rolled back too.
    func write<T>(_ db: Database, _ body: (_ changedElsewhere: Bool) throws -> T) throws -> T

    /// Copies into `db` the changes others made to the shared database since the last copy;
    /// returns whether there were any.
    func refresh(_ db: Database) throws -> Bool
}
