import WardenSync
import WardenValue

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor without asking what the file is: a regular file, a pipe,
/// `/dev/stdin`, `/dev/null` or a process substitution (`<(...)`) all read the same way.
final class FileLineInput: LineInput {
    private struct State {
        var descriptor: Int32
        var closes: Bool
        var buffer: [UInt8] = []
        var start = 0
        var atEnd = false
    }

    private let state: Locked<State>

    /// Opens `path` for reading.
    /// - Throws: ``LineInputError`` with the system's reason (`no such file or directory`).
    init(path: String) throws(LineInputError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Self.lastError() }
        state = Locked(State(descriptor: descriptor, closes: true))
    }

    /// Reads the process's standard input (left open).
    init(standardInput: Void) {
        state = Locked(State(descriptor: 0, closes: false))
    }

    deinit {
        state.withLock { state in
            if state.closes { _ = close(state.descriptor) }
        }
    }

    /// The next line, without its `\n` (and a `\r` before it).
    func nextLine() throws(LineInputError) -> [UInt8]? {
        try state.withLock { (state: inout State) throws(LineInputError) -> [UInt8]? in
            while true {
                if let newline = state.buffer[state.start...].firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(state.buffer[state.start..<newline])
                    state.start = newline + 1
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    return line
                }
                if state.atEnd {
                    guard state.start < state.buffer.count else { return nil }
                    let line = Array(state.buffer[state.start...])
                    state.start = state.buffer.count
                    return line
                }
                try Self.fill(&state)
            }
        }
    }

    /// Reads the next chunk into the buffer, dropping the lines already returned.
    private static func fill(_ state: inout State) throws(LineInputError) {
        if state.start > 0 {
            state.buffer.removeFirst(state.start)
            state.start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(state.descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw lastError()
            }
            if count == 0 { state.atEnd = true }
            state.buffer.append(contentsOf: chunk.prefix(count))
            return
        }
    }

    private static func lastError() -> LineInputError {
        let text = String(cString: strerror(errno))
        return LineInputError(reason: text.prefix(1).lowercased() + text.dropFirst())
    }
}
