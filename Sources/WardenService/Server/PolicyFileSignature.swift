import Foundation

/// What the policy paths look like on disk: every file under them with its size and
/// modification time. Two equal signatures mean nothing was added, removed or edited.
struct PolicyFileSignature: Equatable, Sendable {
    private var files: [String: FileStamp] = [:]

    private struct FileStamp: Equatable, Sendable {
        var size: Int
        var modified: Date
    }

    /// Reads the signature of `paths` (files, or directories walked recursively); a path that
    /// cannot be read counts as absent.
    init(paths: [String]) {
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                stamp(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { continue }
            while let relative = walker.nextObject() as? String {
                stamp((path as NSString).appendingPathComponent(relative))
            }
        }
    }

    private mutating func stamp(_ path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return }
        files[path] = FileStamp(
            size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
            modified: attributes[.modificationDate] as? Date ?? .distantPast)
    }
}
