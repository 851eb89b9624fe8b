import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory under the system's temporary directory, removed when released.
final class TemporaryDirectory: Sendable {
    /// The directory's path.
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("warden-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The bytes of a file inside the directory.
    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    /// Replaces a file's content (plain POSIX writes, without the fsync Foundation may add).
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Self.write(path: file(name), bytes)
    }

    /// Replaces the content of the file at `path`. The old file is unlinked first: truncating
    /// it would make ext4 flush the new content synchronously (`auto_da_alloc`).
    static func write(path: String, _ bytes: [UInt8]) throws {
        unlink(path)
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The lines of a text file (without the final empty piece).
    func lines(_ name: String) throws -> [String] {
        let text = String(decoding: try bytes(name), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
