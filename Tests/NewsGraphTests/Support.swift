import Foundation
import NewsGraph
import Testing
import TestSupport

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

/// From the shared TestSupport target; the alias lets every file of this target use it
/// without importing TestSupport itself.
typealias TemporaryFolder = TestSupport.TemporaryFolder
