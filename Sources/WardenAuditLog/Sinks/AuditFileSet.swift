import Foundation

/// The files of one rotated JSON Lines log: the active file `NAME.jsonl` and its archives
/// `NAME.000001.jsonl`, `NAME.000002.jsonl`, ... (oldest first, numbers never reused).
///
/// The zero-padded numbers make a shell glob such as `audit*.jsonl` list the files in chain
/// order: every archive, then the active file.
public struct AuditFileSet: Sendable, Hashable {
    /// The active file's path.
    public let activePath: String
    /// The directory holding the files.
    public let directory: String
    /// The active file's name without its extension (`audit` for `audit.jsonl`).
    public let stem: String
    /// The extension with its dot (`.jsonl`), or empty.
    public let fileExtension: String

    /// The file set whose active file is `activePath`.
    public init(activePath: String) {
        self.activePath = activePath
        let url = URL(fileURLWithPath: activePath)
        let name = url.lastPathComponent
        directory = url.deletingLastPathComponent().path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
            fileExtension = String(name[dot...])
        } else {
            stem = name
            fileExtension = ""
        }
    }

    /// The path of archive `number`: `NAME.000042.jsonl`.
    public func archivePath(number: Int) -> String {
        (directory as NSString).appendingPathComponent("\(stem).\(Self.padded(number))\(fileExtension)")
    }

    private static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The archive number encoded in `fileName`, when it names an archive of this set.
    func archiveNumber(ofFileName fileName: String) -> Int? {
        let prefix = stem + "."
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(fileExtension) else { return nil }
        let middle = fileName.dropFirst(prefix.count).dropLast(fileExtension.count)
        guard middle.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(middle), number > 0, Self.padded(number) == middle
        else { return nil }
        return number
    }

    /// The archives present on disk, oldest first.
    public func archives() throws(AuditError) -> [(number: Int, path: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw AuditError(.openFailed, "cannot list audit directory `\(directory)`: \(error.localizedDescription)")
        }
        return names.compactMap { name in archiveNumber(ofFileName: name).map { ($0, archivePath(number: $0)) } }
            .sorted { $0.number < $1.number }
    }

    /// Every file of the set in chain order: the archives, then the active file if it exists.
    public func files() throws(AuditError) -> [String] {
        var paths = try archives().map(\.path)
        if FileManager.default.fileExists(atPath: activePath) { paths.append(activePath) }
        return paths
    }
}
