import Foundation
import Synchronization
import WardenSync
import WardenValue

/// Where a command writes text: standard output, standard error, or a buffer in tests.
public protocol TextOutput: Sendable {
    /// Writes `text` as is (callers add the line breaks).
    func write(_ text: String)
}

extension TextOutput {
    /// Writes `text` followed by a line break.
    public func line(_ text: String = "") {
        write(text + "\n")
    }
}

/// Writes to a file handle, unbuffered, so output interleaves correctly with a reader's input.
public struct FileHandleOutput: TextOutput {
    private let handle: FileHandle

    /// Writes to `handle`.
    public init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The process's standard output.
    public static var standardOutput: FileHandleOutput { FileHandleOutput(.standardOutput) }

    /// The process's standard error.
    public static var standardError: FileHandleOutput { FileHandleOutput(.standardError) }

    /// Writes the UTF-8 bytes of `text`; a closed stream (a reader that went away) is ignored.
    public func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}

/// Collects everything written, for tests and for commands that assemble output first.
public final class BufferedOutput: TextOutput {
    private let buffer = Locked("")

    /// Creates an empty buffer.
    public init() {}

    /// Appends `text`.
    public func write(_ text: String) {
        buffer.withLock { $0 += text }
    }

    /// Everything written so far.
    public var text: String { buffer.withLock { $0 } }

    /// Everything written so far, split into lines (without a trailing empty line).
    public var lines: [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
