import WardenSync
import WardenValue

/// Where a command reads lines from: standard input, a file (a pipe, `/dev/stdin`, a process
/// substitution), or a buffer in tests. Lines are raw bytes, so a reader can name an invalid
/// byte as it is instead of as a replacement character.
public protocol LineInput: Sendable {
    /// The next line without its line break (`\n`, or `\r\n`), or `nil` at the end of the input.
    /// - Throws: ``LineInputError`` when the input cannot be read.
    func nextLine() throws(LineInputError) -> [UInt8]?
}

/// Why an input could not be read: the system's reason, lowercase (`is a directory`).
public struct LineInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason.
    public var reason: String

    /// Creates an error.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

/// Reads the process's standard input line by line.
public struct StandardInputLines: LineInput {
    private let reader = FileLineInput(standardInput: ())

    /// Creates a reader of standard input.
    public init() {}

    /// The next line of standard input.
    public func nextLine() throws(LineInputError) -> [UInt8]? {
        try reader.nextLine()
    }
}

/// Lines given up front, for tests.
public final class BufferedLineInput: LineInput {
    private let remaining: Locked<[[UInt8]]>

    /// Reads the lines of `text`.
    public convenience init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Reads the lines of `bytes`, which need not be valid UTF-8.
    public init(bytes: [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        remaining = Locked(Array(lines.reversed()))
    }

    /// The next line, or `nil` when all were read.
    public func nextLine() -> [UInt8]? {
        remaining.withLock { $0.popLast() }
    }
}
