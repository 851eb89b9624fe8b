import Foundation
import WardenTestSupport

/// The gateway and audit tests' view of the built `warden` executable: runs it through
/// ``PolicyCLIBinary`` (which waits for the child without blocking a thread) and keeps the
/// output shape these tests read.
enum WardenProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (for `policies/`).
    static let packageRoot = PolicyCLI.root

    /// The `warden` executable built with the tests.
    static func executable() throws -> URL {
        URL(fileURLWithPath: try BuiltExecutable.path())
    }

    /// Runs `warden arguments...` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL = packageRoot) async throws -> Output {
        let result = try await PolicyCLIBinary.run(arguments, in: directory.path)
        return Output(status: result.code, stdout: result.output, stderr: result.errors)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        URL(fileURLWithPath: try PolicyCLI.temporaryDirectory())
    }
}
