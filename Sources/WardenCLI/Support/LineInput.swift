import WardenValue
import Synchronization

/// Where a command reads lines from when it is given `-`: standard input, or a buffer in tests.
public protocol LineInput: Sendable {
    /// The next line without its line break, or `nil` at the end of the input.
    func nextLine() -> String?
}

/// Reads the process's standard input line by line.
public struct StandardInputLines: LineInput {
    /// Creates a reader of standard input.
    public init() {}

    /// The next line of standard input.
    public func nextLine() -> String? {
        readLine(strippingNewline: true)
    }
}

/// Lines given up front, for tests.
public final class BufferedLineInput: LineInput {
    private let remaining: Locked<[String]>

    /// Reads the lines of `text`.
    public init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        remaining = Locked(Array(lines.reversed()))
    }

    /// The next line, or `nil` when all were read.
    public func nextLine() -> String? {
        remaining.withLock { $0.popLast() }
    }
}
