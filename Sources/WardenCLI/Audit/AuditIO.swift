import WardenValue
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where audit commands write: standard output and error, or memory (for tests).
final class AuditIO: Sendable {
    private struct State {
        var out = ""
        var err = ""
        var capturedOut = ""
        var capturedErr = ""
    }

    /// Whether standard output is a terminal (the default format depends on it).
    let isTerminal: Bool
    private let captures: Bool
    private let state = Locked(State())

    private init(isTerminal: Bool, captures: Bool) {
        self.isTerminal = isTerminal
        self.captures = captures
    }

    /// The process's standard output and error.
    static func standard() -> AuditIO {
        AuditIO(isTerminal: isatty(STDOUT_FILENO) == 1, captures: false)
    }

    /// Memory buffers, as if writing to a terminal or not.
    static func capture(terminal: Bool = false) -> AuditIO {
        AuditIO(isTerminal: terminal, captures: true)
    }

    /// Writes to standard output (buffered until ``flush()`` or 64 KiB).
    func out(_ text: String) {
        let full = state.withLock { s -> Bool in
            s.out += text
            return s.out.utf8.count >= 1 << 16
        }
        if full { flush() }
    }

    /// Writes a line to standard error.
    func err(_ text: String) {
        state.withLock { $0.err += text + "\n" }
        flush()
    }

    /// Writes buffered output.
    func flush() {
        let (out, err) = state.withLock { s -> (String, String) in
            defer {
                s.out = ""
                s.err = ""
            }
            if captures {
                s.capturedOut += s.out
                s.capturedErr += s.err
            }
            return (s.out, s.err)
        }
        guard !captures else { return }
        if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
        if !out.isEmpty { FileHandle.standardOutput.write(Data(out.utf8)) }
    }

    /// Everything written to standard output so far (captured IO only).
    var capturedOut: String {
        flush()
        return state.withLock { $0.capturedOut }
    }

    /// Everything written to standard error so far (captured IO only).
    var capturedErr: String {
        flush()
        return state.withLock { $0.capturedErr }
    }
}
