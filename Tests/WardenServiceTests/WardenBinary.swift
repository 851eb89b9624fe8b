import Foundation
import WardenTestSupport

/// The built `warden` executable, for the commands that print straight to standard output.
enum WardenBinary {
    /// Runs `warden arguments...` and returns its exit status and standard output.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await LiveServer.run(try BuiltExecutable.path(), arguments)
    }
}
