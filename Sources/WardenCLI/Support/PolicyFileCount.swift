import Foundation

/// Counts the policy files the loader reads for a list of paths, for summary lines.
///
/// Follows the loader's rule: a file is read as given; a directory contributes its `*.yaml` and
/// `*.yml` files found recursively, skipping hidden entries and symbolic links to directories.
/// Paths that do not exist count nothing (the loader reports them).
enum PolicyFileCount {
    /// The number of files read for `paths`.
    static func files(in paths: [String]) -> Int {
        let manager = FileManager.default
        var count = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            count += isDirectory.boolValue ? files(inDirectory: path) : 1
        }
        return count
    }

    private static func files(inDirectory directory: String) -> Int {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return 0 }
        var count = 0
        for name in names where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let type = (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
                if type != .typeSymbolicLink { count += files(inDirectory: path) }
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                count += 1
            }
        }
        return count
    }
}
